// The Cloud Channel emulator's request pieces: google.rpc errors, updateMask paths, the AIP-160
// filter subset the client uses, and base64url JSON (page tokens, JWT parts).
import type { Finding } from '../../core/model.js';
import { googleWireFormat } from '../../portals/google/wire-format.js';
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

/** Findings that say a submission is not ready for Google's review. */
export const SUBMISSION_CODE = /_SUBMIT_NEEDS_/;

/** The errors the google/ wire format finds in a request body for this operation. */
export function wireErrors(operation: string, payload: unknown): Finding[] {
  return googleWireFormat.validate(operation, payload).filter((f) => f.severity === 'error');
}

/** One Cloud Channel finding; `code` gets the GOOGLE_ prefix. */
export function finding(code: string, path: string, message: string): Finding {
  return { code: `GOOGLE_${code}`, severity: 'error', cloud: 'Google', path, message };
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
        finding('FILTER', '$.filter', `filter clause "${clause}" must read field op "value"`),
      ]);
    const [, field, op, raw] = match as unknown as [string, string, string, string];
    if (!FILTER_FIELDS.has(field)) {
      throw invalid([
        finding(
          'FILTER',
          '$.filter',
          `cannot filter on ${field} (filterable: ${[...FILTER_FIELDS].join(', ')})`,
        ),
      ]);
    }
    const expected = raw.replace(/\\(.)/g, '$1');
    const time = TIME_FIELDS.has(field);
    if (time && Number.isNaN(Date.parse(expected))) {
      throw invalid([
        finding('FILTER', '$.filter', `${field} needs an RFC 3339 timestamp, got "${expected}"`),
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

/** A base64url-encoded JSON object (a JWT part, a page token), or null. */
export function base64url(text: string): Json | null {
  try {
    return JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Json;
  } catch {
    return null;
  }
}
