// The Co-Sell Inbox rendered by the real LWC compiler and base components in chromium, driven as
// alliance ops work it: urgent referrals first with their SLA clocks, accept one, generic decline
// feedback held back with guidance, a specific decline, an assignment through the record picker.
// The UI API and GraphQL are answered in their documented shapes at the network layer.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page, Route } from 'playwright-core';
import {
  openAt,
  openPreviewSite,
  overflowing,
  screenshot,
  seriousViolations,
  type PreviewSite,
} from './browser.js';
import { CORS, answerJson, apiPath } from './fake-org.js';

const ORG = 'http://org.preview.test';
const NOW = Date.now();
const HOUR = 3_600_000;

const updateable = (apiName: string, label: string, dataType: string) => ({
  apiName,
  label,
  dataType,
  updateable: true,
  createable: true,
  required: false,
});

const REFERRAL_INFO = {
  apiName: 'CoSell_Referral__c',
  createable: false,
  updateable: true,
  defaultRecordTypeId: '012000000000000AAA',
  fields: {
    Requested_Action__c: updateable('Requested_Action__c', 'Requested action', 'Picklist'),
    Decline_Reason__c: updateable('Decline_Reason__c', 'Decline reason', 'Picklist'),
    Feedback__c: updateable('Feedback__c', 'Feedback', 'TextArea'),
    OwnerId: updateable('OwnerId', 'Owner ID', 'Reference'),
  },
};

const DECLINE_REASONS = [
  'Product not relevant to workload',
  'Below commercial threshold',
  'Customer too early in cloud journey',
];

function referral(
  id: string,
  customer: string,
  cloud: string,
  priority: string,
  dueInHours: number,
) {
  const v = (value: unknown) => ({ value });
  return {
    node: {
      Id: id,
      Name: v(`REF-${id.slice(-4)}`),
      Cloud__c: v(cloud),
      Customer_Name__c: v(customer),
      Source_Layer__c: v('Cloud sales'),
      Tenancy_Archetype__c: v(null),
      Priority__c: v(priority),
      Response_Due__c: v(new Date(NOW + dueInHours * HOUR).toISOString()),
      Received_At__c: v(new Date(NOW - 20 * HOUR).toISOString()),
      Triage_Status__c: v('New'),
      Requested_Action__c: v(null),
      Referrer_Name__c: v('Dana Reyes'),
      Referrer_Email__c: v('dana@example.com'),
      Estimated_Value__c: { value: 250000, displayValue: '$250,000' },
      OwnerId: v('005000000000001AAA'),
      Owner: { Name: v('Alex Admin') },
    },
  };
}

// Listed due-first by the query; the inbox must still put the urgent ones on top.
const REFERRALS = [
  referral('a03000000000001AAA', 'Globex', 'Microsoft', 'Standard', 2),
  referral('a03000000000002AAA', 'Initech', 'AWS', 'Urgent', 5),
  referral('a03000000000003AAA', 'Umbrella', 'Google', 'High', 8),
  referral('a03000000000004AAA', 'Hooli', 'AWS', 'Urgent', 30),
];

const USERS = [
  { node: { Id: '005000000000001AAA', Name: { value: 'Alex Admin' } } },
  { node: { Id: '005000000000002AAA', Name: { value: 'Sam Seller' } } },
];

function fakeOrg() {
  const writes: Array<{ method: string; path: string; body: unknown }> = [];
  async function handle(route: Route) {
    const request = route.request();
    const path = apiPath(request.url());
    if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: CORS });
    if (path === '/ui-api/object-info/CoSell_Referral__c')
      return answerJson(route, 200, REFERRAL_INFO);
    if (
      path ===
      '/ui-api/object-info/CoSell_Referral__c/picklist-values/012000000000000AAA/Decline_Reason__c'
    ) {
      return answerJson(route, 200, {
        defaultValue: null,
        controllerValues: {},
        values: DECLINE_REASONS.map((value) => ({
          label: value,
          value,
          validFor: [],
          attributes: null,
        })),
      });
    }
    if (path === '/graphql') {
      const { query } = request.postDataJSON() as { query: string };
      if (query.includes('CoSell_Referral__c'))
        return answerJson(route, 200, {
          data: {
            uiapi: {
              query: { CoSell_Referral__c: { edges: REFERRALS, pageInfo: { hasNextPage: false } } },
            },
          },
          errors: [],
        });
      if (query.includes('User('))
        return answerJson(route, 200, {
          data: { uiapi: { query: { User: { edges: USERS } } } },
          errors: [],
        });
    }
    const record = /^\/ui-api\/records\/(\w+)$/.exec(path);
    if (record && request.method() === 'PATCH') {
      const body = request.postDataJSON() as { fields: Record<string, unknown> };
      writes.push({ method: 'PATCH', path, body });
      return answerJson(route, 200, {
        apiName: 'CoSell_Referral__c',
        id: record[1],
        fields: Object.fromEntries(
          Object.entries(body.fields).map(([k, value]) => [k, { value, displayValue: null }]),
        ),
      });
    }
    return answerJson(route, 404, [
      { errorCode: 'NOT_FOUND', message: `The requested resource does not exist: ${path}` },
    ]);
  }
  return { writes, install: (page: Page) => page.route(`${ORG}/**`, handle) };
}

async function pick(page: Page, scope: ReturnType<Page['locator']>, option: string) {
  await scope.locator('button').first().click();
  await scope.getByRole('option', { name: option }).click();
}

describe('Co-Sell Inbox in chromium', () => {
  let site: PreviewSite;

  beforeAll(async () => {
    site = await openPreviewSite(() => ({ instanceUrl: ORG, accessToken: 'preview-token' }));
  });

  afterAll(async () => {
    await site?.close();
  });

  it.each([1280, 400])(
    'at %i px: urgent referrals first with SLA clocks, uncut, axe clean',
    async (width) => {
      const { page, errors, close } = await openAt(site, width, fakeOrg().install);
      try {
        const started = Date.now();
        await page.goto(`${site.url}/lightning/inbox`);
        const rows = page.locator('c-co-sell-inbox li[data-id]');
        await rows.first().waitFor();
        console.log(`inbox usable after ${Date.now() - started} ms at ${width} px`);
        const customers = await rows
          .locator('h3.customer')
          .evaluateAll((nodes) =>
            nodes.map((node) =>
              (
                node as unknown as { childNodes: Array<{ textContent: string | null }> }
              ).childNodes[0]?.textContent?.trim(),
            ),
          );
        expect(customers).toEqual(['Initech', 'Hooli', 'Umbrella', 'Globex']);
        expect(await rows.first().getByRole('timer').innerText()).toMatch(/\d/);
        expect(await overflowing(page)).toEqual([]);
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, `inbox-${width}`);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    },
  );

  it('accept, decline (generic feedback held back first) and assign each send one UI API write', async () => {
    const org = fakeOrg();
    const { page, errors, close } = await openAt(site, 1280, org.install);
    try {
      await page.goto(`${site.url}/lightning/inbox`);
      const row = (id: string) => page.locator(`c-co-sell-inbox li[data-id="${id}"]`);
      await row('a03000000000002AAA').waitFor();

      await row('a03000000000002AAA').locator('lightning-button.accept button').click();
      await row('a03000000000002AAA').locator('lightning-button.save button').click();
      await page.getByRole('status').filter({ hasText: 'Initech' }).first().waitFor();

      const decline = row('a03000000000004AAA');
      await decline.locator('lightning-button.decline button').click();
      await pick(page, decline.locator('lightning-combobox.reason'), 'Below commercial threshold');
      await decline
        .locator('lightning-textarea.feedback textarea')
        .fill('Not the right fit at this time.');
      await decline.locator('lightning-button.save button').click();
      await decline.locator('.generic-warning').waitFor();
      expect(org.writes).toHaveLength(1);
      const specific =
        'Hooli needs 40 seats for six months; our floor is 250 seats or a 12-month commit, so resubmit when that changes.';
      await decline.locator('lightning-textarea.feedback textarea').fill(specific);
      await decline.locator('lightning-button.save button').click();
      await page.getByRole('status').filter({ hasText: 'Hooli' }).first().waitFor();

      const assign = row('a03000000000003AAA');
      await assign.locator('lightning-button.assign button').click();
      await pick(page, assign.locator('lightning-record-picker'), 'Sam Seller');
      await assign.locator('lightning-button.save button').click();
      await page.getByRole('status').filter({ hasText: 'Umbrella' }).first().waitFor();

      expect(org.writes).toEqual([
        {
          method: 'PATCH',
          path: '/ui-api/records/a03000000000002AAA',
          body: { fields: { Requested_Action__c: 'Accept' } },
        },
        {
          method: 'PATCH',
          path: '/ui-api/records/a03000000000004AAA',
          body: {
            fields: {
              Requested_Action__c: 'Decline',
              Decline_Reason__c: 'Below commercial threshold',
              Feedback__c: specific,
            },
          },
        },
        {
          method: 'PATCH',
          path: '/ui-api/records/a03000000000003AAA',
          body: { fields: { Requested_Action__c: 'Assign', OwnerId: '005000000000002AAA' } },
        },
      ]);
      await screenshot(page, 'inbox-decisions');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
