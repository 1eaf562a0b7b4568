// How the Partner Center emulator reads a request: which operation its method and path name, and
// its JSON body.
import type { IncomingMessage } from 'node:http';
import { jsonBody, requestTarget } from '../rest-emulator-kit.js';
import { finding, invalid, PartnerCenterError } from './emulator-requests.js';

export const BASE_PATH = '/v1.0/engagements/referrals';

/** The request body as JSON (undefined when empty); a 400 when it is not JSON. */
export function parseJson(text: string): unknown {
  return jsonBody(text, undefined, () =>
    invalid([finding('BODY_NOT_JSON', '$', 'the request body is not JSON')]),
  );
}

/** The operation a request asks for, the referral it names, and its query; 404 or 405 otherwise. */
export function route(request: IncomingMessage): {
  operation: string;
  id: string | null;
  query: URLSearchParams;
} {
  const { path, query, method } = requestTarget(request);
  if (path === '/webhooks/v1/registration' && method === 'POST')
    return { operation: 'registerWebhook', id: null, query };
  if (path === BASE_PATH) {
    if (method === 'POST') return { operation: 'create', id: null, query };
    if (method === 'GET') return { operation: 'list', id: null, query };
  }
  const match = new RegExp(`^${BASE_PATH}/([^/]+)$`).exec(path);
  if (match) {
    const id = decodeURIComponent(match[1]!);
    const operation =
      method === 'GET' ? 'get' : method === 'PUT' ? 'update' : method === 'PATCH' ? 'patch' : null;
    if (operation) return { operation, id, query };
    throw new PartnerCenterError(405, 'invalidRequest', `${method} is not allowed on a referral`);
  }
  throw new PartnerCenterError(404, 'itemNotFound', `No resource at ${method} ${path}`);
}
