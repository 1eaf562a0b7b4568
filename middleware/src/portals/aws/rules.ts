// The ACE rules AWS applies but the Smithy model does not state: what
// must be filled before review, what review locks, read-merge-write updates, monthly spend and the
// create idempotency token. Pure: no clock (pass `today`), no I/O.
import { hash } from 'node:crypto';
import type { Finding, Severity } from '../../core/model.js';
import {
  ACE_REQUEST_MEMBERS,
  type AceMemberTree,
  type GetOpportunityOutput,
  type UpdateOpportunityInput,
} from './generated/ace-schemas.js';

type Json = Record<string, unknown>;

function finding(code: string, severity: Severity, path: string, message: string): Finding {
  return { code, severity, message, cloud: 'AWS', path };
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a member defensively: rules also run on payloads the wire schema rejected. */
function read(payload: unknown, ...path: string[]): unknown {
  let node = payload;
  for (const key of path) {
    if (!isRecord(node)) return undefined;
    node = node[key];
  }
  return node;
}

function filled(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/**
 * The text's length in characters (code points, as AWS counts) when it falls outside [min, max], else
 * undefined. A string of n UTF-16 units holds between n/2 and n code points, so most texts are
 * cleared without counting (or copying) them.
 */
function codePointsOutside(text: string, min: number, max: number): number | undefined {
  if (text.length <= max && Math.ceil(text.length / 2) >= min) return undefined;
  let length = 0;
  for (const _char of text) length += 1;
  return length < min || length > max ? length : undefined;
}

/** Opportunity stages AWS will not review: an opportunity must be at least Qualified. */
const STAGES_TOO_EARLY_FOR_REVIEW = new Set(['Prospect']);

export const BUSINESS_PROBLEM_MIN = 20;
export const BUSINESS_PROBLEM_MAX = 2000;

/**
 * Body rules that hold whenever an opportunity is sent (create or update): each is an error AWS
 * rejects with BUSINESS_VALIDATION_FAILED.
 */
export function opportunityBodyFindings(payload: unknown): Finding[] {
  const out: Finding[] = [];
  const industry = read(payload, 'Customer', 'Account', 'Industry');
  if (
    read(payload, 'NationalSecurity') === 'Yes' &&
    filled(industry) &&
    industry !== 'Government'
  ) {
    out.push(
      finding(
        'AWS_NATIONAL_SECURITY_NOT_GOVERNMENT',
        'error',
        '$.NationalSecurity',
        `National security can only be "Yes" when the customer's industry is Government (it is ${String(industry)}).`,
      ),
    );
  }
  if (
    filled(read(payload, 'Customer', 'Account', 'OtherIndustry')) &&
    filled(industry) &&
    industry !== 'Other'
  ) {
    out.push(
      finding(
        'AWS_OTHER_INDUSTRY_UNUSED',
        'warning',
        '$.Customer.Account.OtherIndustry',
        `"Other industry" is only read when the industry is Other; it is ${String(industry)}, so AWS ignores this text.`,
      ),
    );
  }
  if (
    read(payload, 'Marketing', 'AwsFundingUsed') === 'No' &&
    filled(read(payload, 'Marketing', 'UseCases'))
  ) {
    out.push(
      finding(
        'AWS_MARKETING_USE_CASES_WITHOUT_FUNDING',
        'error',
        '$.Marketing.UseCases',
        'Marketing use cases must be empty when no AWS marketing funds were used.',
      ),
    );
  }
  const spend = read(payload, 'Project', 'ExpectedCustomerSpend');
  if (Array.isArray(spend)) {
    spend.forEach((entry, index) => {
      const frequency = read(entry, 'Frequency');
      if (filled(frequency) && frequency !== 'Monthly') {
        out.push(
          finding(
            'AWS_SPEND_NOT_MONTHLY',
            'error',
            `$.Project.ExpectedCustomerSpend[${index}].Frequency`,
            `Expected AWS spend is entered per month: Frequency must be "Monthly" (it is ${JSON.stringify(frequency)}); convert the amount to a monthly figure.`,
          ),
        );
      }
      const target = read(entry, 'TargetCompany');
      if (filled(target) && target !== 'AWS') {
        out.push(
          finding(
            'AWS_SPEND_TARGET_NOT_AWS',
            'warning',
            `$.Project.ExpectedCustomerSpend[${index}].TargetCompany`,
            `Expected spend is always spend on AWS: AWS stores "AWS" whatever is sent (it is ${JSON.stringify(target)}).`,
          ),
        );
      }
    });
  }
  return out;
}

/** Create-only rule: in the production catalog only partner referrals can be created (Sandbox may simulate AWS referrals). */
export function createFindings(payload: unknown): Finding[] {
  const out = opportunityBodyFindings(payload);
  const origin = read(payload, 'Origin');
  if (read(payload, 'Catalog') === 'AWS' && origin === 'AWS Referral') {
    out.push(
      finding(
        'AWS_ORIGIN_AWS_REFERRAL_IN_PRODUCTION',
        'error',
        '$.Origin',
        'Only AWS can create an "AWS Referral" in the production catalog; send "Partner Referral" (use the Sandbox catalog to simulate AWS referrals).',
      ),
    );
  }
  return out;
}

export interface SubmissionContext {
  /** Today as YYYY-MM-DD in the partner's time zone; when absent the close-date-in-the-past check is skipped. */
  today?: string;
  /** `error` when actually submitting; `warning` when validating a draft. */
  severity?: Severity;
}

/**
 * What ACE needs before an opportunity can be submitted for AWS review: the model makes
 * almost everything optional, the review form does not.
 */
export function submissionFindings(payload: unknown, context: SubmissionContext = {}): Finding[] {
  const severity = context.severity ?? 'error';
  const out: Finding[] = [];
  const need = (path: string[], label: string, why = ''): void => {
    if (!filled(read(payload, ...path))) {
      out.push(
        finding(
          'AWS_SUBMIT_REQUIRED',
          severity,
          `$.${path.join('.')}`,
          `${label} is needed before the opportunity can be submitted to AWS${why}.`,
        ),
      );
    }
  };
  need(['Customer', 'Account', 'CompanyName'], 'The customer company name');
  need(['Customer', 'Account', 'Industry'], "The customer's industry");
  if (read(payload, 'Customer', 'Account', 'Industry') === 'Other') {
    need(
      ['Customer', 'Account', 'OtherIndustry'],
      'A description of the industry ("Other" was chosen)',
    );
  }
  if (read(payload, 'NationalSecurity') !== 'Yes') {
    need(
      ['Customer', 'Account', 'WebsiteUrl'],
      "The customer's website",
      ' (only national-security opportunities may omit it)',
    );
  }
  need(['Customer', 'Account', 'Address', 'CountryCode'], "The customer's country");
  if (read(payload, 'Customer', 'Account', 'Address', 'CountryCode') === 'US') {
    need(['Customer', 'Account', 'Address', 'PostalCode'], 'The postal code of a US customer');
    need(['Customer', 'Account', 'Address', 'StateOrRegion'], 'The state of a US customer');
  }
  need(['Project', 'Title'], 'A project title');
  const problem = read(payload, 'Project', 'CustomerBusinessProblem');
  if (!filled(problem)) {
    need(['Project', 'CustomerBusinessProblem'], "The customer's business problem");
  } else if (typeof problem === 'string') {
    const length = codePointsOutside(problem, BUSINESS_PROBLEM_MIN, BUSINESS_PROBLEM_MAX);
    if (length !== undefined) {
      out.push(
        finding(
          length < BUSINESS_PROBLEM_MIN
            ? 'AWS_BUSINESS_PROBLEM_TOO_SHORT'
            : 'AWS_BUSINESS_PROBLEM_TOO_LONG',
          severity,
          '$.Project.CustomerBusinessProblem',
          `Describe the customer's business problem in ${BUSINESS_PROBLEM_MIN} to ${BUSINESS_PROBLEM_MAX} characters (it has ${length}).`,
        ),
      );
    }
  }
  const spend = read(payload, 'Project', 'ExpectedCustomerSpend');
  if (!filled(spend)) {
    need(['Project', 'ExpectedCustomerSpend'], 'The expected monthly AWS spend');
  } else if (Array.isArray(spend)) {
    spend.forEach((entry, index) => {
      if (!filled(read(entry, 'Amount'))) {
        out.push(
          finding(
            'AWS_SUBMIT_REQUIRED',
            severity,
            `$.Project.ExpectedCustomerSpend[${index}].Amount`,
            'The expected monthly AWS spend amount is needed before the opportunity can be submitted to AWS.',
          ),
        );
      }
    });
  }
  need(['LifeCycle', 'TargetCloseDate'], 'A target close date');
  const close = read(payload, 'LifeCycle', 'TargetCloseDate');
  if (context.today && typeof close === 'string' && close < context.today) {
    out.push(
      finding(
        'AWS_CLOSE_DATE_IN_PAST',
        severity,
        '$.LifeCycle.TargetCloseDate',
        `The target close date ${close} is in the past; AWS only reviews opportunities that close on or after today (${context.today}).`,
      ),
    );
  }
  const stage = read(payload, 'LifeCycle', 'Stage');
  if (!filled(stage)) {
    need(['LifeCycle', 'Stage'], 'A stage');
  } else if (typeof stage === 'string' && STAGES_TOO_EARLY_FOR_REVIEW.has(stage)) {
    out.push(
      finding(
        'AWS_STAGE_TOO_EARLY',
        severity,
        '$.LifeCycle.Stage',
        `AWS reviews opportunities from the Qualified stage on; qualify this ${stage} before submitting.`,
      ),
    );
  } else if (stage === 'Closed Lost') {
    out.push(
      finding(
        'AWS_STAGE_CLOSED_LOST',
        severity,
        '$.LifeCycle.Stage',
        'A closed-lost opportunity cannot be submitted to AWS.',
      ),
    );
  }
  const origin = read(payload, 'Origin');
  if (origin !== undefined && origin !== null && origin !== 'Partner Referral') {
    out.push(
      finding(
        'AWS_SUBMIT_NOT_PARTNER_REFERRAL',
        severity,
        '$.Origin',
        'Only partner referrals are submitted for AWS review.',
      ),
    );
  }
  return out;
}

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

/** Keeps only what `tree` allows, dropping nulls (absent and null mean the same on awsJson). */
function projectOnto(value: unknown, tree: AceMemberTree): unknown {
  if (tree === true || value === null || value === undefined) return value ?? undefined;
  if (Array.isArray(tree)) {
    return Array.isArray(value)
      ? value.map((item) => projectOnto(item, (tree as readonly [AceMemberTree])[0]))
      : value;
  }
  if (!isRecord(value)) return value;
  const members = tree as { readonly [member: string]: AceMemberTree };
  const out: Json = {};
  for (const [key, child] of Object.entries(value)) {
    const childTree = members[key];
    if (childTree === undefined || child === null || child === undefined) continue;
    out[key] = projectOnto(child, childTree);
  }
  return out;
}

/** The members an update may change: the UpdateOpportunity body minus its identity envelope. */
export type OpportunityChanges = {
  [K in Exclude<
    keyof UpdateOpportunityInput,
    'Identifier' | 'LastModifiedDate' | 'Catalog'
  >]?: unknown;
};

export class AceUpdateError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'AceUpdateError';
  }
}

function mergeChanges(base: unknown, changes: unknown, tree: AceMemberTree, path: string): unknown {
  if (changes === null) return undefined; // an explicit null clears the member
  if (tree === true || Array.isArray(tree) || !isRecord(changes)) return changes; // leaves and lists are replaced whole
  const members = tree as { readonly [member: string]: AceMemberTree };
  const out: Json = isRecord(base) ? { ...base } : {};
  for (const [key, value] of Object.entries(changes)) {
    const childTree = members[key];
    if (childTree === undefined)
      throw new AceUpdateError(`${path}.${key}`, 'is not a member UpdateOpportunity accepts');
    if (value === undefined) continue;
    const merged = mergeChanges(out[key], value, childTree, `${path}.${key}`);
    if (merged === undefined) delete out[key];
    else out[key] = merged;
  }
  return out;
}

/**
 * UpdateOpportunity replaces the whole record: any member left out is cleared. So an update is the
 * opportunity as last read, projected onto the update's members, with `changes` merged in (objects
 * merge, lists and values replace, `null` clears). `LastModifiedDate` is the value read, which AWS
 * uses to refuse an update made on a stale copy.
 */
export function mergeForUpdate(
  current: GetOpportunityOutput,
  changes: OpportunityChanges,
): UpdateOpportunityInput {
  for (const key of ['Identifier', 'LastModifiedDate', 'Catalog']) {
    if (key in (changes as Json))
      throw new AceUpdateError(
        `$.${key}`,
        'comes from the opportunity as read and cannot be changed',
      );
  }
  const tree = ACE_REQUEST_MEMBERS.UpdateOpportunity;
  const base = projectOnto(current, tree) as Json;
  const merged = mergeChanges(base, changes, tree, '$') as Json;
  return {
    ...merged,
    Catalog: current.Catalog,
    Identifier: current.Id,
    LastModifiedDate: current.LastModifiedDate,
  } as UpdateOpportunityInput;
}

/**
 * CreateOpportunity's ClientToken must stay the same for every retry of one logical create and
 * differ between creates; deriving it from the job key (e.g. `<org id>/<opportunity id>/create`)
 * makes retries after a crash safe without storing anything. Shape: an RFC 9562 version-8 UUID
 * (36 printable characters, inside the model's `^.{1,255}$`).
 */
export function clientTokenFor(jobKey: string): string {
  if (typeof jobKey !== 'string' || jobKey.trim().length === 0) {
    throw new Error('clientTokenFor: jobKey must be a non-empty string naming one logical create');
  }
  const hex = hash('sha256', `ace:CreateOpportunity:${jobKey}`, 'hex');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
