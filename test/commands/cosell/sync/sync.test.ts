import { describe, expect, it } from '@jest/globals';
import SyncReplay from '../../../../middleware/src/commands/cosell/sync/replay.js';
import SyncStatus from '../../../../middleware/src/commands/cosell/sync/status.js';
import { runCommand } from '../../../support/cli.js';
import { SERVICE_URL, closedPortUrl, fakeService, problem } from '../support/fake-service.js';
import { schemaIssues } from '../support/json-schema.js';
import { $$, printed, useCommandSandbox, ux } from '../support/command-context.js';

const service = ['--service-url', SERVICE_URL, '--token', 'admin-token'];
const deadLetter = {
  id: '1207',
  kind: 'portal.submit',
  target: 'microsoft',
  status: 'dead',
  attempts: 8,
  lastError: 'Partner Center answered 401: the app registration secret expired',
  updatedAt: '2026-11-10T07:45:00.000Z',
};
const state = (dead: object[]) => ({
  status: 200,
  body: {
    queue: {
      pending: 14,
      running: 2,
      done: 3810,
      dead: dead.length,
      lagSeconds: 42.5,
      byTarget: {
        microsoft: { pending: 12, running: 1, dead: dead.length },
        salesforce: { pending: 2, running: 1, dead: 0 },
      },
    },
    deadLetters: dead,
  },
});

describe('cosell sync', () => {
  useCommandSandbox();

  it('status prints depth, lag and per-target counts, and exits 1 while dead letters exist', async () => {
    fakeService($$, { 'GET /api/v1/sync/status': state([deadLetter]) });
    const result = await runCommand(SyncStatus, service);
    expect(printed()).toContain('Queue: 14 pending, 2 running, 3810 done, 1 dead; lag 42.5 s.');
    expect(ux.table.firstCall.args[0]).toMatchObject({
      data: [
        { target: 'microsoft', pending: '12' },
        { target: 'salesforce', pending: '2' },
      ],
    });
    expect(ux.table.secondCall.args[0]).toMatchObject({
      data: [{ id: '1207', error: deadLetter.lastError }],
    });
    expect(process.exitCode).toBe(1);
    expect(schemaIssues('cosell sync status', result)).toEqual([]);
  });

  it("status shows a dead letter's whole error wrapped to the terminal, without the escapes it carried", async () => {
    const why = 'Partner Center answered 401: the app registration secret expired. ';
    const noisy = { ...deadLetter, lastError: `\u001b[31m${why.repeat(3)}\u001b[0m` };
    fakeService($$, { 'GET /api/v1/sync/status': state([noisy]) });
    const before = process.env.COLUMNS;
    process.env.COLUMNS = '80';
    try {
      await runCommand(SyncStatus, service);
    } finally {
      if (before === undefined) delete process.env.COLUMNS;
      else process.env.COLUMNS = before;
    }
    const table = ux.table.secondCall.args[0] as {
      data: Array<Record<string, string>>;
      columns: Array<{ key: string; width?: number }>;
      overflow: string;
      maxWidth: number;
    };
    expect(table.overflow).toBe('wrap');
    expect(table.maxWidth).toBe(80);
    expect(table.data[0]!.error!.includes('\u001b')).toBe(false);
    expect(table.data[0]!.error).toContain(why.repeat(3).trim());
    // The id, the target and the error stay; the error shares what is left of 80 columns.
    const keys = table.columns.map((column) => column.key);
    expect(keys).toEqual(expect.arrayContaining(['id', 'target', 'error']));
    expect(table.columns.find((column) => column.key === 'error')!.width).toBeLessThan(80);
  });

  it('status exits 0 when nothing is dead', async () => {
    fakeService($$, { 'GET /api/v1/sync/status': state([]) });
    await runCommand(SyncStatus, [...service, '--json']);
    expect(process.exitCode).toBeUndefined();
  });

  it('replay requeues a dead letter', async () => {
    const sent = fakeService($$, {
      'POST /api/v1/sync/jobs/1207/replay': {
        status: 202,
        body: { jobId: '1207', status: 'pending' },
      },
    });
    const result = await runCommand(SyncReplay, [...service, '--job', '1207']);
    expect(result).toEqual({ jobId: '1207', status: 'pending' });
    expect(sent[0]?.headers['idempotency-key']).toBeDefined();
    expect(printed()).toContain('Job 1207 is back in the queue.');
    expect(schemaIssues('cosell sync replay', result)).toEqual([]);
  });

  it('replay reports a job that is not a dead letter, and refuses a bad id locally', async () => {
    fakeService($$, {
      'POST /api/v1/sync/jobs/88/replay': problem(409, 'conflict', 'job 88 is done, not dead'),
    });
    await expect(runCommand(SyncReplay, [...service, '--job', '88'])).rejects.toThrow(
      /job 88 is done, not dead/,
    );
    await expect(runCommand(SyncReplay, [...service, '--job', '0'])).rejects.toThrow(
      /not a service record id/,
    );
    await expect(runCommand(SyncReplay, service)).rejects.toThrow(/job/);
  });

  it('both say the service is unreachable at its URL', async () => {
    const url = await closedPortUrl();
    await expect(runCommand(SyncStatus, ['--service-url', url])).rejects.toThrow(
      `unreachable at ${url}`,
    );
    await expect(runCommand(SyncReplay, ['--service-url', url, '--job', '1207'])).rejects.toThrow(
      `unreachable at ${url}`,
    );
  });
});
