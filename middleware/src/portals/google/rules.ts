// Google opportunity rules a schema cannot say: stage only after acceptance and never CLOSED, what a
// submission needs, updateMask coherence, real region codes, the Pub/Sub payload inside the push.
// Stable codes `GOOGLE_...`; every finding carries the portal JSON path.
import type { Finding } from '../../core/model.js';
import { findingMaker, memberAt, recordOf, type Json, type Path } from '../payload-reading.js';
import { setByPortal } from '../ruled-wire-format.js';
import { isKnownCountry } from '../countries.js';
import {
  GOOGLE_ENUMS_TO_COMPLETE,
  OUTPUT_ONLY_FIELDS,
  OpportunityCreateRequest,
  OpportunityPatchRequest,
} from './schema.js';
import { CLOSED_STAGE } from './status.js';
import { moneyBelowZero } from './values.js';

const finding = findingMaker('Google', 'GOOGLE_');

const OUTPUT_ONLY = new Set<string>(OUTPUT_ONLY_FIELDS);
const WRITABLE_ROOTS = new Set(
  Object.keys(OpportunityCreateRequest.shape).filter((key) => !OUTPUT_ONLY.has(key)),
);

/** Rules on the content of an opportunity we send, wherever it sits in the payload. */
function contentRules(opportunity: Json, base: Path): Finding[] {
  const findings: Finding[] = [];
  const regionCode = memberAt(
    opportunity,
    'customerInfo',
    'customerDetails',
    'address',
    'regionCode',
  );
  if (
    typeof regionCode === 'string' &&
    /^[A-Z]{2}$/.test(regionCode) &&
    !isKnownCountry(regionCode)
  ) {
    findings.push(
      finding(
        'REGION_CODE_UNKNOWN',
        'error',
        [...base, 'customerInfo', 'customerDetails', 'address', 'regionCode'],
        `"${regionCode}" is not an assigned ISO 3166-1 region code (the United Kingdom is GB)`,
      ),
    );
  }
  const dealSize = recordOf(memberAt(opportunity, 'qualificationInfo', 'dealSize'));
  if (
    dealSize &&
    /^-?\d+$/.test(String(dealSize.units ?? 0)) &&
    moneyBelowZero(dealSize as { units?: string; nanos?: number })
  ) {
    findings.push(
      finding(
        'NEGATIVE_DEAL_SIZE',
        'error',
        [...base, 'qualificationInfo', 'dealSize'],
        'the deal size cannot be negative',
      ),
    );
  }
  const currency = dealSize?.currencyCode;
  const lines = opportunity.opportunityLines;
  if (typeof currency === 'string' && Array.isArray(lines)) {
    lines.forEach((line, index) => {
      for (const price of ['salesPrice', 'listPrice', 'totalPrice']) {
        const lineCurrency = memberAt(line, price, 'currencyCode');
        if (typeof lineCurrency === 'string' && lineCurrency !== currency) {
          findings.push(
            finding(
              'CURRENCY_MISMATCH',
              'warning',
              [...base, 'opportunityLines', index, price, 'currencyCode'],
              `line price in ${lineCurrency} but the deal size is in ${currency}`,
            ),
          );
        }
      }
    });
  }
  const contacts = opportunity.customerContacts;
  if (
    Array.isArray(contacts) &&
    contacts.filter((contact) => memberAt(contact, 'primary') === true).length > 1
  ) {
    findings.push(
      finding(
        'SEVERAL_PRIMARY_CONTACTS',
        'warning',
        [...base, 'customerContacts'],
        'mark one customer contact as primary',
      ),
    );
  }
  return findings;
}

/** What Google needs before it reviews a submission (our judgement until the API says otherwise). */
function submissionRules(opportunity: Json, base: Path): Finding[] {
  if (opportunity.state !== 'SUBMITTED') return [];
  const findings: Finding[] = [];
  const description = memberAt(opportunity, 'opportunityInfo', 'description');
  if (typeof description !== 'string' || description.trim() === '') {
    findings.push(
      finding(
        'SUBMIT_NEEDS_DESCRIPTION',
        'error',
        [...base, 'opportunityInfo', 'description'],
        'describe the customer need before submitting to Google',
      ),
    );
  }
  const products = memberAt(opportunity, 'opportunityInfo', 'productFamily');
  if (!Array.isArray(products) || products.length === 0) {
    findings.push(
      finding(
        'SUBMIT_NEEDS_PRODUCT',
        'error',
        [...base, 'opportunityInfo', 'productFamily'],
        'name at least one Google product family before submitting',
      ),
    );
  }
  return findings;
}

const outputOnly = setByPortal(
  finding,
  OUTPUT_ONLY_FIELDS,
  'OUTPUT_ONLY_FIELD',
  (key) => `${key} is set by Google; it is ignored in a create request`,
);

/** Rules for a create body. */
export function createRules(payload: unknown): Finding[] {
  const body = recordOf(payload);
  if (!body) return [];
  const stage =
    body.stage === undefined
      ? []
      : [
          finding(
            'STAGE_ON_CREATE',
            'error',
            ['stage'],
            'a new opportunity starts in Stage 0; the stage can change only after Google accepts it',
          ),
        ];
  return [...outputOnly(body), ...stage, ...submissionRules(body, []), ...contentRules(body, [])];
}

/** Rules for a patch envelope: the mask and the body must agree, and stage moves follow the lifecycle. */
export function patchRules(payload: unknown): Finding[] {
  const envelope = recordOf(payload);
  const opportunity = recordOf(envelope?.opportunity);
  // A malformed mask is the schema's finding; reading paths out of it would only add noise.
  if (
    !envelope ||
    !opportunity ||
    !OpportunityPatchRequest.shape.updateMask.safeParse(envelope.updateMask).success
  )
    return [];
  const updateMask = envelope.updateMask as string;
  const findings: Finding[] = [];
  const mask = updateMask.split(',').map((path) => path.trim());
  const roots = new Set(mask.map((path) => path.split('.')[0] ?? ''));

  for (const path of mask) {
    const root = path.split('.')[0] ?? '';
    if (OUTPUT_ONLY.has(root)) {
      findings.push(
        finding(
          'MASK_OUTPUT_ONLY',
          'error',
          ['updateMask'],
          `${path} is set by Google and cannot be updated`,
        ),
      );
    } else if (!WRITABLE_ROOTS.has(root)) {
      findings.push(
        finding(
          'MASK_UNKNOWN_FIELD',
          'error',
          ['updateMask'],
          `${path} is not a field of the Opportunity`,
        ),
      );
    } else if (memberAt(opportunity, ...path.split('.')) === undefined) {
      findings.push(
        finding(
          'MASK_CLEARS_FIELD',
          'warning',
          ['opportunity', ...path.split('.')],
          `${path} is in the updateMask but not in the body: Google will clear it`,
        ),
      );
    }
  }
  for (const key of Object.keys(opportunity)) {
    if (key !== 'name' && !OUTPUT_ONLY.has(key) && !roots.has(key)) {
      findings.push(
        finding(
          'FIELD_NOT_IN_MASK',
          'warning',
          ['opportunity', key],
          `${key} is not in the updateMask, so Google ignores it`,
        ),
      );
    }
  }
  if (roots.has('stage')) {
    if (opportunity.stage === CLOSED_STAGE) {
      findings.push(
        finding(
          'STAGE_CLOSED',
          'error',
          ['opportunity', 'stage'],
          'the stage cannot be set to CLOSED through the API',
        ),
      );
    }
    if (roots.has('state')) {
      findings.push(
        finding(
          'STAGE_BEFORE_ACCEPTANCE',
          'error',
          ['opportunity', 'stage'],
          'the stage changes only on an accepted opportunity, never together with DRAFT or SUBMITTED',
        ),
      );
    }
  }
  return [
    ...findings,
    ...(roots.has('state') ? submissionRules(opportunity, ['opportunity']) : []),
    ...contentRules(opportunity, ['opportunity']),
  ];
}

/** Rules for an opportunity read back: a state this module cannot map yet is said, not hidden. */
export function readBackRules(payload: unknown, base: Path = []): Finding[] {
  const state = recordOf(payload)?.state;
  const known: readonly string[] = [...GOOGLE_ENUMS_TO_COMPLETE.state.confirmed, 'APPROVED'];
  return typeof state === 'string' && !known.includes(state)
    ? [
        finding(
          'UNCONFIRMED_STATE',
          'warning',
          [...base, 'state'],
          `state ${state} is not in the published list; it maps to no canonical status until GOOGLE_ENUMS_TO_COMPLETE is updated`,
        ),
      ]
    : [];
}

/** Rules for a query page: the read-back rules on every opportunity. */
export function queryRules(payload: unknown): Finding[] {
  const items = recordOf(payload)?.opportunities;
  return Array.isArray(items)
    ? items.flatMap((item, index) => readBackRules(item, ['opportunities', index]))
    : [];
}
