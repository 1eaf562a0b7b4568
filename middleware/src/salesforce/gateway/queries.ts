// The SOQL the gateway sends, built from the field tables so every query reads only the fields the
// Integration permission set grants.
import {
  ENGAGEMENT_FIELDS,
  ENGAGEMENT_OBJECT,
  OPPORTUNITY_FIELDS,
  REFERRAL_FIELDS,
  REFERRAL_OBJECT,
} from '../../core/salesforce-fields.js';
import { REFERRAL_KEY_FIELD } from '../../core/salesforce-keys.js';
import { OPPORTUNITY_COLUMNS } from '../opportunity-columns.js';
import { currencyAware, opportunitySelect, soqlDateTime, soqlString } from '../soql.js';

export interface OpportunityQueryOptions {
  /** Orgs without multiple currencies have no CurrencyIsoCode field; the gateway then assumes the corporate one. */
  multiCurrency: boolean;
}

/** Every Opportunity field, every engagement and contact role, and the stamp the cursor follows. */
function gatewaySelect(options: OpportunityQueryOptions): string {
  const columns = OPPORTUNITY_COLUMNS.map(({ column }) => column);
  return opportunitySelect({
    columns: [...currencyAware(columns, options.multiCurrency), 'SystemModstamp'],
    contactRoles: true,
  });
}

/** Co-sell opportunities (at least one cloud tagged) changed at or after the cursor, oldest first. */
export function changedOpportunitiesQuery(
  since: Date | null,
  options: OpportunityQueryOptions,
): string {
  const where = [`${OPPORTUNITY_FIELDS['coSell.clouds']} != null`];
  if (since) where.push(`SystemModstamp >= ${soqlDateTime(since)}`);
  return `${gatewaySelect(options)} WHERE ${where.join(' AND ')} ORDER BY SystemModstamp ASC, Id ASC`;
}

/** Opportunities by Id (re-read after one of their engagements changed). */
export function opportunitiesByIdQuery(
  ids: readonly string[],
  options: OpportunityQueryOptions,
): string {
  return `${gatewaySelect(options)} WHERE Id IN (${ids.map(soqlString).join(', ')})`;
}

/** Engagements changed at or after the cursor: a requested action is a change on the engagement, not its Opportunity. */
export function changedEngagementsQuery(since: Date | null): string {
  const where = since ? ` WHERE SystemModstamp >= ${soqlDateTime(since)}` : '';
  return `SELECT Id, ${ENGAGEMENT_FIELDS.opportunityId}, ${ENGAGEMENT_FIELDS.requestedAction}, SystemModstamp FROM ${ENGAGEMENT_OBJECT}${where} ORDER BY SystemModstamp ASC, Id ASC`;
}

/** Referral fields the intake needs to act on a request. */
export const REFERRAL_REQUEST_COLUMNS = [
  REFERRAL_FIELDS.id,
  REFERRAL_KEY_FIELD,
  REFERRAL_FIELDS.cloud,
  REFERRAL_FIELDS.portalId,
  REFERRAL_FIELDS.requestedAction,
  REFERRAL_FIELDS.declineReason,
  REFERRAL_FIELDS.feedback,
  REFERRAL_FIELDS.ownerId,
  REFERRAL_FIELDS.triageStatus,
  REFERRAL_FIELDS.opportunityId,
  REFERRAL_FIELDS.sourceLayer,
  'SystemModstamp',
] as const;

/**
 * Referrals carrying a requested action (Accept | Decline | Assign). No cursor: a request stays on
 * the record until the gateway has handed it to the engine and cleared it, so this set is small and
 * re-reading it is what makes a crash between "recorded" and "cleared" harmless.
 */
export function referralRequestsQuery(): string {
  return `SELECT ${REFERRAL_REQUEST_COLUMNS.join(', ')} FROM ${REFERRAL_OBJECT} WHERE ${REFERRAL_FIELDS.requestedAction} != null ORDER BY SystemModstamp ASC, Id ASC`;
}

/** Queues by developer name, for the owner a triage rule names. */
export function queuesQuery(developerNames: readonly string[]): string {
  return `SELECT Id, DeveloperName FROM Group WHERE Type = 'Queue' AND DeveloperName IN (${developerNames.map(soqlString).join(', ')})`;
}
