// The triage public surface: source-layer inference, rules and their configuration, the business
// calendar and the decision for one referral.
export * from './source-layer.js';
export * from './business-calendar.js';
export * from './rules.js';
export * from './config.js';
export * from './triage.js';
export * from './metadata.js';
