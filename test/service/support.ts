// Builds the service app in process against an in-memory store, with one token per persona, a
// clock the test moves, a recording engine, and a log captured in memory for redaction checks.
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { Server } from 'node:http';
import { holdIdleConnections } from '../../middleware/src/service/listener.js';
import {
  DEFAULT_BUSINESS_CALENDAR,
  DEFAULT_TRIAGE_RULES,
  triageReferral,
} from '../../middleware/src/core/triage/index.js';
import type { InboundReferral, InboundReferralInput } from '../../middleware/src/core/model.js';
import { recordInboundReferral } from '../../middleware/src/engine/referral-intake.js';
import { createPortalBinding, portalBinding } from '../../middleware/src/portals/registry.js';
import { createApp } from '../../middleware/src/service/app.js';
import { staticTokenRegistry, type Persona } from '../../middleware/src/service/auth.js';
import type {
  ServiceDeps,
  WebhookDelivery,
  WebhookOutcome,
} from '../../middleware/src/service/deps.js';
import { createServiceLogger } from '../../middleware/src/service/logging.js';
import { localOwnerDirectory } from '../../middleware/src/service/owner-directory.js';
import {
  mirrorRecordAccess,
  type RecordAccessChecker,
} from '../../middleware/src/service/record-access.js';
import type { Store } from '../../middleware/src/store/database.js';

/** One long random-looking token per persona, as `openssl rand -hex 32` would give. */
export const TOKENS: Record<Persona, string> = {
  ae: 'ae-3f9c1d7a5b2e48c09d6f1a3b7c5e9d2f4a6b8c0d',
  'alliance-ops': 'ops-8b2d4f6a1c3e5079b8d6f4a2c0e1d3f5b7a9c8e6',
  revops: 'revops-1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d',
  admin: 'admin-9f8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c6',
  'portal-webhook': 'relay-5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d',
};

/** The Salesforce user each persona's token acts for (admin and the relay act for nobody). */
export const USERS = {
  ae: '005Hs00000AEa01AAA',
  secondAe: '005Hs00000AEb02AAA',
  'alliance-ops': '005Hs00000OPs03AAA',
  revops: '005Hs00000REv04AAA',
} as const;

/** A second AE, for "one AE acts on another's record" cases. */
export const SECOND_AE_TOKEN = 'ae2-7d1c9e3b5a2f48e0b6c4d2a8f0e1c3b5d7a9e2f4';

export const WEBHOOK_SECRETS = {
  aws: [
    'whsec_aws_current_6f1e2d3c4b5a69788796a5b4c3d2e1f0',
    'whsec_aws_previous_0a1b2c3d4e5f60718293a4b5c6d7e8f9',
  ],
  microsoft: ['whsec_ms_current_1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e'],
  google: ['whsec_google_current_9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b'],
} as const;

export class TestClock {
  constructor(public now: Date) {}
  advance(ms: number): void {
    this.now = new Date(this.now.getTime() + ms);
  }
}

export class RecordingEngine {
  nudges = 0;
  deliveries: WebhookDelivery[] = [];
  /** What the next webhook deliveries return (or throw); a test sets it. */
  respond: (delivery: WebhookDelivery) => Promise<WebhookOutcome> = async () => ({
    outcome: 'created',
    referralId: '1',
  });
  nudge(): void {
    this.nudges += 1;
  }
  async handleWebhook(delivery: WebhookDelivery): Promise<WebhookOutcome> {
    this.deliveries.push(delivery);
    return this.respond(delivery);
  }
}

export interface Harness {
  url: string;
  app: import('express').Application;
  deps: ServiceDeps;
  clock: TestClock;
  engine: RecordingEngine;
  logLines: string[];
  close(): Promise<void>;
}

/** The ISV's co-sell solution, as a deployment configures it, so Microsoft submissions can be valid. */
const MICROSOFT_WITH_SOLUTION = createPortalBinding('microsoft', {
  microsoft: { solutionIds: ['SOL-TEST-0001'] },
});

/** A queue the local directory knows, for assignments. */
export const KNOWN_QUEUES = ['00GHs00000Qal01AAA'];

/** What a test fixes about the service: its clock, and optionally limits, readiness evidence and record access. */
export interface ServiceOptions {
  clock: TestClock;
  limits?: ServiceDeps['limits'];
  readiness?: Record<string, unknown>;
  recordAccess?: RecordAccessChecker;
}

export async function startService(store: Store, options: ServiceOptions): Promise<Harness> {
  const logLines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  const engine = new RecordingEngine();
  const deps: ServiceDeps = {
    db: store.db,
    clock: () => options.clock.now,
    portals: (portal) => (portal === 'microsoft' ? MICROSOFT_WITH_SOLUTION : portalBinding(portal)),
    engine,
    tokens: staticTokenRegistry([
      ...Object.entries(TOKENS).map(([persona, token]) => ({
        token,
        persona: persona as Persona,
        subject: `${persona}@northwind-isv.example`,
        userId: USERS[persona as keyof typeof USERS] ?? null,
      })),
      {
        token: SECOND_AE_TOKEN,
        persona: 'ae' as const,
        subject: 'second-ae@northwind-isv.example',
        userId: USERS.secondAe,
      },
    ]),
    recordAccess: options.recordAccess ?? mirrorRecordAccess(),
    owners: localOwnerDirectory(async () => [...Object.values(USERS), ...KNOWN_QUEUES]),
    webhookSecrets: WEBHOOK_SECRETS,
    logger: createServiceLogger({ level: 'info', destination }),
    readinessEvidence: async (cloud) => options.readiness?.[cloud] ?? null,
    reporting: { currency: 'USD', rates: { EUR: 1.08, GBP: 1.27 } },
    metrics: {
      portalErrors: () => [{ portal: 'aws', kind: 'throttled', count: 3 }],
      salesforceApiUsage: () => ({ used: 1_250, max: 100_000 }),
    },
    ...(options.limits ? { limits: options.limits } : {}),
  };
  const app = createApp(deps);
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  holdIdleConnections(server);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    deps,
    clock: options.clock,
    engine,
    logLines,
    close: () =>
      new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      ),
  };
}

export interface CallOptions {
  token?: Persona | string | null;
  body?: unknown;
  /** Sent as is (malformed JSON, other content types). */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are checked with expect(), not by the compiler
  json: any;
}

export async function call(
  harness: Pick<Harness, 'url'>,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<CallResult> {
  const headers: Record<string, string> = { ...options.headers };
  const token = options.token === undefined ? 'admin' : options.token;
  if (token !== null)
    headers.authorization = `Bearer ${token in TOKENS ? TOKENS[token as Persona] : token}`;
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${harness.url}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body } : {}),
  });
  const text = await response.text();
  let json: unknown = undefined;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

const triage = (referral: InboundReferral) =>
  triageReferral(referral, DEFAULT_TRIAGE_RULES, DEFAULT_BUSINESS_CALENDAR);

/** A Google PDM referral for a data-platform deal, bent per test. */
export function pdmReferral(overrides: Partial<InboundReferralInput> = {}): InboundReferralInput {
  return {
    cloud: 'Google',
    portalId: 'partners/C01abc/opportunities/ctsq-7781',
    receivedAt: '2026-11-23T10:15:00.000Z',
    customerName: 'Contoso Logistics',
    customerDomain: 'contoso-logistics.com',
    customerCountry: 'DE',
    title: 'BigQuery data platform for shipment tracking',
    description:
      'Contoso Logistics wants to move shipment telemetry from an on-premises Hadoop cluster to BigQuery with a partner-built ingestion layer.',
    estimatedValue: { amount: 180_000, currencyIsoCode: 'EUR' },
    tenancyArchetype: 'ISV-hosted SaaS',
    referrer: {
      name: 'Lena Fischer',
      email: 'lena.fischer@google.com',
      title: 'Partner Development Manager',
    },
    ...overrides,
  };
}

export async function storeReferral(
  store: Store,
  referral: InboundReferralInput,
  now: Date,
): Promise<string> {
  const result = await recordInboundReferral(store.db, { referral, version: 'v1' }, triage, now);
  if (result.outcome === 'duplicate') throw new Error('fixture referral stored twice');
  return result.referralId;
}

/** Row counts of every table a request could write. */
export async function tableCounts(store: Store): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of [
    'opportunities',
    'engagements',
    'referrals',
    'outbox',
    'audit_log',
    'idempotency_keys',
  ] as const) {
    const row = await store.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}
