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
} from '@jetstreamapp/soql-parser-js';
import type { InMemoryOrg, SRecord } from './org.js';
import {
  child,
  readPath,
  relation,
  resolveField,
  resolveObject,
  SoqlError,
  type Ctx,
  type QueryScope,
} from './soql-names.js';
import { comparable, compile, tokens } from './soql-where.js';

export { SoqlError, type QueryScope } from './soql-names.js';

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
