// Shared set-up of the attribution report command tests: the opportunities export fixture, a clean
// copy of it without its unreadable row, and the report command run with given flags.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AttributionReportCommand, {
  type AttributionReportResult,
} from '../../../../middleware/src/commands/cosell/attribution/report.js';
import { runCommand } from '../../../support/cli.js';
import { scratchFolder } from '../support/command-context.js';

export const FIXTURE = fileURLToPath(
  new URL('../../../fixtures/opportunities-export.csv', import.meta.url),
);
export const NOW = '2026-11-10T09:00:00Z';
export const { scratch } = scratchFolder('cosell-attribution-');
export const report = async (argv: string[]): Promise<AttributionReportResult> =>
  (await runCommand(AttributionReportCommand, argv)) as AttributionReportResult;

export /** The fixture without its unreadable row, so the report is complete. */
function cleanFixture(): string {
  const path = join(scratch, 'clean.csv');
  writeFileSync(
    path,
    readFileSync(FIXTURE, 'utf8')
      .split('\n')
      .filter((line) => !line.startsWith('006Hs00001Bad05AAA'))
      .join('\n'),
  );
  return path;
}
