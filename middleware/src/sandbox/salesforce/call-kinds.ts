// Which kind of API call a request path is, as the local org counts them: record calls, queries,
// Collections, bulk jobs, limits, the token call, and the rest (describes among them).
import type { CallKind } from './server-options.js';

const VERSIONED = /^\/services\/data\/v[\d.]+/;

export function callKindOf(path: string): CallKind {
  if (path === '/services/oauth2/token') return 'token';
  if (
    /^\/services\/data\/v[\d.]+\/sobjects\/[^/]+\/describe$/.test(path) ||
    /^\/services\/data\/v[\d.]+\/sobjects\/?$/.test(path)
  )
    return 'other';
  const rest = path.replace(VERSIONED, '');
  if (/^\/query\/[^/]+$/.test(rest)) return 'queryMore';
  if (rest === '/query' || rest === '/queryAll') return 'query';
  if (rest.startsWith('/composite/sobjects')) return 'composite';
  if (rest.startsWith('/sobjects')) return 'sobject';
  if (rest === '/limits') return 'limits';
  if (rest.startsWith('/jobs/ingest') || rest.startsWith('/jobs/query')) return 'bulk';
  return 'other';
}
