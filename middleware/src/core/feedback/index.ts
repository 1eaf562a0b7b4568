// The referrer feedback loop's public surface: decline validation, generic-feedback findings, open
// loops per referrer and the open-loop report with referrer risk.
export * from './decline.js';
export * from './open-loops.js';
export * from './loop-report.js';
