// The service connected to an org (the local Salesforce test server) writes what the org's pages and
// reports read: the CoSell_Metric__c summary on its periodic tick (figures and every maturity marker
// with its evidence), and the joint pursuit list of each account-mapping run.
import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calendarQuarterLabel } from '../../middleware/src/core/attribution/metric-summary.js';
import { maturityMarkerKey, metricKey } from '../../middleware/src/core/salesforce-keys.js';
import { loadConfig } from '../../middleware/src/service/config.js';
import { startDemoDesk } from '../../middleware/src/demo/bootstrap.js';
import type { Desk } from '../../middleware/src/service/desk.js';
import { createServiceLogger } from '../../middleware/src/service/logging.js';
import {
  seedCoSellOrg,
  startSalesforceFixture,
  type SalesforceFixture,
} from '../support/salesforce-server/fixture.js';

const quiet = createServiceLogger({ level: 'silent' });
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

describe('what the connected service writes to the org', () => {
  it('upserts the figures and maturity markers into CoSell_Metric__c, updating the same rows on the next tick', async () => {
    fixture = await startSalesforceFixture();
    seedCoSellOrg(fixture.server, new Date());
    dataDir = mkdtempSync(join(tmpdir(), 'cosell-metrics-'));
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
      sandboxReview: { inReviewAfterMs: 60_000, decisionAfterMs: 120_000 },
    });
    // The org's opportunities reach the store through the intake; the next tick summarises them.
    const deadline = Date.now() + 20_000;
    while ((await desk.store.db.selectFrom('opportunities').select('id').execute()).length < 2) {
      if (Date.now() > deadline) throw new Error('the org opportunities never reached the store');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await desk.tick();

    const org = fixture.server.org;
    const find = (key: string) => org.findByField('CoSell_Metric__c', 'Metric_Key__c', key);
    // The Fabrikam MACC drawdown: Microsoft-sourced, closing January 2027 = Microsoft FY2027Q3.
    expect(find(metricKey('Microsoft', 'FY2027Q3', 'Pipeline Count', 'Sourced'))).toMatchObject({
      Value__c: 1,
      Cloud__c: 'Microsoft',
      Segment__c: 'Sourced',
    });
    const period = calendarQuarterLabel(new Date());
    const pdm = find(maturityMarkerKey(period, 1, 1));
    expect(pdm).toMatchObject({
      Metric__c: 'Maturity Marker',
      Stage__c: 'Foundation (month 1)',
      Marker__c: 'first PDM relationship named',
      Source__c: 'named counterparts (Partner Program layer)',
    });
    expect(typeof pdm!.Met__c).toBe('boolean');
    const markers = org
      .all('CoSell_Metric__c')
      .filter((row) => row.Metric__c === 'Maturity Marker');
    expect(markers.length).toBeGreaterThanOrEqual(6);
    expect(new Set(markers.map((row) => row.Stage_Level__c))).toEqual(new Set([1, 2, 3, 4, 5, 6]));

    const before = org.all('CoSell_Metric__c').length;
    await desk.tick();
    expect(org.all('CoSell_Metric__c')).toHaveLength(before);

    // An account-mapping run through the API stores its pursuit list in the org as well.
    const contoso = org.findByField('Account', 'Name', 'Contoso Retail Group')!;
    const mapping = async () => {
      const response = await fetch(`${desk!.url}/api/v1/account-mapping`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${desk!.adminToken}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          cloud: 'AWS',
          hyperscalerCsv:
            'Customer Company Name,Customer Website,AWS Account Manager\nContoso Retail Group,contoso-retail.com,Marcus Lee\n',
        }),
      });
      expect(response.status).toBe(200);
      return (await response.json()) as {
        pursuits: unknown[];
        saved: { created: number; updated: number; failed: unknown[] } | null;
      };
    };
    const first = await mapping();
    expect(first.pursuits).toHaveLength(1);
    expect(first.saved).toEqual({ created: 1, updated: 0, failed: [] });
    expect(
      org.findByField('CoSell_Joint_Pursuit__c', 'Pursuit_Key__c', `AWS:id:${contoso.Id}`),
    ).toMatchObject({
      Name: 'Contoso Retail Group',
      Account__c: contoso.Id,
      Cloud__c: 'AWS',
      Hyperscaler_Owner__c: 'Marcus Lee',
    });
    expect((await mapping()).saved).toEqual({ created: 0, updated: 1, failed: [] });
    expect(org.all('CoSell_Joint_Pursuit__c')).toHaveLength(1);
  });
});
