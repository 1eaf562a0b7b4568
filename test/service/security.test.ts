import { jest, describe, expect, it } from '@jest/globals';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PERSONAS, type Persona } from '../../middleware/src/service/auth.js';
import { DOMAIN_ROUTES } from '../../middleware/src/service/app.js';
import { type Store } from '../../middleware/src/store/database.js';
import type { Database } from '../../middleware/src/store/schema.js';
import { call, startService, TestClock, TOKENS, type Harness } from './support.js';
import { service, useServiceOnStore } from './service-on-store.js';

// Requests run against a real (in-memory) PostgreSQL on a shared machine: allow for a slow CPU.
jest.setTimeout(30_000);

const PROBES = ['GET /healthz', 'GET /readyz'];

/** Every route express serves, as `METHOD /path`, read from the app's router. */
function registeredRoutes(app: Harness['app']): Array<{ method: string; path: string }> {
  const stack = (
    app as unknown as {
      router: { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> };
    }
  ).router.stack;
  return stack.flatMap((layer) =>
    layer.route
      ? Object.keys(layer.route.methods)
          .filter((m) => m !== '_all')
          .map((method) => ({ method: method.toUpperCase(), path: layer.route!.path }))
      : [],
  );
}

/** A concrete URL for an express path: ids that parse, so only auth can refuse the call. */
function concrete(path: string): string {
  return path.replace(':id', path.includes('/opportunities/') ? '006Hs00001Nwh01AAA' : '1');
}

describe('service security', () => {
  useServiceOnStore({
    clock: new TestClock(new Date('2026-11-26T09:00:00.000Z')),
  });

  it('requires a valid bearer token on every registered route except the two probes', async () => {
    const routes = registeredRoutes(service.app);
    // The domain routes plus the probes, /metrics and the OpenAPI document.
    expect(routes).toHaveLength(DOMAIN_ROUTES.length + 4);
    const open: string[] = [];
    for (const { method, path } of routes) {
      const missing = await call(service, method, concrete(path), { token: null });
      const invalid = await call(service, method, concrete(path), {
        token: 'not-a-real-token-but-long-enough-to-look-like-one',
      });
      if (missing.status !== 401 || invalid.status !== 401)
        open.push(`${method} ${path} → ${missing.status}/${invalid.status}`);
      else {
        expect(missing.headers.get('content-type')).toContain('application/problem+json');
        expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="cosell"');
        expect(invalid.headers.get('www-authenticate')).toContain('invalid_token');
      }
    }
    expect(open.sort()).toEqual(PROBES.map((probe) => `${probe} → 200/200`).sort());
  });

  it('documents every registered route in the OpenAPI document, with its personas', async () => {
    const { status, json: document } = await call(service, 'GET', '/api/openapi.json', {
      token: 'ae',
    });
    expect(status).toBe(200);
    expect(document.openapi).toBe('3.1.0');
    const undocumented = registeredRoutes(service.app).filter(({ method, path }) => {
      const documented =
        document.paths[path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')]?.[method.toLowerCase()];
      return !documented || !documented.responses || !documented.operationId;
    });
    expect(undocumented).toEqual([]);
    for (const [path, operations] of Object.entries(
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the document is checked with expect(), not by the compiler
      document.paths as Record<string, Record<string, any>>,
    )) {
      for (const operation of Object.values(operations)) {
        const isProbe = path === '/healthz' || path === '/readyz';
        expect(operation.security).toEqual(isProbe ? [] : [{ bearerAuth: [] }]);
        if (!isProbe) expect(operation.responses['401']).toBeDefined();
      }
    }
    // Request schemas come from zod: the submit body names its one field and refuses others.
    const submit = document.paths['/api/v1/opportunities/{id}/submit'].post;
    expect(submit.requestBody.content['application/json'].schema).toMatchObject({
      type: 'object',
      required: ['cloud'],
      additionalProperties: false,
    });
    expect(submit.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual(
      ['path:id', 'header:Idempotency-Key'],
    );
  });

  it('refuses each persona a route does not list with 403, and lets the listed ones through', async () => {
    for (const route of DOMAIN_ROUTES) {
      for (const persona of PERSONAS) {
        const response = await call(service, route.method.toUpperCase(), concrete(route.path), {
          token: persona,
        });
        if (route.scopes.includes(persona))
          expect([route.path, persona, response.status]).not.toEqual([route.path, persona, 403]);
        else {
          expect([route.path, persona, response.status]).toEqual([route.path, persona, 403]);
          expect(response.json.detail).toContain(`persona "${persona}"`);
        }
      }
    }
  });

  it('keeps replays of dead letters to admins and webhooks to relays (least privilege)', () => {
    const scopesOf = (operationId: string) =>
      DOMAIN_ROUTES.find((route) => route.operationId === operationId)!.scopes;
    expect(scopesOf('replaySyncJob')).toEqual(['admin']);
    expect(scopesOf('awsWebhook')).toEqual(['portal-webhook', 'admin']);
    for (const route of DOMAIN_ROUTES.filter((r) => !r.operationId.endsWith('Webhook')))
      expect(route.scopes).not.toContain('portal-webhook');
  });

  it('serves the probes without a token: /readyz checks the store', async () => {
    expect((await call(service, 'GET', '/healthz', { token: null })).json).toEqual({
      status: 'ok',
    });
    expect((await call(service, 'GET', '/readyz', { token: null })).json).toEqual({
      status: 'ready',
    });
  });

  it('answers 503 on /readyz when the store is gone', async () => {
    // A PostgreSQL server that is not there: nothing listens on port 1.
    const pool = new pg.Pool({
      connectionString: 'postgres://cosell@127.0.0.1:1/cosell',
      connectionTimeoutMillis: 500,
    });
    const unreachable = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const lost: Store = { db: unreachable, kind: 'postgres', close: () => unreachable.destroy() };
    const probe = await startService(lost, {
      clock: new TestClock(new Date('2026-11-26T09:00:00.000Z')),
    });
    try {
      const response = await call(probe, 'GET', '/readyz', { token: null });
      expect(response.status).toBe(503);
      expect(response.json).toMatchObject({ status: 503, type: 'urn:cosell:problem:unavailable' });
    } finally {
      await probe.close();
      await lost.close();
    }
  });

  it('refuses malformed JSON, non-JSON bodies and oversized bodies before any handler runs', async () => {
    const malformed = await call(service, 'POST', '/api/v1/payloads/validate', {
      rawBody: '{"portal": "aws", ',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.json).toMatchObject({
      type: 'urn:cosell:problem:bad-request',
      errors: [{ field: 'body', code: 'invalid_json' }],
    });
    const text = await call(service, 'POST', '/api/v1/payloads/validate', {
      rawBody: 'portal=aws',
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.status).toBe(415);
    const scalar = await call(service, 'POST', '/api/v1/payloads/validate', {
      rawBody: '"aws"',
      headers: { 'content-type': 'application/json' },
    });
    expect(scalar.status).toBe(400);
    const huge = await call(service, 'POST', '/api/v1/payloads/validate', {
      body: { portal: 'aws', payload: { Project: { Title: 'x'.repeat(300_000) } } },
    });
    expect(huge.status).toBe(413);
    expect(huge.headers.get('content-type')).toContain('application/problem+json');
  });

  it('answers unknown paths with a 404 problem and unknown query parameters with a 400 naming them', async () => {
    expect((await call(service, 'GET', '/api/v1/nowhere')).json).toMatchObject({
      status: 404,
      type: 'urn:cosell:problem:not-found',
    });
    const extra = await call(service, 'GET', '/api/v1/sync/status?verbose=true');
    expect(extra.status).toBe(400);
    expect(extra.json.errors).toEqual([
      { field: 'query.verbose', message: 'unknown field "verbose"', code: 'unknown_field' },
    ]);
  });

  it('never writes a bearer token or a webhook signature into the log', async () => {
    await call(service, 'GET', '/api/v1/referrals', { token: 'alliance-ops' });
    await call(service, 'GET', '/api/v1/referrals', {
      token: 'wrong-token-that-is-long-enough-to-be-considered-0001',
    });
    service.deps.logger.info(
      {
        headers: { authorization: `Bearer ${TOKENS.admin}`, 'cosell-signature': 't=1,v1=abc' },
        secrets: ['whsec_x'],
      },
      'diagnostic',
    );
    const log = service.logLines.join('');
    expect(log).toContain('"subject":"alliance-ops@northwind-isv.example"');
    expect(log).toContain('[Redacted]');
    for (const secret of [
      ...Object.values(TOKENS),
      'wrong-token-that-is-long-enough',
      'whsec_x',
      't=1,v1=abc',
    ])
      expect(log).not.toContain(secret);
  });

  it('rejects short tokens and unknown personas when the registry is built', async () => {
    const { staticTokenRegistry } = await import('../../middleware/src/service/auth.js');
    expect(() =>
      staticTokenRegistry([{ token: 'short', subject: 'ops', persona: 'admin' }]),
    ).toThrow(/too short/);
    expect(() =>
      staticTokenRegistry([{ token: 'x'.repeat(40), subject: 'ops', persona: 'root' as Persona }]),
    ).toThrow(/unknown persona "root"/);
  });
});

describe('rate limiting', () => {
  useServiceOnStore(
    {
      clock: new TestClock(new Date('2026-11-26T09:00:00.000Z')),
      limits: { rateLimit: { windowMs: 60_000, max: 3, anonymousMax: 4 } },
    },
    { keepState: true },
  );

  it('answers 429 as a problem once a client exceeds its budget, and never limits the probes', async () => {
    const statuses = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await call(service, 'GET', '/api/v1/sync/status')).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const limited = await call(service, 'GET', '/api/v1/sync/status');
    expect(limited.json).toMatchObject({ type: 'urn:cosell:problem:rate-limited', status: 429 });
    expect(limited.headers.get('retry-after')).toBe('60');
    expect((await call(service, 'GET', '/healthz', { token: null })).status).toBe(200);
  });

  it('counts each token on its own and anonymous requests on a small budget of their own', async () => {
    const anonymous = [];
    for (let i = 0; i < 6; i++)
      anonymous.push((await call(service, 'GET', '/api/v1/sync/status', { token: null })).status);
    expect(anonymous).toEqual([401, 401, 401, 401, 429, 429]);
    // Neither the anonymous flood nor the admin's spent budget touches another caller.
    expect((await call(service, 'GET', '/api/v1/referrals', { token: 'revops' })).status).toBe(200);
    expect(
      (await call(service, 'GET', '/api/v1/referrals', { token: 'alliance-ops' })).status,
    ).toBe(200);
  });
});
