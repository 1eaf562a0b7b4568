// The demo alliance team's own records, created in the empty local org through its API as an admin
// would create them in a real org: the named hyperscaler counterparts (CoSell_Counterpart__c) and
// each cloud's readiness evidence (CoSell_Readiness__c). The gateway reads both from the org, as it
// would from any org; nothing here touches the service's store.
import type { Connection } from 'jsforce';
import { CLOUDS, SOURCE_LAYERS, type Cloud } from '../core/model.js';
import { parseReadinessEvidence } from '../core/readiness/index.js';
import {
  COUNTERPART_FIELDS,
  COUNTERPART_OBJECT,
  READINESS_FIELDS,
  READINESS_OBJECT,
} from '../core/salesforce-fields.js';
import { DEMO_REFERRERS, demoReferrerEmail } from './seed.js';

type SObjectRecord = Record<string, unknown>;

/**
 * The demo referrers as the ISV's named counterparts: their recorded layer tells the intake who a
 * Google owner is, and the PDMs, met five days ago, give readiness item 5 a named PDM with a rhythm.
 */
export function demoCounterpartRecords(now: Date): SObjectRecord[] {
  const lastContactAt = new Date(now.getTime() - 5 * 86_400_000).toISOString();
  return CLOUDS.flatMap((cloud) =>
    SOURCE_LAYERS.map((layer) => {
      const person = DEMO_REFERRERS[cloud][layer];
      return {
        [COUNTERPART_FIELDS.name]: person.name,
        [COUNTERPART_FIELDS.cloud]: cloud,
        [COUNTERPART_FIELDS.layer]: layer,
        [COUNTERPART_FIELDS.email]: demoReferrerEmail(cloud, person.name),
        [COUNTERPART_FIELDS.title]: person.title,
        [COUNTERPART_FIELDS.lastContactAt]: layer === 'Partner Program' ? lastContactAt : null,
      };
    }),
  );
}

/**
 * What the demo alliance team recorded about each cloud: AWS, the primary cloud, is fully set up
 * with a named PDM met fortnightly; Microsoft and Google are further behind, so the checklist has
 * something to say. Each is checked by the evidence model before it is sent.
 */
export function demoReadinessRecords(now: Date): SObjectRecord[] {
  const day = (daysAgo: number) =>
    new Date(now.getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  const pdm = (cloud: Cloud) => {
    const person = DEMO_REFERRERS[cloud]['Partner Program'];
    return { name: person.name, email: demoReferrerEmail(cloud, person.name), lastMetOn: day(5) };
  };
  const evidence: Record<Cloud, Record<string, unknown>> = {
    AWS: {
      primary: true,
      tenancyArchetype: 'ISV-hosted SaaS',
      listing: { live: true, transactable: true, deliveryModels: ['SaaS'] },
      technicalValidation: { passedOn: day(200), expiresOn: day(-530) },
      coSellEligible: true,
      opportunitySharing: { configured: true, submissionCriteriaDefined: true },
      pdm: pdm('AWS'),
      pdmCadence: 'fortnightly',
      jointValueProposition: true,
      priorityWorkloads: ['Data platform modernisation'],
      customerReferences: [
        { customer: 'Northwind Health', workload: 'Data platform modernisation' },
      ],
      accountMapping: { lastRunOn: day(40), jointPursuitListDefined: true },
      enablement: { aesKnowHowToInvokeCounterparts: true, marketplaceCompExplained: true },
      compRules: { allianceVsDirectDefined: true, sourcedAndInfluencedCreditSharing: true },
      attributionTracked: true,
    },
    Microsoft: {
      primary: false,
      pdm: pdm('Microsoft'),
      pdmCadence: 'monthly',
      coSellEligible: true,
      listing: { live: true, transactable: true, deliveryModels: ['SaaS'] },
    },
    Google: { primary: false, pdm: pdm('Google'), pdmCadence: null, coSellEligible: null },
  };
  return CLOUDS.map((cloud) => {
    // The record's cloud decides the checklist, as the gateway reads it; the model must accept it.
    parseReadinessEvidence({ ...evidence[cloud], cloud });
    return {
      Name: `${cloud} co-sell readiness`,
      [READINESS_FIELDS.cloud]: cloud,
      [READINESS_FIELDS.evidence]: JSON.stringify(evidence[cloud]),
    };
  });
}

async function createWhenEmpty(
  connection: Connection,
  object: string,
  records: SObjectRecord[],
): Promise<number> {
  const existing = await connection.query<{ Id: string }>(`SELECT Id FROM ${object} LIMIT 1`);
  if (existing.records.length > 0) return 0;
  const results = await connection.sobject(object).create(records, { allOrNone: true });
  for (const result of results) {
    if (!result.success)
      throw new Error(`the org refused a demo ${object}: ${JSON.stringify(result.errors)}`);
  }
  return results.length;
}

/**
 * Creates the demo counterparts and readiness evidence in the org, each object only while the org
 * holds none of it (a restart, or records an admin edited, are left as they are).
 */
export async function seedDemoReferenceRecords(
  connection: Connection,
  now: Date,
): Promise<{ counterparts: number; readiness: number }> {
  return {
    counterparts: await createWhenEmpty(
      connection,
      COUNTERPART_OBJECT,
      demoCounterpartRecords(now),
    ),
    readiness: await createWhenEmpty(connection, READINESS_OBJECT, demoReadinessRecords(now)),
  };
}
