// Row types of the engine's PostgreSQL tables, as Kysely sees them. The same SQL runs on embedded
// PGlite and on a PostgreSQL server; migrations/ creates these tables.
import type {
  ColumnType,
  Generated,
  Insertable,
  JSONColumnType,
  Selectable,
  Updateable,
} from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
// jsonb columns read back as objects and are written as JSON text (JSON.stringify), which both drivers accept.
type Json<T extends object | null = object> = JSONColumnType<T>;

/** Salesforce Opportunities with co-sell tags, as last read (canonical JSON). */
export interface OpportunityTable {
  id: string;
  data: Json;
  sf_modstamp: Timestamp | null;
  updated_at: Timestamp;
}

/** One row per Opportunity and cloud: the portal side of the engagement. */
export interface EngagementTable {
  id: Generated<string>;
  opportunity_id: string;
  cloud: string;
  portal_id: string | null;
  status: string;
  /** Portal concurrency token (ACE LastModifiedDate, Microsoft ETag, Google etag). */
  portal_version: string | null;
  findings: Json;
  /** Edits made while the portal record was locked; applied, merged, when it unlocks. */
  pending_changes: Json | null;
  submitted_at: Timestamp | null;
  accepted_at: Timestamp | null;
  last_synced_at: Timestamp | null;
  sync_error: string | null;
  updated_at: Timestamp;
}

/** Inbound referrals, keyed by portal and portal id; `portal_version` dedupes redelivered events. */
export interface ReferralTable {
  id: Generated<string>;
  cloud: string;
  portal_id: string;
  portal_version: string | null;
  data: Json;
  priority: string | null;
  response_due: Timestamp | null;
  source_layer: string | null;
  triage_status: string;
  salesforce_id: string | null;
  received_at: Timestamp;
  updated_at: Timestamp;
}

export interface CounterpartTable {
  id: Generated<string>;
  cloud: string;
  layer: string;
  name: string;
  email: string | null;
  data: Json;
  updated_at: Timestamp;
}

export type OutboxStatus = 'pending' | 'running' | 'done' | 'dead';

/** Every outbound call is a row here, written in the transaction of the change that needs it. */
export interface OutboxTable {
  id: Generated<string>;
  /** What to do, e.g. `aws.submit`, `microsoft.update`, `salesforce.writeback`. */
  kind: string;
  /** Budget the call spends: `aws`, `microsoft`, `google`, `salesforce`. */
  target: string;
  /** Jobs with the same key run in order, one at a time (e.g. `opp:006...:AWS`). */
  ordering_key: string;
  /** Unique per logical call; a second enqueue with the same key is a no-op. */
  idempotency_key: string;
  payload: Json;
  status: OutboxStatus;
  attempts: Generated<number>;
  max_attempts: number;
  run_after: Timestamp;
  locked_by: string | null;
  locked_until: Timestamp | null;
  last_error: string | null;
  result: Json | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  completed_at: Timestamp | null;
}

/** HTTP `Idempotency-Key` records (Stripe semantics), kept 24 hours. */
export interface IdempotencyKeyTable {
  scope: string;
  key: string;
  request_hash: string;
  response_status: number | null;
  response_body: Json | null;
  created_at: Timestamp;
  expires_at: Timestamp;
}

/** Inbound events already applied, so a redelivered event changes nothing. */
export interface InboundEventTable {
  portal: string;
  portal_id: string;
  version: string;
  received_at: Timestamp;
}

export interface SyncCursorTable {
  name: string;
  value: string;
  updated_at: Timestamp;
}

/** Every change the engine makes on either side, with before and after. */
export interface AuditLogTable {
  id: Generated<string>;
  at: Timestamp;
  side: string;
  entity: string;
  entity_id: string;
  action: string;
  before: Json | null;
  after: Json | null;
  job_id: string | null;
}

/** Calls spent per portal account and window (e.g. ACE's 10,000 writes a day). */
export interface RateBudgetTable {
  account: string;
  window_start: Timestamp;
  window: string;
  used: number;
}

/** Generic cell rate algorithm state: when the next call may go out under a rate limit. */
/** One account-mapping run per cloud (see migrations/0005-account-mapping-runs.ts). */
export interface AccountMappingRunTable {
  cloud: string;
  /** The run's date, YYYY-MM-DD. */
  ran_on: string;
  recorded_at: Date;
  hyperscaler_accounts: number;
  matched: number;
  review: number;
  joint_pursuits: number;
}

export interface RateLimitTable {
  key: string;
  tat: Timestamp;
}

/** One cloud's readiness evidence (the ReadinessEvidence object), from the org or the demo seed. */
export interface ReadinessEvidenceTable {
  cloud: string;
  data: Json;
  salesforce_id: string | null;
  updated_at: Timestamp;
}

/** One named JSON document of sandbox state (the local org's records, its change-event log). */
export interface SandboxStateTable {
  name: string;
  data: ColumnType<unknown, string, string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface Database {
  readiness_evidence: ReadinessEvidenceTable;
  sandbox_state: SandboxStateTable;
  rate_limits: RateLimitTable;
  account_mapping_runs: AccountMappingRunTable;
  opportunities: OpportunityTable;
  engagements: EngagementTable;
  referrals: ReferralTable;
  counterparts: CounterpartTable;
  outbox: OutboxTable;
  idempotency_keys: IdempotencyKeyTable;
  inbound_events: InboundEventTable;
  sync_cursors: SyncCursorTable;
  audit_log: AuditLogTable;
  rate_budgets: RateBudgetTable;
}

export type OutboxJob = Selectable<OutboxTable>;
export type NewOutboxJob = Insertable<OutboxTable>;
export type OutboxJobUpdate = Updateable<OutboxTable>;
export type EngagementRow = Selectable<EngagementTable>;
export type ReferralRow = Selectable<ReferralTable>;
export type AuditEntry = Selectable<AuditLogTable>;
