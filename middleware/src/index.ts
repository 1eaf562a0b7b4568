// Library entry point: the canonical model, the rules and the portal dialects, for code that embeds
// the co-sell core (the service, the CLI and integrations).
export * from './core/model.js';
export * from './core/fiscal.js';
export * from './core/salesforce-fields.js';
export * from './core/triage/index.js';
export * from './core/feedback/index.js';
export * from './core/attribution/index.js';
export * from './core/readiness/index.js';
export * from './core/lint/index.js';
export * from './salesforce/exports/index.js';
