// The read every deal report starts with bounds the heap only for an export big enough to need it:
// a small one is read faster without the bounds and cannot come near the memory goal.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from '@jest/globals';
import type { Progress, Spinner } from '@salesforce/sf-plugins-core';
import Papa from 'papaparse';
import { heapBoundsInForce, UNBOUNDED_READ_BYTES } from '../../middleware/src/cli/heap-budget.js';
import { OpportunityRead } from '../../middleware/src/cli/opportunity-read.js';
import { commandMessages } from '../../middleware/src/cli/cosell-command.js';
import { LINT_COLUMNS } from '../../middleware/src/salesforce/exports/index.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/opportunities-export.csv', import.meta.url));
const messages = commandMessages('cosell.lint');
const dir = mkdtempSync(join(tmpdir(), 'cosell-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ux = {
  progress: { start() {}, update() {}, stop() {} } as unknown as Progress,
  spinner: { start() {}, stop() {} } as unknown as Spinner,
  jsonEnabled: () => true,
};

async function readAll(file: string): Promise<number> {
  const read = new OpportunityRead({ file }, undefined, {
    purpose: 'lint',
    requiredColumns: LINT_COLUMNS,
  });
  let rows = 0;
  await read.rows(ux, messages, { row: () => void (rows += 1) });
  return rows;
}

/** The fixture's rows again and again, each description a megabyte long, until the export is `bytes`. */
function bigExport(bytes: number): string {
  const [header, ...rows] = Papa.parse<string[]>(readFileSync(FIXTURE, 'utf8'), {
    skipEmptyLines: true,
  }).data;
  const column = header!.indexOf('Description');
  const long = 'A long description of the customer and their project. '.repeat(20_000);
  const padded = rows.map((row) => row.map((cell, index) => (index === column ? long : cell)));
  const data: string[][] = [];
  for (let index = 0; data.length * long.length <= bytes; index += 1)
    data.push(padded[index % padded.length]!);
  const file = join(dir, 'big.csv');
  writeFileSync(file, `${Papa.unparse({ fields: header!, data }, { newline: '\n' })}\n`);
  return file;
}

describe('OpportunityRead heap bounds', () => {
  it('reads a small export without bounding the heap, and bounds one past the threshold', async () => {
    expect(await readAll(FIXTURE)).toBe(6);
    expect(heapBoundsInForce()).toEqual({});

    const big = bigExport(UNBOUNDED_READ_BYTES);
    expect(statSync(big).size).toBeGreaterThanOrEqual(UNBOUNDED_READ_BYTES);
    expect(await readAll(big)).toBeGreaterThanOrEqual(UNBOUNDED_READ_BYTES / 2 ** 20);
    expect(heapBoundsInForce()).toMatchObject({ growingPercent: expect.any(Number) });
  }, 60_000);
});
