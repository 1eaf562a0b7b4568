// `npm start` with no Salesforce configured travels the production Salesforce path: the gateway
// logs in to the local org by JWT bearer, an AE's Submit made through the org's REST API reaches
// the ACE emulator by Change Data Capture and the outcome is written back into the org's
// CoSell_Engagement__c; with the streaming channel down, the cursor poll still carries changes.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Connection } from 'jsforce';
import { queueStats } from '../../middleware/src/engine/outbox.js';
import { SALESFORCE_API_VERSION } from '../../middleware/src/salesforce/gateway/index.js';
import type { SRecord } from '../../middleware/src/sandbox/salesforce/org.js';
import type { Desk } from '../../middleware/src/service/desk.js';
import { draftDeal, run, startLocalDesk, until } from './local-desk.js';

describe('the embedded desk on the local org', () => {
  let desk: Desk;
  let dataDir: string;
  let org: Connection;

  beforeAll(async () => {
    // The default 60 s poll: within these tests only change events can carry a change.
    ({ desk, dataDir, org } = await startLocalDesk());
  });
  afterAll(async () => {
    await desk?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('gives the org a bare origin and an admin token any Salesforce client can use', async () => {
    const file = JSON.parse(readFileSync(join(dataDir, 'local-org.json'), 'utf8')) as Record<
      string,
      string
    > & { personas: Record<string, { accessToken: string; userId: string; username: string }> };
    expect(Object.keys(file).sort()).toEqual([
      'accessToken',
      'instanceUrl',
      'personas',
      'userId',
      'username',
    ]);
    // Each persona's session is that user's, under that user's permission set (the preview's ?as=).
    expect(Object.keys(file.personas).sort()).toEqual(['ae', 'alliance-ops', 'revops']);
    for (const persona of Object.values(file.personas)) {
      const session = new Connection({
        instanceUrl: file.instanceUrl,
        accessToken: persona.accessToken,
        version: SALESFORCE_API_VERSION,
      });
      expect((await session.identity()).user_id).toBe(persona.userId);
    }
    const asAe = new Connection({
      instanceUrl: file.instanceUrl,
      accessToken: file.personas.ae!.accessToken,
      version: SALESFORCE_API_VERSION,
    });
    const aeView = (await asAe.request(
      `/services/data/v${SALESFORCE_API_VERSION}/ui-api/object-info/Opportunity`,
    )) as { fields: Record<string, { updateable: boolean }> };
    expect(aeView.fields.CoSell_Attribution__c?.updateable).toBe(false);
    expect(aeView.fields.CoSell_Help_Needed__c?.updateable).toBe(true);
    // The admin's Id, which the Lightning preview hands @salesforce/user/Id.
    const identity = await org.identity();
    expect(file.userId).toBe(identity.user_id);
    expect(file.instanceUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const result = await org.query<{ Id: string }>('SELECT Id FROM Opportunity');
    expect(result.totalSize).toBeGreaterThan(0);
  });

  it('tells the truth on a fresh demo: submissions succeed, refusals show as findings on the engagement, no dead letters', async () => {
    const engagements = await until('every demo request answered in the org', () => {
      const all = desk.localOrg!.server.org.all('CoSell_Engagement__c');
      return all.every(
        (e) => e.Requested_Action__c === null || e.Requested_Action__c === undefined,
      ) && all.some((e) => e.Portal_Id__c && e.Last_Synced_At__c)
        ? all
        : null;
    });
    const answered = engagements.filter((e) => e.Last_Synced_At__c);
    expect(answered.length).toBeGreaterThan(2);
    const refused = engagements.filter((e) =>
      JSON.parse(String(e.Findings__c ?? '[]')).some(
        (f: { severity: string }) => f.severity === 'error',
      ),
    );
    expect(refused.length).toBeGreaterThan(0);
    for (const engagement of refused) {
      expect(engagement.Portal_Id__c ?? null).toBeNull();
      // Findings name the Salesforce field a person must fix.
      expect(
        (JSON.parse(String(engagement.Findings__c)) as Array<{ field?: string }>).some(
          (f) => typeof f.field === 'string' && f.field !== '',
        ),
      ).toBe(true);
    }
    for (const submitted of answered.filter((e) => e.Portal_Id__c))
      expect(submitted.Sync_Error__c ?? null).toBeNull();
    await until(
      'the outbox settled',
      async () => (await queueStats(desk.store.db, new Date())).pending === 0,
    );
    expect((await queueStats(desk.store.db, new Date())).dead).toBe(0);
  });

  it('answers the real `cosell sync status` with exit 0 on a fresh demo', async () => {
    // The compiled command (bin/run.js runs lib/), a separate process, as an operator runs it.
    const { stdout } = await run(
      process.execPath,
      [resolve('bin/run.js'), 'cosell', 'sync', 'status', '--json'],
      {
        env: {
          PATH: process.env.PATH,
          HOME: dataDir,
          COSELL_SERVICE_URL: desk.url,
          COSELL_TOKEN: desk.adminToken!,
          SF_DISABLE_TELEMETRY: 'true',
          SF_AUTOUPDATE_DISABLE: 'true',
          NODE_OPTIONS: '',
        },
        timeout: 60_000,
      },
    );
    const answer = JSON.parse(stdout) as {
      status: number;
      result: { queue: { dead: number; done: number }; deadLetters: unknown[] };
    };
    expect(answer.status).toBe(0);
    expect(answer.result.queue.dead).toBe(0);
    expect(answer.result.deadLetters).toEqual([]);
    // The demo's work has run: this is a settled fresh demo, not an idle one.
    expect(answer.result.queue.done).toBeGreaterThan(0);
  }, 90_000);

  it("follows the org's counterparts: one created in the org joins the coverage report, an edit moves it", async () => {
    const coverage = async () => {
      const response = await fetch(`${desk.url}/api/v1/relationship-coverage`, {
        method: 'POST',
        headers: { authorization: `Bearer ${desk.adminToken}`, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(response.status).toBe(200);
      const { clouds } = (await response.json()) as {
        clouds: Array<{ cloud: string; layers: Record<string, string[]> }>;
      };
      return clouds.find((entry) => entry.cloud === 'Google')!.layers;
    };
    expect((await coverage()).Specialist).toEqual(['Noah Fischer']);
    const created = (await org.sobject('CoSell_Counterpart__c').create({
      Name: 'Ines Duarte',
      Cloud__c: 'Google',
      Layer__c: 'Specialist',
      Email__c: 'ines@google.com',
      Title__c: 'Data Analytics Specialist',
    })) as { id: string };
    await desk.tick();
    expect((await coverage()).Specialist).toEqual(
      expect.arrayContaining(['Noah Fischer', 'Ines Duarte']),
    );
    await org.sobject('CoSell_Counterpart__c').update({ Id: created.id, Layer__c: 'Account Team' });
    await desk.tick();
    const layers = await coverage();
    expect(layers.Specialist).toEqual(['Noah Fischer']);
    expect(layers['Account Team']).toEqual(expect.arrayContaining(['Priya Raman', 'Ines Duarte']));
  });

  it("carries an AE's Submit through the org's REST API to ACE by change event, shows the portal id at once and writes the outcome back", async () => {
    const engagementId = await draftDeal(org, 'Northwind');
    const created = desk.emulators.aws!.counters.created;
    // Every state the org shows for the engagement, with where ACE's review stood at that moment.
    const shown: Array<{
      portalId: string;
      status: unknown;
      requested: unknown;
      aceReview: string | null;
    }> = [];
    const off = desk.localOrg!.server.org.onChange((change) => {
      if (
        change.entityName !== 'CoSell_Engagement__c' ||
        !change.recordIds.includes(engagementId) ||
        !('Portal_Id__c' in change.fields || 'Status__c' in change.fields)
      )
        return;
      const record = desk.localOrg!.server.org.get('CoSell_Engagement__c', engagementId)!;
      if (!record.Portal_Id__c) return;
      const ace = desk.emulators
        .aws!.control.snapshot()
        .opportunities.find(([, stored]) => stored.record.Id === record.Portal_Id__c)?.[1].record;
      shown.push({
        portalId: String(record.Portal_Id__c),
        status: record.Status__c,
        requested: record.Requested_Action__c ?? null,
        aceReview: ace
          ? String(
              (ace.LifeCycle as { ReviewStatus?: string } | undefined)?.ReviewStatus ??
                'Pending Submission',
            )
          : null,
      });
    });
    await org
      .sobject('CoSell_Engagement__c')
      .update({ Id: engagementId, Requested_Action__c: 'Submit' });
    const written = await until(
      'the ACE outcome written back to the engagement',
      () => {
        const record = desk.localOrg!.server.org.get('CoSell_Engagement__c', engagementId) as
          | SRecord
          | undefined;
        return record?.Portal_Id__c && !record.Requested_Action__c ? record : null;
      },
      20_000,
    );
    off();
    expect(String(written.Portal_Id__c)).toMatch(/^O\d+$/);
    expect(written).toMatchObject({
      Status__c: expect.stringMatching(/Submitted|In review|Accepted/),
      Requested_Action__c: null,
      Sync_Error__c: null,
    });
    expect(desk.emulators.aws!.counters.created).toBe(created + 1);
    // The portal id shows as soon as ACE holds the record, still a draft there (Pending Submission)
    // with the Submit still pending; the submitted status follows once ACE started the engagement.
    expect(shown[0]).toEqual({
      portalId: written.Portal_Id__c,
      status: 'Draft',
      requested: 'Submit',
      aceReview: 'Pending Submission',
    });
    expect(shown.at(-1)).toMatchObject({
      portalId: written.Portal_Id__c,
      status: written.Status__c,
      requested: null,
    });
    expect(shown.at(-1)!.aceReview).not.toBe('Pending Submission');
    expect(new Set(shown.map((entry) => entry.portalId)).size).toBe(1);
  });
});
