// Contract tests derived from AWS's Smithy model itself: this file walks the model on its own (not
// through the generator), builds a maximal valid payload per request operation, then one payload per
// constraint that breaks exactly that constraint, and expects a finding at that JSON path.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  ACE_CONSTRAINTS,
  ACE_FAST_CHECKS,
  ACE_REQUEST_SCHEMAS,
} from '../../../middleware/src/portals/aws/generated/ace-schemas.js';
import { awsWireFormat } from '../../../middleware/src/portals/aws/schema.js';

const MODEL_URL = new URL(
  '../../../../shared/contracts/aws/partnercentral-selling-2022-07-26.json',
  import.meta.url,
);
const SAMPLES_URL = new URL('../../../../shared/contracts/aws/samples/', import.meta.url);

interface Ref {
  target: string;
  traits?: Record<string, unknown>;
}
interface Shape {
  type: string;
  traits?: Record<string, unknown>;
  members?: Record<string, Ref>;
  member?: Ref;
  key?: Ref;
  value?: Ref;
  input?: { target: string };
}
const model = JSON.parse(readFileSync(MODEL_URL, 'utf8')) as { shapes: Record<string, Shape> };
const NS = 'com.amazonaws.partnercentralselling#';
const REQUEST_OPERATIONS = Object.keys(ACE_REQUEST_SCHEMAS) as Array<
  keyof typeof ACE_REQUEST_SCHEMAS
>;

/** Traits that constrain values; a new one in the model must be taught to the schemas and to this test. */
const CONSTRAINT_TRAITS = [
  'smithy.api#required',
  'smithy.api#length',
  'smithy.api#pattern',
  'smithy.api#range',
  'smithy.api#enumValue',
  'smithy.api#enum',
  'smithy.api#uniqueItems',
  'smithy.api#sparse',
  'smithy.api#timestampFormat',
];
const HANDLED_TRAITS = new Set([
  'smithy.api#required',
  'smithy.api#length',
  'smithy.api#pattern',
  'smithy.api#range',
  'smithy.api#enumValue',
  'smithy.api#timestampFormat',
]);

function shape(id: string): Shape {
  const prelude: Record<string, string> = {
    'smithy.api#String': 'string',
    'smithy.api#Integer': 'integer',
    'smithy.api#Boolean': 'boolean',
    'smithy.api#Timestamp': 'timestamp',
  };
  if (prelude[id]) return { type: prelude[id] };
  const found = model.shapes[id];
  if (!found) throw new Error(`unknown shape ${id}`);
  return found;
}

function traitsOf(ref: Ref): Record<string, unknown> {
  return { ...(shape(ref.target).traits ?? {}), ...(ref.traits ?? {}) };
}

/** Realistic values (a data-platform co-sell with Northwind Analytics) keyed by member name. */
const REALISTIC: Record<string, string> = {
  Catalog: 'Sandbox',
  ClientToken: '6f1c2d3e-8a9b-4c0d-9e1f-2a3b4c5d6e7f',
  PartnerOpportunityIdentifier: '006Hs00001Zq9XbIAJ',
  CompanyName: 'Northwind Analytics',
  WebsiteUrl: 'https://www.northwind-analytics.com',
  AwsAccountId: '123456789012',
  Duns: '081466849',
  City: 'Seattle',
  PostalCode: '98101',
  StateOrRegion: 'Washington',
  StreetAddress: '1200 Fifth Avenue',
  OtherIndustry: 'Data platforms',
  Email: 'priya.raman@northwind-analytics.com',
  FirstName: 'Priya',
  LastName: 'Raman',
  BusinessTitle: 'VP Data Engineering',
  Phone: '+14155550123',
  Amount: '12500.50',
  TargetCompany: 'AWS',
  EstimationUrl: 'https://calculator.aws/#/estimate?id=3f9a1c0b7e2d4a6f8b1c3e5d7f9a0b2c4d6e8f10',
  Title: 'Lakehouse migration for Northwind Analytics',
  CustomerBusinessProblem:
    'Nightly batch ETL on ageing on-prem Hadoop misses the 7am reporting window and blocks real-time fraud scoring.',
  CustomerUseCase: 'Big Data: Data Warehouse/Data Integration/ETL/Data Lake/BI',
  RelatedOpportunityIdentifier: 'O1234567',
  OtherCompetitorNames: 'Snowflake on Azure',
  OtherSolutionDescription: 'Managed lakehouse on Amazon S3 and Athena',
  AdditionalComments: 'PDM intro via the AWS data & analytics specialist team',
  CampaignName: 'DATA-LAKE-2026-Q2',
  EffectiveDate: '2026-04-01',
  ExpirationDate: '2027-03-31',
  TargetCloseDate: '2026-09-30',
  NextSteps: 'Joint architecture review with the AWS SA on 14 April',
  ReviewComments: 'Looks good',
  ReviewStatusReason: 'Approved by PDM',
  Value: 'salesforce',
  Key: 'cosell:source',
  Identifier: 'O1234567',
  OpportunityIdentifier: 'O1234567',
  RelatedEntityIdentifier: 'S-1234567',
  RejectionReason: 'Customer is outside the regions we support',
};
/** Identifiers whose format differs by operation (an invitation is not an opportunity). */
const REALISTIC_BY_PATH: Record<string, string> = {
  'StartEngagementByAcceptingInvitationTask$.Identifier': 'engi-0a1b2c3d4e5f6',
  'RejectEngagementInvitation$.Identifier': 'engi-0a1b2c3d4e5f6',
};
const ENUM_CHOICE: Record<string, string> = {
  Origin: 'Partner Referral',
  NationalSecurity: 'No',
  Industry: 'Software and Internet',
  CountryCode: 'US',
  CurrencyCode: 'USD',
  Stage: 'Qualified',
  ReviewStatus: 'Pending Submission',
  AwsFundingUsed: 'Yes',
  RelatedEntityType: 'Solutions',
  InvolvementType: 'Co-Sell',
};

/** Valid and invalid samples for each non-length pattern the request operations use. */
const PATTERN_SAMPLES: Record<string, { valid: string; invalid: string }> = {
  '^[a-zA-Z]+$': { valid: 'Sandbox', invalid: 'Sand box' },
  '^([0-9]{12}|\\w{1,12})$': { valid: '123456789012', invalid: '1234-5678-9012' },
  '^[0-9]{9}$': { valid: '081466849', invalid: '08146684' },
  "^(?=.{0,80}$)[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$":
    {
      valid: 'priya.raman@northwind-analytics.com',
      invalid: 'Priya.Raman@Northwind-Analytics.com',
    },
  '^\\+[1-9]\\d{1,14}$': { valid: '+14155550123', invalid: '(415) 555-0123' },
  '^((0|([1-9][0-9]{0,30}))(\\.[0-9]{0,2})?)?$': { valid: '12500.50', invalid: '12,500' },
  '^https://(calculator\\.aws|pricing\\.calculator\\.aws\\.eu)/#/estimate\\?id=[a-f0-9]{32,64}$': {
    valid: REALISTIC.EstimationUrl!,
    invalid: 'https://calculator.aws/#/estimate?id=NOT-AN-ID',
  },
  '^O[0-9]{1,19}$': { valid: 'O1234567', invalid: 'opp-1234567' },
  '^(0|([1-9][0-9]{0,30}))(\\.[0-9]{0,2})?$': { valid: '48000.00', invalid: '48000.001' },
  '^[1-9][0-9]{3}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$': {
    valid: '2026-06-30',
    invalid: '2026-6-30',
  },
  // No (?s) here: `.` stops at a line break, so a token with a newline does not match.
  '^.{1,255}$': { valid: REALISTIC.ClientToken!, invalid: 'retry\n2' },
  '^(?=.{1,128}$)([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$': {
    valid: 'cosell:source',
    invalid: 'cost#center',
  },
  '^(?=.{0,256}$)([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$': { valid: 'salesforce', invalid: 'a;b' },
  '^(?=.{1,255}$)(arn:.*|engi-[0-9a-z]{13})$': {
    valid: 'engi-0a1b2c3d4e5f6',
    invalid: 'eng-0a1b2c3d4e5f6',
  },
  '^[\\u0020-\\u007E\\u00A0-\\uD7FF\\uE000-\\uFFFD]{1,80}$': {
    valid: REALISTIC.RejectionReason!,
    invalid: 'tab\tinside',
  },
};

/** `^(?s).{a,b}$` only bounds the length; samples follow from the bounds. */
function lengthPattern(pattern: string): { min: number; max: number } | null {
  const match = /^\^\(\?s\)\.\{(\d+),(\d+)\}\$$/.exec(pattern);
  return match ? { min: Number(match[1]), max: Number(match[2]) } : null;
}

function padTo(text: string, min: number, max: number): string {
  let out = text;
  while ([...out].length < min) out += ` ${text}`;
  return [...out].slice(0, max).join('');
}

interface Constraint {
  op: string;
  path: string; // with [*] for list items
  kind: 'required' | 'enum' | 'length' | 'pattern' | 'range' | 'timestamp' | 'union';
  min?: number;
  max?: number;
  pattern?: string;
}

/** Walks one request operation: the maximal valid payload and every constraint on the way. */
function walkOperation(op: string): {
  payload: unknown;
  constraints: Constraint[];
  structures: string[];
} {
  const constraints: Constraint[] = [];
  const structures: string[] = [];
  const build = (ref: Ref, path: string, member: string): unknown => {
    const s = shape(ref.target);
    const traits = traitsOf(ref);
    for (const name of Object.keys(traits)) {
      if (CONSTRAINT_TRAITS.includes(name) && !HANDLED_TRAITS.has(name))
        throw new Error(`${op} ${path}: the model uses ${name}, which the schemas do not enforce`);
    }
    if (s.type === 'enum') {
      constraints.push({ op, path, kind: 'enum' });
      const values = Object.values(s.members ?? {}).map(
        (m) => m.traits?.['smithy.api#enumValue'] as string,
      );
      const choice = ENUM_CHOICE[member];
      return choice && values.includes(choice) ? choice : values[0];
    }
    if (s.type === 'string') {
      const length = traits['smithy.api#length'] as { min?: number; max?: number } | undefined;
      const pattern = traits['smithy.api#pattern'] as string | undefined;
      if (length) constraints.push({ op, path, kind: 'length', ...length });
      if (pattern !== undefined) constraints.push({ op, path, kind: 'pattern', pattern });
      const realistic = REALISTIC_BY_PATH[`${op}${path}`] ?? REALISTIC[member];
      if (pattern !== undefined && !lengthPattern(pattern)) {
        const sample = PATTERN_SAMPLES[pattern];
        if (!sample)
          throw new Error(
            `${op} ${path}: no samples for the new pattern ${pattern}; add valid and invalid samples`,
          );
        return realistic ?? sample.valid;
      }
      const bounds = lengthPattern(pattern ?? '') ?? {
        min: length?.min ?? 0,
        max: length?.max ?? 255,
      };
      return padTo(realistic ?? `Northwind ${member}`, Math.max(bounds.min, 1), bounds.max);
    }
    if (s.type === 'integer') {
      const range = traits['smithy.api#range'] as { min?: number; max?: number } | undefined;
      if (range) constraints.push({ op, path, kind: 'range', ...range });
      return range?.min ?? 1;
    }
    if (s.type === 'boolean') return true;
    if (s.type === 'timestamp') {
      constraints.push({ op, path, kind: 'timestamp' });
      return '2026-03-31T14:05:00Z';
    }
    if (s.type === 'list') {
      const length = traits['smithy.api#length'] as { min?: number; max?: number } | undefined;
      if (length) constraints.push({ op, path, kind: 'length', ...length });
      const item = build(s.member!, `${path}[*]`, member);
      return Array.from({ length: Math.max(length?.min ?? 1, 1) }, () => structuredClone(item));
    }
    if (s.type === 'structure' || s.type === 'union') {
      if (s.type === 'union') constraints.push({ op, path, kind: 'union' });
      structures.push(path);
      const out: Record<string, unknown> = {};
      const entries = Object.entries(s.members ?? {});
      for (const [name, child] of s.type === 'union' ? entries.slice(0, 1) : entries) {
        if (child.traits?.['smithy.api#required'] !== undefined)
          constraints.push({ op, path: `${path}.${name}`, kind: 'required' });
        out[name] = build(child, `${path}.${name}`, name);
      }
      return out;
    }
    throw new Error(`${op} ${path}: Smithy type ${s.type} is not covered by this contract test`);
  };
  const input = shape(`${NS}${op}`).input!;
  const payload = build({ target: input.target }, '$', op);
  return { payload, constraints, structures };
}

const concrete = (path: string): string => path.replaceAll('[*]', '[0]');

/** Sets (or deletes, for `undefined`) the member at a `$.A[0].B` path. */
function setAt(payload: unknown, path: string, value: unknown): unknown {
  const copy = structuredClone(payload) as Record<string, unknown>;
  const keys = concrete(path)
    .slice(2)
    .split(/\.|(?=\[)/)
    .map((k) => (k.startsWith('[') ? Number(k.slice(1, -1)) : k));
  let node: Record<string | number, unknown> = copy;
  keys.slice(0, -1).forEach((k) => {
    node = node[k] as Record<string | number, unknown>;
  });
  const last = keys.at(-1)!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

function getAt(payload: unknown, path: string): unknown {
  const keys = concrete(path)
    .slice(2)
    .split(/\.|(?=\[)/)
    .map((k) => (k.startsWith('[') ? Number(k.slice(1, -1)) : k));
  return keys.reduce<unknown>((node, k) => (node as Record<string | number, unknown>)[k], payload);
}

interface Violation {
  label: string;
  payload: unknown;
  code: string;
}

function violationsOf(c: Constraint, valid: unknown): Violation[] {
  const current = getAt(valid, c.path);
  switch (c.kind) {
    case 'required':
      return [
        {
          label: 'member left out',
          payload: setAt(valid, c.path, undefined),
          code: 'AWS_WIRE_REQUIRED',
        },
      ];
    case 'enum':
      return [
        {
          label: 'value outside the enum',
          payload: setAt(valid, c.path, `${String(current)} (legacy)`),
          code: 'AWS_WIRE_INVALID_VALUE',
        },
      ];
    case 'timestamp':
      return [
        {
          label: 'not a date-time',
          payload: setAt(valid, c.path, '31/03/2026 14:05'),
          code: 'AWS_WIRE_INVALID_FORMAT',
        },
      ];
    case 'range': {
      const out: Violation[] = [];
      if (c.min !== undefined)
        out.push({
          label: `below ${c.min}`,
          payload: setAt(valid, c.path, c.min - 1),
          code: 'AWS_WIRE_TOO_SMALL',
        });
      if (c.max !== undefined)
        out.push({
          label: `above ${c.max}`,
          payload: setAt(valid, c.path, c.max + 1),
          code: 'AWS_WIRE_TOO_BIG',
        });
      return out;
    }
    case 'union':
      return [
        {
          label: 'no member set',
          payload: setAt(valid, c.path, {}),
          code: 'AWS_WIRE_INVALID_UNION',
        },
      ];
    case 'length': {
      const out: Violation[] = [];
      const resize = (n: number): unknown =>
        Array.isArray(current)
          ? Array.from({ length: n }, () => structuredClone(current[0]))
          : 'x'.repeat(n);
      if (c.min !== undefined && c.min > 0)
        out.push({
          label: `${c.min - 1} long`,
          payload: setAt(valid, c.path, resize(c.min - 1)),
          code: 'AWS_WIRE_TOO_SMALL',
        });
      if (c.max !== undefined)
        out.push({
          label: `${c.max + 1} long`,
          payload: setAt(valid, c.path, resize(c.max + 1)),
          code: 'AWS_WIRE_TOO_BIG',
        });
      return out;
    }
    case 'pattern': {
      const bounds = lengthPattern(c.pattern!);
      if (bounds) {
        const out: Violation[] = [
          {
            label: `${bounds.max + 1} characters`,
            payload: setAt(valid, c.path, 'é'.repeat(bounds.max + 1)),
            code: 'AWS_WIRE_INVALID_FORMAT',
          },
        ];
        if (bounds.min > 0)
          out.push({
            label: `${bounds.min - 1} characters`,
            payload: setAt(valid, c.path, 'é'.repeat(bounds.min - 1)),
            code: 'AWS_WIRE_INVALID_FORMAT',
          });
        return out;
      }
      return [
        {
          label: `"${PATTERN_SAMPLES[c.pattern!]!.invalid}"`,
          payload: setAt(valid, c.path, PATTERN_SAMPLES[c.pattern!]!.invalid),
          code: 'AWS_WIRE_INVALID_FORMAT',
        },
      ];
    }
  }
}

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
