// Between the ACE SDK and the wire JSON the generated schemas and rules read: SDK output as wire
// JSON, wire JSON as SDK input, and the SDK's errors as the engine's classified PortalErrors.
import type { Finding } from '../../core/model.js';
import { PortalError } from '../../engine/portal-client.js';

type Json = Record<string, unknown>;

/** SDK output → the wire JSON the generated schemas and rules read (Dates as RFC 3339, no $metadata). */
export function wireOf<T>(value: unknown): T {
  const convert = (node: unknown): unknown => {
    if (node instanceof Date) return node.toISOString();
    if (Array.isArray(node)) return node.map(convert);
    if (node && typeof node === 'object') {
      const out: Json = {};
      for (const [key, child] of Object.entries(node as Json))
        if (key !== '$metadata' && child !== undefined) out[key] = convert(child);
      return out;
    }
    return node;
  };
  return convert(value) as T;
}

/**
 * The same JSON with object keys sorted: `changedPaths` compares lists as JSON text, and the SDK
 * returns members in model order while the mapping writes them in its own order.
 */
export function withSortedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withSortedKeys) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Json)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, withSortedKeys(v)]),
    ) as T;
  }
  return value;
}

/** Wire JSON → SDK input: the model's timestamp members become Dates. */
export function sdkInputOf<T>(payload: Json): T {
  const out = structuredClone(payload);
  if (typeof out.LastModifiedDate === 'string')
    out.LastModifiedDate = new Date(out.LastModifiedDate) as unknown;
  const history = (out.LifeCycle as Json | undefined)?.NextStepsHistory;
  if (Array.isArray(history))
    for (const entry of history as Json[])
      if (typeof entry.Time === 'string') entry.Time = new Date(entry.Time);
  return out as T;
}

// ---- errors --------------------------------------------------------------------------------------

/** An SDK (or network) failure as the engine's classified PortalError. */
export function portalErrorOf(error: unknown): PortalError {
  if (error instanceof PortalError) return error;
  const e = (error ?? {}) as {
    name?: string;
    message?: string;
    code?: string;
    $fault?: string;
    $metadata?: { httpStatusCode?: number };
    $response?: { headers?: Record<string, string> };
    ErrorList?: Array<{ FieldName?: string; Message?: string; Code?: string }>;
    Reason?: string;
  };
  const name = e.name ?? '';
  const status = e.$metadata?.httpStatusCode;
  const message = `ACE ${name || 'error'}: ${e.message ?? String(error)}`;
  const details = { cause: error, ...(status === undefined ? {} : { status }) };
  switch (name) {
    case 'ThrottlingException': {
      const header = e.$response?.headers?.['retry-after'];
      const seconds = header === undefined ? NaN : Number(header);
      return new PortalError('AWS', 'throttled', message, {
        ...details,
        ...(Number.isFinite(seconds) ? { retryAfterMs: seconds * 1000 } : {}),
      });
    }
    case 'ConflictException':
      return new PortalError('AWS', 'conflict', message, details);
    case 'ValidationException': {
      const findings: Finding[] = (e.ErrorList ?? []).map((item) => ({
        code: `AWS_${item.Code ?? 'INVALID_VALUE'}`,
        severity: 'error',
        cloud: 'AWS',
        path: item.FieldName ? `$.${item.FieldName}` : '$',
        message: item.Message ?? e.message ?? 'ACE refused the value',
      }));
      if (findings.length === 0)
        findings.push({
          code: `AWS_${e.Reason ?? 'VALIDATION'}`,
          severity: 'error',
          cloud: 'AWS',
          path: '$',
          message: e.message ?? 'ACE refused the request',
        });
      return new PortalError('AWS', 'validation', message, { ...details, findings });
    }
    case 'AccessDeniedException':
    case 'UnrecognizedClientException':
    case 'InvalidSignatureException':
    case 'ExpiredTokenException':
    case 'CredentialsProviderError':
      return new PortalError('AWS', 'auth', message, details);
    case 'ResourceNotFoundException':
      return new PortalError('AWS', 'not-found', message, details);
    case 'ServiceQuotaExceededException':
      return new PortalError('AWS', 'quota-exhausted', message, details);
    case 'InternalServerException':
    case 'ServiceUnavailableException':
      return new PortalError('AWS', 'unavailable', message, details);
    case 'TimeoutError':
    case 'AbortError':
    case 'RequestTimeout':
      return new PortalError('AWS', 'timeout', message, details);
    default:
      break;
  }
  if (
    ['ETIMEDOUT', 'ECONNRESET', 'EPIPE', 'ESOCKETTIMEDOUT'].includes(e.code ?? '') ||
    /socket hang up|timed? ?out/i.test(e.message ?? '')
  ) {
    return new PortalError('AWS', 'timeout', message, details);
  }
  if (
    e.$fault === 'server' ||
    (status !== undefined && status >= 500) ||
    ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'].includes(e.code ?? '')
  ) {
    return new PortalError('AWS', 'unavailable', message, details);
  }
  return new PortalError('AWS', 'unavailable', message, details);
}
