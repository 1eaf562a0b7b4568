// The standing fuzz suite: property-based inputs drawn from the zod request schemas and thrown at the
// request parsing, the three portals' webhook and inbound parsers, and the running API. No input may
// throw out of a parser, answer 500, or change anything when it is refused. scripts/fuzz/run.ts runs
// the same inputs 100,000 times against a started service.
import { jest, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { recordOpportunity } from '../../middleware/src/engine/intake.js';
import { aceOpportunityEvent } from '../../middleware/src/engine/portal-events.js';
import {
  parseGoogleOpportunity,
  parseGooglePushReferral,
  parseOpportunityPush,
} from '../../middleware/src/portals/google/inbound.js';
import { parseIncomingReferral } from '../../middleware/src/portals/microsoft/inbound.js';
import {
  referralIdFromWebhook,
  webhookRules,
} from '../../middleware/src/portals/microsoft/rules.js';
import { DOMAIN_ROUTES } from '../../middleware/src/service/app.js';
import { parseStrictly } from '../../middleware/src/service/strict-parse.js';
import { fuzzRequest, hostileJson, urlOf } from '../../scripts/fuzz/inputs.js';
import { northwindDataPlatform } from '../portals/mapping/opportunity-fixture.js';
import { pdmReferral, storeReferral, tableCounts, TestClock, TOKENS, USERS } from './support.js';
import { service, store, useServiceOnStore } from './service-on-store.js';

jest.setTimeout(60_000);

const NOW = new Date('2026-11-26T09:00:00.000Z');

function parsedOrRaw(body: string | undefined): unknown {
  if (body === undefined) return {};
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

describe('fuzz: request schemas', () => {
  it('parse any input drawn from the schemas to a result, never an exception', () => {
    fc.assert(
      fc.property(fuzzRequest(DOMAIN_ROUTES), (request) => {
        const { route } = request;
        const input = parsedOrRaw(request.body);
        if (route.body) {
          const result = route.parseBody
            ? route.parseBody(input)
            : parseStrictly(route.body, input);
          expect(typeof result.success).toBe('boolean');
        }
        if (route.query)
          expect(typeof parseStrictly(route.query, request.query).success).toBe('boolean');
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('fuzz: portal webhook and inbound parsers', () => {
  const object = fc.oneof(
    hostileJson,
    fc.record(
      {
        'detail-type': fc.constantFrom(
          'Opportunity Created',
          'Opportunity Updated',
          'Engagement Invitation Created',
        ),
        id: hostileJson,
        detail: fc.record(
          { opportunity: fc.record({ identifier: hostileJson }) },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: [] },
    ),
  );
  const parsers: Array<[string, (value: unknown) => unknown]> = [
    ['AWS EventBridge event', (value) => aceOpportunityEvent(value)],
    ['Microsoft referral', (value) => parseIncomingReferral(value)],
    ['Microsoft webhook rules', (value) => webhookRules(value)],
    [
      'Microsoft webhook resource',
      (value) =>
        value !== null && typeof value === 'object'
          ? referralIdFromWebhook(value as { ResourceUri?: unknown })
          : null,
    ],
    ['Google push', (value) => parseOpportunityPush(value)],
    ['Google opportunity', (value) => parseGoogleOpportunity(value)],
    ['Google push referral', (value) => parseGooglePushReferral(value, value)],
  ];

  it.each(parsers)(
    '%s: any JSON gives an answer (a reading or findings), never an exception',
    (_name, parse) => {
      fc.assert(
        fc.property(object, (value) => {
          expect(() => parse(value)).not.toThrow();
        }),
        { numRuns: 600 },
      );
    },
  );
});

describe('fuzz: the running API', () => {
  useServiceOnStore(
    {
      clock: new TestClock(NOW),
      limits: { rateLimit: { windowMs: 60_000, max: 100_000, anonymousMax: 100_000 } },
    },
    { keepState: true },
  );
  beforeAll(async () => {
    await recordOpportunity(store.db, { ...northwindDataPlatform(), ownerId: USERS.ae }, NOW);
    await storeReferral(store, pdmReferral(), NOW);
  }, 60_000);

  it('answers every drawn request below 500, and a refused one changes nothing', async () => {
    const tokens = fc.constantFrom(
      TOKENS.admin,
      TOKENS.ae,
      TOKENS['alliance-ops'],
      TOKENS.revops,
      TOKENS['portal-webhook'],
      'not-a-token',
    );
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fuzzRequest(DOMAIN_ROUTES), tokens, async (request, token) => {
        const before = await tableCounts(store);
        const response = await fetch(urlOf(service.url, request), {
          method: request.method,
          headers: { authorization: `Bearer ${token}`, 'content-type': request.contentType },
          ...(request.body !== undefined && request.method === 'POST'
            ? { body: request.body }
            : {}),
        });
        const text = await response.text();
        expect({
          status: response.status < 500 ? 'below 500' : response.status,
          text: response.status < 500 ? '' : text,
        }).toEqual({ status: 'below 500', text: '' });
        if (response.status >= 400) {
          refused += 1;
          expect(await tableCounts(store)).toEqual(before);
        }
      }),
      { numRuns: 300 },
    );
    expect(refused).toBeGreaterThan(100);
    expect(service.logLines.join('')).not.toContain('unhandled error');
  });
});
