// Checks for the attribution page's trend charts in a real browser: each chart drawn by Chart.js (the
// org's static resource) on a canvas with ink on it, each with its description and its table.
import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';

const CHART = 'c-co-sell-attribution c-co-sell-trend-chart';

/** The slice of a canvas element the ink count reads (tests compile without the DOM library). */
interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d'): {
    getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> };
  } | null;
}

/** Coloured pixels on a chart's canvas (an empty canvas has none): read in the page, through the shadow roots. */
async function inkOn(page: Page, index: number): Promise<number> {
  return page
    .locator(`${CHART} canvas`)
    .nth(index)
    .evaluate((element) => {
      const canvas = element as unknown as CanvasLike;
      const context = canvas.getContext('2d');
      if (!context || canvas.width === 0 || canvas.height === 0) return 0;
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let ink = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) ink += 1;
      return ink;
    });
}

/** The ink on a chart once Chart.js has drawn it (its first frame follows the script's load), or 0 after the wait. */
async function drawnInk(page: Page, index: number, timeoutMs = 15_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ink = await inkOn(page, index);
    if (ink > 500 || Date.now() > deadline) return ink;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Waits for the three trend charts and checks each is drawn and carries its text alternative. */
export async function expectTrendCharts(page: Page): Promise<string[]> {
  await page.locator(`${CHART} canvas`).nth(2).waitFor({ timeout: 20_000 });
  const charts = page.locator(CHART);
  expect(await charts.count()).toBe(3);
  const titles: string[] = [];
  for (let index = 0; index < 3; index += 1) {
    const chart = charts.nth(index);
    expect(await drawnInk(page, index)).toBeGreaterThan(500);
    const canvas = chart.locator('canvas');
    const title = (await canvas.getAttribute('aria-label')) ?? '';
    expect(title).not.toBe('');
    titles.push(title);
    const describedBy = await canvas.getAttribute('aria-describedby');
    const description = chart.locator('p.description');
    expect(describedBy).toBe(await description.getAttribute('id'));
    expect(await description.textContent()).toMatch(/FY\d{4}Q\d–FY\d{4}Q\d\./);
  }
  return titles;
}

/** Shows the first chart as a table, checks it holds the eight quarters with their dates, and switches back. */
export async function expectChartTable(page: Page): Promise<void> {
  const chart = page.locator(CHART).first();
  await chart.locator('lightning-button.toggle button').click();
  const rows = chart.locator('table.chart-table tbody tr');
  await rows.first().waitFor();
  expect(await rows.count()).toBe(8);
  expect(await rows.first().locator('td.dates').innerText()).toMatch(/\d{4}/);
}

/** Back to the chart, so the next screenshot shows it. */
export async function backToChart(page: Page): Promise<void> {
  const chart = page.locator(CHART).first();
  await chart.locator('lightning-button.toggle button').click();
  await chart.locator('table.chart-table').waitFor({ state: 'detached' });
}
