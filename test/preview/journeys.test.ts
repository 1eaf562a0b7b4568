// The persona journeys on the production path: a real desk (`npm start`'s own startDesk) with its
// local org, Change Data Capture, portal emulators and the Lightning preview it serves. Chromium
// clicks the pages and each write travels LDS → local org → CDC → service → portal emulator →
// write-back → the component, which shows the new state without a reload. No network fixtures: the
// page calls the org's origin, which allows the desk's by CORS.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from 'jsforce';
import { chromium, type Browser, type Page } from 'playwright-core';
import { queueStats } from '../../middleware/src/engine/outbox.js';
import { SALESFORCE_API_VERSION } from '../../middleware/src/salesforce/index.js';
import { loadConfig } from '../../middleware/src/service/config.js';
import { startDemoDesk } from '../../middleware/src/demo/bootstrap.js';
import type { Desk } from '../../middleware/src/service/desk.js';
import { createServiceLogger } from '../../middleware/src/service/logging.js';
import { CHROMIUM, openAt, overflowing, screenshot, seriousViolations, type OpenedPage, type PreviewSite } from './browser.js';

const quiet = createServiceLogger({ level: process.env.DESK_LOG ?? 'silent' });
const WIDTHS = [1280, 400];

interface EngagementRow {
  Id: string;
  Opportunity__c: string;
  Cloud__c: string;
  Status__c: string | null;
  Findings__c: string | null;
  Requested_Action__c: string | null;
}

/** Every check a journey page must pass: nothing cut off, axe clean, a screenshot, no console error. */
/** Logs each failed org call with its answer, so a console error can be traced to its request. */
function traceHttp(page: Page): void {
  page.on('response', (r) => {
    if (r.status() >= 400) void r.text().then((t) => console.log('HTTP', r.status(), r.request().method(), r.url(), t.slice(0, 300)));
  });
}

async function pageChecks(opened: OpenedPage, name: string): Promise<void> {
  expect(await overflowing(opened.page)).toEqual([]);
  expect(await seriousViolations(opened.page)).toEqual([]);
  await screenshot(opened.page, name);
  expect(opened.errors).toEqual([]);
}

describe('persona journeys on the running desk', () => {
  let desk: Desk;
  let dataDir: string;
  let org: Connection;
  let browser: Browser;
  let site: PreviewSite;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cosell-journeys-'));
    desk = await startDemoDesk({ config: loadConfig({ PORT: '0', COSELL_DATA_DIR: dataDir, COSELL_POLL_INTERVAL_MS: '3000' }), env: {}, logger: quiet, sandboxReview: { inReviewAfterMs: 500, decisionAfterMs: 60_000 } });
    const { instanceUrl, accessToken } = JSON.parse(readFileSync(join(dataDir, 'local-org.json'), 'utf8')) as { instanceUrl: string; accessToken: string };
    org = new Connection({ instanceUrl, accessToken, version: SALESFORCE_API_VERSION });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    site = { url: desk.url, browser, close: async () => undefined };
    // The demo's own submissions go first: ACE takes one write a second, and a journey's Submit should not queue behind them.
    const deadline = Date.now() + 60_000;
    while ((await queueStats(desk.store.db, new Date())).pending > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await desk?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function engagements(where: string): Promise<EngagementRow[]> {
    return (await org.query<EngagementRow>(`SELECT Id, Opportunity__c, Cloud__c, Status__c, Findings__c, Requested_Action__c FROM CoSell_Engagement__c WHERE ${where}`)).records;
  }

  /** A deal an AE has just tagged for AWS and Microsoft, both engagements drafts, complete enough for both portals. */
  async function draftDeal(name: string): Promise<string> {
    const account = (await org.sobject('Account').create({ Name: `${name} Holdings`, Website: 'https://www.example-holdings.com', Industry: 'Retail', BillingStreet: '1 Harbour Way', BillingCity: 'Seattle', BillingState: 'WA', BillingPostalCode: '98101', BillingCountry: 'US' })) as { id: string };
    const opportunity = (await org.sobject('Opportunity').create({
      Name: `${name} - lakehouse migration`,
      AccountId: account.id,
      Amount: 480000,
      CurrencyIsoCode: 'USD',
      StageName: 'Qualification',
      Probability: 20,
      CloseDate: '2027-09-30',
      Description: 'Move 2 PB of Hadoop workloads to a managed lakehouse.',
      CoSell_Clouds__c: 'AWS;Microsoft',
      CoSell_Origin__c: 'Partner-led',
      CoSell_Help_Needed__c: 'Architecture validation',
      CoSell_Help_Details__c: 'A cloud architect to validate the sizing.',
      Marketplace_Route__c: 'Private offer',
      Tenancy_Archetype__c: 'Customer-deployed',
      CoSell_Expected_Monthly_Spend__c: 38000,
      CoSell_Use_Case__c: 'Data platform modernisation',
    })) as { id: string };
    const contact = (await org.sobject('Contact').create({ FirstName: 'Marta', LastName: 'Okafor', Email: 'marta.okafor@example-holdings.com', Phone: '+1 206 555 0100', Title: 'Chief Data Officer', AccountId: account.id })) as { id: string };
    await org.sobject('OpportunityContactRole').create({ OpportunityId: opportunity.id, ContactId: contact.id, Role: 'Decision Maker' });
    for (const cloud of ['AWS', 'Microsoft']) {
      await org.sobject('CoSell_Engagement__c').create({ Opportunity__c: opportunity.id, Cloud__c: cloud, Status__c: 'Draft', Engagement_Key__c: `${opportunity.id}:${cloud}` });
    }
    return opportunity.id;
  }

  const card = (page: Page, cloud: string) => page.locator(`c-co-sell-panel li.cloud-card[data-cloud="${cloud}"]`);

  it('AE: findings in Salesforce terms, the tag form saves to the org, Submit to AWS and Microsoft moves each engagement on the open page, a refused deal shows its findings', async () => {
    const refused = (await engagements("Status__c = 'Draft' AND Findings__c LIKE '%error%'"))[0];
    expect(refused).toBeDefined();
    const dealId = await draftDeal('Northwind');
    for (const width of WIDTHS) {
      const opened = await openAt(site, width);
      traceHttp(opened.page);
      try {
        const started = Date.now();
        await opened.page.goto(`${desk.url}/lightning/opportunity/${refused!.Opportunity__c}`);
        await card(opened.page, refused!.Cloud__c).locator('.finding-message').first().waitFor({ timeout: 15_000 });
        console.log(`record page usable after ${Date.now() - started} ms at ${width} px`);
        // The portal's terms (LifeCycle.Stage) are shown as the Salesforce field to fix.
        await expect(card(opened.page, refused!.Cloud__c).locator('.finding-field').first().innerText()).resolves.toMatch(/^\s*Fix: Stage$/);
        await pageChecks(opened, `journey-ae-findings-${width}`);
      } finally {
        await opened.close();
      }
    }

    const opened = await openAt(site, 1280);
    const { page } = opened;
    traceHttp(page);
    try {
      // The tag form writes through the UI API to the org.
      await page.goto(`${desk.url}/lightning/opportunity/${dealId}`);
      await card(page, 'AWS').waitFor({ timeout: 15_000 });
      await page.locator('c-co-sell-panel lightning-textarea textarea').fill('An AWS SA and an Azure architect to validate the sizing.');
      await page.locator('c-co-sell-panel lightning-button.save-tags button').click();
      await page.getByRole('status').filter({ hasText: 'saved' }).waitFor({ timeout: 10_000 });
      expect((await org.sobject('Opportunity').retrieve(dealId)).CoSell_Help_Details__c).toBe('An AWS SA and an Azure architect to validate the sizing.');

      // Submit to each cloud: the org, CDC, the service and the portal move the engagement; the open page shows it.
      for (const cloud of ['AWS', 'Microsoft']) {
        const started = Date.now();
        await card(page, cloud).locator('lightning-button.submit button').click();
        await card(page, cloud)
          .locator('lightning-badge.status')
          .filter({ hasText: /Submitted|In review|Under review/ })
          .waitFor({ timeout: 45_000 })
          .catch(async (error: unknown) => {
            throw new Error(`${cloud} card: ${await card(page, cloud).innerText()}; org: ${JSON.stringify(await engagements(`Opportunity__c = '${dealId}'`))}; ${String(error)}`);
          });
        console.log(`${cloud} engagement shown as ${await card(page, cloud).locator('lightning-badge.status').innerText()} ${Date.now() - started} ms after Submit`);
      }
      const submitted = await engagements(`Opportunity__c = '${dealId}'`);
      expect(submitted.map((row) => [row.Cloud__c, row.Requested_Action__c]).sort()).toEqual([['AWS', null], ['Microsoft', null]]);
      expect(submitted.every((row) => /Submitted|In review|Under review/.test(row.Status__c ?? ''))).toBe(true);
      await pageChecks(opened, 'journey-ae-submitted');

      // A deal the portal refuses: Submit comes back as findings naming Salesforce fields, nothing sent.
      await page.goto(`${desk.url}/lightning/opportunity/${refused!.Opportunity__c}`);
      const refusedCard = card(page, refused!.Cloud__c);
      await refusedCard.locator('.finding-message').first().waitFor({ timeout: 15_000 });
      const submit = refusedCard.locator('lightning-button.submit button');
      if (await submit.isEnabled()) {
        await submit.click();
        await refusedCard.locator('.pending').waitFor({ state: 'detached', timeout: 20_000 });
      }
      const findings = await refusedCard.locator('li.finding').allInnerTexts();
      expect(findings.length).toBeGreaterThan(0);
      // The refusal names the Salesforce field (Stage), not the portal's LifeCycle.Stage.
      expect(findings.join('\n')).toMatch(/Fix: Stage/);
      const after = (await engagements(`Id = '${refused!.Id}'`))[0]!;
      expect(after.Status__c).toBe('Draft');
      expect(after.Requested_Action__c).toBeNull();
      await pageChecks(opened, 'journey-ae-refused');
    } finally {
      await opened.close();
    }
  }, 180_000);

  it('Alliance ops: urgent referrals first with SLA clocks; accept, decline (generic feedback refused with guidance, then specific), assign; the org records each outcome', async () => {
    interface ReferralRow { Id: string; Name: string; Priority__c: string | null; Triage_Status__c: string | null; Requested_Action__c: string | null; Decline_Reason__c: string | null; Feedback__c: string | null; OwnerId: string }
    const referrals = async (where: string) =>
      (await org.query<ReferralRow>(`SELECT Id, Name, Priority__c, Triage_Status__c, Requested_Action__c, Decline_Reason__c, Feedback__c, OwnerId FROM CoSell_Referral__c WHERE ${where}`)).records;
    const priorityOf = new Map((await referrals("Id != null")).map((row) => [row.Id, row.Priority__c]));
    for (const width of WIDTHS) {
      const opened = await openAt(site, width);
      traceHttp(opened.page);
      try {
        const started = Date.now();
        await opened.page.goto(`${desk.url}/lightning/inbox`);
        const rows = opened.page.locator('c-co-sell-inbox li[data-id]');
        await rows.first().waitFor({ timeout: 15_000 });
        console.log(`inbox usable after ${Date.now() - started} ms at ${width} px`);
        const shown = await Promise.all((await rows.all()).map(async (item) => (await item.getAttribute('data-id')) ?? ''));
        const urgent = shown.map((id) => priorityOf.get(id) === 'Urgent');
        expect(urgent[0]).toBe(true);
        // Once a non-urgent referral is listed, no urgent one follows.
        expect(urgent.indexOf(false) === -1 || !urgent.slice(urgent.indexOf(false)).includes(true)).toBe(true);
        expect(await rows.first().getByRole('timer').innerText()).toMatch(/\d/);
        await pageChecks(opened, `journey-inbox-${width}`);
      } finally {
        await opened.close();
      }
    }

    const opened = await openAt(site, 1280);
    const { page } = opened;
    traceHttp(page);
    try {
      await page.goto(`${desk.url}/lightning/inbox`);
      const rows = page.locator('c-co-sell-inbox li[data-id]');
      await rows.first().waitFor({ timeout: 15_000 });
      const [acceptId, declineId, assignId] = (await Promise.all((await rows.all()).map(async (item) => (await item.getAttribute('data-id')) ?? ''))).slice(0, 3) as [string, string, string];
      const row = (id: string) => page.locator(`c-co-sell-inbox li[data-id="${id}"]`);
      const pick = async (scope: ReturnType<Page['locator']>, option: string) => {
        await scope.locator('button').first().click();
        await scope.getByRole('option', { name: option }).first().click();
      };

      await row(acceptId).locator('lightning-button.accept button').click();
      await row(acceptId).locator('lightning-button.save button').click();
      await page.getByRole('status').first().waitFor({ timeout: 10_000 });

      const decline = row(declineId);
      await decline.locator('lightning-button.decline button').click();
      const reason = decline.locator('lightning-combobox.reason');
      await reason.locator('button').first().click();
      const firstReason = (await reason.getByRole('option').nth(1).innerText()).trim();
      await reason.getByRole('option').nth(1).click();
      await decline.locator('lightning-textarea.feedback textarea').fill('Not the right fit at this time.');
      await decline.locator('lightning-button.save button').click();
      await decline.locator('.generic-warning').waitFor();
      expect((await referrals(`Id = '${declineId}'`))[0]!.Requested_Action__c).toBeNull();
      const specific = 'The customer needs 40 seats for six months; our floor is 250 seats or a 12-month commit, so resubmit when that changes.';
      await decline.locator('lightning-textarea.feedback textarea').fill(specific);
      await decline.locator('lightning-button.save button').click();

      const assign = row(assignId);
      await assign.locator('lightning-button.assign button').click();
      await pick(assign.locator('lightning-record-picker'), 'Tomas Lindqvist');
      await assign.locator('lightning-button.save button').click();
      await screenshot(page, 'journey-inbox-decisions');

      // The org holds each outcome once the service has taken the request (the action is cleared).
      const settled = async (id: string) => {
        const deadline = Date.now() + 45_000;
        for (;;) {
          const [record] = await referrals(`Id = '${id}'`);
          if (record && record.Requested_Action__c === null && record.Triage_Status__c !== 'New') return record;
          if (Date.now() > deadline) throw new Error(`referral ${id} not settled: ${JSON.stringify(record)}`);
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      };
      const accepted = await settled(acceptId);
      const declined = await settled(declineId);
      // An assignment is taken (action cleared, owner kept); the org's Triage_Status__c is not written back as Assigned yet.
      const assigned = await (async () => {
        const deadline = Date.now() + 45_000;
        for (;;) {
          const [record] = await referrals(`Id = '${assignId}'`);
          if (record && record.Requested_Action__c === null) return record;
          if (Date.now() > deadline) throw new Error(`assignment of ${assignId} not taken: ${JSON.stringify(record)}`);
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      })();
      console.log('referral outcomes', JSON.stringify([accepted, declined, assigned].map((r) => [r.Triage_Status__c, r.Decline_Reason__c, r.OwnerId])));
      expect(accepted.Triage_Status__c).toMatch(/Accept/);
      expect(declined).toMatchObject({ Triage_Status__c: expect.stringMatching(/Declin|Reject/), Decline_Reason__c: firstReason, Feedback__c: specific });
      const tomas = (await org.query<{ Id: string }>("SELECT Id FROM User WHERE Username = 'alliances@cosell.local'")).records[0]!;
      expect(assigned.OwnerId).toBe(tomas.Id);
      expect(opened.errors).toEqual([]);
    } finally {
      await opened.close();
    }
  }, 180_000);
});
