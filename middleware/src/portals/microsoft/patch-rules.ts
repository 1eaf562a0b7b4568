// Partner Center's JSON Patch documents: each operation's path must lead to a writable member of
// the referral and its value must fit that member's schema; status and substatus change together.
import type { z } from 'zod';
import type { Finding } from '../../core/model.js';
import { jsonPath } from '../findings.js';
import { findingMaker, recordOf, type Json } from '../payload-reading.js';
import { statusRules } from './rules.js';
import { ReferralFullUpdateRequest, SERVER_MAINTAINED_FIELDS } from './schema.js';

const finding = findingMaker('Microsoft', 'MICROSOFT_');

/** Walks the full-update schema down a JSON Pointer; null when the pointer leaves the known referral. */
function schemaAt(schema: z.ZodType, segments: readonly string[]): z.ZodType | null {
  let node: z.ZodType | undefined = schema;
  for (const segment of segments) {
    node = unwrap(node);
    const def = node._zod.def as {
      type: string;
      shape?: Record<string, z.ZodType>;
      element?: z.ZodType;
    };
    if (def.type === 'object') node = def.shape?.[segment];
    else if (def.type === 'array' && (segment === '-' || /^\d+$/.test(segment))) node = def.element;
    else return null;
    if (!node) return null;
  }
  return node;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let node = schema;
  for (;;) {
    const def = node._zod.def as { type: string; innerType?: z.ZodType };
    if (
      (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') &&
      def.innerType
    )
      node = def.innerType;
    else return node;
  }
}

const WRITABLE_ROOTS = new Set(
  Object.keys(ReferralFullUpdateRequest.shape).filter(
    (key) => !(SERVER_MAINTAINED_FIELDS as readonly string[]).includes(key),
  ),
);

function decodePointer(path: string): string[] {
  return path
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function patchValueRules(op: Json, index: number): Finding[] {
  if (typeof op.path !== 'string' || !op.path.startsWith('/')) return [];
  const segments = decodePointer(op.path);
  const root = segments[0] ?? '';
  if (!WRITABLE_ROOTS.has(root)) {
    return [
      finding(
        'PATCH_PATH_NOT_WRITABLE',
        'error',
        [index, 'path'],
        `${op.path} is not a field a partner can change on a referral`,
      ),
    ];
  }
  const target = schemaAt(ReferralFullUpdateRequest, segments);
  if (!target || op.value === undefined) return [];
  const parsed = target.safeParse(op.value);
  if (parsed.success) return [];
  if (
    typeof op.value === 'string' &&
    op.value.trim() !== '' &&
    target.safeParse(Number(op.value)).success
  ) {
    return [
      finding(
        'PATCH_VALUE_AS_STRING',
        'warning',
        [index, 'value'],
        `${op.path} is a number; send ${op.value} without quotes`,
      ),
    ];
  }
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${jsonPath(issue.path).slice(1)}` : '';
  return [
    finding(
      'PATCH_VALUE_INVALID',
      'error',
      [index, 'value'],
      `value for ${op.path}${where}: ${issue?.message ?? 'invalid'}`,
    ),
  ];
}

/** Rules for a JSON Patch document. */
export function patchRules(payload: unknown): Finding[] {
  if (!Array.isArray(payload)) return [];
  const ops = payload.map(recordOf);
  const findings = ops.flatMap((op, index) => (op ? patchValueRules(op, index) : []));
  const replaced: Json = {};
  ops.forEach((op) => {
    if (
      op &&
      typeof op.path === 'string' &&
      ['/status', '/substatus', '/statusReason'].includes(op.path)
    ) {
      replaced[op.path.slice(1)] = op.value;
    }
  });
  const statusIndex = ops.findIndex((op) => op?.path === '/status' || op?.path === '/substatus');
  if (statusIndex >= 0) {
    if (!('status' in replaced) || !('substatus' in replaced)) {
      findings.push(
        finding(
          'PATCH_STATUS_PAIR',
          'error',
          [statusIndex, 'path'],
          'change status and substatus together, e.g. Closed with Won',
        ),
      );
    } else {
      findings.push(
        ...statusRules(replaced, [], 'error').map((f) => ({
          ...f,
          path: jsonPath([statusIndex, 'value']),
        })),
      );
    }
  }
  return findings;
}
