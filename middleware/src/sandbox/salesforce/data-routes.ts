// The local org's versioned data API (`/services/data/vXX.X/...`) after the caller is known: which
// route module answers each kind of call (queries, records, Collections, bulk, limits, describes,
// the UI API, /composite and GraphQL).
import type { ServerResponse } from 'node:http';
import { bulkIngest, bulkQuery } from './bulk-routes.js';
import { describeGlobal } from './describe.js';
import { runUiApiGraphql } from './graphql.js';
import type { WriteContext } from './org.js';
import type { OrgUser } from './permissions.js';
import { query, queryMore } from './query-routes.js';
import { collections, composite, sobject, uiApi } from './record-routes.js';
import { sendNotFound, type RouteHost } from './route-host.js';
import type { CallKind } from './server-options.js';

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

export function routeDataCall(host: RouteHost, res: ServerResponse, call: DataCall): void {
  const { kind, method, rest, params, version, body, raw, caller, context } = call;
  const { schema, policy } = host.options;
  switch (kind) {
    case 'query':
      return query(
        host,
        res,
        params.get('q') ?? '',
        version,
        caller,
        params.get('columns') === 'true',
      );
    case 'queryMore':
      return queryMore(host, res, rest.split('/').at(-1)!);
    case 'composite':
      return collections(host, res, method, rest, body, context, params);
    case 'sobject':
      return sobject(host, res, method, rest, body, version, context, params);
    case 'limits':
      return host.send(res, 200, host.limits.report(host.apiUsage));
    case 'bulk':
      if (rest.startsWith('/jobs/query'))
        return bulkQuery(host, res, method, rest, body, version, caller, params);
      return bulkIngest(host, res, method, rest, body, raw, context);
    default:
      if (rest === '/sobjects' && method === 'GET' && schema) {
        return host.send(
          res,
          200,
          describeGlobal(
            schema,
            version,
            (object) => !policy || policy.objectAccess(caller, object).read,
          ),
        );
      }
      if (rest.startsWith('/ui-api/') && schema && policy)
        return uiApi(host, res, method, rest, params, body, version, context);
      if (rest === '/composite' && method === 'POST')
        return composite(host, res, body, version, context, caller);
      if (rest === '/graphql' && method === 'POST' && schema) {
        return host.send(
          res,
          200,
          runUiApiGraphql(host.org, schema, host.scopeFor(caller)!, version, body ?? {}),
        );
      }
      // Describes are counted apart from record calls, and answered by the sObject resource.
      if (rest.startsWith('/sobjects/'))
        return sobject(host, res, method, rest, body, version, context, params);
      sendNotFound(host, res);
  }
}
