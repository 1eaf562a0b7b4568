// Evaluates the SOQL the gateway sends over the in-memory org: parsed by @jetstreamapp/soql-parser-js,
// then fields (including parent fields and child sub-queries), WHERE with AND/OR/NOT and parentheses,
// ORDER BY with NULLS FIRST/LAST, and LIMIT, shaped as the REST query resource returns them.
import { parseQuery, type FieldType, type Query, type Subquery, type WhereClause } from '@jetstreamapp/soql-parser-js';
import { CHILDREN, LOOKUPS, type InMemoryOrg, type SRecord } from './org.js';

export class SoqlError extends Error {
  constructor(readonly errorCode: string, message: string) {
    super(message);
  }
}

type Value = string | number | boolean | null | string[];

function literal(raw: string, type: string | undefined): Value {
  switch (type) {
    case 'STRING':
      return raw.replace(/^'/, '').replace(/'$/, '').replace(/\\(.)/g, '$1');
    case 'NULL':
      return null;
    case 'BOOLEAN':
      return raw.toLowerCase() === 'true';
    case 'INTEGER':
    case 'DECIMAL':
      return Number(raw);
    default:
      return raw;
  }
}

/** Reads `Account.Name` style paths through lookups. */
function readPath(org: InMemoryOrg, object: string, record: SRecord, path: string): unknown {
  const parts = path.split('.');
  let currentObject = object;
  let current: SRecord | undefined = record;
  for (let index = 0; index < parts.length - 1; index++) {
    const relationship = parts[index]!;
    const lookupField = relationship.endsWith('__r') ? relationship.replace(/__r$/, '__c') : `${relationship}Id`;
    const target = LOOKUPS[currentObject]?.[lookupField];
    if (!target) throw new SoqlError('INVALID_FIELD', `No such relation '${relationship}' on entity '${currentObject}'`);
    const id: unknown = current?.[lookupField];
    current = typeof id === 'string' ? org.get(target, id) : undefined;
    currentObject = target;
    if (!current) return null;
  }
  return current?.[parts.at(-1)!] ?? null;
}

function comparable(value: unknown): number | string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  const text = String(value);
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) return new Date(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')).getTime();
  return text;
}

function compare(left: unknown, operator: string, right: Value): boolean {
  if (operator === 'IN' || operator === 'NOT IN') {
    const list = (Array.isArray(right) ? right : [right]).map(comparable);
    const found = list.includes(comparable(left));
    return operator === 'IN' ? found : !found;
  }
  if (operator === 'INCLUDES' || operator === 'EXCLUDES') {
    const values = String(left ?? '').split(';');
    const wanted = Array.isArray(right) ? right : [String(right)];
    const hit = wanted.some((item) => values.includes(item));
    return operator === 'INCLUDES' ? hit : !hit;
  }
  const a = comparable(left);
  const b = comparable(right);
  if (operator === '=') return a === b;
  if (operator === '!=') return a !== b;
  if (operator === 'LIKE') {
    const pattern = new RegExp(`^${String(right).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.')}$`, 'i');
    return pattern.test(String(left ?? ''));
  }
  if (a === null || b === null) return false;
  if (operator === '<') return a < b;
  if (operator === '<=') return a <= b;
  if (operator === '>') return a > b;
  if (operator === '>=') return a >= b;
  throw new SoqlError('MALFORMED_QUERY', `operator ${operator} is not supported by the test server`);
}

type Token = { kind: 'open' } | { kind: 'close' } | { kind: 'op'; op: 'AND' | 'OR' | 'NOT' } | { kind: 'cond'; test: (record: SRecord) => boolean };

/** The parser keeps WHERE as a chain with paren counts; flatten it to tokens and parse by precedence. */
function tokens(org: InMemoryOrg, object: string, where: WhereClause | undefined, out: Token[] = []): Token[] {
  if (!where) return out;
  const left = where.left as (Record<string, unknown> & { openParen?: number; closeParen?: number }) | null;
  if (left) {
    for (let i = 0; i < (left.openParen ?? 0); i++) out.push({ kind: 'open' });
    if ('field' in left && left.operator) {
      const field = String(left.field);
      const operator = String(left.operator);
      const raw = left.value as string | string[];
      const type = left.literalType as string | string[] | undefined;
      const value: Value = Array.isArray(raw) ? raw.map((item, index) => literal(item, Array.isArray(type) ? type[index] : type) as string) : literal(raw, Array.isArray(type) ? type[0] : type);
      out.push({ kind: 'cond', test: (record) => compare(readPath(org, object, record, field), operator, value) });
    }
    for (let i = 0; i < (left.closeParen ?? 0); i++) out.push({ kind: 'close' });
  }
  if ('operator' in where && where.operator) {
    out.push({ kind: 'op', op: where.operator });
    tokens(org, object, where.right, out);
  }
  return out;
}

function compile(list: Token[]): (record: SRecord) => boolean {
  let position = 0;
  const peek = () => list[position];
  function primary(): (record: SRecord) => boolean {
    const token = list[position++];
    if (!token) throw new SoqlError('MALFORMED_QUERY', 'unexpected end of WHERE');
    if (token.kind === 'open') {
      const inner = or();
      if (list[position++]?.kind !== 'close') throw new SoqlError('MALFORMED_QUERY', 'unbalanced parentheses');
      return inner;
    }
    if (token.kind === 'op' && token.op === 'NOT') {
      const inner = primary();
      return (record) => !inner(record);
    }
    if (token.kind === 'cond') return token.test;
    throw new SoqlError('MALFORMED_QUERY', 'unexpected token in WHERE');
  }
  function and(): (record: SRecord) => boolean {
    let left = primary();
    while (peek()?.kind === 'op' && (peek() as { op: string }).op === 'AND') {
      position++;
      const l = left;
      const r = primary();
      left = (record) => l(record) && r(record);
    }
    return left;
  }
  function or(): (record: SRecord) => boolean {
    let left = and();
    while (peek()?.kind === 'op' && (peek() as { op: string }).op === 'OR') {
      position++;
      const l = left;
      const r = and();
      left = (record) => l(record) || r(record);
    }
    return left;
  }
  if (list.length === 0) return () => true;
  return or();
}

function attributes(object: string, id: string, version: string) {
  return { type: object, url: `/services/data/v${version}/sobjects/${object}/${id}` };
}

/** Builds the nested parent object for `Account.Name`-style fields. */
function setPath(org: InMemoryOrg, object: string, record: SRecord, target: Record<string, unknown>, relationships: string[], field: string, version: string): void {
  let currentObject = object;
  let current: SRecord | undefined = record;
  let into = target;
  for (const relationship of relationships) {
    const lookupField = relationship.endsWith('__r') ? relationship.replace(/__r$/, '__c') : `${relationship}Id`;
    const parentObject = LOOKUPS[currentObject]?.[lookupField];
    if (!parentObject) throw new SoqlError('INVALID_FIELD', `No such relation '${relationship}' on entity '${currentObject}'`);
    const id: unknown = current?.[lookupField];
    current = typeof id === 'string' ? org.get(parentObject, id) : undefined;
    currentObject = parentObject;
    if (!current) {
      if (!(relationship in into)) into[relationship] = null;
      return;
    }
    const existing = into[relationship] as Record<string, unknown> | null | undefined;
    const next = existing ?? { attributes: attributes(parentObject, current.Id, version) };
    into[relationship] = next;
    into = next;
  }
  into[field] = current?.[field] ?? null;
}

function project(org: InMemoryOrg, object: string, record: SRecord, fields: FieldType[], version: string): Record<string, unknown> {
  const row: Record<string, unknown> = { attributes: attributes(object, record.Id, version) };
  for (const field of fields) {
    if (field.type === 'Field') {
      row[field.field] = record[field.field] ?? null;
    } else if (field.type === 'FieldRelationship') {
      setPath(org, object, record, row, field.relationships, field.field, version);
    } else if (field.type === 'FieldSubquery') {
      const subquery = field.subquery as Subquery;
      const child = CHILDREN[object]?.[subquery.relationshipName];
      if (!child) throw new SoqlError('INVALID_TYPE', `Didn't understand relationship '${subquery.relationshipName}' in FROM part of query call`);
      const [childObject, lookup] = child;
      const rows = select(org, childObject, subquery, version).filter((childRecord) => childRecord[lookup] === record.Id);
      row[subquery.relationshipName] = rows.length === 0 ? null : { totalSize: rows.length, done: true, records: rows.map((childRecord) => project(org, childObject, childRecord, subquery.fields ?? [], version)) };
    } else {
      throw new SoqlError('MALFORMED_QUERY', `field form ${field.type} is not supported by the test server`);
    }
  }
  return row;
}

function select(org: InMemoryOrg, object: string, query: Query | Subquery, _version: string): SRecord[] {
  const matches = compile(tokens(org, object, query.where));
  let rows = org.all(object).filter((record) => matches(record));
  const orderBy = query.orderBy ? (Array.isArray(query.orderBy) ? query.orderBy : [query.orderBy]) : [];
  if (orderBy.length > 0) {
    rows = [...rows].sort((a, b) => {
      for (const clause of orderBy) {
        if (!('field' in clause) || !clause.field) continue;
        const left = comparable(readPath(org, object, a, clause.field));
        const right = comparable(readPath(org, object, b, clause.field));
        const descending = clause.order === 'DESC';
        const nullsFirst = clause.nulls ? clause.nulls === 'FIRST' : !descending;
        if (left === right) continue;
        if (left === null) return nullsFirst ? -1 : 1;
        if (right === null) return nullsFirst ? 1 : -1;
        const order = left < right ? -1 : 1;
        return descending ? -order : order;
      }
      return 0;
    });
  }
  if (query.limit !== undefined) rows = rows.slice(0, query.limit);
  return rows;
}

/**
 * Organisation-wide defaults of the local org: what the package declares on its objects, and Public
 * Read Only for Opportunity (a standard object the package leaves to the org).
 */
export const LOCAL_SHARING_MODELS: Record<string, 'Private' | 'Read' | 'ReadWrite' | 'ControlledByParent'> = {
  Opportunity: 'Read',
  CoSell_Referral__c: 'Read',
  CoSell_Counterpart__c: 'Read',
  CoSell_Metric__c: 'Read',
  CoSell_Engagement__c: 'ControlledByParent',
};

function recordAccess(org: InMemoryOrg, user: SRecord, object: string, record: SRecord): { read: boolean; edit: boolean } {
  if (user.ProfileName === 'System Administrator') return { read: true, edit: true };
  const model = LOCAL_SHARING_MODELS[object] ?? 'Private';
  if (model === 'ControlledByParent') {
    const parentField = Object.entries(LOOKUPS[object] ?? {})[0];
    const parent = parentField && typeof record[parentField[0]] === 'string' ? org.get(parentField[1], record[parentField[0]] as string) : undefined;
    return parent ? recordAccess(org, user, parentField![1], parent) : { read: false, edit: false };
  }
  if (record.OwnerId === user.Id) return { read: true, edit: true };
  return { read: model !== 'Private', edit: model === 'ReadWrite' };
}

/**
 * UserRecordAccess, answered from ownership and the sharing models above: one row per user and
 * record, filtered by the query's WHERE like any table.
 */
function userRecordAccessRows(org: InMemoryOrg): SRecord[] {
  const rows: SRecord[] = [];
  for (const user of org.all('User')) {
    for (const object of Object.keys(LOCAL_SHARING_MODELS)) {
      for (const record of org.all(object)) {
        const access = recordAccess(org, user, object, record);
        rows.push({ Id: `${user.Id}:${record.Id}`, UserId: user.Id, RecordId: record.Id, HasReadAccess: access.read, HasEditAccess: access.edit });
      }
    }
  }
  return rows;
}

/** Runs a query: every matching row, projected. Paging is the server's job. */
export function runQuery(org: InMemoryOrg, soql: string, version: string): Array<Record<string, unknown>> {
  let query: Query;
  try {
    query = parseQuery(soql);
  } catch (error) {
    throw new SoqlError('MALFORMED_QUERY', error instanceof Error ? error.message : String(error));
  }
  if (!query.sObject) throw new SoqlError('MALFORMED_QUERY', 'no FROM object');
  const object = query.sObject;
  if (object === 'UserRecordAccess') {
    const matches = compile(tokens(org, object, query.where));
    return userRecordAccessRows(org).filter((row) => matches(row)).map((row) => project(org, object, row, query.fields ?? [], version));
  }
  return select(org, object, query, version).map((record) => project(org, object, record, query.fields ?? [], version));
}
