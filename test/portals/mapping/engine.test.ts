import { describe, expect, it } from '@jest/globals';
import type { Finding } from '../../../middleware/src/core/model.js';
import { compileMapping } from '../../../middleware/src/portals/mapping/compile.js';
import { parseMappingConfig } from '../../../middleware/src/portals/mapping/config.js';
import {
  interpretToPortal,
  mapFromPortal,
  mapToPortal,
} from '../../../middleware/src/portals/mapping/engine.js';
import { loadMapping } from '../../../middleware/src/portals/mapping/load.js';
import { NOW, northwindDataPlatform } from './opportunity-fixture.js';

const aws = loadMapping('aws');
const google = loadMapping('google');
const microsoft = loadMapping('microsoft');

function only(findings: Finding[], code: string): Finding {
  const matching = findings.filter((finding) => finding.code === code);
  expect(matching).toHaveLength(1);
  return matching[0] as Finding;
}

describe('mapping engine: canonical → portal', () => {
  it('maps the Northwind opportunity to ACE with no error findings', () => {
    const { payload, findings } = mapToPortal(aws, northwindDataPlatform(), NOW);
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(payload).toMatchObject({
      Catalog: 'AWS',
      Origin: 'Partner Referral',
      PartnerOpportunityIdentifier: '006Hs00001NwDpLAAV',
      OpportunityType: 'Net New Business',
      PrimaryNeedsFromAws: ['Co-Sell - Architectural Validation'],
      Customer: {
        Account: {
          CompanyName: 'Northwind Health Systems',
          Industry: 'Healthcare',
          Address: { CountryCode: 'US', PostalCode: '98101', StateOrRegion: 'WA', City: 'Seattle' },
        },
        Contacts: [
          {
            FirstName: 'Dana',
            Email: 'dana.whitfield@northwind-health.example',
            Phone: '+12065550142',
          },
        ],
      },
      Project: {
        DeliveryModels: ['SaaS or PaaS'],
        ExpectedCustomerSpend: [
          { Amount: '18500', CurrencyCode: 'USD', Frequency: 'Monthly', TargetCompany: 'AWS' },
        ],
        CustomerUseCase: 'Big Data: Data Warehouse/Data Integration/ETL/Data Lake/BI',
      },
      LifeCycle: { Stage: 'Business Validation', TargetCloseDate: '2027-03-31' },
    });
  });

  it('reports help needs ACE has no value for, without failing the mapping', () => {
    const { findings } = mapToPortal(aws, northwindDataPlatform(), NOW);
    const dropped = only(findings, 'AWS_MAP_ITEMS_NOT_SENT');
    expect(dropped).toMatchObject({
      severity: 'info',
      path: '$.PrimaryNeedsFromAws',
      field: 'CoSell_Help_Needed__c',
      cloud: 'AWS',
    });
    expect(dropped.message).toContain('Executive sponsorship');
  });

  it('never invents a close date: a past one is an error on CloseDate for the AE to resolve, and nothing is sent', () => {
    const { payload, findings } = mapToPortal(
      aws,
      northwindDataPlatform((o) => void (o.closeDate = '2026-10-31')),
      NOW,
    );
    expect((payload.LifeCycle as Record<string, unknown>).TargetCloseDate).toBeUndefined();
    expect(findings.some((finding) => finding.code === 'AWS_MAP_VALUE_REPLACED')).toBe(false);
    const flagged = findings.find((finding) => finding.field === 'CloseDate');
    expect(flagged).toMatchObject({ severity: 'error', path: '$.LifeCycle.TargetCloseDate' });
    expect(flagged!.message).toContain('2026-10-31');
  });

  it('keeps a close date of today, which is not in the past', () => {
    const { payload, findings } = mapToPortal(
      aws,
      northwindDataPlatform((o) => void (o.closeDate = '2026-11-26')),
      NOW,
    );
    expect((payload.LifeCycle as Record<string, unknown>).TargetCloseDate).toBe('2026-11-26');
    expect(findings.some((finding) => finding.code === 'AWS_MAP_VALUE_REPLACED')).toBe(false);
  });

  it('falls back to Amount ÷ 12 for monthly spend, rounded to cents, and says so', () => {
    const { payload, findings } = mapToPortal(
      aws,
      northwindDataPlatform((o) => void (o.coSell.expectedMonthlySpend = null)),
      NOW,
    );
    expect((payload.Project as Record<string, unknown>).ExpectedCustomerSpend).toEqual([
      { Amount: '40000', CurrencyCode: 'USD', Frequency: 'Monthly', TargetCompany: 'AWS' },
    ]);
    expect(only(findings, 'AWS_MAP_VALUE_REPLACED').message).toContain('Amount ÷ 12');
  });

  it('reports missing monthly spend on its Salesforce field when Amount is blank too, and sends no half-filled spend entry', () => {
    const { payload, findings } = mapToPortal(
      aws,
      northwindDataPlatform((o) => {
        o.coSell.expectedMonthlySpend = null;
        o.amount = null;
      }),
      NOW,
    );
    expect((payload.Project as Record<string, unknown>).ExpectedCustomerSpend).toBeUndefined();
    expect(only(findings, 'AWS_MAP_REQUIRED_MISSING')).toMatchObject({
      severity: 'error',
      field: 'CoSell_Expected_Monthly_Spend__c',
      path: '$.Project.ExpectedCustomerSpend[0].Amount',
    });
  });

  it('sends an unmapped industry as Other with the original in OtherIndustry', () => {
    const { payload, findings } = mapToPortal(
      aws,
      northwindDataPlatform((o) => void (o.account.industry = 'Environmental')),
      NOW,
    );
    const account = (payload.Customer as { Account: Record<string, unknown> }).Account;
    expect(account.Industry).toBe('Other');
    expect(account.OtherIndustry).toBe('Environmental');
    const finding = only(findings, 'AWS_MAP_DEFAULT_USED');
    expect(finding).toMatchObject({ field: 'Account.Industry', severity: 'warning' });
    // A preview shows the same finding before anything is sent: it says what goes, not what went.
    expect(finding.message).toContain('so the default "Other" goes to AWS Partner Central.');
    expect(findings.map((one) => one.message).join(' ')).not.toMatch(/\b(was|were) sent\b/);
  });

  it('reports an unmapped stage as an error naming StageName and the value map to extend', () => {
    const { payload, findings } = mapToPortal(
      aws,
      northwindDataPlatform((o) => void (o.stageName = 'Discovery Call')),
      NOW,
    );
    expect((payload.LifeCycle as Record<string, unknown>).Stage).toBeUndefined();
    const finding = only(findings, 'AWS_MAP_VALUE_UNMAPPED');
    expect(finding).toMatchObject({
      severity: 'error',
      field: 'StageName',
      path: '$.LifeCycle.Stage',
    });
    expect(finding.message).toBe(
      'Stage "Discovery Call" has no AWS Partner Central equivalent in the mapping, and AWS Partner Central needs it (AWS only reviews opportunities at Qualified or later). ' +
        'Pick another Stage value, or ask your Salesforce admin to add a Co-Sell Value Map record (Setup > Custom Metadata Types > Co-Sell Value Map > Manage Records) ' +
        'with Portal AWS, Value Map "stage", Salesforce Value "Discovery Call" and the AWS Partner Central value it stands for.',
    );
  });

  it('resolves free-text and alias countries and rejects unknown ones on BillingCountry', () => {
    const country = (value: string) =>
      mapToPortal(
        aws,
        northwindDataPlatform((o) => void (o.account.billingCountry = value)),
        NOW,
      );
    const address = (value: string) =>
      (country(value).payload.Customer as { Account: { Address: Record<string, unknown> } }).Account
        .Address.CountryCode;
    expect(address('Deutschland')).toBe('DE');
    expect(address('united kingdom')).toBe('GB');
    expect(address('Côte d’Ivoire')).toBe('CI');
    expect(address('gb')).toBe('GB');
    expect(address('UK')).toBe('GB');
    const unknown = country('Atlantis');
    expect(only(unknown.findings, 'AWS_MAP_VALUE_INVALID')).toMatchObject({
      field: 'Account.BillingCountry',
      path: '$.Customer.Account.Address.CountryCode',
      severity: 'error',
    });
  });

  it('flags a business problem under 20 characters and cuts an over-long next step with a warning', () => {
    const { payload, findings } = mapToPortal(
      aws,
      northwindDataPlatform((o) => {
        o.description = 'Move to AWS';
        o.nextStep = 'x'.repeat(300);
      }),
      NOW,
    );
    expect(only(findings, 'AWS_MAP_TOO_SHORT')).toMatchObject({
      field: 'Description',
      severity: 'error',
      path: '$.Project.CustomerBusinessProblem',
    });
    expect(only(findings, 'AWS_MAP_TRUNCATED')).toMatchObject({
      field: 'NextStep',
      severity: 'warning',
    });
    expect(((payload.LifeCycle as Record<string, string>).NextSteps ?? '').length).toBe(255);
  });

  it('leaves out a phone that cannot be made international, naming the contact field and element', () => {
    const { payload, findings } = mapToPortal(
      aws,
      northwindDataPlatform((o) => void (o.contacts[0]!.phone = '555-0142')),
      NOW,
    );
    const contact = (payload.Customer as { Contacts: Array<Record<string, unknown>> }).Contacts[0];
    expect(contact?.Phone).toBeUndefined();
    expect(only(findings, 'AWS_MAP_VALUE_NOT_SENT')).toMatchObject({
      field: 'Contact.Phone',
      path: '$.Customer.Contacts[0].Phone',
    });
  });

  it('warns when Microsoft gets no customer contact', () => {
    const { payload, findings } = mapToPortal(
      microsoft,
      northwindDataPlatform((o) => void (o.contacts = [])),
      NOW,
    );
    expect((payload.customerProfile as Record<string, unknown>).team).toBeUndefined();
    expect(only(findings, 'MICROSOFT_MAP_LIST_TOO_SHORT')).toMatchObject({
      severity: 'warning',
      path: '$.customerProfile.team',
    });
  });

  it('builds Google Money, Date and bare domain values', () => {
    const { payload } = mapToPortal(
      google,
      northwindDataPlatform((o) => void (o.amount = 480000.5)),
      NOW,
    );
    expect(payload).toMatchObject({
      state: 'DRAFT',
      customerInfo: {
        customerDetails: {
          domain: 'northwind-health.example',
          address: { regionCode: 'US', addressLines: ['1200 Harbor Way'] },
        },
      },
      qualificationInfo: {
        dealSize: { currencyCode: 'USD', units: '480000', nanos: 500000000 },
        estimatedCloseDate: { year: 2027, month: 3, day: 31 },
      },
    });
  });

  it('is deterministic: the same opportunity and now give the same payload and findings', () => {
    const opportunity = northwindDataPlatform((o) => void (o.closeDate = '2025-01-01'));
    expect(mapToPortal(google, opportunity, NOW)).toEqual(mapToPortal(google, opportunity, NOW));
    const later = mapToPortal(google, opportunity, new Date('2026-12-31T23:59:59Z'));
    expect(
      (later.payload.qualificationInfo as Record<string, unknown>).estimatedCloseDate,
    ).toBeUndefined();
    expect(
      later.findings
        .filter((finding) => finding.field === 'CloseDate')
        .map((finding) => finding.severity),
    ).toEqual(['error']);
  });

  it('writes a rule waiting on a contact list only when the list was written', () => {
    const mapping = compileMapping(
      parseMappingConfig(
        {
          portal: 'aws',
          version: 1,
          valueMaps: {},
          rules: [
            {
              path: 'Customer.Contacts',
              fromList: 'contacts',
              fields: [{ path: 'Email', from: 'email' }],
            },
            { path: 'Project.Title', from: 'name', onlyWith: 'Customer.Contacts' },
          ],
        },
        'aws.json',
      ),
    );
    const withContacts = northwindDataPlatform();
    const withoutContacts = northwindDataPlatform((o) => void (o.contacts = []));
    for (const map of [mapToPortal, interpretToPortal]) {
      expect(map(mapping, withContacts, NOW).payload.Project).toEqual({
        Title: withContacts.name,
      });
      expect(map(mapping, withoutContacts, NOW).payload.Project).toBeUndefined();
    }
  });

  it('refuses an invalid now', () => {
    expect(() => mapToPortal(aws, northwindDataPlatform(), new Date('not a date'))).toThrow(
      /now is not a valid instant/,
    );
  });
});

describe('mapping engine: portal read-back → canonical', () => {
  it('reads an industry sent as Other back from OtherIndustry', () => {
    const back = mapFromPortal(aws, {
      Customer: { Account: { Industry: 'Other', OtherIndustry: 'Environmental' } },
    });
    expect(back).toEqual({ account: { industry: 'Environmental' } });
  });

  it('reads a portal value back to the first Salesforce value listed for it', () => {
    const back = mapFromPortal(aws, {
      LifeCycle: { Stage: 'Committed' },
      Customer: { Account: { Industry: 'Financial Services' } },
    });
    expect(back).toEqual({ stageName: 'Proposal/Price Quote', account: { industry: 'Finance' } });
  });

  it('ignores values it cannot read back instead of inventing canonical data', () => {
    expect(
      mapFromPortal(google, {
        qualificationInfo: { estimatedCloseDate: { year: 2027 } },
        customerInfo: { contact: 'Dana' },
      }),
    ).toEqual({});
    expect(mapFromPortal(aws, null)).toEqual({});
  });
});
