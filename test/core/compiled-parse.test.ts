// The canonical opportunity's compiled parse answers without zod for valid input, so for every input
// it must give exactly zod's output (same keys, same order, same defaults) or step aside for zod.
import { inspect } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { z } from 'zod';
import {
  compileParse,
  NOT_SURE,
  withCompiledParse,
} from '../../middleware/src/core/compiled-parse.js';
import { CoSellOpportunity, type CoSellOpportunityInput } from '../../middleware/src/core/model.js';

/** zod's own parse of the canonical opportunity: a clone shares the definition, not the hook. */
const zodOwn = CoSellOpportunity.clone();
const compiled = compileParse(CoSellOpportunity);

/** Keys in order, undefined members and all: what a deep-equal alone would not tell apart. */
function exactly(value: unknown): string {
  return inspect(value, { depth: null, sorted: false, showHidden: false });
}

/** A safe-parse result as data (the error's own stack would differ by call site). */
function outcome(result: { success: boolean; data?: unknown; error?: { issues: unknown } }) {
  return exactly({ success: result.success, data: result.data, issues: result.error?.issues });
}

function richInput(): CoSellOpportunityInput {
  return {
    id: '006Hs00001NwDpLAAV',
    name: 'Northwind Health – Lakehouse migration',
    amount: 480000,
    currencyIsoCode: 'EUR',
    stageName: 'Value Proposition',
    probability: 50,
    isClosed: false,
    closeDate: '2027-03-31',
    createdDate: '2026-09-02T14:10:00Z',
    lastModifiedDate: '2026-11-20T16:45:00+01:00',
    ownerEmail: 'priya.raman@streamlake.example',
    account: { id: '001Hs00001NwDpLAAV', name: 'Northwind', billingCountry: 'US' },
    contacts: [
      { lastName: 'Whitfield', email: 'dana@northwind.example', role: 'Decision Maker' },
      { firstName: 'Sam', lastName: 'Okafor' },
    ],
    coSell: {
      clouds: ['aws', ' Microsoft ', 'GOOGLE'],
      helpNeeded: ['Deal support'],
      expectedMonthlySpend: 0,
    },
    engagements: [
      {
        cloud: 'AWS',
        status: 'Submitted',
        submittedAt: '2026-11-21T10:00:00Z',
        findings: [
          {
            code: 'AWS_RULE',
            severity: 'warning',
            message: 'check the close date',
            evidence: { closeDate: '2027-03-31', nested: { a: [1] } },
          },
        ],
      },
      { cloud: 'Google' },
    ],
  };
}

type Step = string | number;
type Json = Record<Step, unknown>;

function pathsOf(value: unknown, prefix: Step[] = []): Step[][] {
  if (value === null || typeof value !== 'object') return [];
  const entries: Array<[Step, unknown]> = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, [...prefix, key])]);
}

/** A copy of the input with one place set to a value, deleted, or given an extra key. */
function varied(path: Step[], change: { set?: unknown; remove?: true; extra?: string }): unknown {
  const copy = structuredClone(richInput()) as unknown as Json;
  let node = copy;
  for (const step of path.slice(0, -1)) node = node[step] as Json;
  const last = path[path.length - 1] as Step;
  if (change.remove) delete node[last];
  else if (change.extra !== undefined) {
    const target = node[last];
    if (target !== null && typeof target === 'object') (target as Json)[change.extra] = 1;
  } else node[last] = change.set;
  return copy;
}

const nearValues = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    '',
    ' aws',
    'Amazon',
    'usd',
    '2027-02-30',
    '2026-11-20T16:45:00',
    'not-an-email',
    -1,
    101,
    1e21,
    true,
    null,
    [],
    {},
  ),
  fc.constant(undefined),
  fc.constant(Number.NaN),
  fc.constant(Number.POSITIVE_INFINITY),
);
const paths = pathsOf(richInput());
const change = fc.oneof(
  nearValues.map((set) => ({ set })),
  fc.constant({ remove: true as const }),
  fc.constantFrom('extra', 'toString', '__proto__').map((extra) => ({ extra })),
);

describe('compiled parse of the canonical opportunity', () => {
  it('gives zod’s output for a valid input, defaults and canonical cloud names included', () => {
    const input = richInput();
    const expected = zodOwn.parse(input);
    expect(exactly(compiled(input))).toBe(exactly(expected));
    expect(exactly(CoSellOpportunity.parse(input))).toBe(exactly(expected));
    expect(CoSellOpportunity.parse(input).coSell.clouds).toEqual(['AWS', 'Microsoft', 'Google']);
  });

  it('answers exactly as zod does for inputs varied anywhere (NOT_SURE where zod refuses)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...paths), change, (path, how) => {
        const input = varied(path, how);
        const expected = zodOwn.safeParse(input);
        const fast = compiled(input);
        if (expected.success) expect(exactly(fast)).toBe(exactly(expected.data));
        else expect(fast).toBe(NOT_SURE);
        const hooked = CoSellOpportunity.safeParse(input);
        expect(outcome(hooked)).toBe(outcome(expected));
      }),
      { numRuns: 3000 },
    );
  });

  it('hands out fresh defaults, never one shared object', () => {
    const first = CoSellOpportunity.parse({ ...richInput(), coSell: undefined, contacts: [] });
    const second = CoSellOpportunity.parse({ ...richInput(), coSell: undefined, contacts: [] });
    first.coSell.clouds.push('AWS');
    expect(second.coSell.clouds).toEqual([]);
    expect(first.coSell).not.toBe(second.coSell);
  });

  it('leaves refinements to zod: a won deal that is not closed keeps zod’s issue', () => {
    const result = CoSellOpportunity.safeParse({ ...richInput(), isWon: true, isClosed: false });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual(
      zodOwn.safeParse({ ...richInput(), isWon: true, isClosed: false }).error?.issues,
    );
  });

  it('keeps a schema holding the opportunity exact, as an array of them', () => {
    const list = z.array(CoSellOpportunity);
    const ownList = z.array(zodOwn);
    const inputs = [richInput(), { ...richInput(), id: 'short' }];
    expect(outcome(list.safeParse(inputs))).toBe(outcome(ownList.safeParse(inputs)));
    expect(exactly(list.parse([richInput()]))).toBe(exactly(ownList.parse([richInput()])));
  });

  it('mirrors strict objects, optional-with-default members and transforms like zod', () => {
    const schema = z.strictObject({
      kept: z.string().trim().optional(),
      counted: z.number().int().default(3).optional(),
      tagged: z.string().transform((value) => value.length),
      either: z.union([z.literal('a'), z.number()]).nullable(),
    });
    const own = schema.clone();
    withCompiledParse(schema);
    const inputs: unknown[] = [
      { tagged: 'abc', either: null },
      { kept: '  x ', counted: undefined, tagged: '', either: 'a' },
      { tagged: 'abc', either: 2, extra: true },
      { tagged: 1, either: 'b' },
      { counted: 1.5, tagged: 'x', either: 1 },
    ];
    for (const input of inputs)
      expect(outcome(schema.safeParse(input))).toBe(outcome(own.safeParse(input)));
  });

  it('keeps each check run apart when a refinement parses with the same schema again', () => {
    // The inner parse runs the same node's checks while the outer run is still going: the outer
    // value (trimmed) and its answer must survive it, whatever the inner parse decides.
    const code: z.ZodType<string> = z
      .string()
      .trim()
      .refine(
        (value) =>
          value.length >= 4 || (value.length > 0 && code.safeParse(`${value}${value}`).success),
      );
    const short = z.object({ code });
    const own = short.clone();
    withCompiledParse(short);
    withCompiledParse(code);
    for (const input of [
      { code: ' AB ' },
      { code: ' A' },
      { code: 'ABCD ' },
      { code: ' ' },
      { code: 7 },
    ]) {
      expect(outcome(short.safeParse(input))).toBe(outcome(own.safeParse(input)));
      expect(outcome(code.safeParse(input.code))).toBe(outcome(code.clone().safeParse(input.code)));
    }
    expect(short.parse({ code: ' AB ' })).toEqual({ code: 'AB' });
  });
});
