// Reads where an ACE opportunity stands (partner LifeCycle, or AWS's own view from
// GetAwsOpportunitySummary) as the canonical engagement status, one table per ACE enum.
import type { EngagementStatus, Finding } from '../../core/model.js';
import {
  AwsClosedLostReason_VALUES,
  AwsOpportunityStage_VALUES,
  ClosedLostReason_VALUES,
  ReviewStatus_VALUES,
  Stage_VALUES,
} from './generated/ace-schemas.js';

export type ReviewStatus = (typeof ReviewStatus_VALUES)[number];
export type Stage = (typeof Stage_VALUES)[number];
export type ClosedLostReason = (typeof ClosedLostReason_VALUES)[number];
export type AwsOpportunityStage = (typeof AwsOpportunityStage_VALUES)[number];
export type AwsClosedLostReason = (typeof AwsClosedLostReason_VALUES)[number];

/** Where AWS's review stands, while the deal is still open. */
export const REVIEW_STATUS_TO_ENGAGEMENT: Record<ReviewStatus, EngagementStatus> = {
  'Pending Submission': 'Draft',
  Submitted: 'Submitted',
  'In review': 'In review',
  'Action Required': 'Action required',
  Approved: 'Accepted',
  Rejected: 'Rejected',
};

/** Whether the partner's stage has ended the deal: still open, won, or closed lost. */
export const STAGE_OUTCOME: Record<Stage, 'open' | 'won' | 'closed-lost'> = {
  Prospect: 'open',
  Qualified: 'open',
  'Technical Validation': 'open',
  'Business Validation': 'open',
  Committed: 'open',
  Launched: 'won',
  'Closed Lost': 'closed-lost',
};

/**
 * A closed-lost reason is a loss unless it says there never was a deal to win ("No Opportunity"):
 * that closes the engagement without counting against co-sell win rates.
 */
export const CLOSED_LOST_REASON_TO_ENGAGEMENT: Record<ClosedLostReason, 'Lost' | 'Closed'> = {
  'Customer Deficiency': 'Lost',
  'Delay / Cancellation of Project': 'Lost',
  'Legal / Tax / Regulatory': 'Lost',
  'Lost to Competitor - Google': 'Lost',
  'Lost to Competitor - Microsoft': 'Lost',
  'Lost to Competitor - SoftLayer': 'Lost',
  'Lost to Competitor - VMWare': 'Lost',
  'Lost to Competitor - Other': 'Lost',
  'No Opportunity': 'Closed',
  'On Premises Deployment': 'Lost',
  'Partner Gap': 'Lost',
  Price: 'Lost',
  'Security / Compliance': 'Lost',
  'Technical Limitations': 'Lost',
  'Customer Experience': 'Lost',
  Other: 'Lost',
  'People/Relationship/Governance': 'Lost',
  'Product/Technology': 'Lost',
  'Financial/Commercial': 'Lost',
};

/** AWS's own pipeline stages (GetAwsOpportunitySummary): AWS is working it, it launched, or it ended. */
export const AWS_STAGE_OUTCOME: Record<
  AwsOpportunityStage,
  'open' | 'won' | 'closed-lost' | 'closed'
> = {
  'Not Started': 'open',
  'In Progress': 'open',
  Prospect: 'open',
  Engaged: 'open',
  Identified: 'open',
  Qualify: 'open',
  Research: 'open',
  'Seller Engaged': 'open',
  Evaluating: 'open',
  'Seller Registered': 'open',
  'Term Sheet Negotiation': 'open',
  'Contract Negotiation': 'open',
  Onboarding: 'open',
  'Building Integration': 'open',
  Qualified: 'open',
  'On-hold': 'open',
  'Technical Validation': 'open',
  'Business Validation': 'open',
  Committed: 'open',
  Launched: 'won',
  Completed: 'won',
  // AWS hands the deal to the partner alone, or stops without a loss: the co-sell ends, nobody lost.
  'Deferred to Partner': 'closed',
  'Closed Incomplete': 'closed',
  'Closed Lost': 'closed-lost',
};

/**
 * AWS's closed-lost reasons: a timeout is an expiry (nobody answered), an administrative close is
 * not a loss, everything else is a loss.
 */
export const AWS_CLOSED_LOST_REASON_TO_ENGAGEMENT: Record<
  AwsClosedLostReason,
  'Lost' | 'Closed' | 'Expired'
> = {
  Administrative: 'Closed',
  'Business Associate Agreement': 'Lost',
  'Company Acquired/Dissolved': 'Closed',
  'Competitive Offering': 'Lost',
  'Customer Data Requirement': 'Lost',
  'Customer Deficiency': 'Lost',
  'Customer Experience': 'Lost',
  'Delay / Cancellation of Project': 'Lost',
  Duplicate: 'Closed',
  'Duplicate Opportunity': 'Closed',
  'Executive Blocker': 'Lost',
  'Failed Vetting': 'Closed',
  'Feature Limitation': 'Lost',
  'Financial/Commercial': 'Lost',
  'Insufficient Amazon Value': 'Lost',
  'Insufficient AWS Value': 'Lost',
  'International Constraints': 'Lost',
  'Legal / Tax / Regulatory': 'Lost',
  'Legal Terms and Conditions': 'Lost',
  'Lost to Competitor': 'Lost',
  'Lost to Competitor - Google': 'Lost',
  'Lost to Competitor - Microsoft': 'Lost',
  'Lost to Competitor - Other': 'Lost',
  'Lost to Competitor - Rackspace': 'Lost',
  'Lost to Competitor - SoftLayer': 'Lost',
  'Lost to Competitor - VMWare': 'Lost',
  'No Customer Reference': 'Lost',
  'No Integration Resources': 'Lost',
  'No Opportunity': 'Closed',
  'No Perceived Value of MP': 'Lost',
  'No Response': 'Expired',
  'Not Committed to AWS': 'Lost',
  'No Update': 'Expired',
  'On Premises Deployment': 'Lost',
  Other: 'Lost',
  'Other (Details in Description)': 'Lost',
  'Partner Gap': 'Lost',
  'Past Due': 'Expired',
  'People/Relationship/Governance': 'Lost',
  'Platform Technology Limitation': 'Lost',
  'Preference for Competitor': 'Lost',
  Price: 'Lost',
  'Product/Technology': 'Lost',
  'Product Not on AWS': 'Lost',
  'Security / Compliance': 'Lost',
  'Self-Service': 'Closed',
  'Technical Limitations': 'Lost',
  'Term Sheet Impasse': 'Lost',
};

export interface StatusReading {
  /** Null only when ACE sent a value this model does not know: the finding says which. */
  status: EngagementStatus | null;
  findings: Finding[];
}

function unknownValue(path: string, value: string): Finding {
  return {
    code: 'AWS_UNKNOWN_STATUS_VALUE',
    severity: 'warning',
    cloud: 'AWS',
    path,
    message: `ACE sent ${JSON.stringify(value)}, a value this version does not know yet; the engagement status is left unchanged until the AWS model is regenerated.`,
  };
}

function known<K extends string>(table: Record<K, unknown>, value: string): value is K {
  return Object.hasOwn(table, value);
}

/** A closed-lost deal read by its reason: no reason reads Lost; an unknown one too, with a finding. */
function lostByReason<K extends string>(
  table: Record<K, EngagementStatus>,
  reason: string | null,
): StatusReading {
  if (reason === null) return { status: 'Lost', findings: [] };
  if (!known(table, reason))
    return { status: 'Lost', findings: [unknownValue('$.LifeCycle.ClosedLostReason', reason)] };
  return { status: table[reason], findings: [] };
}

/**
 * The partner opportunity's lifecycle (GetOpportunity / ListOpportunities `LifeCycle`): rejection
 * wins over everything, then a finished stage (won; closed lost by reason, or simply Closed when
 * AWS never saw it), then the review status. No review status means it was never submitted.
 */
export function engagementStatusOf(
  lifeCycle:
    | { Stage?: string | null; ReviewStatus?: string | null; ClosedLostReason?: string | null }
    | null
    | undefined,
): StatusReading {
  const review = lifeCycle?.ReviewStatus ?? 'Pending Submission';
  const stage = lifeCycle?.Stage ?? null;
  if (!known(REVIEW_STATUS_TO_ENGAGEMENT, review))
    return { status: null, findings: [unknownValue('$.LifeCycle.ReviewStatus', review)] };
  if (review === 'Rejected') return { status: 'Rejected', findings: [] };
  if (stage !== null) {
    if (!known(STAGE_OUTCOME, stage))
      return { status: null, findings: [unknownValue('$.LifeCycle.Stage', stage)] };
    const outcome = STAGE_OUTCOME[stage];
    if (outcome === 'won') return { status: 'Won', findings: [] };
    if (outcome === 'closed-lost') {
      if (review === 'Pending Submission') return { status: 'Closed', findings: [] };
      return lostByReason(CLOSED_LOST_REASON_TO_ENGAGEMENT, lifeCycle?.ClosedLostReason ?? null);
    }
  }
  return { status: REVIEW_STATUS_TO_ENGAGEMENT[review], findings: [] };
}

/** AWS's side of the deal (GetAwsOpportunitySummary `LifeCycle`): open means AWS accepted and works it. */
export function awsSideStatusOf(
  lifeCycle: { Stage?: string | null; ClosedLostReason?: string | null } | null | undefined,
): StatusReading {
  const stage = lifeCycle?.Stage ?? null;
  if (stage === null) return { status: null, findings: [] };
  if (!known(AWS_STAGE_OUTCOME, stage))
    return { status: null, findings: [unknownValue('$.LifeCycle.Stage', stage)] };
  const outcome = AWS_STAGE_OUTCOME[stage];
  if (outcome === 'open') return { status: 'Accepted', findings: [] };
  if (outcome === 'won') return { status: 'Won', findings: [] };
  if (outcome === 'closed') return { status: 'Closed', findings: [] };
  return lostByReason(AWS_CLOSED_LOST_REASON_TO_ENGAGEMENT, lifeCycle?.ClosedLostReason ?? null);
}
