// The Microsoft Partner Center referrals dialect: one import for the engine, the service and the CLI.
export * from './schema.js';
export * from './status.js';
export * from './concurrency.js';
export * from './co-sell.js';
export {
  createRules,
  fullUpdateRules,
  readBackRules,
  listRules,
  webhookRules,
  referralIdFromWebhook,
} from './rules.js';
export { patchRules } from './patch-rules.js';
export { isKnownCountry } from '../countries.js';
export { parseIncomingReferral, type InboundParseResult } from './inbound.js';
export { microsoftWireFormat, MICROSOFT_OPERATIONS } from './wire-format.js';
