// The local org server's settings and the shapes its callers seed it with (users, faults).
import type { ChangeEventStreamOptions } from './streaming.js';
import type { ProfileName, AccessPolicy } from './permissions.js';
import type { OrgSchema } from './schema.js';
import type { StaticResource } from './static-resources.js';

export type CallKind =
  | 'token'
  | 'query'
  | 'queryMore'
  | 'sobject'
  | 'composite'
  | 'limits'
  | 'bulk'
  | 'other';

/** A user the org starts with: who they are, their profile and permission sets. */
export interface OrgUserSeed {
  username: string;
  firstName: string;
  lastName: string;
  email?: string;
  profile: ProfileName;
  permissionSets: string[];
  /** System permissions by API name, e.g. `CreateAuditFields` ("Set Audit Fields upon Record Creation"). */
  userPermissions?: string[];
}

/** The org's Id (the access token's prefix names it, as the `sf` CLI checks). */
export const LOCAL_ORG_ID = '00D000000000001AAA';

export type FaultKind =
  | 'UNABLE_TO_LOCK_ROW'
  | 'REQUEST_LIMIT_EXCEEDED'
  | 'INVALID_SESSION_ID'
  | 'SERVER_UNAVAILABLE';

export interface Fault {
  error: FaultKind;
  /** Only calls of this kind (any when absent). */
  kind?: CallKind;
  method?: string;
  /** How many matching calls fail before the fault clears. */
  times: number;
}

export interface SalesforceTestServerOptions {
  /** The package's static resources, served at /resource/<name>. */
  staticResources?: ReadonlyMap<string, StaticResource>;
  publicKeyPem: string;
  clientId: string;
  usernames: readonly string[];
  /** Rows per query page (Salesforce's REST default and maximum is 2,000). */
  pageSize?: number;
  /** Daily API allocation reported in Sforce-Limit-Info and /limits. */
  apiLimit?: number;
  apiVersion?: string;
  clock?: () => Date;
  /** Change Data Capture settings (retention, long-poll timeout, state restored from a previous run). */
  streaming?: Omit<ChangeEventStreamOptions, 'authorize' | 'apiVersion' | 'clock'>;
  /** The package's schema: writes, reads and describes are checked against it when given. */
  schema?: OrgSchema;
  /** Field and object security from the package's permission sets (needs `schema`). */
  policy?: AccessPolicy;
  /** Users the org starts with; a JWT username without one becomes an integration user. */
  users?: OrgUserSeed[];
  /** Port to listen on (0: any free one). */
  port?: number;
  /** Seed of the fault plan's random draws (a run replays exactly). */
  faultSeed?: number;
}
