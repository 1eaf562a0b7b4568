// A local Salesforce REST API for the gateway's tests (node:http): the OAuth token endpoint, query and
// queryMore, sObject CRUD, sObject Collections, /limits and Bulk API 2.0 ingest, with Salesforce's
// response and error shapes, the Sforce-Limit-Info header, fault injection and a count of API calls.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BulkJobs, type IngestJob } from './bulk.js';
import { checkJwtBearer } from './oauth.js';
import { EXTERNAL_IDS, InMemoryOrg, type RecordError, type SRecord } from './org.js';
import { runQuery, SoqlError } from './soql.js';
import { ChangeEventStream, type ChangeEventStreamOptions } from './streaming.js';

export type CallKind = 'token' | 'query' | 'queryMore' | 'sobject' | 'composite' | 'limits' | 'bulk' | 'other';

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
}

interface Cursor {
  rows: Array<Record<string, unknown>>;
  offset: number;
}

const JSON_TYPE = 'application/json;charset=UTF-8';

export class SalesforceTestServer {
  readonly org: InMemoryOrg;
  readonly bulk = new BulkJobs();
  /** API calls by kind (the token call does not count against the org's allocation, but is counted here). */
  readonly calls: Record<CallKind, number> = { token: 0, query: 0, queryMore: 0, sobject: 0, composite: 0, limits: 0, bulk: 0, other: 0 };
  /** Every request: method, path and kind, in order. */
  readonly log: Array<{ method: string; path: string; kind: CallKind; status: number }> = [];
  /** Record counts of each sObject Collections request, in order. */
  readonly collectionSizes: number[] = [];
  /** The allOrNone flag each sObject Collections request carried. */
  readonly collectionAllOrNone: unknown[] = [];
  private readonly faults: Fault[] = [];
  private readonly lockedRecords: Array<{ matches: (record: Record<string, unknown>) => boolean; remaining: number }> = [];
  private readonly tokens = new Set<string>();
  private readonly cursors = new Map<string, Cursor>();
  private readonly clock: () => Date;
  private readonly pageSize: number;
  private readonly apiLimit: number;
  readonly apiVersion: string;
  /** Change Data Capture over CometD at /cometd/<version>. */
  readonly streaming: ChangeEventStream;
  private apiUsed = 0;
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
  }

  /** Listens on `port` (0: any free one) and returns the org's bare origin. */
  async start(port = 0, host = '127.0.0.1'): Promise<string> {
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

  private send(res: ServerResponse, status: number, body: unknown, contentType = JSON_TYPE): void {
    res.statusCode = status;
    res.setHeader('content-type', contentType);
    res.end(typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body));
  }

  private kindOf(method: string, path: string): CallKind {
    if (path === '/services/oauth2/token') return 'token';
    const rest = path.replace(/^\/services\/data\/v[\d.]+/, '');
    if (/^\/query\/[^/]+$/.test(rest)) return 'queryMore';
    if (rest === '/query' || rest === '/queryAll') return 'query';
    if (rest.startsWith('/composite/sobjects')) return 'composite';
    if (rest.startsWith('/sobjects')) return 'sobject';
    if (rest === '/limits') return 'limits';
    if (rest.startsWith('/jobs/ingest')) return 'bulk';
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

  private async body(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    const kind = this.kindOf(method, url.pathname);
    this.calls[kind]++;
    const entry = { method, path: url.pathname + url.search, kind, status: 0 };
    this.log.push(entry);
    res.on('finish', () => {
      entry.status = res.statusCode;
    });
    const raw = await this.body(req);

    if (kind === 'token') return this.token(res, raw);

    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!bearer || !this.tokens.has(bearer)) {
      this.send(res, 401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
      return;
    }
    const fault = this.takeFault(kind, method);
    if (fault?.error === 'INVALID_SESSION_ID') this.tokens.delete(bearer);
    this.apiUsed++;
    res.setHeader('Sforce-Limit-Info', `api-usage=${this.apiUsed}/${this.apiLimit}`);
    if (fault) return this.faultResponse(res, fault);

    const version = /^\/services\/data\/v([\d.]+)/.exec(url.pathname)?.[1];
    if (version !== this.apiVersion) {
      this.send(res, 404, [{ errorCode: 'NOT_FOUND', message: `The requested resource does not exist (API version ${version ?? 'none'})` }]);
      return;
    }
    const rest = url.pathname.replace(/^\/services\/data\/v[\d.]+/, '');
    const body = raw && (req.headers['content-type'] ?? '').includes('json') ? (JSON.parse(raw) as Record<string, unknown>) : null;
    switch (kind) {
      case 'query':
        return this.query(res, url.searchParams.get('q') ?? '');
      case 'queryMore':
        return this.queryMore(res, rest.split('/').at(-1)!);
      case 'composite':
        return this.collections(res, method, rest, body);
      case 'sobject':
        return this.sobject(res, method, rest, body);
      case 'limits':
        this.send(res, 200, { DailyApiRequests: { Max: this.apiLimit, Remaining: this.apiLimit - this.apiUsed } });
        return;
      case 'bulk':
        return this.bulkIngest(res, method, rest, body, raw);
      default:
        this.send(res, 404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
    }
  }

  private token(res: ServerResponse, raw: string): void {
    const decision = checkJwtBearer(new URLSearchParams(raw), {
      publicKeyPem: this.options.publicKeyPem,
      clientId: this.options.clientId,
      usernames: this.options.usernames,
      audience: this.url,
      now: this.clock,
    });
    if (!decision.ok) {
      this.send(res, 400, { error: decision.error, error_description: decision.description });
      return;
    }
    const accessToken = `00D000000000001!${randomBytes(24).toString('base64url')}`;
    this.tokens.add(accessToken);
    this.send(res, 200, {
      access_token: accessToken,
      scope: 'api',
      instance_url: this.url,
      id: `${this.url}/id/00D000000000001AAA/005000000000001AAA`,
      token_type: 'Bearer',
    });
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

  private query(res: ServerResponse, soql: string): void {
    try {
      const rows = runQuery(this.org, soql, this.apiVersion);
      this.page(res, `01g${randomBytes(6).toString('hex').toUpperCase()}`, { rows, offset: 0 });
    } catch (error) {
      if (error instanceof SoqlError) {
        this.send(res, 400, [{ message: error.message, errorCode: error.errorCode }]);
        return;
      }
      throw error;
    }
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
  writeRecord(object: string, fields: Record<string, unknown>, mode: { kind: 'create' } | { kind: 'update' } | { kind: 'upsert'; externalIdField: string }): { id: string; created: boolean } | { errors: RecordError[] } {
    const values = { ...fields };
    delete values.attributes;
    // Field names are case-insensitive in the API; jsforce sends a collection update's Id as `id`.
    if (values.Id === undefined && values.id !== undefined) values.Id = values.id;
    delete values.id;
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
      if (!(EXTERNAL_IDS[object] ?? []).includes(mode.externalIdField)) {
        return { errors: [{ statusCode: 'INVALID_FIELD', message: `Field ${mode.externalIdField} is not an external id on ${object}`, fields: [mode.externalIdField] }] };
      }
      const key = values[mode.externalIdField];
      if (typeof key !== 'string' || key === '') return { errors: [{ statusCode: 'REQUIRED_FIELD_MISSING', message: `Required fields are missing: [${mode.externalIdField}]`, fields: [mode.externalIdField] }] };
      existing = this.org.findByField(object, mode.externalIdField, key);
    }
    delete values.Id;
    const saved = this.org.save(object, values, existing);
    if (saved.errors) return { errors: saved.errors };
    return { id: saved.record!.Id, created: saved.created };
  }

  private collections(res: ServerResponse, method: string, rest: string, body: Record<string, unknown> | null): void {
    const records = (body?.records ?? []) as Array<Record<string, unknown>>;
    if (records.length > 200) {
      this.send(res, 400, [{ message: 'Maximum number of records allowed is 200', errorCode: 'EXCEEDED_ID_LIMIT' }]);
      return;
    }
    this.collectionSizes.push(records.length);
    this.collectionAllOrNone.push(body?.allOrNone);
    const parts = rest.split('/').filter(Boolean); // composite, sobjects, [type, extField]
    const upsert = parts.length === 4 ? { object: parts[2]!, externalIdField: parts[3]! } : null;
    const results = records.map((record) => {
      const object = upsert?.object ?? String((record.attributes as { type?: string } | undefined)?.type ?? '');
      const mode = upsert ? { kind: 'upsert' as const, externalIdField: upsert.externalIdField } : method === 'POST' ? { kind: 'create' as const } : { kind: 'update' as const };
      const outcome = this.writeRecord(object, record, mode);
      if ('errors' in outcome) return { success: false, errors: outcome.errors };
      return { id: outcome.id, success: true, errors: [], ...(mode.kind === 'update' ? {} : { created: outcome.created }) };
    });
    this.send(res, 200, results);
  }

  private sobject(res: ServerResponse, method: string, rest: string, body: Record<string, unknown> | null): void {
    const [, , object, id] = rest.split('/');
    if (!object) {
      this.send(res, 404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
      return;
    }
    if (method === 'GET' && id) {
      const record = this.org.get(object, id);
      if (!record) this.send(res, 404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
      else this.send(res, 200, { attributes: { type: object, url: `/services/data/v${this.apiVersion}/sobjects/${object}/${id}` }, ...record });
      return;
    }
    if (method === 'POST' && !id) {
      const outcome = this.writeRecord(object, body ?? {}, { kind: 'create' });
      if ('errors' in outcome) this.send(res, 400, outcome.errors.map((error) => ({ message: error.message, errorCode: error.statusCode, fields: error.fields })));
      else this.send(res, 201, { id: outcome.id, success: true, errors: [] });
      return;
    }
    if (method === 'PATCH' && id) {
      const outcome = this.writeRecord(object, { ...(body ?? {}), Id: id }, { kind: 'update' });
      if ('errors' in outcome) this.send(res, 400, outcome.errors.map((error) => ({ message: error.message, errorCode: error.statusCode, fields: error.fields })));
      else this.send(res, 204, undefined);
      return;
    }
    if (method === 'DELETE' && id) {
      const existed = this.org.remove(object, id);
      if (existed) this.send(res, 204, undefined);
      else this.send(res, 404, [{ errorCode: 'ENTITY_IS_DELETED', message: 'entity is deleted' }]);
      return;
    }
    this.send(res, 405, [{ errorCode: 'METHOD_NOT_ALLOWED', message: `HTTP Method '${method}' not allowed` }]);
  }

  private bulkIngest(res: ServerResponse, method: string, rest: string, body: Record<string, unknown> | null, raw: string): void {
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
          const outcome = this.writeRecord(current.object, row, mode);
          if ('errors' in outcome) return { error: outcome.errors.map((error) => `${error.statusCode}:${error.message}${error.fields.length ? ` fields: [${error.fields.join(', ')}]` : ''}`).join('; ') };
          return outcome;
        });
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
