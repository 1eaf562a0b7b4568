// The RevOps journey's trend charts on the production path: a real desk (`npm start`'s startDesk)
// writes the CoSell_Metric__c summary into its local org on each tick, the attribution page reads it
// through GraphQL and draws Chart.js from the org's static resource. Checked at 1,280 and 400 px:
// three charts with ink on their canvases, each with its text alternative, axe clean, a screenshot.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from 'jsforce';
import { chromium, type Browser } from 'playwright-core';
import { SALESFORCE_API_VERSION } from '../../middleware/src/salesforce/index.js';
import { loadConfig } from '../../middleware/src/service/config.js';
import { startDesk, type Desk } from '../../middleware/src/service/desk.js';
import { createServiceLogger } from '../../middleware/src/service/logging.js';
import { CHROMIUM, openAt, overflowing, screenshot, seriousViolations, type PreviewSite } from './browser.js';
import { backToChart, expectChartTable, expectTrendCharts } from './revops-charts.js';

const quiet = createServiceLogger({ level: process.env.DESK_LOG ?? 'silent' });

describe('RevOps trend charts on the running desk', () => {
  let desk: Desk;
  let dataDir: string;
  let org: Connection;
  let browser: Browser;
  let site: PreviewSite;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cosell-revops-'));
    desk = await startDesk({ config: loadConfig({ PORT: '0', COSELL_DATA_DIR: dataDir, COSELL_POLL_INTERVAL_MS: '3000' }), env: {}, logger: quiet });
    const { instanceUrl, accessToken } = JSON.parse(readFileSync(join(dataDir, 'local-org.json'), 'utf8')) as { instanceUrl: string; accessToken: string };
    org = new Connection({ instanceUrl, accessToken, version: SALESFORCE_API_VERSION });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    site = { url: desk.url, browser, close: async () => undefined };
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await desk?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('the desk writes eight quarters per cloud with their dates, and the org serves Chart.js', async () => {
    const deadline = Date.now() + 60_000;
    let quarters = 0;
    while (Date.now() < deadline) {
      const result = await org.query<{ Fiscal_Period__c: string }>(
        "SELECT Fiscal_Period__c FROM CoSell_Metric__c WHERE Cloud__c = 'All' AND Metric__c = 'Pipeline Value' AND Segment__c = 'Sourced' AND Period_Start__c != null",
      );
      quarters = result.records.length;
      if (quarters >= 8) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(quarters).toBeGreaterThanOrEqual(8);
    const script = await fetch(`${org.instanceUrl}/resource/chartjs`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('application/javascript');
    expect(await script.text()).toContain('Chart.js v4');
  }, 90_000);

  it.each([1280, 400])('RevOps at %i px: the attribution page draws the three trend charts, each with its text alternative', async (width) => {
    const opened = await openAt(site, width);
    try {
      await opened.page.goto(`${desk.url}/lightning/attribution`);
      const titles = await expectTrendCharts(opened.page);
      expect(titles).toEqual([
        'Sourced vs influenced pipeline by quarter',
        'Acceptance rate and median hours to accept by quarter',
        'Marketplace transactions by quarter',
      ]);
      await expectChartTable(opened.page);
      expect(await overflowing(opened.page)).toEqual([]);
      expect(await seriousViolations(opened.page)).toEqual([]);
      await backToChart(opened.page);
      expect(await seriousViolations(opened.page)).toEqual([]);
      await screenshot(opened.page, `journey-revops-trend-${width}`);
      expect(opened.errors).toEqual([]);
    } finally {
      await opened.close();
    }
  }, 120_000);
});
