// What a sales rep sees for each canonical field on the Opportunity page, so a finding says
// "Close Date" and "Billing Country on the Account" rather than an API name alone.
import {
  CONTACT_FIELDS,
  OPPORTUNITY_FIELDS,
  type OpportunityPath,
} from '../../core/salesforce-fields.js';

const OPPORTUNITY_LABELS: Record<OpportunityPath, string> = {
  id: 'Opportunity ID',
  name: 'Opportunity Name',
  amount: 'Amount',
  currencyIsoCode: 'Opportunity Currency',
  stageName: 'Stage',
  probability: 'Probability (%)',
  isClosed: 'Closed',
  isWon: 'Won',
  closeDate: 'Close Date',
  createdDate: 'Created Date',
  lastModifiedDate: 'Last Modified Date',
  description: 'Description',
  nextStep: 'Next Step',
  type: 'Type',
  ownerId: 'Opportunity Owner',
  ownerName: 'Opportunity Owner',
  ownerEmail: "Opportunity Owner's email",
  'account.id': 'Account Name',
  'account.name': 'Account Name',
  'account.website': 'Website on the Account',
  'account.industry': 'Industry on the Account',
  'account.billingStreet': 'Billing Street on the Account',
  'account.billingCity': 'Billing City on the Account',
  'account.billingState': 'Billing State/Province on the Account',
  'account.billingPostalCode': 'Billing Zip/Postal Code on the Account',
  'account.billingCountry': 'Billing Country on the Account',
  'coSell.clouds': 'Co-Sell Clouds',
  'coSell.origin': 'Co-Sell Origin',
  'coSell.originatingCloud': 'Originating Cloud',
  'coSell.attribution': 'Co-Sell Attribution',
  'coSell.helpNeeded': 'Co-Sell Help Needed',
  'coSell.helpDetails': 'Co-Sell Help Details',
  'coSell.marketplaceRoute': 'Marketplace Route',
  'coSell.commitDrawdown': 'Commit Drawdown',
  'coSell.tenancyArchetype': 'Tenancy Archetype',
  'coSell.expectedMonthlySpend': 'Expected Monthly Cloud Spend',
  'coSell.useCase': 'Co-Sell Use Case',
};

const CONTACT_LABELS: Record<keyof typeof CONTACT_FIELDS, string> = {
  id: 'Contact',
  firstName: 'First Name',
  lastName: 'Last Name',
  email: 'Email',
  phone: 'Phone',
  title: 'Title',
  role: 'Contact Role',
};

export type SalesforceField = { apiName: string; label: string };

export function opportunityField(path: string): SalesforceField {
  const key = path as OpportunityPath;
  return { apiName: OPPORTUNITY_FIELDS[key], label: OPPORTUNITY_LABELS[key] };
}

/** A contact field as reached from the Opportunity: `Contact.Email`, `OpportunityContactRole.Role`. */
export function contactField(path: string): SalesforceField {
  const key = path as keyof typeof CONTACT_FIELDS;
  const apiName: string = CONTACT_FIELDS[key];
  return {
    apiName: apiName.includes('.') ? apiName : `Contact.${apiName}`,
    label: `${CONTACT_LABELS[key]} of the contact`,
  };
}
