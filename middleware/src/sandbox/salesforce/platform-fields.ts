// Fields the platform computes on save rather than the caller: checkbox defaults on create, and an
// Opportunity's IsClosed/IsWon from its stage (as a fresh org's stage settings define them).
import type { OrgSchema } from './schema.js';

/** Closed stages of a fresh org, and whether each is won. */
const CLOSED_STAGES: Record<string, boolean> = { 'Closed Won': true, 'Closed Lost': false };

/** Adds the platform's values to `values` (the fields about to be saved over `existing`). */
export function applyPlatformFields(
  schema: OrgSchema,
  object: string,
  values: Record<string, unknown>,
  existing: Record<string, unknown> | undefined,
): void {
  const definition = schema.object(object);
  if (!definition) return;
  if (!existing) {
    for (const field of definition.fields.values()) {
      if (field.type === 'boolean' && !field.system && values[field.name] === undefined)
        values[field.name] = false;
    }
  }
  if (definition.name === 'Opportunity') {
    const stage = (values.StageName ?? existing?.StageName) as string | undefined;
    if (typeof stage === 'string') {
      values.IsClosed = stage in CLOSED_STAGES;
      values.IsWon = CLOSED_STAGES[stage] === true;
    }
  }
}
