// Public surface of account mapping: list parsing, the normalised join keys, matching and the joint
// pursuit list.
export * from './account-lists.js';
export * from './match.js';
export * from './normalise.js';
export * from './pursuit.js';
export * from './pursuit-records.js';
