// What ACE's review locks: no update while AWS reviews or after it rejected, only a whitelist under
// Action Required, and frozen members once approved. Pure: no I/O.
import type { Finding } from '../../core/model.js';
import {
  ACE_REQUEST_MEMBERS,
  type GetOpportunityOutput,
  type UpdateOpportunityInput,
} from './generated/ace-schemas.js';
import { findingMaker, isRecord, type Json } from '../payload-reading.js';
import { projectOnto } from './update-merge.js';

const finding = findingMaker('AWS', '');

/** Review statuses in which AWS accepts no update at all. */
export const LOCKED_REVIEW_STATUSES = ['Submitted', 'In review', 'Rejected'] as const;

/** Under Action Required only these can change; the update sends the opportunity back into review. */
export const EDITABLE_WHEN_ACTION_REQUIRED = [
  '$.Customer.Account.Address.City',
  '$.Customer.Account.Address.CountryCode',
  '$.Customer.Account.Address.PostalCode',
  '$.Customer.Account.Address.StateOrRegion',
  '$.Customer.Account.Address.StreetAddress',
  '$.Customer.Account.WebsiteUrl',
  '$.LifeCycle.TargetCloseDate',
  '$.Project.ExpectedCustomerSpend',
  '$.Project.CustomerBusinessProblem',
  '$.PartnerOpportunityIdentifier',
] as const;

/** Once AWS approved the opportunity these are frozen. */
export const FROZEN_AFTER_APPROVAL = [
  '$.Customer.Account.Address.CountryCode',
  '$.Customer.Account.Address.PostalCode',
  '$.Customer.Account.Industry',
  '$.Customer.Account.WebsiteUrl',
  '$.Project.CustomerBusinessProblem',
  '$.PartnerOpportunityIdentifier',
  '$.Project.Title',
] as const;

/** Set by AWS's review; only the Sandbox catalog lets a partner write them (to simulate a review). */
export const REVIEW_OUTCOME_FIELDS = [
  '$.LifeCycle.ReviewStatus',
  '$.LifeCycle.ReviewComments',
  '$.LifeCycle.ReviewStatusReason',
] as const;

/** Identity and concurrency members of an update, never a content change. */
const UPDATE_ENVELOPE = new Set(['$.Identifier', '$.LastModifiedDate', '$.Catalog']);

function withoutAbsent(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutAbsent);
  if (!isRecord(value)) return value;
  const out: Json = {};
  for (const [key, child] of Object.entries(value)) {
    if (child !== null && child !== undefined) out[key] = withoutAbsent(child);
  }
  return out;
}

/** JSON paths whose value differs; null and absent are the same (awsJson), lists compare whole. */
export function changedPaths(before: unknown, after: unknown, path = '$'): string[] {
  const a = withoutAbsent(before);
  const b = withoutAbsent(after);
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].sort().flatMap((key) => changedPaths(a[key], b[key], `${path}.${key}`));
  }
  if (isRecord(a) || isRecord(b)) {
    // A whole structure appeared or disappeared: report its leaves so whitelists can judge each.
    return changedPaths(isRecord(a) ? a : {}, isRecord(b) ? b : {}, path);
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [path];
}

function within(path: string, prefixes: readonly string[]): boolean {
  return prefixes.some(
    (prefix) => path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`),
  );
}

/**
 * Whether AWS will take this update given where review stands: nothing while Submitted / In review /
 * Rejected, only the whitelist under Action Required, everything but the frozen fields once Approved.
 * `current` is the opportunity as last read; `next` the UpdateOpportunity body about to be sent.
 */
export function editabilityFindings(
  current: GetOpportunityOutput,
  next: UpdateOpportunityInput,
): Finding[] {
  const review = current.LifeCycle?.ReviewStatus ?? 'Pending Submission';
  const base = projectOnto(current, ACE_REQUEST_MEMBERS.UpdateOpportunity);
  const changes = changedPaths(base, next).filter((path) => !UPDATE_ENVELOPE.has(path));
  const out: Finding[] = [];
  if (changes.length === 0) return out;
  if ((LOCKED_REVIEW_STATUSES as readonly string[]).includes(review)) {
    const why =
      review === 'Rejected'
        ? 'AWS rejected it and it is read-only'
        : 'AWS is reviewing it; wait for the outcome';
    return changes.map((path) =>
      finding(
        'AWS_LOCKED_IN_REVIEW',
        'error',
        path,
        `This opportunity cannot be changed now: ${why} (review status "${review}").`,
      ),
    );
  }
  for (const path of changes) {
    if (within(path, REVIEW_OUTCOME_FIELDS) && current.Catalog === 'AWS') {
      out.push(
        finding(
          'AWS_REVIEW_FIELD_READ_ONLY',
          'error',
          path,
          'Review status and review comments are set by AWS; they can only be written in the Sandbox catalog.',
        ),
      );
    } else if (
      review === 'Action Required' &&
      !within(path, EDITABLE_WHEN_ACTION_REQUIRED) &&
      !within(path, REVIEW_OUTCOME_FIELDS)
    ) {
      out.push(
        finding(
          'AWS_NOT_EDITABLE_ACTION_REQUIRED',
          'error',
          path,
          'While AWS asks for action only the address, website, target close date, expected spend, business problem and your CRM ID can change.',
        ),
      );
    } else if (review === 'Approved' && within(path, FROZEN_AFTER_APPROVAL)) {
      out.push(
        finding(
          'AWS_FROZEN_AFTER_APPROVAL',
          'error',
          path,
          'AWS approved this opportunity; this field can no longer change.',
        ),
      );
    }
  }
  return out;
}

/** The value at a dotted `$.A.B` path, or undefined. */
function valueAt(value: unknown, path: string): unknown {
  let here = value;
  for (const key of path.slice(2).split('.')) here = isRecord(here) ? here[key] : undefined;
  return here;
}

/** Sets (or, for undefined, removes) the value at a dotted `$.A.B` path, creating objects on the way. */
function setAt(target: Json, path: string, value: unknown): void {
  const keys = path.slice(2).split('.');
  let here = target;
  for (const key of keys.slice(0, -1)) {
    if (!isRecord(here[key])) {
      if (value === undefined) return;
      here[key] = {};
    }
    here = here[key] as Json;
  }
  const last = keys[keys.length - 1]!;
  if (value === undefined) delete here[last];
  else here[last] = value;
}

/**
 * Once AWS approved an opportunity, an update that changes a frozen member is refused whole, so
 * the other edits in it would never reach ACE either. This keeps ACE's value for each frozen
 * member, so the rest goes through, and says which Salesforce changes stayed out of ACE.
 */
export function keepFrozenAfterApproval(
  current: GetOpportunityOutput,
  next: UpdateOpportunityInput,
): { payload: UpdateOpportunityInput; findings: Finding[] } {
  if (current.LifeCycle?.ReviewStatus !== 'Approved') return { payload: next, findings: [] };
  const base = projectOnto(current, ACE_REQUEST_MEMBERS.UpdateOpportunity);
  const payload = structuredClone(next) as unknown as Json;
  const findings: Finding[] = [];
  for (const path of FROZEN_AFTER_APPROVAL) {
    if (changedPaths(valueAt(base, path), valueAt(payload, path)).length === 0) continue;
    setAt(payload, path, structuredClone(valueAt(base, path)));
    findings.push(
      finding(
        'AWS_FROZEN_AFTER_APPROVAL',
        'warning',
        path,
        'AWS approved this opportunity, so this field keeps its ACE value; the Salesforce change was not sent.',
      ),
    );
  }
  return { payload: payload as unknown as UpdateOpportunityInput, findings };
}
