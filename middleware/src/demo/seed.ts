// Demo data for the embedded desk, seeded once into an empty store: a few dozen co-sell
// opportunities across the three clouds and both origins (with a quarter of closed history so
// attribution has numbers, and a few deliberate submission mistakes for the lint to catch), some
// already submitted so the review lifecycle runs, and inbound referrals from every field layer.
import type { Kysely } from 'kysely';
import { CoSellOpportunity, SOURCE_LAYERS, type Cloud, type Engagement, type SourceLayer } from '../core/model.js';
import { recordOpportunity } from '../engine/intake.js';
import { parseReadinessEvidence } from '../core/readiness/index.js';
import { saveReadinessEvidence } from '../store/readiness-evidence.js';
import type { Database } from '../store/schema.js';
import { generateOpportunities } from './pipeline.js';

/** Where each demo customer sits: country, city, postcode, website, industry. */
const ACCOUNTS: Record<string, { country: string; city: string; state: string | null; postalCode: string; street: string; industry: string }> = {
  US: { country: 'US', city: 'Seattle', state: 'WA', postalCode: '98101', street: '1200 5th Ave', industry: 'Healthcare' },
  GB: { country: 'GB', city: 'London', state: null, postalCode: 'EC2A 4NE', street: '10 Finsbury Square', industry: 'Financial Services' },
  DE: { country: 'DE', city: 'Munich', state: null, postalCode: '80331', street: 'Marienplatz 8', industry: 'Manufacturing' },
};
const COUNTRY_ROTATION = ['US', 'US', 'GB', 'DE'] as const;

/** Referral senders, one per field layer and cloud, with the titles each hyperscaler uses. */
export const DEMO_REFERRERS: Record<Cloud, Record<SourceLayer, { name: string; title: string }>> = {
  AWS: {
    'Executive/Industry': { name: 'Morgan Ellis', title: 'Director, Healthcare & Life Sciences' },
    'Regional/Segment': { name: 'Sam Okafor', title: 'Head of Enterprise Sales, UK&I' },
    'Account Team': { name: 'Jordan Reyes', title: 'Senior Account Manager' },
    Specialist: { name: 'Aiko Tanaka', title: 'Specialist Solutions Architect, Analytics' },
    'Partner Program': { name: 'Dana Whitfield', title: 'Partner Development Manager' },
  },
  Microsoft: {
    'Executive/Industry': { name: 'Rachel Lindqvist', title: 'Industry Executive, Financial Services' },
    'Regional/Segment': { name: 'Tomás Herrera', title: 'Enterprise Commercial Lead, Western Europe' },
    'Account Team': { name: 'Chris Adeyemi', title: 'Account Technology Strategist' },
    Specialist: { name: 'Mei Chen', title: 'Data & AI Specialist (SSP)' },
    'Partner Program': { name: 'Lena Novak', title: 'Partner Development Manager' },
  },
  Google: {
    'Executive/Industry': { name: 'Arjun Mehta', title: 'Industry Lead, Retail' },
    'Regional/Segment': { name: 'Claire Dubois', title: 'Regional Sales Director, EMEA' },
    'Account Team': { name: 'Priya Raman', title: 'Field Sales Representative' },
    Specialist: { name: 'Noah Fischer', title: 'Specialist Customer Engineer, Data Analytics' },
    'Partner Program': { name: 'Sofia Rossi', title: 'Partner Development Manager' },
  },
};

const CLOUD_MAIL_DOMAIN: Record<Cloud, string> = { AWS: 'amazon.com', Microsoft: 'microsoft.com', Google: 'google.com' };

/** The demo address of a hyperscaler person: first name at the cloud's domain. */
export function demoReferrerEmail(cloud: Cloud, name: string): string {
  return `${name.split(' ')[0]!.toLowerCase()}@${CLOUD_MAIL_DOMAIN[cloud]}`;
}

/**
 * The demo referrers as the ISV's named counterparts (CoSell_Counterpart__c in an org): their
 * recorded layer tells the intake who a Google owner is, and the PDMs, met last week, give
 * readiness item 5 a named PDM with a working rhythm.
 */
export async function seedDemoCounterparts(db: Kysely<Database>, now: Date): Promise<number> {
  const existing = await db.selectFrom('counterparts').select('id').limit(1).executeTakeFirst();
  if (existing) return 0;
  const lastContactAt = new Date(now.getTime() - 5 * 86_400_000).toISOString();
  const rows = (Object.keys(DEMO_REFERRERS) as Cloud[]).flatMap((cloud) =>
    SOURCE_LAYERS.map((layer) => {
      const person = DEMO_REFERRERS[cloud][layer];
      return {
        cloud,
        layer,
        name: person.name,
        email: demoReferrerEmail(cloud, person.name),
        data: JSON.stringify({ title: person.title, region: null, lastContactAt: layer === 'Partner Program' ? lastContactAt : null }),
        updated_at: now,
      };
    }),
  );
  await db.insertInto('counterparts').values(rows).execute();
  return rows.length;
}

/**
 * What the demo alliance team recorded about each cloud (CoSell_Readiness__c in an org), stored where
 * the gateway puts the org's records: AWS, the primary cloud, is fully set up with a named PDM met
 * fortnightly; Microsoft and Google are further behind, so the checklist has something to say.
 */
export async function seedDemoReadiness(db: Kysely<Database>, now: Date): Promise<void> {
  const existing = await db.selectFrom('readiness_evidence').select('cloud').limit(1).executeTakeFirst();
  if (existing) return;
  const day = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  const pdm = (cloud: Cloud) => {
    const person = DEMO_REFERRERS[cloud]['Partner Program'];
    return { name: person.name, email: demoReferrerEmail(cloud, person.name), lastMetOn: day(5) };
  };
  const evidence = [
    {
      cloud: 'AWS' as const,
      primary: true,
      tenancyArchetype: 'ISV-hosted SaaS' as const,
      listing: { live: true, transactable: true, deliveryModels: ['SaaS' as const] },
      technicalValidation: { passedOn: day(200), expiresOn: day(-530) },
      coSellEligible: true,
      opportunitySharing: { configured: true, submissionCriteriaDefined: true },
      pdm: pdm('AWS'),
      pdmCadence: 'fortnightly' as const,
      jointValueProposition: true,
      priorityWorkloads: ['Data platform modernisation'],
      customerReferences: [{ customer: 'Northwind Health', workload: 'Data platform modernisation' }],
      accountMapping: { lastRunOn: day(40), jointPursuitListDefined: true },
      enablement: { aesKnowHowToInvokeCounterparts: true, marketplaceCompExplained: true },
      compRules: { allianceVsDirectDefined: true, sourcedAndInfluencedCreditSharing: true },
      attributionTracked: true,
    },
    { cloud: 'Microsoft' as const, primary: false, pdm: pdm('Microsoft'), pdmCadence: 'monthly' as const, coSellEligible: true, listing: { live: true, transactable: true, deliveryModels: ['SaaS' as const] } },
    { cloud: 'Google' as const, primary: false, pdm: pdm('Google'), pdmCadence: null, coSellEligible: null },
  ];
  for (const entry of evidence) await saveReadinessEvidence(db, parseReadinessEvidence(entry), null, now);
}

/**
 * The demo org's people: two AEs who split the pipeline, so one AE's token cannot act on the other's
 * deals, and the alliance manager who works the referral queue. Ids are shaped as User Ids (005).
 */
export const DEMO_USERS = {
  ae: { id: '005Gn00000AEm01AAA', name: 'Alex Morgan', email: 'alex.morgan@acme-analytics.example.com' },
  secondAe: { id: '005Gn00000AEr02AAA', name: 'Sam Rivera', email: 'sam.rivera@acme-analytics.example.com' },
  allianceOps: { id: '005Gn00000OPs03AAA', name: 'Jordan Lee', email: 'jordan.lee@acme-analytics.example.com' },
} as const;

export interface DemoSeedResult {
  opportunities: number;
  submitRequested: number;
}

function domainOf(name: string): string {
  return `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}.example.com`;
}

/**
 * Turns the generated pipeline into a desk an alliance team would recognise: full customer
 * details, a contact, expected monthly spend, closed deals with their portal history, and a
 * Submit requested on well-formed open deals so the engine has work the moment it starts.
 */
export function demoOpportunities(now: Date, count = 36): CoSellOpportunity[] {
  const result: CoSellOpportunity[] = [];
  let index = 0;
  for (const generated of generateOpportunities({ count, seed: 2027, now, flawRate: 0.15 })) {
    const place = ACCOUNTS[COUNTRY_ROTATION[index % COUNTRY_ROTATION.length]!]!;
    const customer = generated.account.name;
    const owner = index % 3 === 2 ? DEMO_USERS.secondAe : DEMO_USERS.ae;
    const engagements: Engagement[] = generated.coSell.clouds.map((cloud) => {
      const closedHistory = generated.isClosed && generated.coSell.origin !== null;
      const submittedAt = new Date(new Date(generated.createdDate).getTime() + 3 * 86_400_000).toISOString();
      return {
        cloud,
        portalId: closedHistory ? `${cloud.toUpperCase()}-HIST-${index}` : null,
        status: closedHistory ? (generated.isWon ? 'Won' : 'Lost') : 'Draft',
        submittedAt: closedHistory ? submittedAt : null,
        acceptedAt: closedHistory ? new Date(new Date(submittedAt).getTime() + (2 + (index % 9)) * 86_400_000).toISOString() : null,
        findings: [],
        // Open deals with a stated ask are submitted on their first cloud, so the review runs at once.
        requestedAction: !generated.isClosed && generated.coSell.helpNeeded.length > 0 && cloud === generated.coSell.clouds[0] ? 'Submit' : null,
        lastSyncedAt: null,
        syncError: null,
      };
    });
    result.push(
      CoSellOpportunity.parse({
        ...generated,
        probability: generated.isClosed ? (generated.isWon ? 100 : 0) : 40,
        nextStep: generated.isClosed ? null : 'Joint discovery call with the hyperscaler account team',
        ownerId: owner.id,
        ownerName: owner.name,
        ownerEmail: owner.email,
        account: {
          ...generated.account,
          website: `https://www.${domainOf(customer)}`,
          industry: place.industry,
          billingStreet: place.street,
          billingCity: place.city,
          billingState: place.state,
          billingPostalCode: place.postalCode,
          billingCountry: place.country,
        },
        contacts: [{ firstName: 'Jamie', lastName: 'Patel', email: `jamie.patel@${domainOf(customer)}`, phone: '+14155550142', title: 'VP Data Platforms', role: 'Decision Maker' }],
        coSell: { ...generated.coSell, expectedMonthlySpend: generated.amount === null ? null : Math.round(generated.amount / 12) },
        engagements,
      }),
    );
    index += 1;
  }
  return result;
}

/** Seeds the demo pipeline when the store holds no opportunity yet; returns what it seeded. */
export async function seedDemoOpportunities(db: Kysely<Database>, now: Date): Promise<DemoSeedResult | null> {
  const existing = await db.selectFrom('opportunities').select('id').limit(1).executeTakeFirst();
  if (existing) return null;
  const opportunities = demoOpportunities(now);
  let submitRequested = 0;
  for (const opportunity of opportunities) {
    await recordOpportunity(db, opportunity, now);
    submitRequested += opportunity.engagements.filter((e) => e.requestedAction === 'Submit').length;
  }
  // Closed history carries its portal outcome already: record it on the engagements directly.
  for (const opportunity of opportunities) {
    for (const engagement of opportunity.engagements.filter((e) => e.portalId !== null)) {
      await db
        .updateTable('engagements')
        .set({
          portal_id: engagement.portalId,
          status: engagement.status,
          submitted_at: engagement.submittedAt,
          accepted_at: engagement.acceptedAt,
          last_synced_at: now,
        })
        .where('opportunity_id', '=', opportunity.id)
        .where('cloud', '=', engagement.cloud)
        .execute();
    }
  }
  return { opportunities: opportunities.length, submitRequested };
}

/** One referral per layer per cloud, the mix an alliance inbox sees in a busy week. */
export const DEMO_REFERRAL_LAYERS: readonly SourceLayer[] = SOURCE_LAYERS;
