// How the local org's SOQL names things: objects and fields resolved case-insensitively against the
// schema and the caller's read access, lookups walked by relationship name (`Account.Name`), and child
// relationships for sub-queries. Without a schema, the org's built-in lookup tables answer.
import { CHILDREN, KEY_PREFIXES, LOOKUPS, type InMemoryOrg, type SRecord } from './org.js';
import type { OrgSchema } from './schema.js';

/** What a query may see: the org's schema and the caller's field-level read access. */
export interface QueryScope {
  schema: OrgSchema;
  canRead: (object: string, field: string) => boolean;
}

/** The query's evaluation context: the org, and the schema scope when the org has one. */
export interface Ctx {
  org: InMemoryOrg;
  scope?: QueryScope;
}

export function resolveObject(ctx: Ctx, name: string): string {
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
export function resolveField(ctx: Ctx, object: string, name: string): string {
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
export function relation(
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

export function child(ctx: Ctx, object: string, relationshipName: string): [string, string] {
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

/** Reads `Account.Name` style paths through lookups. */
export function readPath(ctx: Ctx, object: string, record: SRecord, path: string): unknown {
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
