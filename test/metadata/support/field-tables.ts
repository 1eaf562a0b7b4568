// The field tables the metadata tests hold force-app against: the org's custom fields by `Object.Field`,
// and the standard fields the canonical tables name, split by whether field-level security guards them.
import { customFields, type FieldDefinition } from './force-app.js';

/**
 * Standard fields the tables name that need no package metadata: they exist in every org and are readable
 * by anyone who can read the object (no field-level security), so no permission set lists them.
 * CurrencyIsoCode exists only in multi-currency orgs; single-currency orgs report the corporate currency.
 */
export const ALWAYS_READABLE_STANDARD = new Set([
  'Opportunity.Id',
  'Opportunity.Name',
  'Opportunity.CurrencyIsoCode',
  'Opportunity.StageName',
  'Opportunity.IsClosed',
  'Opportunity.IsWon',
  'Opportunity.CloseDate',
  'Opportunity.CreatedDate',
  'Opportunity.LastModifiedDate',
  'Opportunity.OwnerId',
  'Opportunity.Owner.Name',
  'Opportunity.Owner.Email',
  'Opportunity.Account.Name',
  'Contact.Id',
  'Contact.FirstName',
  'Contact.LastName',
  'Contact.OpportunityContactRole.Role',
  'CoSell_Engagement__c.Id',
  'CoSell_Referral__c.Id',
  'CoSell_Referral__c.Name',
  'CoSell_Referral__c.CurrencyIsoCode',
  'CoSell_Referral__c.OwnerId',
  'CoSell_Counterpart__c.Id',
  'CoSell_Counterpart__c.Name',
  'CoSell_Metric__c.Id',
]);

/** Standard fields under field-level security: the integration permission set must grant read on them. */
export const STANDARD_WITH_FLS: Record<string, string> = {
  'Opportunity.AccountId': 'Opportunity.AccountId',
  'Opportunity.Amount': 'Opportunity.Amount',
  'Opportunity.Description': 'Opportunity.Description',
  'Opportunity.NextStep': 'Opportunity.NextStep',
  'Opportunity.Probability': 'Opportunity.Probability',
  'Opportunity.Type': 'Opportunity.Type',
  'Opportunity.Account.Website': 'Account.Website',
  'Opportunity.Account.Industry': 'Account.Industry',
  // The billing parts share one compound field's security.
  'Opportunity.Account.BillingStreet': 'Account.BillingAddress',
  'Opportunity.Account.BillingCity': 'Account.BillingAddress',
  'Opportunity.Account.BillingState': 'Account.BillingAddress',
  'Opportunity.Account.BillingPostalCode': 'Account.BillingAddress',
  'Opportunity.Account.BillingCountry': 'Account.BillingAddress',
  'Contact.Email': 'Contact.Email',
  'Contact.Phone': 'Contact.Phone',
  'Contact.Title': 'Contact.Title',
};

export const fields = customFields();

/** The force-app definition of `object.name`; throws when the package lacks it. */
export const field = (object: string, name: string): FieldDefinition => {
  const found = fields.get(`${object}.${name}`);
  if (!found) throw new Error(`${object}.${name} is not in force-app`);
  return found;
};
