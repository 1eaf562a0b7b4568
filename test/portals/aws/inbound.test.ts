// AWS referrals into the ISV's inbox: a PDM's engagement invitation for a data-platform deal, a lead
// invitation, and an opportunity AWS referred, each with its sender's field layer.
import { describe, expect, it } from '@jest/globals';
import type {
  GetAwsOpportunitySummaryOutput,
  GetEngagementInvitationOutput,
  GetOpportunityOutput,
} from '../../../middleware/src/portals/aws/generated/ace-schemas.js';
import {
  annualValueOf,
  customerDomainOf,
  referralFromAwsOpportunity,
  referralFromInvitation,
} from '../../../middleware/src/portals/aws/inbound.js';
import { awsWireFormat } from '../../../middleware/src/portals/aws/schema.js';

const pdmInvitation: GetEngagementInvitationOutput = {
  Catalog: 'AWS',
  Id: 'engi-0a1b2c3d4e5f6',
  Arn: 'arn:aws:partnercentral::123456789012:catalog/AWS/engagement-invitation/engi-0a1b2c3d4e5f6',
  PayloadType: 'OpportunityInvitation',
  EngagementId: 'eng-0a1b2c3d4e5f6g',
  EngagementTitle: 'Northwind lakehouse',
  Status: 'PENDING',
  InvitationDate: '2026-03-02T16:20:00Z',
  ExpirationDate: '2026-03-17T16:20:00Z',
  SenderCompanyName: 'Amazon Web Services',
  InvitationMessage: 'Customer wants a managed lakehouse before their Hadoop renewal',
  Payload: {
    OpportunityInvitation: {
      SenderContacts: [
        {
          Email: 'jordan.lee@amazon.com',
          FirstName: 'Jordan',
          LastName: 'Lee',
          BusinessTitle: 'Partner Development Manager',
        },
      ],
      ReceiverResponsibilities: ['Software Partner'],
      Customer: {
        CompanyName: 'Northwind Analytics',
        Industry: 'Software and Internet',
        WebsiteUrl: 'www.Northwind-Analytics.com/about',
        CountryCode: 'US',
      },
      Project: {
        Title: 'Lakehouse migration',
        BusinessProblem:
          'Nightly batch ETL on ageing on-prem Hadoop misses the 7am reporting window.',
        TargetCompletionDate: '2026-09-30',
        ExpectedCustomerSpend: [
          { Amount: '15000', CurrencyCode: 'USD', Frequency: 'Monthly', TargetCompany: 'AWS' },
          { Amount: '3000.50', CurrencyCode: 'USD', Frequency: 'Monthly', TargetCompany: 'AWS' },
        ],
      },
    },
  },
};

describe('referralFromInvitation', () => {
  it('reads a fixture that is itself a valid GetEngagementInvitation response', () => {
    expect(awsWireFormat.validate('GetEngagementInvitation', pdmInvitation)).toEqual([]);
  });

  it("turns a PDM's invitation into a partner-program referral with the 15-day deadline", () => {
    const { referral, findings } = referralFromInvitation(pdmInvitation);
    expect(findings).toEqual([]);
    expect(referral).toMatchObject({
      cloud: 'AWS',
      portalId: 'engi-0a1b2c3d4e5f6',
      receivedAt: '2026-03-02T16:20:00Z',
      responseDue: '2026-03-17T16:20:00Z',
      customerName: 'Northwind Analytics',
      customerDomain: 'northwind-analytics.com',
      customerCountry: 'US',
      title: 'Lakehouse migration',
      estimatedValue: { amount: 216006, currencyIsoCode: 'USD' },
      sourceLayer: 'Partner Program',
      referrer: {
        name: 'Jordan Lee',
        email: 'jordan.lee@amazon.com',
        title: 'Partner Development Manager',
      },
      triageStatus: 'New',
    });
  });

  it('flags a sender whose layer cannot be told, and leaves the layer empty', () => {
    const vague = structuredClone(pdmInvitation);
    vague.Payload!.OpportunityInvitation!.SenderContacts = [
      { Email: 'jordan.lee@amazon.com', BusinessTitle: 'Colleague' },
    ];
    vague.InvitationMessage = null;
    const { referral, findings } = referralFromInvitation(vague);
    expect(referral?.sourceLayer).toBeNull();
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'AWS_REFERRER_LAYER_UNKNOWN',
        severity: 'warning',
        path: '$.Payload.OpportunityInvitation.SenderContacts[0].BusinessTitle',
      }),
    ]);
  });

  it('maps the invitation status onto the inbox status', () => {
    expect(
      referralFromInvitation({ ...pdmInvitation, Status: 'EXPIRED' }).referral?.triageStatus,
    ).toBe('Expired');
    expect(
      referralFromInvitation({ ...pdmInvitation, Status: 'REJECTED' }).referral?.triageStatus,
    ).toBe('Declined');
  });

  it('reads a lead invitation, using the contact title for the layer', () => {
    const lead: GetEngagementInvitationOutput = {
      Catalog: 'AWS',
      Id: 'engi-9z8y7x6w5v4u3',
      PayloadType: 'LeadInvitation',
      InvitationDate: '2026-03-05T08:00:00Z',
      Payload: {
        LeadInvitation: {
          Customer: {
            CompanyName: 'Contoso Freight',
            CountryCode: 'DE',
            WebsiteUrl: 'contoso-freight.de',
          },
          Interaction: {
            SourceType: 'Event',
            SourceId: 'reinvent-2025',
            SourceName: 're:Invent 2025',
            Usecase: 'Streaming telemetry',
            ContactBusinessTitle: 'Data & AI Specialist',
          },
        },
      },
    };
    const { referral } = referralFromInvitation(lead);
    expect(referral).toMatchObject({
      customerName: 'Contoso Freight',
      customerDomain: 'contoso-freight.de',
      customerCountry: 'DE',
      title: 'Streaming telemetry',
      sourceLayer: 'Specialist',
    });
  });

  it('needs a date: without InvitationDate it asks for receivedAt, with one it uses it', () => {
    const undated = { ...pdmInvitation, InvitationDate: null };
    expect(referralFromInvitation(undated)).toEqual({
      referral: null,
      findings: [
        expect.objectContaining({ code: 'AWS_INVITATION_DATE_MISSING', path: '$.InvitationDate' }),
      ],
    });
    expect(
      referralFromInvitation(undated, { receivedAt: '2026-03-03T00:00:00Z' }).referral?.receivedAt,
    ).toBe('2026-03-03T00:00:00Z');
  });

  it('says so when the payload variant is newer than this model', () => {
    const newer = {
      ...pdmInvitation,
      PayloadType: 'PartnerSolutionInvitation',
      Payload: { PartnerSolutionInvitation: {} },
    } as unknown as GetEngagementInvitationOutput;
    expect(referralFromInvitation(newer).findings.map((f) => f.code)).toEqual([
      'AWS_INVITATION_PAYLOAD_UNKNOWN',
    ]);
  });
});

describe('referralFromAwsOpportunity', () => {
  const opportunity: GetOpportunityOutput = {
    Catalog: 'AWS',
    Id: 'O7654321',
    CreatedDate: '2026-03-06T10:00:00Z',
    LastModifiedDate: '2026-03-06T10:00:00Z',
    RelatedEntityIdentifiers: {},
    Customer: {
      Account: {
        CompanyName: 'Northwind Analytics',
        WebsiteUrl: 'https://northwind-analytics.com',
        Address: { CountryCode: 'US' },
      },
    },
    Project: {
      Title: 'Lakehouse migration',
      ExpectedCustomerSpend: [
        { Amount: '20000', CurrencyCode: 'USD', Frequency: 'Monthly', TargetCompany: 'AWS' },
      ],
    },
  };
  const summary: GetAwsOpportunitySummaryOutput = {
    Catalog: 'AWS',
    Origin: 'AWS Referral',
    OpportunityTeam: [
      { FirstName: 'Sam', LastName: 'Ito', Email: 'sam.ito@amazon.com', BusinessTitle: 'PDM' },
      {
        FirstName: 'Riley',
        LastName: 'Chen',
        Email: 'riley.chen@amazon.com',
        BusinessTitle: 'AWSSalesRep',
      },
    ],
  };

  it('credits the AWS seller ahead of the partner team, as an account-team referral', () => {
    const { referral, findings } = referralFromAwsOpportunity(opportunity, summary);
    expect(findings).toEqual([]);
    expect(referral).toMatchObject({
      portalId: 'O7654321',
      receivedAt: '2026-03-06T10:00:00Z',
      customerDomain: 'northwind-analytics.com',
      estimatedValue: { amount: 240000, currencyIsoCode: 'USD' },
      referrer: {
        name: 'Riley Chen',
        email: 'riley.chen@amazon.com',
        title: 'AWS Sales Representative',
      },
      sourceLayer: 'Account Team',
    });
  });

  it('refuses a partner-originated opportunity', () => {
    expect(
      referralFromAwsOpportunity(opportunity, {
        ...summary,
        Origin: 'Partner Referral',
      }).findings.map((f) => f.code),
    ).toEqual(['AWS_NOT_AN_AWS_REFERRAL']);
  });

  it('flags the layer when AWS has not named its team yet', () => {
    const { referral, findings } = referralFromAwsOpportunity(opportunity, null);
    expect(referral?.sourceLayer).toBeNull();
    expect(findings.map((f) => [f.code, f.path])).toEqual([
      ['AWS_REFERRER_LAYER_UNKNOWN', '$.OpportunityTeam'],
    ]);
  });
});

describe('helpers', () => {
  it.each([
    ['https://www.northwind-analytics.com/about?x=1', 'northwind-analytics.com'],
    ['WWW.Contoso.co.uk:443', 'contoso.co.uk'],
    ['localhost', null],
    [null, null],
  ])('customerDomainOf(%j) = %j', (url, domain) => {
    expect(customerDomainOf(url)).toBe(domain);
  });

  it('annualises monthly spend in the first currency only', () => {
    expect(
      annualValueOf([
        { Amount: '1000', CurrencyCode: 'EUR' },
        { Amount: '500', CurrencyCode: 'USD' },
        { Amount: '250.25', CurrencyCode: 'EUR' },
      ]),
    ).toEqual({ amount: 15003, currencyIsoCode: 'EUR' });
    expect(annualValueOf([{ Amount: '', CurrencyCode: 'USD' }])).toBeNull();
  });
});
