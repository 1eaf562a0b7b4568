// The AWS ACE portal dialect: one import for the engine, the service and the CLI.
export {
  awsWireFormat,
  createAwsWireFormat,
  AWS_DEFAULT_OPERATION,
  type AwsWireOptions,
} from './schema.js';
export {
  ACE_MODEL,
  ACE_CONSTRAINTS,
  ACE_REQUEST_SCHEMAS,
  ACE_RESPONSE_SCHEMAS,
  ACE_REQUEST_MEMBERS,
  ACE_FAST_CHECKS,
  type AceConstraint,
  type AceRequestOperation,
  type AceResponseOperation,
  type CreateOpportunityInput,
  type UpdateOpportunityInput,
  type GetOpportunityOutput,
  type ListOpportunitiesOutput,
  type GetEngagementInvitationOutput,
  type ListEngagementInvitationsOutput,
  type GetAwsOpportunitySummaryOutput,
} from './generated/ace-schemas.js';
export {
  createFindings,
  opportunityBodyFindings,
  submissionFindings,
  editabilityFindings,
  changedPaths,
  mergeForUpdate,
  clientTokenFor,
  AceUpdateError,
  EDITABLE_WHEN_ACTION_REQUIRED,
  FROZEN_AFTER_APPROVAL,
  LOCKED_REVIEW_STATUSES,
  type OpportunityChanges,
  type SubmissionContext,
} from './rules.js';
export {
  engagementStatusOf,
  awsSideStatusOf,
  REVIEW_STATUS_TO_ENGAGEMENT,
  STAGE_OUTCOME,
  CLOSED_LOST_REASON_TO_ENGAGEMENT,
  AWS_STAGE_OUTCOME,
  AWS_CLOSED_LOST_REASON_TO_ENGAGEMENT,
  type StatusReading,
} from './status.js';
export {
  referralFromInvitation,
  referralFromAwsOpportunity,
  customerDomainOf,
  annualValueOf,
  type InboundReading,
} from './inbound.js';
