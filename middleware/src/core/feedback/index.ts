// The referrer feedback loop's public surface: decline validation, the specificity judgement and its
// data, open loops per referrer and the open-loop report with referrer risk.
export * from './decline.js';
export * from './open-loops.js';
export * from './loop-report.js';
export * from './specificity.js';
export * from './specificity-rule.js';
