// Cloud Channel's google.rpc errors as the engine's classified PortalErrors, with the field
// violations Google names as findings.
import type { Finding } from '../../core/model.js';
import { PortalError, retryAfterMs } from '../../engine/portal-client.js';

type Json = Record<string, unknown>;

/** What an AE sees while Google reviews: the edit waits, it is not lost. */
export function lockedInReviewFinding(): Finding {
  return {
    code: 'GOOGLE_LOCKED_IN_REVIEW',
    severity: 'info',
    cloud: 'Google',
    path: '$.state',
    message: 'Google is reviewing this opportunity; the change is applied once it has decided',
  };
}

/** A google.rpc error (with its ErrorInfo reason and BadRequest field violations) as a PortalError. */
export function googleErrorOf(
  status: number,
  body: unknown,
  headers: Headers,
  now: Date,
): PortalError {
  const error = ((body as { error?: unknown } | null)?.error ?? null) as {
    status?: string;
    message?: string;
    details?: Json[];
  } | null;
  const rpc = error?.status ?? `HTTP_${status}`;
  const reason = error?.details?.find((d) => String(d['@type']).endsWith('google.rpc.ErrorInfo'))
    ?.reason as string | undefined;
  const message = `Cloud Channel ${status} ${rpc}${reason ? ` (${reason})` : ''}: ${error?.message ?? 'no error body'}`;
  const wait = retryAfterMs(headers.get('retry-after'), now);
  const details = { status, ...(wait === undefined ? {} : { retryAfterMs: wait }) };
  const violations = (error?.details?.find((d) =>
    String(d['@type']).endsWith('google.rpc.BadRequest'),
  )?.fieldViolations ?? []) as Array<{ field?: string; description?: string; reason?: string }>;
  const findings: Finding[] = violations.map((v) => ({
    code: v.reason ?? 'GOOGLE_INVALID_ARGUMENT',
    severity: 'error',
    cloud: 'Google',
    path: v.field ? `$.${v.field}` : '$',
    message: v.description ?? error?.message ?? 'Google refused the value',
  }));
  if (rpc === 'RESOURCE_EXHAUSTED' || status === 429)
    return new PortalError('Google', 'throttled', message, details);
  if (rpc === 'UNAVAILABLE' || rpc === 'INTERNAL' || status >= 500)
    return new PortalError('Google', 'unavailable', message, details);
  if (rpc === 'DEADLINE_EXCEEDED') return new PortalError('Google', 'timeout', message, details);
  if (rpc === 'ABORTED' || rpc === 'ALREADY_EXISTS' || status === 409)
    return new PortalError('Google', 'conflict', message, details);
  if (rpc === 'UNAUTHENTICATED' || rpc === 'PERMISSION_DENIED' || status === 401 || status === 403)
    return new PortalError('Google', 'auth', message, details);
  if (rpc === 'NOT_FOUND' || status === 404)
    return new PortalError('Google', 'not-found', message, details);
  if (rpc === 'FAILED_PRECONDITION' && reason === 'OPPORTUNITY_UNDER_REVIEW') {
    return new PortalError('Google', 'locked', message, {
      ...details,
      findings: [lockedInReviewFinding()],
    });
  }
  return new PortalError('Google', 'validation', message, {
    ...details,
    findings:
      findings.length > 0
        ? findings
        : [
            {
              code: `GOOGLE_${reason ?? rpc}`,
              severity: 'error',
              cloud: 'Google',
              path: '$',
              message: error?.message ?? 'Google refused the request',
            },
          ],
  });
}
