// Realistic Microsoft referral payloads for the tests: our co-sell ask on a Northwind Traders data
// platform deal that draws down their MACC, and the PDM referral Microsoft sends us in return.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The published Partner Center samples (see PROVENANCE.md there). */
export const MICROSOFT_CONTRACTS_DIR = path.resolve(
  process.env.COSELL_CONTRACTS_DIR ?? path.resolve(process.cwd(), '../shared/contracts'),
  'microsoft',
);

export function readSample(file: string): string {
  return readFileSync(path.join(MICROSOFT_CONTRACTS_DIR, file), 'utf8');
}

export const OPPORTUNITY_ID = '006Hs00001AbCdEIAZ';

/** Every writable field set: the maximal create body our mapping can produce. */
export function coSellCreateBody(): Record<string, unknown> {
  return {
    name: 'Northwind Traders – lakehouse migration (Azure MACC)',
    externalReferenceId: OPPORTUNITY_ID,
    engagementId: '5b1f7c0e-2a4d-4f57-9d9a-3c8e1b7a6f10',
    status: 'New',
    substatus: 'Pending',
    statusReason: 'Customer signed the MACC amendment; needs Microsoft architecture review',
    qualification: 'SalesQualified',
    type: 'Shared',
    salesStage: 'Develop',
    target: [{ type: 'SolutionProfile', id: 'SOL-48213-LKH' }],
    customerProfile: {
      name: 'Northwind Traders Ltd',
      address: {
        addressLine1: '12 Harbour Exchange Square',
        addressLine2: 'Floor 4',
        city: 'London',
        state: 'Greater London',
        postalCode: 'E14 9GE',
        country: 'GB',
        region: 'England',
      },
      size: '1001to5000employees',
      team: [
        {
          firstName: 'Amelia',
          lastName: 'Okafor',
          email: 'amelia.okafor@northwindtraders.co.uk',
          phoneNumber: '+442079460123',
          title: 'Head of Data Platforms',
          contactPreference: { locale: 'en-gb', disableNotifications: false },
        },
      ],
      ids: [{ profileType: 'Duns', id: '219876543' }],
    },
    consent: {
      consentToToShareInfoWithOthers: true,
      consentToContact: true,
      consentToShareReferralWithMicrosoftSellers: true,
      consentToMicrosoftToContactSpecificPartners: false,
    },
    details: {
      notes:
        'Migrating 40 TB of on-premises Teradata to our lakehouse on Azure; spend draws down their MACC.',
      dealValue: 480000,
      currency: 'GBP',
      closingDateTime: '2026-12-18T00:00:00Z',
      customerRequestedContact: true,
      requirements: {
        industries: [{ id: 'Retail' }],
        products: [{ id: 'Azure' }],
        services: [{ id: 'DeploymentOrMigration' }],
        solutions: [
          {
            id: 'SOL-48213-LKH',
            name: 'Lakehouse Labs Data Platform',
            type: 'Name',
            publisherName: 'Lakehouse Labs',
            solutionType: '3P',
            price: 480000,
            quantity: 1,
            currency: 'GBP',
            closingDateTime: '2026-12-18T00:00:00Z',
          },
        ],
        offers: [{ id: 'lakehouse-labs.data-platform-enterprise', name: 'Enterprise plan' }],
        salesPlays: [{ id: 'DataAndAI', name: 'Data and AI' }],
        additionalRequirements: {
          attributes: [{ type: 'CustomerMarketplaceIntent', id: 'WillTransact' }],
        },
      },
    },
    team: [
      {
        firstName: 'Daniel',
        lastName: 'Whitfield',
        email: 'daniel.whitfield@lakehouselabs.io',
        phoneNumber: '+442038850200',
        title: 'Strategic Account Executive',
        contactPreference: { locale: 'en-gb', disableNotifications: false },
      },
    ],
    inviteContext: {
      notes:
        'Please join the architecture review on 3 Dec; the customer wants Microsoft to validate the Fabric integration.',
      invitedBy: {
        organizationId: '7d23e5ca-19dc-4eaa-aac8-5e6b559f0d1d',
        organizationName: 'Lakehouse Labs',
      },
      assistanceRequestCode: 'CustomerTechnicalArchitecture',
      invitedMpnId: '6543210',
    },
    partnerRole: 'Ids',
    solutionArea: 'DataAndAI',
    solutionPlay: 'MigrateAndModernizeYourEstate',
  };
}

/** A referral Microsoft sent us, as GET returns it: a PDM passing a data-platform deal. */
export function incomingPdmReferral(): Record<string, unknown> {
  const body = coSellCreateBody();
  return {
    ...body,
    '@odata.context':
      'https://api.partner.microsoft.com/v1.0/engagements/referrals/$metadata#Referrals/$entity',
    id: '0f9a2c4e-6b8d-4e1f-a3c5-7d9e1b3f5a70',
    organizationId: '7d23e5ca-19dc-4eaa-aac8-5e6b559f0d1d',
    organizationName: 'Lakehouse Labs',
    externalReferenceId: null,
    createdDateTime: '2026-11-24T09:12:41.5531200Z',
    updatedDateTime: '2026-11-24T09:12:41.5531200Z',
    expirationDateTime: '2026-12-08T00:00:00Z',
    status: 'New',
    substatus: 'Pending',
    statusReason: null,
    type: 'Independent',
    qualification: 'SalesQualified',
    direction: 'Incoming',
    team: [
      {
        firstName: 'Priya',
        lastName: 'Raman',
        email: 'priya.raman@microsoft.com',
        phoneNumber: '+14255550142',
        title: 'Partner Development Manager, Data & AI ISVs',
        contactPreference: { locale: 'en-us', disableNotifications: false },
      },
    ],
    inviteContext: {
      notes:
        'Northwind asked for a lakehouse partner with a MACC-eligible offer; can you take the first call this week?',
      invitedBy: { organizationId: 'msft', organizationName: 'Microsoft' },
    },
    eTag: '"6b00c1d2-0000-0000-0000-674301a90000"',
    links: {
      relatedReferrals: {
        uri: "https://api.partner.microsoft.com/v1.0/engagements/referrals?$filter=engagementId eq '5b1f7c0e-2a4d-4f57-9d9a-3c8e1b7a6f10'",
        method: 'GET',
      },
      self: {
        uri: 'https://api.partner.microsoft.com/v1.0/engagements/referrals/0f9a2c4e-6b8d-4e1f-a3c5-7d9e1b3f5a70',
        method: 'GET',
      },
    },
    trackingInfo: { microsoftMsxId: '7-3F2K9QX1' },
  };
}
