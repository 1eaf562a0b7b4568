// Runs before every middleware test file: commands set process.exitCode the way the sf CLI does,
// and jest shares one process between files, so each test starts from a clean exit code; the
// findings spools a file's commands made are removed when it ends (jest may end its workers
// without the exit listener that removes them in a real run).
import { afterAll, afterEach, beforeEach } from '@jest/globals';
import { removeSpools } from '../../middleware/src/cli/record-spool.js';
import './realm-symbols.js';

beforeEach(() => {
  process.exitCode = undefined;
});

afterEach(() => {
  process.exitCode = undefined;
});

afterAll(() => {
  removeSpools();
});
