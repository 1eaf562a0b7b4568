// Public surface of the Salesforce gateway: what the service wires up and what its tests reach for.
export {
  loadSalesforceConfig,
  SalesforceConfigError,
  SALESFORCE_ENV,
  wantsSalesforce,
  type SalesforceConfig,
} from './config.js';
export {
  openSalesforceSession,
  SalesforceAuthError,
  SALESFORCE_API_VERSION,
  type SalesforceSession,
} from './session.js';
export { signJwtAssertion, JWT_BEARER_GRANT, ASSERTION_LIFETIME_SECONDS } from './jwt-bearer.js';
export {
  SalesforceApi,
  SalesforceLimitError,
  ERROR_CODES,
  type SalesforceUsage,
  type SalesforceApiOptions,
} from './api.js';
export {
  CollectionsWriter,
  CoalescingWriter,
  COLLECTION_LIMIT,
  type RecordWriteResult,
  type SalesforceRecordError,
} from './collections.js';
export { bulkWrite, DEFAULT_BULK_THRESHOLD } from './bulk-backfill.js';
export { findingsFromRecordErrors, isDataError } from './field-errors.js';
export { SalesforceWriteBack, SalesforceWriteError, type WriteBackEvent } from './writeback.js';
export { engagementProgressRecord, engagementRecord, referralRecord } from './sobject-records.js';
export { SalesforceChangeIntake, CURSOR_NAMES, type IntakeResult } from './change-intake.js';
export {
  ReferralRequestConsumer,
  type ReferralRequestOutcome,
  type ReferralRequestResult,
} from './referral-requests.js';
export { TriageRuleSource } from './triage-rules.js';
export { triageConfigFromRecords, triageRuleFromRecord } from '../../core/triage/index.js';
export { QueueDirectory, UnknownQueueError } from './queues.js';
export {
  ChangeDrivenSync,
  jsforceChangeEvents,
  CHANGE_EVENT_CHANNELS,
  type ChangeEventSource,
} from './change-events.js';
export {
  SalesforceGateway,
  connectSalesforceGateway,
  type GatewayOptions,
  type SyncPassResult,
} from './gateway.js';
