// The seeded pipeline generator lives with the demo data in middleware/src/demo/pipeline.ts (the
// service seeds from it); scripts, tests and benchmarks keep importing it from here.
export * from '../../middleware/src/demo/pipeline.js';
