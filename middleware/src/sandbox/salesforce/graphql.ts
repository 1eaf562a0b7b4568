// The UI API GraphQL endpoint for the read queries components send (`uiapi { query { Obj(where:,
// first:, after:, orderBy:) { edges { node { Id Field { value displayValue } } } totalCount } } }`): parsed by
// the graphql package, run as SOQL over the same records with the caller's field-level security.
import {
  Kind,
  parse,
  type ArgumentNode,
  type FieldNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { parentColumn, parentValue, type ParentColumn } from './graphql-parents.js';
import type { InMemoryOrg } from './org.js';
import type { OrgSchema } from './schema.js';
import { runQuery, SoqlError, type QueryScope } from './soql.js';
import { fieldValue } from './ui-api.js';

export class GraphqlQueryError extends Error {}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const OPERATORS: Record<string, string> = {
  eq: '=',
  ne: '!=',
  lt: '<',
  lte: '<=',
  gt: '>',
  gte: '>=',
  like: 'LIKE',
  in: 'IN',
  nin: 'NOT IN',
};

function valueOf(node: ValueNode, variables: Record<string, Json>): Json {
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables[node.name.value] ?? null;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.STRING:
    case Kind.ENUM:
      return node.value;
    case Kind.BOOLEAN:
      return node.value;
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return node.values.map((item) => valueOf(item, variables));
    case Kind.OBJECT:
      return Object.fromEntries(
        node.fields.map((field) => [field.name.value, valueOf(field.value, variables)]),
      );
  }
}

function soqlLiteral(value: Json): string {
  if (value === null) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  throw new GraphqlQueryError('a filter value must be a string, number, boolean or null');
}

function isObject(value: Json): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{ and: [...] }`, `{ or: [...] }`, `{ not: {...} }`, `{ Field: { eq: v } }` → a SOQL condition. */
function condition(filter: Json): string {
  if (!isObject(filter)) throw new GraphqlQueryError('where must be an object');
  const parts = Object.entries(filter).map(([key, value]) => {
    if (key === 'and' || key === 'or') {
      if (!Array.isArray(value) || value.length === 0)
        throw new GraphqlQueryError(`${key} needs a list of filters`);
      return `(${value.map(condition).join(key === 'and' ? ' AND ' : ' OR ')})`;
    }
    if (key === 'not') return `(NOT ${condition(value)})`;
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) || !isObject(value))
      throw new GraphqlQueryError(`unsupported filter on ${key}`);
    return Object.entries(value)
      .map(([operator, operand]) => {
        const soql = OPERATORS[operator];
        if (!soql) throw new GraphqlQueryError(`unsupported operator ${operator} on ${key}`);
        if (soql === 'IN' || soql === 'NOT IN') {
          if (!Array.isArray(operand)) throw new GraphqlQueryError(`${operator} needs a list`);
          return `${key} ${soql} (${operand.map(soqlLiteral).join(', ')})`;
        }
        return `${key} ${soql} ${soqlLiteral(operand)}`;
      })
      .join(' AND ');
  });
  return parts.length === 1 ? parts[0]! : `(${parts.join(' AND ')})`;
}

function orderBy(value: Json): string {
  if (!isObject(value)) throw new GraphqlQueryError('orderBy must be an object');
  return Object.entries(value)
    .map(([field, spec]) => {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(field) || !isObject(spec))
        throw new GraphqlQueryError(`unsupported orderBy on ${field}`);
      const order =
        spec.order === 'DESC'
          ? ' DESC'
          : spec.order === 'ASC' || spec.order === undefined
            ? ' ASC'
            : null;
      if (order === null) throw new GraphqlQueryError(`orderBy order must be ASC or DESC`);
      const nulls =
        spec.nulls === 'FIRST' ? ' NULLS FIRST' : spec.nulls === 'LAST' ? ' NULLS LAST' : '';
      return `${field}${order}${nulls}`;
    })
    .join(', ');
}

function only(selection: SelectionSetNode | undefined, name: string, path: string): FieldNode {
  const field = selection?.selections.find(
    (node): node is FieldNode => node.kind === Kind.FIELD && node.name.value === name,
  );
  if (!field) throw new GraphqlQueryError(`expected ${name} under ${path}`);
  return field;
}

function fieldsOf(selection: SelectionSetNode | undefined): FieldNode[] {
  return (selection?.selections ?? []).map((node) => {
    if (node.kind !== Kind.FIELD)
      throw new GraphqlQueryError('fragments are not supported by the local org');
    return node;
  });
}

/** Runs one `uiapi { query { ... } }` document; the result as the UI API GraphQL endpoint answers. */
/** A page cursor: the position of a row in the query's ordered answer (opaque to clients). */
const cursorAt = (position: number): string => Buffer.from(`v1:${position}`).toString('base64');

function cursorPosition(cursor: Json | undefined): number {
  const match =
    typeof cursor === 'string'
      ? /^v1:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'))
      : null;
  if (!match)
    throw new GraphqlQueryError(
      `after: ${JSON.stringify(cursor)} is not a cursor this query returned`,
    );
  return Number(match[1]);
}

export function runUiApiGraphql(
  org: InMemoryOrg,
  schema: OrgSchema,
  scope: QueryScope,
  version: string,
  body: { query?: unknown; variables?: unknown },
): { data: Json; errors: Array<{ message: string }> } {
  try {
    if (typeof body.query !== 'string')
      throw new GraphqlQueryError('the request needs a query string');
    const variables = (isObject(body.variables as Json) ? body.variables : {}) as Record<
      string,
      Json
    >;
    const document = parse(body.query);
    const operation = document.definitions.find(
      (definition) => definition.kind === Kind.OPERATION_DEFINITION,
    );
    if (
      !operation ||
      operation.kind !== Kind.OPERATION_DEFINITION ||
      operation.operation !== 'query'
    )
      throw new GraphqlQueryError('only queries are supported by the local org');
    const uiapi = only(operation.selectionSet, 'uiapi', 'the operation');
    const query = only(uiapi.selectionSet, 'query', 'uiapi');
    const result: Record<string, Json> = {};
    for (const objectField of fieldsOf(query.selectionSet)) {
      const object = schema.object(objectField.name.value);
      if (!object)
        throw new GraphqlQueryError(
          `Validation error: Field '${objectField.name.value}' in type 'RecordQuery' is undefined`,
        );
      const args = new Map(
        (objectField.arguments ?? []).map((arg: ArgumentNode) => [
          arg.name.value,
          valueOf(arg.value, variables),
        ]),
      );
      for (const name of args.keys())
        if (!['where', 'first', 'orderBy', 'after'].includes(name))
          throw new GraphqlQueryError(`argument ${name} is not supported by the local org`);
      const first = args.get('first') ?? 10;
      if (typeof first !== 'number' || !Number.isInteger(first) || first < 1 || first > 2000)
        throw new GraphqlQueryError('first must be a whole number from 1 to 2000');
      const offset =
        args.has('after') && args.get('after') !== null ? cursorPosition(args.get('after')) + 1 : 0;
      const connection = fieldsOf(objectField.selectionSet);
      const edges = connection.find((node) => node.name.value === 'edges');
      const nodeFields = edges
        ? fieldsOf(only(edges.selectionSet, 'node', 'edges').selectionSet)
        : [];
      const parents: ParentColumn[] = [];
      const columns = nodeFields.flatMap((node) => {
        const parent = parentColumn(schema, object.name, node);
        if (parent) {
          parents.push(parent);
          return [];
        }
        const field = schema.field(object.name, node.name.value);
        if (!field)
          throw new GraphqlQueryError(
            `Validation error: Field '${node.name.value}' in type '${object.name}' is undefined`,
          );
        if (node.name.value !== 'Id' && !node.selectionSet)
          throw new GraphqlQueryError(
            `Validation error: ${node.name.value} needs a selection of value and displayValue`,
          );
        return [{ node, field }];
      });
      const select = [
        'Id',
        ...columns.map((column) => column.field.name),
        ...parents.map((parent) => parent.lookup.name),
      ].filter((name, index) => name !== 'Id' || index === 0);
      const where = args.has('where') ? ` WHERE ${condition(args.get('where')!)}` : '';
      const order = args.has('orderBy') ? ` ORDER BY ${orderBy(args.get('orderBy')!)}` : '';
      const all = runQuery(
        org,
        `SELECT ${[...new Set(select)].join(', ')} FROM ${object.name}${where}${order}`,
        version,
        scope,
      );
      const rows = all.slice(offset, offset + first);
      const shaped: Record<string, Json> = {};
      for (const part of connection) {
        const key = part.alias?.value ?? part.name.value;
        if (part.name.value === 'totalCount') shaped[key] = all.length;
        else if (part.name.value === 'pageInfo') {
          shaped[key] = {
            hasNextPage: all.length > offset + first,
            hasPreviousPage: offset > 0,
            startCursor: rows.length ? cursorAt(offset) : null,
            endCursor: rows.length ? cursorAt(offset + rows.length - 1) : null,
          };
        } else if (part.name.value === 'edges') {
          shaped[key] = rows.map((row) => ({
            node: Object.fromEntries(
              columns
                .map(({ node, field }) => {
                  const value = row[field.name] as Json;
                  if (field.name === 'Id' && !node.selectionSet)
                    return [node.alias?.value ?? 'Id', value];
                  const full = fieldValue(field, value) as { value: Json; displayValue: Json };
                  return [
                    node.alias?.value ?? node.name.value,
                    Object.fromEntries(
                      fieldsOf(node.selectionSet).map((leaf) => [
                        leaf.alias?.value ?? leaf.name.value,
                        leaf.name.value === 'displayValue' ? full.displayValue : full.value,
                      ]),
                    ),
                  ];
                })
                .concat(
                  parents.map((parent) => [
                    parent.node.alias?.value ?? parent.node.name.value,
                    parentValue(org, schema, scope, parent, object.name, row),
                  ]),
                ),
            ),
          }));
        } else
          throw new GraphqlQueryError(
            `Validation error: Field '${part.name.value}' in type '${object.name}Connection' is undefined`,
          );
      }
      result[objectField.alias?.value ?? objectField.name.value] = shaped;
    }
    return { data: { uiapi: { query: result } }, errors: [] };
  } catch (error) {
    if (
      error instanceof GraphqlQueryError ||
      error instanceof SoqlError ||
      (error instanceof Error && error.name === 'GraphQLError')
    ) {
      return {
        data: null,
        errors: [
          {
            message:
              error instanceof SoqlError ? `${error.errorCode}: ${error.message}` : error.message,
          },
        ],
      };
    }
    throw error;
  }
}
