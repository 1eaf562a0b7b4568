// Partner Center rules a schema cannot say: legal status/substatus pairs, the decline reason, what a
// co-sell ask needs, PUT without links, patch paths and values, the Opportunity Id link. Stable codes
// `MICROSOFT_...`; every finding carries the portal JSON path.
import type { z } from 'zod';
import type { Finding, Severity } from '../../core/model.js';
import { isKnownCountry } from '../countries.js';
import { jsonPath } from '../findings.js';
import { hasCoSellAsk, opportunityIdProblem } from './co-sell.js';
import {
  REFERRAL_DIRECTIONS,
  REFERRAL_QUALIFICATIONS,
  REFERRAL_STATUSES,
  REFERRAL_SUBSTATUSES,
  REFERRAL_TYPES,
  ReferralFullUpdateRequest,
  SERVER_MAINTAINED_FIELDS,
  type ReferralStatus,
  type ReferralSubstatus,
} from './schema.js';
import { isValidPair, SUBSTATUSES_BY_STATUS } from './status.js';

type Path = ReadonlyArray<string | number>;
type Json = Record<string, unknown>;

function finding(code: string, severity: Severity, path: Path, message: string): Finding {
  return { code: `MICROSOFT_${code}`, severity, message, cloud: 'Microsoft', path: jsonPath(path) };
}

function record(value: unknown): Json | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : null;
}

function get(value: unknown, ...keys: string[]): unknown {
  return keys.reduce<unknown>((node, key) => record(node)?.[key], value);
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function statusRules(body: Json, base: Path, severity: Severity): Finding[] {
  const status = body.status;
  const substatus = body.substatus;
  const findings: Finding[] = [];
  const known =
    (REFERRAL_STATUSES as readonly unknown[]).includes(status) &&
    (REFERRAL_SUBSTATUSES as readonly unknown[]).includes(substatus);
  if (
    known &&
    !isValidPair({ status: status as ReferralStatus, substatus: substatus as ReferralSubstatus })
  ) {
    const allowed =
      status === 'None'
        ? 'None'
        : SUBSTATUSES_BY_STATUS[status as Exclude<ReferralStatus, 'None'>].join(', ');
    findings.push(
      finding(
        'SUBSTATUS_MISMATCH',
        severity,
        [...base, 'substatus'],
        `substatus ${String(substatus)} does not go with status ${String(status)}; allowed: ${allowed}`,
      ),
    );
  }
  if (status === 'Closed' && substatus === 'Declined' && !text(body.statusReason)) {
    findings.push(
      finding(
        'DECLINE_REASON_REQUIRED',
        'error',
        [...base, 'statusReason'],
        'a declined referral needs a statusReason telling the referrer why, so they can act on it',
      ),
    );
  }
  return findings;
}

function customerRules(body: Json): Finding[] {
  const country = get(body, 'customerProfile', 'address', 'country');
  if (typeof country === 'string' && /^[A-Z]{2}$/.test(country) && !isKnownCountry(country)) {
    return [
      finding(
        'COUNTRY_UNKNOWN',
        'error',
        ['customerProfile', 'address', 'country'],
        `"${country}" is not an assigned ISO 3166-1 country code (the United Kingdom is GB)`,
      ),
    ];
  }
  return [];
}

function dealRules(body: Json): Finding[] {
  const details = record(body.details);
  if (details && typeof details.dealValue === 'number' && !text(details.currency)) {
    return [
      finding(
        'CURRENCY_REQUIRED',
        'error',
        ['details', 'currency'],
        'a deal value needs its currency (ISO 4217, e.g. USD); Partner Center rejects it otherwise',
      ),
    ];
  }
  return [];
}

function coSellRules(body: Json): Finding[] {
  const findings: Finding[] = [];
  const asks = hasCoSellAsk(body as Parameters<typeof hasCoSellAsk>[0]);
  const sharedWithSellers =
    get(body, 'consent', 'consentToShareReferralWithMicrosoftSellers') === true;
  if (asks) {
    const team = get(body, 'customerProfile', 'team');
    if (!Array.isArray(team) || team.length === 0) {
      findings.push(
        finding(
          'CUSTOMER_CONTACT_REQUIRED',
          'error',
          ['customerProfile', 'team'],
          'asking Microsoft for help needs at least one customer contact',
        ),
      );
    }
    if (!text(get(body, 'inviteContext', 'notes'))) {
      findings.push(
        finding(
          'CO_SELL_NOTES_MISSING',
          'warning',
          ['inviteContext', 'notes'],
          'say what you need from the Microsoft seller in inviteContext.notes; the code alone rarely gets a response',
        ),
      );
    }
  }
  if (asks || sharedWithSellers) {
    const solutions = get(body, 'details', 'requirements', 'solutions');
    if (!Array.isArray(solutions) || solutions.length === 0) {
      findings.push(
        finding(
          'SOLUTION_REQUIRED',
          'error',
          ['details', 'requirements', 'solutions'],
          'sharing with Microsoft needs at least one co-sell-ready solution (Partner Center: "Solution Id is required")',
        ),
      );
    }
  }
  return findings;
}

function opportunityLinkRules(body: Json): Finding[] {
  const value = body.externalReferenceId;
  if (value === undefined || value === null || value === '') {
    return [
      finding(
        'EXTERNAL_REFERENCE_MISSING',
        'warning',
        ['externalReferenceId'],
        'set externalReferenceId to the Salesforce Opportunity Id so Partner Center updates find their opportunity',
      ),
    ];
  }
  const problem = typeof value === 'string' ? opportunityIdProblem(value.trim()) : 'is not text';
  return problem
    ? [
        finding(
          'EXTERNAL_REFERENCE_NOT_OPPORTUNITY',
          'error',
          ['externalReferenceId'],
          `externalReferenceId "${String(value)}" ${problem}`,
        ),
      ]
    : [];
}

function misspelledConsent(body: Json): Finding[] {
  const consent = record(body.consent);
  return consent && 'consentToShareInfoWithOthers' in consent
    ? [
        finding(
          'CONSENT_FIELD_NAME',
          'error',
          ['consent', 'consentToShareInfoWithOthers'],
          'Partner Center spells this field consentToToShareInfoWithOthers (with "To" twice)',
        ),
      ]
    : [];
}

/** Rules for a create body. */
export function createRules(payload: unknown): Finding[] {
  const body = record(payload);
  if (!body) return [];
  const serverMaintained = SERVER_MAINTAINED_FIELDS.filter((key) => key in body).map((key) =>
    finding(
      'SERVER_MAINTAINED_FIELD',
      'warning',
      [key],
      `${key} is set by Partner Center; leave it out of a create request`,
    ),
  );
  return [
    ...serverMaintained,
    ...misspelledConsent(body),
    ...statusRules(body, [], 'error'),
    ...customerRules(body),
    ...dealRules(body),
    ...coSellRules(body),
    ...opportunityLinkRules(body),
  ];
}

/** Rules for a full update (PUT) body. */
export function fullUpdateRules(payload: unknown): Finding[] {
  const body = record(payload);
  if (!body) return [];
  const findings: Finding[] = [];
  if ('links' in body) {
    findings.push(
      finding(
        'LINKS_IN_FULL_UPDATE',
        'error',
        ['links'],
        'remove links before a full update; Partner Center rejects a PUT that carries them',
      ),
    );
  }
  if (!text(body.eTag)) {
    findings.push(
      finding(
        'ETAG_MISSING',
        'warning',
        ['eTag'],
        'no eTag: a PUT needs If-Match with the eTag of the referral you read, so read it first',
      ),
    );
  }
  return [
    ...findings,
    ...misspelledConsent(body),
    ...statusRules(body, [], 'error'),
    ...customerRules(body),
    ...dealRules(body),
    ...coSellRules(body),
    ...opportunityLinkRules(body),
  ];
}

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
  const ops = payload.map(record);
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

const OPEN_ENUMS: ReadonlyArray<[string, readonly string[]]> = [
  ['status', REFERRAL_STATUSES],
  ['substatus', REFERRAL_SUBSTATUSES],
  ['type', REFERRAL_TYPES],
  ['qualification', REFERRAL_QUALIFICATIONS],
  ['direction', REFERRAL_DIRECTIONS],
];

/** Rules for a referral read back: values this module does not know yet, pairs Partner Center should not send. */
export function readBackRules(payload: unknown, base: Path = []): Finding[] {
  const body = record(payload);
  if (!body) return [];
  const unknown = OPEN_ENUMS.filter(
    ([key, values]) => typeof body[key] === 'string' && !values.includes(body[key] as string),
  ).map(([key, values]) =>
    finding(
      'UNKNOWN_ENUM_VALUE',
      'warning',
      [...base, key],
      `${key} "${String(body[key])}" is new to this product (known: ${values.join(', ')}); it is passed through unmapped`,
    ),
  );
  return [
    ...unknown,
    ...statusRules(body, base, 'warning').filter(
      (f) => f.code !== 'MICROSOFT_DECLINE_REASON_REQUIRED',
    ),
  ];
}

/** Rules for a list page: the read-back rules on every item. */
export function listRules(payload: unknown): Finding[] {
  const value = record(payload)?.value;
  return Array.isArray(value)
    ? value.flatMap((item, index) => readBackRules(item, ['value', index]))
    : [];
}

/** The referral id a webhook notification points at (last segment of ResourceUri), or null. */
export function referralIdFromWebhook(event: { ResourceUri?: unknown }): string | null {
  if (typeof event.ResourceUri !== 'string') return null;
  const last = event.ResourceUri.split('?')[0]?.split('/').filter(Boolean).pop() ?? '';
  return /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(last)
    ? last
    : null;
}

/** Rules for a webhook notification: it must name a real referral id. */
export function webhookRules(payload: unknown): Finding[] {
  const body = record(payload);
  if (!body || typeof body.ResourceUri !== 'string') return [];
  return referralIdFromWebhook(body)
    ? []
    : [
        finding(
          'WEBHOOK_REFERRAL_ID',
          'error',
          ['ResourceUri'],
          'ResourceUri must end with the referral id (a GUID) to fetch',
        ),
      ];
}
