// The local org's REST surface (node:http): the OAuth token endpoint, userinfo and the identity URL
// (identity-routes.ts), then the versioned data API (data-routes.ts), with Salesforce's response and
// error shapes, the Sforce-Limit-Info header, fault injection (org-faults.ts) and a count of API calls
// (call-kinds.ts). With a schema (force-app) it checks every write and read against it and against
// the caller's permission sets (record-writes.ts). This file authenticates, keeps the org's state,
// and is the host every route module works through (route-host.ts).
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody, RestFaultPlan } from '../rest-emulator-kit.js';
import { BulkJobs } from './bulk.js';
import { BulkQueryJobs } from './bulk-query.js';
import { callKindOf } from './call-kinds.js';
import { CorsAllowlist } from './cors.js';
import { routeDataCall } from './data-routes.js';
import {
  identity as identityAnswer,
  resources,
  token,
  userinfo,
  versions,
} from './identity-routes.js';
import { OrgLimitCounters } from './limits.js';
import { FAULT_ANSWERS, ScriptedFaults } from './org-faults.js';
import { InMemoryOrg, newTransactionKey, type SRecord, type WriteContext } from './org.js';
import { ORGANIZATION_RECORD, orgUserOf, startingUsers, userRecordOf } from './org-users.js';
import type { OrgUser } from './permissions.js';
import { writeRecord, type WriteMode, type WriteOutcome } from './record-writes.js';
import type { Cursor, RouteHost } from './route-host.js';
import {
  LOCAL_ORG_ID,
  type CallKind,
  type Fault,
  type OrgUserSeed,
  type SalesforceTestServerOptions,
} from './server-options.js';
import type { QueryScope } from './soql.js';
import { staticResourceName } from './static-resources.js';
import { ChangeEventStream } from './streaming.js';

export {
  LOCAL_ORG_ID,
  type CallKind,
  type Fault,
  type FaultKind,
  type OrgUserSeed,
  type SalesforceTestServerOptions,
} from './server-options.js';

const JSON_TYPE = 'application/json;charset=UTF-8';

export class SalesforceTestServer implements RouteHost {
  readonly org: InMemoryOrg;
  readonly bulk = new BulkJobs();
  readonly bulkQueries = new BulkQueryJobs();
  /** Rows per Bulk API 2.0 result page when the client names no maxRecords (Salesforce picks its own). */
  bulkQueryPageSize = 50_000;
  /** API calls by kind (the token call does not count against the org's allocation, but is counted here). */
  readonly calls: Record<CallKind, number> = {
    token: 0,
    query: 0,
    queryMore: 0,
    sobject: 0,
    composite: 0,
    limits: 0,
    bulk: 0,
    other: 0,
  };
  /** Every request: method, path and kind, in order. */
  readonly log: Array<{ method: string; path: string; kind: CallKind; status: number }> = [];
  /** Record counts of each sObject Collections request, in order. */
  readonly collectionSizes: number[] = [];
  /** The allOrNone flag each sObject Collections request carried. */
  readonly collectionAllOrNone: unknown[] = [];
  private readonly faults = new ScriptedFaults();
  /**
   * Seeded faults, armed like the portal emulators' (`faultPlan.add({kind, rate, operations})`), on
   * operations named `<METHOD> <kind>` (`PATCH composite`, `GET query`): `throttle` answers
   * REQUEST_LIMIT_EXCEEDED, `conflict` (writes only) UNABLE_TO_LOCK_ROW, `5xx` SERVER_UNAVAILABLE,
   * `slow` delays the answer and `timeout` holds the call and drops the connection.
   */
  readonly faultPlan: RestFaultPlan;
  private readonly lockedRecords: Array<{
    matches: (record: Record<string, unknown>) => boolean;
    remaining: number;
  }> = [];
  /** Access token → user Id. */
  private readonly tokens = new Map<string, string>();
  /** User Id → who they are for security decisions. */
  readonly users = new Map<string, OrgUser>();
  readonly cursors = new Map<string, Cursor>();
  readonly clock: () => Date;
  /** Rows per query page. */
  readonly pageSize: number;
  private readonly apiLimit: number;
  readonly apiVersion: string;
  /** Change Data Capture over CometD at /cometd/<version>. */
  readonly streaming: ChangeEventStream;
  /** Origins allowed to call the API from a browser (Setup > CORS). */
  readonly cors = new CorsAllowlist();
  private apiUsed = 0;
  /** The bulk counters `/limits` reports beside the API calls. */
  readonly limits = new OrgLimitCounters();
  private server: Server | null = null;
  url = '';

  constructor(readonly options: SalesforceTestServerOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.org = new InMemoryOrg(this.clock);
    this.pageSize = options.pageSize ?? 2000;
    this.apiLimit = options.apiLimit ?? 15_000;
    this.apiVersion = options.apiVersion ?? '63.0';
    this.streaming = new ChangeEventStream({
      ...options.streaming,
      authorize: (token) => this.tokens.has(token),
      apiVersion: this.apiVersion,
      clock: this.clock,
    });
    this.org.onChange((change) => this.streaming.publish(change));
    this.faultPlan = new RestFaultPlan(
      options.faultSeed ?? 1,
      (operation) => !operation.startsWith('GET '),
    );
    this.seedOrg();
  }

  private seedOrg(): void {
    this.org.seed('Organization', ORGANIZATION_RECORD);
    for (const seed of startingUsers(this.options)) this.addUser(seed);
  }

  /** Creates an active user with a profile and permission sets. */
  addUser(seed: OrgUserSeed): SRecord {
    const record = this.org.seed('User', userRecordOf(seed));
    this.users.set(record.Id, orgUserOf(record.Id, seed));
    return record;
  }

  userByName(username: string): OrgUser | undefined {
    return [...this.users.values()].find((user) => user.Username === username);
  }

  /** An access token for the user, as a login would issue (`00D…!…`, the shape clients check). */
  issueToken(userId: string): string {
    const accessToken = `${LOCAL_ORG_ID.slice(0, 15)}!${randomBytes(24).toString('base64url')}`;
    this.tokens.set(accessToken, userId);
    return accessToken;
  }

  /** Listens on `port` (0: any free one) and returns the org's bare origin. */
  async start(port = this.options.port ?? 0, host = '127.0.0.1'): Promise<string> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        this.send(res, 500, [
          {
            errorCode: 'UNKNOWN_EXCEPTION',
            message: error instanceof Error ? error.message : String(error),
          },
        ]);
      });
    });
    // Idle connections outlive every client's pool (undici drops its own after about 4 s): with
    // Node's 5 s default, a busy client could send on a socket the org was closing that instant.
    this.server.keepAliveTimeout = 65_000;
    this.server.headersTimeout = 66_000;
    this.streaming.attach(this.server);
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, host, resolve);
    });
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.streaming.close();
    this.server?.closeAllConnections();
    await new Promise<void>(
      (resolve, reject) =>
        this.server?.close((error) => (error ? reject(error) : resolve())) ?? resolve(),
    );
  }

  inject(fault: Fault): void {
    this.faults.add(fault);
  }

  /** Records matching `matches` fail with UNABLE_TO_LOCK_ROW in the next `times` writes that touch them. */
  lockRecords(matches: (record: Record<string, unknown>) => boolean, times: number): void {
    this.lockedRecords.push({ matches, remaining: times });
  }

  /** Every issued access token stops working (the org's session timeout passed). */
  expireSessions(): void {
    this.tokens.clear();
  }

  /** Calls that count against the org's API allocation. */
  apiCalls(): number {
    return Object.entries(this.calls).reduce(
      (sum, [kind, count]) => (kind === 'token' ? sum : sum + count),
      0,
    );
  }

  resetCounts(): void {
    for (const kind of Object.keys(this.calls) as CallKind[]) this.calls[kind] = 0;
    this.log.length = 0;
    this.collectionSizes.length = 0;
    this.collectionAllOrNone.length = 0;
  }

  /** Awaited before any non-GET answer leaves (the local org saves there), so an acknowledged write survives a crash. */
  beforeAnswer: (() => Promise<void>) | null = null;

  send(res: ServerResponse, status: number, body: unknown, contentType = JSON_TYPE): void {
    res.statusCode = status;
    res.setHeader('content-type', contentType);
    const text = typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body);
    const method = res.req?.method;
    if (this.beforeAnswer && method && method !== 'GET' && method !== 'HEAD') {
      void this.beforeAnswer().then(
        () => res.end(text),
        () => res.end(text),
      );
      return;
    }
    res.end(text);
  }

  /** A public static resource, as a Lightning page loads it (no bearer token: a script tag sends none). */
  private staticResource(res: ServerResponse, name: string): void {
    const resource = this.options.staticResources?.get(name);
    if (!resource || resource.cacheControl !== 'Public') {
      this.send(res, 404, `Static resource ${name} not found`, 'text/plain');
      return;
    }
    res.statusCode = 200;
    res.setHeader('content-type', resource.contentType);
    res.setHeader('cache-control', 'public, max-age=86400');
    res.end(resource.body);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Clients keep the instance URL with a trailing slash and append `/services/...` to it.
    const url = new URL((req.url ?? '/').replace(/^\/{2,}/, '/').replace(/\/{2,}/g, '/'), this.url);
    const method = req.method ?? 'GET';
    const kind = callKindOf(url.pathname);
    this.calls[kind]++;
    const entry = { method, path: url.pathname + url.search, kind, status: 0 };
    this.log.push(entry);
    res.on('finish', () => {
      entry.status = res.statusCode;
    });
    if (this.cors.handle(req, res)) return;
    const resource = staticResourceName(url.pathname);
    if (resource !== null && (method === 'GET' || method === 'HEAD'))
      return this.staticResource(res, resource);
    const raw = await readBody(req);

    if (kind === 'token') return token(this, res, raw);

    const bearer =
      /^(?:Bearer|OAuth) (.+)$/.exec(req.headers.authorization ?? '')?.[1] ??
      (url.pathname.startsWith('/id/')
        ? (url.searchParams.get('oauth_token') ?? undefined)
        : undefined);
    const userId = bearer ? this.tokens.get(bearer) : undefined;
    if (!bearer || !userId) {
      if (url.pathname === '/services/oauth2/userinfo' || url.pathname.startsWith('/id/')) {
        this.send(res, 403, 'Bad_OAuth_Token', 'text/plain');
        return;
      }
      const { status, body } = FAULT_ANSWERS.INVALID_SESSION_ID;
      return this.send(res, status, body);
    }
    const caller = this.users.get(userId)!;
    const planned = this.faultPlan.draw(`${method} ${kind}`);
    if (planned?.kind === 'slow')
      await new Promise((resolve) => setTimeout(resolve, planned.delayMs ?? 2000));
    if (planned?.kind === 'timeout') {
      await new Promise((resolve) => setTimeout(resolve, planned.delayMs ?? 30_000));
      req.socket.destroy();
      return;
    }
    const fault = this.faults.take(kind, method, planned);
    if (fault === 'INVALID_SESSION_ID') this.tokens.delete(bearer);
    this.apiUsed++;
    res.setHeader('Sforce-Limit-Info', `api-usage=${this.apiUsed}/${this.apiLimit}`);
    if (fault) return this.send(res, FAULT_ANSWERS[fault].status, FAULT_ANSWERS[fault].body);

    if (url.pathname === '/services/oauth2/userinfo')
      return this.send(res, 200, userinfo(this, caller));
    const identity = /^\/id\/([^/]+)\/([^/]+)\/?$/.exec(url.pathname);
    if (identity) {
      if (identity[1] !== LOCAL_ORG_ID || identity[2] !== caller.Id)
        return this.send(res, 403, 'Bad_Id', 'text/plain');
      return this.send(res, 200, identityAnswer(this, caller));
    }
    if (url.pathname === '/services/data' || url.pathname === '/services/data/')
      return this.send(res, 200, versions(this));
    const version = /^\/services\/data\/v([\d.]+)/.exec(url.pathname)?.[1];
    if (!version || !versions(this).some((entry) => entry.version === version)) {
      this.send(res, 404, [
        {
          errorCode: 'NOT_FOUND',
          message: `The requested resource does not exist (API version ${version ?? 'none'})`,
        },
      ]);
      return;
    }
    const rest = url.pathname.replace(/^\/services\/data\/v[\d.]+/, '').replace(/\/$/, '');
    if (rest === '') return this.send(res, 200, resources(this, version, caller));
    const context: WriteContext & { user: OrgUser } = {
      user: caller,
      userId: caller.Id,
      transactionKey: newTransactionKey(),
    };
    const body =
      raw && (req.headers['content-type'] ?? '').includes('json')
        ? (JSON.parse(raw) as Record<string, unknown>)
        : null;
    routeDataCall(this, res, {
      kind,
      method,
      rest,
      params: url.searchParams,
      version,
      body,
      raw,
      caller,
      context,
    });
  }

  /** What a query or describe by `caller` may see; none without a schema. */
  scopeFor(caller: OrgUser): QueryScope | undefined {
    const { schema, policy } = this.options;
    if (!schema) return undefined;
    return { schema, canRead: (object, field) => !policy || policy.canRead(caller, object, field) };
  }

  /** Consumes one lock failure for the record when a test locked it. */
  lockedFor(record: Record<string, unknown>): boolean {
    const lock = this.lockedRecords.find((entry) => entry.remaining > 0 && entry.matches(record));
    if (!lock) return false;
    lock.remaining--;
    return true;
  }

  /** API calls counted against the org's daily allocation, and that allocation. */
  get apiUsage(): { used: number; max: number } {
    return { used: this.apiUsed, max: this.apiLimit };
  }

  /** One record of a write: create, update by Id, or upsert on an external id. */
  writeRecord(
    object: string,
    fields: Record<string, unknown>,
    mode: WriteMode,
    context: WriteContext & { user?: OrgUser } = {},
  ): WriteOutcome {
    return writeRecord(this, object, fields, mode, context);
  }
}
