// Realistic sample values for the contract tests' payloads (a data-platform co-sell with Northwind
// Analytics): by member name, by JSON path, the enum value to choose, and a valid and an invalid
// sample per pattern; length-only patterns derive their samples from the bounds.
/** Realistic values (a data-platform co-sell with Northwind Analytics) keyed by member name. */
export const REALISTIC: Record<string, string> = {
  Catalog: 'Sandbox',
  ClientToken: '6f1c2d3e-8a9b-4c0d-9e1f-2a3b4c5d6e7f',
  PartnerOpportunityIdentifier: '006Hs00001Zq9XbIAJ',
  CompanyName: 'Northwind Analytics',
  WebsiteUrl: 'https://www.northwind-analytics.com',
  AwsAccountId: '123456789012',
  Duns: '081466849',
  City: 'Seattle',
  PostalCode: '98101',
  StateOrRegion: 'Washington',
  StreetAddress: '1200 Fifth Avenue',
  OtherIndustry: 'Data platforms',
  Email: 'priya.raman@northwind-analytics.com',
  FirstName: 'Priya',
  LastName: 'Raman',
  BusinessTitle: 'VP Data Engineering',
  Phone: '+14155550123',
  Amount: '12500.50',
  TargetCompany: 'AWS',
  EstimationUrl: 'https://calculator.aws/#/estimate?id=3f9a1c0b7e2d4a6f8b1c3e5d7f9a0b2c4d6e8f10',
  Title: 'Lakehouse migration for Northwind Analytics',
  CustomerBusinessProblem:
    'Nightly batch ETL on ageing on-prem Hadoop misses the 7am reporting window and blocks real-time fraud scoring.',
  CustomerUseCase: 'Big Data: Data Warehouse/Data Integration/ETL/Data Lake/BI',
  RelatedOpportunityIdentifier: 'O1234567',
  OtherCompetitorNames: 'Snowflake on Azure',
  OtherSolutionDescription: 'Managed lakehouse on Amazon S3 and Athena',
  AdditionalComments: 'PDM intro via the AWS data & analytics specialist team',
  CampaignName: 'DATA-LAKE-2026-Q2',
  EffectiveDate: '2026-04-01',
  ExpirationDate: '2027-03-31',
  TargetCloseDate: '2026-09-30',
  NextSteps: 'Joint architecture review with the AWS SA on 14 April',
  ReviewComments: 'Looks good',
  ReviewStatusReason: 'Approved by PDM',
  Value: 'salesforce',
  Key: 'cosell:source',
  Identifier: 'O1234567',
  OpportunityIdentifier: 'O1234567',
  RelatedEntityIdentifier: 'S-1234567',
  RejectionReason: 'Customer is outside the regions we support',
};
/** Identifiers whose format differs by operation (an invitation is not an opportunity). */
export const REALISTIC_BY_PATH: Record<string, string> = {
  'StartEngagementByAcceptingInvitationTask$.Identifier': 'engi-0a1b2c3d4e5f6',
  'RejectEngagementInvitation$.Identifier': 'engi-0a1b2c3d4e5f6',
};
export const ENUM_CHOICE: Record<string, string> = {
  Origin: 'Partner Referral',
  NationalSecurity: 'No',
  Industry: 'Software and Internet',
  CountryCode: 'US',
  CurrencyCode: 'USD',
  Stage: 'Qualified',
  ReviewStatus: 'Pending Submission',
  AwsFundingUsed: 'Yes',
  RelatedEntityType: 'Solutions',
  InvolvementType: 'Co-Sell',
};

/** Valid and invalid samples for each non-length pattern the request operations use. */
export const PATTERN_SAMPLES: Record<string, { valid: string; invalid: string }> = {
  '^[a-zA-Z]+$': { valid: 'Sandbox', invalid: 'Sand box' },
  '^([0-9]{12}|\\w{1,12})$': { valid: '123456789012', invalid: '1234-5678-9012' },
  '^[0-9]{9}$': { valid: '081466849', invalid: '08146684' },
  "^(?=.{0,80}$)[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$":
    {
      valid: 'priya.raman@northwind-analytics.com',
      invalid: 'Priya.Raman@Northwind-Analytics.com',
    },
  '^\\+[1-9]\\d{1,14}$': { valid: '+14155550123', invalid: '(415) 555-0123' },
  '^((0|([1-9][0-9]{0,30}))(\\.[0-9]{0,2})?)?$': { valid: '12500.50', invalid: '12,500' },
  '^https://(calculator\\.aws|pricing\\.calculator\\.aws\\.eu)/#/estimate\\?id=[a-f0-9]{32,64}$': {
    valid: REALISTIC.EstimationUrl!,
    invalid: 'https://calculator.aws/#/estimate?id=NOT-AN-ID',
  },
  '^O[0-9]{1,19}$': { valid: 'O1234567', invalid: 'opp-1234567' },
  '^(0|([1-9][0-9]{0,30}))(\\.[0-9]{0,2})?$': { valid: '48000.00', invalid: '48000.001' },
  '^[1-9][0-9]{3}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$': {
    valid: '2026-06-30',
    invalid: '2026-6-30',
  },
  // No (?s) here: `.` stops at a line break, so a token with a newline does not match.
  '^.{1,255}$': { valid: REALISTIC.ClientToken!, invalid: 'retry\n2' },
  '^(?=.{1,128}$)([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$': {
    valid: 'cosell:source',
    invalid: 'cost#center',
  },
  '^(?=.{0,256}$)([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$': { valid: 'salesforce', invalid: 'a;b' },
  '^(?=.{1,255}$)(arn:.*|engi-[0-9a-z]{13})$': {
    valid: 'engi-0a1b2c3d4e5f6',
    invalid: 'eng-0a1b2c3d4e5f6',
  },
  '^[\\u0020-\\u007E\\u00A0-\\uD7FF\\uE000-\\uFFFD]{1,80}$': {
    valid: REALISTIC.RejectionReason!,
    invalid: 'tab\tinside',
  },
};

/** `^(?s).{a,b}$` only bounds the length; samples follow from the bounds. */
export function lengthPattern(pattern: string): { min: number; max: number } | null {
  const match = /^\^\(\?s\)\.\{(\d+),(\d+)\}\$$/.exec(pattern);
  return match ? { min: Number(match[1]), max: Number(match[2]) } : null;
}

export function padTo(text: string, min: number, max: number): string {
  let out = text;
  while ([...out].length < min) out += ` ${text}`;
  return [...out].slice(0, max).join('');
}
