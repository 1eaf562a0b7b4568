// Library entry point: the canonical model and rules, for code that embeds the co-sell core.
export * from './core/model.js';
export * from './core/fiscal.js';
export * from './core/salesforce-fields.js';
