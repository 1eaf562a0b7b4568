// The referrer feedback loop's public surface: decline validation, the specificity judgement and its data, and
// open loops per referrer.
export * from './decline.js';
export * from './open-loops.js';
export * from './specificity.js';
export * from './specificity-rule.js';
