// A stand-in for a Salesforce org at the network layer, for the preview's browser tests: the UI API
// and GraphQL answered in their documented shapes (an opportunity with one engagement, its object
// info and picklists, the attribution metrics), recording every write it receives.
import type { Page, Route } from 'playwright-core';
import { openPreviewSite, type PreviewSite } from './browser.js';

const ORG = 'http://org.preview.test';
export const OPPORTUNITY_ID = '006000000000001AAA';
export const ENGAGEMENT_ID = 'a01000000000001AAA';
const TOKEN = 'preview-token';

/** What an org answers a cross-origin page (Setup > CORS holds the page's origin). */
export const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept',
  'Access-Control-Allow-Methods': 'GET, POST, PATCH, DELETE',
};

/** Answers a routed request with this JSON body and status, as the org's REST API does. */
export function answerJson(route: Route, status: number, body: unknown): Promise<void> {
  return route.fulfill({
    status,
    headers: { ...CORS, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** The request's path below /services/data/vNN.N (the REST API's version prefix). */
export function apiPath(url: string): string {
  return new URL(url).pathname.replace(/^\/services\/data\/v[\d.]+/, '');
}

/** The built preview served with this fake org as its local org. */
export function openFakeOrgSite(): Promise<PreviewSite> {
  return openPreviewSite(() => ({ instanceUrl: ORG, accessToken: TOKEN, apiVersion: '63.0' }));
}

const field = (label: string, dataType: string, extra: Record<string, unknown> = {}) => ({
  apiName: label,
  label,
  dataType,
  updateable: true,
  createable: true,
  required: false,
  ...extra,
});

const OPPORTUNITY_INFO = {
  apiName: 'Opportunity',
  createable: true,
  updateable: true,
  defaultRecordTypeId: '012000000000000AAA',
  fields: {
    CoSell_Clouds__c: { ...field('Clouds', 'MultiPicklist'), apiName: 'CoSell_Clouds__c' },
    CoSell_Origin__c: { ...field('Co-sell origin', 'Picklist'), apiName: 'CoSell_Origin__c' },
    CoSell_Help_Details__c: {
      ...field('Help details', 'TextArea', { length: 32768 }),
      apiName: 'CoSell_Help_Details__c',
    },
    CoSell_Attribution__c: {
      ...field('Attribution', 'Picklist', { updateable: false }),
      apiName: 'CoSell_Attribution__c',
    },
  },
};

const ENGAGEMENT_INFO = {
  apiName: 'CoSell_Engagement__c',
  createable: true,
  updateable: true,
  defaultRecordTypeId: '012000000000000AAA',
  fields: {
    Requested_Action__c: {
      ...field('Requested action', 'Picklist'),
      apiName: 'Requested_Action__c',
    },
  },
};

const PICKLISTS: Record<string, string[]> = {
  CoSell_Clouds__c: ['AWS', 'Microsoft', 'Google'],
  CoSell_Origin__c: ['Partner-originated', 'Cloud-originated'],
  CoSell_Attribution__c: ['Sourced', 'Influenced'],
};

const value = (v: unknown, displayValue: unknown = null) => ({ value: v, displayValue });

function opportunityRecord(fields: Record<string, unknown>) {
  return {
    apiName: 'Opportunity',
    id: OPPORTUNITY_ID,
    recordTypeId: '012000000000000AAA',
    fields: Object.fromEntries(Object.entries(fields).map(([name, v]) => [name, value(v)])),
  };
}

const ENGAGEMENT = {
  apiName: 'CoSell_Engagement__c',
  id: ENGAGEMENT_ID,
  fields: {
    Cloud__c: value('AWS'),
    Status__c: value('Draft'),
    Portal_Id__c: value('O1234567'),
    Requested_Action__c: value(null),
    Findings__c: value(
      JSON.stringify([
        { severity: 'error', field: 'CoSell_Origin__c', message: 'AWS needs the co-sell origin.' },
      ]),
    ),
    Last_Synced_At__c: value('2026-11-24T10:30:00.000Z'),
    Sync_Error__c: value(null),
  },
};

function metric(
  cloud: string,
  period: string,
  name: string,
  segment: string,
  v: number,
  sample: number,
) {
  const id = `a02${cloud}${name}${segment}`
    .replace(/[^a-zA-Z0-9]/g, '')
    .slice(0, 18)
    .padEnd(18, '0');
  return {
    node: {
      Id: id,
      Cloud__c: { value: cloud },
      Fiscal_Period__c: { value: period },
      Metric__c: { value: name },
      Segment__c: { value: segment },
      Value__c: { value: v },
      Sample_Size__c: { value: sample },
      Computed_At__c: { value: '2026-11-30T06:00:00.000Z' },
    },
  };
}

// Sourced value differs per cloud, so sorting that column has an order to show.
export const SOURCED_VALUE: Record<string, number> = {
  AWS: 1_250_000,
  Microsoft: 2_100_000,
  Google: 640_000,
  All: 3_990_000,
};
// Google's samples are below the minimum, so its uplift cells carry the long insufficient-data text.
const sampleOf = (cloud: string, sample: number) =>
  cloud === 'Google' ? Math.min(sample, 4) : sample;
export const METRICS = ['AWS', 'Microsoft', 'Google', 'All'].flatMap((cloud) => [
  metric(cloud, 'FY2027Q1', 'Pipeline Count', 'Sourced', 12, 12),
  metric(cloud, 'FY2027Q1', 'Pipeline Value', 'Sourced', SOURCED_VALUE[cloud] ?? 0, 12),
  metric(cloud, 'FY2027Q1', 'Pipeline Count', 'Influenced', 31, 31),
  metric(cloud, 'FY2027Q1', 'Pipeline Value', 'Influenced', 4_980_000, 31),
  metric(cloud, 'FY2027Q1', 'Win Rate', 'Co-sold', 0.41, sampleOf(cloud, 120)),
  metric(cloud, 'FY2027Q1', 'Win Rate', 'Direct only', 0.28, sampleOf(cloud, 340)),
  metric(cloud, 'FY2027Q1', 'Average Deal Size', 'Co-sold', 182_000, sampleOf(cloud, 120)),
  metric(cloud, 'FY2027Q1', 'Average Deal Size', 'Direct only', 131_000, sampleOf(cloud, 340)),
  metric(cloud, 'FY2027Q1', 'Median Cycle Days', 'Co-sold', 74, sampleOf(cloud, 120)),
  metric(cloud, 'FY2027Q1', 'Median Cycle Days', 'Direct only', 96, sampleOf(cloud, 340)),
  metric(cloud, 'FY2027Q1', 'Acceptance Rate', 'All', 0.83, 60),
  metric(cloud, 'FY2027Q1', 'Median Hours To Accept', 'All', 19, 60),
]);

const OPPORTUNITIES = [
  {
    node: {
      Id: OPPORTUNITY_ID,
      Name: { value: 'Acme data platform migration' },
      StageName: { value: 'Qualification' },
      CoSell_Clouds__c: { value: 'AWS;Microsoft' },
    },
  },
  {
    node: {
      Id: '006000000000002AAA',
      Name: { value: 'Globex analytics' },
      StageName: { value: 'Proposal' },
      CoSell_Clouds__c: { value: 'Google' },
    },
  },
];

/** A stand-in for the org's HTTP answers, recording the writes it received. */
export function fakeOrg() {
  const writes: Array<{ method: string; path: string; body: unknown }> = [];
  // The engagement as the service would move it: a Submit request is picked up and cleared, and the
  // status written back, after `reviewAfterReads` further reads of the related list.
  let engagement = structuredClone(ENGAGEMENT) as typeof ENGAGEMENT & {
    fields: Record<string, { value: unknown; displayValue: unknown }>;
  };
  let readsUntilWriteBack = -1;
  let opportunity: Record<string, unknown> = {
    CoSell_Clouds__c: 'AWS',
    CoSell_Origin__c: null,
    CoSell_Help_Details__c: null,
    CoSell_Attribution__c: 'Influenced',
  };
  async function handle(route: Route) {
    const request = route.request();
    const path = apiPath(request.url());
    if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: CORS });
    if (request.headers().authorization !== `Bearer ${TOKEN}`)
      return answerJson(route, 401, [
        { errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' },
      ]);
    if (request.method() !== 'GET')
      writes.push({ method: request.method(), path, body: request.postDataJSON() });
    if (path === '/ui-api/object-info/Opportunity') return answerJson(route, 200, OPPORTUNITY_INFO);
    if (path === '/ui-api/object-info/CoSell_Engagement__c')
      return answerJson(route, 200, ENGAGEMENT_INFO);
    const picklist = /^\/ui-api\/object-info\/Opportunity\/picklist-values\/[^/]+\/(\w+)$/.exec(
      path,
    );
    if (picklist)
      return answerJson(route, 200, {
        defaultValue: null,
        controllerValues: {},
        values: (PICKLISTS[picklist[1] ?? ''] ?? []).map((v: string) => ({
          label: v,
          value: v,
          validFor: [],
          attributes: null,
        })),
      });
    if (path === `/ui-api/records/${OPPORTUNITY_ID}` && request.method() === 'GET')
      return answerJson(route, 200, opportunityRecord(opportunity));
    if (path === `/ui-api/records/${OPPORTUNITY_ID}` && request.method() === 'PATCH') {
      opportunity = {
        ...opportunity,
        ...(request.postDataJSON() as { fields: Record<string, unknown> }).fields,
      };
      return answerJson(route, 200, opportunityRecord(opportunity));
    }
    if (path === `/ui-api/records/${ENGAGEMENT_ID}` && request.method() === 'PATCH') {
      const fields = (request.postDataJSON() as { fields: Record<string, unknown> }).fields;
      engagement = {
        ...engagement,
        fields: {
          ...engagement.fields,
          ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, value(v)])),
        },
      };
      readsUntilWriteBack = 1;
      return answerJson(route, 200, engagement);
    }
    if (path === `/ui-api/related-list-records/${OPPORTUNITY_ID}/CoSell_Engagements__r`) {
      if (readsUntilWriteBack === 0) {
        engagement = {
          ...engagement,
          fields: {
            ...engagement.fields,
            Requested_Action__c: value(null),
            Status__c: value('Submitted'),
            Findings__c: value('[]'),
          },
        };
      }
      readsUntilWriteBack -= 1;
      return answerJson(route, 200, {
        records: [engagement],
        count: 1,
        listReference: { relatedListId: 'CoSell_Engagements__r' },
      });
    }
    if (path === '/graphql') {
      const { query } = request.postDataJSON() as { query: string };
      if (query.includes('Opportunity('))
        return answerJson(route, 200, {
          data: { uiapi: { query: { Opportunity: { edges: OPPORTUNITIES } } } },
          errors: [],
        });
      return answerJson(route, 200, {
        data: { uiapi: { query: { CoSell_Metric__c: { edges: METRICS } } } },
        errors: [],
      });
    }
    return answerJson(route, 404, [
      { errorCode: 'NOT_FOUND', message: `The requested resource does not exist: ${path}` },
    ]);
  }
  return { writes, install: (page: Page) => page.route(`${ORG}/**`, handle) };
}
