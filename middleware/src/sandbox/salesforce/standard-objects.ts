// The standard objects and fields the product, its components and the `sf` CLI touch, as a fresh
// org defines them (types, lengths, required, references); force-app's custom fields are added on top.
import type { FieldSchema, FieldType, ObjectSchema } from './org-schema.js';

type Extra = Partial<FieldSchema>;

export function field(
  name: string,
  label: string,
  type: FieldType,
  extra: Extra = {},
): FieldSchema {
  return { name, label, type, required: false, calculated: false, custom: false, ...extra };
}

const str = (name: string, label: string, length: number, extra: Extra = {}) =>
  field(name, label, 'string', { length, ...extra });
const ref = (
  name: string,
  label: string,
  to: string[],
  relationshipName: string,
  extra: Extra = {},
) => field(name, label, 'reference', { length: 18, referenceTo: to, relationshipName, ...extra });
const pick = (name: string, label: string, values: string[], extra: Extra = {}) =>
  field(name, label, 'picklist', {
    length: 255,
    picklist: {
      restricted: false,
      values: values.map((value) => ({ value, label: value, default: false })),
    },
    ...extra,
  });
const sys = (name: string, label: string, type: FieldType, extra: Extra = {}) =>
  field(name, label, type, { system: true, alwaysAccessible: true, ...extra });

/** Id, audit stamps and (optionally) OwnerId: the platform sets all but OwnerId. */
export function auditFields(owned: boolean): FieldSchema[] {
  return [
    sys('Id', 'Record ID', 'id', { length: 18 }),
    ...(owned
      ? [ref('OwnerId', 'Owner ID', ['User', 'Group'], 'Owner', { alwaysAccessible: true })]
      : []),
    sys('IsDeleted', 'Deleted', 'boolean'),
    sys('CreatedDate', 'Created Date', 'datetime'),
    sys('CreatedById', 'Created By ID', 'reference', {
      referenceTo: ['User'],
      relationshipName: 'CreatedBy',
      length: 18,
    }),
    sys('LastModifiedDate', 'Last Modified Date', 'datetime'),
    sys('LastModifiedById', 'Last Modified By ID', 'reference', {
      referenceTo: ['User'],
      relationshipName: 'LastModifiedBy',
      length: 18,
    }),
    sys('SystemModstamp', 'System Modstamp', 'datetime'),
  ];
}

const STAGES = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Value Proposition',
  'Id. Decision Makers',
  'Perception Analysis',
  'Proposal',
  'Proposal/Price Quote',
  'Negotiation/Review',
  'Closed Won',
  'Closed Lost',
];

/** The org is multi-currency (as the product supports): every record carries its currency. */
export const CURRENCY_CODES = ['USD', 'EUR', 'GBP', 'JPY', 'AUD', 'CAD', 'INR'];

/** An object schema with its fields indexed by name and by lower-case name (SOQL names are case-insensitive). */
export function buildObject(
  definition: Omit<ObjectSchema, 'fieldNames' | 'fields'> & { fields: FieldSchema[] },
): ObjectSchema {
  const fields = new Map(definition.fields.map((field) => [field.name, field]));
  return {
    ...definition,
    fields,
    fieldNames: new Map([...fields.keys()].map((name) => [name.toLowerCase(), name])),
  };
}

export function currencyField(label: string): FieldSchema {
  return pick('CurrencyIsoCode', label, CURRENCY_CODES, {
    length: 3,
    alwaysAccessible: true,
    picklist: {
      restricted: true,
      values: CURRENCY_CODES.map((value) => ({ value, label: value, default: value === 'USD' })),
    },
  });
}

export const STANDARD_OBJECTS: ObjectSchema[] = [
  buildObject({
    name: 'Opportunity',
    label: 'Opportunity',
    labelPlural: 'Opportunities',
    keyPrefix: '006',
    custom: false,
    // The package does not set the org-wide default; Private is the safe reading.
    sharingModel: 'Private',
    fields: [
      ...auditFields(true),
      str('Name', 'Name', 120, { required: true, alwaysAccessible: true }),
      ref('AccountId', 'Account ID', ['Account'], 'Account', {
        childRelationshipName: 'Opportunities',
      }),
      field('Amount', 'Amount', 'currency', { precision: 18, scale: 2 }),
      field('CloseDate', 'Close Date', 'date', { required: true, alwaysAccessible: true }),
      pick('StageName', 'Stage', STAGES, { required: true, alwaysAccessible: true }),
      field('Probability', 'Probability (%)', 'percent', { precision: 3, scale: 0 }),
      field('IsClosed', 'Closed', 'boolean', { calculated: true, alwaysAccessible: true }),
      field('IsWon', 'Won', 'boolean', { calculated: true, alwaysAccessible: true }),
      field('Description', 'Description', 'textarea', { length: 32000 }),
      str('NextStep', 'Next Step', 255),
      pick('Type', 'Opportunity Type', [
        'Existing Customer - Upgrade',
        'Existing Customer - Replacement',
        'Existing Customer - Downgrade',
        'New Customer',
        'New Business',
      ]),
      pick('LeadSource', 'Lead Source', [
        'Web',
        'Phone Inquiry',
        'Partner Referral',
        'Purchased List',
        'Other',
      ]),
      pick('ForecastCategoryName', 'Forecast Category', [
        'Omitted',
        'Pipeline',
        'Best Case',
        'Commit',
        'Closed',
      ]),
      currencyField('Opportunity Currency'),
    ],
  }),
  buildObject({
    name: 'Account',
    label: 'Account',
    labelPlural: 'Accounts',
    keyPrefix: '001',
    custom: false,
    sharingModel: 'Read',
    fields: [
      ...auditFields(true),
      str('Name', 'Account Name', 255, { required: true, alwaysAccessible: true }),
      field('Website', 'Website', 'url', { length: 255 }),
      pick('Industry', 'Industry', [
        'Agriculture',
        'Banking',
        'Education',
        'Energy',
        'Financial Services',
        'Government',
        'Healthcare',
        'Manufacturing',
        'Media',
        'Retail',
        'Technology',
        'Telecommunications',
        'Other',
      ]),
      field('BillingStreet', 'Billing Street', 'textarea', {
        length: 255,
        compoundField: 'BillingAddress',
      }),
      str('BillingCity', 'Billing City', 40, { compoundField: 'BillingAddress' }),
      str('BillingState', 'Billing State/Province', 80, { compoundField: 'BillingAddress' }),
      str('BillingPostalCode', 'Billing Zip/Postal Code', 20, { compoundField: 'BillingAddress' }),
      str('BillingCountry', 'Billing Country', 80, { compoundField: 'BillingAddress' }),
      field('BillingAddress', 'Billing Address', 'address', { calculated: true }),
      field('Phone', 'Account Phone', 'phone', { length: 40 }),
      currencyField('Account Currency'),
    ],
  }),
  buildObject({
    name: 'Contact',
    label: 'Contact',
    labelPlural: 'Contacts',
    keyPrefix: '003',
    custom: false,
    sharingModel: 'ControlledByParent',
    fields: [
      ...auditFields(true),
      ref('AccountId', 'Account ID', ['Account'], 'Account', { childRelationshipName: 'Contacts' }),
      str('FirstName', 'First Name', 40, { alwaysAccessible: true }),
      str('LastName', 'Last Name', 80, { required: true, alwaysAccessible: true }),
      str('Name', 'Full Name', 121, { calculated: true, alwaysAccessible: true }),
      field('Email', 'Email', 'email', { length: 80 }),
      str('Title', 'Title', 128),
      field('Phone', 'Business Phone', 'phone', { length: 40 }),
    ],
  }),
  buildObject({
    name: 'OpportunityContactRole',
    label: 'Opportunity Contact Role',
    labelPlural: 'Opportunity Contact Role',
    keyPrefix: '00K',
    custom: false,
    sharingModel: 'ControlledByParent',
    fields: [
      ...auditFields(false),
      ref('OpportunityId', 'Opportunity ID', ['Opportunity'], 'Opportunity', {
        required: true,
        alwaysAccessible: true,
        childRelationshipName: 'OpportunityContactRoles',
      }),
      ref('ContactId', 'Contact ID', ['Contact'], 'Contact', {
        required: true,
        alwaysAccessible: true,
      }),
      pick(
        'Role',
        'Role',
        [
          'Business User',
          'Decision Maker',
          'Economic Buyer',
          'Economic Decision Maker',
          'Evaluator',
          'Executive Sponsor',
          'Influencer',
          'Technical Buyer',
          'Other',
        ],
        { alwaysAccessible: true },
      ),
      field('IsPrimary', 'Primary', 'boolean', { alwaysAccessible: true }),
    ],
  }),
  buildObject({
    name: 'User',
    label: 'User',
    labelPlural: 'Users',
    keyPrefix: '005',
    custom: false,
    sharingModel: 'Read',
    fields: [
      ...auditFields(false),
      str('Username', 'Username', 80, { required: true, alwaysAccessible: true }),
      str('FirstName', 'First Name', 40, { alwaysAccessible: true }),
      str('LastName', 'Last Name', 80, { required: true, alwaysAccessible: true }),
      str('Name', 'Full Name', 121, { calculated: true, alwaysAccessible: true }),
      field('Email', 'Email', 'email', { length: 128, required: true, alwaysAccessible: true }),
      field('IsActive', 'Active', 'boolean', { alwaysAccessible: true }),
      ref('ProfileId', 'Profile ID', ['Profile'], 'Profile', {
        required: true,
        alwaysAccessible: true,
      }),
      pick('UserType', 'User Type', ['Standard', 'PowerPartner', 'AutomatedProcess'], {
        calculated: true,
        alwaysAccessible: true,
      }),
      str('Alias', 'Alias', 8, { alwaysAccessible: true }),
      str('TimeZoneSidKey', 'Time Zone', 40, { alwaysAccessible: true }),
      str('LanguageLocaleKey', 'Language', 40, { alwaysAccessible: true }),
    ],
  }),
  buildObject({
    name: 'Group',
    label: 'Group',
    labelPlural: 'Groups',
    keyPrefix: '00G',
    custom: false,
    sharingModel: 'Read',
    fields: [
      ...auditFields(true),
      str('Name', 'Name', 40, { required: true, alwaysAccessible: true }),
      str('DeveloperName', 'Developer Name', 80, { alwaysAccessible: true }),
      pick('Type', 'Type', ['Regular', 'Role', 'Queue', 'Organization'], {
        required: true,
        alwaysAccessible: true,
      }),
      field('Email', 'Email', 'email', { length: 255, alwaysAccessible: true }),
    ],
  }),
  buildObject({
    name: 'QueueSobject',
    label: 'Queue Sobject',
    labelPlural: 'Queue Sobjects',
    keyPrefix: '03g',
    custom: false,
    sharingModel: 'Read',
    fields: [
      sys('Id', 'Record ID', 'id', { length: 18 }),
      ref('QueueId', 'Group ID', ['Group'], 'Queue', { required: true, alwaysAccessible: true }),
      pick(
        'SobjectType',
        'Sobject Type',
        ['Opportunity', 'CoSell_Referral__c', 'CoSell_Engagement__c'],
        { required: true, alwaysAccessible: true },
      ),
      sys('SystemModstamp', 'System Modstamp', 'datetime'),
    ],
  }),
  buildObject({
    name: 'Organization',
    label: 'Organization',
    labelPlural: 'Organizations',
    keyPrefix: '00D',
    custom: false,
    sharingModel: 'Read',
    fields: [
      sys('Id', 'Organization ID', 'id', { length: 18 }),
      str('Name', 'Name', 80, { alwaysAccessible: true }),
      str('InstanceName', 'Instance Name', 5, { alwaysAccessible: true }),
      field('IsSandbox', 'Is Sandbox', 'boolean', { alwaysAccessible: true }),
      field('TrialExpirationDate', 'Trial Expiration Date', 'datetime', { alwaysAccessible: true }),
      str('NamespacePrefix', 'Namespace Prefix', 15, { alwaysAccessible: true }),
      str('OrganizationType', 'Edition', 40, { alwaysAccessible: true }),
      str('DefaultLocaleSidKey', 'Locale', 40, { alwaysAccessible: true }),
    ],
  }),
];
