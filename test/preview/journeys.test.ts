// The persona journeys on the production path: a real desk (`npm start`'s own startDemoDesk) with its
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
import { SALESFORCE_API_VERSION } from '../../middleware/src/salesforce/gateway/index.js';
import { loadConfig } from '../../middleware/src/service/config.js';
import { startDemoDesk } from '../../middleware/src/demo/bootstrap.js';
import type { Desk } from '../../middleware/src/service/desk.js';
import { createServiceLogger } from '../../middleware/src/service/logging.js';
import { CHROMIUM, openAt, screenshot, type PreviewSite } from './browser.js';
import { WIDTHS, pageChecks, traceHttp } from './journey-checks.js';
import { revopsJourney } from './revops-journey.js';

const quiet = createServiceLogger({ level: process.env.DESK_LOG ?? 'silent' });

interface EngagementRow {
  Id: string;
  Opportunity__c: string;
  Cloud__c: string;
  Status__c: string | null;
  Findings__c: string | null;
  Requested_Action__c: string | null;
}

describe('persona journeys on the running desk', () => {
  let desk: Desk;
  let dataDir: string;
  let org: Connection;
  let browser: Browser;
  let site: PreviewSite;
  let personas: Record<string, { accessToken: string; userId: string }>;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cosell-journeys-'));
    desk = await startDemoDesk({
      config: loadConfig({ PORT: '0', COSELL_DATA_DIR: dataDir, COSELL_POLL_INTERVAL_MS: '3000' }),
      env: {},
      logger: quiet,
      sandboxReview: { inReviewAfterMs: 500, decisionAfterMs: 60_000 },
    });
    const settings = JSON.parse(readFileSync(join(dataDir, 'local-org.json'), 'utf8')) as {
      instanceUrl: string;
      accessToken: string;
      personas: Record<string, { accessToken: string; userId: string }>;
    };
    org = new Connection({
      instanceUrl: settings.instanceUrl,
      accessToken: settings.accessToken,
      version: SALESFORCE_API_VERSION,
    });
    personas = settings.personas;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    site = { url: desk.url, browser, close: async () => undefined };
    // The demo's own submissions go first: ACE takes one write a second, and a journey's Submit should not queue behind them.
    const deadline = Date.now() + 60_000;
    while ((await queueStats(desk.store.db, new Date())).pending > 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 250));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await desk?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function engagements(where: string): Promise<EngagementRow[]> {
    return (
      await org.query<EngagementRow>(
        `SELECT Id, Opportunity__c, Cloud__c, Status__c, Findings__c, Requested_Action__c FROM CoSell_Engagement__c WHERE ${where}`,
      )
    ).records;
  }

  const card = (page: Page, cloud: string) =>
    page.locator(`c-co-sell-panel li.cloud-card[data-cloud="${cloud}"]`);

  it("AE (as the AE user): fixes a demo deal's findings on the tag form, submits to AWS and Microsoft and sees each move on the open page; a refused deal shows its findings", async () => {
    // The demo's deals reach the org's engagements by write-back, which may still be on its way.
    const first = async (where: string) => {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const [row] = await engagements(where);
        if (row || Date.now() > deadline) return row;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    };
    const refused = await first("Status__c = 'Draft' AND Findings__c LIKE '%AWS_STAGE_TOO_EARLY%'");
    expect(refused).toBeDefined();
    // The demo deal whose AWS engagement holds the finding the tag form can fix: no ask of the cloud.
    const flawed = await first("Findings__c LIKE '%LINT_NO_HYPERSCALER_ASK%'");
    expect(flawed).toBeDefined();
    const dealId = flawed!.Opportunity__c;
    for (const width of WIDTHS) {
      const opened = await openAt(site, width);
      traceHttp(opened.page);
      try {
        const started = Date.now();
        await opened.page.goto(`${desk.url}/lightning/opportunity/${dealId}?as=ae`);
        await card(opened.page, 'AWS')
          .locator('.finding-message')
          .first()
          .waitFor({ timeout: 15_000 });
        console.log(`record page usable after ${Date.now() - started} ms at ${width} px`);
        // The finding names the Salesforce field to fix, as the tag form labels it.
        await expect(
          card(opened.page, 'AWS').locator('li.finding').allInnerTexts(),
        ).resolves.toContainEqual(expect.stringMatching(/Fix: Help Needed From Cloud/));
        await pageChecks(opened, `journey-ae-findings-${width}`);
      } finally {
        await opened.close();
      }
    }

    const opened = await openAt(site, 1280);
    const { page } = opened;
    traceHttp(page);
    try {
      await page.goto(`${desk.url}/lightning/opportunity/${dealId}?as=ae`);
      await card(page, 'AWS').locator('.finding-message').first().waitFor({ timeout: 15_000 });
      // Acting as the AE: the engine-owned attribution is not an input, as the AE's field-level security says.
      const attributionInfo = (await (
        await fetch(
          `${org.instanceUrl}/services/data/v${SALESFORCE_API_VERSION}/ui-api/object-info/Opportunity`,
          { headers: { Authorization: `Bearer ${personas.ae!.accessToken}` } },
        )
      ).json()) as { fields: Record<string, { updateable: boolean }> };
      expect(attributionInfo.fields.CoSell_Attribution__c?.updateable).toBe(false);
      await expect(
        page
          .locator('c-co-sell-panel lightning-input-field')
          .evaluateAll((fields) =>
            fields.map((f) => (f as unknown as { fieldName: string }).fieldName),
          ),
      ).resolves.not.toContain('CoSell_Attribution__c');
      await expect(
        page
          .locator('c-co-sell-panel lightning-output-field')
          .evaluateAll((fields) =>
            fields.map((f) => (f as unknown as { fieldName: string }).fieldName),
          ),
      ).resolves.toContain('CoSell_Attribution__c');

      // The fix on the tag form: pick the help needed from the cloud, save (LDS write to the org).
      const helpNeeded = page
        .locator('c-co-sell-panel lightning-dual-listbox')
        .filter({ hasText: 'Help Needed From Cloud' });
      await helpNeeded.getByRole('option', { name: 'Architecture validation' }).first().click();
      // The first of the list's buttons moves the selection to Chosen (its text is a platform label).
      await helpNeeded.locator('lightning-button-icon button').first().click();
      await page
        .locator('c-co-sell-panel lightning-textarea textarea')
        .fill('An AWS SA and an Azure architect to validate the sizing.');
      await page.locator('c-co-sell-panel lightning-button.save-tags button').click();
      await page.getByRole('status').filter({ hasText: 'saved' }).waitFor({ timeout: 10_000 });
      const saved = await org.sobject('Opportunity').retrieve(dealId);
      expect(saved.CoSell_Help_Needed__c).toBe('Architecture validation');
      expect(saved.LastModifiedById).toBe(personas.ae!.userId);
      // The service judges the deal again (CDC → intake): the error clears on the open page.
      const fixedAt = Date.now();
      await card(page, 'AWS')
        .locator('li.finding[data-severity="error"]')
        .first()
        .waitFor({ state: 'detached', timeout: 30_000 });
      console.log(`findings cleared ${Date.now() - fixedAt} ms after the tag save`);
      expect(
        (await engagements(`Opportunity__c = '${dealId}' AND Cloud__c = 'AWS'`))[0]!.Findings__c,
      ).not.toMatch(/"severity":"error"/);

      // Submit to each cloud: the org, CDC, the service and the portal move the engagement; the open page shows it.
      for (const cloud of ['AWS', 'Microsoft']) {
        const started = Date.now();
        await card(page, cloud).locator('lightning-button.submit button').click();
        await card(page, cloud)
          .locator('lightning-badge.status')
          .filter({ hasText: /Submitted|In review|Under review/ })
          .waitFor({ timeout: 45_000 })
          .catch(async (error: unknown) => {
            throw new Error(
              `${cloud} card: ${await card(page, cloud).innerText()}; org: ${JSON.stringify(await engagements(`Opportunity__c = '${dealId}'`))}; ${String(error)}`,
            );
          });
        console.log(
          `${cloud} engagement shown as ${await card(page, cloud).locator('lightning-badge.status').innerText()} ${Date.now() - started} ms after Submit`,
        );
      }
      const submitted = await engagements(`Opportunity__c = '${dealId}'`);
      expect(submitted.map((row) => [row.Cloud__c, row.Requested_Action__c]).sort()).toEqual([
        ['AWS', null],
        ['Microsoft', null],
      ]);
      expect(
        submitted.every((row) => /Submitted|In review|Under review/.test(row.Status__c ?? '')),
      ).toBe(true);
      await pageChecks(opened, 'journey-ae-submitted');

      // A deal the portal refuses: Submit comes back as findings naming Salesforce fields, nothing sent.
      await page.goto(`${desk.url}/lightning/opportunity/${refused!.Opportunity__c}`);
      const refusedCard = card(page, refused!.Cloud__c);
      await refusedCard.locator('.finding-message').first().waitFor({ timeout: 15_000 });
      const submit = refusedCard.locator('lightning-button.submit button');
      await submit.click();
      await refusedCard.locator('.pending').waitFor({ state: 'detached', timeout: 20_000 });
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

  it('Alliance ops (as the alliance-ops user): urgent referrals first with SLA clocks; accept, decline (generic feedback refused with guidance, then specific), assign; the org records each outcome (assigned: status and owner)', async () => {
    interface ReferralRow {
      Id: string;
      Name: string;
      Priority__c: string | null;
      Triage_Status__c: string | null;
      Requested_Action__c: string | null;
      Decline_Reason__c: string | null;
      Feedback__c: string | null;
      OwnerId: string;
    }
    const referrals = async (where: string) =>
      (
        await org.query<ReferralRow>(
          `SELECT Id, Name, Priority__c, Triage_Status__c, Requested_Action__c, Decline_Reason__c, Feedback__c, OwnerId FROM CoSell_Referral__c WHERE ${where}`,
        )
      ).records;
    const priorityOf = new Map(
      (await referrals('Id != null')).map((row) => [row.Id, row.Priority__c]),
    );
    for (const width of WIDTHS) {
      const opened = await openAt(site, width);
      traceHttp(opened.page);
      try {
        const started = Date.now();
        await opened.page.goto(`${desk.url}/lightning/inbox?as=alliance-ops`);
        const rows = opened.page.locator('c-co-sell-inbox li[data-id]');
        await rows.first().waitFor({ timeout: 15_000 });
        console.log(`inbox usable after ${Date.now() - started} ms at ${width} px`);
        const shown = await Promise.all(
          (await rows.all()).map(async (item) => (await item.getAttribute('data-id')) ?? ''),
        );
        const urgent = shown.map((id) => priorityOf.get(id) === 'Urgent');
        expect(urgent[0]).toBe(true);
        // Once a non-urgent referral is listed, no urgent one follows.
        expect(
          urgent.indexOf(false) === -1 || !urgent.slice(urgent.indexOf(false)).includes(true),
        ).toBe(true);
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
      await page.goto(`${desk.url}/lightning/inbox?as=alliance-ops`);
      const rows = page.locator('c-co-sell-inbox li[data-id]');
      await rows.first().waitFor({ timeout: 15_000 });
      const [acceptId, declineId, assignId] = (
        await Promise.all(
          (await rows.all()).map(async (item) => (await item.getAttribute('data-id')) ?? ''),
        )
      ).slice(0, 3) as [string, string, string];
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
      await decline
        .locator('lightning-textarea.feedback textarea')
        .fill('Not the right fit at this time.');
      await decline.locator('lightning-button.save button').click();
      await decline.locator('.generic-warning').waitFor();
      expect((await referrals(`Id = '${declineId}'`))[0]!.Requested_Action__c).toBeNull();
      const specific =
        'The customer needs 40 seats for six months; our floor is 250 seats or a 12-month commit, so resubmit when that changes.';
      await decline.locator('lightning-textarea.feedback textarea').fill(specific);
      await decline.locator('lightning-button.save button').click();

      const assign = row(assignId);
      await assign.locator('lightning-button.assign button').click();
      await pick(assign.locator('lightning-record-picker'), 'Tomas Lindqvist');
      await assign.locator('lightning-button.save button').click();
      await screenshot(page, 'journey-inbox-decisions');

      // The org holds each outcome once the service has taken the request (the action is cleared).
      const settled = async (
        id: string,
        done = (record: ReferralRow) => record.Triage_Status__c !== 'New',
      ) => {
        const deadline = Date.now() + 45_000;
        for (;;) {
          const [record] = await referrals(`Id = '${id}'`);
          if (record && record.Requested_Action__c === null && done(record)) return record;
          if (Date.now() > deadline)
            throw new Error(`referral ${id} not settled: ${JSON.stringify(record)}`);
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      };
      const accepted = await settled(acceptId);
      const declined = await settled(declineId);
      const assigned = await settled(assignId, (record) => record.Triage_Status__c === 'Assigned');
      console.log(
        'referral outcomes',
        JSON.stringify(
          [accepted, declined, assigned].map((r) => [
            r.Triage_Status__c,
            r.Decline_Reason__c,
            r.OwnerId,
          ]),
        ),
      );
      expect(accepted.Triage_Status__c).toMatch(/Accept/);
      expect(declined).toMatchObject({
        Triage_Status__c: expect.stringMatching(/Declin|Reject/),
        Decline_Reason__c: firstReason,
        Feedback__c: specific,
      });
      const tomas = (
        await org.query<{ Id: string }>(
          "SELECT Id FROM User WHERE Username = 'alliances@cosell.local'",
        )
      ).records[0]!;
      expect(assigned).toMatchObject({ Triage_Status__c: 'Assigned', OwnerId: tomas.Id });
      // The page acted as the alliance-ops persona, who is this user.
      expect(personas['alliance-ops']!.userId).toBe(tomas.Id);
      expect(opened.errors).toEqual([]);
    } finally {
      await opened.close();
    }
  }, 180_000);

  it("RevOps (as the RevOps user): attribution per cloud and fiscal quarter from the org's CoSell_Metric__c; Microsoft FY2027Q1 is July–September 2026; three trend charts with their text alternatives; the CSV downloads", async () => {
    await revopsJourney(org, site);
  }, 180_000);
});
