// What every portal dialect (aws/, microsoft/, google/) offers the rest of the product, so the
// engine, the service and the CLI treat the three hyperscalers alike and a fourth is one folder.
import type { z } from 'zod';
import type { Cloud, Finding } from '../core/model.js';

export const PORTALS = ['aws', 'microsoft', 'google'] as const;
export type PortalName = (typeof PORTALS)[number];

export const PORTAL_CLOUD: Record<PortalName, Cloud> = {
  aws: 'AWS',
  microsoft: 'Microsoft',
  google: 'Google',
};

/** Validates one wire payload for one operation of a portal. */
export interface WireOperation {
  /** Operation name as the portal names it, e.g. `CreateOpportunity`, `create`, `update`. */
  name: string;
  /** Which way the payload travels: requests we send, or responses we read back. */
  direction: 'request' | 'response';
  schema: z.ZodType;
}

export interface PortalWireFormat {
  portal: PortalName;
  cloud: Cloud;
  /** Every operation whose payloads this dialect validates, by name. */
  operations: Record<string, WireOperation>;
  /** The operation `cosell payload validate` assumes when none is named. */
  defaultOperation: string;
  /**
   * Validates a payload in the portal's own wire format for one operation: schema constraints and
   * the portal's unwritten rules. Findings carry the portal JSON path (`$.Customer.Account.CompanyName`).
   * Throws `UnknownOperationError` when the operation is not one of `operations`.
   */
  validate(operation: string, payload: unknown): Finding[];
}

export class UnknownOperationError extends Error {
  constructor(portal: PortalName, operation: string, known: string[]) {
    super(`${portal} has no operation "${operation}"; known operations: ${known.join(', ')}`);
    this.name = 'UnknownOperationError';
  }
}
