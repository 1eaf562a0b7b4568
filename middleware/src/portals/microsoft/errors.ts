// Partner Center's error bodies as the engine's classified PortalErrors, with the details (or the
// innermost error) as findings at the JSON paths the service named.
import type { Finding } from '../../core/model.js';
import { PortalError, retryAfterMs } from '../../engine/portal-client.js';
import { ReferralErrorResponse } from './schema.js';

const TRANSIENT_STATUSES = new Set([500, 502, 503, 504, 507, 509]);

/** Partner Center's error body (and HTTP status) as the engine's classified PortalError. */
export function microsoftErrorOf(
  status: number,
  body: unknown,
  headers: Headers,
  now: Date,
): PortalError {
  const parsed = ReferralErrorResponse.safeParse(body);
  const error = parsed.success ? parsed.data.error : null;
  const code = error?.code ?? `http${status}`;
  const message = `Partner Center ${status} ${code}: ${error?.message ?? 'no error body'}`;
  const wait = retryAfterMs(headers.get('retry-after'), now);
  const details = { status, ...(wait === undefined ? {} : { retryAfterMs: wait }) };
  if (status === 429) return new PortalError('Microsoft', 'throttled', message, details);
  if (TRANSIENT_STATUSES.has(status))
    return new PortalError('Microsoft', 'unavailable', message, details);
  if (status === 412 || status === 409)
    return new PortalError('Microsoft', 'conflict', message, details);
  if (status === 423) {
    return new PortalError('Microsoft', 'locked', message, {
      ...details,
      findings: findingsOf(error, 'MICROSOFT_LOCKED_IN_REVIEW'),
    });
  }
  if (status === 401 || status === 403)
    return new PortalError('Microsoft', 'auth', message, details);
  if (status === 404 || status === 410)
    return new PortalError('Microsoft', 'not-found', message, details);
  if (status === 408) return new PortalError('Microsoft', 'timeout', message, details);
  return new PortalError('Microsoft', 'validation', message, {
    ...details,
    findings: findingsOf(error, `MICROSOFT_${code}`),
  });
}

/** The error's details (or its innerError chain) as findings at the JSON paths the service named. */
function findingsOf(
  error: {
    code: string;
    message?: string | undefined;
    target?: string | null | undefined;
    innerError?: unknown;
  } | null,
  fallbackCode: string,
): Finding[] {
  const details = (
    error as { details?: Array<{ code?: string; message?: string; target?: string | null }> } | null
  )?.details;
  const path = (target: string | null | undefined) =>
    target ? (target.startsWith('$') ? target : `$.${target}`) : '$';
  if (Array.isArray(details) && details.length > 0) {
    return details.map((d) => ({
      code: d.code ?? fallbackCode,
      severity: 'error',
      cloud: 'Microsoft',
      path: path(d.target),
      message: d.message ?? error?.message ?? 'Partner Center refused the value',
    }));
  }
  let inner = error as {
    code: string;
    message?: string;
    target?: string | null;
    innerError?: unknown;
  } | null;
  while (inner?.innerError) inner = inner.innerError as typeof inner;
  return [
    {
      code: inner && inner !== error ? inner.code : fallbackCode,
      severity: 'error',
      cloud: 'Microsoft',
      path: path(inner?.target ?? error?.target),
      message: inner?.message ?? error?.message ?? 'Partner Center refused the request',
    },
  ];
}

/** An update to a referral that is won, lost, declined or expired: it no longer changes. */
export function referralClosedError(portalId: string, substatus: string): PortalError {
  return new PortalError(
    'Microsoft',
    'validation',
    `Partner Center referral ${portalId} is Closed/${substatus}: it no longer changes`,
    {
      findings: [
        {
          code: 'MICROSOFT_REFERRAL_CLOSED',
          severity: 'error',
          cloud: 'Microsoft',
          path: '$.status',
          message: `the referral is Closed/${substatus}; won, lost, declined and expired referrals cannot change`,
        },
      ],
    },
  );
}

/** An update to a co-sell ask Microsoft has not decided on yet: the edit waits. */
export function awaitingDecisionError(portalId: string): PortalError {
  return new PortalError(
    'Microsoft',
    'locked',
    `Partner Center referral ${portalId} awaits Microsoft's decision; the edit waits`,
    {
      findings: [
        {
          code: 'MICROSOFT_LOCKED_IN_REVIEW',
          severity: 'info',
          cloud: 'Microsoft',
          path: '$.status',
          message:
            'Microsoft is deciding on this co-sell ask; the change is applied once it is decided',
        },
      ],
    },
  );
}

/** A decision the referral's status does not allow (accepting a declined referral, say). */
export function illegalTransitionError(error: Error): PortalError {
  return new PortalError('Microsoft', 'validation', error.message, {
    findings: [
      {
        code: 'MICROSOFT_ILLEGAL_TRANSITION',
        severity: 'error',
        cloud: 'Microsoft',
        path: '$.status',
        message: error.message,
      },
    ],
    cause: error,
  });
}
