// The ACE rules beyond the model, before a call: submission readiness, the body rules and how
// awsWireFormat.validate reports them, on a Northwind Analytics data-platform co-sell.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { findingsFromIssues } from '../../../middleware/src/portals/findings.js';
import { ACE_REQUEST_SCHEMAS } from '../../../middleware/src/portals/aws/generated/ace-schemas.js';
import {
  clientTokenFor,
  createFindings,
  opportunityBodyFindings,
  submissionFindings,
} from '../../../middleware/src/portals/aws/rules.js';
import { awsWireFormat, createAwsWireFormat } from '../../../middleware/src/portals/aws/schema.js';

const readyToSubmit = {
  Catalog: 'AWS',
  ClientToken: clientTokenFor('00Dxx0000001gPL/006Hs00001Zq9XbIAJ/create'),
  Origin: 'Partner Referral',
  OpportunityType: 'Net New Business',
  PartnerOpportunityIdentifier: '006Hs00001Zq9XbIAJ',
  NationalSecurity: 'No',
  Customer: {
    Account: {
      CompanyName: 'Northwind Analytics',
      Industry: 'Software and Internet',
      WebsiteUrl: 'https://www.northwind-analytics.com',
      Address: {
        CountryCode: 'US',
        PostalCode: '98101',
        StateOrRegion: 'Washington',
        City: 'Seattle',
      },
    },
  },
  Project: {
    Title: 'Lakehouse migration for Northwind Analytics',
    CustomerBusinessProblem:
      'Nightly batch ETL on ageing on-prem Hadoop misses the 7am reporting window.',
    DeliveryModels: ['SaaS or PaaS'],
    ExpectedCustomerSpend: [
      { Amount: '18000', CurrencyCode: 'USD', Frequency: 'Monthly', TargetCompany: 'AWS' },
    ],
  },
  LifeCycle: {
    Stage: 'Qualified',
    TargetCloseDate: '2026-09-30',
    NextSteps: 'Joint architecture review with the AWS SA',
  },
};

const codes = (findings: Array<{ code: string; path?: string }>): string[] =>
  findings.map((f) => `${f.code} ${f.path}`);

describe('submission readiness', () => {
  it('has nothing to say about an opportunity ready for AWS review', () => {
    expect(submissionFindings(readyToSubmit, { today: '2026-04-01' })).toEqual([]);
  });

  it('names each missing review field at its path', () => {
    const bare = {
      Catalog: 'AWS',
      ClientToken: 'x',
      Customer: { Account: { CompanyName: 'Northwind Analytics' } },
    };
    expect(codes(submissionFindings(bare))).toEqual([
      'AWS_SUBMIT_REQUIRED $.Customer.Account.Industry',
      'AWS_SUBMIT_REQUIRED $.Customer.Account.WebsiteUrl',
      'AWS_SUBMIT_REQUIRED $.Customer.Account.Address.CountryCode',
      'AWS_SUBMIT_REQUIRED $.Project.Title',
      'AWS_SUBMIT_REQUIRED $.Project.CustomerBusinessProblem',
      'AWS_SUBMIT_REQUIRED $.Project.ExpectedCustomerSpend',
      'AWS_SUBMIT_REQUIRED $.LifeCycle.TargetCloseDate',
      'AWS_SUBMIT_REQUIRED $.LifeCycle.Stage',
    ]);
  });

  it('lets a national-security opportunity omit the website, and asks a US customer for postal code and state', () => {
    const government = {
      ...readyToSubmit,
      NationalSecurity: 'Yes',
      Customer: {
        Account: {
          CompanyName: 'Northwind Analytics',
          Industry: 'Government',
          Address: { CountryCode: 'US' },
        },
      },
    };
    expect(codes(submissionFindings(government))).toEqual([
      'AWS_SUBMIT_REQUIRED $.Customer.Account.Address.PostalCode',
      'AWS_SUBMIT_REQUIRED $.Customer.Account.Address.StateOrRegion',
    ]);
  });

  it('checks the business problem length in characters at both edges (20 and 2000)', () => {
    const withProblem = (text: string) => ({
      ...readyToSubmit,
      Project: { ...readyToSubmit.Project, CustomerBusinessProblem: text },
    });
    expect(submissionFindings(withProblem('é'.repeat(20)))).toEqual([]);
    expect(submissionFindings(withProblem('🚀'.repeat(2000)))).toEqual([]);
    // Two UTF-16 units per character: 38 units are still only 19 characters, 4002 units 2001.
    expect(submissionFindings(withProblem('🚀'.repeat(19)))[0]).toMatchObject({
      code: 'AWS_BUSINESS_PROBLEM_TOO_SHORT',
      message: expect.stringContaining('(it has 19)'),
    });
    expect(submissionFindings(withProblem('🚀'.repeat(2001)))[0]).toMatchObject({
      code: 'AWS_BUSINESS_PROBLEM_TOO_LONG',
      message: expect.stringContaining('(it has 2001)'),
    });
    expect(codes(submissionFindings(withProblem('Slow ETL, help pls')))).toEqual([
      'AWS_BUSINESS_PROBLEM_TOO_SHORT $.Project.CustomerBusinessProblem',
    ]);
    expect(submissionFindings(withProblem('x'.repeat(2001)))[0]).toMatchObject({
      code: 'AWS_BUSINESS_PROBLEM_TOO_LONG',
      message: expect.stringContaining('(it has 2001)'),
    });
  });

  it('refuses a close date before today, accepts today itself, and skips the check without a today', () => {
    expect(codes(submissionFindings(readyToSubmit, { today: '2026-10-01' }))).toEqual([
      'AWS_CLOSE_DATE_IN_PAST $.LifeCycle.TargetCloseDate',
    ]);
    expect(submissionFindings(readyToSubmit, { today: '2026-09-30' })).toEqual([]);
    expect(submissionFindings(readyToSubmit)).toEqual([]);
  });

  it('needs a qualified, still-open stage', () => {
    const at = (Stage: string) => ({
      ...readyToSubmit,
      LifeCycle: { ...readyToSubmit.LifeCycle, Stage },
    });
    expect(codes(submissionFindings(at('Prospect')))).toEqual([
      'AWS_STAGE_TOO_EARLY $.LifeCycle.Stage',
    ]);
    expect(codes(submissionFindings(at('Closed Lost')))).toEqual([
      'AWS_STAGE_CLOSED_LOST $.LifeCycle.Stage',
    ]);
    expect(submissionFindings(at('Technical Validation'))).toEqual([]);
  });

  it('asks for the monthly amount when a spend line has none (the model defaults it to "")', () => {
    const noAmount = {
      ...readyToSubmit,
      Project: {
        ...readyToSubmit.Project,
        ExpectedCustomerSpend: [
          { Amount: '', CurrencyCode: 'USD', Frequency: 'Monthly', TargetCompany: 'AWS' },
        ],
      },
    };
    expect(codes(submissionFindings(noAmount))).toEqual([
      'AWS_SUBMIT_REQUIRED $.Project.ExpectedCustomerSpend[0].Amount',
    ]);
  });
});

describe('body rules', () => {
  it('allows national security only for Government customers', () => {
    expect(codes(opportunityBodyFindings({ ...readyToSubmit, NationalSecurity: 'Yes' }))).toEqual([
      'AWS_NATIONAL_SECURITY_NOT_GOVERNMENT $.NationalSecurity',
    ]);
  });

  it('wants expected spend monthly and aimed at AWS', () => {
    const yearly = {
      Project: {
        ExpectedCustomerSpend: [
          { Amount: '216000', CurrencyCode: 'USD', Frequency: 'Yearly', TargetCompany: 'Azure' },
        ],
      },
    };
    expect(opportunityBodyFindings(yearly).map((f) => [f.code, f.severity, f.path])).toEqual([
      ['AWS_SPEND_NOT_MONTHLY', 'error', '$.Project.ExpectedCustomerSpend[0].Frequency'],
      ['AWS_SPEND_TARGET_NOT_AWS', 'warning', '$.Project.ExpectedCustomerSpend[0].TargetCompany'],
    ]);
  });

  it('requires empty marketing use cases when no AWS funds were used', () => {
    expect(
      codes(
        opportunityBodyFindings({ Marketing: { AwsFundingUsed: 'No', UseCases: ['Analytics'] } }),
      ),
    ).toEqual(['AWS_MARKETING_USE_CASES_WITHOUT_FUNDING $.Marketing.UseCases']);
    expect(opportunityBodyFindings({ Marketing: { AwsFundingUsed: 'No', UseCases: [] } })).toEqual(
      [],
    );
  });

  it('lets only the Sandbox create AWS referrals', () => {
    expect(codes(createFindings({ ...readyToSubmit, Origin: 'AWS Referral' }))).toEqual([
      'AWS_ORIGIN_AWS_REFERRAL_IN_PRODUCTION $.Origin',
    ]);
    expect(
      createFindings({ ...readyToSubmit, Catalog: 'Sandbox', Origin: 'AWS Referral' }),
    ).toEqual([]);
  });

  it('survives payloads of the wrong shape (rules read defensively)', () => {
    expect(() => submissionFindings('not an object')).not.toThrow();
    expect(() =>
      opportunityBodyFindings({
        Customer: 'Northwind',
        Project: { ExpectedCustomerSpend: 'lots' },
      }),
    ).not.toThrow();
  });
});

describe('awsWireFormat.validate', () => {
  it('defaults to CreateOpportunity and passes a review-ready payload with no findings', () => {
    expect(awsWireFormat.defaultOperation).toBe('CreateOpportunity');
    expect(awsWireFormat.validate('CreateOpportunity', readyToSubmit)).toEqual([]);
  });

  it('reports review readiness as warnings on a draft, and the close date only when given today', () => {
    const draft = {
      ...readyToSubmit,
      LifeCycle: { Stage: 'Prospect', TargetCloseDate: '2026-03-01' },
    };
    expect(
      awsWireFormat.validate('CreateOpportunity', draft).map((f) => [f.code, f.severity]),
    ).toEqual([['AWS_STAGE_TOO_EARLY', 'warning']]);
    expect(
      createAwsWireFormat({ today: '2026-04-01' })
        .validate('CreateOpportunity', draft)
        .map((f) => f.code),
    ).toEqual(['AWS_CLOSE_DATE_IN_PAST', 'AWS_STAGE_TOO_EARLY']);
  });

  it('does not repeat a rule where the wire schema already flagged the member', () => {
    const short = {
      ...readyToSubmit,
      Project: { ...readyToSubmit.Project, CustomerBusinessProblem: 'Too short' },
    };
    expect(awsWireFormat.validate('CreateOpportunity', short).map((f) => [f.code, f.path])).toEqual(
      [['AWS_WIRE_INVALID_FORMAT', '$.Project.CustomerBusinessProblem']],
    );
  });

  it('reports one finding per member: the hard rule, not also the readiness warning', () => {
    const awsReferral = { ...readyToSubmit, Origin: 'AWS Referral' };
    expect(
      awsWireFormat.validate('CreateOpportunity', awsReferral).map((f) => [f.code, f.severity]),
    ).toEqual([['AWS_ORIGIN_AWS_REFERRAL_IN_PRODUCTION', 'error']]);
  });

  it('says in the message what a valid value looks like', () => {
    const badPhone = {
      ...readyToSubmit,
      Customer: { ...readyToSubmit.Customer, Contacts: [{ Phone: '415-555-0123' }] },
    };
    expect(awsWireFormat.validate('CreateOpportunity', badPhone)).toEqual([
      expect.objectContaining({
        path: '$.Customer.Contacts[0].Phone',
        message:
          '$.Customer.Contacts[0].Phone: must be an international phone number such as +14155550123',
      }),
    ]);
  });

  it('names the known operations when asked for one it does not have', () => {
    expect(() => awsWireFormat.validate('SubmitOpportunity', {})).toThrow(
      /aws has no operation "SubmitOpportunity"; known operations: CreateOpportunity, UpdateOpportunity/,
    );
  });
});

describe('awsWireFormat.validate against the whole parse', () => {
  /** validate as first written: zod's whole parse, then every rule not at a member already flagged. */
  function reference(payload: unknown) {
    const parsed = ACE_REQUEST_SCHEMAS.CreateOpportunity.safeParse(payload, { reportInput: true });
    const wire = parsed.success
      ? []
      : findingsFromIssues(parsed.error.issues, { cloud: 'AWS', codePrefix: 'AWS' });
    const flagged = new Set(wire.map((f) => f.path));
    const rules = [
      ...createFindings(payload),
      ...submissionFindings(payload, { severity: 'warning' }),
    ].filter((f) => !flagged.has(f.path) && Boolean(flagged.add(f.path)));
    return [...wire, ...rules];
  }

  type Node = Record<string | number, unknown>;
  function paths(
    value: unknown,
    prefix: Array<string | number> = [],
  ): Array<Array<string | number>> {
    if (value === null || typeof value !== 'object') return [];
    return Object.entries(value).flatMap(([key, child]) => {
      const step = Array.isArray(value) ? Number(key) : key;
      return [[...prefix, step], ...paths(child, [...prefix, step])];
    });
  }
  const replacement = fc.oneof(
    fc.constant(undefined),
    fc.constantFrom(
      '',
      'Too short',
      'Prospect',
      'Other',
      'Yes',
      'No',
      'AWS Referral',
      'US',
      'GB',
      'x',
    ),
    fc.constantFrom(null, 0, -1, 1.5, true, [], {}),
    fc.jsonValue({ maxDepth: 1 }),
  );

  it('gives exactly the findings of the whole zod parse plus the deduplicated rules (property)', () => {
    const all = paths(readyToSubmit);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...all), replacement), { minLength: 1, maxLength: 3 }),
        (changes) => {
          const payload = structuredClone(readyToSubmit) as Node;
          for (const [path, value] of changes) {
            let node: unknown = payload;
            for (const step of path.slice(0, -1))
              node = node !== null && typeof node === 'object' ? (node as Node)[step] : undefined;
            if (node === null || typeof node !== 'object') continue;
            const last = path[path.length - 1] as string | number;
            if (value === undefined) delete (node as Node)[last];
            // A copy: the generator hands out one `{}` and one `[]`, and setting the same object
            // at a path and inside itself would build a cycle no JSON payload can have.
            else (node as Node)[last] = structuredClone(value);
          }
          expect(awsWireFormat.validate('CreateOpportunity', payload)).toEqual(reference(payload));
        },
      ),
      { numRuns: 500 },
    );
  });
});
