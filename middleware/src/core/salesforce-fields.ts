// Salesforce API names of every object and field the canonical model reads or writes. One table per
// object, so findings, CSV exports, the mapping configuration and the force-app consistency test all
// speak the same names. The external-id keys are in salesforce-keys.ts, the integration user's
// access in integration-access.ts.
import { CLOUDS } from './model.js';

/** Opportunity fields, keyed by canonical path (dot notation into CoSellOpportunity). */
export const OPPORTUNITY_FIELDS = {
  id: 'Id',
  name: 'Name',
  amount: 'Amount',
  currencyIsoCode: 'CurrencyIsoCode',
  stageName: 'StageName',
  probability: 'Probability',
  isClosed: 'IsClosed',
  isWon: 'IsWon',
  closeDate: 'CloseDate',
  createdDate: 'CreatedDate',
  lastModifiedDate: 'LastModifiedDate',
  description: 'Description',
  nextStep: 'NextStep',
  type: 'Type',
  ownerId: 'OwnerId',
  ownerName: 'Owner.Name',
  ownerEmail: 'Owner.Email',
  'account.id': 'AccountId',
  'account.name': 'Account.Name',
  'account.website': 'Account.Website',
  'account.industry': 'Account.Industry',
  'account.billingStreet': 'Account.BillingStreet',
  'account.billingCity': 'Account.BillingCity',
  'account.billingState': 'Account.BillingState',
  'account.billingPostalCode': 'Account.BillingPostalCode',
  'account.billingCountry': 'Account.BillingCountry',
  'coSell.clouds': 'CoSell_Clouds__c',
  'coSell.origin': 'CoSell_Origin__c',
  'coSell.originatingCloud': 'CoSell_Originating_Cloud__c',
  'coSell.attribution': 'CoSell_Attribution__c',
  'coSell.helpNeeded': 'CoSell_Help_Needed__c',
  'coSell.helpDetails': 'CoSell_Help_Details__c',
  'coSell.marketplaceRoute': 'Marketplace_Route__c',
  'coSell.commitDrawdown': 'Commit_Drawdown__c',
  'coSell.tenancyArchetype': 'Tenancy_Archetype__c',
  'coSell.expectedMonthlySpend': 'CoSell_Expected_Monthly_Spend__c',
  'coSell.useCase': 'CoSell_Use_Case__c',
} as const;
export type OpportunityPath = keyof typeof OPPORTUNITY_FIELDS;

/** Contact fields (reached through OpportunityContactRole). */
export const CONTACT_FIELDS = {
  id: 'Id',
  firstName: 'FirstName',
  lastName: 'LastName',
  email: 'Email',
  phone: 'Phone',
  title: 'Title',
  role: 'OpportunityContactRole.Role',
} as const;

/** `CoSell_Engagement__c`: one per Opportunity and cloud. */
export const ENGAGEMENT_OBJECT = 'CoSell_Engagement__c';
export const ENGAGEMENT_FIELDS = {
  id: 'Id',
  opportunityId: 'Opportunity__c',
  cloud: 'Cloud__c',
  portalId: 'Portal_Id__c',
  status: 'Status__c',
  submittedAt: 'Submitted_At__c',
  acceptedAt: 'Accepted_At__c',
  findings: 'Findings__c',
  requestedAction: 'Requested_Action__c',
  lastSyncedAt: 'Last_Synced_At__c',
  syncError: 'Sync_Error__c',
} as const;

/** `CoSell_Referral__c`: inbound hyperscaler-led referrals. */
export const REFERRAL_OBJECT = 'CoSell_Referral__c';
export const REFERRAL_FIELDS = {
  id: 'Id',
  cloud: 'Cloud__c',
  portalId: 'Portal_Id__c',
  receivedAt: 'Received_At__c',
  customerName: 'Customer_Name__c',
  customerDomain: 'Customer_Domain__c',
  customerCountry: 'Customer_Country__c',
  title: 'Name',
  description: 'Description__c',
  'estimatedValue.amount': 'Estimated_Value__c',
  'estimatedValue.currencyIsoCode': 'CurrencyIsoCode',
  tenancyArchetype: 'Tenancy_Archetype__c',
  sourceLayer: 'Source_Layer__c',
  'referrer.name': 'Referrer_Name__c',
  'referrer.email': 'Referrer_Email__c',
  'referrer.title': 'Referrer_Title__c',
  priority: 'Priority__c',
  responseDue: 'Response_Due__c',
  triageStatus: 'Triage_Status__c',
  ownerId: 'OwnerId',
  declineReason: 'Decline_Reason__c',
  feedback: 'Feedback__c',
  feedbackSentAt: 'Feedback_Sent_At__c',
  decidedAt: 'Decided_At__c',
  opportunityId: 'Opportunity__c',
  requestedAction: 'Requested_Action__c',
} as const;

/** `CoSell_Counterpart__c`: named hyperscaler people by layer. */
export const COUNTERPART_OBJECT = 'CoSell_Counterpart__c';
export const COUNTERPART_FIELDS = {
  id: 'Id',
  cloud: 'Cloud__c',
  layer: 'Layer__c',
  name: 'Name',
  email: 'Email__c',
  title: 'Title__c',
  region: 'Region__c',
  lastContactAt: 'Last_Contact_At__c',
} as const;

/** `CoSell_Readiness__c`: one cloud's readiness evidence as JSON (core/readiness/evidence.ts). */
export const READINESS_OBJECT = 'CoSell_Readiness__c';
export const READINESS_FIELDS = {
  id: 'Id',
  cloud: 'Cloud__c',
  evidence: 'Evidence__c',
  lastModifiedDate: 'LastModifiedDate',
} as const;

/**
 * `CoSell_Value_Map__mdt`: one Salesforce picklist value → portal value pair per record, per portal
 * and value map (the maps of config/mapping/<portal>.json, which are the shipped defaults).
 */
export const VALUE_MAP_OBJECT = 'CoSell_Value_Map__mdt';
export const VALUE_MAP_FIELDS = {
  portal: 'Portal__c',
  valueMap: 'Value_Map__c',
  salesforceValue: 'Salesforce_Value__c',
  portalValue: 'Portal_Value__c',
} as const;

/** `CoSell_Triage_Rule__mdt`: triage rules an admin tunes in Setup. */
export const TRIAGE_RULE_OBJECT = 'CoSell_Triage_Rule__mdt';
export const TRIAGE_RULE_FIELDS = {
  sourceLayer: 'Source_Layer__c',
  tenancyArchetype: 'Tenancy_Archetype__c',
  priority: 'Priority__c',
  responseUnit: 'Response_Unit__c',
  responseAmount: 'Response_Amount__c',
  minimumBusinessHours: 'Minimum_Business_Hours__c',
  acknowledgeWithinHours: 'Acknowledge_Within_Hours__c',
  responder: 'Responder__c',
  ownerQueue: 'Owner_Queue__c',
  sortOrder: 'Sort_Order__c',
} as const;

/** `CoSell_Metric__c`: the summary the service computes and the attribution component reads. */
export const METRIC_OBJECT = 'CoSell_Metric__c';
export const METRIC_FIELDS = {
  id: 'Id',
  cloud: 'Cloud__c',
  fiscalPeriod: 'Fiscal_Period__c',
  periodStart: 'Period_Start__c',
  periodEnd: 'Period_End__c',
  metric: 'Metric__c',
  segment: 'Segment__c',
  value: 'Value__c',
  sampleSize: 'Sample_Size__c',
  computedAt: 'Computed_At__c',
  key: 'Metric_Key__c',
  // Maturity marker rows only (Metric__c = 'Maturity Marker'): the stage, the marker and the evidence.
  stageLevel: 'Stage_Level__c',
  stage: 'Stage__c',
  stageReached: 'Stage_Reached__c',
  marker: 'Marker__c',
  met: 'Met__c',
  target: 'Target__c',
  unit: 'Unit__c',
  source: 'Source__c',
  note: 'Note__c',
} as const;

/** `CoSell_Metric__c.Metric__c` picklist values. */
export const METRIC_NAMES = [
  'Pipeline Count',
  'Pipeline Value',
  'Won Value',
  'Win Rate',
  'Average Deal Size',
  'Median Cycle Days',
  'Acceptance Rate',
  'Median Hours To Accept',
  'Marketplace Transactions',
  'Partner Attach Rate',
  'Maturity Marker',
] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

/** `CoSell_Metric__c.Segment__c`: which deals a figure covers (Co-sold = sourced or influenced). */
export const METRIC_SEGMENTS = ['Sourced', 'Influenced', 'Co-sold', 'Direct only', 'All'] as const;
export type MetricSegment = (typeof METRIC_SEGMENTS)[number];

/** `CoSell_Metric__c.Unit__c`: how a maturity marker's Value__c and Target__c read. */
export const METRIC_UNITS = ['Yes/No', 'Share', 'Number'] as const;
export type MetricUnit = (typeof METRIC_UNITS)[number];

/** `CoSell_Metric__c.Cloud__c`: the three clouds, plus All for cross-cloud figures such as attach rate. */
export const METRIC_CLOUDS = [...CLOUDS, 'All'] as const;
export type MetricCloud = (typeof METRIC_CLOUDS)[number];

/** `CoSell_Joint_Pursuit__c`: the joint pursuit list of an account-mapping run, for the Salesforce report. */
export const JOINT_PURSUIT_OBJECT = 'CoSell_Joint_Pursuit__c';
export const JOINT_PURSUIT_FIELDS = {
  id: 'Id',
  accountName: 'Name',
  key: 'Pursuit_Key__c',
  accountId: 'Account__c',
  cloud: 'Cloud__c',
  relationship: 'Relationship__c',
  onTargetList: 'On_Target_List__c',
  domain: 'Domain__c',
  hyperscalerOwner: 'Hyperscaler_Owner__c',
  hyperscalerOwnerEmail: 'Hyperscaler_Owner_Email__c',
  isvOwner: 'ISV_Owner__c',
  confidence: 'Confidence__c',
  nextStep: 'Next_Step__c',
  runDate: 'Run_Date__c',
} as const;
