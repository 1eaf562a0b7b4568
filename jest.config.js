// One jest, two projects: the TypeScript middleware tests (ESM, transformed by SWC) and the
// Lightning Web Component tests beside each component (sfdx-lwc-jest). `npm test` runs both with
// --experimental-vm-modules; force-app/package.json marks the LWC tree as CommonJS so both coexist.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { jestConfig: lwcJestConfig } = require('@salesforce/sfdx-lwc-jest/config');

const swc = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022', keepClassNames: true },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

export default {
  // Embedded PostgreSQL (PGlite) takes seconds to boot on a busy two-core CI machine.
  testTimeout: 60_000,
  projects: [
    {
      displayName: 'middleware',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      globalSetup: '<rootDir>/test/support/postgres-server.js',
      globalTeardown: '<rootDir>/test/support/postgres-teardown.js',
      setupFilesAfterEnv: ['<rootDir>/test/support/jest-setup.ts'],
      testMatch: ['**/*.test.ts'],
      extensionsToTreatAsEsm: ['.ts'],
      transform: { '^.+\\.ts$': swc },
      // ESM TypeScript imports name their compiled `.js` siblings; resolve them to the `.ts` sources.
      moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
    },
    {
      ...lwcJestConfig,
      displayName: 'lwc',
      rootDir: '<rootDir>',
      roots: ['<rootDir>/force-app'],
      testMatch: ['**/__tests__/**/*.test.js'],
      moduleNameMapper: {
        '^lightning/platformShowToastEvent$':
          '<rootDir>/force-app/test/jest-mocks/lightning/platformShowToastEvent',
        '^lightning/navigation$': '<rootDir>/force-app/test/jest-mocks/lightning/navigation',
        '^lightning/datatable$': '<rootDir>/force-app/test/jest-mocks/lightning/datatable',
        '^@salesforce/apex$': '<rootDir>/force-app/test/jest-mocks/salesforce/apex',
      },
      setupFilesAfterEnv: ['<rootDir>/force-app/test/jest-setup.js'],
    },
  ],
};
