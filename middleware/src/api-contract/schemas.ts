// Request and response pieces several route groups share: path ids, the cloud filter, the finding
// shape and the payload check.
import { z } from 'zod';
import {
  anyCaseName,
  Cloud,
  CloudName,
  EngagementStatus,
  Finding,
  SalesforceId,
} from '../core/model.js';
import { PORTALS } from '../portals/portal.js';

export const OpportunityIdParams = z.strictObject({ id: SalesforceId });
/** Store row ids are PostgreSQL bigserials, sent as decimal strings. */
export const RowId = z.string().regex(/^[1-9]\d{0,17}$/, 'must be a positive whole number');
export const RowIdParams = z.strictObject({ id: RowId });
export const PortalName = z.enum(PORTALS);
/** A portal named in a request, in any case ("AWS", "aws"). */
export const PortalNameInput = anyCaseName(PORTALS);

/** A payload judged by one portal's checks for one of its operations. */
export const PayloadCheck = z.object({
  portal: PortalName,
  operation: z.string(),
  valid: z.boolean(),
  errors: z.number().int(),
  warnings: z.number().int(),
  findings: z.array(Finding),
});

export const CloudPreview = z.object({ cloud: Cloud, ...PayloadCheck.shape });

export const EngagementView = z.object({
  cloud: Cloud,
  status: EngagementStatus,
  portalId: z.string().nullable(),
  findings: z.array(Finding),
  submittedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  lastSyncedAt: z.string().nullable(),
  syncError: z.string().nullable(),
  /** Edits wait while the portal reviews the record. */
  changesWaiting: z.boolean(),
});

export const QueuedJob = z.object({
  jobId: RowId,
  /** False when this request's job already existed (same Salesforce version): nothing new was queued. */
  queued: z.boolean(),
  status: z.enum(['pending', 'running', 'done', 'dead']),
});

/** A query that may narrow the answer to one cloud, named in any case. */
export const CloudFilterQuery = z.strictObject({ cloud: CloudName.optional() });

/** The bounds and default of a whole-number query parameter, shared with the CLI flag that sets it. */
export interface IntegerRange {
  min: number;
  max: number;
  default: number;
}

export function queryInteger(range: IntegerRange) {
  return z.coerce.number().int().min(range.min).max(range.max).default(range.default);
}

/** `true`/`false` in a query string. */
export const QueryBoolean = z.enum(['true', 'false']).transform((value) => value === 'true');

export function isoOrNull(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return new Date(value as string | Date).toISOString();
}
