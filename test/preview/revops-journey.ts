// The RevOps persona's journey on the running desk (journeys.test.ts starts the desk and calls it): a
// Microsoft-sourced deal won in August 2026 raises the org's metric for Microsoft's FY2027Q1 (and the
// all-cloud calendar FY2026Q3) on the desk's next tick; the RevOps user reads the figure in the
// attribution datatable, sees the three trend charts with their text alternatives, and downloads the CSV.
import { expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { Connection } from 'jsforce';
import { metricKey } from '../../middleware/src/core/salesforce-keys.js';
import { openAt, type PreviewSite } from './browser.js';
import { WIDTHS, pageChecks, traceHttp } from './journey-checks.js';
import { backToChart, expectChartTable, expectTrendCharts } from './revops-charts.js';

export async function revopsJourney(org: Connection, site: PreviewSite): Promise<void> {
  const desk = { url: site.url };
  interface MetricRow {
    Metric_Key__c: string;
    Value__c: number | null;
  }
  const metricValue = async (key: string) =>
    (
      await org.query<MetricRow>(
        `SELECT Metric_Key__c, Value__c FROM CoSell_Metric__c WHERE Metric_Key__c = '${key}'`,
      )
    ).records[0]?.Value__c ?? 0;
  const microsoftQ1 = metricKey('Microsoft', 'FY2027Q1', 'Pipeline Count', 'Sourced');
  // All-cloud rows use calendar quarters: July–September 2026 is FY2026Q3 there.
  const allQ3 = metricKey('All', 'FY2026Q3', 'Pipeline Count', 'Sourced');
  const before = { microsoft: await metricValue(microsoftQ1), all: await metricValue(allQ3) };
  // A Microsoft-sourced deal won in mid-August 2026 lands in Microsoft's FY2027Q1 on the desk's next metric tick.
  const account = (await org
    .sobject('Account')
    .create({ Name: 'Adatum Freight', BillingCountry: 'US' })) as { id: string };
  await org.sobject('Opportunity').create({
    Name: 'Adatum Freight - route analytics on Fabric',
    AccountId: account.id,
    Amount: 240000,
    CurrencyIsoCode: 'USD',
    StageName: 'Closed Won',
    CloseDate: '2026-08-14',
    CoSell_Clouds__c: 'Microsoft',
    CoSell_Origin__c: 'Hyperscaler-led',
    CoSell_Originating_Cloud__c: 'Microsoft',
    Tenancy_Archetype__c: 'ISV-hosted SaaS',
  });
  // One metric tick writes the rows in several Collections calls: wait until both have moved.
  const deadline = Date.now() + 60_000;
  let after = before;
  while (Date.now() < deadline) {
    after = { microsoft: await metricValue(microsoftQ1), all: await metricValue(allQ3) };
    if (after.microsoft === before.microsoft + 1 && after.all === before.all + 1) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  expect(after).toEqual({ microsoft: before.microsoft + 1, all: before.all + 1 });
  // The org holds eight quarters with their dates for the trend, and serves Chart.js to the page.
  const quarters = await org.query<{ Fiscal_Period__c: string }>(
    "SELECT Fiscal_Period__c FROM CoSell_Metric__c WHERE Cloud__c = 'All' AND Metric__c = 'Pipeline Value' AND Segment__c = 'Sourced' AND Period_Start__c != null",
  );
  expect(quarters.records.length).toBeGreaterThanOrEqual(8);
  const script = await fetch(`${org.instanceUrl}/resource/chartjs`);
  expect(script.status).toBe(200);
  expect(await script.text()).toContain('Chart.js v4');

  for (const width of WIDTHS) {
    const opened = await openAt(site, width);
    traceHttp(opened.page);
    const { page } = opened;
    try {
      const started = Date.now();
      await page.goto(`${desk.url}/lightning/attribution?as=revops`);
      const period = page.locator('c-co-sell-attribution lightning-combobox.period');
      await period.waitFor({ timeout: 15_000 });
      console.log(`attribution page usable after ${Date.now() - started} ms at ${width} px`);
      await period.locator('button').first().click();
      await period.getByRole('option', { name: 'FY2027Q1' }).first().click();
      const microsoftRow = page.locator(
        'c-co-sell-attribution c-co-sell-metric-table.pipeline tr[data-row-key-value="Microsoft"]',
      );
      // The page shows the org's figure, as the RevOps user reads it.
      await expect(
        microsoftRow.locator('td[data-label="Sourced deals"]').innerText(),
      ).resolves.toBe(String(after.microsoft));
      // The trend: three charts drawn from the org's quarters, each with its text alternative.
      expect(await expectTrendCharts(page)).toEqual([
        'Sourced vs influenced pipeline by quarter',
        'Acceptance rate and median hours to accept by quarter',
        'Marketplace transactions by quarter',
      ]);
      await pageChecks(opened, `journey-revops-${width}`);
      // Showing a chart as a table changes only the trend section: axe reads that part again.
      await expectChartTable(page);
      await pageChecks(
        opened,
        `journey-revops-table-${width}`,
        page.locator('c-co-sell-attribution c-co-sell-attribution-trend'),
      );
      await backToChart(page);
      if (width === 1280) {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.locator('c-co-sell-attribution a.download').click(),
        ]);
        expect(download.suggestedFilename()).toBe('cosell-metrics-FY2027Q1.csv');
        const csv = readFileSync(await download.path(), 'utf8');
        const lines = csv.trim().split(/\r\n/);
        expect(lines[0]).toBe('Cloud,Fiscal period,Metric,Segment,Value,Sample size,Computed at');
        expect(lines).toContainEqual(
          expect.stringMatching(
            new RegExp(`^Microsoft,FY2027Q1,Pipeline Count,Sourced,${after.microsoft},`),
          ),
        );
        expect(lines.slice(1).every((line) => line.split(',')[1] === 'FY2027Q1')).toBe(true);
      }
    } finally {
      await opened.close();
    }
  }
}
