// Resolves the queue a triage rule names (a DeveloperName) to the Group Id Salesforce wants in
// OwnerId. Queues rarely change, so each name is looked up once and cached; unknown names are
// reported by name instead of writing a referral nobody owns.
import type { SalesforceApi } from './api.js';
import { queuesQuery } from './queries.js';

export class UnknownQueueError extends Error {
  readonly queue: string;
  constructor(queue: string) {
    super(
      `no queue with DeveloperName ${queue} in the org: create it or change Owner_Queue__c on the triage rule`,
    );
    this.name = 'UnknownQueueError';
    this.queue = queue;
  }
}

export class QueueDirectory {
  private readonly ids = new Map<string, string>();
  private readonly missing = new Set<string>();

  constructor(private readonly api: SalesforceApi) {}

  /** Looks up every name not yet known in one query. */
  async preload(names: readonly string[]): Promise<void> {
    const unknown = [...new Set(names)].filter(
      (name) => !this.ids.has(name) && !this.missing.has(name),
    );
    if (unknown.length === 0) return;
    const rows = await this.api.queryAll<{ Id: string; DeveloperName: string }>(
      queuesQuery(unknown),
    );
    for (const row of rows) this.ids.set(row.DeveloperName, row.Id);
    for (const name of unknown) if (!this.ids.has(name)) this.missing.add(name);
  }

  async idOf(name: string): Promise<string> {
    await this.preload([name]);
    const id = this.ids.get(name);
    if (!id) throw new UnknownQueueError(name);
    return id;
  }

  /** Forget what was learned (e.g. after an admin created a missing queue). */
  clear(): void {
    this.ids.clear();
    this.missing.clear();
  }
}
