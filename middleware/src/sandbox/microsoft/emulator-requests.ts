// The Partner Center emulator's request pieces: the documented error body, the OData $filter subset
// Partner Center accepts, and JSON Patch as its PATCH applies it.
import { randomUUID } from 'node:crypto';
import type { Finding } from '../../core/model.js';
import { byTimestamp } from '../rest-emulator-calls.js';
import type { JsonReply } from '../rest-emulator-kit.js';
import type { Json } from './emulator-types.js';

/** A Partner Center error: HTTP status, documented `code`, and where. */
export class PartnerCenterError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly findings: Finding[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  reply(): JsonReply {
    const first = this.findings[0];
    return {
      status: this.status,
      headers: this.headers,
      body: {
        error: {
          code: this.code,
          message: this.message,
          target: first?.path ?? null,
          ...(first
            ? {
                innerError: {
                  code: first.code,
                  message: first.message,
                  target: first.path ?? null,
                },
              }
            : {}),
          ...(this.findings.length > 0
            ? {
                details: this.findings.map((f) => ({
                  code: f.code,
                  message: f.message,
                  target: f.path ?? null,
                })),
              }
            : {}),
        },
      },
    };
  }
}

export function invalid(findings: Finding[]): PartnerCenterError {
  const message =
    findings.length === 1
      ? findings[0]!.message
      : `${findings.length} problems: ${findings.map((f) => f.path).join(', ')}`;
  return new PartnerCenterError(400, 'invalidRequest', message, findings);
}

export function finding(code: string, path: string, message: string): Finding {
  return { code: `MICROSOFT_${code}`, severity: 'error', cloud: 'Microsoft', path, message };
}

export function etag(): string {
  const hex = randomUUID().replace(/-/g, '');
  return `"${hex.slice(0, 8)}-0000-0000-0000-${hex.slice(8, 20)}"`;
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

// ---- OData $filter (the subset Partner Center documents) ----------------------------------------

const FILTERABLE = new Set([
  'engagementId',
  'status',
  'substatus',
  'updatedDateTime',
  'createdDateTime',
  'qualification',
  'direction',
  'type',
  'externalReferenceId',
  'customerProfile/address/country',
]);
const DATE_FIELDS = new Set(['updatedDateTime', 'createdDateTime']);
type Predicate = (referral: Json) => boolean;

function valueAt(referral: Json, field: string): unknown {
  return field
    .split('/')
    .reduce<unknown>(
      (node, key) => (node && typeof node === 'object' ? (node as Json)[key] : undefined),
      referral,
    );
}

/** Parses `a eq 'x' and (b ge 2026-01-01T00:00:00Z or c ne 'y')`; anything else is a 400 naming it. */
export function parseODataFilter(filter: string): Predicate {
  const tokens = filter.match(/'(?:[^']|'')*'|\(|\)|[^\s()]+/g) ?? [];
  let at = 0;
  const fail = (why: string): never => {
    throw invalid([finding('ODATA_FILTER', '$filter', `$filter "${filter}" ${why}`)]);
  };
  const peek = () => tokens[at];
  const comparison = (): Predicate => {
    if (peek() === '(') {
      at += 1;
      const inner = disjunction();
      if (tokens[at++] !== ')') fail('has an unclosed parenthesis');
      return inner;
    }
    const field = tokens[at++];
    const op = tokens[at++]?.toLowerCase();
    const literal = tokens[at++];
    if (!field || !op || literal === undefined) return fail('ends too early');
    if (!FILTERABLE.has(field))
      return fail(
        `filters on ${field}, which the referrals list cannot filter on (${[...FILTERABLE].join(', ')})`,
      );
    if (!['eq', 'ne', 'gt', 'ge', 'lt', 'le'].includes(op))
      return fail(`uses the operator ${op}; supported: eq, ne, gt, ge, lt, le`);
    let expected: string | number | boolean | null;
    if (/^'.*'$/s.test(literal)) expected = literal.slice(1, -1).replace(/''/g, "'");
    else if (literal === 'null') expected = null;
    else if (DATE_FIELDS.has(field) && !Number.isNaN(Date.parse(literal))) expected = literal;
    else
      return fail(
        `compares ${field} with ${literal}: quote text values ('...'); dates are bare ISO 8601`,
      );
    const date = DATE_FIELDS.has(field);
    if (date && expected !== null && Number.isNaN(Date.parse(String(expected))))
      return fail(`compares ${field} with ${literal}, which is not a date-time`);
    return (referral) => {
      const actual = valueAt(referral, field) ?? null;
      if (op === 'eq')
        return date && actual && expected
          ? Date.parse(String(actual)) === Date.parse(String(expected))
          : actual === expected;
      if (op === 'ne') return actual !== expected;
      if (actual === null || expected === null) return false;
      const left = date ? Date.parse(String(actual)) : String(actual);
      const right = date ? Date.parse(String(expected)) : String(expected);
      return op === 'gt'
        ? left > right
        : op === 'ge'
          ? left >= right
          : op === 'lt'
            ? left < right
            : left <= right;
    };
  };
  /** Operands joined by `word` (and binds tighter than or, as OData says). */
  const joined = (word: 'and' | 'or', operand: () => Predicate): Predicate => {
    const parts = [operand()];
    while (peek()?.toLowerCase() === word) {
      at += 1;
      parts.push(operand());
    }
    return word === 'and' ? (r) => parts.every((p) => p(r)) : (r) => parts.some((p) => p(r));
  };
  function disjunction(): Predicate {
    return joined('or', () => joined('and', comparison));
  }
  const predicate = disjunction();
  if (at !== tokens.length) fail(`has unexpected "${tokens.slice(at).join(' ')}"`);
  return predicate;
}

// ---- JSON Patch (add and replace only) -----------------------------------------------------------

export function applyPatch(
  target: Json,
  operations: Array<{ op: 'add' | 'replace'; path: string; value?: unknown }>,
): Json {
  const out = structuredClone(target);
  operations.forEach((operation, index) => {
    const keys = operation.path
      .split('/')
      .slice(1)
      .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
    let node: unknown = out;
    for (const key of keys.slice(0, -1)) {
      const next = Array.isArray(node) ? node[Number(key)] : (node as Json)[key];
      if (next === undefined || next === null) (node as Json)[key] = {};
      node = Array.isArray(node) ? node[Number(key)] : (node as Json)[key];
    }
    const last = keys[keys.length - 1]!;
    if (Array.isArray(node)) {
      if (last === '-') node.push(operation.value);
      else if (operation.op === 'add') node.splice(Number(last), 0, operation.value);
      else node[Number(last)] = operation.value;
    } else if (node && typeof node === 'object') {
      // Partner Center treats replace of an absent member like add (RFC 6902 would refuse it).
      (node as Json)[last] = operation.value;
    } else {
      throw invalid([
        finding(
          'PATCH_PATH',
          `$[${index}].path`,
          `${operation.path} does not point into the referral`,
        ),
      ]);
    }
  });
  return out;
}

// ---- the emulator ----------------------------------------------------------------------------------

/** One page of a referral list: $filter, $top, $orderby and $skiptoken as Partner Center reads them, with the next-page link. */
export function listPage(
  all: readonly Json[],
  query: URLSearchParams,
  options: { maxPageSize: number; collectionUrl: string; withLinks: (referral: Json) => Json },
): JsonReply {
  const unknown = [...query.keys()].filter(
    (key) => !['$filter', '$top', '$orderby', '$skiptoken', '$count'].includes(key),
  );
  if (unknown.length > 0)
    throw invalid([
      finding('ODATA_OPTION', `$${unknown[0]}`, `unsupported query option ${unknown.join(', ')}`),
    ]);
  const filterText = query.get('$filter');
  const predicate = filterText ? parseODataFilter(filterText) : () => true;
  const topText = query.get('$top');
  const top = topText === null ? options.maxPageSize : Number(topText);
  if (!Number.isInteger(top) || top < 1)
    throw invalid([
      finding('ODATA_TOP', '$top', `$top must be a whole number of at least 1 (got ${topText})`),
    ]);
  const order = (query.get('$orderby') ?? 'createdDateTime desc').trim().split(/\s+/);
  const [orderField = 'createdDateTime', direction = 'asc'] = order;
  if (
    !['createdDateTime', 'updatedDateTime'].includes(orderField) ||
    !['asc', 'desc'].includes(direction.toLowerCase())
  ) {
    throw invalid([
      finding(
        'ODATA_ORDERBY',
        '$orderby',
        `$orderby supports createdDateTime or updatedDateTime, asc or desc (got "${order.join(' ')}")`,
      ),
    ]);
  }
  const skipText = query.get('$skiptoken');
  const skip = skipText === null ? 0 : Number(Buffer.from(skipText, 'base64url').toString('utf8'));
  if (!Number.isInteger(skip) || skip < 0)
    throw invalid([
      finding(
        'ODATA_SKIPTOKEN',
        '$skiptoken',
        'the $skiptoken is not one this service issued; follow @odata.nextLink verbatim',
      ),
    ]);
  const sign = direction.toLowerCase() === 'desc' ? -1 : 1;
  const matches = all.filter(predicate).sort(byTimestamp(orderField, 'id', sign));
  const pageSize = Math.min(top, options.maxPageSize);
  const page = matches.slice(skip, skip + pageSize);
  const body: Json = {
    '@odata.context': `${options.collectionUrl}/$metadata#Referrals`,
    '@odata.count': matches.length,
    value: page.map(options.withLinks),
  };
  if (skip + pageSize < matches.length) {
    const next = new URLSearchParams();
    for (const key of ['$filter', '$top', '$orderby'] as const) {
      const value = query.get(key);
      if (value !== null) next.set(key, value);
    }
    next.set('$skiptoken', Buffer.from(String(skip + pageSize)).toString('base64url'));
    body['@odata.nextLink'] = `${options.collectionUrl}?${next.toString()}`;
  }
  return { status: 200, body };
}

/** A referral as Partner Center answers it: with its OData context and links to itself and its engagement. */
export function referralWithLinks(referral: Json, collectionUrl: string): Json {
  return {
    '@odata.context': `${collectionUrl}/$metadata#Referrals/$entity`,
    ...referral,
    links: {
      relatedReferrals: referral.engagementId
        ? {
            uri: `${collectionUrl}?$filter=engagementId eq '${String(referral.engagementId)}'`,
            method: 'GET',
          }
        : null,
      self: { uri: `${collectionUrl}/${String(referral.id)}`, method: 'GET' },
    },
  };
}
