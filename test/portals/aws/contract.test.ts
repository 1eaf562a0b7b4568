// Contract tests derived from AWS's Smithy model itself (walked by ./contract-model.ts, not through the
// generator): the maximal valid payload per request operation passes, each payload that breaks exactly
// one constraint gets a finding at that JSON path, and AWS's published samples are judged by the model.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  ACE_CONSTRAINTS,
  ACE_FAST_CHECKS,
  ACE_REQUEST_SCHEMAS,
} from '../../../middleware/src/portals/aws/generated/ace-schemas.js';
import { awsWireFormat } from '../../../middleware/src/portals/aws/schema.js';
import { concrete, getAt, setAt, violationsOf, walkOperation } from './contract-model.js';

const SAMPLES_URL = new URL('../../../../shared/contracts/aws/samples/', import.meta.url);
const REQUEST_OPERATIONS = Object.keys(ACE_REQUEST_SCHEMAS) as Array<
  keyof typeof ACE_REQUEST_SCHEMAS
>;

const wireErrors = (op: string, payload: unknown) =>
  awsWireFormat.validate(op, payload).filter((f) => f.severity === 'error');

describe.each(REQUEST_OPERATIONS)('ACE %s request, derived from the model', (op) => {
  const { payload, constraints, structures } = walkOperation(op);

  it('accepts the maximal valid payload (every member set)', () => {
    expect(wireErrors(op, payload)).toEqual([]);
    expect(ACE_REQUEST_SCHEMAS[op].safeParse(payload).success).toBe(true);
  });

  it('clears the maximal valid payload on the fast path too (so validation stays fast)', () => {
    expect(ACE_FAST_CHECKS[op](payload)).toBe(true);
  });

  it('exports a constraint table that lists exactly what the model states', () => {
    const fromModel = constraints.map((c) => `${c.kind} ${c.path}`).sort();
    const exported = ACE_CONSTRAINTS[op].map((c) => `${c.kind} ${c.path}`).sort();
    expect(exported).toEqual(fromModel);
  });

  const cases = constraints.flatMap((c) =>
    violationsOf(c, payload).map((v) => [`${c.kind} ${c.path}: ${v.label}`, c, v] as const),
  );
  it.each(cases)('rejects %s with a finding at that path', (_label, c, violation) => {
    expect(ACE_FAST_CHECKS[op](violation.payload)).toBe(false);
    const errors = wireErrors(op, violation.payload);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((f) => f.path === concrete(c.path))).toBe(true);
    expect(errors.map((f) => f.code)).toContain(violation.code);
  });

  it('never lets the fast path accept what the schema rejects (property: any JSON at any member)', () => {
    const paths = [...new Set(constraints.map((c) => c.path))];
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 2 }), (path, value) => {
        const mutated = setAt(payload, path, value);
        return !ACE_FAST_CHECKS[op](mutated) || ACE_REQUEST_SCHEMAS[op].safeParse(mutated).success;
      }),
      { numRuns: 300 },
    );
  });

  it.each(structures)('rejects an unknown member in %s (requests are strict)', (path) => {
    const target =
      path === '$'
        ? { ...(payload as object), Notes: 'x' }
        : setAt(payload, path, { ...(getAt(payload, path) as object), Notes: 'x' });
    const errors = wireErrors(op, target);
    expect(errors).toEqual([
      expect.objectContaining({ code: 'AWS_WIRE_UNKNOWN_FIELD', path: concrete(path) }),
    ]);
  });
});

describe('Smithy pattern and length semantics', () => {
  const valid = walkOperation('CreateOpportunity').payload;

  it('lets (?s) patterns span lines: a multi-line business problem is valid', () => {
    const problem = 'Nightly ETL misses the reporting window.\nFraud scoring needs streaming data.';
    expect(
      wireErrors('CreateOpportunity', setAt(valid, '$.Project.CustomerBusinessProblem', problem)),
    ).toEqual([]);
  });

  it('counts characters, not UTF-16 units: 255 emoji fit a 255-character field, 256 do not', () => {
    expect(
      wireErrors('CreateOpportunity', setAt(valid, '$.LifeCycle.NextSteps', '📈'.repeat(255))),
    ).toEqual([]);
    expect(
      wireErrors('CreateOpportunity', setAt(valid, '$.LifeCycle.NextSteps', '📈'.repeat(256))),
    ).toEqual([
      expect.objectContaining({ path: '$.LifeCycle.NextSteps', code: 'AWS_WIRE_INVALID_FORMAT' }),
    ]);
  });

  it('treats an explicit null like an absent optional member, but not for a required one', () => {
    expect(wireErrors('CreateOpportunity', setAt(valid, '$.Customer.Account.Duns', null))).toEqual(
      [],
    );
    expect(
      wireErrors('CreateOpportunity', setAt(valid, '$.Customer.Account.CompanyName', null)),
    ).toEqual([expect.objectContaining({ path: '$.Customer.Account.CompanyName' })]);
  });

  it('keeps enum wire strings exact: case and spacing matter', () => {
    expect(
      wireErrors('CreateOpportunity', setAt(valid, '$.LifeCycle.ReviewStatus', 'In Review')),
    ).toEqual([
      expect.objectContaining({ path: '$.LifeCycle.ReviewStatus', code: 'AWS_WIRE_INVALID_VALUE' }),
    ]);
  });
});

describe('ACE responses are read tolerantly', () => {
  const getOpportunity = {
    Catalog: 'AWS',
    Id: 'O7654321',
    Arn: 'arn:aws:partnercentral:us-east-1::catalog/AWS/opportunity/O7654321',
    CreatedDate: '2026-02-10T09:00:00Z',
    LastModifiedDate: '2026-03-31T14:05:00.123Z',
    RelatedEntityIdentifiers: { Solutions: ['S-1234567'] },
    Customer: {
      Account: { CompanyName: 'Northwind Analytics', Industry: 'Software and Internet' },
    },
    LifeCycle: { Stage: 'Qualified', ReviewStatus: 'Approved' },
  };

  it('accepts members and enum values newer than this model', () => {
    const newer = {
      ...getOpportunity,
      SustainabilityScore: 7,
      LifeCycle: { Stage: 'Pilot', ReviewStatus: 'Approved' },
    };
    expect(awsWireFormat.validate('GetOpportunity', newer)).toEqual([]);
    expect(ACE_FAST_CHECKS.GetOpportunity(newer)).toBe(true);
  });

  it('still enforces what the model requires of a response', () => {
    const { CreatedDate: _dropped, ...withoutCreated } = getOpportunity;
    expect(awsWireFormat.validate('GetOpportunity', withoutCreated)).toEqual([
      expect.objectContaining({ path: '$.CreatedDate', code: 'AWS_WIRE_REQUIRED' }),
    ]);
  });

  it('accepts an invitation payload variant this model does not know, but not two variants at once', () => {
    const invitation = {
      Catalog: 'AWS',
      Id: 'engi-0a1b2c3d4e5f6',
      Payload: { PartnerSolutionInvitation: { Note: 'new' } },
    };
    expect(awsWireFormat.validate('GetEngagementInvitation', invitation)).toEqual([]);
    const both = { ...invitation, Payload: { PartnerSolutionInvitation: {}, LeadInvitation: {} } };
    expect(awsWireFormat.validate('GetEngagementInvitation', both).map((f) => f.path)).toContain(
      '$.Payload',
    );
    expect(ACE_FAST_CHECKS.GetEngagementInvitation(both)).toBe(false);
  });
});

describe("AWS's published sample payloads, judged against the model", () => {
  const sample = (name: string): unknown =>
    JSON.parse(readFileSync(new URL(name, SAMPLES_URL), 'utf8'));

  it('createOpportunity.json is valid per the model (a scheme-less WebsiteUrl matches its pattern)', () => {
    const findings = awsWireFormat.validate('CreateOpportunity', sample('createOpportunity.json'));
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    // Beyond the model: "Other industry" is ignored for Financial Services, and Prospect is too early to submit.
    expect(findings.map((f) => f.code).sort()).toEqual([
      'AWS_OTHER_INDUSTRY_UNUSED',
      'AWS_STAGE_TOO_EARLY',
    ]);
  });

  it('createOpportunity_aws.json is invalid: "Competitor Platform" is not a CompetitorName, and AWS Referral needs the Sandbox', () => {
    const errors = awsWireFormat
      .validate('CreateOpportunity', sample('createOpportunity_aws.json'))
      .filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.code, f.path])).toEqual([
      ['AWS_WIRE_INVALID_VALUE', '$.Project.CompetitorName'],
      ['AWS_ORIGIN_AWS_REFERRAL_IN_PRODUCTION', '$.Origin'],
    ]);
  });

  it('updateOpportunity.json is valid per the model, explicit nulls included', () => {
    const errors = awsWireFormat
      .validate('UpdateOpportunity', sample('updateOpportunity.json'))
      .filter((f) => f.severity === 'error');
    expect(errors).toEqual([]);
  });
});
