// Parent relationships in UI API GraphQL nodes (`Owner { ... on User { Name { value } } }`,
// `Account { Name { value } }`): the parent record read field by field with the caller's security;
// a polymorphic lookup answers only the inline fragment matching the parent's type.
import { Kind, type FieldNode, type SelectionSetNode } from 'graphql';
import type { InMemoryOrg } from './org.js';
import type { FieldSchema, OrgSchema } from './schema.js';
import type { QueryScope } from './soql.js';
import { fieldValue } from './ui-api.js';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface ParentColumn {
  node: FieldNode;
  lookup: FieldSchema;
}

/** The lookup behind a node named by relationship (null when the node is not a relationship). */
export function parentColumn(
  schema: OrgSchema,
  object: string,
  node: FieldNode,
): ParentColumn | null {
  if (!node.selectionSet) return null;
  const lookup = schema.lookupByRelationship(object, node.name.value);
  return lookup ? { node, lookup } : null;
}

/** The leaf fields asked of a parent of type `parentObject`: direct ones plus those of a matching `... on Type`. */
function leavesFor(selection: SelectionSetNode, parentObject: string): FieldNode[] {
  const out: FieldNode[] = [];
  for (const node of selection.selections) {
    if (node.kind === Kind.FIELD) out.push(node);
    else if (
      node.kind === Kind.INLINE_FRAGMENT &&
      node.typeCondition?.name.value.toLowerCase() === parentObject.toLowerCase()
    )
      out.push(...leavesFor(node.selectionSet, parentObject));
  }
  return out;
}

/** The node value of a parent relationship for one row: null when the lookup is empty or unreadable. */
export function parentValue(
  org: InMemoryOrg,
  schema: OrgSchema,
  scope: QueryScope,
  column: ParentColumn,
  childObject: string,
  row: Record<string, unknown>,
): Json {
  const parentId = row[column.lookup.name];
  if (typeof parentId !== 'string' || !scope.canRead(childObject, column.lookup.name)) return null;
  const parentObject = (column.lookup.referenceTo ?? []).find((candidate) =>
    org.get(candidate, parentId),
  );
  const parent = parentObject ? org.get(parentObject, parentId) : undefined;
  if (!parentObject || !parent) return null;
  const shaped: Record<string, Json> = {};
  for (const leaf of leavesFor(column.node.selectionSet!, parentObject)) {
    const field = schema.field(parentObject, leaf.name.value);
    if (!field || !scope.canRead(parentObject, field.name)) continue;
    const full = fieldValue(field, parent[field.name]) as { value: Json; displayValue: Json };
    shaped[leaf.alias?.value ?? leaf.name.value] = leaf.selectionSet
      ? Object.fromEntries(
          leaf.selectionSet.selections
            .filter((part): part is FieldNode => part.kind === Kind.FIELD)
            .map((part) => [
              part.alias?.value ?? part.name.value,
              part.name.value === 'displayValue' ? full.displayValue : full.value,
            ]),
        )
      : full.value;
  }
  return shaped;
}
