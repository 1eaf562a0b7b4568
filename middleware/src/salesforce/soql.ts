// SOQL pieces every Salesforce reader shares: literals quoted the one safe way, and the Opportunity
// SELECT with its engagement and contact-role subqueries, built from the field tables.
import { OPPORTUNITY_FIELDS } from '../core/salesforce-fields.js';
import { CONTACT_COLUMNS, ENGAGEMENT_COLUMNS } from './opportunity-columns.js';

/** A SOQL string literal: backslashes and quotes escaped, so a value can never end the literal. */
export function soqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** SOQL datetime literals are unquoted ISO instants. */
export function soqlDateTime(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The child relationship of `CoSell_Engagement__c.Opportunity__c` (force-app relationshipName + `__r`). */
export const ENGAGEMENTS_RELATIONSHIP = 'CoSell_Engagements__r';
export const CONTACT_ROLES_RELATIONSHIP = 'OpportunityContactRoles';

/** The contact-role subquery's columns: the role first, then the contact's fields. */
const CONTACT_ROLE_COLUMNS = [
  ...CONTACT_COLUMNS.filter(({ path }) => path === 'role'),
  ...CONTACT_COLUMNS.filter(({ path }) => path !== 'role'),
].map(({ column }) => column);

export interface OpportunitySelectParts {
  /** Opportunity columns, parent fields as `Account.Name`. */
  columns: readonly string[];
  /** Engagement columns for the child subquery; every engagement field when absent. */
  engagementColumns?: readonly string[];
  contactRoles: boolean;
}

/** `SELECT ... FROM Opportunity`, with the engagements (and the contact roles when asked) as subqueries. */
export function opportunitySelect(parts: OpportunitySelectParts): string {
  const engagementColumns =
    parts.engagementColumns ?? ENGAGEMENT_COLUMNS.map(({ column }) => column);
  return [
    `SELECT ${parts.columns.join(', ')}`,
    `, (SELECT ${engagementColumns.join(', ')} FROM ${ENGAGEMENTS_RELATIONSHIP})`,
    parts.contactRoles
      ? `, (SELECT ${CONTACT_ROLE_COLUMNS.join(', ')} FROM ${CONTACT_ROLES_RELATIONSHIP})`
      : '',
    ' FROM Opportunity',
  ].join('');
}

/** The Opportunity columns without CurrencyIsoCode where the org has a single currency (no such field). */
export function currencyAware(columns: readonly string[], multiCurrency: boolean): string[] {
  return columns.filter((name) => multiCurrency || name !== OPPORTUNITY_FIELDS.currencyIsoCode);
}
