// Runs before every middleware test file: commands set process.exitCode the way the sf CLI does,
// and jest shares one process between files, so each test starts from a clean exit code.
import { afterEach, beforeEach } from '@jest/globals';
import './realm-symbols.js';

beforeEach(() => {
  process.exitCode = undefined;
});

afterEach(() => {
  process.exitCode = undefined;
});
