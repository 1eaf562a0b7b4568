// ACE (AWS Partner Central Selling API) wire schemas, generated from the Smithy model.
// Model: partnercentral-selling-2022-07-26.json · service AWSPartnerCentralSelling version 2022-07-26 · Smithy 2.0
// Model sha256: 6133fba4370daddc8207b0f5ef3ccd2eabc9b84b1d2fffda9afd3b28e82fb71d
// generated — do not edit, run `node --experimental-strip-types scripts/generate-ace-schemas.ts`
/* eslint-disable */
import { z } from 'zod';
import { dateTime, decimalNumber, document, blob, epochSeconds, httpDate, integer, lengthWithin, listOf, mapOf, oneOf, oneOfInt, optional, structure, text, union } from '../smithy-zod.js';

export const ACE_MODEL = {"file":"partnercentral-selling-2022-07-26.json","service":"AWSPartnerCentralSelling","version":"2022-07-26","sha256":"6133fba4370daddc8207b0f5ef3ccd2eabc9b84b1d2fffda9afd3b28e82fb71d"} as const;

// Enum wire values, exactly as the model spells them.
export const PrimaryNeedFromAws_VALUES = ["Co-Sell - Architectural Validation","Co-Sell - Business Presentation","Co-Sell - Competitive Information","Co-Sell - Pricing Assistance","Co-Sell - Technical Consultation","Co-Sell - Total Cost of Ownership Evaluation","Co-Sell - Deal Support","Co-Sell - Support for Public Tender / RFx"] as const;
export const NationalSecurity_VALUES = ["Yes","No"] as const;
export const Industry_VALUES = ["Aerospace","Agriculture","Automotive","Computers and Electronics","Consumer Goods","Education","Energy - Oil and Gas","Energy - Power and Utilities","Financial Services","Gaming","Government","Healthcare","Hospitality","Life Sciences","Manufacturing","Marketing and Advertising","Media and Entertainment","Mining","Non-Profit Organization","Professional Services","Real Estate and Construction","Retail","Software and Internet","Telecommunications","Transportation and Logistics","Travel","Wholesale and Distribution","Other"] as const;
export const CountryCode_VALUES = ["US","AF","AX","AL","DZ","AS","AD","AO","AI","AQ","AG","AR","AM","AW","AU","AT","AZ","BS","BH","BD","BB","BY","BE","BZ","BJ","BM","BT","BO","BQ","BA","BW","BV","BR","IO","BN","BG","BF","BI","KH","CM","CA","CV","KY","CF","TD","CL","CN","CX","CC","CO","KM","CG","CK","CR","CI","HR","CU","CW","CY","CZ","CD","DK","DJ","DM","DO","EC","EG","SV","GQ","ER","EE","ET","FK","FO","FJ","FI","FR","GF","PF","TF","GA","GM","GE","DE","GH","GI","GR","GL","GD","GP","GU","GT","GG","GN","GW","GY","HT","HM","VA","HN","HK","HU","IS","IN","ID","IR","IQ","IE","IM","IL","IT","JM","JP","JE","JO","KZ","KE","KI","KR","KW","KG","LA","LV","LB","LS","LR","LY","LI","LT","LU","MO","MK","MG","MW","MY","MV","ML","MT","MH","MQ","MR","MU","YT","MX","FM","MD","MC","MN","ME","MS","MA","MZ","MM","NA","NR","NP","NL","AN","NC","NZ","NI","NE","NG","NU","NF","MP","NO","OM","PK","PW","PS","PA","PG","PY","PE","PH","PN","PL","PT","PR","QA","RE","RO","RU","RW","BL","SH","KN","LC","MF","PM","VC","WS","SM","ST","SA","SN","RS","SC","SL","SG","SX","SK","SI","SB","SO","ZA","GS","SS","ES","LK","SD","SR","SJ","SZ","SE","CH","SY","TW","TJ","TZ","TH","TL","TG","TK","TO","TT","TN","TR","TM","TC","TV","UG","UA","AE","GB","UM","UY","UZ","VU","VE","VN","VG","VI","WF","EH","YE","ZM","ZW"] as const;
export const DeliveryModel_VALUES = ["SaaS or PaaS","BYOL or AMI","Managed Services","Professional Services","Resell","Other"] as const;
export const CurrencyCode_VALUES = ["USD","EUR","GBP","AUD","CAD","CNY","NZD","INR","JPY","CHF","SEK","AED","AFN","ALL","AMD","ANG","AOA","ARS","AWG","AZN","BAM","BBD","BDT","BGN","BHD","BIF","BMD","BND","BOB","BOV","BRL","BSD","BTN","BWP","BYN","BZD","CDF","CHE","CHW","CLF","CLP","COP","COU","CRC","CUC","CUP","CVE","CZK","DJF","DKK","DOP","DZD","EGP","ERN","ETB","FJD","FKP","GEL","GHS","GIP","GMD","GNF","GTQ","GYD","HKD","HNL","HRK","HTG","HUF","IDR","ILS","IQD","IRR","ISK","JMD","JOD","KES","KGS","KHR","KMF","KPW","KRW","KWD","KYD","KZT","LAK","LBP","LKR","LRD","LSL","LYD","MAD","MDL","MGA","MKD","MMK","MNT","MOP","MRU","MUR","MVR","MWK","MXN","MXV","MYR","MZN","NAD","NGN","NIO","NOK","NPR","OMR","PAB","PEN","PGK","PHP","PKR","PLN","PYG","QAR","RON","RSD","RUB","RWF","SAR","SBD","SCR","SDG","SGD","SHP","SLL","SOS","SRD","SSP","STN","SVC","SYP","SZL","THB","TJS","TMT","TND","TOP","TRY","TTD","TWD","TZS","UAH","UGX","USN","UYI","UYU","UZS","VEF","VND","VUV","WST","XAF","XCD","XDR","XOF","XPF","XSU","XUA","YER","ZAR","ZMW","ZWL"] as const;
export const PaymentFrequency_VALUES = ["Monthly"] as const;
export const SalesActivity_VALUES = ["Initialized discussions with customer","Customer has shown interest in solution","Conducted POC / Demo","In evaluation / planning stage","Agreed on solution to Business Problem","Completed Action Plan","Finalized Deployment Need","SOW Signed"] as const;
export const CompetitorName_VALUES = ["Oracle Cloud","On-Prem","Co-location","Akamai","AliCloud","Google Cloud Platform","IBM Softlayer","Microsoft Azure","Other- Cost Optimization","No Competition","*Other"] as const;
export const AwsPartition_VALUES = ["aws-eusc"] as const;
export const OpportunityType_VALUES = ["Net New Business","Flat Renewal","Expansion"] as const;
export const MarketingSource_VALUES = ["Marketing Activity","None"] as const;
export const Channel_VALUES = ["AWS Marketing Central","Content Syndication","Display","Email","Live Event","Out Of Home (OOH)","Print","Search","Social","Telemarketing","TV","Video","Virtual Event"] as const;
export const AwsFundingUsed_VALUES = ["Yes","No"] as const;
export const RevenueModel_VALUES = ["Contract","Pay-as-you-go","Subscription"] as const;
export const Stage_VALUES = ["Prospect","Qualified","Technical Validation","Business Validation","Committed","Launched","Closed Lost"] as const;
export const ClosedLostReason_VALUES = ["Customer Deficiency","Delay / Cancellation of Project","Legal / Tax / Regulatory","Lost to Competitor - Google","Lost to Competitor - Microsoft","Lost to Competitor - SoftLayer","Lost to Competitor - VMWare","Lost to Competitor - Other","No Opportunity","On Premises Deployment","Partner Gap","Price","Security / Compliance","Technical Limitations","Customer Experience","Other","People/Relationship/Governance","Product/Technology","Financial/Commercial"] as const;
export const ReviewStatus_VALUES = ["Pending Submission","Submitted","In review","Approved","Rejected","Action Required"] as const;
export const OpportunityOrigin_VALUES = ["AWS Referral","Partner Referral"] as const;
export const RelatedEntityType_VALUES = ["Solutions","AwsProducts","AwsMarketplaceOffers","AwsMarketplaceOfferSets"] as const;
export const SalesInvolvementType_VALUES = ["For Visibility Only","Co-Sell"] as const;
export const Visibility_VALUES = ["Full","Limited"] as const;
export const EngagementInvitationPayloadType_VALUES = ["OpportunityInvitation","LeadInvitation"] as const;
export const InvitationStatus_VALUES = ["ACCEPTED","PENDING","REJECTED","EXPIRED"] as const;
export const ReceiverResponsibility_VALUES = ["Distributor","Reseller","Hardware Partner","Managed Service Provider","Software Partner","Services Partner","Training Partner","Co-Sell Facilitator","Facilitator"] as const;
export const MarketSegment_VALUES = ["Enterprise","Large","Medium","Small","Micro"] as const;
export const ParticipantType_VALUES = ["SENDER","RECEIVER"] as const;
export const AwsClosedLostReason_VALUES = ["Administrative","Business Associate Agreement","Company Acquired/Dissolved","Competitive Offering","Customer Data Requirement","Customer Deficiency","Customer Experience","Delay / Cancellation of Project","Duplicate","Duplicate Opportunity","Executive Blocker","Failed Vetting","Feature Limitation","Financial/Commercial","Insufficient Amazon Value","Insufficient AWS Value","International Constraints","Legal / Tax / Regulatory","Legal Terms and Conditions","Lost to Competitor","Lost to Competitor - Google","Lost to Competitor - Microsoft","Lost to Competitor - Other","Lost to Competitor - Rackspace","Lost to Competitor - SoftLayer","Lost to Competitor - VMWare","No Customer Reference","No Integration Resources","No Opportunity","No Perceived Value of MP","No Response","Not Committed to AWS","No Update","On Premises Deployment","Other","Other (Details in Description)","Partner Gap","Past Due","People/Relationship/Governance","Platform Technology Limitation","Preference for Competitor","Price","Product/Technology","Product Not on AWS","Security / Compliance","Self-Service","Technical Limitations","Term Sheet Impasse"] as const;
export const AwsOpportunityStage_VALUES = ["Not Started","In Progress","Prospect","Engaged","Identified","Qualify","Research","Seller Engaged","Evaluating","Seller Registered","Term Sheet Negotiation","Contract Negotiation","Onboarding","Building Integration","Qualified","On-hold","Technical Validation","Business Validation","Committed","Launched","Deferred to Partner","Closed Lost","Completed","Closed Incomplete"] as const;
export const AwsMemberBusinessTitle_VALUES = ["AWSSalesRep","AWSAccountOwner","WWPSPDM","PDM","PSM","ISVSM"] as const;
export const EngagementScore_VALUES = ["High","Medium","Low"] as const;
export const InvolvementTypeChangeReason_VALUES = ["Expansion Opportunity","Change in Deal Information","Customer Requested","Technical Complexity","Risk Mitigation"] as const;
const PrimaryNeedFromAws_SET: ReadonlySet<unknown> = new Set(PrimaryNeedFromAws_VALUES);
const NationalSecurity_SET: ReadonlySet<unknown> = new Set(NationalSecurity_VALUES);
const Industry_SET: ReadonlySet<unknown> = new Set(Industry_VALUES);
const CountryCode_SET: ReadonlySet<unknown> = new Set(CountryCode_VALUES);
const DeliveryModel_SET: ReadonlySet<unknown> = new Set(DeliveryModel_VALUES);
const CurrencyCode_SET: ReadonlySet<unknown> = new Set(CurrencyCode_VALUES);
const PaymentFrequency_SET: ReadonlySet<unknown> = new Set(PaymentFrequency_VALUES);
const SalesActivity_SET: ReadonlySet<unknown> = new Set(SalesActivity_VALUES);
const CompetitorName_SET: ReadonlySet<unknown> = new Set(CompetitorName_VALUES);
const AwsPartition_SET: ReadonlySet<unknown> = new Set(AwsPartition_VALUES);
const OpportunityType_SET: ReadonlySet<unknown> = new Set(OpportunityType_VALUES);
const MarketingSource_SET: ReadonlySet<unknown> = new Set(MarketingSource_VALUES);
const Channel_SET: ReadonlySet<unknown> = new Set(Channel_VALUES);
const AwsFundingUsed_SET: ReadonlySet<unknown> = new Set(AwsFundingUsed_VALUES);
const RevenueModel_SET: ReadonlySet<unknown> = new Set(RevenueModel_VALUES);
const Stage_SET: ReadonlySet<unknown> = new Set(Stage_VALUES);
const ClosedLostReason_SET: ReadonlySet<unknown> = new Set(ClosedLostReason_VALUES);
const ReviewStatus_SET: ReadonlySet<unknown> = new Set(ReviewStatus_VALUES);
const OpportunityOrigin_SET: ReadonlySet<unknown> = new Set(OpportunityOrigin_VALUES);
const RelatedEntityType_SET: ReadonlySet<unknown> = new Set(RelatedEntityType_VALUES);
const SalesInvolvementType_SET: ReadonlySet<unknown> = new Set(SalesInvolvementType_VALUES);
const Visibility_SET: ReadonlySet<unknown> = new Set(Visibility_VALUES);
const EngagementInvitationPayloadType_SET: ReadonlySet<unknown> = new Set(EngagementInvitationPayloadType_VALUES);
const InvitationStatus_SET: ReadonlySet<unknown> = new Set(InvitationStatus_VALUES);
const ReceiverResponsibility_SET: ReadonlySet<unknown> = new Set(ReceiverResponsibility_VALUES);
const MarketSegment_SET: ReadonlySet<unknown> = new Set(MarketSegment_VALUES);
const ParticipantType_SET: ReadonlySet<unknown> = new Set(ParticipantType_VALUES);
const AwsClosedLostReason_SET: ReadonlySet<unknown> = new Set(AwsClosedLostReason_VALUES);
const AwsOpportunityStage_SET: ReadonlySet<unknown> = new Set(AwsOpportunityStage_VALUES);
const AwsMemberBusinessTitle_SET: ReadonlySet<unknown> = new Set(AwsMemberBusinessTitle_VALUES);
const EngagementScore_SET: ReadonlySet<unknown> = new Set(EngagementScore_VALUES);
const InvolvementTypeChangeReason_SET: ReadonlySet<unknown> = new Set(InvolvementTypeChangeReason_VALUES);

// Patterns translated from Smithy (unanchored, ECMA-262; `(?s)` becomes the s flag).
/** Smithy: ^[a-zA-Z]+$ */
const PATTERN_0 = new RegExp("^[a-zA-Z]+$", "u");
/** Smithy: ^(?s).{0,64}$ */
const PATTERN_1 = new RegExp("^.{0,64}$", "su");
/** Smithy: ^(?s).{0,255}$ */
const PATTERN_2 = new RegExp("^.{0,255}$", "su");
/** Smithy: ^(?s).{0,120}$ */
const PATTERN_3 = new RegExp("^.{0,120}$", "su");
/** Smithy: ^(?s).{4,255}$ */
const PATTERN_4 = new RegExp("^.{4,255}$", "su");
/** Smithy: ^([0-9]{12}|\w{1,12})$ */
const PATTERN_5 = new RegExp("^([0-9]{12}|\\w{1,12})$", "u");
/** Smithy: ^(?s).{0,20}$ */
const PATTERN_6 = new RegExp("^.{0,20}$", "su");
/** Smithy: ^[0-9]{9}$ */
const PATTERN_7 = new RegExp("^[0-9]{9}$", "u");
/** Smithy: ^(?=.{0,80}$)[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$ */
const PATTERN_8 = new RegExp("^(?=.{0,80}$)[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$", "u");
/** Smithy: ^(?s).{0,80}$ */
const PATTERN_9 = new RegExp("^.{0,80}$", "su");
/** Smithy: ^\+[1-9]\d{1,14}$ */
const PATTERN_10 = new RegExp("^\\+[1-9]\\d{1,14}$", "u");
/** Smithy: ^((0|([1-9][0-9]{0,30}))(\.[0-9]{0,2})?)?$ */
const PATTERN_11 = new RegExp("^((0|([1-9][0-9]{0,30}))(\\.[0-9]{0,2})?)?$", "u");
/** Smithy: ^(?s).{1,80}$ */
const PATTERN_12 = new RegExp("^.{1,80}$", "su");
/** Smithy: ^https://(calculator\.aws|pricing\.calculator\.aws\.eu)/#/estimate\?id=[a-f0-9]{32,64}$ */
const PATTERN_13 = new RegExp("^https://(calculator\\.aws|pricing\\.calculator\\.aws\\.eu)/#/estimate\\?id=[a-f0-9]{32,64}$", "u");
/** Smithy: ^(?s).{20,2000}$ */
const PATTERN_14 = new RegExp("^.{20,2000}$", "su");
/** Smithy: ^O[0-9]{1,19}$ */
const PATTERN_15 = new RegExp("^O[0-9]{1,19}$", "u");
/** Smithy: ^(?s).{1,255}$ */
const PATTERN_16 = new RegExp("^.{1,255}$", "su");
/** Smithy: ^(0|([1-9][0-9]{0,30}))(\.[0-9]{0,2})?$ */
const PATTERN_17 = new RegExp("^(0|([1-9][0-9]{0,30}))(\\.[0-9]{0,2})?$", "u");
/** Smithy: ^[1-9][0-9]{3}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$ */
const PATTERN_18 = new RegExp("^[1-9][0-9]{3}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$", "u");
/** Smithy: ^.{1,255}$ */
const PATTERN_19 = new RegExp("^.{1,255}$", "u");
/** Smithy: ^(?=.{1,128}$)([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$ */
const PATTERN_20 = new RegExp("^(?=.{1,128}$)([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$", "u");
/** Smithy: ^(?=.{0,256}$)([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$ */
const PATTERN_21 = new RegExp("^(?=.{0,256}$)([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$", "u");
/** Smithy: ^(?=.{1,255}$)(arn:.*|engi-[0-9a-z]{13})$ */
const PATTERN_22 = new RegExp("^(?=.{1,255}$)(arn:.*|engi-[0-9a-z]{13})$", "u");
/** Smithy: ^[\u0020-\u007E\u00A0-\uD7FF\uE000-\uFFFD]{1,80}$ */
const PATTERN_23 = new RegExp("^[\\u0020-\\u007E\\u00A0-\\uD7FF\\uE000-\\uFFFD]{1,80}$", "u");
/** Smithy: ^arn:.*$ */
const PATTERN_24 = new RegExp("^arn:.*$", "u");
/** Smithy: ^arn:aws:aws-marketplace:[a-z]{1,2}-[a-z]*-\d+:\d{12}:AWSMarketplace/Offer/.*$ */
const PATTERN_25 = new RegExp("^arn:aws:aws-marketplace:[a-z]{1,2}-[a-z]*-\\d+:\\d{12}:AWSMarketplace/Offer/.*$", "u");
/** Smithy: ^arn:aws:aws-marketplace:[a-z]{1,2}-[a-z]*-\d+:\d{12}:AWSMarketplace/OfferSet/offerset-.* */
const PATTERN_26 = new RegExp("^arn:aws:aws-marketplace:[a-z]{1,2}-[a-z]*-\\d+:\\d{12}:AWSMarketplace/OfferSet/offerset-.*", "u");
/** Smithy: ^S-[0-9]{1,19}$ */
const PATTERN_27 = new RegExp("^S-[0-9]{1,19}$", "u");
/** Smithy: ^eng-[0-9a-z]{14}$ */
const PATTERN_28 = new RegExp("^eng-[0-9a-z]{14}$", "u");
/** Smithy: ^(?s).{1,40}$ */
const PATTERN_29 = new RegExp("^.{1,40}$", "su");
/** Smithy: ^(?=.{1,80}$)[a-zA-Z0-9.!#$%&'*+/=?^_{|}~-]+@[a-zA-Z0-9-]+(?:.[a-zA-Z0-9-]+)*$ */
const PATTERN_30 = new RegExp("^(?=.{1,80}$)[a-zA-Z0-9.!#$%&'*+/=?^_{|}~-]+@[a-zA-Z0-9-]+(?:.[a-zA-Z0-9-]+)*$", "u");
/** Smithy: ^(?s).{1,120}$ */
const PATTERN_31 = new RegExp("^.{1,120}$", "su");
/** Smithy: ^(?=.{4,255}$)((http|https)://)??(www[.])??([a-zA-Z0-9]|-)+?([.][a-zA-Z0-9(-|/|=|?)??]+?)+?$ */
const PATTERN_32 = new RegExp("^(?=.{4,255}$)((http|https)://)??(www[.])??([a-zA-Z0-9]|-)+?([.][a-zA-Z0-9(-|/|=|?)??]+?)+?$", "u");
/** Smithy: ^(?s).{1,20}$ */
const PATTERN_33 = new RegExp("^.{1,20}$", "su");

// Request shapes: strict (an unknown member is an error).
const rqPrimaryNeedsFromAws = listOf(oneOf(PrimaryNeedFromAws_VALUES, "request"));
const rqAddress = structure({
  "City": optional(text({ pattern: PATTERN_2, patternText: "0 to 255 characters long" })),
  "PostalCode": optional(text({ pattern: PATTERN_6, patternText: "0 to 20 characters long" })),
  "StateOrRegion": optional(text()),
  "CountryCode": optional(oneOf(CountryCode_VALUES, "request")),
  "StreetAddress": optional(text({ pattern: PATTERN_2, patternText: "0 to 255 characters long" })),
}, "request");
const rqAccount = structure({
  "Industry": optional(oneOf(Industry_VALUES, "request")),
  "OtherIndustry": optional(text({ pattern: PATTERN_2, patternText: "0 to 255 characters long" })),
  "CompanyName": text({ pattern: PATTERN_3, patternText: "0 to 120 characters long" }),
  "WebsiteUrl": optional(text({ pattern: PATTERN_4, patternText: "4 to 255 characters long" })),
  "AwsAccountId": optional(text({ pattern: PATTERN_5, patternText: "a 12-digit AWS account ID (or an account alias of up to 12 letters or digits)" })),
  "Address": optional(rqAddress),
  "Duns": optional(text({ pattern: PATTERN_7, patternText: "a 9-digit DUNS number" })),
}, "request");
const rqContact = structure({
  "Email": optional(text({ pattern: PATTERN_8, patternText: "text matching ^(?=.{0,80}$)[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$" })),
  "FirstName": optional(text({ pattern: PATTERN_9, patternText: "0 to 80 characters long" })),
  "LastName": optional(text({ pattern: PATTERN_9, patternText: "0 to 80 characters long" })),
  "BusinessTitle": optional(text({ pattern: PATTERN_9, patternText: "0 to 80 characters long" })),
  "Phone": optional(text({ pattern: PATTERN_10, patternText: "an international phone number such as +14155550123" })),
}, "request");
const rqCustomerContactsList = listOf(rqContact);
const rqCustomer = structure({
  "Account": optional(rqAccount),
  "Contacts": optional(rqCustomerContactsList),
}, "request");
const rqDeliveryModels = listOf(oneOf(DeliveryModel_VALUES, "request"));
const rqExpectedCustomerSpend = structure({
  "Amount": optional(text({ pattern: PATTERN_11, patternText: "an amount such as 12500 or 12500.50 (no currency sign, at most 2 decimals)" })),
  "CurrencyCode": oneOf(CurrencyCode_VALUES, "request"),
  "Frequency": oneOf(PaymentFrequency_VALUES, "request"),
  "TargetCompany": text({ pattern: PATTERN_12, patternText: "1 to 80 characters long" }),
  "EstimationUrl": optional(text({ pattern: PATTERN_13, patternText: "text matching ^https://(calculator\\.aws|pricing\\.calculator\\.aws\\.eu)/#/estimate\\?id=[a-f0-9]{32,64}$" })),
}, "request");
const rqExpectedCustomerSpendList = listOf(rqExpectedCustomerSpend, { min: 0, max: 10 });
const rqApnPrograms = listOf(text());
const rqSalesActivities = listOf(oneOf(SalesActivity_VALUES, "request"));
const rqProject = structure({
  "DeliveryModels": optional(rqDeliveryModels),
  "ExpectedCustomerSpend": optional(rqExpectedCustomerSpendList),
  "Title": optional(text({ pattern: PATTERN_2, patternText: "0 to 255 characters long" })),
  "ApnPrograms": optional(rqApnPrograms),
  "CustomerBusinessProblem": optional(text({ pattern: PATTERN_14, patternText: "20 to 2000 characters long" })),
  "CustomerUseCase": optional(text()),
  "RelatedOpportunityIdentifier": optional(text({ pattern: PATTERN_15, patternText: "an ACE opportunity ID such as O1234567" })),
  "SalesActivities": optional(rqSalesActivities),
  "CompetitorName": optional(oneOf(CompetitorName_VALUES, "request")),
  "OtherCompetitorNames": optional(text({ pattern: PATTERN_2, patternText: "0 to 255 characters long" })),
  "OtherSolutionDescription": optional(text({ pattern: PATTERN_2, patternText: "0 to 255 characters long" })),
  "AdditionalComments": optional(text({ pattern: PATTERN_16, patternText: "1 to 255 characters long" })),
  "AwsPartition": optional(oneOf(AwsPartition_VALUES, "request")),
}, "request");
const rqUseCases = listOf(text());
const rqChannels = listOf(oneOf(Channel_VALUES, "request"));
const rqMarketing = structure({
  "CampaignName": optional(text()),
  "Source": optional(oneOf(MarketingSource_VALUES, "request")),
  "UseCases": optional(rqUseCases),
  "Channels": optional(rqChannels),
  "AwsFundingUsed": optional(oneOf(AwsFundingUsed_VALUES, "request")),
}, "request");
const rqMonetaryValue = structure({
  "Amount": text({ pattern: PATTERN_17, patternText: "an amount such as 12500 or 12500.50 (no currency sign, at most 2 decimals)" }),
  "CurrencyCode": oneOf(CurrencyCode_VALUES, "request"),
}, "request");
const rqSoftwareRevenue = structure({
  "DeliveryModel": optional(oneOf(RevenueModel_VALUES, "request")),
  "Value": optional(rqMonetaryValue),
  "EffectiveDate": optional(text({ pattern: PATTERN_18, patternText: "a date written YYYY-MM-DD" })),
  "ExpirationDate": optional(text({ pattern: PATTERN_18, patternText: "a date written YYYY-MM-DD" })),
}, "request");
const rqNextStepsHistory = structure({
  "Value": text(),
  "Time": dateTime(),
}, "request");
const rqNextStepsHistories = listOf(rqNextStepsHistory);
const rqLifeCycle = structure({
  "Stage": optional(oneOf(Stage_VALUES, "request")),
  "ClosedLostReason": optional(oneOf(ClosedLostReason_VALUES, "request")),
  "NextSteps": optional(text({ pattern: PATTERN_2, patternText: "0 to 255 characters long" })),
  "TargetCloseDate": optional(text({ pattern: PATTERN_18, patternText: "a date written YYYY-MM-DD" })),
  "ReviewStatus": optional(oneOf(ReviewStatus_VALUES, "request")),
  "ReviewComments": optional(text()),
  "ReviewStatusReason": optional(text()),
  "NextStepsHistory": optional(listOf(rqNextStepsHistory, { max: 50 })),
}, "request");
const rqPartnerOpportunityTeamMembersList = listOf(rqContact, { max: 10 });
const rqTag = structure({
  "Key": text({ pattern: PATTERN_20, patternText: "text matching ^(?=.{1,128}$)([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$" }),
  "Value": text({ pattern: PATTERN_21, patternText: "text matching ^(?=.{0,256}$)([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$" }),
}, "request");
const rqTagList = listOf(rqTag, { min: 1, max: 200 });
const rqCreateOpportunityRequest = structure({
  "Catalog": text({ pattern: PATTERN_0, patternText: "letters only, e.g. AWS or Sandbox" }),
  "PrimaryNeedsFromAws": optional(rqPrimaryNeedsFromAws),
  "NationalSecurity": optional(oneOf(NationalSecurity_VALUES, "request")),
  "PartnerOpportunityIdentifier": optional(text({ pattern: PATTERN_1, patternText: "0 to 64 characters long" })),
  "Customer": optional(rqCustomer),
  "Project": optional(rqProject),
  "OpportunityType": optional(oneOf(OpportunityType_VALUES, "request")),
  "Marketing": optional(rqMarketing),
  "SoftwareRevenue": optional(rqSoftwareRevenue),
  "ClientToken": text({ pattern: PATTERN_19, patternText: "1 to 255 characters long" }),
  "LifeCycle": optional(rqLifeCycle),
  "Origin": optional(oneOf(OpportunityOrigin_VALUES, "request")),
  "OpportunityTeam": optional(rqPartnerOpportunityTeamMembersList),
  "Tags": optional(rqTagList),
}, "request");
const rqUpdateOpportunityRequest = structure({
  "Catalog": text({ pattern: PATTERN_0, patternText: "letters only, e.g. AWS or Sandbox" }),
  "PrimaryNeedsFromAws": optional(rqPrimaryNeedsFromAws),
  "NationalSecurity": optional(oneOf(NationalSecurity_VALUES, "request")),
  "PartnerOpportunityIdentifier": optional(text({ pattern: PATTERN_1, patternText: "0 to 64 characters long" })),
  "Customer": optional(rqCustomer),
  "Project": optional(rqProject),
  "OpportunityType": optional(oneOf(OpportunityType_VALUES, "request")),
  "Marketing": optional(rqMarketing),
  "SoftwareRevenue": optional(rqSoftwareRevenue),
  "LastModifiedDate": dateTime(),
  "Identifier": text({ pattern: PATTERN_15, patternText: "an ACE opportunity ID such as O1234567" }),
  "LifeCycle": optional(rqLifeCycle),
}, "request");
const rqAssociateOpportunityRequest = structure({
  "Catalog": text({ pattern: PATTERN_0, patternText: "letters only, e.g. AWS or Sandbox" }),
  "OpportunityIdentifier": text({ pattern: PATTERN_15, patternText: "an ACE opportunity ID such as O1234567" }),
  "RelatedEntityType": oneOf(RelatedEntityType_VALUES, "request"),
  "RelatedEntityIdentifier": text({ pattern: PATTERN_16, patternText: "1 to 255 characters long" }),
}, "request");
const rqDisassociateOpportunityRequest = structure({
  "Catalog": text({ pattern: PATTERN_0, patternText: "letters only, e.g. AWS or Sandbox" }),
  "OpportunityIdentifier": text({ pattern: PATTERN_15, patternText: "an ACE opportunity ID such as O1234567" }),
  "RelatedEntityType": oneOf(RelatedEntityType_VALUES, "request"),
  "RelatedEntityIdentifier": text({ pattern: PATTERN_16, patternText: "1 to 255 characters long" }),
}, "request");
const rqAwsSubmission = structure({
  "InvolvementType": oneOf(SalesInvolvementType_VALUES, "request"),
  "Visibility": optional(oneOf(Visibility_VALUES, "request")),
}, "request");
const rqStartEngagementFromOpportunityTaskRequest = structure({
  "Catalog": text({ pattern: PATTERN_0, patternText: "letters only, e.g. AWS or Sandbox" }),
  "ClientToken": text({ pattern: PATTERN_19, patternText: "1 to 255 characters long" }),
  "Identifier": text({ pattern: PATTERN_15, patternText: "an ACE opportunity ID such as O1234567" }),
  "AwsSubmission": rqAwsSubmission,
  "Tags": optional(rqTagList),
}, "request");
const rqStartEngagementByAcceptingInvitationTaskRequest = structure({
  "Catalog": text({ pattern: PATTERN_0, patternText: "letters only, e.g. AWS or Sandbox" }),
  "ClientToken": text({ pattern: PATTERN_19, patternText: "1 to 255 characters long" }),
  "Identifier": text({ pattern: PATTERN_22, patternText: "text matching ^(?=.{1,255}$)(arn:.*|engi-[0-9a-z]{13})$" }),
  "Tags": optional(rqTagList),
}, "request");
const rqRejectEngagementInvitationRequest = structure({
  "Catalog": text({ pattern: PATTERN_0, patternText: "letters only, e.g. AWS or Sandbox" }),
  "Identifier": text({ pattern: PATTERN_22, patternText: "text matching ^(?=.{1,255}$)(arn:.*|engi-[0-9a-z]{13})$" }),
  "RejectionReason": optional(text({ pattern: PATTERN_23, patternText: "text matching ^[\\u0020-\\u007E\\u00A0-\\uD7FF\\uE000-\\uFFFD]{1,80}$" })),
}, "request");
const rqAssigneeContact = structure({
  "Email": text({ pattern: PATTERN_8, patternText: "text matching ^(?=.{0,80}$)[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$" }),
  "FirstName": text({ pattern: PATTERN_9, patternText: "0 to 80 characters long" }),
  "LastName": text({ pattern: PATTERN_9, patternText: "0 to 80 characters long" }),
  "Phone": optional(text({ pattern: PATTERN_10, patternText: "an international phone number such as +14155550123" })),
  "BusinessTitle": text({ pattern: PATTERN_9, patternText: "0 to 80 characters long" }),
}, "request");
const rqAssignOpportunityRequest = structure({
  "Catalog": text({ pattern: PATTERN_0, patternText: "letters only, e.g. AWS or Sandbox" }),
  "Identifier": text({ pattern: PATTERN_15, patternText: "an ACE opportunity ID such as O1234567" }),
  "Assignee": rqAssigneeContact,
}, "request");

// Response shapes: tolerant (unknown members and newer enum values pass).
const rsPrimaryNeedsFromAws = listOf(oneOf(PrimaryNeedFromAws_VALUES, "response"));
const rsAddress = structure({
  "City": optional(text({ pattern: PATTERN_2, patternText: "0 to 255 characters long" })),
  "PostalCode": optional(text({ pattern: PATTERN_6, patternText: "0 to 20 characters long" })),
  "StateOrRegion": optional(text()),
  "CountryCode": optional(oneOf(CountryCode_VALUES, "response")),
  "StreetAddress": optional(text({ pattern: PATTERN_2, patternText: "0 to 255 characters long" })),
}, "response");
const rsAccount = structure({
  "Industry": optional(oneOf(Industry_VALUES, "response")),
  "OtherIndustry": optional(text({ pattern: PATTERN_2, patternText: "0 to 255 characters long" })),
  "CompanyName": text({ pattern: PATTERN_3, patternText: "0 to 120 characters long" }),
  "WebsiteUrl": optional(text({ pattern: PATTERN_4, patternText: "4 to 255 characters long" })),
  "AwsAccountId": optional(text({ pattern: PATTERN_5, patternText: "a 12-digit AWS account ID (or an account alias of up to 12 letters or digits)" })),
  "Address": optional(rsAddress),
  "Duns": optional(text({ pattern: PATTERN_7, patternText: "a 9-digit DUNS number" })),
}, "response");
const rsContact = structure({
  "Email": optional(text({ pattern: PATTERN_8, patternText: "text matching ^(?=.{0,80}$)[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$" })),
  "FirstName": optional(text({ pattern: PATTERN_9, patternText: "0 to 80 characters long" })),
  "LastName": optional(text({ pattern: PATTERN_9, patternText: "0 to 80 characters long" })),
  "BusinessTitle": optional(text({ pattern: PATTERN_9, patternText: "0 to 80 characters long" })),
  "Phone": optional(text({ pattern: PATTERN_10, patternText: "an international phone number such as +14155550123" })),
}, "response");
const rsCustomerContactsList = listOf(rsContact);
const rsCustomer = structure({
  "Account": optional(rsAccount),
  "Contacts": optional(rsCustomerContactsList),
}, "response");
const rsDeliveryModels = listOf(oneOf(DeliveryModel_VALUES, "response"));
const rsExpectedCustomerSpend = structure({
  "Amount": optional(text({ pattern: PATTERN_11, patternText: "an amount such as 12500 or 12500.50 (no currency sign, at most 2 decimals)" })),
  "CurrencyCode": oneOf(CurrencyCode_VALUES, "response"),
  "Frequency": oneOf(PaymentFrequency_VALUES, "response"),
  "TargetCompany": text({ pattern: PATTERN_12, patternText: "1 to 80 characters long" }),
  "EstimationUrl": optional(text({ pattern: PATTERN_13, patternText: "text matching ^https://(calculator\\.aws|pricing\\.calculator\\.aws\\.eu)/#/estimate\\?id=[a-f0-9]{32,64}$" })),
}, "response");
const rsExpectedCustomerSpendList = listOf(rsExpectedCustomerSpend, { min: 0, max: 10 });
const rsApnPrograms = listOf(text());
const rsSalesActivities = listOf(oneOf(SalesActivity_VALUES, "response"));
const rsProject = structure({
  "DeliveryModels": optional(rsDeliveryModels),
  "ExpectedCustomerSpend": optional(rsExpectedCustomerSpendList),
  "Title": optional(text({ pattern: PATTERN_2, patternText: "0 to 255 characters long" })),
  "ApnPrograms": optional(rsApnPrograms),
  "CustomerBusinessProblem": optional(text({ pattern: PATTERN_14, patternText: "20 to 2000 characters long" })),
  "CustomerUseCase": optional(text()),
  "RelatedOpportunityIdentifier": optional(text({ pattern: PATTERN_15, patternText: "an ACE opportunity ID such as O1234567" })),
  "SalesActivities": optional(rsSalesActivities),
  "CompetitorName": optional(oneOf(CompetitorName_VALUES, "response")),
  "OtherCompetitorNames": optional(text({ pattern: PATTERN_2, patternText: "0 to 255 characters long" })),
  "OtherSolutionDescription": optional(text({ pattern: PATTERN_2, patternText: "0 to 255 characters long" })),
  "AdditionalComments": optional(text({ pattern: PATTERN_16, patternText: "1 to 255 characters long" })),
  "AwsPartition": optional(oneOf(AwsPartition_VALUES, "response")),
}, "response");
const rsUseCases = listOf(text());
const rsChannels = listOf(oneOf(Channel_VALUES, "response"));
const rsMarketing = structure({
  "CampaignName": optional(text()),
  "Source": optional(oneOf(MarketingSource_VALUES, "response")),
  "UseCases": optional(rsUseCases),
  "Channels": optional(rsChannels),
  "AwsFundingUsed": optional(oneOf(AwsFundingUsed_VALUES, "response")),
}, "response");
const rsMonetaryValue = structure({
  "Amount": text({ pattern: PATTERN_17, patternText: "an amount such as 12500 or 12500.50 (no currency sign, at most 2 decimals)" }),
  "CurrencyCode": oneOf(CurrencyCode_VALUES, "response"),
}, "response");
const rsSoftwareRevenue = structure({
  "DeliveryModel": optional(oneOf(RevenueModel_VALUES, "response")),
  "Value": optional(rsMonetaryValue),
  "EffectiveDate": optional(text({ pattern: PATTERN_18, patternText: "a date written YYYY-MM-DD" })),
  "ExpirationDate": optional(text({ pattern: PATTERN_18, patternText: "a date written YYYY-MM-DD" })),
}, "response");
const rsAwsMarketplaceOfferIdentifiers = listOf(text({ pattern: PATTERN_25, patternText: "text matching ^arn:aws:aws-marketplace:[a-z]{1,2}-[a-z]*-\\d+:\\d{12}:AWSMarketplace/Offer/.*$" }));
const rsAwsMarketplaceOfferSetIdentifiers = listOf(text({ pattern: PATTERN_26, patternText: "text matching ^arn:aws:aws-marketplace:[a-z]{1,2}-[a-z]*-\\d+:\\d{12}:AWSMarketplace/OfferSet/offerset-.*" }));
const rsSolutionIdentifiers = listOf(text({ pattern: PATTERN_27, patternText: "text matching ^S-[0-9]{1,19}$" }));
const rsAwsProductIdentifiers = listOf(text());
const rsRelatedEntityIdentifiers = structure({
  "AwsMarketplaceOffers": optional(rsAwsMarketplaceOfferIdentifiers),
  "AwsMarketplaceOfferSets": optional(rsAwsMarketplaceOfferSetIdentifiers),
  "Solutions": optional(rsSolutionIdentifiers),
  "AwsProducts": optional(rsAwsProductIdentifiers),
}, "response");
const rsNextStepsHistory = structure({
  "Value": text(),
  "Time": dateTime(),
}, "response");
const rsNextStepsHistories = listOf(rsNextStepsHistory);
const rsLifeCycle = structure({
  "Stage": optional(oneOf(Stage_VALUES, "response")),
  "ClosedLostReason": optional(oneOf(ClosedLostReason_VALUES, "response")),
  "NextSteps": optional(text({ pattern: PATTERN_2, patternText: "0 to 255 characters long" })),
  "TargetCloseDate": optional(text({ pattern: PATTERN_18, patternText: "a date written YYYY-MM-DD" })),
  "ReviewStatus": optional(oneOf(ReviewStatus_VALUES, "response")),
  "ReviewComments": optional(text()),
  "ReviewStatusReason": optional(text()),
  "NextStepsHistory": optional(listOf(rsNextStepsHistory, { max: 50 })),
}, "response");
const rsPartnerOpportunityTeamMembersList = listOf(rsContact, { max: 10 });
const rsGetOpportunityResponse = structure({
  "Catalog": text({ pattern: PATTERN_0, patternText: "letters only, e.g. AWS or Sandbox" }),
  "PrimaryNeedsFromAws": optional(rsPrimaryNeedsFromAws),
  "NationalSecurity": optional(oneOf(NationalSecurity_VALUES, "response")),
  "PartnerOpportunityIdentifier": optional(text({ pattern: PATTERN_1, patternText: "0 to 64 characters long" })),
  "Customer": optional(rsCustomer),
  "Project": optional(rsProject),
  "OpportunityType": optional(oneOf(OpportunityType_VALUES, "response")),
  "Marketing": optional(rsMarketing),
  "SoftwareRevenue": optional(rsSoftwareRevenue),
  "Id": text({ pattern: PATTERN_15, patternText: "an ACE opportunity ID such as O1234567" }),
  "Arn": optional(text({ pattern: PATTERN_24, patternText: "text matching ^arn:.*$" })),
  "LastModifiedDate": dateTime(),
  "CreatedDate": dateTime(),
  "RelatedEntityIdentifiers": rsRelatedEntityIdentifiers,
  "LifeCycle": optional(rsLifeCycle),
  "OpportunityTeam": optional(rsPartnerOpportunityTeamMembersList),
}, "response");
const rsLifeCycleSummary = structure({
  "Stage": optional(oneOf(Stage_VALUES, "response")),
  "ClosedLostReason": optional(oneOf(ClosedLostReason_VALUES, "response")),
  "NextSteps": optional(text({ pattern: PATTERN_2, patternText: "0 to 255 characters long" })),
  "TargetCloseDate": optional(text({ pattern: PATTERN_18, patternText: "a date written YYYY-MM-DD" })),
  "ReviewStatus": optional(oneOf(ReviewStatus_VALUES, "response")),
  "ReviewComments": optional(text()),
  "ReviewStatusReason": optional(text()),
}, "response");
const rsAddressSummary = structure({
  "City": optional(text({ pattern: PATTERN_2, patternText: "0 to 255 characters long" })),
  "PostalCode": optional(text({ pattern: PATTERN_6, patternText: "0 to 20 characters long" })),
  "StateOrRegion": optional(text()),
  "CountryCode": optional(oneOf(CountryCode_VALUES, "response")),
}, "response");
const rsAccountSummary = structure({
  "Industry": optional(oneOf(Industry_VALUES, "response")),
  "OtherIndustry": optional(text({ pattern: PATTERN_2, patternText: "0 to 255 characters long" })),
  "CompanyName": text({ pattern: PATTERN_3, patternText: "0 to 120 characters long" }),
  "WebsiteUrl": optional(text({ pattern: PATTERN_4, patternText: "4 to 255 characters long" })),
  "Address": optional(rsAddressSummary),
}, "response");
const rsCustomerSummary = structure({
  "Account": optional(rsAccountSummary),
}, "response");
const rsProjectSummary = structure({
  "DeliveryModels": optional(rsDeliveryModels),
  "ExpectedCustomerSpend": optional(rsExpectedCustomerSpendList),
}, "response");
const rsOpportunitySummary = structure({
  "Catalog": text({ pattern: PATTERN_0, patternText: "letters only, e.g. AWS or Sandbox" }),
  "Id": optional(text({ pattern: PATTERN_15, patternText: "an ACE opportunity ID such as O1234567" })),
  "Arn": optional(text({ pattern: PATTERN_24, patternText: "text matching ^arn:.*$" })),
  "PartnerOpportunityIdentifier": optional(text()),
  "OpportunityType": optional(oneOf(OpportunityType_VALUES, "response")),
  "LastModifiedDate": optional(dateTime()),
  "CreatedDate": optional(dateTime()),
  "LifeCycle": optional(rsLifeCycleSummary),
  "Customer": optional(rsCustomerSummary),
  "Project": optional(rsProjectSummary),
}, "response");
const rsOpportunitySummaries = listOf(rsOpportunitySummary);
const rsListOpportunitiesResponse = structure({
  "OpportunitySummaries": rsOpportunitySummaries,
  "NextToken": optional(text()),
}, "response");
const rsAccountReceiver = structure({
  "Alias": optional(text({ pattern: PATTERN_9, patternText: "0 to 80 characters long" })),
  "AwsAccountId": text({ pattern: PATTERN_5, patternText: "a 12-digit AWS account ID (or an account alias of up to 12 letters or digits)" }),
}, "response");
const rsReceiver = union({
  "Account": optional(rsAccountReceiver),
}, "response");
const rsSenderContact = structure({
  "Email": text({ pattern: PATTERN_30, patternText: "text matching ^(?=.{1,80}$)[a-zA-Z0-9.!#$%&'*+/=?^_{|}~-]+@[a-zA-Z0-9-]+(?:.[a-zA-Z0-9-]+)*$" }),
  "FirstName": optional(text({ pattern: PATTERN_9, patternText: "0 to 80 characters long" })),
  "LastName": optional(text({ pattern: PATTERN_9, patternText: "0 to 80 characters long" })),
  "BusinessTitle": optional(text({ pattern: PATTERN_9, patternText: "0 to 80 characters long" })),
  "Phone": optional(text({ pattern: PATTERN_10, patternText: "an international phone number such as +14155550123" })),
}, "response");
const rsSenderContactList = listOf(rsSenderContact, { min: 1, max: 3 });
const rsReceiverResponsibilityList = listOf(oneOf(ReceiverResponsibility_VALUES, "response"));
const rsEngagementCustomer = structure({
  "Industry": oneOf(Industry_VALUES, "response"),
  "CompanyName": text({ pattern: PATTERN_31, patternText: "1 to 120 characters long" }),
  "WebsiteUrl": text({ pattern: PATTERN_32, patternText: "text matching ^(?=.{4,255}$)((http|https)://)??(www[.])??([a-zA-Z0-9]|-)+?([.][a-zA-Z0-9(-|/|=|?)??]+?)+?$" }),
  "CountryCode": oneOf(CountryCode_VALUES, "response"),
}, "response");
const rsProjectDetails = structure({
  "BusinessProblem": text({ pattern: PATTERN_14, patternText: "20 to 2000 characters long" }),
  "Title": text({ pattern: PATTERN_16, patternText: "1 to 255 characters long" }),
  "TargetCompletionDate": text({ pattern: PATTERN_18, patternText: "a date written YYYY-MM-DD" }),
  "ExpectedCustomerSpend": rsExpectedCustomerSpendList,
}, "response");
const rsOpportunityInvitationPayload = structure({
  "SenderContacts": optional(rsSenderContactList),
  "ReceiverResponsibilities": rsReceiverResponsibilityList,
  "Customer": rsEngagementCustomer,
  "Project": rsProjectDetails,
}, "response");
const rsLeadInvitationCustomer = structure({
  "Industry": optional(oneOf(Industry_VALUES, "response")),
  "CompanyName": text({ pattern: PATTERN_31, patternText: "1 to 120 characters long" }),
  "WebsiteUrl": optional(text({ pattern: PATTERN_32, patternText: "text matching ^(?=.{4,255}$)((http|https)://)??(www[.])??([a-zA-Z0-9]|-)+?([.][a-zA-Z0-9(-|/|=|?)??]+?)+?$" })),
  "CountryCode": oneOf(CountryCode_VALUES, "response"),
  "AwsMaturity": optional(text({ pattern: PATTERN_33, patternText: "1 to 20 characters long" })),
  "MarketSegment": optional(oneOf(MarketSegment_VALUES, "response")),
}, "response");
const rsLeadInvitationInteraction = structure({
  "SourceType": text({ pattern: PATTERN_16, patternText: "1 to 255 characters long" }),
  "SourceId": text({ pattern: PATTERN_16, patternText: "1 to 255 characters long" }),
  "SourceName": text({ pattern: PATTERN_16, patternText: "1 to 255 characters long" }),
  "Usecase": optional(text({ pattern: PATTERN_16, patternText: "1 to 255 characters long" })),
  "ContactBusinessTitle": text({ pattern: PATTERN_9, patternText: "0 to 80 characters long" }),
}, "response");
const rsLeadInvitationPayload = structure({
  "Customer": rsLeadInvitationCustomer,
  "Interaction": rsLeadInvitationInteraction,
}, "response");
const rsPayload = union({
  "OpportunityInvitation": optional(rsOpportunityInvitationPayload),
  "LeadInvitation": optional(rsLeadInvitationPayload),
}, "response");
const rsEngagementMemberSummary = structure({
  "CompanyName": optional(text({ pattern: PATTERN_31, patternText: "1 to 120 characters long" })),
  "WebsiteUrl": optional(text()),
}, "response");
const rsEngagementMemberSummaries = listOf(rsEngagementMemberSummary);
const rsGetEngagementInvitationResponse = structure({
  "Arn": optional(text()),
  "PayloadType": optional(oneOf(EngagementInvitationPayloadType_VALUES, "response")),
  "Id": text({ pattern: PATTERN_22, patternText: "text matching ^(?=.{1,255}$)(arn:.*|engi-[0-9a-z]{13})$" }),
  "EngagementId": optional(text({ pattern: PATTERN_28, patternText: "text matching ^eng-[0-9a-z]{14}$" })),
  "EngagementTitle": optional(text({ pattern: PATTERN_29, patternText: "1 to 40 characters long" })),
  "Status": optional(oneOf(InvitationStatus_VALUES, "response")),
  "InvitationDate": optional(dateTime()),
  "ExpirationDate": optional(dateTime()),
  "SenderAwsAccountId": optional(text({ pattern: PATTERN_5, patternText: "a 12-digit AWS account ID (or an account alias of up to 12 letters or digits)" })),
  "SenderCompanyName": optional(text({ pattern: PATTERN_3, patternText: "0 to 120 characters long" })),
  "Receiver": optional(rsReceiver),
  "Catalog": text({ pattern: PATTERN_0, patternText: "letters only, e.g. AWS or Sandbox" }),
  "RejectionReason": optional(text({ pattern: PATTERN_23, patternText: "text matching ^[\\u0020-\\u007E\\u00A0-\\uD7FF\\uE000-\\uFFFD]{1,80}$" })),
  "Payload": optional(rsPayload),
  "InvitationMessage": optional(text({ pattern: PATTERN_16, patternText: "1 to 255 characters long" })),
  "EngagementDescription": optional(text({ pattern: PATTERN_2, patternText: "0 to 255 characters long" })),
  "ExistingMembers": optional(rsEngagementMemberSummaries),
}, "response");
const rsEngagementInvitationSummary = structure({
  "Arn": optional(text()),
  "PayloadType": optional(oneOf(EngagementInvitationPayloadType_VALUES, "response")),
  "Id": text({ pattern: PATTERN_22, patternText: "text matching ^(?=.{1,255}$)(arn:.*|engi-[0-9a-z]{13})$" }),
  "EngagementId": optional(text({ pattern: PATTERN_28, patternText: "text matching ^eng-[0-9a-z]{14}$" })),
  "EngagementTitle": optional(text({ pattern: PATTERN_29, patternText: "1 to 40 characters long" })),
  "Status": optional(oneOf(InvitationStatus_VALUES, "response")),
  "InvitationDate": optional(dateTime()),
  "ExpirationDate": optional(dateTime()),
  "SenderAwsAccountId": optional(text({ pattern: PATTERN_5, patternText: "a 12-digit AWS account ID (or an account alias of up to 12 letters or digits)" })),
  "SenderCompanyName": optional(text({ pattern: PATTERN_3, patternText: "0 to 120 characters long" })),
  "Receiver": optional(rsReceiver),
  "Catalog": text({ pattern: PATTERN_0, patternText: "letters only, e.g. AWS or Sandbox" }),
  "ParticipantType": optional(oneOf(ParticipantType_VALUES, "response")),
}, "response");
const rsEngagementInvitationSummaries = listOf(rsEngagementInvitationSummary);
const rsListEngagementInvitationsResponse = structure({
  "EngagementInvitationSummaries": optional(rsEngagementInvitationSummaries),
  "NextToken": optional(text()),
}, "response");
const rsProfileNextStepsHistory = structure({
  "Value": text(),
  "Time": dateTime(),
}, "response");
const rsProfileNextStepsHistories = listOf(rsProfileNextStepsHistory);
const rsAwsOpportunityLifeCycle = structure({
  "TargetCloseDate": optional(text({ pattern: PATTERN_18, patternText: "a date written YYYY-MM-DD" })),
  "ClosedLostReason": optional(oneOf(AwsClosedLostReason_VALUES, "response")),
  "Stage": optional(oneOf(AwsOpportunityStage_VALUES, "response")),
  "NextSteps": optional(text({ pattern: PATTERN_2, patternText: "0 to 255 characters long" })),
  "NextStepsHistory": optional(listOf(rsProfileNextStepsHistory, { max: 50 })),
}, "response");
const rsAwsTeamMember = structure({
  "Email": optional(text({ pattern: PATTERN_8, patternText: "text matching ^(?=.{0,80}$)[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$" })),
  "FirstName": optional(text({ pattern: PATTERN_9, patternText: "0 to 80 characters long" })),
  "LastName": optional(text({ pattern: PATTERN_9, patternText: "0 to 80 characters long" })),
  "BusinessTitle": optional(oneOf(AwsMemberBusinessTitle_VALUES, "response")),
}, "response");
const rsAwsOpportunityTeamMembersList = listOf(rsAwsTeamMember);
const rsAmountMap = mapOf(text(), text({ pattern: PATTERN_17, patternText: "an amount such as 12500 or 12500.50 (no currency sign, at most 2 decimals)" }));
const rsStringList = listOf(text());
const rsAwsProductOptimization = structure({
  "Description": text(),
  "SavingsAmount": text({ pattern: PATTERN_17, patternText: "an amount such as 12500 or 12500.50 (no currency sign, at most 2 decimals)" }),
}, "response");
const rsAwsProductOptimizationsList = listOf(rsAwsProductOptimization, { min: 0, max: 10 });
const rsAwsProductDetails = structure({
  "ProductCode": text(),
  "ServiceCode": optional(text()),
  "Categories": listOf(text(), { min: 0, max: 20 }),
  "Amount": optional(text({ pattern: PATTERN_17, patternText: "an amount such as 12500 or 12500.50 (no currency sign, at most 2 decimals)" })),
  "OptimizedAmount": optional(text({ pattern: PATTERN_17, patternText: "an amount such as 12500 or 12500.50 (no currency sign, at most 2 decimals)" })),
  "PotentialSavingsAmount": optional(text({ pattern: PATTERN_17, patternText: "an amount such as 12500 or 12500.50 (no currency sign, at most 2 decimals)" })),
  "Optimizations": rsAwsProductOptimizationsList,
}, "response");
const rsAwsProductsList = listOf(rsAwsProductDetails, { min: 0, max: 100 });
const rsAwsProductInsights = structure({
  "CurrencyCode": oneOf(CurrencyCode_VALUES, "response"),
  "Frequency": oneOf(PaymentFrequency_VALUES, "response"),
  "TotalAmount": optional(text({ pattern: PATTERN_17, patternText: "an amount such as 12500 or 12500.50 (no currency sign, at most 2 decimals)" })),
  "TotalOptimizedAmount": optional(text({ pattern: PATTERN_17, patternText: "an amount such as 12500 or 12500.50 (no currency sign, at most 2 decimals)" })),
  "TotalPotentialSavingsAmount": optional(text({ pattern: PATTERN_17, patternText: "an amount such as 12500 or 12500.50 (no currency sign, at most 2 decimals)" })),
  "TotalAmountByCategory": rsAmountMap,
  "AwsProducts": rsAwsProductsList,
}, "response");
const rsAwsProductsSpendInsightsBySource = structure({
  "Partner": optional(rsAwsProductInsights),
  "AWS": optional(rsAwsProductInsights),
}, "response");
const rsAwsOpportunityInsights = structure({
  "NextBestActions": optional(text()),
  "EngagementScore": optional(oneOf(EngagementScore_VALUES, "response")),
  "AwsProductsSpendInsightsBySource": optional(rsAwsProductsSpendInsightsBySource),
}, "response");
const rsAwsOpportunityRelatedEntities = structure({
  "AwsProducts": optional(rsAwsProductIdentifiers),
  "Solutions": optional(rsSolutionIdentifiers),
}, "response");
const rsAwsOpportunityCustomer = structure({
  "Contacts": optional(rsCustomerContactsList),
}, "response");
const rsAwsOpportunityProject = structure({
  "ExpectedCustomerSpend": optional(rsExpectedCustomerSpendList),
  "AwsPartition": optional(oneOf(AwsPartition_VALUES, "response")),
}, "response");
const rsGetAwsOpportunitySummaryResponse = structure({
  "RelatedOpportunityId": optional(text({ pattern: PATTERN_15, patternText: "an ACE opportunity ID such as O1234567" })),
  "Origin": optional(oneOf(OpportunityOrigin_VALUES, "response")),
  "InvolvementType": optional(oneOf(SalesInvolvementType_VALUES, "response")),
  "Visibility": optional(oneOf(Visibility_VALUES, "response")),
  "LifeCycle": optional(rsAwsOpportunityLifeCycle),
  "OpportunityTeam": optional(rsAwsOpportunityTeamMembersList),
  "Insights": optional(rsAwsOpportunityInsights),
  "InvolvementTypeChangeReason": optional(oneOf(InvolvementTypeChangeReason_VALUES, "response")),
  "RelatedEntityIds": optional(rsAwsOpportunityRelatedEntities),
  "Customer": optional(rsAwsOpportunityCustomer),
  "Project": optional(rsAwsOpportunityProject),
  "Catalog": text({ pattern: PATTERN_0, patternText: "letters only, e.g. AWS or Sandbox" }),
}, "response");

// Fast path: boolean checks that agree with the schemas on valid payloads (see the generator).
const fqCreateOpportunityRequest_KEYS = new Set(["Catalog","PrimaryNeedsFromAws","NationalSecurity","PartnerOpportunityIdentifier","Customer","Project","OpportunityType","Marketing","SoftwareRevenue","ClientToken","LifeCycle","Origin","OpportunityTeam","Tags"]);
function fqPrimaryNeedsFromAws(v: any): boolean {
  if (!Array.isArray(v)) return false;
  for (const item of v) if (!(PrimaryNeedFromAws_SET.has(item))) return false;
  return true;
}
const fqCustomer_KEYS = new Set(["Account","Contacts"]);
const fqAccount_KEYS = new Set(["Industry","OtherIndustry","CompanyName","WebsiteUrl","AwsAccountId","Address","Duns"]);
const fqAddress_KEYS = new Set(["City","PostalCode","StateOrRegion","CountryCode","StreetAddress"]);
function fqAddress(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  for (const k in v) if (!fqAddress_KEYS.has(k)) return false;
  const m0 = v["City"];
  if (m0 !== undefined && m0 !== null && !(typeof m0 === 'string' && lengthWithin(m0, 0, 255))) return false;
  const m1 = v["PostalCode"];
  if (m1 !== undefined && m1 !== null && !(typeof m1 === 'string' && lengthWithin(m1, 0, 20))) return false;
  const m2 = v["StateOrRegion"];
  if (m2 !== undefined && m2 !== null && !(typeof m2 === 'string')) return false;
  const m3 = v["CountryCode"];
  if (m3 !== undefined && m3 !== null && !(CountryCode_SET.has(m3))) return false;
  const m4 = v["StreetAddress"];
  if (m4 !== undefined && m4 !== null && !(typeof m4 === 'string' && lengthWithin(m4, 0, 255))) return false;
  return true;
}
function fqAccount(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  for (const k in v) if (!fqAccount_KEYS.has(k)) return false;
  const m0 = v["Industry"];
  if (m0 !== undefined && m0 !== null && !(Industry_SET.has(m0))) return false;
  const m1 = v["OtherIndustry"];
  if (m1 !== undefined && m1 !== null && !(typeof m1 === 'string' && lengthWithin(m1, 0, 255))) return false;
  const m2 = v["CompanyName"];
  if (m2 === undefined || m2 === null || !(typeof m2 === 'string' && lengthWithin(m2, 0, 120))) return false;
  const m3 = v["WebsiteUrl"];
  if (m3 !== undefined && m3 !== null && !(typeof m3 === 'string' && lengthWithin(m3, 4, 255))) return false;
  const m4 = v["AwsAccountId"];
  if (m4 !== undefined && m4 !== null && !(typeof m4 === 'string' && PATTERN_5.test(m4))) return false;
  const m5 = v["Address"];
  if (m5 !== undefined && m5 !== null && !(fqAddress(m5))) return false;
  const m6 = v["Duns"];
  if (m6 !== undefined && m6 !== null && !(typeof m6 === 'string' && PATTERN_7.test(m6))) return false;
  return true;
}
const fqContact_KEYS = new Set(["Email","FirstName","LastName","BusinessTitle","Phone"]);
function fqContact(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  for (const k in v) if (!fqContact_KEYS.has(k)) return false;
  const m0 = v["Email"];
  if (m0 !== undefined && m0 !== null && !(typeof m0 === 'string' && PATTERN_8.test(m0))) return false;
  const m1 = v["FirstName"];
  if (m1 !== undefined && m1 !== null && !(typeof m1 === 'string' && lengthWithin(m1, 0, 80))) return false;
  const m2 = v["LastName"];
  if (m2 !== undefined && m2 !== null && !(typeof m2 === 'string' && lengthWithin(m2, 0, 80))) return false;
  const m3 = v["BusinessTitle"];
  if (m3 !== undefined && m3 !== null && !(typeof m3 === 'string' && lengthWithin(m3, 0, 80))) return false;
  const m4 = v["Phone"];
  if (m4 !== undefined && m4 !== null && !(typeof m4 === 'string' && PATTERN_10.test(m4))) return false;
  return true;
}
function fqCustomerContactsList(v: any): boolean {
  if (!Array.isArray(v)) return false;
  for (const item of v) if (!(fqContact(item))) return false;
  return true;
}
function fqCustomer(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  for (const k in v) if (!fqCustomer_KEYS.has(k)) return false;
  const m0 = v["Account"];
  if (m0 !== undefined && m0 !== null && !(fqAccount(m0))) return false;
  const m1 = v["Contacts"];
  if (m1 !== undefined && m1 !== null && !(fqCustomerContactsList(m1))) return false;
  return true;
}
const fqProject_KEYS = new Set(["DeliveryModels","ExpectedCustomerSpend","Title","ApnPrograms","CustomerBusinessProblem","CustomerUseCase","RelatedOpportunityIdentifier","SalesActivities","CompetitorName","OtherCompetitorNames","OtherSolutionDescription","AdditionalComments","AwsPartition"]);
function fqDeliveryModels(v: any): boolean {
  if (!Array.isArray(v)) return false;
  for (const item of v) if (!(DeliveryModel_SET.has(item))) return false;
  return true;
}
const fqExpectedCustomerSpend_KEYS = new Set(["Amount","CurrencyCode","Frequency","TargetCompany","EstimationUrl"]);
function fqExpectedCustomerSpend(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  for (const k in v) if (!fqExpectedCustomerSpend_KEYS.has(k)) return false;
  const m0 = v["Amount"];
  if (m0 !== undefined && m0 !== null && !(typeof m0 === 'string' && PATTERN_11.test(m0))) return false;
  const m1 = v["CurrencyCode"];
  if (m1 === undefined || m1 === null || !(CurrencyCode_SET.has(m1))) return false;
  const m2 = v["Frequency"];
  if (m2 === undefined || m2 === null || !(PaymentFrequency_SET.has(m2))) return false;
  const m3 = v["TargetCompany"];
  if (m3 === undefined || m3 === null || !(typeof m3 === 'string' && lengthWithin(m3, 1, 80))) return false;
  const m4 = v["EstimationUrl"];
  if (m4 !== undefined && m4 !== null && !(typeof m4 === 'string' && PATTERN_13.test(m4))) return false;
  return true;
}
function fqExpectedCustomerSpendList(v: any): boolean {
  if (!Array.isArray(v)) return false;
  if (v.length < 0) return false;
  if (v.length > 10) return false;
  for (const item of v) if (!(fqExpectedCustomerSpend(item))) return false;
  return true;
}
function fqApnPrograms(v: any): boolean {
  if (!Array.isArray(v)) return false;
  for (const item of v) if (!(typeof item === 'string')) return false;
  return true;
}
function fqSalesActivities(v: any): boolean {
  if (!Array.isArray(v)) return false;
  for (const item of v) if (!(SalesActivity_SET.has(item))) return false;
  return true;
}
function fqProject(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  for (const k in v) if (!fqProject_KEYS.has(k)) return false;
  const m0 = v["DeliveryModels"];
  if (m0 !== undefined && m0 !== null && !(fqDeliveryModels(m0))) return false;
  const m1 = v["ExpectedCustomerSpend"];
  if (m1 !== undefined && m1 !== null && !(fqExpectedCustomerSpendList(m1))) return false;
  const m2 = v["Title"];
  if (m2 !== undefined && m2 !== null && !(typeof m2 === 'string' && lengthWithin(m2, 0, 255))) return false;
  const m3 = v["ApnPrograms"];
  if (m3 !== undefined && m3 !== null && !(fqApnPrograms(m3))) return false;
  const m4 = v["CustomerBusinessProblem"];
  if (m4 !== undefined && m4 !== null && !(typeof m4 === 'string' && lengthWithin(m4, 20, 2000))) return false;
  const m5 = v["CustomerUseCase"];
  if (m5 !== undefined && m5 !== null && !(typeof m5 === 'string')) return false;
  const m6 = v["RelatedOpportunityIdentifier"];
  if (m6 !== undefined && m6 !== null && !(typeof m6 === 'string' && PATTERN_15.test(m6))) return false;
  const m7 = v["SalesActivities"];
  if (m7 !== undefined && m7 !== null && !(fqSalesActivities(m7))) return false;
  const m8 = v["CompetitorName"];
  if (m8 !== undefined && m8 !== null && !(CompetitorName_SET.has(m8))) return false;
  const m9 = v["OtherCompetitorNames"];
  if (m9 !== undefined && m9 !== null && !(typeof m9 === 'string' && lengthWithin(m9, 0, 255))) return false;
  const m10 = v["OtherSolutionDescription"];
  if (m10 !== undefined && m10 !== null && !(typeof m10 === 'string' && lengthWithin(m10, 0, 255))) return false;
  const m11 = v["AdditionalComments"];
  if (m11 !== undefined && m11 !== null && !(typeof m11 === 'string' && lengthWithin(m11, 1, 255))) return false;
  const m12 = v["AwsPartition"];
  if (m12 !== undefined && m12 !== null && !(AwsPartition_SET.has(m12))) return false;
  return true;
}
const fqMarketing_KEYS = new Set(["CampaignName","Source","UseCases","Channels","AwsFundingUsed"]);
function fqUseCases(v: any): boolean {
  if (!Array.isArray(v)) return false;
  for (const item of v) if (!(typeof item === 'string')) return false;
  return true;
}
function fqChannels(v: any): boolean {
  if (!Array.isArray(v)) return false;
  for (const item of v) if (!(Channel_SET.has(item))) return false;
  return true;
}
function fqMarketing(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  for (const k in v) if (!fqMarketing_KEYS.has(k)) return false;
  const m0 = v["CampaignName"];
  if (m0 !== undefined && m0 !== null && !(typeof m0 === 'string')) return false;
  const m1 = v["Source"];
  if (m1 !== undefined && m1 !== null && !(MarketingSource_SET.has(m1))) return false;
  const m2 = v["UseCases"];
  if (m2 !== undefined && m2 !== null && !(fqUseCases(m2))) return false;
  const m3 = v["Channels"];
  if (m3 !== undefined && m3 !== null && !(fqChannels(m3))) return false;
  const m4 = v["AwsFundingUsed"];
  if (m4 !== undefined && m4 !== null && !(AwsFundingUsed_SET.has(m4))) return false;
  return true;
}
const fqSoftwareRevenue_KEYS = new Set(["DeliveryModel","Value","EffectiveDate","ExpirationDate"]);
const fqMonetaryValue_KEYS = new Set(["Amount","CurrencyCode"]);
function fqMonetaryValue(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  for (const k in v) if (!fqMonetaryValue_KEYS.has(k)) return false;
  const m0 = v["Amount"];
  if (m0 === undefined || m0 === null || !(typeof m0 === 'string' && PATTERN_17.test(m0))) return false;
  const m1 = v["CurrencyCode"];
  if (m1 === undefined || m1 === null || !(CurrencyCode_SET.has(m1))) return false;
  return true;
}
function fqSoftwareRevenue(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  for (const k in v) if (!fqSoftwareRevenue_KEYS.has(k)) return false;
  const m0 = v["DeliveryModel"];
  if (m0 !== undefined && m0 !== null && !(RevenueModel_SET.has(m0))) return false;
  const m1 = v["Value"];
  if (m1 !== undefined && m1 !== null && !(fqMonetaryValue(m1))) return false;
  const m2 = v["EffectiveDate"];
  if (m2 !== undefined && m2 !== null && !(typeof m2 === 'string' && PATTERN_18.test(m2))) return false;
  const m3 = v["ExpirationDate"];
  if (m3 !== undefined && m3 !== null && !(typeof m3 === 'string' && PATTERN_18.test(m3))) return false;
  return true;
}
const fqLifeCycle_KEYS = new Set(["Stage","ClosedLostReason","NextSteps","TargetCloseDate","ReviewStatus","ReviewComments","ReviewStatusReason","NextStepsHistory"]);
const fqNextStepsHistory_KEYS = new Set(["Value","Time"]);
const lq0 = dateTime();
function fqNextStepsHistory(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  for (const k in v) if (!fqNextStepsHistory_KEYS.has(k)) return false;
  const m0 = v["Value"];
  if (m0 === undefined || m0 === null || !(typeof m0 === 'string')) return false;
  const m1 = v["Time"];
  if (m1 === undefined || m1 === null || !(lq0.safeParse(m1).success)) return false;
  return true;
}
function fqNextStepsHistories(v: any): boolean {
  if (!Array.isArray(v)) return false;
  for (const item of v) if (!(fqNextStepsHistory(item))) return false;
  return true;
}
function fqLifeCycle(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  for (const k in v) if (!fqLifeCycle_KEYS.has(k)) return false;
  const m0 = v["Stage"];
  if (m0 !== undefined && m0 !== null && !(Stage_SET.has(m0))) return false;
  const m1 = v["ClosedLostReason"];
  if (m1 !== undefined && m1 !== null && !(ClosedLostReason_SET.has(m1))) return false;
  const m2 = v["NextSteps"];
  if (m2 !== undefined && m2 !== null && !(typeof m2 === 'string' && lengthWithin(m2, 0, 255))) return false;
  const m3 = v["TargetCloseDate"];
  if (m3 !== undefined && m3 !== null && !(typeof m3 === 'string' && PATTERN_18.test(m3))) return false;
  const m4 = v["ReviewStatus"];
  if (m4 !== undefined && m4 !== null && !(ReviewStatus_SET.has(m4))) return false;
  const m5 = v["ReviewComments"];
  if (m5 !== undefined && m5 !== null && !(typeof m5 === 'string')) return false;
  const m6 = v["ReviewStatusReason"];
  if (m6 !== undefined && m6 !== null && !(typeof m6 === 'string')) return false;
  const m7 = v["NextStepsHistory"];
  if (m7 !== undefined && m7 !== null && !(fqNextStepsHistories(m7) && m7.length <= 50)) return false;
  return true;
}
function fqPartnerOpportunityTeamMembersList(v: any): boolean {
  if (!Array.isArray(v)) return false;
  if (v.length > 10) return false;
  for (const item of v) if (!(fqContact(item))) return false;
  return true;
}
const fqTag_KEYS = new Set(["Key","Value"]);
function fqTag(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  for (const k in v) if (!fqTag_KEYS.has(k)) return false;
  const m0 = v["Key"];
  if (m0 === undefined || m0 === null || !(typeof m0 === 'string' && PATTERN_20.test(m0))) return false;
  const m1 = v["Value"];
  if (m1 === undefined || m1 === null || !(typeof m1 === 'string' && PATTERN_21.test(m1))) return false;
  return true;
}
function fqTagList(v: any): boolean {
  if (!Array.isArray(v)) return false;
  if (v.length < 1) return false;
  if (v.length > 200) return false;
  for (const item of v) if (!(fqTag(item))) return false;
  return true;
}
function fqCreateOpportunityRequest(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  for (const k in v) if (!fqCreateOpportunityRequest_KEYS.has(k)) return false;
  const m0 = v["Catalog"];
  if (m0 === undefined || m0 === null || !(typeof m0 === 'string' && PATTERN_0.test(m0))) return false;
  const m1 = v["PrimaryNeedsFromAws"];
  if (m1 !== undefined && m1 !== null && !(fqPrimaryNeedsFromAws(m1))) return false;
  const m2 = v["NationalSecurity"];
  if (m2 !== undefined && m2 !== null && !(NationalSecurity_SET.has(m2))) return false;
  const m3 = v["PartnerOpportunityIdentifier"];
  if (m3 !== undefined && m3 !== null && !(typeof m3 === 'string' && lengthWithin(m3, 0, 64))) return false;
  const m4 = v["Customer"];
  if (m4 !== undefined && m4 !== null && !(fqCustomer(m4))) return false;
  const m5 = v["Project"];
  if (m5 !== undefined && m5 !== null && !(fqProject(m5))) return false;
  const m6 = v["OpportunityType"];
  if (m6 !== undefined && m6 !== null && !(OpportunityType_SET.has(m6))) return false;
  const m7 = v["Marketing"];
  if (m7 !== undefined && m7 !== null && !(fqMarketing(m7))) return false;
  const m8 = v["SoftwareRevenue"];
  if (m8 !== undefined && m8 !== null && !(fqSoftwareRevenue(m8))) return false;
  const m9 = v["ClientToken"];
  if (m9 === undefined || m9 === null || !(typeof m9 === 'string' && PATTERN_19.test(m9))) return false;
  const m10 = v["LifeCycle"];
  if (m10 !== undefined && m10 !== null && !(fqLifeCycle(m10))) return false;
  const m11 = v["Origin"];
  if (m11 !== undefined && m11 !== null && !(OpportunityOrigin_SET.has(m11))) return false;
  const m12 = v["OpportunityTeam"];
  if (m12 !== undefined && m12 !== null && !(fqPartnerOpportunityTeamMembersList(m12))) return false;
  const m13 = v["Tags"];
  if (m13 !== undefined && m13 !== null && !(fqTagList(m13))) return false;
  return true;
}
const fqUpdateOpportunityRequest_KEYS = new Set(["Catalog","PrimaryNeedsFromAws","NationalSecurity","PartnerOpportunityIdentifier","Customer","Project","OpportunityType","Marketing","SoftwareRevenue","LastModifiedDate","Identifier","LifeCycle"]);
function fqUpdateOpportunityRequest(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  for (const k in v) if (!fqUpdateOpportunityRequest_KEYS.has(k)) return false;
  const m0 = v["Catalog"];
  if (m0 === undefined || m0 === null || !(typeof m0 === 'string' && PATTERN_0.test(m0))) return false;
  const m1 = v["PrimaryNeedsFromAws"];
  if (m1 !== undefined && m1 !== null && !(fqPrimaryNeedsFromAws(m1))) return false;
  const m2 = v["NationalSecurity"];
  if (m2 !== undefined && m2 !== null && !(NationalSecurity_SET.has(m2))) return false;
  const m3 = v["PartnerOpportunityIdentifier"];
  if (m3 !== undefined && m3 !== null && !(typeof m3 === 'string' && lengthWithin(m3, 0, 64))) return false;
  const m4 = v["Customer"];
  if (m4 !== undefined && m4 !== null && !(fqCustomer(m4))) return false;
  const m5 = v["Project"];
  if (m5 !== undefined && m5 !== null && !(fqProject(m5))) return false;
  const m6 = v["OpportunityType"];
  if (m6 !== undefined && m6 !== null && !(OpportunityType_SET.has(m6))) return false;
  const m7 = v["Marketing"];
  if (m7 !== undefined && m7 !== null && !(fqMarketing(m7))) return false;
  const m8 = v["SoftwareRevenue"];
  if (m8 !== undefined && m8 !== null && !(fqSoftwareRevenue(m8))) return false;
  const m9 = v["LastModifiedDate"];
  if (m9 === undefined || m9 === null || !(lq0.safeParse(m9).success)) return false;
  const m10 = v["Identifier"];
  if (m10 === undefined || m10 === null || !(typeof m10 === 'string' && PATTERN_15.test(m10))) return false;
  const m11 = v["LifeCycle"];
  if (m11 !== undefined && m11 !== null && !(fqLifeCycle(m11))) return false;
  return true;
}
const fqAssociateOpportunityRequest_KEYS = new Set(["Catalog","OpportunityIdentifier","RelatedEntityType","RelatedEntityIdentifier"]);
function fqAssociateOpportunityRequest(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  for (const k in v) if (!fqAssociateOpportunityRequest_KEYS.has(k)) return false;
  const m0 = v["Catalog"];
  if (m0 === undefined || m0 === null || !(typeof m0 === 'string' && PATTERN_0.test(m0))) return false;
  const m1 = v["OpportunityIdentifier"];
  if (m1 === undefined || m1 === null || !(typeof m1 === 'string' && PATTERN_15.test(m1))) return false;
  const m2 = v["RelatedEntityType"];
  if (m2 === undefined || m2 === null || !(RelatedEntityType_SET.has(m2))) return false;
  const m3 = v["RelatedEntityIdentifier"];
  if (m3 === undefined || m3 === null || !(typeof m3 === 'string' && lengthWithin(m3, 1, 255))) return false;
  return true;
}
const fqDisassociateOpportunityRequest_KEYS = new Set(["Catalog","OpportunityIdentifier","RelatedEntityType","RelatedEntityIdentifier"]);
function fqDisassociateOpportunityRequest(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  for (const k in v) if (!fqDisassociateOpportunityRequest_KEYS.has(k)) return false;
  const m0 = v["Catalog"];
  if (m0 === undefined || m0 === null || !(typeof m0 === 'string' && PATTERN_0.test(m0))) return false;
  const m1 = v["OpportunityIdentifier"];
  if (m1 === undefined || m1 === null || !(typeof m1 === 'string' && PATTERN_15.test(m1))) return false;
  const m2 = v["RelatedEntityType"];
  if (m2 === undefined || m2 === null || !(RelatedEntityType_SET.has(m2))) return false;
  const m3 = v["RelatedEntityIdentifier"];
  if (m3 === undefined || m3 === null || !(typeof m3 === 'string' && lengthWithin(m3, 1, 255))) return false;
  return true;
}
const fqStartEngagementFromOpportunityTaskRequest_KEYS = new Set(["Catalog","ClientToken","Identifier","AwsSubmission","Tags"]);
const fqAwsSubmission_KEYS = new Set(["InvolvementType","Visibility"]);
function fqAwsSubmission(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  for (const k in v) if (!fqAwsSubmission_KEYS.has(k)) return false;
  const m0 = v["InvolvementType"];
  if (m0 === undefined || m0 === null || !(SalesInvolvementType_SET.has(m0))) return false;
  const m1 = v["Visibility"];
  if (m1 !== undefined && m1 !== null && !(Visibility_SET.has(m1))) return false;
  return true;
}
function fqStartEngagementFromOpportunityTaskRequest(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  for (const k in v) if (!fqStartEngagementFromOpportunityTaskRequest_KEYS.has(k)) return false;
  const m0 = v["Catalog"];
  if (m0 === undefined || m0 === null || !(typeof m0 === 'string' && PATTERN_0.test(m0))) return false;
  const m1 = v["ClientToken"];
  if (m1 === undefined || m1 === null || !(typeof m1 === 'string' && PATTERN_19.test(m1))) return false;
  const m2 = v["Identifier"];
  if (m2 === undefined || m2 === null || !(typeof m2 === 'string' && PATTERN_15.test(m2))) return false;
  const m3 = v["AwsSubmission"];
  if (m3 === undefined || m3 === null || !(fqAwsSubmission(m3))) return false;
  const m4 = v["Tags"];
  if (m4 !== undefined && m4 !== null && !(fqTagList(m4))) return false;
  return true;
}
const fqStartEngagementByAcceptingInvitationTaskRequest_KEYS = new Set(["Catalog","ClientToken","Identifier","Tags"]);
function fqStartEngagementByAcceptingInvitationTaskRequest(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  for (const k in v) if (!fqStartEngagementByAcceptingInvitationTaskRequest_KEYS.has(k)) return false;
  const m0 = v["Catalog"];
  if (m0 === undefined || m0 === null || !(typeof m0 === 'string' && PATTERN_0.test(m0))) return false;
  const m1 = v["ClientToken"];
  if (m1 === undefined || m1 === null || !(typeof m1 === 'string' && PATTERN_19.test(m1))) return false;
  const m2 = v["Identifier"];
  if (m2 === undefined || m2 === null || !(typeof m2 === 'string' && PATTERN_22.test(m2))) return false;
  const m3 = v["Tags"];
  if (m3 !== undefined && m3 !== null && !(fqTagList(m3))) return false;
  return true;
}
const fqRejectEngagementInvitationRequest_KEYS = new Set(["Catalog","Identifier","RejectionReason"]);
function fqRejectEngagementInvitationRequest(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  for (const k in v) if (!fqRejectEngagementInvitationRequest_KEYS.has(k)) return false;
  const m0 = v["Catalog"];
  if (m0 === undefined || m0 === null || !(typeof m0 === 'string' && PATTERN_0.test(m0))) return false;
  const m1 = v["Identifier"];
  if (m1 === undefined || m1 === null || !(typeof m1 === 'string' && PATTERN_22.test(m1))) return false;
  const m2 = v["RejectionReason"];
  if (m2 !== undefined && m2 !== null && !(typeof m2 === 'string' && PATTERN_23.test(m2))) return false;
  return true;
}
const fqAssignOpportunityRequest_KEYS = new Set(["Catalog","Identifier","Assignee"]);
const fqAssigneeContact_KEYS = new Set(["Email","FirstName","LastName","Phone","BusinessTitle"]);
function fqAssigneeContact(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  for (const k in v) if (!fqAssigneeContact_KEYS.has(k)) return false;
  const m0 = v["Email"];
  if (m0 === undefined || m0 === null || !(typeof m0 === 'string' && PATTERN_8.test(m0))) return false;
  const m1 = v["FirstName"];
  if (m1 === undefined || m1 === null || !(typeof m1 === 'string' && lengthWithin(m1, 0, 80))) return false;
  const m2 = v["LastName"];
  if (m2 === undefined || m2 === null || !(typeof m2 === 'string' && lengthWithin(m2, 0, 80))) return false;
  const m3 = v["Phone"];
  if (m3 !== undefined && m3 !== null && !(typeof m3 === 'string' && PATTERN_10.test(m3))) return false;
  const m4 = v["BusinessTitle"];
  if (m4 === undefined || m4 === null || !(typeof m4 === 'string' && lengthWithin(m4, 0, 80))) return false;
  return true;
}
function fqAssignOpportunityRequest(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  for (const k in v) if (!fqAssignOpportunityRequest_KEYS.has(k)) return false;
  const m0 = v["Catalog"];
  if (m0 === undefined || m0 === null || !(typeof m0 === 'string' && PATTERN_0.test(m0))) return false;
  const m1 = v["Identifier"];
  if (m1 === undefined || m1 === null || !(typeof m1 === 'string' && PATTERN_15.test(m1))) return false;
  const m2 = v["Assignee"];
  if (m2 === undefined || m2 === null || !(fqAssigneeContact(m2))) return false;
  return true;
}
function fsPrimaryNeedsFromAws(v: any): boolean {
  if (!Array.isArray(v)) return false;
  for (const item of v) if (!(typeof item === 'string')) return false;
  return true;
}
function fsAddress(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m0 = v["City"];
  if (m0 !== undefined && m0 !== null && !(typeof m0 === 'string' && lengthWithin(m0, 0, 255))) return false;
  const m1 = v["PostalCode"];
  if (m1 !== undefined && m1 !== null && !(typeof m1 === 'string' && lengthWithin(m1, 0, 20))) return false;
  const m2 = v["StateOrRegion"];
  if (m2 !== undefined && m2 !== null && !(typeof m2 === 'string')) return false;
  const m3 = v["CountryCode"];
  if (m3 !== undefined && m3 !== null && !(typeof m3 === 'string')) return false;
  const m4 = v["StreetAddress"];
  if (m4 !== undefined && m4 !== null && !(typeof m4 === 'string' && lengthWithin(m4, 0, 255))) return false;
  return true;
}
function fsAccount(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m0 = v["Industry"];
  if (m0 !== undefined && m0 !== null && !(typeof m0 === 'string')) return false;
  const m1 = v["OtherIndustry"];
  if (m1 !== undefined && m1 !== null && !(typeof m1 === 'string' && lengthWithin(m1, 0, 255))) return false;
  const m2 = v["CompanyName"];
  if (m2 === undefined || m2 === null || !(typeof m2 === 'string' && lengthWithin(m2, 0, 120))) return false;
  const m3 = v["WebsiteUrl"];
  if (m3 !== undefined && m3 !== null && !(typeof m3 === 'string' && lengthWithin(m3, 4, 255))) return false;
  const m4 = v["AwsAccountId"];
  if (m4 !== undefined && m4 !== null && !(typeof m4 === 'string' && PATTERN_5.test(m4))) return false;
  const m5 = v["Address"];
  if (m5 !== undefined && m5 !== null && !(fsAddress(m5))) return false;
  const m6 = v["Duns"];
  if (m6 !== undefined && m6 !== null && !(typeof m6 === 'string' && PATTERN_7.test(m6))) return false;
  return true;
}
function fsContact(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m0 = v["Email"];
  if (m0 !== undefined && m0 !== null && !(typeof m0 === 'string' && PATTERN_8.test(m0))) return false;
  const m1 = v["FirstName"];
  if (m1 !== undefined && m1 !== null && !(typeof m1 === 'string' && lengthWithin(m1, 0, 80))) return false;
  const m2 = v["LastName"];
  if (m2 !== undefined && m2 !== null && !(typeof m2 === 'string' && lengthWithin(m2, 0, 80))) return false;
  const m3 = v["BusinessTitle"];
  if (m3 !== undefined && m3 !== null && !(typeof m3 === 'string' && lengthWithin(m3, 0, 80))) return false;
  const m4 = v["Phone"];
  if (m4 !== undefined && m4 !== null && !(typeof m4 === 'string' && PATTERN_10.test(m4))) return false;
  return true;
}
function fsCustomerContactsList(v: any): boolean {
  if (!Array.isArray(v)) return false;
  for (const item of v) if (!(fsContact(item))) return false;
  return true;
}
function fsCustomer(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m0 = v["Account"];
  if (m0 !== undefined && m0 !== null && !(fsAccount(m0))) return false;
  const m1 = v["Contacts"];
  if (m1 !== undefined && m1 !== null && !(fsCustomerContactsList(m1))) return false;
  return true;
}
function fsDeliveryModels(v: any): boolean {
  if (!Array.isArray(v)) return false;
  for (const item of v) if (!(typeof item === 'string')) return false;
  return true;
}
function fsExpectedCustomerSpend(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m0 = v["Amount"];
  if (m0 !== undefined && m0 !== null && !(typeof m0 === 'string' && PATTERN_11.test(m0))) return false;
  const m1 = v["CurrencyCode"];
  if (m1 === undefined || m1 === null || !(typeof m1 === 'string')) return false;
  const m2 = v["Frequency"];
  if (m2 === undefined || m2 === null || !(typeof m2 === 'string')) return false;
  const m3 = v["TargetCompany"];
  if (m3 === undefined || m3 === null || !(typeof m3 === 'string' && lengthWithin(m3, 1, 80))) return false;
  const m4 = v["EstimationUrl"];
  if (m4 !== undefined && m4 !== null && !(typeof m4 === 'string' && PATTERN_13.test(m4))) return false;
  return true;
}
function fsExpectedCustomerSpendList(v: any): boolean {
  if (!Array.isArray(v)) return false;
  if (v.length < 0) return false;
  if (v.length > 10) return false;
  for (const item of v) if (!(fsExpectedCustomerSpend(item))) return false;
  return true;
}
function fsApnPrograms(v: any): boolean {
  if (!Array.isArray(v)) return false;
  for (const item of v) if (!(typeof item === 'string')) return false;
  return true;
}
function fsSalesActivities(v: any): boolean {
  if (!Array.isArray(v)) return false;
  for (const item of v) if (!(typeof item === 'string')) return false;
  return true;
}
function fsProject(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m0 = v["DeliveryModels"];
  if (m0 !== undefined && m0 !== null && !(fsDeliveryModels(m0))) return false;
  const m1 = v["ExpectedCustomerSpend"];
  if (m1 !== undefined && m1 !== null && !(fsExpectedCustomerSpendList(m1))) return false;
  const m2 = v["Title"];
  if (m2 !== undefined && m2 !== null && !(typeof m2 === 'string' && lengthWithin(m2, 0, 255))) return false;
  const m3 = v["ApnPrograms"];
  if (m3 !== undefined && m3 !== null && !(fsApnPrograms(m3))) return false;
  const m4 = v["CustomerBusinessProblem"];
  if (m4 !== undefined && m4 !== null && !(typeof m4 === 'string' && lengthWithin(m4, 20, 2000))) return false;
  const m5 = v["CustomerUseCase"];
  if (m5 !== undefined && m5 !== null && !(typeof m5 === 'string')) return false;
  const m6 = v["RelatedOpportunityIdentifier"];
  if (m6 !== undefined && m6 !== null && !(typeof m6 === 'string' && PATTERN_15.test(m6))) return false;
  const m7 = v["SalesActivities"];
  if (m7 !== undefined && m7 !== null && !(fsSalesActivities(m7))) return false;
  const m8 = v["CompetitorName"];
  if (m8 !== undefined && m8 !== null && !(typeof m8 === 'string')) return false;
  const m9 = v["OtherCompetitorNames"];
  if (m9 !== undefined && m9 !== null && !(typeof m9 === 'string' && lengthWithin(m9, 0, 255))) return false;
  const m10 = v["OtherSolutionDescription"];
  if (m10 !== undefined && m10 !== null && !(typeof m10 === 'string' && lengthWithin(m10, 0, 255))) return false;
  const m11 = v["AdditionalComments"];
  if (m11 !== undefined && m11 !== null && !(typeof m11 === 'string' && lengthWithin(m11, 1, 255))) return false;
  const m12 = v["AwsPartition"];
  if (m12 !== undefined && m12 !== null && !(typeof m12 === 'string')) return false;
  return true;
}
function fsUseCases(v: any): boolean {
  if (!Array.isArray(v)) return false;
  for (const item of v) if (!(typeof item === 'string')) return false;
  return true;
}
function fsChannels(v: any): boolean {
  if (!Array.isArray(v)) return false;
  for (const item of v) if (!(typeof item === 'string')) return false;
  return true;
}
function fsMarketing(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m0 = v["CampaignName"];
  if (m0 !== undefined && m0 !== null && !(typeof m0 === 'string')) return false;
  const m1 = v["Source"];
  if (m1 !== undefined && m1 !== null && !(typeof m1 === 'string')) return false;
  const m2 = v["UseCases"];
  if (m2 !== undefined && m2 !== null && !(fsUseCases(m2))) return false;
  const m3 = v["Channels"];
  if (m3 !== undefined && m3 !== null && !(fsChannels(m3))) return false;
  const m4 = v["AwsFundingUsed"];
  if (m4 !== undefined && m4 !== null && !(typeof m4 === 'string')) return false;
  return true;
}
function fsMonetaryValue(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m0 = v["Amount"];
  if (m0 === undefined || m0 === null || !(typeof m0 === 'string' && PATTERN_17.test(m0))) return false;
  const m1 = v["CurrencyCode"];
  if (m1 === undefined || m1 === null || !(typeof m1 === 'string')) return false;
  return true;
}
function fsSoftwareRevenue(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m0 = v["DeliveryModel"];
  if (m0 !== undefined && m0 !== null && !(typeof m0 === 'string')) return false;
  const m1 = v["Value"];
  if (m1 !== undefined && m1 !== null && !(fsMonetaryValue(m1))) return false;
  const m2 = v["EffectiveDate"];
  if (m2 !== undefined && m2 !== null && !(typeof m2 === 'string' && PATTERN_18.test(m2))) return false;
  const m3 = v["ExpirationDate"];
  if (m3 !== undefined && m3 !== null && !(typeof m3 === 'string' && PATTERN_18.test(m3))) return false;
  return true;
}
const ls0 = dateTime();
function fsAwsMarketplaceOfferIdentifiers(v: any): boolean {
  if (!Array.isArray(v)) return false;
  for (const item of v) if (!(typeof item === 'string' && PATTERN_25.test(item))) return false;
  return true;
}
function fsAwsMarketplaceOfferSetIdentifiers(v: any): boolean {
  if (!Array.isArray(v)) return false;
  for (const item of v) if (!(typeof item === 'string' && PATTERN_26.test(item))) return false;
  return true;
}
function fsSolutionIdentifiers(v: any): boolean {
  if (!Array.isArray(v)) return false;
  for (const item of v) if (!(typeof item === 'string' && PATTERN_27.test(item))) return false;
  return true;
}
function fsAwsProductIdentifiers(v: any): boolean {
  if (!Array.isArray(v)) return false;
  for (const item of v) if (!(typeof item === 'string')) return false;
  return true;
}
function fsRelatedEntityIdentifiers(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m0 = v["AwsMarketplaceOffers"];
  if (m0 !== undefined && m0 !== null && !(fsAwsMarketplaceOfferIdentifiers(m0))) return false;
  const m1 = v["AwsMarketplaceOfferSets"];
  if (m1 !== undefined && m1 !== null && !(fsAwsMarketplaceOfferSetIdentifiers(m1))) return false;
  const m2 = v["Solutions"];
  if (m2 !== undefined && m2 !== null && !(fsSolutionIdentifiers(m2))) return false;
  const m3 = v["AwsProducts"];
  if (m3 !== undefined && m3 !== null && !(fsAwsProductIdentifiers(m3))) return false;
  return true;
}
function fsNextStepsHistory(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m0 = v["Value"];
  if (m0 === undefined || m0 === null || !(typeof m0 === 'string')) return false;
  const m1 = v["Time"];
  if (m1 === undefined || m1 === null || !(ls0.safeParse(m1).success)) return false;
  return true;
}
function fsNextStepsHistories(v: any): boolean {
  if (!Array.isArray(v)) return false;
  for (const item of v) if (!(fsNextStepsHistory(item))) return false;
  return true;
}
function fsLifeCycle(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m0 = v["Stage"];
  if (m0 !== undefined && m0 !== null && !(typeof m0 === 'string')) return false;
  const m1 = v["ClosedLostReason"];
  if (m1 !== undefined && m1 !== null && !(typeof m1 === 'string')) return false;
  const m2 = v["NextSteps"];
  if (m2 !== undefined && m2 !== null && !(typeof m2 === 'string' && lengthWithin(m2, 0, 255))) return false;
  const m3 = v["TargetCloseDate"];
  if (m3 !== undefined && m3 !== null && !(typeof m3 === 'string' && PATTERN_18.test(m3))) return false;
  const m4 = v["ReviewStatus"];
  if (m4 !== undefined && m4 !== null && !(typeof m4 === 'string')) return false;
  const m5 = v["ReviewComments"];
  if (m5 !== undefined && m5 !== null && !(typeof m5 === 'string')) return false;
  const m6 = v["ReviewStatusReason"];
  if (m6 !== undefined && m6 !== null && !(typeof m6 === 'string')) return false;
  const m7 = v["NextStepsHistory"];
  if (m7 !== undefined && m7 !== null && !(fsNextStepsHistories(m7) && m7.length <= 50)) return false;
  return true;
}
function fsPartnerOpportunityTeamMembersList(v: any): boolean {
  if (!Array.isArray(v)) return false;
  if (v.length > 10) return false;
  for (const item of v) if (!(fsContact(item))) return false;
  return true;
}
function fsGetOpportunityResponse(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m0 = v["Catalog"];
  if (m0 === undefined || m0 === null || !(typeof m0 === 'string' && PATTERN_0.test(m0))) return false;
  const m1 = v["PrimaryNeedsFromAws"];
  if (m1 !== undefined && m1 !== null && !(fsPrimaryNeedsFromAws(m1))) return false;
  const m2 = v["NationalSecurity"];
  if (m2 !== undefined && m2 !== null && !(typeof m2 === 'string')) return false;
  const m3 = v["PartnerOpportunityIdentifier"];
  if (m3 !== undefined && m3 !== null && !(typeof m3 === 'string' && lengthWithin(m3, 0, 64))) return false;
  const m4 = v["Customer"];
  if (m4 !== undefined && m4 !== null && !(fsCustomer(m4))) return false;
  const m5 = v["Project"];
  if (m5 !== undefined && m5 !== null && !(fsProject(m5))) return false;
  const m6 = v["OpportunityType"];
  if (m6 !== undefined && m6 !== null && !(typeof m6 === 'string')) return false;
  const m7 = v["Marketing"];
  if (m7 !== undefined && m7 !== null && !(fsMarketing(m7))) return false;
  const m8 = v["SoftwareRevenue"];
  if (m8 !== undefined && m8 !== null && !(fsSoftwareRevenue(m8))) return false;
  const m9 = v["Id"];
  if (m9 === undefined || m9 === null || !(typeof m9 === 'string' && PATTERN_15.test(m9))) return false;
  const m10 = v["Arn"];
  if (m10 !== undefined && m10 !== null && !(typeof m10 === 'string' && PATTERN_24.test(m10))) return false;
  const m11 = v["LastModifiedDate"];
  if (m11 === undefined || m11 === null || !(ls0.safeParse(m11).success)) return false;
  const m12 = v["CreatedDate"];
  if (m12 === undefined || m12 === null || !(ls0.safeParse(m12).success)) return false;
  const m13 = v["RelatedEntityIdentifiers"];
  if (m13 === undefined || m13 === null || !(fsRelatedEntityIdentifiers(m13))) return false;
  const m14 = v["LifeCycle"];
  if (m14 !== undefined && m14 !== null && !(fsLifeCycle(m14))) return false;
  const m15 = v["OpportunityTeam"];
  if (m15 !== undefined && m15 !== null && !(fsPartnerOpportunityTeamMembersList(m15))) return false;
  return true;
}
function fsLifeCycleSummary(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m0 = v["Stage"];
  if (m0 !== undefined && m0 !== null && !(typeof m0 === 'string')) return false;
  const m1 = v["ClosedLostReason"];
  if (m1 !== undefined && m1 !== null && !(typeof m1 === 'string')) return false;
  const m2 = v["NextSteps"];
  if (m2 !== undefined && m2 !== null && !(typeof m2 === 'string' && lengthWithin(m2, 0, 255))) return false;
  const m3 = v["TargetCloseDate"];
  if (m3 !== undefined && m3 !== null && !(typeof m3 === 'string' && PATTERN_18.test(m3))) return false;
  const m4 = v["ReviewStatus"];
  if (m4 !== undefined && m4 !== null && !(typeof m4 === 'string')) return false;
  const m5 = v["ReviewComments"];
  if (m5 !== undefined && m5 !== null && !(typeof m5 === 'string')) return false;
  const m6 = v["ReviewStatusReason"];
  if (m6 !== undefined && m6 !== null && !(typeof m6 === 'string')) return false;
  return true;
}
function fsAddressSummary(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m0 = v["City"];
  if (m0 !== undefined && m0 !== null && !(typeof m0 === 'string' && lengthWithin(m0, 0, 255))) return false;
  const m1 = v["PostalCode"];
  if (m1 !== undefined && m1 !== null && !(typeof m1 === 'string' && lengthWithin(m1, 0, 20))) return false;
  const m2 = v["StateOrRegion"];
  if (m2 !== undefined && m2 !== null && !(typeof m2 === 'string')) return false;
  const m3 = v["CountryCode"];
  if (m3 !== undefined && m3 !== null && !(typeof m3 === 'string')) return false;
  return true;
}
function fsAccountSummary(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m0 = v["Industry"];
  if (m0 !== undefined && m0 !== null && !(typeof m0 === 'string')) return false;
  const m1 = v["OtherIndustry"];
  if (m1 !== undefined && m1 !== null && !(typeof m1 === 'string' && lengthWithin(m1, 0, 255))) return false;
  const m2 = v["CompanyName"];
  if (m2 === undefined || m2 === null || !(typeof m2 === 'string' && lengthWithin(m2, 0, 120))) return false;
  const m3 = v["WebsiteUrl"];
  if (m3 !== undefined && m3 !== null && !(typeof m3 === 'string' && lengthWithin(m3, 4, 255))) return false;
  const m4 = v["Address"];
  if (m4 !== undefined && m4 !== null && !(fsAddressSummary(m4))) return false;
  return true;
}
function fsCustomerSummary(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m0 = v["Account"];
  if (m0 !== undefined && m0 !== null && !(fsAccountSummary(m0))) return false;
  return true;
}
function fsProjectSummary(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m0 = v["DeliveryModels"];
  if (m0 !== undefined && m0 !== null && !(fsDeliveryModels(m0))) return false;
  const m1 = v["ExpectedCustomerSpend"];
  if (m1 !== undefined && m1 !== null && !(fsExpectedCustomerSpendList(m1))) return false;
  return true;
}
function fsOpportunitySummary(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m0 = v["Catalog"];
  if (m0 === undefined || m0 === null || !(typeof m0 === 'string' && PATTERN_0.test(m0))) return false;
  const m1 = v["Id"];
  if (m1 !== undefined && m1 !== null && !(typeof m1 === 'string' && PATTERN_15.test(m1))) return false;
  const m2 = v["Arn"];
  if (m2 !== undefined && m2 !== null && !(typeof m2 === 'string' && PATTERN_24.test(m2))) return false;
  const m3 = v["PartnerOpportunityIdentifier"];
  if (m3 !== undefined && m3 !== null && !(typeof m3 === 'string')) return false;
  const m4 = v["OpportunityType"];
  if (m4 !== undefined && m4 !== null && !(typeof m4 === 'string')) return false;
  const m5 = v["LastModifiedDate"];
  if (m5 !== undefined && m5 !== null && !(ls0.safeParse(m5).success)) return false;
  const m6 = v["CreatedDate"];
  if (m6 !== undefined && m6 !== null && !(ls0.safeParse(m6).success)) return false;
  const m7 = v["LifeCycle"];
  if (m7 !== undefined && m7 !== null && !(fsLifeCycleSummary(m7))) return false;
  const m8 = v["Customer"];
  if (m8 !== undefined && m8 !== null && !(fsCustomerSummary(m8))) return false;
  const m9 = v["Project"];
  if (m9 !== undefined && m9 !== null && !(fsProjectSummary(m9))) return false;
  return true;
}
function fsOpportunitySummaries(v: any): boolean {
  if (!Array.isArray(v)) return false;
  for (const item of v) if (!(fsOpportunitySummary(item))) return false;
  return true;
}
function fsListOpportunitiesResponse(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m0 = v["OpportunitySummaries"];
  if (m0 === undefined || m0 === null || !(fsOpportunitySummaries(m0))) return false;
  const m1 = v["NextToken"];
  if (m1 !== undefined && m1 !== null && !(typeof m1 === 'string')) return false;
  return true;
}
function fsAccountReceiver(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m0 = v["Alias"];
  if (m0 !== undefined && m0 !== null && !(typeof m0 === 'string' && lengthWithin(m0, 0, 80))) return false;
  const m1 = v["AwsAccountId"];
  if (m1 === undefined || m1 === null || !(typeof m1 === 'string' && PATTERN_5.test(m1))) return false;
  return true;
}
function fsReceiver(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  let set = 0, known = 0;
  for (const k in v) { if (k === '__type' || v[k] === null || v[k] === undefined) continue; set++; if (["Account"].includes(k)) known++; }
  if (set !== 1) return false; if (known === 0) return true;
  const m0 = v["Account"];
  if (m0 !== undefined && m0 !== null && !(fsAccountReceiver(m0))) return false;
  return true;
}
function fsSenderContact(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m0 = v["Email"];
  if (m0 === undefined || m0 === null || !(typeof m0 === 'string' && PATTERN_30.test(m0))) return false;
  const m1 = v["FirstName"];
  if (m1 !== undefined && m1 !== null && !(typeof m1 === 'string' && lengthWithin(m1, 0, 80))) return false;
  const m2 = v["LastName"];
  if (m2 !== undefined && m2 !== null && !(typeof m2 === 'string' && lengthWithin(m2, 0, 80))) return false;
  const m3 = v["BusinessTitle"];
  if (m3 !== undefined && m3 !== null && !(typeof m3 === 'string' && lengthWithin(m3, 0, 80))) return false;
  const m4 = v["Phone"];
  if (m4 !== undefined && m4 !== null && !(typeof m4 === 'string' && PATTERN_10.test(m4))) return false;
  return true;
}
function fsSenderContactList(v: any): boolean {
  if (!Array.isArray(v)) return false;
  if (v.length < 1) return false;
  if (v.length > 3) return false;
  for (const item of v) if (!(fsSenderContact(item))) return false;
  return true;
}
function fsReceiverResponsibilityList(v: any): boolean {
  if (!Array.isArray(v)) return false;
  for (const item of v) if (!(typeof item === 'string')) return false;
  return true;
}
function fsEngagementCustomer(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m0 = v["Industry"];
  if (m0 === undefined || m0 === null || !(typeof m0 === 'string')) return false;
  const m1 = v["CompanyName"];
  if (m1 === undefined || m1 === null || !(typeof m1 === 'string' && lengthWithin(m1, 1, 120))) return false;
  const m2 = v["WebsiteUrl"];
  if (m2 === undefined || m2 === null || !(typeof m2 === 'string' && PATTERN_32.test(m2))) return false;
  const m3 = v["CountryCode"];
  if (m3 === undefined || m3 === null || !(typeof m3 === 'string')) return false;
  return true;
}
function fsProjectDetails(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m0 = v["BusinessProblem"];
  if (m0 === undefined || m0 === null || !(typeof m0 === 'string' && lengthWithin(m0, 20, 2000))) return false;
  const m1 = v["Title"];
  if (m1 === undefined || m1 === null || !(typeof m1 === 'string' && lengthWithin(m1, 1, 255))) return false;
  const m2 = v["TargetCompletionDate"];
  if (m2 === undefined || m2 === null || !(typeof m2 === 'string' && PATTERN_18.test(m2))) return false;
  const m3 = v["ExpectedCustomerSpend"];
  if (m3 === undefined || m3 === null || !(fsExpectedCustomerSpendList(m3))) return false;
  return true;
}
function fsOpportunityInvitationPayload(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m0 = v["SenderContacts"];
  if (m0 !== undefined && m0 !== null && !(fsSenderContactList(m0))) return false;
  const m1 = v["ReceiverResponsibilities"];
  if (m1 === undefined || m1 === null || !(fsReceiverResponsibilityList(m1))) return false;
  const m2 = v["Customer"];
  if (m2 === undefined || m2 === null || !(fsEngagementCustomer(m2))) return false;
  const m3 = v["Project"];
  if (m3 === undefined || m3 === null || !(fsProjectDetails(m3))) return false;
  return true;
}
function fsLeadInvitationCustomer(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m0 = v["Industry"];
  if (m0 !== undefined && m0 !== null && !(typeof m0 === 'string')) return false;
  const m1 = v["CompanyName"];
  if (m1 === undefined || m1 === null || !(typeof m1 === 'string' && lengthWithin(m1, 1, 120))) return false;
  const m2 = v["WebsiteUrl"];
  if (m2 !== undefined && m2 !== null && !(typeof m2 === 'string' && PATTERN_32.test(m2))) return false;
  const m3 = v["CountryCode"];
  if (m3 === undefined || m3 === null || !(typeof m3 === 'string')) return false;
  const m4 = v["AwsMaturity"];
  if (m4 !== undefined && m4 !== null && !(typeof m4 === 'string' && lengthWithin(m4, 1, 20))) return false;
  const m5 = v["MarketSegment"];
  if (m5 !== undefined && m5 !== null && !(typeof m5 === 'string')) return false;
  return true;
}
function fsLeadInvitationInteraction(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m0 = v["SourceType"];
  if (m0 === undefined || m0 === null || !(typeof m0 === 'string' && lengthWithin(m0, 1, 255))) return false;
  const m1 = v["SourceId"];
  if (m1 === undefined || m1 === null || !(typeof m1 === 'string' && lengthWithin(m1, 1, 255))) return false;
  const m2 = v["SourceName"];
  if (m2 === undefined || m2 === null || !(typeof m2 === 'string' && lengthWithin(m2, 1, 255))) return false;
  const m3 = v["Usecase"];
  if (m3 !== undefined && m3 !== null && !(typeof m3 === 'string' && lengthWithin(m3, 1, 255))) return false;
  const m4 = v["ContactBusinessTitle"];
  if (m4 === undefined || m4 === null || !(typeof m4 === 'string' && lengthWithin(m4, 0, 80))) return false;
  return true;
}
function fsLeadInvitationPayload(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m0 = v["Customer"];
  if (m0 === undefined || m0 === null || !(fsLeadInvitationCustomer(m0))) return false;
  const m1 = v["Interaction"];
  if (m1 === undefined || m1 === null || !(fsLeadInvitationInteraction(m1))) return false;
  return true;
}
function fsPayload(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  let set = 0, known = 0;
  for (const k in v) { if (k === '__type' || v[k] === null || v[k] === undefined) continue; set++; if (["OpportunityInvitation","LeadInvitation"].includes(k)) known++; }
  if (set !== 1) return false; if (known === 0) return true;
  const m0 = v["OpportunityInvitation"];
  if (m0 !== undefined && m0 !== null && !(fsOpportunityInvitationPayload(m0))) return false;
  const m1 = v["LeadInvitation"];
  if (m1 !== undefined && m1 !== null && !(fsLeadInvitationPayload(m1))) return false;
  return true;
}
function fsEngagementMemberSummary(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m0 = v["CompanyName"];
  if (m0 !== undefined && m0 !== null && !(typeof m0 === 'string' && lengthWithin(m0, 1, 120))) return false;
  const m1 = v["WebsiteUrl"];
  if (m1 !== undefined && m1 !== null && !(typeof m1 === 'string')) return false;
  return true;
}
function fsEngagementMemberSummaries(v: any): boolean {
  if (!Array.isArray(v)) return false;
  for (const item of v) if (!(fsEngagementMemberSummary(item))) return false;
  return true;
}
function fsGetEngagementInvitationResponse(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m0 = v["Arn"];
  if (m0 !== undefined && m0 !== null && !(typeof m0 === 'string')) return false;
  const m1 = v["PayloadType"];
  if (m1 !== undefined && m1 !== null && !(typeof m1 === 'string')) return false;
  const m2 = v["Id"];
  if (m2 === undefined || m2 === null || !(typeof m2 === 'string' && PATTERN_22.test(m2))) return false;
  const m3 = v["EngagementId"];
  if (m3 !== undefined && m3 !== null && !(typeof m3 === 'string' && PATTERN_28.test(m3))) return false;
  const m4 = v["EngagementTitle"];
  if (m4 !== undefined && m4 !== null && !(typeof m4 === 'string' && lengthWithin(m4, 1, 40))) return false;
  const m5 = v["Status"];
  if (m5 !== undefined && m5 !== null && !(typeof m5 === 'string')) return false;
  const m6 = v["InvitationDate"];
  if (m6 !== undefined && m6 !== null && !(ls0.safeParse(m6).success)) return false;
  const m7 = v["ExpirationDate"];
  if (m7 !== undefined && m7 !== null && !(ls0.safeParse(m7).success)) return false;
  const m8 = v["SenderAwsAccountId"];
  if (m8 !== undefined && m8 !== null && !(typeof m8 === 'string' && PATTERN_5.test(m8))) return false;
  const m9 = v["SenderCompanyName"];
  if (m9 !== undefined && m9 !== null && !(typeof m9 === 'string' && lengthWithin(m9, 0, 120))) return false;
  const m10 = v["Receiver"];
  if (m10 !== undefined && m10 !== null && !(fsReceiver(m10))) return false;
  const m11 = v["Catalog"];
  if (m11 === undefined || m11 === null || !(typeof m11 === 'string' && PATTERN_0.test(m11))) return false;
  const m12 = v["RejectionReason"];
  if (m12 !== undefined && m12 !== null && !(typeof m12 === 'string' && PATTERN_23.test(m12))) return false;
  const m13 = v["Payload"];
  if (m13 !== undefined && m13 !== null && !(fsPayload(m13))) return false;
  const m14 = v["InvitationMessage"];
  if (m14 !== undefined && m14 !== null && !(typeof m14 === 'string' && lengthWithin(m14, 1, 255))) return false;
  const m15 = v["EngagementDescription"];
  if (m15 !== undefined && m15 !== null && !(typeof m15 === 'string' && lengthWithin(m15, 0, 255))) return false;
  const m16 = v["ExistingMembers"];
  if (m16 !== undefined && m16 !== null && !(fsEngagementMemberSummaries(m16))) return false;
  return true;
}
function fsEngagementInvitationSummary(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m0 = v["Arn"];
  if (m0 !== undefined && m0 !== null && !(typeof m0 === 'string')) return false;
  const m1 = v["PayloadType"];
  if (m1 !== undefined && m1 !== null && !(typeof m1 === 'string')) return false;
  const m2 = v["Id"];
  if (m2 === undefined || m2 === null || !(typeof m2 === 'string' && PATTERN_22.test(m2))) return false;
  const m3 = v["EngagementId"];
  if (m3 !== undefined && m3 !== null && !(typeof m3 === 'string' && PATTERN_28.test(m3))) return false;
  const m4 = v["EngagementTitle"];
  if (m4 !== undefined && m4 !== null && !(typeof m4 === 'string' && lengthWithin(m4, 1, 40))) return false;
  const m5 = v["Status"];
  if (m5 !== undefined && m5 !== null && !(typeof m5 === 'string')) return false;
  const m6 = v["InvitationDate"];
  if (m6 !== undefined && m6 !== null && !(ls0.safeParse(m6).success)) return false;
  const m7 = v["ExpirationDate"];
  if (m7 !== undefined && m7 !== null && !(ls0.safeParse(m7).success)) return false;
  const m8 = v["SenderAwsAccountId"];
  if (m8 !== undefined && m8 !== null && !(typeof m8 === 'string' && PATTERN_5.test(m8))) return false;
  const m9 = v["SenderCompanyName"];
  if (m9 !== undefined && m9 !== null && !(typeof m9 === 'string' && lengthWithin(m9, 0, 120))) return false;
  const m10 = v["Receiver"];
  if (m10 !== undefined && m10 !== null && !(fsReceiver(m10))) return false;
  const m11 = v["Catalog"];
  if (m11 === undefined || m11 === null || !(typeof m11 === 'string' && PATTERN_0.test(m11))) return false;
  const m12 = v["ParticipantType"];
  if (m12 !== undefined && m12 !== null && !(typeof m12 === 'string')) return false;
  return true;
}
function fsEngagementInvitationSummaries(v: any): boolean {
  if (!Array.isArray(v)) return false;
  for (const item of v) if (!(fsEngagementInvitationSummary(item))) return false;
  return true;
}
function fsListEngagementInvitationsResponse(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m0 = v["EngagementInvitationSummaries"];
  if (m0 !== undefined && m0 !== null && !(fsEngagementInvitationSummaries(m0))) return false;
  const m1 = v["NextToken"];
  if (m1 !== undefined && m1 !== null && !(typeof m1 === 'string')) return false;
  return true;
}
function fsProfileNextStepsHistory(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m0 = v["Value"];
  if (m0 === undefined || m0 === null || !(typeof m0 === 'string')) return false;
  const m1 = v["Time"];
  if (m1 === undefined || m1 === null || !(ls0.safeParse(m1).success)) return false;
  return true;
}
function fsProfileNextStepsHistories(v: any): boolean {
  if (!Array.isArray(v)) return false;
  for (const item of v) if (!(fsProfileNextStepsHistory(item))) return false;
  return true;
}
function fsAwsOpportunityLifeCycle(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m0 = v["TargetCloseDate"];
  if (m0 !== undefined && m0 !== null && !(typeof m0 === 'string' && PATTERN_18.test(m0))) return false;
  const m1 = v["ClosedLostReason"];
  if (m1 !== undefined && m1 !== null && !(typeof m1 === 'string')) return false;
  const m2 = v["Stage"];
  if (m2 !== undefined && m2 !== null && !(typeof m2 === 'string')) return false;
  const m3 = v["NextSteps"];
  if (m3 !== undefined && m3 !== null && !(typeof m3 === 'string' && lengthWithin(m3, 0, 255))) return false;
  const m4 = v["NextStepsHistory"];
  if (m4 !== undefined && m4 !== null && !(fsProfileNextStepsHistories(m4) && m4.length <= 50)) return false;
  return true;
}
function fsAwsTeamMember(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m0 = v["Email"];
  if (m0 !== undefined && m0 !== null && !(typeof m0 === 'string' && PATTERN_8.test(m0))) return false;
  const m1 = v["FirstName"];
  if (m1 !== undefined && m1 !== null && !(typeof m1 === 'string' && lengthWithin(m1, 0, 80))) return false;
  const m2 = v["LastName"];
  if (m2 !== undefined && m2 !== null && !(typeof m2 === 'string' && lengthWithin(m2, 0, 80))) return false;
  const m3 = v["BusinessTitle"];
  if (m3 !== undefined && m3 !== null && !(typeof m3 === 'string')) return false;
  return true;
}
function fsAwsOpportunityTeamMembersList(v: any): boolean {
  if (!Array.isArray(v)) return false;
  for (const item of v) if (!(fsAwsTeamMember(item))) return false;
  return true;
}
function fsAmountMap(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  for (const key of keys) { const item = v[key]; if (!(typeof key === 'string') || !(typeof item === 'string' && PATTERN_17.test(item))) return false; }
  return true;
}
function fsStringList(v: any): boolean {
  if (!Array.isArray(v)) return false;
  for (const item of v) if (!(typeof item === 'string')) return false;
  return true;
}
function fsAwsProductOptimization(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m0 = v["Description"];
  if (m0 === undefined || m0 === null || !(typeof m0 === 'string')) return false;
  const m1 = v["SavingsAmount"];
  if (m1 === undefined || m1 === null || !(typeof m1 === 'string' && PATTERN_17.test(m1))) return false;
  return true;
}
function fsAwsProductOptimizationsList(v: any): boolean {
  if (!Array.isArray(v)) return false;
  if (v.length < 0) return false;
  if (v.length > 10) return false;
  for (const item of v) if (!(fsAwsProductOptimization(item))) return false;
  return true;
}
function fsAwsProductDetails(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m0 = v["ProductCode"];
  if (m0 === undefined || m0 === null || !(typeof m0 === 'string')) return false;
  const m1 = v["ServiceCode"];
  if (m1 !== undefined && m1 !== null && !(typeof m1 === 'string')) return false;
  const m2 = v["Categories"];
  if (m2 === undefined || m2 === null || !(fsStringList(m2) && m2.length >= 0 && m2.length <= 20)) return false;
  const m3 = v["Amount"];
  if (m3 !== undefined && m3 !== null && !(typeof m3 === 'string' && PATTERN_17.test(m3))) return false;
  const m4 = v["OptimizedAmount"];
  if (m4 !== undefined && m4 !== null && !(typeof m4 === 'string' && PATTERN_17.test(m4))) return false;
  const m5 = v["PotentialSavingsAmount"];
  if (m5 !== undefined && m5 !== null && !(typeof m5 === 'string' && PATTERN_17.test(m5))) return false;
  const m6 = v["Optimizations"];
  if (m6 === undefined || m6 === null || !(fsAwsProductOptimizationsList(m6))) return false;
  return true;
}
function fsAwsProductsList(v: any): boolean {
  if (!Array.isArray(v)) return false;
  if (v.length < 0) return false;
  if (v.length > 100) return false;
  for (const item of v) if (!(fsAwsProductDetails(item))) return false;
  return true;
}
function fsAwsProductInsights(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m0 = v["CurrencyCode"];
  if (m0 === undefined || m0 === null || !(typeof m0 === 'string')) return false;
  const m1 = v["Frequency"];
  if (m1 === undefined || m1 === null || !(typeof m1 === 'string')) return false;
  const m2 = v["TotalAmount"];
  if (m2 !== undefined && m2 !== null && !(typeof m2 === 'string' && PATTERN_17.test(m2))) return false;
  const m3 = v["TotalOptimizedAmount"];
  if (m3 !== undefined && m3 !== null && !(typeof m3 === 'string' && PATTERN_17.test(m3))) return false;
  const m4 = v["TotalPotentialSavingsAmount"];
  if (m4 !== undefined && m4 !== null && !(typeof m4 === 'string' && PATTERN_17.test(m4))) return false;
  const m5 = v["TotalAmountByCategory"];
  if (m5 === undefined || m5 === null || !(fsAmountMap(m5))) return false;
  const m6 = v["AwsProducts"];
  if (m6 === undefined || m6 === null || !(fsAwsProductsList(m6))) return false;
  return true;
}
function fsAwsProductsSpendInsightsBySource(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m0 = v["Partner"];
  if (m0 !== undefined && m0 !== null && !(fsAwsProductInsights(m0))) return false;
  const m1 = v["AWS"];
  if (m1 !== undefined && m1 !== null && !(fsAwsProductInsights(m1))) return false;
  return true;
}
function fsAwsOpportunityInsights(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m0 = v["NextBestActions"];
  if (m0 !== undefined && m0 !== null && !(typeof m0 === 'string')) return false;
  const m1 = v["EngagementScore"];
  if (m1 !== undefined && m1 !== null && !(typeof m1 === 'string')) return false;
  const m2 = v["AwsProductsSpendInsightsBySource"];
  if (m2 !== undefined && m2 !== null && !(fsAwsProductsSpendInsightsBySource(m2))) return false;
  return true;
}
function fsAwsOpportunityRelatedEntities(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m0 = v["AwsProducts"];
  if (m0 !== undefined && m0 !== null && !(fsAwsProductIdentifiers(m0))) return false;
  const m1 = v["Solutions"];
  if (m1 !== undefined && m1 !== null && !(fsSolutionIdentifiers(m1))) return false;
  return true;
}
function fsAwsOpportunityCustomer(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m0 = v["Contacts"];
  if (m0 !== undefined && m0 !== null && !(fsCustomerContactsList(m0))) return false;
  return true;
}
function fsAwsOpportunityProject(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m0 = v["ExpectedCustomerSpend"];
  if (m0 !== undefined && m0 !== null && !(fsExpectedCustomerSpendList(m0))) return false;
  const m1 = v["AwsPartition"];
  if (m1 !== undefined && m1 !== null && !(typeof m1 === 'string')) return false;
  return true;
}
function fsGetAwsOpportunitySummaryResponse(v: any): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m0 = v["RelatedOpportunityId"];
  if (m0 !== undefined && m0 !== null && !(typeof m0 === 'string' && PATTERN_15.test(m0))) return false;
  const m1 = v["Origin"];
  if (m1 !== undefined && m1 !== null && !(typeof m1 === 'string')) return false;
  const m2 = v["InvolvementType"];
  if (m2 !== undefined && m2 !== null && !(typeof m2 === 'string')) return false;
  const m3 = v["Visibility"];
  if (m3 !== undefined && m3 !== null && !(typeof m3 === 'string')) return false;
  const m4 = v["LifeCycle"];
  if (m4 !== undefined && m4 !== null && !(fsAwsOpportunityLifeCycle(m4))) return false;
  const m5 = v["OpportunityTeam"];
  if (m5 !== undefined && m5 !== null && !(fsAwsOpportunityTeamMembersList(m5))) return false;
  const m6 = v["Insights"];
  if (m6 !== undefined && m6 !== null && !(fsAwsOpportunityInsights(m6))) return false;
  const m7 = v["InvolvementTypeChangeReason"];
  if (m7 !== undefined && m7 !== null && !(typeof m7 === 'string')) return false;
  const m8 = v["RelatedEntityIds"];
  if (m8 !== undefined && m8 !== null && !(fsAwsOpportunityRelatedEntities(m8))) return false;
  const m9 = v["Customer"];
  if (m9 !== undefined && m9 !== null && !(fsAwsOpportunityCustomer(m9))) return false;
  const m10 = v["Project"];
  if (m10 !== undefined && m10 !== null && !(fsAwsOpportunityProject(m10))) return false;
  const m11 = v["Catalog"];
  if (m11 === undefined || m11 === null || !(typeof m11 === 'string' && PATTERN_0.test(m11))) return false;
  return true;
}

// Touch every helper so an unused import never breaks the build when the model changes.
void [dateTime, decimalNumber, document, blob, epochSeconds, httpDate, integer, lengthWithin, listOf, mapOf, oneOf, oneOfInt, optional, structure, text, union, z];

export const ACE_REQUEST_SCHEMAS = {
  CreateOpportunity: rqCreateOpportunityRequest,
  UpdateOpportunity: rqUpdateOpportunityRequest,
  AssociateOpportunity: rqAssociateOpportunityRequest,
  DisassociateOpportunity: rqDisassociateOpportunityRequest,
  StartEngagementFromOpportunityTask: rqStartEngagementFromOpportunityTaskRequest,
  StartEngagementByAcceptingInvitationTask: rqStartEngagementByAcceptingInvitationTaskRequest,
  RejectEngagementInvitation: rqRejectEngagementInvitationRequest,
  AssignOpportunity: rqAssignOpportunityRequest,
} as const;

export const ACE_RESPONSE_SCHEMAS = {
  GetOpportunity: rsGetOpportunityResponse,
  ListOpportunities: rsListOpportunitiesResponse,
  GetEngagementInvitation: rsGetEngagementInvitationResponse,
  ListEngagementInvitations: rsListEngagementInvitationsResponse,
  GetAwsOpportunitySummary: rsGetAwsOpportunitySummaryResponse,
} as const;

/** True only for payloads the schema accepts; false means "ask the schema for findings". */
export const ACE_FAST_CHECKS: Record<keyof typeof ACE_REQUEST_SCHEMAS | keyof typeof ACE_RESPONSE_SCHEMAS, (payload: unknown) => boolean> = {
  CreateOpportunity: fqCreateOpportunityRequest,
  UpdateOpportunity: fqUpdateOpportunityRequest,
  AssociateOpportunity: fqAssociateOpportunityRequest,
  DisassociateOpportunity: fqDisassociateOpportunityRequest,
  StartEngagementFromOpportunityTask: fqStartEngagementFromOpportunityTaskRequest,
  StartEngagementByAcceptingInvitationTask: fqStartEngagementByAcceptingInvitationTaskRequest,
  RejectEngagementInvitation: fqRejectEngagementInvitationRequest,
  AssignOpportunity: fqAssignOpportunityRequest,
  GetOpportunity: fsGetOpportunityResponse,
  ListOpportunities: fsListOpportunitiesResponse,
  GetEngagementInvitation: fsGetEngagementInvitationResponse,
  ListEngagementInvitations: fsListEngagementInvitationsResponse,
  GetAwsOpportunitySummary: fsGetAwsOpportunitySummaryResponse,
};

export type AceRequestOperation = keyof typeof ACE_REQUEST_SCHEMAS;
export type AceResponseOperation = keyof typeof ACE_RESPONSE_SCHEMAS;
export type CreateOpportunityInput = z.output<typeof rqCreateOpportunityRequest>;
export type UpdateOpportunityInput = z.output<typeof rqUpdateOpportunityRequest>;
export type AssociateOpportunityInput = z.output<typeof rqAssociateOpportunityRequest>;
export type DisassociateOpportunityInput = z.output<typeof rqDisassociateOpportunityRequest>;
export type StartEngagementFromOpportunityTaskInput = z.output<typeof rqStartEngagementFromOpportunityTaskRequest>;
export type StartEngagementByAcceptingInvitationTaskInput = z.output<typeof rqStartEngagementByAcceptingInvitationTaskRequest>;
export type RejectEngagementInvitationInput = z.output<typeof rqRejectEngagementInvitationRequest>;
export type AssignOpportunityInput = z.output<typeof rqAssignOpportunityRequest>;
export type GetOpportunityOutput = z.output<typeof rsGetOpportunityResponse>;
export type ListOpportunitiesOutput = z.output<typeof rsListOpportunitiesResponse>;
export type GetEngagementInvitationOutput = z.output<typeof rsGetEngagementInvitationResponse>;
export type ListEngagementInvitationsOutput = z.output<typeof rsListEngagementInvitationsResponse>;
export type GetAwsOpportunitySummaryOutput = z.output<typeof rsGetAwsOpportunitySummaryResponse>;

export type AceMemberTree = true | readonly [AceMemberTree] | { readonly [member: string]: AceMemberTree };

/** Which members each request may carry (structure → members, list → [item]); read-merge-write projects onto it. */
export const ACE_REQUEST_MEMBERS: Record<AceRequestOperation, AceMemberTree> = {
  CreateOpportunity: {"Catalog":true,"PrimaryNeedsFromAws":[true],"NationalSecurity":true,"PartnerOpportunityIdentifier":true,"Customer":{"Account":{"Industry":true,"OtherIndustry":true,"CompanyName":true,"WebsiteUrl":true,"AwsAccountId":true,"Address":{"City":true,"PostalCode":true,"StateOrRegion":true,"CountryCode":true,"StreetAddress":true},"Duns":true},"Contacts":[{"Email":true,"FirstName":true,"LastName":true,"BusinessTitle":true,"Phone":true}]},"Project":{"DeliveryModels":[true],"ExpectedCustomerSpend":[{"Amount":true,"CurrencyCode":true,"Frequency":true,"TargetCompany":true,"EstimationUrl":true}],"Title":true,"ApnPrograms":[true],"CustomerBusinessProblem":true,"CustomerUseCase":true,"RelatedOpportunityIdentifier":true,"SalesActivities":[true],"CompetitorName":true,"OtherCompetitorNames":true,"OtherSolutionDescription":true,"AdditionalComments":true,"AwsPartition":true},"OpportunityType":true,"Marketing":{"CampaignName":true,"Source":true,"UseCases":[true],"Channels":[true],"AwsFundingUsed":true},"SoftwareRevenue":{"DeliveryModel":true,"Value":{"Amount":true,"CurrencyCode":true},"EffectiveDate":true,"ExpirationDate":true},"ClientToken":true,"LifeCycle":{"Stage":true,"ClosedLostReason":true,"NextSteps":true,"TargetCloseDate":true,"ReviewStatus":true,"ReviewComments":true,"ReviewStatusReason":true,"NextStepsHistory":[{"Value":true,"Time":true}]},"Origin":true,"OpportunityTeam":[{"Email":true,"FirstName":true,"LastName":true,"BusinessTitle":true,"Phone":true}],"Tags":[{"Key":true,"Value":true}]},
  UpdateOpportunity: {"Catalog":true,"PrimaryNeedsFromAws":[true],"NationalSecurity":true,"PartnerOpportunityIdentifier":true,"Customer":{"Account":{"Industry":true,"OtherIndustry":true,"CompanyName":true,"WebsiteUrl":true,"AwsAccountId":true,"Address":{"City":true,"PostalCode":true,"StateOrRegion":true,"CountryCode":true,"StreetAddress":true},"Duns":true},"Contacts":[{"Email":true,"FirstName":true,"LastName":true,"BusinessTitle":true,"Phone":true}]},"Project":{"DeliveryModels":[true],"ExpectedCustomerSpend":[{"Amount":true,"CurrencyCode":true,"Frequency":true,"TargetCompany":true,"EstimationUrl":true}],"Title":true,"ApnPrograms":[true],"CustomerBusinessProblem":true,"CustomerUseCase":true,"RelatedOpportunityIdentifier":true,"SalesActivities":[true],"CompetitorName":true,"OtherCompetitorNames":true,"OtherSolutionDescription":true,"AdditionalComments":true,"AwsPartition":true},"OpportunityType":true,"Marketing":{"CampaignName":true,"Source":true,"UseCases":[true],"Channels":[true],"AwsFundingUsed":true},"SoftwareRevenue":{"DeliveryModel":true,"Value":{"Amount":true,"CurrencyCode":true},"EffectiveDate":true,"ExpirationDate":true},"LastModifiedDate":true,"Identifier":true,"LifeCycle":{"Stage":true,"ClosedLostReason":true,"NextSteps":true,"TargetCloseDate":true,"ReviewStatus":true,"ReviewComments":true,"ReviewStatusReason":true,"NextStepsHistory":[{"Value":true,"Time":true}]}},
  AssociateOpportunity: {"Catalog":true,"OpportunityIdentifier":true,"RelatedEntityType":true,"RelatedEntityIdentifier":true},
  DisassociateOpportunity: {"Catalog":true,"OpportunityIdentifier":true,"RelatedEntityType":true,"RelatedEntityIdentifier":true},
  StartEngagementFromOpportunityTask: {"Catalog":true,"ClientToken":true,"Identifier":true,"AwsSubmission":{"InvolvementType":true,"Visibility":true},"Tags":[{"Key":true,"Value":true}]},
  StartEngagementByAcceptingInvitationTask: {"Catalog":true,"ClientToken":true,"Identifier":true,"Tags":[{"Key":true,"Value":true}]},
  RejectEngagementInvitation: {"Catalog":true,"Identifier":true,"RejectionReason":true},
  AssignOpportunity: {"Catalog":true,"Identifier":true,"Assignee":{"Email":true,"FirstName":true,"LastName":true,"Phone":true,"BusinessTitle":true}},
};

export interface AceConstraint {
  path: string;
  kind: 'required' | 'enum' | 'length' | 'pattern' | 'range' | 'timestamp' | 'union';
  min?: number;
  max?: number;
  pattern?: string;
  enumShape?: string;
  format?: string;
  members?: string[];
}

/** Every constraint the model states, per operation, at its JSON path (`[*]` = any list item). */
export const ACE_CONSTRAINTS: Record<AceRequestOperation | AceResponseOperation, readonly AceConstraint[]> = {
  CreateOpportunity: [
    {"path":"$.Catalog","kind":"required"},
    {"path":"$.Catalog","kind":"pattern","pattern":"^[a-zA-Z]+$"},
    {"path":"$.PrimaryNeedsFromAws[*]","kind":"enum","enumShape":"PrimaryNeedFromAws"},
    {"path":"$.NationalSecurity","kind":"enum","enumShape":"NationalSecurity"},
    {"path":"$.PartnerOpportunityIdentifier","kind":"pattern","pattern":"^(?s).{0,64}$"},
    {"path":"$.Customer.Account.Industry","kind":"enum","enumShape":"Industry"},
    {"path":"$.Customer.Account.OtherIndustry","kind":"pattern","pattern":"^(?s).{0,255}$"},
    {"path":"$.Customer.Account.CompanyName","kind":"required"},
    {"path":"$.Customer.Account.CompanyName","kind":"pattern","pattern":"^(?s).{0,120}$"},
    {"path":"$.Customer.Account.WebsiteUrl","kind":"pattern","pattern":"^(?s).{4,255}$"},
    {"path":"$.Customer.Account.AwsAccountId","kind":"pattern","pattern":"^([0-9]{12}|\\w{1,12})$"},
    {"path":"$.Customer.Account.Address.City","kind":"pattern","pattern":"^(?s).{0,255}$"},
    {"path":"$.Customer.Account.Address.PostalCode","kind":"pattern","pattern":"^(?s).{0,20}$"},
    {"path":"$.Customer.Account.Address.CountryCode","kind":"enum","enumShape":"CountryCode"},
    {"path":"$.Customer.Account.Address.StreetAddress","kind":"pattern","pattern":"^(?s).{0,255}$"},
    {"path":"$.Customer.Account.Duns","kind":"pattern","pattern":"^[0-9]{9}$"},
    {"path":"$.Customer.Contacts[*].Email","kind":"pattern","pattern":"^(?=.{0,80}$)[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$"},
    {"path":"$.Customer.Contacts[*].FirstName","kind":"pattern","pattern":"^(?s).{0,80}$"},
    {"path":"$.Customer.Contacts[*].LastName","kind":"pattern","pattern":"^(?s).{0,80}$"},
    {"path":"$.Customer.Contacts[*].BusinessTitle","kind":"pattern","pattern":"^(?s).{0,80}$"},
    {"path":"$.Customer.Contacts[*].Phone","kind":"pattern","pattern":"^\\+[1-9]\\d{1,14}$"},
    {"path":"$.Project.DeliveryModels[*]","kind":"enum","enumShape":"DeliveryModel"},
    {"path":"$.Project.ExpectedCustomerSpend","kind":"length","min":0,"max":10},
    {"path":"$.Project.ExpectedCustomerSpend[*].Amount","kind":"pattern","pattern":"^((0|([1-9][0-9]{0,30}))(\\.[0-9]{0,2})?)?$"},
    {"path":"$.Project.ExpectedCustomerSpend[*].CurrencyCode","kind":"required"},
    {"path":"$.Project.ExpectedCustomerSpend[*].CurrencyCode","kind":"enum","enumShape":"CurrencyCode"},
    {"path":"$.Project.ExpectedCustomerSpend[*].Frequency","kind":"required"},
    {"path":"$.Project.ExpectedCustomerSpend[*].Frequency","kind":"enum","enumShape":"PaymentFrequency"},
    {"path":"$.Project.ExpectedCustomerSpend[*].TargetCompany","kind":"required"},
    {"path":"$.Project.ExpectedCustomerSpend[*].TargetCompany","kind":"pattern","pattern":"^(?s).{1,80}$"},
    {"path":"$.Project.ExpectedCustomerSpend[*].EstimationUrl","kind":"pattern","pattern":"^https://(calculator\\.aws|pricing\\.calculator\\.aws\\.eu)/#/estimate\\?id=[a-f0-9]{32,64}$"},
    {"path":"$.Project.Title","kind":"pattern","pattern":"^(?s).{0,255}$"},
    {"path":"$.Project.CustomerBusinessProblem","kind":"pattern","pattern":"^(?s).{20,2000}$"},
    {"path":"$.Project.RelatedOpportunityIdentifier","kind":"pattern","pattern":"^O[0-9]{1,19}$"},
    {"path":"$.Project.SalesActivities[*]","kind":"enum","enumShape":"SalesActivity"},
    {"path":"$.Project.CompetitorName","kind":"enum","enumShape":"CompetitorName"},
    {"path":"$.Project.OtherCompetitorNames","kind":"pattern","pattern":"^(?s).{0,255}$"},
    {"path":"$.Project.OtherSolutionDescription","kind":"pattern","pattern":"^(?s).{0,255}$"},
    {"path":"$.Project.AdditionalComments","kind":"pattern","pattern":"^(?s).{1,255}$"},
    {"path":"$.Project.AwsPartition","kind":"enum","enumShape":"AwsPartition"},
    {"path":"$.OpportunityType","kind":"enum","enumShape":"OpportunityType"},
    {"path":"$.Marketing.Source","kind":"enum","enumShape":"MarketingSource"},
    {"path":"$.Marketing.Channels[*]","kind":"enum","enumShape":"Channel"},
    {"path":"$.Marketing.AwsFundingUsed","kind":"enum","enumShape":"AwsFundingUsed"},
    {"path":"$.SoftwareRevenue.DeliveryModel","kind":"enum","enumShape":"RevenueModel"},
    {"path":"$.SoftwareRevenue.Value.Amount","kind":"required"},
    {"path":"$.SoftwareRevenue.Value.Amount","kind":"pattern","pattern":"^(0|([1-9][0-9]{0,30}))(\\.[0-9]{0,2})?$"},
    {"path":"$.SoftwareRevenue.Value.CurrencyCode","kind":"required"},
    {"path":"$.SoftwareRevenue.Value.CurrencyCode","kind":"enum","enumShape":"CurrencyCode"},
    {"path":"$.SoftwareRevenue.EffectiveDate","kind":"pattern","pattern":"^[1-9][0-9]{3}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$"},
    {"path":"$.SoftwareRevenue.ExpirationDate","kind":"pattern","pattern":"^[1-9][0-9]{3}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$"},
    {"path":"$.ClientToken","kind":"required"},
    {"path":"$.ClientToken","kind":"pattern","pattern":"^.{1,255}$"},
    {"path":"$.LifeCycle.Stage","kind":"enum","enumShape":"Stage"},
    {"path":"$.LifeCycle.ClosedLostReason","kind":"enum","enumShape":"ClosedLostReason"},
    {"path":"$.LifeCycle.NextSteps","kind":"pattern","pattern":"^(?s).{0,255}$"},
    {"path":"$.LifeCycle.TargetCloseDate","kind":"pattern","pattern":"^[1-9][0-9]{3}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$"},
    {"path":"$.LifeCycle.ReviewStatus","kind":"enum","enumShape":"ReviewStatus"},
    {"path":"$.LifeCycle.NextStepsHistory","kind":"length","max":50},
    {"path":"$.LifeCycle.NextStepsHistory[*].Value","kind":"required"},
    {"path":"$.LifeCycle.NextStepsHistory[*].Time","kind":"required"},
    {"path":"$.LifeCycle.NextStepsHistory[*].Time","kind":"timestamp","format":"date-time"},
    {"path":"$.Origin","kind":"enum","enumShape":"OpportunityOrigin"},
    {"path":"$.OpportunityTeam","kind":"length","max":10},
    {"path":"$.OpportunityTeam[*].Email","kind":"pattern","pattern":"^(?=.{0,80}$)[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$"},
    {"path":"$.OpportunityTeam[*].FirstName","kind":"pattern","pattern":"^(?s).{0,80}$"},
    {"path":"$.OpportunityTeam[*].LastName","kind":"pattern","pattern":"^(?s).{0,80}$"},
    {"path":"$.OpportunityTeam[*].BusinessTitle","kind":"pattern","pattern":"^(?s).{0,80}$"},
    {"path":"$.OpportunityTeam[*].Phone","kind":"pattern","pattern":"^\\+[1-9]\\d{1,14}$"},
    {"path":"$.Tags","kind":"length","min":1,"max":200},
    {"path":"$.Tags[*].Key","kind":"required"},
    {"path":"$.Tags[*].Key","kind":"pattern","pattern":"^(?=.{1,128}$)([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$"},
    {"path":"$.Tags[*].Value","kind":"required"},
    {"path":"$.Tags[*].Value","kind":"pattern","pattern":"^(?=.{0,256}$)([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$"},
  ],
  UpdateOpportunity: [
    {"path":"$.Catalog","kind":"required"},
    {"path":"$.Catalog","kind":"pattern","pattern":"^[a-zA-Z]+$"},
    {"path":"$.PrimaryNeedsFromAws[*]","kind":"enum","enumShape":"PrimaryNeedFromAws"},
    {"path":"$.NationalSecurity","kind":"enum","enumShape":"NationalSecurity"},
    {"path":"$.PartnerOpportunityIdentifier","kind":"pattern","pattern":"^(?s).{0,64}$"},
    {"path":"$.Customer.Account.Industry","kind":"enum","enumShape":"Industry"},
    {"path":"$.Customer.Account.OtherIndustry","kind":"pattern","pattern":"^(?s).{0,255}$"},
    {"path":"$.Customer.Account.CompanyName","kind":"required"},
    {"path":"$.Customer.Account.CompanyName","kind":"pattern","pattern":"^(?s).{0,120}$"},
    {"path":"$.Customer.Account.WebsiteUrl","kind":"pattern","pattern":"^(?s).{4,255}$"},
    {"path":"$.Customer.Account.AwsAccountId","kind":"pattern","pattern":"^([0-9]{12}|\\w{1,12})$"},
    {"path":"$.Customer.Account.Address.City","kind":"pattern","pattern":"^(?s).{0,255}$"},
    {"path":"$.Customer.Account.Address.PostalCode","kind":"pattern","pattern":"^(?s).{0,20}$"},
    {"path":"$.Customer.Account.Address.CountryCode","kind":"enum","enumShape":"CountryCode"},
    {"path":"$.Customer.Account.Address.StreetAddress","kind":"pattern","pattern":"^(?s).{0,255}$"},
    {"path":"$.Customer.Account.Duns","kind":"pattern","pattern":"^[0-9]{9}$"},
    {"path":"$.Customer.Contacts[*].Email","kind":"pattern","pattern":"^(?=.{0,80}$)[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$"},
    {"path":"$.Customer.Contacts[*].FirstName","kind":"pattern","pattern":"^(?s).{0,80}$"},
    {"path":"$.Customer.Contacts[*].LastName","kind":"pattern","pattern":"^(?s).{0,80}$"},
    {"path":"$.Customer.Contacts[*].BusinessTitle","kind":"pattern","pattern":"^(?s).{0,80}$"},
    {"path":"$.Customer.Contacts[*].Phone","kind":"pattern","pattern":"^\\+[1-9]\\d{1,14}$"},
    {"path":"$.Project.DeliveryModels[*]","kind":"enum","enumShape":"DeliveryModel"},
    {"path":"$.Project.ExpectedCustomerSpend","kind":"length","min":0,"max":10},
    {"path":"$.Project.ExpectedCustomerSpend[*].Amount","kind":"pattern","pattern":"^((0|([1-9][0-9]{0,30}))(\\.[0-9]{0,2})?)?$"},
    {"path":"$.Project.ExpectedCustomerSpend[*].CurrencyCode","kind":"required"},
    {"path":"$.Project.ExpectedCustomerSpend[*].CurrencyCode","kind":"enum","enumShape":"CurrencyCode"},
    {"path":"$.Project.ExpectedCustomerSpend[*].Frequency","kind":"required"},
    {"path":"$.Project.ExpectedCustomerSpend[*].Frequency","kind":"enum","enumShape":"PaymentFrequency"},
    {"path":"$.Project.ExpectedCustomerSpend[*].TargetCompany","kind":"required"},
    {"path":"$.Project.ExpectedCustomerSpend[*].TargetCompany","kind":"pattern","pattern":"^(?s).{1,80}$"},
    {"path":"$.Project.ExpectedCustomerSpend[*].EstimationUrl","kind":"pattern","pattern":"^https://(calculator\\.aws|pricing\\.calculator\\.aws\\.eu)/#/estimate\\?id=[a-f0-9]{32,64}$"},
    {"path":"$.Project.Title","kind":"pattern","pattern":"^(?s).{0,255}$"},
    {"path":"$.Project.CustomerBusinessProblem","kind":"pattern","pattern":"^(?s).{20,2000}$"},
    {"path":"$.Project.RelatedOpportunityIdentifier","kind":"pattern","pattern":"^O[0-9]{1,19}$"},
    {"path":"$.Project.SalesActivities[*]","kind":"enum","enumShape":"SalesActivity"},
    {"path":"$.Project.CompetitorName","kind":"enum","enumShape":"CompetitorName"},
    {"path":"$.Project.OtherCompetitorNames","kind":"pattern","pattern":"^(?s).{0,255}$"},
    {"path":"$.Project.OtherSolutionDescription","kind":"pattern","pattern":"^(?s).{0,255}$"},
    {"path":"$.Project.AdditionalComments","kind":"pattern","pattern":"^(?s).{1,255}$"},
    {"path":"$.Project.AwsPartition","kind":"enum","enumShape":"AwsPartition"},
    {"path":"$.OpportunityType","kind":"enum","enumShape":"OpportunityType"},
    {"path":"$.Marketing.Source","kind":"enum","enumShape":"MarketingSource"},
    {"path":"$.Marketing.Channels[*]","kind":"enum","enumShape":"Channel"},
    {"path":"$.Marketing.AwsFundingUsed","kind":"enum","enumShape":"AwsFundingUsed"},
    {"path":"$.SoftwareRevenue.DeliveryModel","kind":"enum","enumShape":"RevenueModel"},
    {"path":"$.SoftwareRevenue.Value.Amount","kind":"required"},
    {"path":"$.SoftwareRevenue.Value.Amount","kind":"pattern","pattern":"^(0|([1-9][0-9]{0,30}))(\\.[0-9]{0,2})?$"},
    {"path":"$.SoftwareRevenue.Value.CurrencyCode","kind":"required"},
    {"path":"$.SoftwareRevenue.Value.CurrencyCode","kind":"enum","enumShape":"CurrencyCode"},
    {"path":"$.SoftwareRevenue.EffectiveDate","kind":"pattern","pattern":"^[1-9][0-9]{3}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$"},
    {"path":"$.SoftwareRevenue.ExpirationDate","kind":"pattern","pattern":"^[1-9][0-9]{3}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$"},
    {"path":"$.LastModifiedDate","kind":"required"},
    {"path":"$.LastModifiedDate","kind":"timestamp","format":"date-time"},
    {"path":"$.Identifier","kind":"required"},
    {"path":"$.Identifier","kind":"pattern","pattern":"^O[0-9]{1,19}$"},
    {"path":"$.LifeCycle.Stage","kind":"enum","enumShape":"Stage"},
    {"path":"$.LifeCycle.ClosedLostReason","kind":"enum","enumShape":"ClosedLostReason"},
    {"path":"$.LifeCycle.NextSteps","kind":"pattern","pattern":"^(?s).{0,255}$"},
    {"path":"$.LifeCycle.TargetCloseDate","kind":"pattern","pattern":"^[1-9][0-9]{3}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$"},
    {"path":"$.LifeCycle.ReviewStatus","kind":"enum","enumShape":"ReviewStatus"},
    {"path":"$.LifeCycle.NextStepsHistory","kind":"length","max":50},
    {"path":"$.LifeCycle.NextStepsHistory[*].Value","kind":"required"},
    {"path":"$.LifeCycle.NextStepsHistory[*].Time","kind":"required"},
    {"path":"$.LifeCycle.NextStepsHistory[*].Time","kind":"timestamp","format":"date-time"},
  ],
  AssociateOpportunity: [
    {"path":"$.Catalog","kind":"required"},
    {"path":"$.Catalog","kind":"pattern","pattern":"^[a-zA-Z]+$"},
    {"path":"$.OpportunityIdentifier","kind":"required"},
    {"path":"$.OpportunityIdentifier","kind":"pattern","pattern":"^O[0-9]{1,19}$"},
    {"path":"$.RelatedEntityType","kind":"required"},
    {"path":"$.RelatedEntityType","kind":"enum","enumShape":"RelatedEntityType"},
    {"path":"$.RelatedEntityIdentifier","kind":"required"},
    {"path":"$.RelatedEntityIdentifier","kind":"pattern","pattern":"^(?s).{1,255}$"},
  ],
  DisassociateOpportunity: [
    {"path":"$.Catalog","kind":"required"},
    {"path":"$.Catalog","kind":"pattern","pattern":"^[a-zA-Z]+$"},
    {"path":"$.OpportunityIdentifier","kind":"required"},
    {"path":"$.OpportunityIdentifier","kind":"pattern","pattern":"^O[0-9]{1,19}$"},
    {"path":"$.RelatedEntityType","kind":"required"},
    {"path":"$.RelatedEntityType","kind":"enum","enumShape":"RelatedEntityType"},
    {"path":"$.RelatedEntityIdentifier","kind":"required"},
    {"path":"$.RelatedEntityIdentifier","kind":"pattern","pattern":"^(?s).{1,255}$"},
  ],
  StartEngagementFromOpportunityTask: [
    {"path":"$.Catalog","kind":"required"},
    {"path":"$.Catalog","kind":"pattern","pattern":"^[a-zA-Z]+$"},
    {"path":"$.ClientToken","kind":"required"},
    {"path":"$.ClientToken","kind":"pattern","pattern":"^.{1,255}$"},
    {"path":"$.Identifier","kind":"required"},
    {"path":"$.Identifier","kind":"pattern","pattern":"^O[0-9]{1,19}$"},
    {"path":"$.AwsSubmission","kind":"required"},
    {"path":"$.AwsSubmission.InvolvementType","kind":"required"},
    {"path":"$.AwsSubmission.InvolvementType","kind":"enum","enumShape":"SalesInvolvementType"},
    {"path":"$.AwsSubmission.Visibility","kind":"enum","enumShape":"Visibility"},
    {"path":"$.Tags","kind":"length","min":1,"max":200},
    {"path":"$.Tags[*].Key","kind":"required"},
    {"path":"$.Tags[*].Key","kind":"pattern","pattern":"^(?=.{1,128}$)([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$"},
    {"path":"$.Tags[*].Value","kind":"required"},
    {"path":"$.Tags[*].Value","kind":"pattern","pattern":"^(?=.{0,256}$)([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$"},
  ],
  StartEngagementByAcceptingInvitationTask: [
    {"path":"$.Catalog","kind":"required"},
    {"path":"$.Catalog","kind":"pattern","pattern":"^[a-zA-Z]+$"},
    {"path":"$.ClientToken","kind":"required"},
    {"path":"$.ClientToken","kind":"pattern","pattern":"^.{1,255}$"},
    {"path":"$.Identifier","kind":"required"},
    {"path":"$.Identifier","kind":"pattern","pattern":"^(?=.{1,255}$)(arn:.*|engi-[0-9a-z]{13})$"},
    {"path":"$.Tags","kind":"length","min":1,"max":200},
    {"path":"$.Tags[*].Key","kind":"required"},
    {"path":"$.Tags[*].Key","kind":"pattern","pattern":"^(?=.{1,128}$)([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$"},
    {"path":"$.Tags[*].Value","kind":"required"},
    {"path":"$.Tags[*].Value","kind":"pattern","pattern":"^(?=.{0,256}$)([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$"},
  ],
  RejectEngagementInvitation: [
    {"path":"$.Catalog","kind":"required"},
    {"path":"$.Catalog","kind":"pattern","pattern":"^[a-zA-Z]+$"},
    {"path":"$.Identifier","kind":"required"},
    {"path":"$.Identifier","kind":"pattern","pattern":"^(?=.{1,255}$)(arn:.*|engi-[0-9a-z]{13})$"},
    {"path":"$.RejectionReason","kind":"pattern","pattern":"^[\\u0020-\\u007E\\u00A0-\\uD7FF\\uE000-\\uFFFD]{1,80}$"},
  ],
  AssignOpportunity: [
    {"path":"$.Catalog","kind":"required"},
    {"path":"$.Catalog","kind":"pattern","pattern":"^[a-zA-Z]+$"},
    {"path":"$.Identifier","kind":"required"},
    {"path":"$.Identifier","kind":"pattern","pattern":"^O[0-9]{1,19}$"},
    {"path":"$.Assignee","kind":"required"},
    {"path":"$.Assignee.Email","kind":"required"},
    {"path":"$.Assignee.Email","kind":"pattern","pattern":"^(?=.{0,80}$)[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$"},
    {"path":"$.Assignee.FirstName","kind":"required"},
    {"path":"$.Assignee.FirstName","kind":"pattern","pattern":"^(?s).{0,80}$"},
    {"path":"$.Assignee.LastName","kind":"required"},
    {"path":"$.Assignee.LastName","kind":"pattern","pattern":"^(?s).{0,80}$"},
    {"path":"$.Assignee.Phone","kind":"pattern","pattern":"^\\+[1-9]\\d{1,14}$"},
    {"path":"$.Assignee.BusinessTitle","kind":"required"},
    {"path":"$.Assignee.BusinessTitle","kind":"pattern","pattern":"^(?s).{0,80}$"},
  ],
  GetOpportunity: [
    {"path":"$.Catalog","kind":"required"},
    {"path":"$.Catalog","kind":"pattern","pattern":"^[a-zA-Z]+$"},
    {"path":"$.PrimaryNeedsFromAws[*]","kind":"enum","enumShape":"PrimaryNeedFromAws"},
    {"path":"$.NationalSecurity","kind":"enum","enumShape":"NationalSecurity"},
    {"path":"$.PartnerOpportunityIdentifier","kind":"pattern","pattern":"^(?s).{0,64}$"},
    {"path":"$.Customer.Account.Industry","kind":"enum","enumShape":"Industry"},
    {"path":"$.Customer.Account.OtherIndustry","kind":"pattern","pattern":"^(?s).{0,255}$"},
    {"path":"$.Customer.Account.CompanyName","kind":"required"},
    {"path":"$.Customer.Account.CompanyName","kind":"pattern","pattern":"^(?s).{0,120}$"},
    {"path":"$.Customer.Account.WebsiteUrl","kind":"pattern","pattern":"^(?s).{4,255}$"},
    {"path":"$.Customer.Account.AwsAccountId","kind":"pattern","pattern":"^([0-9]{12}|\\w{1,12})$"},
    {"path":"$.Customer.Account.Address.City","kind":"pattern","pattern":"^(?s).{0,255}$"},
    {"path":"$.Customer.Account.Address.PostalCode","kind":"pattern","pattern":"^(?s).{0,20}$"},
    {"path":"$.Customer.Account.Address.CountryCode","kind":"enum","enumShape":"CountryCode"},
    {"path":"$.Customer.Account.Address.StreetAddress","kind":"pattern","pattern":"^(?s).{0,255}$"},
    {"path":"$.Customer.Account.Duns","kind":"pattern","pattern":"^[0-9]{9}$"},
    {"path":"$.Customer.Contacts[*].Email","kind":"pattern","pattern":"^(?=.{0,80}$)[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$"},
    {"path":"$.Customer.Contacts[*].FirstName","kind":"pattern","pattern":"^(?s).{0,80}$"},
    {"path":"$.Customer.Contacts[*].LastName","kind":"pattern","pattern":"^(?s).{0,80}$"},
    {"path":"$.Customer.Contacts[*].BusinessTitle","kind":"pattern","pattern":"^(?s).{0,80}$"},
    {"path":"$.Customer.Contacts[*].Phone","kind":"pattern","pattern":"^\\+[1-9]\\d{1,14}$"},
    {"path":"$.Project.DeliveryModels[*]","kind":"enum","enumShape":"DeliveryModel"},
    {"path":"$.Project.ExpectedCustomerSpend","kind":"length","min":0,"max":10},
    {"path":"$.Project.ExpectedCustomerSpend[*].Amount","kind":"pattern","pattern":"^((0|([1-9][0-9]{0,30}))(\\.[0-9]{0,2})?)?$"},
    {"path":"$.Project.ExpectedCustomerSpend[*].CurrencyCode","kind":"required"},
    {"path":"$.Project.ExpectedCustomerSpend[*].CurrencyCode","kind":"enum","enumShape":"CurrencyCode"},
    {"path":"$.Project.ExpectedCustomerSpend[*].Frequency","kind":"required"},
    {"path":"$.Project.ExpectedCustomerSpend[*].Frequency","kind":"enum","enumShape":"PaymentFrequency"},
    {"path":"$.Project.ExpectedCustomerSpend[*].TargetCompany","kind":"required"},
    {"path":"$.Project.ExpectedCustomerSpend[*].TargetCompany","kind":"pattern","pattern":"^(?s).{1,80}$"},
    {"path":"$.Project.ExpectedCustomerSpend[*].EstimationUrl","kind":"pattern","pattern":"^https://(calculator\\.aws|pricing\\.calculator\\.aws\\.eu)/#/estimate\\?id=[a-f0-9]{32,64}$"},
    {"path":"$.Project.Title","kind":"pattern","pattern":"^(?s).{0,255}$"},
    {"path":"$.Project.CustomerBusinessProblem","kind":"pattern","pattern":"^(?s).{20,2000}$"},
    {"path":"$.Project.RelatedOpportunityIdentifier","kind":"pattern","pattern":"^O[0-9]{1,19}$"},
    {"path":"$.Project.SalesActivities[*]","kind":"enum","enumShape":"SalesActivity"},
    {"path":"$.Project.CompetitorName","kind":"enum","enumShape":"CompetitorName"},
    {"path":"$.Project.OtherCompetitorNames","kind":"pattern","pattern":"^(?s).{0,255}$"},
    {"path":"$.Project.OtherSolutionDescription","kind":"pattern","pattern":"^(?s).{0,255}$"},
    {"path":"$.Project.AdditionalComments","kind":"pattern","pattern":"^(?s).{1,255}$"},
    {"path":"$.Project.AwsPartition","kind":"enum","enumShape":"AwsPartition"},
    {"path":"$.OpportunityType","kind":"enum","enumShape":"OpportunityType"},
    {"path":"$.Marketing.Source","kind":"enum","enumShape":"MarketingSource"},
    {"path":"$.Marketing.Channels[*]","kind":"enum","enumShape":"Channel"},
    {"path":"$.Marketing.AwsFundingUsed","kind":"enum","enumShape":"AwsFundingUsed"},
    {"path":"$.SoftwareRevenue.DeliveryModel","kind":"enum","enumShape":"RevenueModel"},
    {"path":"$.SoftwareRevenue.Value.Amount","kind":"required"},
    {"path":"$.SoftwareRevenue.Value.Amount","kind":"pattern","pattern":"^(0|([1-9][0-9]{0,30}))(\\.[0-9]{0,2})?$"},
    {"path":"$.SoftwareRevenue.Value.CurrencyCode","kind":"required"},
    {"path":"$.SoftwareRevenue.Value.CurrencyCode","kind":"enum","enumShape":"CurrencyCode"},
    {"path":"$.SoftwareRevenue.EffectiveDate","kind":"pattern","pattern":"^[1-9][0-9]{3}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$"},
    {"path":"$.SoftwareRevenue.ExpirationDate","kind":"pattern","pattern":"^[1-9][0-9]{3}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$"},
    {"path":"$.Id","kind":"required"},
    {"path":"$.Id","kind":"pattern","pattern":"^O[0-9]{1,19}$"},
    {"path":"$.Arn","kind":"pattern","pattern":"^arn:.*$"},
    {"path":"$.LastModifiedDate","kind":"required"},
    {"path":"$.LastModifiedDate","kind":"timestamp","format":"date-time"},
    {"path":"$.CreatedDate","kind":"required"},
    {"path":"$.CreatedDate","kind":"timestamp","format":"date-time"},
    {"path":"$.RelatedEntityIdentifiers","kind":"required"},
    {"path":"$.RelatedEntityIdentifiers.AwsMarketplaceOffers[*]","kind":"pattern","pattern":"^arn:aws:aws-marketplace:[a-z]{1,2}-[a-z]*-\\d+:\\d{12}:AWSMarketplace/Offer/.*$"},
    {"path":"$.RelatedEntityIdentifiers.AwsMarketplaceOfferSets[*]","kind":"pattern","pattern":"^arn:aws:aws-marketplace:[a-z]{1,2}-[a-z]*-\\d+:\\d{12}:AWSMarketplace/OfferSet/offerset-.*"},
    {"path":"$.RelatedEntityIdentifiers.Solutions[*]","kind":"pattern","pattern":"^S-[0-9]{1,19}$"},
    {"path":"$.LifeCycle.Stage","kind":"enum","enumShape":"Stage"},
    {"path":"$.LifeCycle.ClosedLostReason","kind":"enum","enumShape":"ClosedLostReason"},
    {"path":"$.LifeCycle.NextSteps","kind":"pattern","pattern":"^(?s).{0,255}$"},
    {"path":"$.LifeCycle.TargetCloseDate","kind":"pattern","pattern":"^[1-9][0-9]{3}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$"},
    {"path":"$.LifeCycle.ReviewStatus","kind":"enum","enumShape":"ReviewStatus"},
    {"path":"$.LifeCycle.NextStepsHistory","kind":"length","max":50},
    {"path":"$.LifeCycle.NextStepsHistory[*].Value","kind":"required"},
    {"path":"$.LifeCycle.NextStepsHistory[*].Time","kind":"required"},
    {"path":"$.LifeCycle.NextStepsHistory[*].Time","kind":"timestamp","format":"date-time"},
    {"path":"$.OpportunityTeam","kind":"length","max":10},
    {"path":"$.OpportunityTeam[*].Email","kind":"pattern","pattern":"^(?=.{0,80}$)[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$"},
    {"path":"$.OpportunityTeam[*].FirstName","kind":"pattern","pattern":"^(?s).{0,80}$"},
    {"path":"$.OpportunityTeam[*].LastName","kind":"pattern","pattern":"^(?s).{0,80}$"},
    {"path":"$.OpportunityTeam[*].BusinessTitle","kind":"pattern","pattern":"^(?s).{0,80}$"},
    {"path":"$.OpportunityTeam[*].Phone","kind":"pattern","pattern":"^\\+[1-9]\\d{1,14}$"},
  ],
  ListOpportunities: [
    {"path":"$.OpportunitySummaries","kind":"required"},
    {"path":"$.OpportunitySummaries[*].Catalog","kind":"required"},
    {"path":"$.OpportunitySummaries[*].Catalog","kind":"pattern","pattern":"^[a-zA-Z]+$"},
    {"path":"$.OpportunitySummaries[*].Id","kind":"pattern","pattern":"^O[0-9]{1,19}$"},
    {"path":"$.OpportunitySummaries[*].Arn","kind":"pattern","pattern":"^arn:.*$"},
    {"path":"$.OpportunitySummaries[*].OpportunityType","kind":"enum","enumShape":"OpportunityType"},
    {"path":"$.OpportunitySummaries[*].LastModifiedDate","kind":"timestamp","format":"date-time"},
    {"path":"$.OpportunitySummaries[*].CreatedDate","kind":"timestamp","format":"date-time"},
    {"path":"$.OpportunitySummaries[*].LifeCycle.Stage","kind":"enum","enumShape":"Stage"},
    {"path":"$.OpportunitySummaries[*].LifeCycle.ClosedLostReason","kind":"enum","enumShape":"ClosedLostReason"},
    {"path":"$.OpportunitySummaries[*].LifeCycle.NextSteps","kind":"pattern","pattern":"^(?s).{0,255}$"},
    {"path":"$.OpportunitySummaries[*].LifeCycle.TargetCloseDate","kind":"pattern","pattern":"^[1-9][0-9]{3}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$"},
    {"path":"$.OpportunitySummaries[*].LifeCycle.ReviewStatus","kind":"enum","enumShape":"ReviewStatus"},
    {"path":"$.OpportunitySummaries[*].Customer.Account.Industry","kind":"enum","enumShape":"Industry"},
    {"path":"$.OpportunitySummaries[*].Customer.Account.OtherIndustry","kind":"pattern","pattern":"^(?s).{0,255}$"},
    {"path":"$.OpportunitySummaries[*].Customer.Account.CompanyName","kind":"required"},
    {"path":"$.OpportunitySummaries[*].Customer.Account.CompanyName","kind":"pattern","pattern":"^(?s).{0,120}$"},
    {"path":"$.OpportunitySummaries[*].Customer.Account.WebsiteUrl","kind":"pattern","pattern":"^(?s).{4,255}$"},
    {"path":"$.OpportunitySummaries[*].Customer.Account.Address.City","kind":"pattern","pattern":"^(?s).{0,255}$"},
    {"path":"$.OpportunitySummaries[*].Customer.Account.Address.PostalCode","kind":"pattern","pattern":"^(?s).{0,20}$"},
    {"path":"$.OpportunitySummaries[*].Customer.Account.Address.CountryCode","kind":"enum","enumShape":"CountryCode"},
    {"path":"$.OpportunitySummaries[*].Project.DeliveryModels[*]","kind":"enum","enumShape":"DeliveryModel"},
    {"path":"$.OpportunitySummaries[*].Project.ExpectedCustomerSpend","kind":"length","min":0,"max":10},
    {"path":"$.OpportunitySummaries[*].Project.ExpectedCustomerSpend[*].Amount","kind":"pattern","pattern":"^((0|([1-9][0-9]{0,30}))(\\.[0-9]{0,2})?)?$"},
    {"path":"$.OpportunitySummaries[*].Project.ExpectedCustomerSpend[*].CurrencyCode","kind":"required"},
    {"path":"$.OpportunitySummaries[*].Project.ExpectedCustomerSpend[*].CurrencyCode","kind":"enum","enumShape":"CurrencyCode"},
    {"path":"$.OpportunitySummaries[*].Project.ExpectedCustomerSpend[*].Frequency","kind":"required"},
    {"path":"$.OpportunitySummaries[*].Project.ExpectedCustomerSpend[*].Frequency","kind":"enum","enumShape":"PaymentFrequency"},
    {"path":"$.OpportunitySummaries[*].Project.ExpectedCustomerSpend[*].TargetCompany","kind":"required"},
    {"path":"$.OpportunitySummaries[*].Project.ExpectedCustomerSpend[*].TargetCompany","kind":"pattern","pattern":"^(?s).{1,80}$"},
    {"path":"$.OpportunitySummaries[*].Project.ExpectedCustomerSpend[*].EstimationUrl","kind":"pattern","pattern":"^https://(calculator\\.aws|pricing\\.calculator\\.aws\\.eu)/#/estimate\\?id=[a-f0-9]{32,64}$"},
  ],
  GetEngagementInvitation: [
    {"path":"$.PayloadType","kind":"enum","enumShape":"EngagementInvitationPayloadType"},
    {"path":"$.Id","kind":"required"},
    {"path":"$.Id","kind":"pattern","pattern":"^(?=.{1,255}$)(arn:.*|engi-[0-9a-z]{13})$"},
    {"path":"$.EngagementId","kind":"pattern","pattern":"^eng-[0-9a-z]{14}$"},
    {"path":"$.EngagementTitle","kind":"pattern","pattern":"^(?s).{1,40}$"},
    {"path":"$.Status","kind":"enum","enumShape":"InvitationStatus"},
    {"path":"$.InvitationDate","kind":"timestamp","format":"date-time"},
    {"path":"$.ExpirationDate","kind":"timestamp","format":"date-time"},
    {"path":"$.SenderAwsAccountId","kind":"pattern","pattern":"^([0-9]{12}|\\w{1,12})$"},
    {"path":"$.SenderCompanyName","kind":"pattern","pattern":"^(?s).{0,120}$"},
    {"path":"$.Receiver","kind":"union","members":["Account"]},
    {"path":"$.Receiver.Account.Alias","kind":"pattern","pattern":"^(?s).{0,80}$"},
    {"path":"$.Receiver.Account.AwsAccountId","kind":"required"},
    {"path":"$.Receiver.Account.AwsAccountId","kind":"pattern","pattern":"^([0-9]{12}|\\w{1,12})$"},
    {"path":"$.Catalog","kind":"required"},
    {"path":"$.Catalog","kind":"pattern","pattern":"^[a-zA-Z]+$"},
    {"path":"$.RejectionReason","kind":"pattern","pattern":"^[\\u0020-\\u007E\\u00A0-\\uD7FF\\uE000-\\uFFFD]{1,80}$"},
    {"path":"$.Payload","kind":"union","members":["OpportunityInvitation","LeadInvitation"]},
    {"path":"$.Payload.OpportunityInvitation.SenderContacts","kind":"length","min":1,"max":3},
    {"path":"$.Payload.OpportunityInvitation.SenderContacts[*].Email","kind":"required"},
    {"path":"$.Payload.OpportunityInvitation.SenderContacts[*].Email","kind":"pattern","pattern":"^(?=.{1,80}$)[a-zA-Z0-9.!#$%&'*+/=?^_{|}~-]+@[a-zA-Z0-9-]+(?:.[a-zA-Z0-9-]+)*$"},
    {"path":"$.Payload.OpportunityInvitation.SenderContacts[*].FirstName","kind":"pattern","pattern":"^(?s).{0,80}$"},
    {"path":"$.Payload.OpportunityInvitation.SenderContacts[*].LastName","kind":"pattern","pattern":"^(?s).{0,80}$"},
    {"path":"$.Payload.OpportunityInvitation.SenderContacts[*].BusinessTitle","kind":"pattern","pattern":"^(?s).{0,80}$"},
    {"path":"$.Payload.OpportunityInvitation.SenderContacts[*].Phone","kind":"pattern","pattern":"^\\+[1-9]\\d{1,14}$"},
    {"path":"$.Payload.OpportunityInvitation.ReceiverResponsibilities","kind":"required"},
    {"path":"$.Payload.OpportunityInvitation.ReceiverResponsibilities[*]","kind":"enum","enumShape":"ReceiverResponsibility"},
    {"path":"$.Payload.OpportunityInvitation.Customer","kind":"required"},
    {"path":"$.Payload.OpportunityInvitation.Customer.Industry","kind":"required"},
    {"path":"$.Payload.OpportunityInvitation.Customer.Industry","kind":"enum","enumShape":"Industry"},
    {"path":"$.Payload.OpportunityInvitation.Customer.CompanyName","kind":"required"},
    {"path":"$.Payload.OpportunityInvitation.Customer.CompanyName","kind":"pattern","pattern":"^(?s).{1,120}$"},
    {"path":"$.Payload.OpportunityInvitation.Customer.WebsiteUrl","kind":"required"},
    {"path":"$.Payload.OpportunityInvitation.Customer.WebsiteUrl","kind":"pattern","pattern":"^(?=.{4,255}$)((http|https)://)??(www[.])??([a-zA-Z0-9]|-)+?([.][a-zA-Z0-9(-|/|=|?)??]+?)+?$"},
    {"path":"$.Payload.OpportunityInvitation.Customer.CountryCode","kind":"required"},
    {"path":"$.Payload.OpportunityInvitation.Customer.CountryCode","kind":"enum","enumShape":"CountryCode"},
    {"path":"$.Payload.OpportunityInvitation.Project","kind":"required"},
    {"path":"$.Payload.OpportunityInvitation.Project.BusinessProblem","kind":"required"},
    {"path":"$.Payload.OpportunityInvitation.Project.BusinessProblem","kind":"pattern","pattern":"^(?s).{20,2000}$"},
    {"path":"$.Payload.OpportunityInvitation.Project.Title","kind":"required"},
    {"path":"$.Payload.OpportunityInvitation.Project.Title","kind":"pattern","pattern":"^(?s).{1,255}$"},
    {"path":"$.Payload.OpportunityInvitation.Project.TargetCompletionDate","kind":"required"},
    {"path":"$.Payload.OpportunityInvitation.Project.TargetCompletionDate","kind":"pattern","pattern":"^[1-9][0-9]{3}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$"},
    {"path":"$.Payload.OpportunityInvitation.Project.ExpectedCustomerSpend","kind":"required"},
    {"path":"$.Payload.OpportunityInvitation.Project.ExpectedCustomerSpend","kind":"length","min":0,"max":10},
    {"path":"$.Payload.OpportunityInvitation.Project.ExpectedCustomerSpend[*].Amount","kind":"pattern","pattern":"^((0|([1-9][0-9]{0,30}))(\\.[0-9]{0,2})?)?$"},
    {"path":"$.Payload.OpportunityInvitation.Project.ExpectedCustomerSpend[*].CurrencyCode","kind":"required"},
    {"path":"$.Payload.OpportunityInvitation.Project.ExpectedCustomerSpend[*].CurrencyCode","kind":"enum","enumShape":"CurrencyCode"},
    {"path":"$.Payload.OpportunityInvitation.Project.ExpectedCustomerSpend[*].Frequency","kind":"required"},
    {"path":"$.Payload.OpportunityInvitation.Project.ExpectedCustomerSpend[*].Frequency","kind":"enum","enumShape":"PaymentFrequency"},
    {"path":"$.Payload.OpportunityInvitation.Project.ExpectedCustomerSpend[*].TargetCompany","kind":"required"},
    {"path":"$.Payload.OpportunityInvitation.Project.ExpectedCustomerSpend[*].TargetCompany","kind":"pattern","pattern":"^(?s).{1,80}$"},
    {"path":"$.Payload.OpportunityInvitation.Project.ExpectedCustomerSpend[*].EstimationUrl","kind":"pattern","pattern":"^https://(calculator\\.aws|pricing\\.calculator\\.aws\\.eu)/#/estimate\\?id=[a-f0-9]{32,64}$"},
    {"path":"$.Payload.LeadInvitation.Customer","kind":"required"},
    {"path":"$.Payload.LeadInvitation.Customer.Industry","kind":"enum","enumShape":"Industry"},
    {"path":"$.Payload.LeadInvitation.Customer.CompanyName","kind":"required"},
    {"path":"$.Payload.LeadInvitation.Customer.CompanyName","kind":"pattern","pattern":"^(?s).{1,120}$"},
    {"path":"$.Payload.LeadInvitation.Customer.WebsiteUrl","kind":"pattern","pattern":"^(?=.{4,255}$)((http|https)://)??(www[.])??([a-zA-Z0-9]|-)+?([.][a-zA-Z0-9(-|/|=|?)??]+?)+?$"},
    {"path":"$.Payload.LeadInvitation.Customer.CountryCode","kind":"required"},
    {"path":"$.Payload.LeadInvitation.Customer.CountryCode","kind":"enum","enumShape":"CountryCode"},
    {"path":"$.Payload.LeadInvitation.Customer.AwsMaturity","kind":"pattern","pattern":"^(?s).{1,20}$"},
    {"path":"$.Payload.LeadInvitation.Customer.MarketSegment","kind":"enum","enumShape":"MarketSegment"},
    {"path":"$.Payload.LeadInvitation.Interaction","kind":"required"},
    {"path":"$.Payload.LeadInvitation.Interaction.SourceType","kind":"required"},
    {"path":"$.Payload.LeadInvitation.Interaction.SourceType","kind":"pattern","pattern":"^(?s).{1,255}$"},
    {"path":"$.Payload.LeadInvitation.Interaction.SourceId","kind":"required"},
    {"path":"$.Payload.LeadInvitation.Interaction.SourceId","kind":"pattern","pattern":"^(?s).{1,255}$"},
    {"path":"$.Payload.LeadInvitation.Interaction.SourceName","kind":"required"},
    {"path":"$.Payload.LeadInvitation.Interaction.SourceName","kind":"pattern","pattern":"^(?s).{1,255}$"},
    {"path":"$.Payload.LeadInvitation.Interaction.Usecase","kind":"pattern","pattern":"^(?s).{1,255}$"},
    {"path":"$.Payload.LeadInvitation.Interaction.ContactBusinessTitle","kind":"required"},
    {"path":"$.Payload.LeadInvitation.Interaction.ContactBusinessTitle","kind":"pattern","pattern":"^(?s).{0,80}$"},
    {"path":"$.InvitationMessage","kind":"pattern","pattern":"^(?s).{1,255}$"},
    {"path":"$.EngagementDescription","kind":"pattern","pattern":"^(?s).{0,255}$"},
    {"path":"$.ExistingMembers[*].CompanyName","kind":"pattern","pattern":"^(?s).{1,120}$"},
  ],
  ListEngagementInvitations: [
    {"path":"$.EngagementInvitationSummaries[*].PayloadType","kind":"enum","enumShape":"EngagementInvitationPayloadType"},
    {"path":"$.EngagementInvitationSummaries[*].Id","kind":"required"},
    {"path":"$.EngagementInvitationSummaries[*].Id","kind":"pattern","pattern":"^(?=.{1,255}$)(arn:.*|engi-[0-9a-z]{13})$"},
    {"path":"$.EngagementInvitationSummaries[*].EngagementId","kind":"pattern","pattern":"^eng-[0-9a-z]{14}$"},
    {"path":"$.EngagementInvitationSummaries[*].EngagementTitle","kind":"pattern","pattern":"^(?s).{1,40}$"},
    {"path":"$.EngagementInvitationSummaries[*].Status","kind":"enum","enumShape":"InvitationStatus"},
    {"path":"$.EngagementInvitationSummaries[*].InvitationDate","kind":"timestamp","format":"date-time"},
    {"path":"$.EngagementInvitationSummaries[*].ExpirationDate","kind":"timestamp","format":"date-time"},
    {"path":"$.EngagementInvitationSummaries[*].SenderAwsAccountId","kind":"pattern","pattern":"^([0-9]{12}|\\w{1,12})$"},
    {"path":"$.EngagementInvitationSummaries[*].SenderCompanyName","kind":"pattern","pattern":"^(?s).{0,120}$"},
    {"path":"$.EngagementInvitationSummaries[*].Receiver","kind":"union","members":["Account"]},
    {"path":"$.EngagementInvitationSummaries[*].Receiver.Account.Alias","kind":"pattern","pattern":"^(?s).{0,80}$"},
    {"path":"$.EngagementInvitationSummaries[*].Receiver.Account.AwsAccountId","kind":"required"},
    {"path":"$.EngagementInvitationSummaries[*].Receiver.Account.AwsAccountId","kind":"pattern","pattern":"^([0-9]{12}|\\w{1,12})$"},
    {"path":"$.EngagementInvitationSummaries[*].Catalog","kind":"required"},
    {"path":"$.EngagementInvitationSummaries[*].Catalog","kind":"pattern","pattern":"^[a-zA-Z]+$"},
    {"path":"$.EngagementInvitationSummaries[*].ParticipantType","kind":"enum","enumShape":"ParticipantType"},
  ],
  GetAwsOpportunitySummary: [
    {"path":"$.RelatedOpportunityId","kind":"pattern","pattern":"^O[0-9]{1,19}$"},
    {"path":"$.Origin","kind":"enum","enumShape":"OpportunityOrigin"},
    {"path":"$.InvolvementType","kind":"enum","enumShape":"SalesInvolvementType"},
    {"path":"$.Visibility","kind":"enum","enumShape":"Visibility"},
    {"path":"$.LifeCycle.TargetCloseDate","kind":"pattern","pattern":"^[1-9][0-9]{3}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$"},
    {"path":"$.LifeCycle.ClosedLostReason","kind":"enum","enumShape":"AwsClosedLostReason"},
    {"path":"$.LifeCycle.Stage","kind":"enum","enumShape":"AwsOpportunityStage"},
    {"path":"$.LifeCycle.NextSteps","kind":"pattern","pattern":"^(?s).{0,255}$"},
    {"path":"$.LifeCycle.NextStepsHistory","kind":"length","max":50},
    {"path":"$.LifeCycle.NextStepsHistory[*].Value","kind":"required"},
    {"path":"$.LifeCycle.NextStepsHistory[*].Time","kind":"required"},
    {"path":"$.LifeCycle.NextStepsHistory[*].Time","kind":"timestamp","format":"date-time"},
    {"path":"$.OpportunityTeam[*].Email","kind":"pattern","pattern":"^(?=.{0,80}$)[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$"},
    {"path":"$.OpportunityTeam[*].FirstName","kind":"pattern","pattern":"^(?s).{0,80}$"},
    {"path":"$.OpportunityTeam[*].LastName","kind":"pattern","pattern":"^(?s).{0,80}$"},
    {"path":"$.OpportunityTeam[*].BusinessTitle","kind":"enum","enumShape":"AwsMemberBusinessTitle"},
    {"path":"$.Insights.EngagementScore","kind":"enum","enumShape":"EngagementScore"},
    {"path":"$.Insights.AwsProductsSpendInsightsBySource.Partner.CurrencyCode","kind":"required"},
    {"path":"$.Insights.AwsProductsSpendInsightsBySource.Partner.CurrencyCode","kind":"enum","enumShape":"CurrencyCode"},
    {"path":"$.Insights.AwsProductsSpendInsightsBySource.Partner.Frequency","kind":"required"},
    {"path":"$.Insights.AwsProductsSpendInsightsBySource.Partner.Frequency","kind":"enum","enumShape":"PaymentFrequency"},
    {"path":"$.Insights.AwsProductsSpendInsightsBySource.Partner.TotalAmount","kind":"pattern","pattern":"^(0|([1-9][0-9]{0,30}))(\\.[0-9]{0,2})?$"},
    {"path":"$.Insights.AwsProductsSpendInsightsBySource.Partner.TotalOptimizedAmount","kind":"pattern","pattern":"^(0|([1-9][0-9]{0,30}))(\\.[0-9]{0,2})?$"},
    {"path":"$.Insights.AwsProductsSpendInsightsBySource.Partner.TotalPotentialSavingsAmount","kind":"pattern","pattern":"^(0|([1-9][0-9]{0,30}))(\\.[0-9]{0,2})?$"},
    {"path":"$.Insights.AwsProductsSpendInsightsBySource.Partner.TotalAmountByCategory","kind":"required"},
    {"path":"$.Insights.AwsProductsSpendInsightsBySource.Partner.TotalAmountByCategory.*","kind":"pattern","pattern":"^(0|([1-9][0-9]{0,30}))(\\.[0-9]{0,2})?$"},
    {"path":"$.Insights.AwsProductsSpendInsightsBySource.Partner.AwsProducts","kind":"required"},
    {"path":"$.Insights.AwsProductsSpendInsightsBySource.Partner.AwsProducts","kind":"length","min":0,"max":100},
    {"path":"$.Insights.AwsProductsSpendInsightsBySource.Partner.AwsProducts[*].ProductCode","kind":"required"},
    {"path":"$.Insights.AwsProductsSpendInsightsBySource.Partner.AwsProducts[*].Categories","kind":"required"},
    {"path":"$.Insights.AwsProductsSpendInsightsBySource.Partner.AwsProducts[*].Categories","kind":"length","min":0,"max":20},
    {"path":"$.Insights.AwsProductsSpendInsightsBySource.Partner.AwsProducts[*].Amount","kind":"pattern","pattern":"^(0|([1-9][0-9]{0,30}))(\\.[0-9]{0,2})?$"},
    {"path":"$.Insights.AwsProductsSpendInsightsBySource.Partner.AwsProducts[*].OptimizedAmount","kind":"pattern","pattern":"^(0|([1-9][0-9]{0,30}))(\\.[0-9]{0,2})?$"},
    {"path":"$.Insights.AwsProductsSpendInsightsBySource.Partner.AwsProducts[*].PotentialSavingsAmount","kind":"pattern","pattern":"^(0|([1-9][0-9]{0,30}))(\\.[0-9]{0,2})?$"},
    {"path":"$.Insights.AwsProductsSpendInsightsBySource.Partner.AwsProducts[*].Optimizations","kind":"required"},
    {"path":"$.Insights.AwsProductsSpendInsightsBySource.Partner.AwsProducts[*].Optimizations","kind":"length","min":0,"max":10},
    {"path":"$.Insights.AwsProductsSpendInsightsBySource.Partner.AwsProducts[*].Optimizations[*].Description","kind":"required"},
    {"path":"$.Insights.AwsProductsSpendInsightsBySource.Partner.AwsProducts[*].Optimizations[*].SavingsAmount","kind":"required"},
    {"path":"$.Insights.AwsProductsSpendInsightsBySource.Partner.AwsProducts[*].Optimizations[*].SavingsAmount","kind":"pattern","pattern":"^(0|([1-9][0-9]{0,30}))(\\.[0-9]{0,2})?$"},
    {"path":"$.Insights.AwsProductsSpendInsightsBySource.AWS.CurrencyCode","kind":"required"},
    {"path":"$.Insights.AwsProductsSpendInsightsBySource.AWS.CurrencyCode","kind":"enum","enumShape":"CurrencyCode"},
    {"path":"$.Insights.AwsProductsSpendInsightsBySource.AWS.Frequency","kind":"required"},
    {"path":"$.Insights.AwsProductsSpendInsightsBySource.AWS.Frequency","kind":"enum","enumShape":"PaymentFrequency"},
    {"path":"$.Insights.AwsProductsSpendInsightsBySource.AWS.TotalAmount","kind":"pattern","pattern":"^(0|([1-9][0-9]{0,30}))(\\.[0-9]{0,2})?$"},
    {"path":"$.Insights.AwsProductsSpendInsightsBySource.AWS.TotalOptimizedAmount","kind":"pattern","pattern":"^(0|([1-9][0-9]{0,30}))(\\.[0-9]{0,2})?$"},
    {"path":"$.Insights.AwsProductsSpendInsightsBySource.AWS.TotalPotentialSavingsAmount","kind":"pattern","pattern":"^(0|([1-9][0-9]{0,30}))(\\.[0-9]{0,2})?$"},
    {"path":"$.Insights.AwsProductsSpendInsightsBySource.AWS.TotalAmountByCategory","kind":"required"},
    {"path":"$.Insights.AwsProductsSpendInsightsBySource.AWS.TotalAmountByCategory.*","kind":"pattern","pattern":"^(0|([1-9][0-9]{0,30}))(\\.[0-9]{0,2})?$"},
    {"path":"$.Insights.AwsProductsSpendInsightsBySource.AWS.AwsProducts","kind":"required"},
    {"path":"$.Insights.AwsProductsSpendInsightsBySource.AWS.AwsProducts","kind":"length","min":0,"max":100},
    {"path":"$.Insights.AwsProductsSpendInsightsBySource.AWS.AwsProducts[*].ProductCode","kind":"required"},
    {"path":"$.Insights.AwsProductsSpendInsightsBySource.AWS.AwsProducts[*].Categories","kind":"required"},
    {"path":"$.Insights.AwsProductsSpendInsightsBySource.AWS.AwsProducts[*].Categories","kind":"length","min":0,"max":20},
    {"path":"$.Insights.AwsProductsSpendInsightsBySource.AWS.AwsProducts[*].Amount","kind":"pattern","pattern":"^(0|([1-9][0-9]{0,30}))(\\.[0-9]{0,2})?$"},
    {"path":"$.Insights.AwsProductsSpendInsightsBySource.AWS.AwsProducts[*].OptimizedAmount","kind":"pattern","pattern":"^(0|([1-9][0-9]{0,30}))(\\.[0-9]{0,2})?$"},
    {"path":"$.Insights.AwsProductsSpendInsightsBySource.AWS.AwsProducts[*].PotentialSavingsAmount","kind":"pattern","pattern":"^(0|([1-9][0-9]{0,30}))(\\.[0-9]{0,2})?$"},
    {"path":"$.Insights.AwsProductsSpendInsightsBySource.AWS.AwsProducts[*].Optimizations","kind":"required"},
    {"path":"$.Insights.AwsProductsSpendInsightsBySource.AWS.AwsProducts[*].Optimizations","kind":"length","min":0,"max":10},
    {"path":"$.Insights.AwsProductsSpendInsightsBySource.AWS.AwsProducts[*].Optimizations[*].Description","kind":"required"},
    {"path":"$.Insights.AwsProductsSpendInsightsBySource.AWS.AwsProducts[*].Optimizations[*].SavingsAmount","kind":"required"},
    {"path":"$.Insights.AwsProductsSpendInsightsBySource.AWS.AwsProducts[*].Optimizations[*].SavingsAmount","kind":"pattern","pattern":"^(0|([1-9][0-9]{0,30}))(\\.[0-9]{0,2})?$"},
    {"path":"$.InvolvementTypeChangeReason","kind":"enum","enumShape":"InvolvementTypeChangeReason"},
    {"path":"$.RelatedEntityIds.Solutions[*]","kind":"pattern","pattern":"^S-[0-9]{1,19}$"},
    {"path":"$.Customer.Contacts[*].Email","kind":"pattern","pattern":"^(?=.{0,80}$)[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$"},
    {"path":"$.Customer.Contacts[*].FirstName","kind":"pattern","pattern":"^(?s).{0,80}$"},
    {"path":"$.Customer.Contacts[*].LastName","kind":"pattern","pattern":"^(?s).{0,80}$"},
    {"path":"$.Customer.Contacts[*].BusinessTitle","kind":"pattern","pattern":"^(?s).{0,80}$"},
    {"path":"$.Customer.Contacts[*].Phone","kind":"pattern","pattern":"^\\+[1-9]\\d{1,14}$"},
    {"path":"$.Project.ExpectedCustomerSpend","kind":"length","min":0,"max":10},
    {"path":"$.Project.ExpectedCustomerSpend[*].Amount","kind":"pattern","pattern":"^((0|([1-9][0-9]{0,30}))(\\.[0-9]{0,2})?)?$"},
    {"path":"$.Project.ExpectedCustomerSpend[*].CurrencyCode","kind":"required"},
    {"path":"$.Project.ExpectedCustomerSpend[*].CurrencyCode","kind":"enum","enumShape":"CurrencyCode"},
    {"path":"$.Project.ExpectedCustomerSpend[*].Frequency","kind":"required"},
    {"path":"$.Project.ExpectedCustomerSpend[*].Frequency","kind":"enum","enumShape":"PaymentFrequency"},
    {"path":"$.Project.ExpectedCustomerSpend[*].TargetCompany","kind":"required"},
    {"path":"$.Project.ExpectedCustomerSpend[*].TargetCompany","kind":"pattern","pattern":"^(?s).{1,80}$"},
    {"path":"$.Project.ExpectedCustomerSpend[*].EstimationUrl","kind":"pattern","pattern":"^https://(calculator\\.aws|pricing\\.calculator\\.aws\\.eu)/#/estimate\\?id=[a-f0-9]{32,64}$"},
    {"path":"$.Project.AwsPartition","kind":"enum","enumShape":"AwsPartition"},
    {"path":"$.Catalog","kind":"required"},
    {"path":"$.Catalog","kind":"pattern","pattern":"^[a-zA-Z]+$"},
  ],
};
