// The referrer feedback loop's public surface: decline validation, generic-feedback findings and
// open loops per referrer.
export * from './decline.js';
export * from './open-loops.js';
