// UpdateOpportunity replaces the whole record, so an update is a read-merge-write: the opportunity
// as last read, projected onto the update's members, with the changes merged in. Pure: no I/O.
import {
  ACE_REQUEST_MEMBERS,
  type AceMemberTree,
  type GetOpportunityOutput,
  type UpdateOpportunityInput,
} from './generated/ace-schemas.js';
import { isRecord, type Json } from '../payload-reading.js';

/** Keeps only what `tree` allows, dropping nulls (absent and null mean the same on awsJson). */
export function projectOnto(value: unknown, tree: AceMemberTree): unknown {
  if (tree === true || value === null || value === undefined) return value ?? undefined;
  if (Array.isArray(tree)) {
    return Array.isArray(value)
      ? value.map((item) => projectOnto(item, (tree as readonly [AceMemberTree])[0]))
      : value;
  }
  if (!isRecord(value)) return value;
  const members = tree as { readonly [member: string]: AceMemberTree };
  const out: Json = {};
  for (const [key, child] of Object.entries(value)) {
    const childTree = members[key];
    if (childTree === undefined || child === null || child === undefined) continue;
    out[key] = projectOnto(child, childTree);
  }
  return out;
}

/** The members an update may change: the UpdateOpportunity body minus its identity envelope. */
export type OpportunityChanges = {
  [K in Exclude<
    keyof UpdateOpportunityInput,
    'Identifier' | 'LastModifiedDate' | 'Catalog'
  >]?: unknown;
};

export class AceUpdateError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'AceUpdateError';
  }
}

function mergeChanges(base: unknown, changes: unknown, tree: AceMemberTree, path: string): unknown {
  if (changes === null) return undefined; // an explicit null clears the member
  if (tree === true || Array.isArray(tree) || !isRecord(changes)) return changes; // leaves and lists are replaced whole
  const members = tree as { readonly [member: string]: AceMemberTree };
  const out: Json = isRecord(base) ? { ...base } : {};
  for (const [key, value] of Object.entries(changes)) {
    const childTree = members[key];
    if (childTree === undefined)
      throw new AceUpdateError(`${path}.${key}`, 'is not a member UpdateOpportunity accepts');
    if (value === undefined) continue;
    const merged = mergeChanges(out[key], value, childTree, `${path}.${key}`);
    if (merged === undefined) delete out[key];
    else out[key] = merged;
  }
  return out;
}

/**
 * UpdateOpportunity replaces the whole record: any member left out is cleared. So an update is the
 * opportunity as last read, projected onto the update's members, with `changes` merged in (objects
 * merge, lists and values replace, `null` clears). `LastModifiedDate` is the value read, which AWS
 * uses to refuse an update made on a stale copy.
 */
export function mergeForUpdate(
  current: GetOpportunityOutput,
  changes: OpportunityChanges,
): UpdateOpportunityInput {
  for (const key of ['Identifier', 'LastModifiedDate', 'Catalog']) {
    if (key in (changes as Json))
      throw new AceUpdateError(
        `$.${key}`,
        'comes from the opportunity as read and cannot be changed',
      );
  }
  const tree = ACE_REQUEST_MEMBERS.UpdateOpportunity;
  const base = projectOnto(current, tree) as Json;
  const merged = mergeChanges(base, changes, tree, '$') as Json;
  return {
    ...merged,
    Catalog: current.Catalog,
    Identifier: current.Id,
    LastModifiedDate: current.LastModifiedDate,
  } as UpdateOpportunityInput;
}
