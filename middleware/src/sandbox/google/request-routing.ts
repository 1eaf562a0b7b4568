// How the Cloud Channel emulator reads a request: which operation its method and path name, and its
// JSON body.
import type { IncomingMessage } from 'node:http';
import { jsonBody, requestTarget } from '../rest-emulator-kit.js';
import { finding, GoogleRpcError, invalid } from './emulator-requests.js';

const API = '/v1alpha1/opportunities';

/** The request body as JSON (an empty body is {}); INVALID_ARGUMENT when it is not JSON. */
export function parseJson(text: string): unknown {
  return jsonBody(text, {}, () =>
    invalid([finding('BODY_NOT_JSON', '$', 'the request body is not JSON')]),
  );
}

/** The operation a request asks for, the opportunity it names, and its query; NOT_FOUND otherwise. */
export function route(request: IncomingMessage): {
  operation: string;
  name: string | null;
  params: URLSearchParams;
} {
  const { path, query: params, method } = requestTarget(request);
  if (path === '/token' && method === 'POST') return { operation: 'token', name: null, params };
  if (path === API && method === 'POST') return { operation: 'create', name: null, params };
  if (path === `${API}:query` && method === 'GET')
    return { operation: 'query', name: null, params };
  const match = /^\/v1alpha1\/(opportunities\/[^/:]+)$/.exec(path);
  if (match && (method === 'GET' || method === 'PATCH'))
    return {
      operation: method === 'GET' ? 'get' : 'patch',
      name: decodeURIComponent(match[1]!),
      params,
    };
  throw new GoogleRpcError('NOT_FOUND', `No method for ${method} ${path}.`);
}
