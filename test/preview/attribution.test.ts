// The attribution page in chromium, rendered by the real LWC compiler and lightning-base-components
// from GraphQL metrics answered at the network layer (fake-org.ts): the CSV download, the three
// figure tables on lightning-datatable (names, formatted figures, sorting, keyboard), inside their
// card at every width.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openAt, overflowing, screenshot, seriousViolations, type PreviewSite } from './browser.js';
import { METRICS, fakeOrg, openFakeOrgSite } from './fake-org.js';

describe('attribution page in chromium', () => {
  let site: PreviewSite;

  beforeAll(async () => {
    site = await openFakeOrgSite();
  });

  afterAll(async () => {
    await site?.close();
  });

  it('attribution page: the CSV download holds the selected fiscal period', async () => {
    const { page, errors, close } = await openAt(site, 1280, fakeOrg().install);
    try {
      await page.goto(`${site.url}/lightning/attribution`);
      const download = page.waitForEvent('download');
      await page.locator('c-co-sell-attribution a.download').click();
      const file = await download;
      expect(file.suggestedFilename()).toBe('cosell-metrics-FY2027Q1.csv');
      const csv = await new Promise<string>((resolve, reject) => {
        void file.createReadStream().then((stream) => {
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
          stream.on('error', reject);
        });
      });
      const lines = csv.trim().split(/\r?\n/);
      expect(lines).toHaveLength(1 + METRICS.length);
      expect(lines.slice(1).every((line) => line.includes('FY2027Q1'))).toBe(true);
      expect(await page.locator('c-co-sell-attribution .calendar-note').innerText()).toContain(
        "Microsoft's year runs July to June",
      );
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it.each([1240, 1280, 400])(
    'attribution page at %i px: the GraphQL metrics fill the three datatables inside their card',
    async (width) => {
      const org = fakeOrg();
      const { page, errors, close } = await openAt(site, width, org.install);
      try {
        const started = Date.now();
        await page.goto(`${site.url}/lightning/attribution`);
        await page
          .locator('c-co-sell-attribution c-co-sell-metric-table.uplift-table tbody tr')
          .first()
          .waitFor();
        console.log(`attribution page usable after ${Date.now() - started} ms at ${width} px`);
        expect(
          await page
            .locator('c-co-sell-attribution c-co-sell-metric-table.uplift-table tbody tr')
            .count(),
        ).toBe(4);
        expect(await overflowing(page)).toEqual([]);
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, `attribution-${width}`);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    },
  );

  it('attribution page: three datatables named by their headings show every figure formatted by its column, "No data" where the service has none', async () => {
    const { page, errors, close } = await openAt(site, 1280, fakeOrg().install);
    try {
      await page.goto(`${site.url}/lightning/attribution`);
      const pipeline = page.getByRole('grid', { name: 'Sourced vs influenced pipeline' });
      const uplift = page.getByRole('grid', {
        name: 'Conversion uplift: co-sold vs direct-only deals',
      });
      const health = page.getByRole('grid', { name: 'Portal health' });
      await pipeline.getByRole('rowheader').first().waitFor();
      for (const grid of [pipeline, uplift, health])
        expect(await grid.getByRole('rowheader').allInnerTexts()).toEqual([
          'AWS',
          'Microsoft',
          'Google',
          'All clouds',
        ]);
      const row = async (grid: typeof pipeline, cloud: string) =>
        (await grid.locator(`tr[data-row-key-value="${cloud}"] td`).allInnerTexts()).map((text) =>
          text.replace(/\s+/g, ' ').trim(),
        );
      expect(await row(pipeline, 'AWS')).toEqual(['12', '$1,250,000', '31', '$4,980,000']);
      expect(await row(pipeline, 'All')).toEqual(['12', '$3,990,000', '31', '$4,980,000']);
      expect(await row(uplift, 'AWS')).toEqual([
        '+13 pts (120 co-sold vs 340 direct-only deals)',
        '+38.9% (120 co-sold vs 340 direct-only deals)',
        '+22 days saved (120 co-sold vs 340 direct-only deals)',
      ]);
      expect((await row(uplift, 'Google'))[0]).toBe(
        '+13 pts (4 co-sold vs 4 direct-only deals; low confidence, under 10 per side)',
      );
      expect(
        await uplift
          .locator('tr[data-row-key-value="Google"] td[data-label="Win rate"] .uplift')
          .getAttribute('class'),
      ).toContain('low-confidence');
      // The fixture has no marketplace or attach figures: the cells say so.
      expect(await row(health, 'Microsoft')).toEqual(['83%', '19', 'No data', 'No data']);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('attribution page: a column header sorts its table both ways, marks the column sorted, and keeps the all-clouds row last; arrow keys move between cells', async () => {
    const { page, errors, close } = await openAt(site, 1280, fakeOrg().install);
    try {
      await page.goto(`${site.url}/lightning/attribution`);
      const pipeline = page.getByRole('grid', { name: 'Sourced vs influenced pipeline' });
      await pipeline.getByRole('rowheader').first().waitFor();
      const sortBy = pipeline
        .getByRole('columnheader', { name: 'Sourced value' })
        .getByRole('button', { name: 'Sort by: Sourced value' });
      // The header marks the sort and the first row is the one expected once the table has re-rendered.
      const sorted = async (direction: string, first: string) => {
        await pipeline
          .locator(`th[aria-label="Sourced value"][aria-sort="${direction}"]`)
          .waitFor({ state: 'attached' });
        await pipeline
          .locator(`tr[data-row-number="1"][data-row-key-value="${first}"]`)
          .waitFor({ state: 'attached' });
      };
      const clouds = () => pipeline.getByRole('rowheader').allInnerTexts();
      await sortBy.click();
      await sorted('ascending', 'Google');
      expect(await clouds()).toEqual(['Google', 'AWS', 'Microsoft', 'All clouds']);
      await sortBy.click();
      await sorted('descending', 'Microsoft');
      expect(await clouds()).toEqual(['Microsoft', 'AWS', 'Google', 'All clouds']);
      // The other tables keep the clouds' own order.
      expect(
        await page
          .getByRole('grid', { name: 'Portal health' })
          .getByRole('rowheader')
          .allInnerTexts(),
      ).toEqual(['AWS', 'Microsoft', 'Google', 'All clouds']);

      // Waits until the focused grid cell is this one ("row key: column label"), through the shadow
      // roots it sits in: the datatable moves focus as it handles the key.
      const focusOn = (expected: string) =>
        page.waitForFunction(`(() => {
          let active = document.activeElement;
          while (active && active.shadowRoot && active.shadowRoot.activeElement)
            active = active.shadowRoot.activeElement;
          const cell = active && active.closest('td, th');
          return cell !== null && cell.closest('tr').getAttribute('data-row-key-value') + ': ' +
            cell.getAttribute('data-label') === ${JSON.stringify(expected)};
        })()`);
      await pipeline.getByRole('rowheader', { name: 'Microsoft' }).click();
      await focusOn('Microsoft: Cloud');
      await page.keyboard.press('ArrowRight');
      await focusOn('Microsoft: Sourced deals');
      await page.keyboard.press('ArrowDown');
      await focusOn('AWS: Sourced deals');
      await screenshot(page, 'attribution-sorted');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
