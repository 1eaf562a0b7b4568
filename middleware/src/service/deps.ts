// Everything the HTTP API needs from the running product, passed in so a test builds the same app
// in process against an in-memory store, and main.ts wires the real engine, portals and Salesforce.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Cloud, Finding } from '../core/model.js';
import type { ResolvedTriageConfig } from '../core/triage/index.js';
import type { PortalName } from '../portals/portal.js';
import type { PortalBinding } from '../portals/registry.js';
import type { Database } from '../store/schema.js';
import type { TokenRegistry } from './auth.js';
import type { OwnerDirectory } from './owner-directory.js';
import type { RecordAccessChecker } from './record-access.js';
import type { PreviewOptions } from './preview.js';

/** A portal event delivered to a webhook, after its signature was verified. */
export interface WebhookDelivery {
  portal: PortalName;
  /** The parsed JSON body, exactly as the portal sent it. */
  payload: unknown;
  receivedAt: Date;
}

/** What the engine made of a webhook delivery (it parses with the portal's inbound module). */
export interface WebhookOutcome {
  /** `rejected`: the payload is not a referral event the portal module accepts (findings say why). */
  outcome: 'created' | 'updated' | 'duplicate' | 'ignored' | 'rejected';
  referralId?: string;
  findings?: Finding[];
  /** Why an event was ignored for good, e.g. it names a record the portal does not have. */
  reason?: string;
}

export interface EngineHooks {
  /** Wakes the sync worker early because a job was just enqueued. */
  nudge(): void;
  /** Hands a verified portal event to the engine (inbound parsing + `recordInboundReferral`). */
  handleWebhook(delivery: WebhookDelivery): Promise<WebhookOutcome>;
}

/** Cumulative portal call failures since start, by portal and error kind (the worker counts them). */
export interface PortalErrorCount {
  portal: string;
  kind: string;
  count: number;
}

/** Salesforce daily API usage as last reported by `Sforce-Limit-Info`. */
export interface SalesforceApiUsage {
  used: number;
  max: number;
}

export interface ServiceLimits {
  /** Largest accepted request body, e.g. `256kb`. */
  bodyLimit: string;
  /**
   * Requests per window: `max` per authenticated caller (by token), `anonymousMax` per client address
   * for requests without a valid token, so anonymous traffic cannot lock out the callers that matter.
   */
  rateLimit: { windowMs: number; max: number; anonymousMax: number };
  /** Express's `trust proxy`: false (default) takes the socket address; behind a proxy, its hop count or addresses. */
  trustProxy: boolean | number | string;
  /** Webhook timestamp tolerance in seconds (Stripe's default: 300). */
  webhookToleranceSeconds: number;
  /** How long an Idempotency-Key is remembered. */
  idempotencyTtlMs: number;
  /** Largest page of referrals a list call returns. */
  maxPageSize: number;
}

export const DEFAULT_LIMITS: ServiceLimits = {
  bodyLimit: '256kb',
  rateLimit: { windowMs: 60_000, max: 600, anonymousMax: 60 },
  trustProxy: false,
  webhookToleranceSeconds: 300,
  idempotencyTtlMs: 24 * 60 * 60 * 1000,
  maxPageSize: 500,
};

/** What the org did with the pursuit rows: counts, and each refused row by its Pursuit_Key__c. */
export interface JointPursuitSaveResult {
  created: number;
  updated: number;
  failed: Array<{
    key: string;
    errors: Array<{ statusCode: string; message: string; fields: string[] }>;
  }>;
}

export interface ServiceDeps {
  db: Kysely<Database>;
  clock: () => Date;
  /** Portal name → wire format and mapper (normally `portalBinding` from portals/registry). */
  portals: (portal: PortalName) => PortalBinding;
  engine: EngineHooks;
  tokens: TokenRegistry;
  /** What the caller's Salesforce user may read and edit (the org's answer, or the mirror's owners). */
  recordAccess: RecordAccessChecker;
  /** Which Ids are Users or Queues a referral may be assigned to. */
  owners: OwnerDirectory;
  /** Webhook signing secrets per portal: the current one first, the previous one during rotation. */
  webhookSecrets: Partial<Record<PortalName, readonly string[]>>;
  logger: Logger;
  /** Readiness evidence the alliance team recorded for a cloud (null: nothing recorded yet). */
  readinessEvidence: (cloud: Cloud) => Promise<unknown | null>;
  /** The triage rules in force (the org's when connected, else the shipped ones); absent: shipped defaults. */
  triageConfig?: () => ResolvedTriageConfig;
  /** Stores an account-mapping run's joint pursuit list in the connected org (CoSell_Joint_Pursuit__c); absent without an org. */
  saveJointPursuits?: (
    records: ReadonlyArray<Record<string, string | number | boolean | null>>,
  ) => Promise<JointPursuitSaveResult>;
  /** Reporting currency and rates for the attribution report. */
  reporting: { currency: string; rates: Record<string, number> };
  metrics: {
    portalErrors(): PortalErrorCount[];
    salesforceApiUsage(): SalesforceApiUsage | null;
  };
  limits?: Partial<ServiceLimits>;
  /** The Lightning preview pages (absent: the service serves the API only). */
  preview?: PreviewOptions;
}
