// The one HTTP transport of the REST portals (Partner Center, Cloud Channel): a bearer token per
// call, JSON in and out, a per-request timeout, and every failure as a classified PortalError (no
// token: auth; no answer or a cut-off one: timeout; a refused connection: unavailable; an error
// status: whatever the portal's own error reader makes of its body).
import type { Cloud } from '../core/model.js';
import { PortalError, type PortalErrorKind } from '../engine/portal-client.js';

export interface RestTransportOptions {
  cloud: Cloud;
  /** The portal's name in messages ("Partner Center"). */
  label: string;
  baseUrl: string;
  token: () => Promise<string>;
  timeoutMs: number;
  /** The portal's error body (and HTTP status) as a classified PortalError. */
  errorOf: (status: number, body: unknown, headers: Headers, now: Date) => PortalError;
  /** Headers each request carries besides authorization and accept (made per request, e.g. a request id). */
  headers?: () => Record<string, string>;
}

export interface RestAnswer {
  /** The parsed JSON body; the text when it is not JSON; undefined when empty. */
  body: unknown;
  headers: Headers;
  status: number;
}

export interface RestRequest {
  body?: unknown;
  headers?: Record<string, string>;
}

export type RestCall = (
  method: string,
  target: string,
  request?: RestRequest,
) => Promise<RestAnswer>;

/** A call function for one portal; `target` is a path under the base URL, or an absolute URL (a next-page link). */
export function createRestTransport(options: RestTransportOptions): RestCall {
  const { cloud, label, timeoutMs } = options;
  return async function call(method, target, request = {}) {
    const token = await failingAs(
      cloud,
      'auth',
      () => options.token(),
      (error) => `no ${label} access token: ${error.message}`,
    );
    const url = target.startsWith('http') ? target : `${options.baseUrl}${target}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...options.headers?.(),
          ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...request.headers,
        },
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError')
        throw new PortalError(
          cloud,
          'timeout',
          `${label} ${method} ${target} gave no answer within ${timeoutMs} ms`,
          { cause: error },
        );
      throw new PortalError(
        cloud,
        'unavailable',
        `${label} ${method} ${target} failed: ${(error as Error).message}`,
        { cause: error },
      );
    }
    const text = await failingAs(
      cloud,
      'timeout',
      () => response.text(),
      () => `${label} ${method} ${target}: the answer was cut off`,
    );
    let body: unknown = undefined;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    if (!response.ok) throw options.errorOf(response.status, body, response.headers, new Date());
    return { body, headers: response.headers, status: response.status };
  };
}

/** The step's value; its failure becomes a PortalError of `kind`, the original kept as the cause. */
async function failingAs<T>(
  cloud: Cloud,
  kind: PortalErrorKind,
  step: () => Promise<T>,
  message: (error: Error) => string,
): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw new PortalError(cloud, kind, message(error as Error), { cause: error });
  }
}
