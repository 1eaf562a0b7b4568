import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CLOUDS } from '../../middleware/src/core/model.js';
import { Connection } from 'jsforce';
import { seedDemoReferenceRecords } from '../../middleware/src/demo/reference-records.js';
import { demoOpportunities, seedDemoOrg } from '../../middleware/src/demo/seed.js';
import { SALESFORCE_API_VERSION } from '../../middleware/src/salesforce/gateway/index.js';
import { startLocalOrg, type LocalOrg } from '../../middleware/src/sandbox/salesforce/local-org.js';

const NOW = new Date('2026-11-26T09:00:00.000Z');

const opportunities = demoOpportunities(NOW);

describe('demo data', () => {
  it('spans the three clouds, both origins, open and closed deals', () => {
    expect(opportunities.length).toBeGreaterThanOrEqual(24);
    for (const cloud of CLOUDS)
      expect(opportunities.some((o) => o.coSell.clouds.includes(cloud))).toBe(true);
    expect(new Set(opportunities.map((o) => o.coSell.origin).filter(Boolean))).toEqual(
      new Set(['Partner-led', 'Hyperscaler-led']),
    );
    expect(opportunities.some((o) => o.isWon)).toBe(true);
    expect(opportunities.some((o) => !o.isClosed)).toBe(true);
  });

  it('gives every customer the details the portals ask for', () => {
    for (const o of opportunities) {
      expect(o.account).toMatchObject({
        website: expect.stringMatching(/^https:\/\//),
        billingCountry: expect.stringMatching(/^[A-Z]{2}$/),
      });
      expect(o.contacts[0]?.email).toMatch(/@/);
    }
  });

  it('leaves the ask off one open deal shared with AWS and Microsoft, and asks a submit of it so its findings show', () => {
    const noAsk = opportunities.filter(
      (o) => !o.isClosed && o.coSell.origin === 'Partner-led' && o.coSell.helpNeeded.length === 0,
    );
    expect(noAsk).toHaveLength(1);
    expect(noAsk[0]!.coSell.clouds).toEqual(expect.arrayContaining(['AWS', 'Microsoft']));
    expect(noAsk[0]!.stageName).not.toBe('Prospecting');
    expect(noAsk[0]!.engagements.filter((e) => e.requestedAction === 'Submit')).toHaveLength(1);
  });

  it('is the same every time it is generated', () => {
    expect(demoOpportunities(NOW)).toEqual(opportunities);
  });
});

describe('seeding the local org', () => {
  let org: LocalOrg;
  let connection: Connection;
  beforeAll(async () => {
    org = await startLocalOrg({ port: 0 });
    connection = new Connection({
      instanceUrl: org.instanceUrl,
      accessToken: org.admin.accessToken,
      version: SALESFORCE_API_VERSION,
    });
  });
  afterAll(async () => org?.stop());

  it('creates the pipeline through the org API once, with the requested submissions on engagement records', async () => {
    const first = await seedDemoOrg(connection, NOW, org.admin.userId);
    expect(first!.opportunities).toBe(opportunities.length);
    expect(first!.submitRequested).toBeGreaterThan(0);
    expect(org.server.org.all('Opportunity')).toHaveLength(opportunities.length);
    const requested = org.server.org
      .all('CoSell_Engagement__c')
      .filter((e) => e.Requested_Action__c === 'Submit');
    expect(requested).toHaveLength(first!.submitRequested);
    for (const engagement of requested)
      expect(org.server.org.get('Opportunity', String(engagement.Opportunity__c))).toBeDefined();
    // Created as an API client would: through sObject Collections, 200 records at most per call.
    expect(org.server.collectionSizes.every((size) => size <= 200)).toBe(true);
    expect(await seedDemoOrg(connection, NOW, org.admin.userId)).toBeNull();
    expect(org.server.org.all('Opportunity')).toHaveLength(opportunities.length);
  });

  it("creates the alliance team's counterparts and readiness evidence as org records, once", async () => {
    const first = await seedDemoReferenceRecords(connection, NOW);
    expect(first).toEqual({ counterparts: 15, readiness: 3 });
    const counterparts = await connection.query<{
      Cloud__c: string;
      Layer__c: string;
      Email__c: string;
    }>('SELECT Id, Cloud__c, Layer__c, Email__c FROM CoSell_Counterpart__c');
    expect(counterparts.totalSize).toBe(15);
    for (const cloud of CLOUDS)
      expect(
        new Set(counterparts.records.filter((c) => c.Cloud__c === cloud).map((c) => c.Layer__c))
          .size,
      ).toBe(5);
    // Every one is a counterpart the service accepts (an accented name makes a plain address).
    for (const record of counterparts.records)
      expect(record.Email__c).toMatch(/^[a-z]+@(amazon|microsoft|google)\.com$/);
    const readiness = await connection.query<{ Cloud__c: string; Evidence__c: string }>(
      'SELECT Id, Cloud__c, Evidence__c FROM CoSell_Readiness__c',
    );
    expect(readiness.records.map((r) => r.Cloud__c).sort()).toEqual(['AWS', 'Google', 'Microsoft']);
    expect(
      JSON.parse(readiness.records.find((r) => r.Cloud__c === 'AWS')!.Evidence__c),
    ).toMatchObject({ primary: true, pdm: { name: 'Dana Whitfield' }, pdmCadence: 'fortnightly' });
    // Records already there (a restart, an admin's edits) are left as they are.
    expect(await seedDemoReferenceRecords(connection, NOW)).toEqual({
      counterparts: 0,
      readiness: 0,
    });
    expect(org.server.org.all('CoSell_Counterpart__c')).toHaveLength(15);
  });
});
