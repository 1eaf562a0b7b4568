// What the local org's REST route modules need from the server: its state, the shared record paths
// and the one way an answer leaves. The server builds one host and hands it to every route.
import type { ServerResponse } from 'node:http';
import type { BulkJobs } from './bulk.js';
import type { BulkQueryJobs } from './bulk-query.js';
import type { OrgLimitCounters } from './limits.js';
import type { WriteContext } from './org.js';
import type { OrgUser } from './permissions.js';
import type { RecordStore } from './record-writes.js';
import type { CallKind } from './server-options.js';
import type { QueryScope } from './soql.js';

/** A query's rows and how far queryMore has paged through them. */
export interface Cursor {
  rows: Array<Record<string, unknown>>;
  offset: number;
}

/** One data API call: its kind, method, path below the version, query, bodies and caller. */
export interface DataCall {
  kind: CallKind;
  method: string;
  /** The path below `/services/data/vXX.X`, without a trailing slash. */
  rest: string;
  params: URLSearchParams;
  version: string;
  /** The body parsed when it is JSON, else null. */
  body: Record<string, unknown> | null;
  raw: string;
  caller: OrgUser;
  context: WriteContext & { user: OrgUser };
}

export interface RouteHost extends RecordStore {
  /** The org's bare origin once listening. */
  readonly url: string;
  readonly apiVersion: string;
  readonly clock: () => Date;
  /** Rows per query page. */
  readonly pageSize: number;
  readonly cursors: Map<string, Cursor>;
  readonly users: Map<string, OrgUser>;
  readonly bulk: BulkJobs;
  readonly bulkQueries: BulkQueryJobs;
  readonly bulkQueryPageSize: number;
  readonly limits: OrgLimitCounters;
  readonly collectionSizes: number[];
  readonly collectionAllOrNone: unknown[];
  /** API calls counted against the org's daily allocation, and that allocation. */
  readonly apiUsage: { used: number; max: number };
  send(res: ServerResponse, status: number, body: unknown, contentType?: string): void;
  /** What a query or describe by `caller` may see; none without a schema. */
  scopeFor(caller: OrgUser): QueryScope | undefined;
  userByName(username: string): OrgUser | undefined;
  issueToken(userId: string): string;
}

/** Salesforce's 404 for a path or record the org does not have. */
export function sendNotFound(host: RouteHost, res: ServerResponse): void {
  host.send(res, 404, [
    { errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' },
  ]);
}

/** Salesforce's 405 for a method the resource does not take. */
export function sendMethodNotAllowed(host: RouteHost, res: ServerResponse, method: string): void {
  host.send(res, 405, [
    { errorCode: 'METHOD_NOT_ALLOWED', message: `HTTP Method '${method}' not allowed` },
  ]);
}
