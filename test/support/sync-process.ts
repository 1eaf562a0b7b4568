// Starts the engine as a separate service process (test/engine/proof/sync-child.ts) so a test can
// SIGKILL it at any moment and start it again on the same store, and talks to it over IPC.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { PortalName } from '../../middleware/src/portals/portal.js';
import { REPOSITORY_ROOT as ROOT, TS_EXEC_ARGV } from './ts-child.js';

const CHILD = fileURLToPath(new URL('../engine/proof/sync-child.ts', import.meta.url));

/** What the child reports about its store when asked. */
export interface SyncReport {
  referrals: Array<{ cloud: string; portalId: string; inSalesforce: boolean }>;
  /** Inbound events recorded, by portal ('AWS', 'Microsoft', 'Google'). */
  inboundEvents: Record<string, number>;
  dead: Array<{ kind: string; last_error: string | null }>;
  pendingNonPoll: number;
  /** Engagements not yet on the portal, with edits waiting, or still under review. */
  unsettledEngagements: number;
}

export type ChildMessage =
  | { type: 'alive' }
  | { type: 'recorded' }
  | { type: 'dead'; kind: string; error: string }
  | { type: 'error'; where: string; message: string }
  | ({ type: 'report' } & SyncReport);

export class SyncProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<NodeJS.Signals | number | null>;
  private stderr = '';
  private readonly waiters = new Map<string, Array<(message: ChildMessage) => void>>();

  constructor(env: Record<string, string>, onMessage: (message: ChildMessage) => void) {
    this.child = fork(CHILD, [], {
      cwd: ROOT,
      execArgv: TS_EXEC_ARGV,
      env: { ...process.env, ...env, NODE_OPTIONS: '' },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString('utf8')).slice(-4_000);
    });
    this.child.on('message', (message: ChildMessage) => {
      onMessage(message);
      const waiting = this.waiters.get(message.type) ?? [];
      this.waiters.delete(message.type);
      for (const resolve of waiting) resolve(message);
    });
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code, signal) => resolve(signal ?? code)),
    );
  }

  /** The next message of this type, or null when the child exits first. */
  next<T extends ChildMessage['type']>(
    type: T,
  ): Promise<Extract<ChildMessage, { type: T }> | null> {
    return Promise.race([
      new Promise<Extract<ChildMessage, { type: T }>>((resolve) => {
        const list = this.waiters.get(type) ?? [];
        list.push(resolve as (message: ChildMessage) => void);
        this.waiters.set(type, list);
      }),
      this.exited.then(() => null),
    ]);
  }

  /** A portal event as the service receives it (EventBridge event, webhook notification, push body). */
  deliver(portal: PortalName, payload: unknown): void {
    if (this.child.connected) this.child.send({ type: 'event', portal, payload }, () => undefined);
  }

  async report(): Promise<SyncReport | null> {
    if (!this.child.connected) return null;
    const answer = this.next('report');
    this.child.send({ type: 'report' }, () => undefined);
    return answer;
  }

  async kill(): Promise<NodeJS.Signals | number | null> {
    this.child.kill('SIGKILL');
    return this.exited;
  }

  /** The end of the child's stderr, for the failure message. */
  get errors(): string {
    return this.stderr;
  }
}
