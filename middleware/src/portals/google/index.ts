// The Google Cloud Channel v1alpha1 (ALPHA) opportunities dialect: one import for the engine, the service and the CLI.
export * from './schema.js';
export * from './values.js';
export * from './status.js';
export { createRules, patchRules, readBackRules, queryRules } from './rules.js';
export {
  parseGoogleOpportunity,
  parseGooglePushReferral,
  parseOpportunityPush,
  type GoogleInboundResult,
  type OpportunityEventNotice,
} from './inbound.js';
export { googleWireFormat, GOOGLE_OPERATIONS, decodePushData } from './wire-format.js';
