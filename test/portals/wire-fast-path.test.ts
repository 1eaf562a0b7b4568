// The Microsoft and Google wire fast paths skip zod for payloads they call valid, so they must never
// call valid what zod rejects; and they must clear the realistic valid payloads, or they buy nothing.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { z } from 'zod';
import {
  GOOGLE_OPERATIONS,
  googleWireFormat,
} from '../../middleware/src/portals/google/wire-format.js';
import { compileFastCheck } from '../../middleware/src/portals/wire-fast-path.js';
import { schemaFindings } from '../../middleware/src/portals/findings.js';
import {
  failingParts,
  narrowedSchemaFindings,
} from '../../middleware/src/portals/wire-narrowing.js';
import {
  MICROSOFT_OPERATIONS,
  microsoftWireFormat,
} from '../../middleware/src/portals/microsoft/wire-format.js';
import type { PortalName, PortalWireFormat } from '../../middleware/src/portals/portal.js';
import { portalBinding } from '../../middleware/src/portals/registry.js';
import type { RuledOperation } from '../../middleware/src/portals/ruled-wire-format.js';
import { googleCreatedOpportunity, submissionBody } from './google/support/fixtures.js';
import { coSellCreateBody, incomingPdmReferral } from './microsoft/support/fixtures.js';
import { NOW, northwindDataPlatform } from './mapping/opportunity-fixture.js';

type Step = string | number;
type Json = Record<string | number, unknown>;

/** Every path inside a payload (objects and arrays, leaves included), so a mutation can land anywhere. */
function pathsOf(value: unknown, prefix: Step[] = []): Step[][] {
  if (value === null || typeof value !== 'object') return [];
  const entries: Array<[Step, unknown]> = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, [...prefix, key])]);
}

type Mutation =
  | { kind: 'set'; value: unknown }
  | { kind: 'delete' }
  | { kind: 'addKey'; key: string; value: unknown };

function mutate(payload: unknown, path: Step[], mutation: Mutation): unknown {
  const copy = structuredClone(payload) as Json;
  let node: Json = copy;
  for (const step of path.slice(0, -1)) node = node[step] as Json;
  const last = path[path.length - 1] as Step;
  if (mutation.kind === 'set') node[last] = mutation.value;
  else if (mutation.kind === 'delete') delete node[last];
  else {
    const target = node[last];
    if (target !== null && typeof target === 'object' && !Array.isArray(target))
      (target as Json)[mutation.key] = mutation.value;
    else node[last] = { [mutation.key]: mutation.value };
  }
  return copy;
}

/** Values near the valid ones (wrong case, wrong type, empty, fractional, out of range) and arbitrary JSON. */
const value = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    '',
    ' ',
    'us',
    'USD1',
    'GB',
    'Shared',
    'DRAFT',
    'CLOSED',
    '2026-13-40',
    '2026-12-18T00:00:00Z',
    'not-an-email',
    'a@b.co',
    -1,
    0,
    1.5,
    1e21,
    null,
    true,
    [],
    {},
  ),
  fc.constant(undefined),
  fc.constant(Number.NaN),
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  value.map((v): Mutation => ({ kind: 'set', value: v })),
  fc.constant<Mutation>({ kind: 'delete' }),
  fc
    .tuple(
      fc.constantFrom(
        'Notes',
        'currencyCode',
        'units',
        'nanos',
        'e164Number',
        'shortCode',
        'year',
        'country',
        'id',
      ),
      value,
    )
    .map(([key, v]): Mutation => ({ kind: 'addKey', key, value: v })),
);

function mappedPayload(portal: PortalName): unknown {
  const binding = portalBinding(portal);
  return binding.mapper.toWire(northwindDataPlatform(), { now: NOW }).payload;
}

const cases: Array<{ label: string; schema: z.ZodType; valid: () => unknown }> = [
  {
    label: 'Microsoft create (co-sell body)',
    schema: MICROSOFT_OPERATIONS.create!.schema,
    valid: coSellCreateBody,
  },
  {
    label: 'Microsoft create (mapped from the Northwind opportunity)',
    schema: MICROSOFT_OPERATIONS.create!.schema,
    valid: () => mappedPayload('microsoft'),
  },
  {
    label: 'Microsoft get (PDM referral read back)',
    schema: MICROSOFT_OPERATIONS.get!.schema,
    valid: incomingPdmReferral,
  },
  {
    label: 'Google create (submission)',
    schema: GOOGLE_OPERATIONS.create!.schema,
    valid: submissionBody,
  },
  {
    label: 'Google create (mapped from the Northwind opportunity)',
    schema: GOOGLE_OPERATIONS.create!.schema,
    valid: () => mappedPayload('google'),
  },
  {
    label: 'Google get (created by Google)',
    schema: GOOGLE_OPERATIONS.get!.schema,
    valid: googleCreatedOpportunity,
  },
];

describe.each(cases)('$label fast path', ({ schema, valid }) => {
  const check = compileFastCheck(schema);
  const payload = valid();

  it('clears the realistic valid payload (which zod accepts too)', () => {
    expect(schema.safeParse(payload).success).toBe(true);
    expect(check(payload)).toBe(true);
  });

  it('never accepts a payload zod rejects (property: any mutation at any path)', () => {
    const paths = pathsOf(payload);
    fc.assert(
      fc.property(fc.constantFrom(...paths), mutation, (path, change) => {
        const mutated = mutate(payload, path, change);
        return !check(mutated) || schema.safeParse(mutated).success;
      }),
      { numRuns: 600 },
    );
  });

  it('agrees with zod on every single-member deletion (required members are caught)', () => {
    for (const path of pathsOf(payload)) {
      const mutated = mutate(payload, path, { kind: 'delete' });
      const zodAccepts = schema.safeParse(mutated).success;
      expect({ path, fastAccepts: check(mutated) }).toEqual({ path, fastAccepts: zodAccepts });
    }
  });
});

describe.each(cases)('$label narrowed findings', ({ schema, valid }) => {
  const payload = valid();
  const context = { cloud: 'Google', codePrefix: 'TEST', basePath: ['body'] } as const;

  it('are exactly the findings of zod on the whole payload (property: any mutation at any path)', () => {
    const paths = pathsOf(payload);
    fc.assert(
      fc.property(fc.constantFrom(...paths), mutation, (path, change) => {
        const mutated = mutate(payload, path, change);
        expect(narrowedSchemaFindings(schema, mutated, context)).toEqual(
          schemaFindings(schema, mutated, context),
        );
      }),
      { numRuns: 400 },
    );
  });

  it("are exactly zod's findings with two members broken at once", () => {
    const paths = pathsOf(payload);
    fc.assert(
      fc.property(
        fc.constantFrom(...paths),
        fc.nat(),
        mutation,
        mutation,
        (first, pick, one, two) => {
          const once = mutate(payload, first, one);
          const second = pathsOf(once)[pick % Math.max(1, pathsOf(once).length)];
          const mutated = second ? mutate(once, second, two) : once;
          expect(narrowedSchemaFindings(schema, mutated, context)).toEqual(
            schemaFindings(schema, mutated, context),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('hands zod only the broken member, at its path, when one deep member is wrong', () => {
    const broken = pathsOf(payload)
      .filter((path) => path.length >= 2)
      .map((path) => mutate(payload, path, { kind: 'set', value: Symbol('not JSON') }))
      .find((candidate) => !schema.safeParse(candidate).success);
    const parts = failingParts(schema, broken);
    expect(parts.length).toBeGreaterThan(0);
    for (const part of parts) expect(part.path.length).toBeGreaterThan(0);
    expect(narrowedSchemaFindings(schema, broken, context).length).toBeGreaterThan(0);
  });

  it('finds nothing in the valid payload', () => {
    expect(failingParts(schema, payload)).toEqual([]);
    expect(narrowedSchemaFindings(schema, payload, context)).toEqual([]);
  });
});

describe('compileFastCheck on schema features', () => {
  it('narrows past strict objects, arrays and wrappers, but leaves a refined object or one with unknown keys to zod whole', () => {
    const schema = z.strictObject({
      name: z.string().min(1),
      seats: z.array(z.strictObject({ id: z.int() })),
      window: z
        .looseObject({ from: z.int(), to: z.int() })
        .refine((w) => w.from <= w.to, 'from before to')
        .optional(),
      owner: z.strictObject({ email: z.email() }).nullable(),
    });
    const valid = {
      name: 'Northwind Traders',
      seats: [{ id: 1 }, { id: 2 }],
      window: { from: 1, to: 3 },
      owner: { email: 'amelia@northwind.example' },
    };
    expect(failingParts(schema, valid)).toEqual([]);
    const paths = (value: unknown) => failingParts(schema, value).map((part) => part.path);
    expect(
      paths({ ...valid, seats: [{ id: 1 }, { id: 1.5 }], owner: { email: 'amelia' } }),
    ).toEqual([
      ['seats', 1, 'id'],
      ['owner', 'email'],
    ]);
    expect(paths({ ...valid, window: { from: 3, to: 'x' } })).toEqual([['window']]);
    expect(paths({ ...valid, extra: true })).toEqual([[]]);
    const context = { cloud: 'AWS', codePrefix: 'TEST' } as const;
    const broken = { ...valid, name: '', seats: [{ id: 'one', more: 1 }], owner: undefined };
    expect(narrowedSchemaFindings(schema, broken, context)).toEqual(
      schemaFindings(schema, broken, context),
    );
  });

  it('rejects what each zod rule rejects: unknown keys of a strict object, absent members, fractions for int, refinements', () => {
    const schema = z.strictObject({
      name: z.string().min(1),
      seats: z.int().nonnegative(),
      email: z.email().nullish(),
      window: z
        .looseObject({ from: z.int(), to: z.int() })
        .refine((w) => w.from <= w.to, 'from before to'),
    });
    const check = compileFastCheck(schema);
    const valid = {
      name: 'Northwind Traders',
      seats: 40,
      email: 'amelia.okafor@northwindtraders.co.uk',
      window: { from: 1, to: 3, note: 'kept' },
    };
    expect(check(valid)).toBe(true);
    expect(check({ ...valid, extra: 1 })).toBe(false);
    expect(check({ ...valid, name: '' })).toBe(false);
    expect(check({ ...valid, seats: 1.5 })).toBe(false);
    expect(check({ ...valid, email: 'amelia' })).toBe(false);
    expect(check({ ...valid, window: { from: 3, to: 1 } })).toBe(false);
    const { seats: _seats, ...withoutSeats } = valid;
    expect(check(withoutSeats)).toBe(false);
    expect(check({ ...valid, email: undefined })).toBe(true);
  });

  it('answers "ask zod" for a schema it does not mirror (a lazy schema), never "valid"', () => {
    const check = compileFastCheck(z.lazy(() => z.string()));
    expect(check('anything')).toBe(false);
  });
});

describe.each<[string, PortalWireFormat, PortalName]>([
  ['microsoft', microsoftWireFormat, 'microsoft'],
  ['google', googleWireFormat, 'google'],
])('%s wire format with the fast path', (_label, wireFormat, portal) => {
  it('reports the schema findings of an invalid mapped payload exactly as before (zod still answers for it)', () => {
    const payload = mappedPayload(portal) as Json;
    const broken = { ...payload, type: 'Referral', state: 'ACCEPTED' };
    const schema = wireFormat.operations.create!.schema;
    const findings = wireFormat.validate('create', broken);
    const schemaPaths = schema.safeParse(broken, { reportInput: true }).error?.issues.length ?? 0;
    expect(schemaPaths).toBeGreaterThan(0);
    expect(findings.filter((f) => f.code.includes('_WIRE_')).length).toBe(schemaPaths);
  });
});

describe.each<[string, PortalWireFormat, Record<string, RuledOperation>, string]>([
  ['microsoft', microsoftWireFormat, MICROSOFT_OPERATIONS, 'MICROSOFT'],
  ['google', googleWireFormat, GOOGLE_OPERATIONS, 'GOOGLE'],
])('%s validate against the whole zod parse', (portal, wireFormat, operations, codePrefix) => {
  const context = { cloud: wireFormat.cloud, codePrefix };
  /** What validate gave before any fast path: zod's findings on the whole payload, then the rules'. */
  const reference = (operation: string, payload: unknown) => {
    const op = operations[operation]!;
    return [...schemaFindings(op.schema, payload, context), ...op.rules(payload)];
  };

  it('gives exactly the findings of zod on the whole payload plus the rules (property: any mutation of a mapped create)', () => {
    const payload = mappedPayload(portal as PortalName);
    expect(wireFormat.validate('create', payload)).toEqual(reference('create', payload));
    const paths = pathsOf(payload);
    fc.assert(
      fc.property(
        fc.constantFrom(...paths),
        mutation,
        mutation,
        fc.nat(),
        (path, one, two, pick) => {
          const once = mutate(payload, path, one);
          const second =
            pick % 2 === 0 ? undefined : pathsOf(once)[pick % Math.max(1, pathsOf(once).length)];
          const mutated = second ? mutate(once, second, two) : once;
          expect(wireFormat.validate('create', mutated)).toEqual(reference('create', mutated));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('agrees with the whole parse for every operation on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(operations)), value, (operation, body) => {
        expect(wireFormat.validate(operation, body)).toEqual(reference(operation, body));
      }),
      { numRuns: 300 },
    );
  });
});
