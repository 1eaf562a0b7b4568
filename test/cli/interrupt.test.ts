// Ctrl-C stops a cosell command at once: one line on stderr, exit code 130, no stack, and nothing
// half-written left behind (the report's file keeps its old content, the findings spool is gone).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import {
  createWriteStream,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from '@jest/globals';
import { EXIT_CODES } from '../../middleware/src/cli/exit-codes.js';
import { writeOpportunityExport } from '../../middleware/src/salesforce/exports/index.js';
import { generateOpportunities } from '../../scripts/export-generator/opportunities.js';
import { REPOSITORY_ROOT as ROOT, runTsChild } from '../support/ts-child.js';

const CHILD = fileURLToPath(new URL('./support/interrupted-report.ts', import.meta.url));

describe('stopping a command with a signal', () => {
  let scratch: string;
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it.each(['SIGINT', 'SIGTERM'])(
    '%s: exits 130 with one line, leaving the old report and no spool',
    (signal) => {
      scratch = mkdtempSync(join(tmpdir(), 'cosell-interrupt-'));
      const output = join(scratch, 'findings.csv');
      writeFileSync(output, 'the report of the last run\n');
      const child = runTsChild(CHILD, [output, signal]);
      expect(child.status).toBe(EXIT_CODES.interrupted);
      expect(child.stderr.trim()).toBe(`Interrupted (${signal}): stopped before finishing.`);
      expect(child.stdout).not.toContain('not stopped');
      const { spool } = JSON.parse(child.stdout.trim().split('\n')[0]!) as { spool: string };
      expect(existsSync(dirname(spool))).toBe(false);
      expect(readFileSync(output, 'utf8')).toBe('the report of the last run\n');
      expect(readdirSync(scratch)).toEqual(['findings.csv']);
    },
    60_000,
  );
});

/** Resolves once process `pid` holds `file` open (Linux /proc), checking every 10 ms. */
async function whenOpened(pid: number, file: string, exited: () => boolean): Promise<void> {
  for (;;) {
    if (exited()) throw new Error(`process ${pid} ended before it opened ${file}`);
    const fds = (() => {
      try {
        return readdirSync(`/proc/${pid}/fd`);
      } catch {
        return [];
      }
    })();
    const links = fds.map((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        return '';
      }
    });
    if (links.includes(file)) return;
    await delay(10);
  }
}

describe('Ctrl-C during a real cosell run', () => {
  let scratch: string;
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  /** Starts `cosell lint` on a 40,000-row export and signals it once it has opened the export. */
  async function interruptedLint(
    args: (scratch: string) => string[],
  ): Promise<{ code: number | null; stderr: string }> {
    scratch = mkdtempSync(join(tmpdir(), 'cosell-interrupt-'));
    // 40,000 rows take the command a second or more to read: it is signalled once it has opened
    // the export, past sf's start-up, with every signal listener registered.
    const file = join(scratch, 'export.csv');
    const now = new Date('2026-06-01T00:00:00Z');
    // The pipeline inside resolves once the file is closed.
    await writeOpportunityExport(
      generateOpportunities({ count: 40_000, seed: 7, now }),
      createWriteStream(file),
    );
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: '' };
    delete env.CI;
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bin/run.js'), 'cosell', 'lint', '--file', file, ...args(scratch)],
      { cwd: ROOT, env },
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    let ended = false;
    const exited = once(child, 'exit').then(([code]) => {
      ended = true;
      return code as number | null;
    });
    await whenOpened(child.pid!, file, () => ended);
    child.kill('SIGINT');
    return { code: await exited, stderr };
  }

  it("stops `cosell lint` while it reads, with our line instead of sf's stack", async () => {
    const { code, stderr } = await interruptedLint(() => ['--json']);
    expect(code).toBe(EXIT_CODES.interrupted);
    expect(stderr).toContain('Interrupted (SIGINT): stopped before finishing.');
    expect(stderr).not.toMatch(/ExitError|EEXIT|\n\s+at /);
  }, 60_000);

  it('leaves the old CSV report whole though findings were being written beside it', async () => {
    const { code } = await interruptedLint((dir) => {
      writeFileSync(join(dir, 'findings.csv'), 'the report of the last run\n');
      return ['--format', 'csv', '--output', join(dir, 'findings.csv')];
    });
    expect(code).toBe(EXIT_CODES.interrupted);
    expect(readFileSync(join(scratch, 'findings.csv'), 'utf8')).toBe(
      'the report of the last run\n',
    );
    expect(readdirSync(scratch).sort()).toEqual(['export.csv', 'findings.csv']);
  }, 60_000);
});
