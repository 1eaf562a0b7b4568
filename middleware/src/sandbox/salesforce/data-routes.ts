// The local org's versioned data API (`/services/data/vXX.X/...`) after the caller is known: which
// route module answers each kind of call (queries, records, Collections, bulk, limits, describes,
// the UI API, /composite and GraphQL).
import type { ServerResponse } from 'node:http';
import { bulkIngest, bulkQuery } from './bulk-routes.js';
import { describeGlobal } from './describe.js';
import { runUiApiGraphql } from './graphql.js';
import { query, queryMore } from './query-routes.js';
import { collections, composite, sobject, uiApi } from './record-routes.js';
import { sendNotFound, type DataCall, type RouteHost } from './route-host.js';

export function routeDataCall(host: RouteHost, res: ServerResponse, call: DataCall): void {
  const { kind, method, rest, params, version, body, caller, context } = call;
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
      return collections(host, res, call);
    case 'sobject':
      return sobject(host, res, call);
    case 'limits':
      return host.send(res, 200, host.limits.report(host.apiUsage));
    case 'bulk':
      if (rest.startsWith('/jobs/query')) return bulkQuery(host, res, call);
      return bulkIngest(host, res, call);
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
      if (rest.startsWith('/ui-api/') && schema && policy) return uiApi(host, res, call);
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
      if (rest.startsWith('/sobjects/')) return sobject(host, res, call);
      sendNotFound(host, res);
  }
}
