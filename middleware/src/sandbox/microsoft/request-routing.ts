// How the Partner Center emulator reads a request: which operation its method and path name, and
// its JSON body.
import type { IncomingMessage } from 'node:http';
import { finding, invalid, PartnerCenterError } from './emulator-requests.js';

export const BASE_PATH = '/v1.0/engagements/referrals';

/** The request body as JSON (undefined when empty); a 400 when it is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return text.length === 0 ? undefined : (JSON.parse(text) as unknown);
  } catch {
    throw invalid([finding('BODY_NOT_JSON', '$', 'the request body is not JSON')]);
  }
}

/** The operation a request asks for, the referral it names, and its query; 404 or 405 otherwise. */
export function route(request: IncomingMessage): {
  operation: string;
  id: string | null;
  query: URLSearchParams;
} {
  const target = new URL(request.url ?? '/', 'http://emulator');
  const method = request.method ?? 'GET';
  if (target.pathname === '/webhooks/v1/registration' && method === 'POST')
    return { operation: 'registerWebhook', id: null, query: target.searchParams };
  if (target.pathname === BASE_PATH) {
    if (method === 'POST') return { operation: 'create', id: null, query: target.searchParams };
    if (method === 'GET') return { operation: 'list', id: null, query: target.searchParams };
  }
  const match = new RegExp(`^${BASE_PATH}/([^/]+)$`).exec(target.pathname);
  if (match) {
    const id = decodeURIComponent(match[1]!);
    const operation =
      method === 'GET' ? 'get' : method === 'PUT' ? 'update' : method === 'PATCH' ? 'patch' : null;
    if (operation) return { operation, id, query: target.searchParams };
    throw new PartnerCenterError(405, 'invalidRequest', `${method} is not allowed on a referral`);
  }
  throw new PartnerCenterError(404, 'itemNotFound', `No resource at ${method} ${target.pathname}`);
}
