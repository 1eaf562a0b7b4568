// Partner Center rules a schema cannot say: legal status/substatus pairs, the decline reason, what a
// co-sell ask needs, PUT without links, patch paths and values, the Opportunity Id link. Stable codes
// `MICROSOFT_...`; every finding carries the portal JSON path.
import type { Finding, Severity } from '../../core/model.js';
import { isKnownCountry } from '../countries.js';
import { findingMaker, memberAt, recordOf, type Json, type Path } from '../payload-reading.js';
import { setByPortal } from '../ruled-wire-format.js';
import { hasCoSellAsk, opportunityIdProblem } from './co-sell.js';
import {
  REFERRAL_DIRECTIONS,
  REFERRAL_QUALIFICATIONS,
  REFERRAL_STATUSES,
  REFERRAL_SUBSTATUSES,
  REFERRAL_TYPES,
  SERVER_MAINTAINED_FIELDS,
  type ReferralStatus,
  type ReferralSubstatus,
} from './schema.js';
import { isValidPair, SUBSTATUSES_BY_STATUS } from './status.js';

const finding = findingMaker('Microsoft', 'MICROSOFT_');

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

export function statusRules(body: Json, base: Path, severity: Severity): Finding[] {
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
  const country = memberAt(body, 'customerProfile', 'address', 'country');
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
  const details = recordOf(body.details);
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
    memberAt(body, 'consent', 'consentToShareReferralWithMicrosoftSellers') === true;
  if (asks) {
    const team = memberAt(body, 'customerProfile', 'team');
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
    if (!text(memberAt(body, 'inviteContext', 'notes'))) {
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
    const solutions = memberAt(body, 'details', 'requirements', 'solutions');
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
  const consent = recordOf(body.consent);
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

/** What every referral body we write must satisfy, created or fully updated. */
function referralBodyRules(body: Json): Finding[] {
  return [
    ...misspelledConsent(body),
    ...statusRules(body, [], 'error'),
    ...customerRules(body),
    ...dealRules(body),
    ...coSellRules(body),
    ...opportunityLinkRules(body),
  ];
}

const serverMaintained = setByPortal(
  finding,
  SERVER_MAINTAINED_FIELDS,
  'SERVER_MAINTAINED_FIELD',
  (key) => `${key} is set by Partner Center; leave it out of a create request`,
);

/** Rules for a create body. */
export function createRules(payload: unknown): Finding[] {
  const body = recordOf(payload);
  return body ? [...serverMaintained(body), ...referralBodyRules(body)] : [];
}

/** Rules for a full update (PUT) body. */
export function fullUpdateRules(payload: unknown): Finding[] {
  const body = recordOf(payload);
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
  return [...findings, ...referralBodyRules(body)];
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
  const body = recordOf(payload);
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
  const value = recordOf(payload)?.value;
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
  const body = recordOf(payload);
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
