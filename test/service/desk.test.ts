// The whole product as `npm start` assembles it: embedded (the local org, demo data, sandbox portals) and
// connected to a Salesforce org (the local Salesforce test server), end to end through the
// sandbox portals and back.
import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../middleware/src/service/config.js';
import { startDesk, type Desk } from '../../middleware/src/service/desk.js';
import { createServiceLogger } from '../../middleware/src/service/logging.js';
import { seedCoSellOrg, startSalesforceFixture, type SalesforceFixture } from '../support/salesforce-server/fixture.js';

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

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 40_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function api(path: string, token: string) {
  const response = await fetch(`${desk!.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('the co-sell desk', () => {
  it('runs embedded with no configuration: demo pipeline, triaged referrals from every cloud, submissions through the sandbox portals', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cosell-desk-'));
    desk = await startDesk({ config: loadConfig({ PORT: '0', COSELL_DATA_DIR: dataDir }), logger: quiet, sandboxReview: { inReviewAfterMs: 500, decisionAfterMs: 1_000 } });
    expect(await (await fetch(`${desk.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${desk.url}/api/v1/referrals`)).status).toBe(401);

    const referrals = await until('referrals from every cloud', async () => {
      const { body } = await api('/api/v1/referrals', desk!.adminToken);
      const list = body.referrals as Array<{ cloud: string; priority: string; sourceLayer: string | null }>;
      return new Set(list.map((r) => r.cloud)).size === 3 ? list : null;
    });
    expect(referrals.some((r) => r.sourceLayer === null && r.priority === 'High')).toBe(true);
    expect(referrals.some((r) => r.sourceLayer === 'Partner Program' && r.priority === 'Standard')).toBe(true);

    const submitted = await until('a demo submission accepted by a sandbox portal', async () => {
      const rows = await desk!.store.db.selectFrom('engagements').select(['opportunity_id', 'cloud', 'status', 'portal_id']).where('status', 'in', ['Submitted', 'In review', 'Accepted']).execute();
      return rows.length > 0 ? rows : null;
    });
    expect(submitted[0]!.portal_id).toBeTruthy();
    const { body } = await api(`/api/v1/opportunities/${submitted[0]!.opportunity_id}/engagements`, desk.adminToken);
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
    desk = await startDesk({ config: loadConfig(env), env, logger: quiet, sandboxReview: { inReviewAfterMs: 500, decisionAfterMs: 1_000 } });
    const engagement = await until('the engagement written back with its ACE id', async () => {
      const record = fixture!.server.org.findByField('CoSell_Engagement__c', 'Id', org.dataPlatformAws.Id);
      return record && record.Portal_Id__c ? record : null;
    });
    expect(engagement).toMatchObject({ Status__c: expect.stringMatching(/Submitted|In review|Accepted/), Requested_Action__c: null });
    expect(String(engagement.Portal_Id__c)).toMatch(/^O\d+$/);
    expect(desk.emulators.aws!.counters.created).toBe(1);
    // Nothing from the demo: a connected desk works on the org's data only.
    expect(await desk.store.db.selectFrom('opportunities').select('id').execute()).toHaveLength(2);
  }, 120_000);
});
