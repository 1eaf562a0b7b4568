// The ACE rules AWS applies to an opportunity's content but the Smithy model does not state: what
// must be filled before review, monthly spend, and the create idempotency token. What review locks
// is in review-locks.ts, the read-merge-write update in update-merge.ts. Pure: no clock (pass
// `today`), no I/O.
import { hash } from 'node:crypto';
import type { Finding, Severity } from '../../core/model.js';
import { filled, findingMaker, memberAt, memberAtPath } from '../payload-reading.js';

// The ACE emulator (sandbox/aws) and the client read the update rules from here, with the content rules.
export { AceUpdateError, mergeForUpdate, type OpportunityChanges } from './update-merge.js';
export {
  changedPaths,
  EDITABLE_WHEN_ACTION_REQUIRED,
  editabilityFindings,
  FROZEN_AFTER_APPROVAL,
  keepFrozenAfterApproval,
  LOCKED_REVIEW_STATUSES,
  REVIEW_OUTCOME_FIELDS,
} from './review-locks.js';

const finding = findingMaker('AWS', '');

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

/** Expected-spend members AWS fixes to one value: what another value in the entry is, and says. */
const SPEND_ENTRY_FIXED_MEMBERS: ReadonlyArray<{
  member: string;
  expected: string;
  code: string;
  severity: Severity;
  message: (got: string) => string;
}> = [
  {
    member: 'Frequency',
    expected: 'Monthly',
    code: 'AWS_SPEND_NOT_MONTHLY',
    severity: 'error',
    message: (got) =>
      `Expected AWS spend is entered per month: Frequency must be "Monthly" (it is ${got}); convert the amount to a monthly figure.`,
  },
  {
    member: 'TargetCompany',
    expected: 'AWS',
    code: 'AWS_SPEND_TARGET_NOT_AWS',
    severity: 'warning',
    message: (got) =>
      `Expected spend is always spend on AWS: AWS stores "AWS" whatever is sent (it is ${got}).`,
  },
];

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
  const industry = memberAt(payload, 'Customer', 'Account', 'Industry');
  if (
    memberAt(payload, 'NationalSecurity') === 'Yes' &&
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
    filled(memberAt(payload, 'Customer', 'Account', 'OtherIndustry')) &&
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
    memberAt(payload, 'Marketing', 'AwsFundingUsed') === 'No' &&
    filled(memberAt(payload, 'Marketing', 'UseCases'))
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
  const spend = memberAt(payload, 'Project', 'ExpectedCustomerSpend');
  if (Array.isArray(spend)) {
    spend.forEach((entry, index) => {
      for (const rule of SPEND_ENTRY_FIXED_MEMBERS) {
        const value = memberAt(entry, rule.member);
        if (filled(value) && value !== rule.expected)
          out.push(
            finding(
              rule.code,
              rule.severity,
              `$.Project.ExpectedCustomerSpend[${index}].${rule.member}`,
              rule.message(JSON.stringify(value)),
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
  const origin = memberAt(payload, 'Origin');
  if (memberAt(payload, 'Catalog') === 'AWS' && origin === 'AWS Referral') {
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
    if (!filled(memberAtPath(payload, path))) {
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
  if (memberAt(payload, 'Customer', 'Account', 'Industry') === 'Other') {
    need(
      ['Customer', 'Account', 'OtherIndustry'],
      'A description of the industry ("Other" was chosen)',
    );
  }
  if (memberAt(payload, 'NationalSecurity') !== 'Yes') {
    need(
      ['Customer', 'Account', 'WebsiteUrl'],
      "The customer's website",
      ' (only national-security opportunities may omit it)',
    );
  }
  need(['Customer', 'Account', 'Address', 'CountryCode'], "The customer's country");
  if (memberAt(payload, 'Customer', 'Account', 'Address', 'CountryCode') === 'US') {
    need(['Customer', 'Account', 'Address', 'PostalCode'], 'The postal code of a US customer');
    need(['Customer', 'Account', 'Address', 'StateOrRegion'], 'The state of a US customer');
  }
  need(['Project', 'Title'], 'A project title');
  const problem = memberAt(payload, 'Project', 'CustomerBusinessProblem');
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
  const spend = memberAt(payload, 'Project', 'ExpectedCustomerSpend');
  if (!filled(spend)) {
    need(['Project', 'ExpectedCustomerSpend'], 'The expected monthly AWS spend');
  } else if (Array.isArray(spend)) {
    spend.forEach((entry, index) => {
      if (!filled(memberAt(entry, 'Amount'))) {
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
  const close = memberAt(payload, 'LifeCycle', 'TargetCloseDate');
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
  const stage = memberAt(payload, 'LifeCycle', 'Stage');
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
  const origin = memberAt(payload, 'Origin');
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
