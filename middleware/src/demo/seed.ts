// Demo data for the embedded desk, created once in the empty local org: a few dozen co-sell
// opportunities across the three clouds and both origins (with a quarter of closed history so
// attribution has numbers, and a few deliberate submission mistakes for the lint to catch), some
// already submitted so the review lifecycle runs, and inbound referrals from every field layer.
import type { Connection } from 'jsforce';
import {
  CoSellOpportunity,
  SOURCE_LAYERS,
  type Cloud,
  type Engagement,
  type SourceLayer,
} from '../core/model.js';
import { generateOpportunities } from './pipeline.js';

/** Where each demo customer sits: country, city, postcode, website, industry. */
const ACCOUNTS: Record<
  string,
  {
    country: string;
    city: string;
    state: string | null;
    postalCode: string;
    street: string;
    industry: string;
  }
> = {
  US: {
    country: 'US',
    city: 'Seattle',
    state: 'WA',
    postalCode: '98101',
    street: '1200 5th Ave',
    industry: 'Healthcare',
  },
  GB: {
    country: 'GB',
    city: 'London',
    state: null,
    postalCode: 'EC2A 4NE',
    street: '10 Finsbury Square',
    industry: 'Financial Services',
  },
  DE: {
    country: 'DE',
    city: 'Munich',
    state: null,
    postalCode: '80331',
    street: 'Marienplatz 8',
    industry: 'Manufacturing',
  },
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
    'Executive/Industry': {
      name: 'Rachel Lindqvist',
      title: 'Industry Executive, Financial Services',
    },
    'Regional/Segment': {
      name: 'Tomás Herrera',
      title: 'Enterprise Commercial Lead, Western Europe',
    },
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

const CLOUD_MAIL_DOMAIN: Record<Cloud, string> = {
  AWS: 'amazon.com',
  Microsoft: 'microsoft.com',
  Google: 'google.com',
};

/** The demo address of a hyperscaler person: first name, accents dropped (Tomás → tomas), at the cloud's domain. */
export function demoReferrerEmail(cloud: Cloud, name: string): string {
  const first = name
    .split(' ')[0]!
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  return `${first}@${CLOUD_MAIL_DOMAIN[cloud]}`;
}

/**
 * The demo org's people: two AEs who split the pipeline, so one AE's token cannot act on the other's
 * deals, and the alliance manager who works the referral queue. Ids are shaped as User Ids (005).
 */
export const DEMO_USERS = {
  ae: {
    id: '005Gn00000AEm01AAA',
    name: 'Alex Morgan',
    email: 'alex.morgan@acme-analytics.example.com',
  },
  secondAe: {
    id: '005Gn00000AEr02AAA',
    name: 'Sam Rivera',
    email: 'sam.rivera@acme-analytics.example.com',
  },
  allianceOps: {
    id: '005Gn00000OPs03AAA',
    name: 'Jordan Lee',
    email: 'jordan.lee@acme-analytics.example.com',
  },
} as const;

export interface DemoSeedResult {
  opportunities: number;
  submitRequested: number;
  /** Deals the portals would refuse: a Validate is requested instead, so their findings show on the engagement. */
  validateRequested: number;
}

/** Whether a portal would refuse the deal as it stands (the service's own preview). */
export type WouldRefuse = (opportunity: CoSellOpportunity, cloud: Cloud) => boolean;

function domainOf(name: string): string {
  return `${name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}.example.com`;
}

/** An open partner-led deal shared with AWS and Microsoft at a stage both portals take. */
function isWalkthroughCandidate(generated: CoSellOpportunity): boolean {
  const clouds = generated.coSell.clouds;
  return (
    !generated.isClosed &&
    generated.coSell.origin === 'Partner-led' &&
    clouds.includes('AWS') &&
    clouds.includes('Microsoft') &&
    generated.stageName !== 'Prospecting'
  );
}

/**
 * Turns the generated pipeline into a desk an alliance team would recognise: full customer
 * details, a contact, expected monthly spend, closed deals with their portal history, and a
 * Submit requested on well-formed open deals so the engine has work the moment it starts.
 */
export function demoOpportunities(now: Date, count = 36): CoSellOpportunity[] {
  const result: CoSellOpportunity[] = [];
  let index = 0;
  let walkthroughChosen = false;
  for (const generated of generateOpportunities({ count, seed: 2027, now, flawRate: 0.15 })) {
    const place = ACCOUNTS[COUNTRY_ROTATION[index % COUNTRY_ROTATION.length]!]!;
    const customer = generated.account.name;
    const owner = index % 3 === 2 ? DEMO_USERS.secondAe : DEMO_USERS.ae;
    // One open partner-led deal shared with AWS and Microsoft lacks its ask: the mistake an AE fixes
    // on the panel's tag form before submitting to both (its Submit becomes a Validate, so it shows).
    const walkthrough: boolean = !walkthroughChosen && isWalkthroughCandidate(generated);
    walkthroughChosen ||= walkthrough;
    const coSell = walkthrough
      ? { ...generated.coSell, helpNeeded: [], helpDetails: null }
      : generated.coSell;
    const engagements: Engagement[] = generated.coSell.clouds.map((cloud) => {
      const closedHistory = generated.isClosed && generated.coSell.origin !== null;
      const submittedAt = new Date(
        new Date(generated.createdDate).getTime() + 3 * 86_400_000,
      ).toISOString();
      return {
        cloud,
        portalId: closedHistory ? `${cloud.toUpperCase()}-HIST-${index}` : null,
        status: closedHistory ? (generated.isWon ? 'Won' : 'Lost') : 'Draft',
        submittedAt: closedHistory ? submittedAt : null,
        acceptedAt: closedHistory
          ? new Date(new Date(submittedAt).getTime() + (2 + (index % 9)) * 86_400_000).toISOString()
          : null,
        findings: [],
        // Open deals with a stated ask are submitted on their first cloud, so the review runs at once.
        requestedAction:
          !generated.isClosed &&
          (coSell.helpNeeded.length > 0 || walkthrough) &&
          cloud === generated.coSell.clouds[0]
            ? 'Submit'
            : null,
        lastSyncedAt: null,
        syncError: null,
      };
    });
    result.push(
      CoSellOpportunity.parse({
        ...generated,
        probability: generated.isClosed ? (generated.isWon ? 100 : 0) : 40,
        nextStep: generated.isClosed
          ? null
          : 'Joint discovery call with the hyperscaler account team',
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
        contacts: [
          {
            firstName: 'Jamie',
            lastName: 'Patel',
            email: `jamie.patel@${domainOf(customer)}`,
            phone: '+14155550142',
            title: 'VP Data Platforms',
            role: 'Decision Maker',
          },
        ],
        coSell: {
          ...coSell,
          expectedMonthlySpend:
            generated.amount === null ? null : Math.round(generated.amount / 12),
        },
        engagements,
      }),
    );
    index += 1;
  }
  return result;
}

type SObjectRecord = Record<string, unknown>;

/** Creates records through sObject Collections (200 at most per call) and returns their Ids in order. */
async function createAll(
  connection: Connection,
  object: string,
  records: SObjectRecord[],
): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < records.length; start += 200) {
    const results = await connection
      .sobject(object)
      .create(records.slice(start, start + 200), { allOrNone: true });
    for (const result of results) {
      if (!result.success)
        throw new Error(`the org refused a demo ${object}: ${JSON.stringify(result.errors)}`);
      ids.push(result.id);
    }
  }
  return ids;
}

/**
 * Creates the demo pipeline in the org, as an AE would through the API, when it has no opportunity
 * yet: accounts, contacts, opportunities with their contact roles and co-sell engagements (a Submit
 * requested on well-formed open deals, a Validate on those a portal would refuse, so every demo
 * submission succeeds and every refusal shows as findings). Returns what it created, or null when
 * the org had data.
 */
export async function seedDemoOrg(
  connection: Connection,
  now: Date,
  ownerId: string,
  wouldRefuse: WouldRefuse = () => false,
): Promise<DemoSeedResult | null> {
  const existing = await connection.query<{ Id: string }>('SELECT Id FROM Opportunity LIMIT 1');
  if (existing.records.length > 0) return null;
  const opportunities = demoOpportunities(now);
  const accountIds = await createAll(
    connection,
    'Account',
    opportunities.map((o) => ({
      Name: o.account.name,
      Website: o.account.website,
      Industry: o.account.industry,
      BillingStreet: o.account.billingStreet,
      BillingCity: o.account.billingCity,
      BillingState: o.account.billingState,
      BillingPostalCode: o.account.billingPostalCode,
      BillingCountry: o.account.billingCountry,
    })),
  );
  const contacts = opportunities.map((o, index) => ({
    opportunity: index,
    contact: o.contacts[0]!,
  }));
  const contactIds = await createAll(
    connection,
    'Contact',
    contacts.map(({ opportunity, contact }) => ({
      AccountId: accountIds[opportunity],
      FirstName: contact.firstName,
      LastName: contact.lastName,
      Email: contact.email,
      Phone: contact.phone,
      Title: contact.title,
    })),
  );
  const opportunityIds = await createAll(
    connection,
    'Opportunity',
    opportunities.map((o, index) => ({
      Name: o.name,
      AccountId: accountIds[index],
      OwnerId: ownerId,
      Amount: o.amount,
      CurrencyIsoCode: o.currencyIsoCode,
      StageName: o.stageName,
      Probability: o.probability,
      CloseDate: o.closeDate,
      // The demo's closed quarter needs its history dates for attribution (the seeding user holds
      // "Set Audit Fields upon Record Creation"); IsClosed and IsWon follow from the stage in the org.
      CreatedDate: o.createdDate,
      Description: o.description,
      NextStep: o.nextStep,
      Type: o.type,
      CoSell_Clouds__c: o.coSell.clouds.join(';'),
      CoSell_Origin__c: o.coSell.origin,
      CoSell_Originating_Cloud__c: o.coSell.originatingCloud,
      CoSell_Attribution__c: o.coSell.attribution,
      CoSell_Help_Needed__c: o.coSell.helpNeeded.join(';') || null,
      CoSell_Help_Details__c: o.coSell.helpDetails,
      Marketplace_Route__c: o.coSell.marketplaceRoute,
      Commit_Drawdown__c: o.coSell.commitDrawdown,
      Tenancy_Archetype__c: o.coSell.tenancyArchetype,
      CoSell_Expected_Monthly_Spend__c: o.coSell.expectedMonthlySpend,
      CoSell_Use_Case__c: o.coSell.useCase,
    })),
  );
  await createAll(
    connection,
    'OpportunityContactRole',
    contacts.map(({ opportunity, contact }, index) => ({
      OpportunityId: opportunityIds[opportunity],
      ContactId: contactIds[index],
      Role: contact.role,
    })),
  );
  const engagements = opportunities.flatMap((o, index) =>
    o.engagements.map((e) => ({
      Opportunity__c: opportunityIds[index],
      Cloud__c: e.cloud,
      Engagement_Key__c: `${opportunityIds[index]}:${e.cloud}`,
      Status__c: e.status,
      Portal_Id__c: e.portalId,
      Submitted_At__c: e.submittedAt,
      Accepted_At__c: e.acceptedAt,
      Requested_Action__c:
        e.requestedAction === 'Submit' && wouldRefuse(o, e.cloud) ? 'Validate' : e.requestedAction,
    })),
  );
  await createAll(connection, 'CoSell_Engagement__c', engagements);
  const requested = (action: string) =>
    engagements.filter((e) => e.Requested_Action__c === action).length;
  return {
    opportunities: opportunities.length,
    submitRequested: requested('Submit'),
    validateRequested: requested('Validate'),
  };
}

/** One referral per layer per cloud, the mix an alliance inbox sees in a busy week. */
export const DEMO_REFERRAL_LAYERS: readonly SourceLayer[] = SOURCE_LAYERS;
