// The force-app components rendered by the real LWC compiler and lightning-base-components in
// chromium: the index and the record page at 1,280 and 400 px, with the UI API answered in its
// documented shapes at the network layer (fake-org.ts), so the preview's LDS modules and form
// stand-ins are exercised as they talk HTTP. The attribution page has its own file; the persona
// journeys against the running local org are separate.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openAt, overflowing, screenshot, seriousViolations, type PreviewSite } from './browser.js';
import { ENGAGEMENT_ID, OPPORTUNITY_ID, fakeOrg, openFakeOrgSite } from './fake-org.js';

const WIDTHS = [1280, 400];

describe('Lightning preview in chromium', () => {
  let site: PreviewSite;

  beforeAll(async () => {
    site = await openFakeOrgSite();
  });

  afterAll(async () => {
    await site?.close();
  });

  it.each(WIDTHS)(
    'index at %i px: the demo opportunities, each linked to its record page',
    async (width) => {
      const { page, errors, close } = await openAt(site, width, fakeOrg().install);
      try {
        await page.goto(`${site.url}/`);
        const links = page.locator('preview-app ul.opportunities a');
        await links.first().waitFor();
        const texts = await links.allInnerTexts();
        const hrefs = await Promise.all(
          (await links.all()).map((link) => link.getAttribute('href')),
        );
        expect(texts.map((text, i) => [text, hrefs[i]])).toEqual([
          ['Acme data platform migration', `/lightning/opportunity/${OPPORTUNITY_ID}`],
          ['Globex analytics', '/lightning/opportunity/006000000000002AAA'],
        ]);
        await links.first().click();
        await page.locator('c-co-sell-panel li.cloud-card').first().waitFor();
        expect(new URL(page.url()).pathname).toBe(`/lightning/opportunity/${OPPORTUNITY_ID}`);
        expect(await overflowing(page)).toEqual([]);
        expect(await seriousViolations(page)).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    },
  );

  it.each(WIDTHS)(
    'record page at %i px: the panel reads its record, engagements and findings over the UI API, spaced and uncut',
    async (width) => {
      const org = fakeOrg();
      const { page, errors, close } = await openAt(site, width, org.install);
      try {
        const started = Date.now();
        await page.goto(`${site.url}/lightning/opportunity/${OPPORTUNITY_ID}`);
        const card = page.locator('c-co-sell-panel li.cloud-card[data-cloud="AWS"]');
        await card.waitFor();
        console.log(`record page usable after ${Date.now() - started} ms at ${width} px`);
        await expect(card.locator('.finding-message').textContent()).resolves.toBe(
          'AWS needs the co-sell origin.',
        );
        await expect(card.locator('.finding-field').textContent()).resolves.toContain(
          'Co-sell origin',
        );
        // The platform's template compiler drops the space before the date component unless the markup keeps it.
        const synced = (await card.locator('p', { hasText: 'Last synced' }).innerText()).replace(
          /\s+/g,
          ' ',
        );
        expect(synced).toMatch(/^Last synced: Nov 24, 2026, 10:30 AM$/);
        await page.locator('c-co-sell-panel lightning-input-field').first().waitFor();
        await expect(
          page.locator('c-co-sell-panel lightning-output-field').innerText(),
        ).resolves.toContain('Influenced');
        expect(await overflowing(page)).toEqual([]);
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, `record-page-${width}`);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    },
  );

  it('record page: saving the tag form sends one UI API PATCH of the editable fields and toasts', async () => {
    const org = fakeOrg();
    const { page, errors, close } = await openAt(site, 1280, org.install);
    try {
      await page.goto(`${site.url}/lightning/opportunity/${OPPORTUNITY_ID}`);
      const origin = page.locator('c-co-sell-panel lightning-input-field lightning-combobox', {
        hasText: 'Co-sell origin',
      });
      await origin.locator('button').click();
      await origin.getByRole('option', { name: 'Partner-originated' }).click();
      await page
        .locator('c-co-sell-panel lightning-textarea textarea')
        .fill('Need an AWS SA for the migration plan.');
      await page.locator('c-co-sell-panel lightning-button.save-tags button').click();
      await page.getByRole('status').filter({ hasText: 'saved' }).waitFor();
      expect(org.writes).toEqual([
        {
          method: 'PATCH',
          path: `/ui-api/records/${OPPORTUNITY_ID}`,
          body: {
            fields: {
              CoSell_Clouds__c: 'AWS',
              CoSell_Origin__c: 'Partner-originated',
              CoSell_Help_Details__c: 'Need an AWS SA for the migration plan.',
            },
          },
        },
      ]);
      await screenshot(page, 'record-page-tags-saved');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('record page: Submit is one UI API write; the panel shows it pending, then the written-back status without a reload', async () => {
    const org = fakeOrg();
    const { page, errors, close } = await openAt(site, 1280, org.install);
    try {
      await page.goto(`${site.url}/lightning/opportunity/${OPPORTUNITY_ID}`);
      const card = page.locator('c-co-sell-panel li.cloud-card[data-cloud="AWS"]');
      await card.locator('lightning-button.submit button').click();
      await card.locator('.pending').waitFor();
      const started = Date.now();
      await card
        .locator('lightning-badge.status', { hasText: 'Submitted' })
        .waitFor({ timeout: 15_000 });
      console.log(`written-back status shown ${Date.now() - started} ms after the pending state`);
      expect(await card.locator('.pending').count()).toBe(0);
      expect(org.writes).toEqual([
        {
          method: 'PATCH',
          path: `/ui-api/records/${ENGAGEMENT_ID}`,
          body: { fields: { Requested_Action__c: 'Submit' } },
        },
      ]);
      await screenshot(page, 'record-page-submitted');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
