// The Cloud Channel emulator's request pieces: google.rpc errors, updateMask paths, the AIP-160
// filter subset the client uses, and the service-account assertions its token endpoint checks.
import { createPublicKey, createVerify } from 'node:crypto';
import type { Finding } from '../../core/model.js';
import { CLOUD_CHANNEL_SCOPE } from '../../portals/google/auth-constants.js';
import type { JsonReply } from '../rest-emulator-kit.js';
import type { Json } from './emulator-types.js';

const HTTP_BY_STATUS: Record<string, number> = {
  INVALID_ARGUMENT: 400,
  FAILED_PRECONDITION: 400,
  UNAUTHENTICATED: 401,
  PERMISSION_DENIED: 403,
  NOT_FOUND: 404,
  ABORTED: 409,
  ALREADY_EXISTS: 409,
  RESOURCE_EXHAUSTED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

/** A google.rpc.Status error: canonical code name, message, ErrorInfo and BadRequest details. */
export class GoogleRpcError extends Error {
  constructor(
    readonly rpcStatus: keyof typeof HTTP_BY_STATUS,
    message: string,
    readonly extra: {
      reason?: string;
      findings?: Finding[];
      headers?: Record<string, string>;
    } = {},
  ) {
    super(message);
  }

  reply(): JsonReply {
    const code = HTTP_BY_STATUS[this.rpcStatus]!;
    const details: Json[] = [];
    if (this.extra.reason)
      details.push({
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: this.extra.reason,
        domain: 'cloudchannel.googleapis.com',
      });
    if (this.extra.findings?.length) {
      details.push({
        '@type': 'type.googleapis.com/google.rpc.BadRequest',
        fieldViolations: this.extra.findings.map((f) => ({
          field: (f.path ?? '$').replace(/^\$\.?/, ''),
          description: f.message,
          reason: f.code,
        })),
      });
    }
    return {
      status: code,
      headers: this.extra.headers ?? {},
      body: {
        error: {
          code,
          message: this.message,
          status: this.rpcStatus,
          ...(details.length ? { details } : {}),
        },
      },
    };
  }
}

export function invalid(findings: Finding[]): GoogleRpcError {
  const message =
    findings.length === 1
      ? findings[0]!.message
      : `${findings.length} fields are invalid: ${findings.map((f) => f.path).join(', ')}`;
  return new GoogleRpcError('INVALID_ARGUMENT', message, {
    findings,
    reason: 'INVALID_OPPORTUNITY',
  });
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function readPath(node: unknown, path: string[]): unknown {
  return path.reduce<unknown>(
    (at, key) => (at && typeof at === 'object' ? (at as Json)[key] : undefined),
    node,
  );
}

/** Sets (or, when the body leaves it out, clears) one updateMask path. */
export function applyMaskPath(target: Json, body: Json, path: string[]): void {
  const value = readPath(body, path);
  let node = target;
  for (const key of path.slice(0, -1)) {
    if (!node[key] || typeof node[key] !== 'object') node[key] = {};
    node = node[key] as Json;
  }
  const last = path[path.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = structuredClone(value);
}

// ---- AIP-160 filter (the subset the client needs) ---------------------------------------------

const FILTER_FIELDS = new Set([
  'referenceOpportunityId',
  'state',
  'source',
  'updateTime',
  'createTime',
]);
const TIME_FIELDS = new Set(['updateTime', 'createTime']);

/** `referenceOpportunityId = "006..." AND updateTime >= "2026-11-26T09:30:00Z"`; anything else is named. */
export function parseOpportunityFilter(filter: string): (opportunity: Json) => boolean {
  const clauses = filter.trim() === '' ? [] : filter.split(/\s+AND\s+/);
  const tests = clauses.map((clause) => {
    const match = /^\s*([A-Za-z]+)\s*(=|!=|>=|<=|>|<)\s*"((?:[^"\\]|\\.)*)"\s*$/.exec(clause);
    if (!match)
      throw invalid([
        {
          code: 'GOOGLE_FILTER',
          severity: 'error',
          cloud: 'Google',
          path: '$.filter',
          message: `filter clause "${clause}" must read field op "value"`,
        },
      ]);
    const [, field, op, raw] = match as unknown as [string, string, string, string];
    if (!FILTER_FIELDS.has(field)) {
      throw invalid([
        {
          code: 'GOOGLE_FILTER',
          severity: 'error',
          cloud: 'Google',
          path: '$.filter',
          message: `cannot filter on ${field} (filterable: ${[...FILTER_FIELDS].join(', ')})`,
        },
      ]);
    }
    const expected = raw.replace(/\\(.)/g, '$1');
    const time = TIME_FIELDS.has(field);
    if (time && Number.isNaN(Date.parse(expected))) {
      throw invalid([
        {
          code: 'GOOGLE_FILTER',
          severity: 'error',
          cloud: 'Google',
          path: '$.filter',
          message: `${field} needs an RFC 3339 timestamp, got "${expected}"`,
        },
      ]);
    }
    return (opportunity: Json) => {
      const actual = opportunity[field];
      if (actual === undefined || actual === null) return op === '!=';
      const left = time ? Date.parse(String(actual)) : String(actual);
      const right = time ? Date.parse(expected) : expected;
      switch (op) {
        case '=':
          return left === right;
        case '!=':
          return left !== right;
        case '>=':
          return left >= right;
        case '<=':
          return left <= right;
        case '>':
          return left > right;
        default:
          return left < right;
      }
    };
  });
  return (opportunity) => tests.every((test) => test(opportunity));
}

// ---- service-account assertions --------------------------------------------------------------------

export function base64url(text: string): Json | null {
  try {
    return JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Json;
  } catch {
    return null;
  }
}

/** Checks a JWT-bearer assertion as Google's token endpoint would: RS256, known signer, audience, scope, expiry. */
export function checkAssertion(
  assertion: string,
  accounts: Record<string, string>,
  audiences: string[],
  now: number,
): { email: string } | { problem: string } {
  const [head, claims, signature] = assertion.split('.');
  const header = head ? base64url(head) : null;
  const payload = claims ? base64url(claims) : null;
  if (!header || !payload || !signature) return { problem: 'the assertion is not a JWT' };
  if (header.alg !== 'RS256')
    return { problem: `the assertion must be signed RS256, not ${String(header.alg)}` };
  const email = String(payload.iss ?? '');
  const pem = accounts[email];
  if (!pem) return { problem: `service account ${email} is not known to this partner` };
  const verifier = createVerify('RSA-SHA256');
  verifier.update(`${head}.${claims}`);
  if (!verifier.verify(createPublicKey(pem), Buffer.from(signature, 'base64url')))
    return { problem: 'the assertion signature does not match the service account key' };
  if (!audiences.includes(String(payload.aud)))
    return { problem: `the assertion audience ${String(payload.aud)} is not this token endpoint` };
  if (
    !String(payload.scope ?? '')
      .split(' ')
      .includes(CLOUD_CHANNEL_SCOPE)
  )
    return { problem: `the assertion does not ask for ${CLOUD_CHANNEL_SCOPE}` };
  const exp = Number(payload.exp) * 1000;
  if (!(exp > now)) return { problem: 'the assertion has expired' };
  return { email };
}
