// The local org's REST surface (node:http): the OAuth token endpoint, userinfo and the identity URL,
// the versions list, query and queryMore, describe, sObject CRUD, sObject Collections, /limits and
// Bulk API 2.0 ingest, with Salesforce's response and error shapes, the Sforce-Limit-Info header,
// fault injection and a count of API calls. With a schema (force-app) it checks every write and read
// against it and against the caller's permission sets.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RestFaultPlan } from '../rest-emulator-kit.js';
import { BulkJobs, type IngestJob } from './bulk.js';
import { CompositeRequestError, runComposite } from './composite.js';
import { OrgLimitCounters } from './limits.js';
import { BulkQueryJobs } from './bulk-query.js';
import { checkJwtBearer } from './oauth.js';
import { describeGlobal, describeObject } from './describe.js';
import { EXTERNAL_IDS, InMemoryOrg, KEY_PREFIXES, newTransactionKey, type RecordError, type SRecord, type WriteContext } from './org.js';
import type { AccessPolicy, OrgUser, ProfileName } from './permissions.js';
import { CorsAllowlist } from './cors.js';
import { runUiApiGraphql } from './graphql.js';
import { relatedListRecords, type RelatedListOrg } from './related-list.js';
import { applyPlatformFields } from './platform-fields.js';
import { queryUserRecordAccess, recordAccess } from './record-access.js';
import type { OrgSchema } from './schema.js';
import { runQuery, SoqlError, type QueryScope } from './soql.js';
import { ChangeEventStream, type ChangeEventStreamOptions } from './streaming.js';
import { uiApi } from './ui-api.js';
import { checkWrite } from './write-checks.js';
import { staticResourceName, type StaticResource } from './static-resources.js';

export type CallKind = 'token' | 'query' | 'queryMore' | 'sobject' | 'composite' | 'limits' | 'bulk' | 'other';

/** A user the org starts with: who they are, their profile and permission sets. */
export interface OrgUserSeed {
  username: string;
  firstName: string;
  lastName: string;
  email?: string;
  profile: ProfileName;
  permissionSets: string[];
  /** System permissions by API name, e.g. `CreateAuditFields` ("Set Audit Fields upon Record Creation"). */
  userPermissions?: string[];
}

/** The org's Id (the access token's prefix names it, as the `sf` CLI checks). */
export const LOCAL_ORG_ID = '00D000000000001AAA';

export type FaultKind = 'UNABLE_TO_LOCK_ROW' | 'REQUEST_LIMIT_EXCEEDED' | 'INVALID_SESSION_ID' | 'SERVER_UNAVAILABLE';

export interface Fault {
  error: FaultKind;
  /** Only calls of this kind (any when absent). */
  kind?: CallKind;
  method?: string;
  /** How many matching calls fail before the fault clears. */
  times: number;
}

export interface SalesforceTestServerOptions {
  /** The package's static resources, served at /resource/<name>. */
  staticResources?: ReadonlyMap<string, StaticResource>;
  publicKeyPem: string;
  clientId: string;
  usernames: readonly string[];
  /** Rows per query page (Salesforce's REST default and maximum is 2,000). */
  pageSize?: number;
  /** Daily API allocation reported in Sforce-Limit-Info and /limits. */
  apiLimit?: number;
  apiVersion?: string;
  clock?: () => Date;
  /** Change Data Capture settings (retention, long-poll timeout, state restored from a previous run). */
  streaming?: Omit<ChangeEventStreamOptions, 'authorize' | 'apiVersion' | 'clock'>;
  /** The package's schema: writes, reads and describes are checked against it when given. */
  schema?: OrgSchema;
  /** Field and object security from the package's permission sets (needs `schema`). */
  policy?: AccessPolicy;
  /** Users the org starts with; a JWT username without one becomes an integration user. */
  users?: OrgUserSeed[];
  /** Port to listen on (0: any free one). */
  port?: number;
  /** Seed of the fault plan's random draws (a run replays exactly). */
  faultSeed?: number;
}

/** The versions `/services/data` lists: Salesforce clients pick the highest and pin some calls to v51.0. */
const LISTED_VERSIONS_FROM = 51;

interface Cursor {
  rows: Array<Record<string, unknown>>;
  offset: number;
}

const JSON_TYPE = 'application/json;charset=UTF-8';

export class SalesforceTestServer {
  readonly org: InMemoryOrg;
  readonly bulk = new BulkJobs();
  readonly bulkQueries = new BulkQueryJobs();
  /** Rows per Bulk API 2.0 result page when the client names no maxRecords (Salesforce picks its own). */
  bulkQueryPageSize = 50_000;
  /** API calls by kind (the token call does not count against the org's allocation, but is counted here). */
  readonly calls: Record<CallKind, number> = { token: 0, query: 0, queryMore: 0, sobject: 0, composite: 0, limits: 0, bulk: 0, other: 0 };
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
  private readonly lockedRecords: Array<{ matches: (record: Record<string, unknown>) => boolean; remaining: number }> = [];
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
    this.streaming = new ChangeEventStream({ ...options.streaming, authorize: (token) => this.tokens.has(token), apiVersion: this.apiVersion, clock: this.clock });
    this.org.onChange((change) => this.streaming.publish(change));
    this.faultPlan = new RestFaultPlan(options.faultSeed ?? 1, (operation) => !operation.startsWith('GET '));
    this.seedOrg();
  }

  private seedOrg(): void {
    this.org.seed('Organization', { Id: LOCAL_ORG_ID, Name: 'Local Co-Sell Org', InstanceName: 'LOCAL', IsSandbox: false, TrialExpirationDate: null, NamespacePrefix: null, OrganizationType: 'Developer Edition', DefaultLocaleSidKey: 'en_US' });
    const seeds = [...(this.options.users ?? [])];
    for (const username of this.options.usernames) {
      if (!seeds.some((seed) => seed.username === username)) seeds.push({ username, firstName: 'Integration', lastName: 'User', profile: 'Minimum Access - API Only Integrations', permissionSets: ['CoSell_Integration'] });
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
    this.users.set(record.Id, { Id: record.Id, Username: seed.username, profile: seed.profile, permissionSets: [...seed.permissionSets], ...(seed.userPermissions ? { userPermissions: [...seed.userPermissions] } : {}) });
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
        this.send(res, 500, [{ errorCode: 'UNKNOWN_EXCEPTION', message: error instanceof Error ? error.message : String(error) }]);
      });
    });
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
    await new Promise<void>((resolve, reject) => this.server?.close((error) => (error ? reject(error) : resolve())) ?? resolve());
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
    return Object.entries(this.calls).reduce((sum, [kind, count]) => (kind === 'token' ? sum : sum + count), 0);
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
    if (/^\/services\/data\/v[\d.]+\/sobjects\/[^/]+\/describe$/.test(path) || /^\/services\/data\/v[\d.]+\/sobjects\/?$/.test(path)) return 'other';
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
    const fault = this.faults.find((f) => f.times > 0 && (!f.kind || f.kind === kind) && (!f.method || f.method === method));
    if (!fault) return null;
    fault.times--;
    return fault;
  }

  private faultResponse(res: ServerResponse, fault: Fault): void {
    switch (fault.error) {
      case 'INVALID_SESSION_ID':
        this.send(res, 401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
        return;
      case 'REQUEST_LIMIT_EXCEEDED':
        this.send(res, 403, [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }]);
        return;
      case 'UNABLE_TO_LOCK_ROW':
        this.send(res, 400, [{ message: 'unable to obtain exclusive access to this record', errorCode: 'UNABLE_TO_LOCK_ROW', fields: [] }]);
        return;
      case 'SERVER_UNAVAILABLE':
        this.send(res, 503, [{ message: 'Server temporarily unavailable', errorCode: 'SERVER_UNAVAILABLE' }]);
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
    if (resource !== null && (method === 'GET' || method === 'HEAD')) return this.staticResource(res, resource);
    const raw = await this.body(req);

    if (kind === 'token') return this.token(res, raw);

    const bearer = /^(?:Bearer|OAuth) (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? (url.pathname.startsWith('/id/') ? url.searchParams.get('oauth_token') ?? undefined : undefined);
    const userId = bearer ? this.tokens.get(bearer) : undefined;
    if (!bearer || !userId) {
      if (url.pathname === '/services/oauth2/userinfo' || url.pathname.startsWith('/id/')) {
        this.send(res, 403, 'Bad_OAuth_Token', 'text/plain');
        return;
      }
      this.send(res, 401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
      return;
    }
    const caller = this.users.get(userId)!;
    const planned = this.faultPlan.draw(`${method} ${kind}`);
    if (planned?.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, planned.delayMs ?? 2000));
    if (planned?.kind === 'timeout') {
      await new Promise((resolve) => setTimeout(resolve, planned.delayMs ?? 30_000));
      req.socket.destroy();
      return;
    }
    const fault = this.takeFault(kind, method) ?? (planned?.kind === 'throttle' ? { error: 'REQUEST_LIMIT_EXCEEDED' as const, times: 0 } : planned?.kind === 'conflict' ? { error: 'UNABLE_TO_LOCK_ROW' as const, times: 0 } : planned?.kind === '5xx' ? { error: 'SERVER_UNAVAILABLE' as const, times: 0 } : null);
    if (fault?.error === 'INVALID_SESSION_ID') this.tokens.delete(bearer);
    this.apiUsed++;
    res.setHeader('Sforce-Limit-Info', `api-usage=${this.apiUsed}/${this.apiLimit}`);
    if (fault) return this.faultResponse(res, fault);

    if (url.pathname === '/services/oauth2/userinfo') return this.send(res, 200, this.userinfo(caller));
    const identity = /^\/id\/([^/]+)\/([^/]+)\/?$/.exec(url.pathname);
    if (identity) {
      if (identity[1] !== LOCAL_ORG_ID || identity[2] !== caller.Id) return this.send(res, 403, 'Bad_Id', 'text/plain');
      return this.send(res, 200, this.identity(caller));
    }
    if (url.pathname === '/services/data' || url.pathname === '/services/data/') return this.send(res, 200, this.versions());
    const version = /^\/services\/data\/v([\d.]+)/.exec(url.pathname)?.[1];
    if (!version || !this.versions().some((entry) => entry.version === version)) {
      this.send(res, 404, [{ errorCode: 'NOT_FOUND', message: `The requested resource does not exist (API version ${version ?? 'none'})` }]);
      return;
    }
    const rest = url.pathname.replace(/^\/services\/data\/v[\d.]+/, '').replace(/\/$/, '');
    if (rest === '') return this.send(res, 200, this.resources(version, caller));
    const context: WriteContext & { user: OrgUser } = { user: caller, userId: caller.Id, transactionKey: newTransactionKey() };
    const body = raw && (req.headers['content-type'] ?? '').includes('json') ? (JSON.parse(raw) as Record<string, unknown>) : null;
    switch (kind) {
      case 'query':
        return this.query(res, url.searchParams.get('q') ?? '', version, caller, url.searchParams.get('columns') === 'true');
      case 'queryMore':
        return this.queryMore(res, rest.split('/').at(-1)!);
      case 'composite':
        return this.collections(res, method, rest, body, context, url.searchParams);
      case 'sobject':
        return this.sobject(res, method, rest, body, version, context, url.searchParams);
      case 'limits':
        this.send(res, 200, this.limits.report({ used: this.apiUsed, max: this.apiLimit }));
        return;
      case 'bulk':
        if (rest.startsWith('/jobs/query')) return this.bulkQuery(res, method, rest, body, version, caller, url.searchParams);
        return this.bulkIngest(res, method, rest, body, raw, context);
      default:
        if (rest === '/sobjects' && method === 'GET' && this.options.schema) {
          return this.send(res, 200, describeGlobal(this.options.schema, version, (object) => !this.options.policy || this.options.policy.objectAccess(caller, object).read));
        }
        if (rest.startsWith('/ui-api/') && this.options.schema && this.options.policy) return this.uiApi(res, method, rest, url.searchParams, body, version, context);
        if (rest === '/composite' && method === 'POST') return this.composite(res, body, version, context, caller);
        if (rest === '/graphql' && method === 'POST' && this.options.schema) {
          return this.send(res, 200, runUiApiGraphql(this.org, this.options.schema, this.scopeFor(caller)!, version, body ?? {}));
        }
        // Describes are counted apart from record calls, and answered by the sObject resource.
        if (rest.startsWith('/sobjects/')) return this.sobject(res, method, rest, body, version, context, url.searchParams);
        this.send(res, 404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
    }
  }

  private token(res: ServerResponse, raw: string): void {
    const decision = checkJwtBearer(new URLSearchParams(raw), {
      publicKeyPem: this.options.publicKeyPem,
      clientId: this.options.clientId,
      usernames: this.options.usernames,
      audience: this.url,
      audiences: [this.url, `${this.url}/`],
      now: this.clock,
    });
    if (!decision.ok) {
      this.send(res, 400, { error: decision.error, error_description: decision.description });
      return;
    }
    const user = this.userByName(decision.username);
    if (!user) {
      this.send(res, 400, { error: 'invalid_grant', error_description: 'user hasn\'t approved this consumer' });
      return;
    }
    const accessToken = this.issueToken(user.Id);
    this.send(res, 200, {
      access_token: accessToken,
      scope: 'api',
      instance_url: this.url,
      id: `${this.url}/id/${LOCAL_ORG_ID}/${user.Id}`,
      token_type: 'Bearer',
      issued_at: String(this.clock().getTime()),
    });
  }

  private uiApi(res: ServerResponse, method: string, rest: string, params: URLSearchParams, body: Record<string, unknown> | null, version: string, context: WriteContext & { user: OrgUser }): void {
    const org: RelatedListOrg = {
      all: (object) => this.org.all(object),
      schema: this.options.schema!,
      policy: this.options.policy!,
      objectOfId: (id) => this.objectOfId(id),
      get: (object, id) => this.org.get(object, id),
      write: (object, fields, id) => {
        const outcome = this.writeRecord(object, id ? { ...fields, Id: id } : fields, id ? { kind: 'update' } : { kind: 'create' }, context);
        return 'errors' in outcome ? outcome : { id: outcome.id };
      },
    };
    const reply = relatedListRecords(org, context.user, method, rest, params) ?? uiApi(org, context.user, method, rest, params, body, version);
    this.send(res, reply.status, reply.body);
  }

  private versions(): Array<{ label: string; url: string; version: string }> {
    const highest = Math.floor(Number(this.apiVersion));
    const out = [];
    for (let major = LISTED_VERSIONS_FROM; major <= highest; major++) out.push({ label: `v${major}.0`, url: `/services/data/v${major}.0`, version: `${major}.0` });
    return out;
  }

  private resources(version: string, caller: OrgUser): Record<string, string> {
    const base = `/services/data/v${version}`;
    return {
      sobjects: `${base}/sobjects`,
      query: `${base}/query`,
      queryAll: `${base}/queryAll`,
      limits: `${base}/limits`,
      composite: `${base}/composite`,
      'jobs/ingest': `${base}/jobs/ingest`,
      'jobs/query': `${base}/jobs/query`,
      'ui-api': `${base}/ui-api`,
      graphql: `${base}/graphql`,
      identity: `${this.url}/id/${LOCAL_ORG_ID}/${caller.Id}`,
    };
  }

  private userRecord(caller: OrgUser): SRecord {
    return this.org.get('User', caller.Id)!;
  }

  /** The OpenID Connect userinfo answer (the fields clients read after login). */
  private userinfo(caller: OrgUser): Record<string, unknown> {
    const user = this.userRecord(caller);
    return {
      sub: `${this.url}/id/${LOCAL_ORG_ID}/${caller.Id}`,
      user_id: caller.Id,
      organization_id: LOCAL_ORG_ID,
      preferred_username: caller.Username,
      nickname: user.Alias ?? null,
      name: user.Name ?? null,
      given_name: user.FirstName ?? null,
      family_name: user.LastName ?? null,
      email: user.Email ?? null,
      email_verified: true,
      zoneinfo: user.TimeZoneSidKey ?? 'GMT',
      locale: 'en_US',
      language: 'en_US',
      active: true,
      user_type: 'STANDARD',
      is_app_installed: true,
      updated_at: String(user.LastModifiedDate ?? ''),
      urls: this.identityUrls(caller),
    };
  }

  private identityUrls(caller: OrgUser): Record<string, string> {
    const base = `${this.url}/services/data/v{version}`;
    return {
      enterprise: `${this.url}/services/Soap/c/{version}/${LOCAL_ORG_ID}`,
      partner: `${this.url}/services/Soap/u/{version}/${LOCAL_ORG_ID}`,
      rest: `${base}/`,
      sobjects: `${base}/sobjects/`,
      query: `${base}/query/`,
      recent: `${base}/recent/`,
      profile: `${this.url}/${caller.Id}`,
      custom_domain: this.url,
    };
  }

  /** The identity URL's answer (`/id/<org>/<user>`). */
  private identity(caller: OrgUser): Record<string, unknown> {
    const user = this.userRecord(caller);
    return {
      id: `${this.url}/id/${LOCAL_ORG_ID}/${caller.Id}`,
      asserted_user: true,
      user_id: caller.Id,
      organization_id: LOCAL_ORG_ID,
      username: caller.Username,
      nick_name: user.Alias ?? null,
      display_name: user.Name ?? null,
      email: user.Email ?? null,
      email_verified: true,
      first_name: user.FirstName ?? null,
      last_name: user.LastName ?? null,
      timezone: user.TimeZoneSidKey ?? 'GMT',
      active: true,
      user_type: 'STANDARD',
      language: 'en_US',
      locale: 'en_US',
      utcOffset: 0,
      last_modified_date: String(user.LastModifiedDate ?? ''),
      is_app_installed: true,
      urls: this.identityUrls(caller),
    };
  }

  /** What a query or describe by `caller` may see; none without a schema. */
  private scopeFor(caller: OrgUser): QueryScope | undefined {
    const { schema, policy } = this.options;
    if (!schema) return undefined;
    return { schema, canRead: (object, field) => !policy || policy.canRead(caller, object, field) };
  }

  private page(res: ServerResponse, cursorId: string, cursor: Cursor): void {
    const records = cursor.rows.slice(cursor.offset, cursor.offset + this.pageSize);
    const nextOffset = cursor.offset + records.length;
    const done = nextOffset >= cursor.rows.length;
    if (!done) this.cursors.set(`${cursorId}-${nextOffset}`, { rows: cursor.rows, offset: nextOffset });
    this.send(res, 200, {
      totalSize: cursor.rows.length,
      done,
      ...(done ? {} : { nextRecordsUrl: `/services/data/v${this.apiVersion}/query/${cursorId}-${nextOffset}` }),
      records,
    });
  }

  private query(res: ServerResponse, soql: string, version: string, caller: OrgUser, columns: boolean): void {
    try {
      const { schema, policy } = this.options;
      const rows = /\bFROM\s+UserRecordAccess\b/i.test(soql) && schema && policy
        ? queryUserRecordAccess(soql, version, (userId, recordId) => {
            const user = this.users.get(userId);
            return user ? recordAccess(this.org, schema, policy, user, recordId) : { read: false, edit: false };
          })
        : runQuery(this.org, soql, version, this.scopeFor(caller));
      if (columns) {
        this.send(res, 200, { columnMetadata: this.columnMetadata(rows[0] ?? {}), entityName: null, groupBy: false, idSelected: true, keyPrefix: null });
        return;
      }
      this.page(res, `01g${randomBytes(6).toString('hex').toUpperCase()}`, { rows, offset: 0 });
    } catch (error) {
      if (error instanceof SoqlError) {
        this.send(res, 400, [{ message: error.message, errorCode: error.errorCode }]);
        return;
      }
      throw error;
    }
  }

  /** `columns=true`: the columns of a row, nested for parent fields, as the `sf` CLI reads them. */
  private columnMetadata(row: Record<string, unknown>): Array<Record<string, unknown>> {
    return Object.entries(row)
      .filter(([key]) => key !== 'attributes')
      .map(([key, value]) => {
        const nested = value && typeof value === 'object' && 'attributes' in (value as object) ? this.columnMetadata(value as Record<string, unknown>) : [];
        return { aggregate: false, apexType: null, booleanType: false, columnName: key, custom: key.endsWith('__c'), displayName: key, foreignKeyName: null, insertable: true, joinColumns: nested, numberType: typeof value === 'number', textType: typeof value === 'string', updatable: true };
      });
  }

  private queryMore(res: ServerResponse, locator: string): void {
    const cursor = this.cursors.get(locator);
    if (!cursor) {
      this.send(res, 400, [{ message: 'invalid query locator', errorCode: 'INVALID_QUERY_LOCATOR' }]);
      return;
    }
    this.cursors.delete(locator);
    this.page(res, locator.replace(/-\d+$/, ''), cursor);
  }

  /** Consumes one lock failure for the record when a test locked it. */
  private lockedFor(record: Record<string, unknown>): boolean {
    const lock = this.lockedRecords.find((entry) => entry.remaining > 0 && entry.matches(record));
    if (!lock) return false;
    lock.remaining--;
    return true;
  }

  /** One record of a write: create, update by Id, or upsert on an external id. */
  writeRecord(object: string, fields: Record<string, unknown>, mode: { kind: 'create' } | { kind: 'update' } | { kind: 'upsert'; externalIdField: string }, context: WriteContext & { user?: OrgUser } = {}): { id: string; created: boolean } | { errors: RecordError[] } {
    const values = { ...fields };
    delete values.attributes;
    // Field names are case-insensitive in the API; jsforce sends a collection update's Id as `id`.
    if (values.Id === undefined && values.id !== undefined) values.Id = values.id;
    delete values.id;
    const schema = this.options.schema;
    if (schema) {
      const known = schema.object(object);
      if (!known) return { errors: [{ statusCode: 'INVALID_TYPE', message: `sObject type '${object}' is not supported.`, fields: [] }] };
      object = known.name;
    }
    if (this.lockedFor({ ...values, object })) {
      return { errors: [{ statusCode: 'UNABLE_TO_LOCK_ROW', message: 'unable to obtain exclusive access to this record or 1 records', fields: [] }] };
    }
    let existing: SRecord | undefined;
    if (mode.kind === 'update') {
      const id = values.Id;
      if (typeof id !== 'string') return { errors: [{ statusCode: 'MISSING_ARGUMENT', message: 'Id not specified in an update call', fields: [] }] };
      existing = this.org.get(object, id);
      if (!existing) return { errors: [{ statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] }] };
    } else if (mode.kind === 'upsert') {
      const externalIds = schema ? [...(schema.object(object)?.fields.values() ?? [])].filter((field) => field.externalId).map((field) => field.name) : (EXTERNAL_IDS[object] ?? []);
      if (!externalIds.includes(mode.externalIdField)) {
        return { errors: [{ statusCode: 'INVALID_FIELD', message: `Field ${mode.externalIdField} is not an external id on ${object}`, fields: [mode.externalIdField] }] };
      }
      const key = values[mode.externalIdField];
      if (typeof key !== 'string' || key === '') return { errors: [{ statusCode: 'REQUIRED_FIELD_MISSING', message: `Required fields are missing: [${mode.externalIdField}]`, fields: [mode.externalIdField] }] };
      existing = this.org.findByField(object, mode.externalIdField, key);
    }
    delete values.Id;
    if (schema) {
      const checked = checkWrite({ schema, ...(this.options.policy ? { policy: this.options.policy } : {}), ...(context.user ? { user: context.user } : {}) }, object, values, existing);
      if (!checked.ok) return { errors: checked.errors };
      Object.keys(values).forEach((key) => delete values[key]);
      Object.assign(values, checked.values);
      if (!existing) this.defaultsOnCreate(object, values, context);
      applyPlatformFields(schema, object, values, existing);
    }
    const saved = this.org.save(object, values, existing, context);
    if (saved.errors) return { errors: saved.errors };
    return { id: saved.record!.Id, created: saved.created };
  }

  /** Platform defaults of a new record: the caller owns it, and an auto-number Name is assigned. */
  private defaultsOnCreate(object: string, values: Record<string, unknown>, context: WriteContext): void {
    const schema = this.options.schema?.object(object);
    if (!schema) return;
    if (schema.fields.has('OwnerId') && values.OwnerId === undefined) values.OwnerId = context.userId;
    const name = schema.fields.get('Name');
    if (name?.autoNumber) values.Name = `${schema.keyPrefix}-${String(this.org.all(object).length + 1).padStart(6, '0')}`;
  }

  private collections(res: ServerResponse, method: string, rest: string, body: Record<string, unknown> | null, context: WriteContext & { user?: OrgUser }, params: URLSearchParams): void {
    if (method === 'DELETE') return this.collectionDelete(res, params, context);
    const records = (body?.records ?? []) as Array<Record<string, unknown>>;
    if (records.length > 200) {
      this.send(res, 400, [{ message: 'Maximum number of records allowed is 200', errorCode: 'EXCEEDED_ID_LIMIT' }]);
      return;
    }
    this.collectionSizes.push(records.length);
    this.collectionAllOrNone.push(body?.allOrNone);
    const allOrNone = body?.allOrNone === true;
    const parts = rest.split('/').filter(Boolean); // composite, sobjects, [type, extField]
    const upsert = parts.length === 4 ? { object: parts[2]!, externalIdField: parts[3]! } : null;
    // allOrNone: one failure rolls every record back, and the others say so.
    const results = this.org.transaction(() => {
      const outcomes = records.map((record) => {
        const object = upsert?.object ?? String((record.attributes as { type?: string } | undefined)?.type ?? '');
        const mode = upsert ? { kind: 'upsert' as const, externalIdField: upsert.externalIdField } : method === 'POST' ? { kind: 'create' as const } : { kind: 'update' as const };
        const outcome = this.writeRecord(object, record, mode, context);
        if ('errors' in outcome) return { success: false, errors: outcome.errors };
        return { id: outcome.id, success: true, errors: [] as RecordError[], ...(mode.kind === 'update' ? {} : { created: outcome.created }) };
      });
      const failed = outcomes.some((outcome) => !outcome.success);
      if (!allOrNone || !failed) return { commit: true, result: outcomes };
      const rolledBack = { statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK', message: 'Record rolled back because not all records were valid and the request was using AllOrNone header', fields: [] };
      return { commit: false, result: outcomes.map((outcome) => (outcome.success ? { id: null, success: false, errors: [rolledBack] } : outcome)) };
    });
    this.send(res, 200, results);
  }

  /** `/composite`: subrequests through the same write and query paths, one transaction (composite.ts). */
  private composite(res: ServerResponse, body: Record<string, unknown> | null, version: string, context: WriteContext & { user?: OrgUser }, caller: OrgUser): void {
    try {
      this.send(res, 200, runComposite(body, version, {
        create: (object, fields) => this.writeRecord(object, fields, { kind: 'create' }, context),
        update: (object, id, fields) => this.writeRecord(object, { ...fields, Id: id }, { kind: 'update' }, context),
        remove: (object, id) => this.deleteRecord(object, id, context),
        query: (soql) => runQuery(this.org, soql, version, this.scopeFor(caller)),
        transaction: (work) => this.org.transaction(work),
      }));
    } catch (error) {
      if (error instanceof CompositeRequestError) return this.send(res, 400, [{ errorCode: error.errorCode, message: error.message }]);
      throw error;
    }
  }

  private collectionDelete(res: ServerResponse, params: URLSearchParams, context: WriteContext & { user?: OrgUser }): void {
    const ids = (params.get('ids') ?? '').split(',').filter(Boolean);
    if (ids.length > 200) return this.send(res, 400, [{ message: 'Maximum number of records allowed is 200', errorCode: 'EXCEEDED_ID_LIMIT' }]);
    const allOrNone = params.get('allOrNone') === 'true';
    const results = this.org.transaction(() => {
      const outcomes = ids.map((id) => {
        const error = this.deleteRecord(this.objectOfId(id), id, context);
        return error ? { id, success: false, errors: [error] } : { id, success: true, errors: [] };
      });
      const failed = outcomes.some((outcome) => !outcome.success);
      if (!allOrNone || !failed) return { commit: true, result: outcomes };
      const rolledBack = { statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK', message: 'Record rolled back because not all records were valid and the request was using AllOrNone header', fields: [] };
      return { commit: false, result: outcomes.map((outcome) => (outcome.success ? { id: outcome.id, success: false, errors: [rolledBack] } : outcome)) };
    });
    this.send(res, 200, results);
  }

  /** The object an Id belongs to, by its key prefix. */
  objectOfId(id: string): string {
    const prefix = id.slice(0, 3);
    const fromSchema = this.options.schema ? [...this.options.schema.objects.values()].find((object) => object.keyPrefix === prefix)?.name : undefined;
    return fromSchema ?? Object.entries(KEY_PREFIXES).find(([, value]) => value === prefix)?.[0] ?? '';
  }

  /** Deletes one record as `context.user`; the error when refused. */
  deleteRecord(object: string, id: string, context: WriteContext & { user?: OrgUser }): RecordError | null {
    const { schema, policy } = this.options;
    const canonical = schema?.object(object)?.name ?? object;
    if (!this.org.get(canonical, id)) return { statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] };
    if (schema && policy && context.user) {
      const access = policy.objectAccess(context.user, canonical);
      if (!access.delete) return { statusCode: 'INSUFFICIENT_ACCESS_OR_READONLY', message: 'insufficient access rights on object id', fields: [] };
    }
    if (this.lockedFor({ ...this.org.get(canonical, id), object: canonical })) return { statusCode: 'UNABLE_TO_LOCK_ROW', message: 'unable to obtain exclusive access to this record or 1 records', fields: [] };
    this.org.remove(canonical, id, context);
    return null;
  }

  /** A record as the caller may see it: only readable fields, optionally only the named ones. */
  visibleRecord(object: string, record: SRecord, version: string, caller: OrgUser | undefined, only?: string[]): Record<string, unknown> {
    const { schema, policy } = this.options;
    const attributes = { type: object, url: `/services/data/v${version}/sobjects/${object}/${record.Id}` };
    if (!schema) return { attributes, ...record };
    const fields = [...(schema.object(object)?.fields.values() ?? [])].filter((field) => field.type !== 'address' && (!policy || !caller || policy.fieldAccess(caller, object, field).read));
    const wanted = only ? new Set(only.map((name) => name.toLowerCase())) : null;
    return { attributes, ...Object.fromEntries(fields.filter((field) => !wanted || wanted.has(field.name.toLowerCase())).map((field) => [field.name, record[field.name] ?? null])) };
  }

  private sobject(res: ServerResponse, method: string, rest: string, body: Record<string, unknown> | null, version: string, context: WriteContext & { user: OrgUser }, params: URLSearchParams): void {
    const [, , rawObject, id, extra] = rest.split('/');
    const { schema, policy } = this.options;
    const known = rawObject && schema ? schema.object(rawObject) : undefined;
    const object = known?.name ?? rawObject;
    if (!object || (schema && (!known || (policy && !policy.objectAccess(context.user, known.name).read)))) {
      this.send(res, 404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
      return;
    }
    if (method === 'GET' && id === 'describe' && known && schema) {
      const objectAccess = policy ? policy.objectAccess(context.user, known.name) : { create: true, edit: true, delete: true };
      this.send(res, 200, describeObject(schema, known, version, (name, field) => (policy ? policy.fieldAccess(context.user, name, field) : { read: true, edit: !field.system && !field.calculated }), objectAccess));
      return;
    }
    if (method === 'GET' && !id && known) {
      this.send(res, 200, { objectDescribe: { name: known.name, label: known.label, labelPlural: known.labelPlural, keyPrefix: known.keyPrefix, custom: known.custom }, recentItems: [] });
      return;
    }
    if (extra) {
      // /sobjects/X/<externalIdField>/<value>: upsert (PATCH) or read by external id.
      const field = id!;
      if (method === 'PATCH') {
        const outcome = this.writeRecord(object, { ...(body ?? {}), [field]: decodeURIComponent(extra) }, { kind: 'upsert', externalIdField: field }, context);
        if ('errors' in outcome) this.send(res, 400, outcome.errors.map((error) => ({ message: error.message, errorCode: error.statusCode, fields: error.fields })));
        else this.send(res, outcome.created ? 201 : 200, { id: outcome.id, success: true, errors: [], created: outcome.created });
        return;
      }
      const record = this.org.findByField(object, field, decodeURIComponent(extra));
      if (method === 'GET' && record) return this.send(res, 200, this.visibleRecord(object, record, version, context.user));
      return this.send(res, 404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
    }
    if (method === 'GET' && id) {
      const record = this.org.get(object, id);
      if (!record) this.send(res, 404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
      else this.send(res, 200, this.visibleRecord(object, record, version, context.user, params.get('fields')?.split(',').map((name) => name.trim())));
      return;
    }
    if (method === 'POST' && !id) {
      const outcome = this.writeRecord(object, body ?? {}, { kind: 'create' }, context);
      if ('errors' in outcome) this.send(res, 400, outcome.errors.map((error) => ({ message: error.message, errorCode: error.statusCode, fields: error.fields })));
      else this.send(res, 201, { id: outcome.id, success: true, errors: [] });
      return;
    }
    if (method === 'PATCH' && id) {
      const outcome = this.writeRecord(object, { ...(body ?? {}), Id: id }, { kind: 'update' }, context);
      if ('errors' in outcome) this.send(res, outcome.errors[0]?.statusCode === 'ENTITY_IS_DELETED' ? 404 : 400, outcome.errors.map((error) => ({ message: error.message, errorCode: error.statusCode, fields: error.fields })));
      else this.send(res, 204, undefined);
      return;
    }
    if (method === 'DELETE' && id) {
      const error = this.deleteRecord(object, id, context);
      if (!error) this.send(res, 204, undefined);
      else this.send(res, error.statusCode === 'ENTITY_IS_DELETED' ? 404 : 400, [{ errorCode: error.statusCode, message: error.message, fields: error.fields }]);
      return;
    }
    this.send(res, 405, [{ errorCode: 'METHOD_NOT_ALLOWED', message: `HTTP Method '${method}' not allowed` }]);
  }

  private bulkQuery(res: ServerResponse, method: string, rest: string, body: Record<string, unknown> | null, version: string, caller: OrgUser, params: URLSearchParams): void {
    const parts = rest.split('/').filter(Boolean); // jobs, query, [id, [results]]
    if (method === 'POST' && parts.length === 2) {
      const operation = body?.operation === 'queryAll' ? 'queryAll' : body?.operation === 'query' ? 'query' : null;
      if (!operation || typeof body?.query !== 'string') return this.send(res, 400, [{ errorCode: 'INVALIDJOB', message: 'A query job needs operation query or queryAll and a query' }]);
      try {
        const rows = runQuery(this.org, body.query, version, this.scopeFor(caller));
        const object = /\bFROM\s+(\w+)/i.exec(body.query)?.[1] ?? '';
        const job = this.bulkQueries.create(operation, object, rows, caller.Id, new Date(this.clock()).toISOString().replace('Z', '+0000'), []);
        this.limits.queryJobCreated();
        return this.send(res, 200, { ...this.bulkQueries.info(job, version), state: 'UploadComplete' });
      } catch (error) {
        if (error instanceof SoqlError) return this.send(res, 400, [{ errorCode: error.errorCode, message: error.message }]);
        throw error;
      }
    }
    const job = parts[2] ? this.bulkQueries.jobs.get(parts[2]) : undefined;
    if (!job || job.createdById !== caller.Id) return this.send(res, 404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
    if (method === 'GET' && parts.length === 3) return this.send(res, 200, this.bulkQueries.info(job, version));
    if (method === 'DELETE' && parts.length === 3) {
      this.bulkQueries.jobs.delete(job.id);
      return this.send(res, 204, undefined);
    }
    if (method === 'GET' && parts[3] === 'results') {
      const maxRecords = Number(params.get('maxRecords') ?? this.bulkQueryPageSize);
      if (!Number.isInteger(maxRecords) || maxRecords < 1) return this.send(res, 400, [{ errorCode: 'INVALIDJOB', message: 'maxRecords must be a positive whole number' }]);
      const page = this.bulkQueries.page(job, params.get('locator'), maxRecords);
      res.setHeader('Sforce-Locator', page.next);
      res.setHeader('Sforce-NumberOfRecords', String(page.count));
      return this.send(res, 200, page.csv, 'text/csv');
    }
    this.send(res, 405, [{ errorCode: 'METHOD_NOT_ALLOWED', message: `HTTP Method '${method}' not allowed` }]);
  }

  private bulkIngest(res: ServerResponse, method: string, rest: string, body: Record<string, unknown> | null, raw: string, context: WriteContext & { user?: OrgUser }): void {
    const parts = rest.split('/').filter(Boolean); // jobs, ingest, [id, [batches|results]]
    const job: IngestJob | undefined = parts[2] ? this.bulk.jobs.get(parts[2]) : undefined;
    if (method === 'POST' && parts.length === 2) {
      const created = this.bulk.create(body as never);
      this.send(res, 200, this.bulk.info(created));
      return;
    }
    if (!job) {
      this.send(res, 404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
      return;
    }
    if (method === 'PUT' && parts[3] === 'batches') {
      job.csv += raw;
      this.send(res, 201, '', 'text/plain');
      return;
    }
    if (method === 'PATCH' && parts.length === 3) {
      if (body?.state === 'UploadComplete') {
        this.bulk.complete(job, (current, row) => {
          const mode = current.operation === 'upsert' ? { kind: 'upsert' as const, externalIdField: current.externalIdFieldName! } : current.operation === 'insert' ? { kind: 'create' as const } : { kind: 'update' as const };
          const outcome = this.writeRecord(current.object, row, mode, context);
          if ('errors' in outcome) return { error: outcome.errors.map((error) => `${error.statusCode}:${error.message}${error.fields.length ? ` fields: [${error.fields.join(', ')}]` : ''}`).join('; ') };
          return outcome;
        });
        this.limits.ingestJobProcessed(job.successful.length + job.failed.length);
      } else if (body?.state === 'Aborted') {
        job.state = 'Aborted';
      }
      this.send(res, 200, this.bulk.info(job));
      return;
    }
    if (method === 'GET' && parts.length === 3) {
      this.send(res, 200, this.bulk.info(job));
      return;
    }
    if (method === 'GET' && (parts[3] === 'successfulResults' || parts[3] === 'failedResults' || parts[3] === 'unprocessedrecords')) {
      this.send(res, 200, this.bulk.results(job, parts[3]), 'text/csv');
      return;
    }
    this.send(res, 405, [{ errorCode: 'METHOD_NOT_ALLOWED', message: `HTTP Method '${method}' not allowed` }]);
  }
}
