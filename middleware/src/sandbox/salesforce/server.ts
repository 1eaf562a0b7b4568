// The local org's REST surface (node:http): the OAuth token endpoint, userinfo and the identity URL
// (identity-routes.ts), query and queryMore (query-routes.ts), describe, sObject CRUD, Collections,
// /composite and the UI API (record-routes.ts), Bulk API 2.0 (bulk-routes.ts) and /limits, with
// Salesforce's response and error shapes, the Sforce-Limit-Info header, fault injection and a count
// of API calls. With a schema (force-app) it checks every write and read against it and against the
// caller's permission sets (record-writes.ts). This file wires the routes and keeps the org's state.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RestFaultPlan } from '../rest-emulator-kit.js';
import { BulkJobs } from './bulk.js';
import { bulkIngest, bulkQuery } from './bulk-routes.js';
import { OrgLimitCounters } from './limits.js';
import { BulkQueryJobs } from './bulk-query.js';
import { describeGlobal } from './describe.js';
import {
  identity as identityAnswer,
  resources,
  token,
  userinfo,
  versions,
} from './identity-routes.js';
import {
  InMemoryOrg,
  newTransactionKey,
  type RecordError,
  type SRecord,
  type WriteContext,
} from './org.js';
import type { OrgUser } from './permissions.js';
import { CorsAllowlist } from './cors.js';
import { runUiApiGraphql } from './graphql.js';
import { query, queryMore } from './query-routes.js';
import { collections, composite, sobject, uiApi } from './record-routes.js';
import {
  deleteRecord,
  objectOfId,
  visibleRecord,
  writeRecord,
  type WriteMode,
  type WriteOutcome,
} from './record-writes.js';
import type { Cursor, RouteHost } from './route-host.js';
import {
  LOCAL_ORG_ID,
  type CallKind,
  type Fault,
  type OrgUserSeed,
  type SalesforceTestServerOptions,
} from './server-options.js';
import type { QueryScope } from './soql.js';
import { ChangeEventStream } from './streaming.js';
import { staticResourceName } from './static-resources.js';

export {
  LOCAL_ORG_ID,
  type CallKind,
  type Fault,
  type FaultKind,
  type OrgUserSeed,
  type SalesforceTestServerOptions,
} from './server-options.js';

const JSON_TYPE = 'application/json;charset=UTF-8';

export class SalesforceTestServer {
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
  private readonly faults: Fault[] = [];
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
  private readonly cursors = new Map<string, Cursor>();
  private readonly clock: () => Date;
  private readonly pageSize: number;
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

  constructor(private readonly options: SalesforceTestServerOptions) {
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
    this.org.seed('Organization', {
      Id: LOCAL_ORG_ID,
      Name: 'Local Co-Sell Org',
      InstanceName: 'LOCAL',
      IsSandbox: false,
      TrialExpirationDate: null,
      NamespacePrefix: null,
      OrganizationType: 'Developer Edition',
      DefaultLocaleSidKey: 'en_US',
    });
    const seeds = [...(this.options.users ?? [])];
    for (const username of this.options.usernames) {
      if (!seeds.some((seed) => seed.username === username))
        seeds.push({
          username,
          firstName: 'Integration',
          lastName: 'User',
          profile: 'Minimum Access - API Only Integrations',
          permissionSets: ['CoSell_Integration'],
        });
    }
    for (const seed of seeds) this.addUser(seed);
  }

  /** Creates an active user with a profile and permission sets. */
  addUser(seed: OrgUserSeed): SRecord {
    // The Id follows from the username, so a restored org's owners and a restart's users agree.
    const id = `005${createHash('sha256').update(seed.username).digest('hex').slice(0, 12).toUpperCase()}AAA`;
    const record = this.org.seed('User', {
      Id: id,
      Username: seed.username,
      FirstName: seed.firstName,
      LastName: seed.lastName,
      Name: `${seed.firstName} ${seed.lastName}`,
      Email: seed.email ?? seed.username,
      IsActive: true,
      UserType: 'Standard',
      Alias: `${seed.firstName.slice(0, 1)}${seed.lastName.slice(0, 4)}`.toLowerCase(),
      TimeZoneSidKey: 'GMT',
      LanguageLocaleKey: 'en_US',
    });
    this.users.set(record.Id, {
      Id: record.Id,
      Username: seed.username,
      profile: seed.profile,
      permissionSets: [...seed.permissionSets],
      ...(seed.userPermissions ? { userPermissions: [...seed.userPermissions] } : {}),
    });
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
    this.faults.push({ ...fault });
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

  private send(res: ServerResponse, status: number, body: unknown, contentType = JSON_TYPE): void {
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

  private kindOf(method: string, path: string): CallKind {
    if (path === '/services/oauth2/token') return 'token';
    if (
      /^\/services\/data\/v[\d.]+\/sobjects\/[^/]+\/describe$/.test(path) ||
      /^\/services\/data\/v[\d.]+\/sobjects\/?$/.test(path)
    )
      return 'other';
    const rest = path.replace(/^\/services\/data\/v[\d.]+/, '');
    if (/^\/query\/[^/]+$/.test(rest)) return 'queryMore';
    if (rest === '/query' || rest === '/queryAll') return 'query';
    if (rest.startsWith('/composite/sobjects')) return 'composite';
    if (rest.startsWith('/sobjects')) return 'sobject';
    if (rest === '/limits') return 'limits';
    if (rest.startsWith('/jobs/ingest') || rest.startsWith('/jobs/query')) return 'bulk';
    void method;
    return 'other';
  }

  private takeFault(kind: CallKind, method: string): Fault | null {
    const fault = this.faults.find(
      (f) => f.times > 0 && (!f.kind || f.kind === kind) && (!f.method || f.method === method),
    );
    if (!fault) return null;
    fault.times--;
    return fault;
  }

  private faultResponse(res: ServerResponse, fault: Fault): void {
    switch (fault.error) {
      case 'INVALID_SESSION_ID':
        this.send(res, 401, [
          { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' },
        ]);
        return;
      case 'REQUEST_LIMIT_EXCEEDED':
        this.send(res, 403, [
          { message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' },
        ]);
        return;
      case 'UNABLE_TO_LOCK_ROW':
        this.send(res, 400, [
          {
            message: 'unable to obtain exclusive access to this record',
            errorCode: 'UNABLE_TO_LOCK_ROW',
            fields: [],
          },
        ]);
        return;
      case 'SERVER_UNAVAILABLE':
        this.send(res, 503, [
          { message: 'Server temporarily unavailable', errorCode: 'SERVER_UNAVAILABLE' },
        ]);
        return;
    }
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

  private async body(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Clients keep the instance URL with a trailing slash and append `/services/...` to it.
    const url = new URL((req.url ?? '/').replace(/^\/{2,}/, '/').replace(/\/{2,}/g, '/'), this.url);
    const method = req.method ?? 'GET';
    const kind = this.kindOf(method, url.pathname);
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
    const raw = await this.body(req);

    if (kind === 'token') return token(this.host, res, raw);

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
      this.send(res, 401, [
        { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' },
      ]);
      return;
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
    const fault =
      this.takeFault(kind, method) ??
      (planned?.kind === 'throttle'
        ? { error: 'REQUEST_LIMIT_EXCEEDED' as const, times: 0 }
        : planned?.kind === 'conflict'
          ? { error: 'UNABLE_TO_LOCK_ROW' as const, times: 0 }
          : planned?.kind === '5xx'
            ? { error: 'SERVER_UNAVAILABLE' as const, times: 0 }
            : null);
    if (fault?.error === 'INVALID_SESSION_ID') this.tokens.delete(bearer);
    this.apiUsed++;
    res.setHeader('Sforce-Limit-Info', `api-usage=${this.apiUsed}/${this.apiLimit}`);
    if (fault) return this.faultResponse(res, fault);

    if (url.pathname === '/services/oauth2/userinfo')
      return this.send(res, 200, userinfo(this.host, caller));
    const identity = /^\/id\/([^/]+)\/([^/]+)\/?$/.exec(url.pathname);
    if (identity) {
      if (identity[1] !== LOCAL_ORG_ID || identity[2] !== caller.Id)
        return this.send(res, 403, 'Bad_Id', 'text/plain');
      return this.send(res, 200, identityAnswer(this.host, caller));
    }
    if (url.pathname === '/services/data' || url.pathname === '/services/data/')
      return this.send(res, 200, versions(this.host));
    const version = /^\/services\/data\/v([\d.]+)/.exec(url.pathname)?.[1];
    if (!version || !versions(this.host).some((entry) => entry.version === version)) {
      this.send(res, 404, [
        {
          errorCode: 'NOT_FOUND',
          message: `The requested resource does not exist (API version ${version ?? 'none'})`,
        },
      ]);
      return;
    }
    const rest = url.pathname.replace(/^\/services\/data\/v[\d.]+/, '').replace(/\/$/, '');
    if (rest === '') return this.send(res, 200, resources(this.host, version, caller));
    const context: WriteContext & { user: OrgUser } = {
      user: caller,
      userId: caller.Id,
      transactionKey: newTransactionKey(),
    };
    const body =
      raw && (req.headers['content-type'] ?? '').includes('json')
        ? (JSON.parse(raw) as Record<string, unknown>)
        : null;
    switch (kind) {
      case 'query':
        return query(
          this.host,
          res,
          url.searchParams.get('q') ?? '',
          version,
          caller,
          url.searchParams.get('columns') === 'true',
        );
      case 'queryMore':
        return queryMore(this.host, res, rest.split('/').at(-1)!);
      case 'composite':
        return collections(this.host, res, method, rest, body, context, url.searchParams);
      case 'sobject':
        return sobject(this.host, res, method, rest, body, version, context, url.searchParams);
      case 'limits':
        this.send(res, 200, this.limits.report({ used: this.apiUsed, max: this.apiLimit }));
        return;
      case 'bulk':
        if (rest.startsWith('/jobs/query'))
          return bulkQuery(this.host, res, method, rest, body, version, caller, url.searchParams);
        return bulkIngest(this.host, res, method, rest, body, raw, context);
      default:
        if (rest === '/sobjects' && method === 'GET' && this.options.schema) {
          return this.send(
            res,
            200,
            describeGlobal(
              this.options.schema,
              version,
              (object) =>
                !this.options.policy || this.options.policy.objectAccess(caller, object).read,
            ),
          );
        }
        if (rest.startsWith('/ui-api/') && this.options.schema && this.options.policy)
          return uiApi(this.host, res, method, rest, url.searchParams, body, version, context);
        if (rest === '/composite' && method === 'POST')
          return composite(this.host, res, body, version, context, caller);
        if (rest === '/graphql' && method === 'POST' && this.options.schema) {
          return this.send(
            res,
            200,
            runUiApiGraphql(
              this.org,
              this.options.schema,
              this.scopeFor(caller)!,
              version,
              body ?? {},
            ),
          );
        }
        // Describes are counted apart from record calls, and answered by the sObject resource.
        if (rest.startsWith('/sobjects/'))
          return sobject(this.host, res, method, rest, body, version, context, url.searchParams);
        this.send(res, 404, [
          { errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' },
        ]);
    }
  }

  /** What a query or describe by `caller` may see; none without a schema. */
  private scopeFor(caller: OrgUser): QueryScope | undefined {
    const { schema, policy } = this.options;
    if (!schema) return undefined;
    return { schema, canRead: (object, field) => !policy || policy.canRead(caller, object, field) };
  }

  /** Consumes one lock failure for the record when a test locked it. */
  private lockedFor(record: Record<string, unknown>): boolean {
    const lock = this.lockedRecords.find((entry) => entry.remaining > 0 && entry.matches(record));
    if (!lock) return false;
    lock.remaining--;
    return true;
  }

  /** One record of a write: create, update by Id, or upsert on an external id. */
  writeRecord(
    object: string,
    fields: Record<string, unknown>,
    mode: WriteMode,
    context: WriteContext & { user?: OrgUser } = {},
  ): WriteOutcome {
    return writeRecord(this.host, object, fields, mode, context);
  }

  /** The object an Id belongs to, by its key prefix. */
  objectOfId(id: string): string {
    return objectOfId(this.host, id);
  }

  /** Deletes one record as `context.user`; the error when refused. */
  deleteRecord(
    object: string,
    id: string,
    context: WriteContext & { user?: OrgUser },
  ): RecordError | null {
    return deleteRecord(this.host, object, id, context);
  }

  /** A record as the caller may see it: only readable fields, optionally only the named ones. */
  visibleRecord(
    object: string,
    record: SRecord,
    version: string,
    caller: OrgUser | undefined,
    only?: string[],
  ): Record<string, unknown> {
    return visibleRecord(this.host, object, record, version, caller, only);
  }

  /** The server's state and paths as the route modules (route-host.ts) see them; read when a request comes in. */
  private readonly host: RouteHost = SalesforceTestServer.hostOf(this);

  private static hostOf(server: SalesforceTestServer): RouteHost {
    return {
      get org() {
        return server.org;
      },
      get options() {
        return server.options;
      },
      get url() {
        return server.url;
      },
      get apiVersion() {
        return server.apiVersion;
      },
      get clock() {
        return server.clock;
      },
      get pageSize() {
        return server.pageSize;
      },
      get cursors() {
        return server.cursors;
      },
      get users() {
        return server.users;
      },
      get bulk() {
        return server.bulk;
      },
      get bulkQueries() {
        return server.bulkQueries;
      },
      get bulkQueryPageSize() {
        return server.bulkQueryPageSize;
      },
      get limits() {
        return server.limits;
      },
      get collectionSizes() {
        return server.collectionSizes;
      },
      get collectionAllOrNone() {
        return server.collectionAllOrNone;
      },
      send: (res, status, body, contentType) => server.send(res, status, body, contentType),
      scopeFor: (caller) => server.scopeFor(caller),
      userByName: (username) => server.userByName(username),
      issueToken: (userId) => server.issueToken(userId),
      lockedFor: (record) => server.lockedFor(record),
      writeRecord: (object, fields, mode, context) =>
        server.writeRecord(object, fields, mode, context),
      deleteRecord: (object, id, context) => server.deleteRecord(object, id, context),
      visibleRecord: (object, record, version, caller, only) =>
        server.visibleRecord(object, record, version, caller, only),
      objectOfId: (id) => server.objectOfId(id),
    };
  }
}
