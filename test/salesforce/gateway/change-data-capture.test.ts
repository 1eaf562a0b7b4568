// Change Data Capture on the local org, judged by jsforce's own streaming client: the org's change
// hook, the event payload, replay ids (-1, -2, a stored id, an invalid one), authentication
// failures, and the product's change-event listener driving a sync pass unchanged.
import { Connection } from 'jsforce';
import { StreamingExtension } from 'jsforce/api/streaming';
import {
  ChangeDrivenSync,
  jsforceChangeEvents,
  openSalesforceSession,
} from '../../../middleware/src/salesforce/gateway/index.js';
import type { OrgChange } from '../../../middleware/src/sandbox/salesforce/org.js';
import {
  startLocalOrg,
  type LocalOrg,
} from '../../../middleware/src/sandbox/salesforce/local-org.js';

interface ChangeEventData {
  payload: {
    ChangeEventHeader: {
      entityName: string;
      changeType: string;
      recordIds: string[];
      changedFields: string[];
      commitTimestamp: number;
      commitUser: string;
      transactionKey: string;
    };
    [field: string]: unknown;
  };
  event: { replayId: number };
}

async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('local org Change Data Capture', () => {
  let local: LocalOrg;
  // The integration user listens, as the product does; an admin writes, since the org's security
  // refuses record edits the integration user's permission set does not grant.
  let connection: Connection;
  let admin: Connection;
  const clients: Array<{ disconnect(): void }> = [];

  beforeAll(async () => {
    local = await startLocalOrg();
    connection = (await openSalesforceSession(local.config)).connection;
    admin = new Connection({
      instanceUrl: local.instanceUrl,
      accessToken: local.admin.accessToken,
      version: connection.version,
    });
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.disconnect();
  });
  afterAll(async () => local.stop());

  function replayClient(channel: string, replayId: number | null, extra: unknown[] = []) {
    const client = connection.streaming.createClient([
      new StreamingExtension.Replay(channel, replayId),
      ...extra,
    ] as never);
    clients.push(client as unknown as { disconnect(): void });
    return client;
  }

  it('reports every committed write through the change hook, with the fields an update changed', async () => {
    const changes: OrgChange[] = [];
    const stop = local.server.org.onChange((change) => changes.push(change));
    const created = await admin.sobject('Opportunity').create({
      Name: 'Hook lakehouse',
      StageName: 'Prospecting',
      CloseDate: '2027-03-31',
      Amount: 1000,
    });
    const id = (created as { id: string }).id;
    await admin.sobject('Opportunity').update({ Id: id, StageName: 'Proposal', Amount: 1000 });
    await admin.sobject('Opportunity').destroy(id);
    stop();
    expect(changes.map((change) => change.changeType)).toEqual(['CREATE', 'UPDATE', 'DELETE']);
    expect(changes[0]!.fields).toMatchObject({
      Name: 'Hook lakehouse',
      StageName: 'Prospecting',
      Amount: 1000,
    });
    expect(changes[0]!.changedFields).toEqual([]);
    expect(changes[1]!.changedFields.sort()).toEqual(['LastModifiedDate', 'StageName']);
    expect(changes[1]!.fields).toMatchObject({ StageName: 'Proposal' });
    expect(changes[1]!.fields).not.toHaveProperty('Amount');
    expect(
      changes.every((change) => change.recordIds[0] === id && change.entityName === 'Opportunity'),
    ).toBe(true);
  });

  it('delivers a REST update to a topic subscriber as Salesforce shapes the event', async () => {
    const opportunity = await admin
      .sobject('Opportunity')
      .create({ Name: 'CDC warehouse', StageName: 'Prospecting', CloseDate: '2027-03-31' });
    const received: ChangeEventData[] = [];
    const all: ChangeEventData[] = [];
    const subscription = connection.streaming
      .topic('/data/OpportunityChangeEvent')
      .subscribe((message) => received.push(message as unknown as ChangeEventData));
    const everything = connection.streaming
      .topic('/data/ChangeEvents')
      .subscribe((message) => all.push(message as unknown as ChangeEventData));
    await Promise.all([subscription, everything]);
    await admin
      .sobject('Opportunity')
      .update({ Id: (opportunity as { id: string }).id, StageName: 'Negotiation/Review' });
    await until(() => received.length === 1 && all.length === 1);
    subscription.cancel();
    everything.cancel();
    const event = received[0]!;
    expect(event.payload.ChangeEventHeader).toMatchObject({
      entityName: 'Opportunity',
      changeType: 'UPDATE',
      recordIds: [(opportunity as { id: string }).id],
      commitUser: expect.stringMatching(/^005/),
    });
    expect(event.payload.ChangeEventHeader.changedFields.sort()).toEqual([
      'LastModifiedDate',
      'StageName',
    ]);
    expect(event.payload.StageName).toBe('Negotiation/Review');
    expect(event.payload.LastModifiedDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(event.event.replayId).toBeGreaterThan(0);
    expect(all[0]!.event.replayId).toBe(event.event.replayId);
  });

  it('replays retained events with -2, the events after a stored id, and rejects an id it never issued', async () => {
    const engagement = 'CoSell_Engagement__c';
    const channel = '/data/CoSell_Engagement__ChangeEvent';
    const ids: string[] = [];
    const deal = (await admin
      .sobject('Opportunity')
      .create({ Name: 'Replay lakehouse', StageName: 'Prospecting', CloseDate: '2027-03-31' })) as {
      id: string;
    };
    for (const cloud of ['AWS', 'Microsoft', 'Google'])
      ids.push(
        (
          (await admin
            .sobject(engagement)
            .create({ Opportunity__c: deal.id, Cloud__c: cloud })) as { id: string }
        ).id,
      );

    const everything: ChangeEventData[] = [];
    await replayClient(channel, -2).subscribe(channel, (data: unknown) =>
      everything.push(data as ChangeEventData),
    );
    await until(() => everything.length >= 3);
    expect(
      everything.every((event) => event.payload.ChangeEventHeader.entityName === engagement),
    ).toBe(true);
    const replayIds = everything.map((event) => event.event.replayId);
    expect([...replayIds].sort((a, b) => a - b)).toEqual(replayIds);

    const afterFirst: ChangeEventData[] = [];
    const stored = everything.at(-3)!.event.replayId;
    await replayClient(channel, stored).subscribe(channel, (data: unknown) =>
      afterFirst.push(data as ChangeEventData),
    );
    await until(() => afterFirst.length === 2);
    expect(afterFirst.map((event) => event.payload.ChangeEventHeader.recordIds[0])).toEqual(
      ids.slice(1),
    );

    const newOnly: ChangeEventData[] = [];
    await replayClient(channel, -1).subscribe(channel, (data: unknown) =>
      newOnly.push(data as ChangeEventData),
    );
    await admin.sobject(engagement).update({ Id: ids[0]!, Status__c: 'Submitted' });
    await until(() => newOnly.length === 1);
    expect(newOnly[0]!.payload.ChangeEventHeader.changeType).toBe('UPDATE');

    const refusal = await new Promise<unknown>((resolve) => {
      replayClient(channel, 999_999)
        .subscribe(channel, () => undefined)
        .then(() => resolve(null), resolve);
    });
    expect(String((refusal as { message?: string }).message ?? refusal)).toContain(
      'The replayId {999999} you provided was invalid.  Please provide a valid ID',
    );

    const unknown = await new Promise<unknown>((resolve) => {
      replayClient('/data/AccountChangeEvent', -1)
        .subscribe('/data/AccountChangeEvent', () => undefined)
        .then(() => resolve(null), resolve);
    });
    expect(String((unknown as { message?: string }).message ?? unknown)).toContain(
      'The channel you requested to subscribe to does not exist',
    );
  });

  it('denies the handshake of an invalid session with the reason jsforce reports as an auth failure', async () => {
    const stranger = new Connection({
      instanceUrl: local.server.url,
      accessToken: '00D000000000001!forged',
      version: connection.version,
    });
    let failed = false;
    const client = stranger.streaming.createClient([
      new StreamingExtension.AuthFailure(() => (failed = true)),
    ] as never);
    clients.push(client as unknown as { disconnect(): void });
    void client.subscribe('/data/OpportunityChangeEvent', () => undefined);
    await until(() => failed);
    expect(failed).toBe(true);
  });

  it('drives the product change listener: an event makes the cursor sync run before the poll', async () => {
    let passes = 0;
    const sync = new ChangeDrivenSync({
      sync: async () => void passes++,
      events: jsforceChangeEvents(connection),
      pollIntervalMs: 3_600_000,
      debounceMs: 5,
    });
    const started = await sync.start();
    expect(started.failed).toEqual([]);
    expect(started.subscribed).toHaveLength(3);
    // The listener does not wait for its subscriptions to be confirmed: write until one is heard.
    for (let attempt = 1; passes === 0 && attempt <= 20; attempt++) {
      await admin.sobject('CoSell_Referral__c').create({
        Name: `CDC referral ${attempt}`,
        Cloud__c: 'AWS',
        Referral_Key__c: `AWS:cdc-${attempt}`,
      });
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(passes).toBe(1);
    await sync.stop();
    expect(sync.eventTriggered).toBe(1);
  });
});
