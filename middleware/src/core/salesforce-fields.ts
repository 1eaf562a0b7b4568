// Salesforce API names of every field the canonical model reads or writes. One table, so findings,
// CSV exports, the mapping configuration and the force-app consistency test all speak the same names.

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

/** `CoSell_Triage_Rule__mdt`: triage rules an admin tunes in Setup. */
export const TRIAGE_RULE_OBJECT = 'CoSell_Triage_Rule__mdt';
export const TRIAGE_RULE_FIELDS = {
  sourceLayer: 'Source_Layer__c',
  tenancyArchetype: 'Tenancy_Archetype__c',
  priority: 'Priority__c',
  responseBusinessHours: 'Response_Business_Hours__c',
  responder: 'Responder__c',
  ownerQueue: 'Owner_Queue__c',
  sortOrder: 'Sort_Order__c',
} as const;
