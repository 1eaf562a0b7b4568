// The ACE rules beyond the model, for an update: read-merge-write (UpdateOpportunity replaces the
// whole record), editability under review locks, and the create idempotency token.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  ACE_REQUEST_SCHEMAS,
  type GetOpportunityOutput,
} from '../../../middleware/src/portals/aws/generated/ace-schemas.js';
import {
  AceUpdateError,
  changedPaths,
  clientTokenFor,
  editabilityFindings,
  keepFrozenAfterApproval,
  mergeForUpdate,
} from '../../../middleware/src/portals/aws/rules.js';

const codes = (findings: Array<{ code: string; path?: string }>): string[] =>
  findings.map((f) => `${f.code} ${f.path}`);
const current: GetOpportunityOutput = {
  Catalog: 'AWS',
  Id: 'O7654321',
  Arn: 'arn:aws:partnercentral:us-east-1::catalog/AWS/opportunity/O7654321',
  CreatedDate: '2026-02-10T09:00:00Z',
  LastModifiedDate: '2026-03-31T14:05:00Z',
  RelatedEntityIdentifiers: { Solutions: ['S-1234567'] },
  OpportunityTeam: [
    {
      FirstName: 'Dana',
      LastName: 'Okafor',
      Email: 'dana.okafor@example-isv.com',
      BusinessTitle: 'Alliance Manager',
    },
  ],
  PartnerOpportunityIdentifier: '006Hs00001Zq9XbIAJ',
  NationalSecurity: 'No',
  Customer: {
    Account: {
      CompanyName: 'Northwind Analytics',
      Industry: 'Software and Internet',
      WebsiteUrl: 'https://www.northwind-analytics.com',
      Address: { CountryCode: 'US', PostalCode: '98101', StateOrRegion: 'Washington', City: null },
    },
  },
  Project: {
    Title: 'Lakehouse migration for Northwind Analytics',
    CustomerBusinessProblem:
      'Nightly batch ETL on ageing on-prem Hadoop misses the 7am reporting window.',
    ExpectedCustomerSpend: [
      { Amount: '18000', CurrencyCode: 'USD', Frequency: 'Monthly', TargetCompany: 'AWS' },
    ],
  },
  LifeCycle: {
    Stage: 'Qualified',
    ReviewStatus: 'Approved',
    TargetCloseDate: '2026-09-30',
    NextSteps: 'Architecture review',
  },
};

describe('mergeForUpdate (UpdateOpportunity replaces the whole record)', () => {
  it('sends back everything read, minus what an update cannot carry, with the change merged in', () => {
    const update = mergeForUpdate(current, { LifeCycle: { Stage: 'Technical Validation' } });
    expect(update).toEqual({
      Catalog: 'AWS',
      Identifier: 'O7654321',
      LastModifiedDate: '2026-03-31T14:05:00Z',
      PartnerOpportunityIdentifier: '006Hs00001Zq9XbIAJ',
      NationalSecurity: 'No',
      Customer: current.Customer && {
        Account: {
          CompanyName: 'Northwind Analytics',
          Industry: 'Software and Internet',
          WebsiteUrl: 'https://www.northwind-analytics.com',
          Address: { CountryCode: 'US', PostalCode: '98101', StateOrRegion: 'Washington' },
        },
      },
      Project: current.Project,
      LifeCycle: {
        Stage: 'Technical Validation',
        ReviewStatus: 'Approved',
        TargetCloseDate: '2026-09-30',
        NextSteps: 'Architecture review',
      },
    });
    expect(ACE_REQUEST_SCHEMAS.UpdateOpportunity.safeParse(update).success).toBe(true);
  });

  it('replaces lists whole and clears a member given null', () => {
    const update = mergeForUpdate(current, {
      Project: {
        ExpectedCustomerSpend: [
          { Amount: '22000', CurrencyCode: 'USD', Frequency: 'Monthly', TargetCompany: 'AWS' },
        ],
      },
      LifeCycle: { NextSteps: null },
    });
    expect(update.Project?.ExpectedCustomerSpend).toEqual([
      { Amount: '22000', CurrencyCode: 'USD', Frequency: 'Monthly', TargetCompany: 'AWS' },
    ]);
    expect(update.LifeCycle).not.toHaveProperty('NextSteps');
    expect(update.Project?.Title).toBe('Lakehouse migration for Northwind Analytics');
  });

  it('refuses members UpdateOpportunity does not have, and the identity envelope, naming the path', () => {
    expect(() => mergeForUpdate(current, { Customer: { Account: { Revenue: 1 } } })).toThrow(
      new AceUpdateError('$.Customer.Account.Revenue', 'is not a member UpdateOpportunity accepts'),
    );
    expect(() => mergeForUpdate(current, { LastModifiedDate: 'now' } as never)).toThrow(
      /\$\.LastModifiedDate/,
    );
  });

  it('never changes a path the caller did not touch (property)', () => {
    const nextSteps = fc.string({ minLength: 1, maxLength: 255 });
    const stage = fc.constantFrom(
      'Qualified',
      'Technical Validation',
      'Business Validation',
      'Committed',
    );
    fc.assert(
      fc.property(nextSteps, stage, (text, s) => {
        const update = mergeForUpdate(current, { LifeCycle: { NextSteps: text, Stage: s } });
        const touched = changedPaths(mergeForUpdate(current, {}), update);
        return touched.every(
          (path) => path === '$.LifeCycle.NextSteps' || path === '$.LifeCycle.Stage',
        );
      }),
    );
  });

  it('does not mutate the opportunity it read', () => {
    const before = structuredClone(current);
    mergeForUpdate(current, { Project: { Title: 'Renamed' }, LifeCycle: { NextSteps: null } });
    expect(current).toEqual(before);
  });
});

describe('editability under review', () => {
  const at = (
    ReviewStatus: NonNullable<GetOpportunityOutput['LifeCycle']>['ReviewStatus'],
  ): GetOpportunityOutput => ({ ...current, LifeCycle: { ...current.LifeCycle, ReviewStatus } });

  it('blocks every change while AWS reviews or after it rejected', () => {
    for (const status of ['Submitted', 'In review', 'Rejected']) {
      const findings = editabilityFindings(
        at(status),
        mergeForUpdate(at(status), { LifeCycle: { NextSteps: 'Chase the SA' } }),
      );
      expect(codes(findings)).toEqual(['AWS_LOCKED_IN_REVIEW $.LifeCycle.NextSteps']);
    }
  });

  it('allows only the whitelist under Action Required', () => {
    const opp = at('Action Required');
    expect(
      editabilityFindings(
        opp,
        mergeForUpdate(opp, {
          Customer: { Account: { Address: { City: 'Seattle' } } },
          LifeCycle: { TargetCloseDate: '2026-10-31' },
        }),
      ),
    ).toEqual([]);
    expect(
      codes(editabilityFindings(opp, mergeForUpdate(opp, { Project: { Title: 'New title' } }))),
    ).toEqual(['AWS_NOT_EDITABLE_ACTION_REQUIRED $.Project.Title']);
  });

  it('freezes identity fields once approved, leaves the rest editable', () => {
    const opp = at('Approved');
    expect(
      editabilityFindings(opp, mergeForUpdate(opp, { LifeCycle: { Stage: 'Committed' } })),
    ).toEqual([]);
    expect(
      codes(
        editabilityFindings(
          opp,
          mergeForUpdate(opp, {
            Customer: { Account: { Industry: 'Retail' } },
            Project: { Title: 'Renamed' },
          }),
        ),
      ),
    ).toEqual([
      'AWS_FROZEN_AFTER_APPROVAL $.Customer.Account.Industry',
      'AWS_FROZEN_AFTER_APPROVAL $.Project.Title',
    ]);
  });

  it('after approval sends the editable changes and keeps ACE values for the frozen ones', () => {
    const opp = at('Approved');
    const next = mergeForUpdate(opp, {
      Project: { CustomerBusinessProblem: 'A rewritten problem statement from Salesforce' },
      LifeCycle: { NextSteps: 'Joint pitch with the AWS SA on 2 Dec' },
    });
    const kept = keepFrozenAfterApproval(opp, next);
    expect(kept.payload.Project?.CustomerBusinessProblem).toBe(
      opp.Project?.CustomerBusinessProblem,
    );
    expect(kept.payload.LifeCycle?.NextSteps).toBe('Joint pitch with the AWS SA on 2 Dec');
    expect(codes(kept.findings)).toEqual([
      'AWS_FROZEN_AFTER_APPROVAL $.Project.CustomerBusinessProblem',
    ]);
    expect(kept.findings[0]!.severity).toBe('warning');
    expect(editabilityFindings(opp, kept.payload)).toEqual([]);
    // The update it started from is untouched, and before approval nothing is held back.
    expect(next.Project?.CustomerBusinessProblem).toBe(
      'A rewritten problem statement from Salesforce',
    );
    expect(keepFrozenAfterApproval(at('Action Required'), next)).toEqual({
      payload: next,
      findings: [],
    });
  });

  it('after approval restores a frozen member Salesforce cleared', () => {
    const opp = at('Approved');
    const next = mergeForUpdate(opp, { Customer: { Account: { WebsiteUrl: null } } });
    expect(next.Customer?.Account?.WebsiteUrl).toBeUndefined();
    const kept = keepFrozenAfterApproval(opp, next);
    expect(kept.payload.Customer?.Account?.WebsiteUrl).toBe(opp.Customer?.Account?.WebsiteUrl);
    expect(codes(kept.findings)).toEqual([
      'AWS_FROZEN_AFTER_APPROVAL $.Customer.Account.WebsiteUrl',
    ]);
  });

  it('keeps the review outcome read-only in production, writable in the Sandbox', () => {
    const prod = at('Pending Submission');
    expect(
      codes(
        editabilityFindings(
          prod,
          mergeForUpdate(prod, { LifeCycle: { ReviewStatus: 'Approved' } }),
        ),
      ),
    ).toEqual(['AWS_REVIEW_FIELD_READ_ONLY $.LifeCycle.ReviewStatus']);
    const sandbox = { ...prod, Catalog: 'Sandbox' };
    expect(
      editabilityFindings(
        sandbox,
        mergeForUpdate(sandbox, { LifeCycle: { ReviewStatus: 'Approved' } }),
      ),
    ).toEqual([]);
  });
});

describe('clientTokenFor', () => {
  it('is a version-8 UUID within the model constraint, the same for the same job', () => {
    const token = clientTokenFor('00Dxx0000001gPL/006Hs00001Zq9XbIAJ/create');
    expect(token).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(clientTokenFor('00Dxx0000001gPL/006Hs00001Zq9XbIAJ/create')).toBe(token);
  });

  it('differs between jobs and always fits ^.{1,255}$ (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((s) => s.trim().length > 0),
        fc.string({ minLength: 1 }).filter((s) => s.trim().length > 0),
        (a, b) => {
          const ta = clientTokenFor(a);
          return /^.{1,255}$/u.test(ta) && (a === b) === (ta === clientTokenFor(b));
        },
      ),
    );
  });

  it('refuses an empty job key', () => {
    expect(() => clientTokenFor('  ')).toThrow(/jobKey must be a non-empty string/);
  });
});
