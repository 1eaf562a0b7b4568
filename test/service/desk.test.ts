// The whole product as `npm start` assembles it: embedded (the local org, demo data, sandbox portals) and
// connected to a Salesforce org (the local Salesforce test server), end to end through the
// sandbox portals and back.
import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Writable } from 'node:stream';
import { join } from 'node:path';
import { loadConfig } from '../../middleware/src/service/config.js';
import { startDemoDesk } from '../../middleware/src/demo/bootstrap.js';
import type { Desk } from '../../middleware/src/service/desk.js';
import { createServiceLogger } from '../../middleware/src/service/logging.js';
import {
  seedCoSellOrg,
  startSalesforceFixture,
  type SalesforceFixture,
} from '../support/salesforce-server/fixture.js';

const quiet = createServiceLogger({ level: process.env.DESK_LOG ?? 'silent' });
let desk: Desk | undefined;
let fixture: SalesforceFixture | undefined;
let dataDir: string | undefined;

afterEach(async () => {
  await desk?.stop();
  await fixture?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  desk = undefined;
  fixture = undefined;
});

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs = 40_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function api(path: string, token: string) {
  const response = await fetch(`${desk!.url}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('the co-sell desk', () => {
  it('has a local admin token only while no tokens are configured, and never logs it', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cosell-desk-'));
    const lines: string[] = [];
    const logger = createServiceLogger({
      level: 'debug',
      destination: new Writable({
        write: (chunk, _encoding, done) => void (lines.push(String(chunk)), done()),
      }),
    });
    const quietDemo = { COSELL_DEMO: 'false', PORT: '0', COSELL_DATA_DIR: dataDir };
    desk = await startDemoDesk({ config: loadConfig(quietDemo), logger });
    const generated = desk.adminToken!;
    expect(generated).toMatch(/^[0-9a-f]{64}$/);
    expect((await api('/api/v1/sync/status', generated)).status).toBe(200);
    expect(lines.join('')).not.toContain(generated);
    await desk.stop();

    const tokens = [
      {
        token: 'ops-8b2d4f6a1c3e5079b8d6f4a2c0e1d3f5b7a9',
        persona: 'alliance-ops',
        name: 'ops',
        userId: '005Gn00000OPs03AAA',
      },
    ];
    desk = await startDemoDesk({
      config: loadConfig({ ...quietDemo, COSELL_API_TOKENS: JSON.stringify(tokens) }),
      logger,
    });
    expect(desk.adminToken).toBeNull();
    // The token still lying in the data folder opens nothing once callers are configured.
    expect((await api('/api/v1/sync/status', generated)).status).toBe(401);
    expect((await api('/api/v1/sync/status', tokens[0]!.token)).status).toBe(200);
  });

  it('runs embedded with no configuration: demo pipeline, triaged referrals from every cloud, submissions through the sandbox portals', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cosell-desk-'));
    desk = await startDemoDesk({
      config: loadConfig({ PORT: '0', COSELL_DATA_DIR: dataDir }),
      logger: quiet,
      sandboxReview: { inReviewAfterMs: 500, decisionAfterMs: 1_000 },
    });
    expect(await (await fetch(`${desk.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${desk.url}/api/v1/referrals`)).status).toBe(401);

    const referrals = await until('referrals from every cloud', async () => {
      const { body } = await api('/api/v1/referrals', desk!.adminToken!);
      const list = body.referrals as Array<{
        cloud: string;
        priority: string;
        sourceLayer: string | null;
      }>;
      return new Set(list.map((r) => r.cloud)).size === 3 ? list : null;
    });
    expect(referrals.some((r) => r.sourceLayer === null && r.priority === 'High')).toBe(true);
    expect(
      referrals.some((r) => r.sourceLayer === 'Partner Program' && r.priority === 'Standard'),
    ).toBe(true);

    // Google names only the owner: each demo referrer's recorded counterpart role decides its layer,
    // so the five Google referrals get five different triages and the PDM's is Standard.
    const google = await until('all five Google referrals', async () => {
      const { body } = await api('/api/v1/referrals?cloud=Google', desk!.adminToken!);
      const list = (
        body.referrals as Array<{
          cloud: string;
          priority: string;
          sourceLayer: string | null;
          responseDue: string;
        }>
      ).filter((r) => r.cloud === 'Google');
      return list.length === 5 ? list : null;
    });
    expect(google.map((r) => r.sourceLayer).sort()).toEqual([
      'Account Team',
      'Executive/Industry',
      'Partner Program',
      'Regional/Segment',
      'Specialist',
    ]);
    expect(new Set(google.map((r) => `${r.sourceLayer}|${r.priority}|${r.responseDue}`)).size).toBe(
      5,
    );
    expect(google.find((r) => r.sourceLayer === 'Partner Program')?.priority).toBe('Standard');

    // Readiness evidence comes from the store the gateway fills from the org (the demo seeds it): the
    // primary cloud names its PDM and a fortnightly rhythm, so item 5 is met and the API reports ready.
    const readiness = await api('/api/v1/readiness?cloud=AWS', desk.adminToken!);
    const aws = (
      readiness.body.checklists as Array<{
        ready: boolean;
        evidenceRecorded: boolean;
        items: Array<{ key: string; status: string; evidence: string[] }>;
      }>
    )[0]!;
    expect(aws.evidenceRecorded).toBe(true);
    expect(aws.items.find((item) => item.key === 'pdmRhythm')).toMatchObject({
      status: 'met',
      evidence: expect.arrayContaining(['named PDM: Dana Whitfield']),
    });

    const submitted = await until('a demo submission accepted by a sandbox portal', async () => {
      const rows = await desk!.store.db
        .selectFrom('engagements')
        .select(['opportunity_id', 'cloud', 'status', 'portal_id'])
        .where('status', 'in', ['Submitted', 'In review', 'Accepted'])
        .execute();
      return rows.length > 0 ? rows : null;
    });
    expect(submitted[0]!.portal_id).toBeTruthy();
    const { body } = await api(
      `/api/v1/opportunities/${submitted[0]!.opportunity_id}/engagements`,
      desk.adminToken!,
    );
    expect(JSON.stringify(body)).toContain(submitted[0]!.portal_id!);
  }, 120_000);

  it('takes a Submit requested in Salesforce to the portal and writes the outcome back to the engagement record', async () => {
    fixture = await startSalesforceFixture();
    const org = seedCoSellOrg(fixture.server, new Date());
    dataDir = mkdtempSync(join(tmpdir(), 'cosell-desk-'));
    const env = {
      PORT: '0',
      COSELL_DATA_DIR: dataDir,
      COSELL_POLL_INTERVAL_MS: '1000',
      SF_LOGIN_URL: fixture.config.loginUrl,
      SF_CLIENT_ID: fixture.config.clientId,
      SF_USERNAME: fixture.config.username,
      SF_PRIVATE_KEY: fixture.config.privateKey,
    };
    desk = await startDemoDesk({
      config: loadConfig(env),
      env,
      logger: quiet,
      sandboxReview: { inReviewAfterMs: 500, decisionAfterMs: 1_000 },
    });
    // The ACE id shows first (ACE's draft, the Submit pending); the outcome consumes the request.
    const engagement = await until('the outcome written back with its ACE id', async () => {
      const record = fixture!.server.org.findByField(
        'CoSell_Engagement__c',
        'Id',
        org.dataPlatformAws.Id,
      );
      return record && record.Portal_Id__c && !record.Requested_Action__c ? record : null;
    });
    expect(engagement).toMatchObject({
      Status__c: expect.stringMatching(/Submitted|In review|Accepted/),
      Requested_Action__c: null,
    });
    expect(String(engagement.Portal_Id__c)).toMatch(/^O\d+$/);
    expect(desk.emulators.aws!.counters.created).toBe(1);
    // Nothing from the demo: a connected desk works on the org's data only.
    expect(await desk.store.db.selectFrom('opportunities').select('id').execute()).toHaveLength(2);
  }, 120_000);
});
