// Evaluates the SOQL the product, the components and the `sf` CLI send over the in-memory org: parsed
// by @jetstreamapp/soql-parser-js, then fields (including parent fields and child sub-queries), WHERE
// with AND/OR/NOT and parentheses, ORDER BY with NULLS FIRST/LAST, and LIMIT, shaped as the REST query
// resource returns them. With a schema, names resolve case-insensitively and fields the caller may not
// read are INVALID_FIELD; any clause outside this subset is MALFORMED_QUERY, never a wrong answer.
import {
  parseQuery,
  type FieldType,
  type Query,
  type Subquery,
  type WhereClause,
} from '@jetstreamapp/soql-parser-js';
import { CHILDREN, KEY_PREFIXES, LOOKUPS, type InMemoryOrg, type SRecord } from './org.js';
import type { OrgSchema } from './schema.js';

/** What a query may see: the org's schema and the caller's field-level read access. */
export interface QueryScope {
  schema: OrgSchema;
  canRead: (object: string, field: string) => boolean;
}

/** The query's evaluation context: the org, and the schema scope when the org has one. */
interface Ctx {
  org: InMemoryOrg;
  scope?: QueryScope;
}

const SUPPORTED_LITERALS = new Set([
  'STRING',
  'INTEGER',
  'DECIMAL',
  'BOOLEAN',
  'NULL',
  'DATETIME',
  'DATE',
]);

function resolveObject(ctx: Ctx, name: string): string {
  if (!ctx.scope) return name;
  const object = ctx.scope.schema.object(name);
  if (!object) {
    throw new SoqlError(
      'INVALID_TYPE',
      `sObject type '${name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
    );
  }
  return object.name;
}

/** The field's canonical name, checked against the schema and the caller's read access. */
function resolveField(ctx: Ctx, object: string, name: string): string {
  if (!ctx.scope) return name;
  const field = ctx.scope.schema.field(object, name);
  if (!field || !ctx.scope.canRead(object, field.name)) {
    throw new SoqlError(
      'INVALID_FIELD',
      `No such column '${name}' on entity '${object}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
    );
  }
  return field.name;
}

/** The lookup a relationship name walks: its field and the parent object for a given parent Id. */
function relation(
  ctx: Ctx,
  object: string,
  relationship: string,
): { field: string; target: (id: string) => string } {
  if (ctx.scope) {
    const field = ctx.scope.schema.lookupByRelationship(object, relationship);
    if (!field || !ctx.scope.canRead(object, field.name))
      throw new SoqlError(
        'INVALID_FIELD',
        `Didn't understand relationship '${relationship}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
      );
    const targets = field.referenceTo ?? [];
    return {
      field: field.name,
      // A polymorphic lookup (OwnerId: User or Group) names its parent by the Id's key prefix.
      target: (id) =>
        targets.find(
          (candidate) =>
            (ctx.scope!.schema.object(candidate)?.keyPrefix ?? KEY_PREFIXES[candidate]) ===
            id.slice(0, 3),
        ) ?? targets[0]!,
    };
  }
  const lookupField = relationship.endsWith('__r')
    ? relationship.replace(/__r$/, '__c')
    : `${relationship}Id`;
  const target = LOOKUPS[object]?.[lookupField];
  if (!target)
    throw new SoqlError(
      'INVALID_FIELD',
      `No such relation '${relationship}' on entity '${object}'`,
    );
  return { field: lookupField, target: () => target };
}

function child(ctx: Ctx, object: string, relationshipName: string): [string, string] {
  if (ctx.scope) {
    const found = ctx.scope.schema
      .childRelationships(object)
      .find((entry) => entry.relationshipName.toLowerCase() === relationshipName.toLowerCase());
    if (found) return [found.childSObject, found.field];
  } else {
    const found = CHILDREN[object]?.[relationshipName];
    if (found) return found;
  }
  throw new SoqlError(
    'INVALID_TYPE',
    `Didn't understand relationship '${relationshipName}' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
  );
}

export class SoqlError extends Error {
  constructor(
    readonly errorCode: string,
    message: string,
  ) {
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
function readPath(ctx: Ctx, object: string, record: SRecord, path: string): unknown {
  const parts = path.split('.');
  let currentObject = object;
  let current: SRecord | undefined = record;
  for (let index = 0; index < parts.length - 1; index++) {
    const walk = relation(ctx, currentObject, parts[index]!);
    const id: unknown = current?.[walk.field];
    currentObject = typeof id === 'string' ? walk.target(id) : walk.target('');
    current = typeof id === 'string' ? ctx.org.get(currentObject, id) : undefined;
  }
  const field = resolveField(ctx, currentObject, parts.at(-1)!);
  return current?.[field] ?? null;
}

function comparable(value: unknown): number | string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  const text = String(value);
  if (/^\d{4}-\d{2}-\d{2}T/.test(text))
    return new Date(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')).getTime();
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
    const pattern = new RegExp(
      `^${String(right)
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/%/g, '.*')
        .replace(/_/g, '.')}$`,
      'i',
    );
    return pattern.test(String(left ?? ''));
  }
  if (a === null || b === null) return false;
  if (operator === '<') return a < b;
  if (operator === '<=') return a <= b;
  if (operator === '>') return a > b;
  if (operator === '>=') return a >= b;
  throw new SoqlError('MALFORMED_QUERY', `operator ${operator} is not supported by the local org`);
}

type Token =
  | { kind: 'open' }
  | { kind: 'close' }
  | { kind: 'op'; op: 'AND' | 'OR' | 'NOT' }
  | { kind: 'cond'; test: (record: SRecord) => boolean };

/** The parser keeps WHERE as a chain with paren counts; flatten it to tokens and parse by precedence. */
function tokens(
  ctx: Ctx,
  object: string,
  where: WhereClause | undefined,
  out: Token[] = [],
): Token[] {
  if (!where) return out;
  const left = where.left as
    | (Record<string, unknown> & { openParen?: number; closeParen?: number })
    | null;
  if (left) {
    for (let i = 0; i < (left.openParen ?? 0); i++) out.push({ kind: 'open' });
    if ('field' in left && left.operator && !('valueQuery' in left)) {
      const field = String(left.field);
      const operator = String(left.operator);
      const raw = left.value as string | string[];
      const type = left.literalType as string | string[] | undefined;
      for (const each of Array.isArray(type) ? type : [type]) {
        if (each !== undefined && !SUPPORTED_LITERALS.has(each))
          throw new SoqlError(
            'MALFORMED_QUERY',
            `${each} values in WHERE are not supported by the local org`,
          );
      }
      const value: Value = Array.isArray(raw)
        ? raw.map(
            (item, index) => literal(item, Array.isArray(type) ? type[index] : type) as string,
          )
        : literal(raw, Array.isArray(type) ? type[0] : type);
      readPath(ctx, object, { Id: '' }, field); // names are checked even when no row matches
      out.push({
        kind: 'cond',
        test: (record) => compare(readPath(ctx, object, record, field), operator, value),
      });
    } else if (
      !(
        'operator' in where &&
        where.operator === 'NOT' &&
        Object.keys(left).every((key) => key === 'openParen' || key === 'closeParen')
      )
    ) {
      throw new SoqlError(
        'MALFORMED_QUERY',
        'this WHERE condition (a function, a semi-join or a sub-query) is not supported by the local org',
      );
    }
    for (let i = 0; i < (left.closeParen ?? 0); i++) out.push({ kind: 'close' });
  }
  if ('operator' in where && where.operator) {
    out.push({ kind: 'op', op: where.operator });
    tokens(ctx, object, where.right, out);
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
      if (list[position++]?.kind !== 'close')
        throw new SoqlError('MALFORMED_QUERY', 'unbalanced parentheses');
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
function setPath(
  ctx: Ctx,
  object: string,
  record: SRecord,
  target: Record<string, unknown>,
  relationships: string[],
  field: string,
  version: string,
): void {
  let currentObject = object;
  let current: SRecord | undefined = record;
  let into = target;
  const walked: string[] = [];
  for (const relationship of relationships) {
    const walk = relation(ctx, currentObject, relationship);
    const name = ctx.scope
      ? (ctx.scope.schema.field(currentObject, walk.field)?.relationshipName ?? relationship)
      : relationship;
    const id: unknown = current?.[walk.field];
    const parentObject = walk.target(typeof id === 'string' ? id : '');
    current = typeof id === 'string' ? ctx.org.get(parentObject, id) : undefined;
    currentObject = parentObject;
    walked.push(name);
    if (!current) {
      resolveField(ctx, currentObject, field);
      if (!(name in into)) into[name] = null;
      return;
    }
    const existing = into[name] as Record<string, unknown> | null | undefined;
    const next = existing ?? { attributes: attributes(parentObject, current.Id, version) };
    into[name] = next;
    into = next;
  }
  const canonical = resolveField(ctx, currentObject, field);
  into[canonical] = current?.[canonical] ?? null;
}

function project(
  ctx: Ctx,
  object: string,
  record: SRecord,
  fields: FieldType[],
  version: string,
): Record<string, unknown> {
  const row: Record<string, unknown> = { attributes: attributes(object, record.Id, version) };
  for (const field of fields) {
    if (field.type === 'Field' && !('alias' in field && field.alias)) {
      const name = resolveField(ctx, object, field.field);
      row[name] = record[name] ?? null;
    } else if (field.type === 'FieldRelationship' && !('alias' in field && field.alias)) {
      setPath(ctx, object, record, row, field.relationships, field.field, version);
    } else if (field.type === 'FieldSubquery') {
      const subquery = field.subquery as Subquery;
      const [childObject, lookup] = child(ctx, object, subquery.relationshipName);
      const rows = select(ctx, childObject, subquery, version).filter(
        (childRecord) => childRecord[lookup] === record.Id,
      );
      const name = ctx.scope
        ? (ctx.scope.schema
            .childRelationships(object)
            .find(
              (entry) =>
                entry.relationshipName.toLowerCase() === subquery.relationshipName.toLowerCase(),
            )?.relationshipName ?? subquery.relationshipName)
        : subquery.relationshipName;
      row[name] =
        rows.length === 0
          ? null
          : {
              totalSize: rows.length,
              done: true,
              records: rows.map((childRecord) =>
                project(ctx, childObject, childRecord, subquery.fields ?? [], version),
              ),
            };
    } else {
      throw new SoqlError(
        'MALFORMED_QUERY',
        `field form ${field.type} is not supported by the local org`,
      );
    }
  }
  return row;
}

function checkClauses(query: Query | Subquery): void {
  const unsupported = (
    [
      'offset',
      'groupBy',
      'having',
      'withDataCategory',
      'for',
      'update',
      'usingScope',
      'sObjectAlias',
    ] as const
  ).filter((clause) => query[clause] !== undefined);
  if (unsupported.length > 0)
    throw new SoqlError(
      'MALFORMED_QUERY',
      `${unsupported.join(', ')} is not supported by the local org`,
    );
}

function select(ctx: Ctx, object: string, query: Query | Subquery, _version: string): SRecord[] {
  checkClauses(query);
  const matches = compile(tokens(ctx, object, query.where));
  let rows = ctx.org.all(object).filter((record) => matches(record));
  const orderBy = query.orderBy
    ? Array.isArray(query.orderBy)
      ? query.orderBy
      : [query.orderBy]
    : [];
  if (orderBy.length > 0) {
    rows = [...rows].sort((a, b) => {
      for (const clause of orderBy) {
        if (!('field' in clause) || !clause.field)
          throw new SoqlError(
            'MALFORMED_QUERY',
            'ORDER BY a function is not supported by the local org',
          );
        const left = comparable(readPath(ctx, object, a, clause.field));
        const right = comparable(readPath(ctx, object, b, clause.field));
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

/** Runs a query: every matching row, projected. Paging is the server's job. */
export function runQuery(
  org: InMemoryOrg,
  soql: string,
  version: string,
  scope?: QueryScope,
): Array<Record<string, unknown>> {
  let query: Query;
  try {
    query = parseQuery(soql);
  } catch (error) {
    throw new SoqlError('MALFORMED_QUERY', error instanceof Error ? error.message : String(error));
  }
  if (!query.sObject) throw new SoqlError('MALFORMED_QUERY', 'no FROM object');
  const ctx: Ctx = { org, ...(scope ? { scope } : {}) };
  const object = resolveObject(ctx, query.sObject);
  const rows = select(ctx, object, query, version);
  // Names are checked even when no row matches, as Salesforce compiles the query first.
  project(ctx, object, { Id: '' }, query.fields ?? [], version);
  return rows.map((record) => project(ctx, object, record, query.fields ?? [], version));
}
