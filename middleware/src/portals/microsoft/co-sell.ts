// What makes a Microsoft referral a co-sell deal and how it links to Salesforce and to Microsoft's side:
// the ask in `inviteContext`, the shared `engagementId`, and `externalReferenceId` = the Opportunity Id.
import { SalesforceId } from '../../core/model.js';
import { ReferralGuid, type AssistanceRequestCode } from './schema.js';

/** Salesforce key prefix of Opportunity records. */
const OPPORTUNITY_KEY_PREFIX = '006';
/** `inviteContext.invitedBy.organizationId` meaning Microsoft itself. */
export const MICROSOFT_ORGANIZATION_ID = 'msft';

interface ReferralLike {
  type?: string | null;
  qualification?: string | null;
  externalReferenceId?: string | null;
  engagementId?: string | null;
  inviteContext?: {
    notes?: string | null;
    assistanceRequestCode?: string | null;
    invitedBy?: { organizationId?: string | null } | null;
  } | null;
}

/** True when the referral asks Microsoft for help (any assistance code other than Unknown). */
export function hasCoSellAsk(referral: ReferralLike): boolean {
  const code = referral.inviteContext?.assistanceRequestCode;
  return Boolean(code) && code !== 'Unknown';
}

/** Returns a copy of the body carrying the co-sell ask; the notes are what the Microsoft seller reads. */
export function withCoSellAsk<T extends object>(
  body: T,
  ask: { code: Exclude<AssistanceRequestCode, 'Unknown'>; notes: string },
): T {
  const current = (body as ReferralLike).inviteContext ?? {};
  return {
    ...body,
    inviteContext: { ...current, assistanceRequestCode: ask.code, notes: ask.notes },
  };
}

export type ReferralCategory = 'Marketplace lead' | 'Qualified lead' | 'Co-sell opportunity';

/**
 * Partner Center's own classification by type × qualification × inviter. `ownOrganizationIds` are the
 * partner's tenant id and any partner org that may invite it; null when no documented row matches.
 */
export function referralCategory(
  referral: ReferralLike,
  ownOrganizationIds: readonly string[] = [],
): ReferralCategory | null {
  const invitedBy = referral.inviteContext?.invitedBy?.organizationId ?? null;
  if (
    referral.type === 'Independent' &&
    referral.qualification === 'Direct' &&
    (invitedBy === null || invitedBy === MICROSOFT_ORGANIZATION_ID)
  ) {
    return 'Marketplace lead';
  }
  const salesOrMarketing =
    referral.qualification === 'SalesQualified' || referral.qualification === 'MarketingQualified';
  if (
    referral.type === 'Independent' &&
    salesOrMarketing &&
    invitedBy === MICROSOFT_ORGANIZATION_ID
  )
    return 'Qualified lead';
  const coSellQualification =
    referral.qualification === 'SalesQualified' ||
    referral.qualification === 'None' ||
    !referral.qualification;
  if (coSellQualification && invitedBy !== null && ownOrganizationIds.includes(invitedBy))
    return 'Co-sell opportunity';
  return null;
}

/** The OData filter that lists every referral of one engagement (ours and Microsoft's side). */
export function relatedReferralsFilter(engagementId: string): string {
  if (!ReferralGuid.safeParse(engagementId).success) {
    throw new Error(
      `engagementId "${engagementId}" is not a GUID; Partner Center engagement ids are GUIDs`,
    );
  }
  return `engagementId eq '${engagementId}'`;
}

/** True when two referrals belong to the same co-sell engagement. */
export function sameEngagement(a: ReferralLike, b: ReferralLike): boolean {
  return Boolean(a.engagementId) && a.engagementId?.toLowerCase() === b.engagementId?.toLowerCase();
}

/** Why a value cannot be a Salesforce Opportunity Id, or null when it can. */
export function opportunityIdProblem(value: string): string | null {
  if (!SalesforceId.safeParse(value).success) return 'is not a 15 or 18 character Salesforce Id';
  if (!value.startsWith(OPPORTUNITY_KEY_PREFIX))
    return `is not an Opportunity Id (those start with ${OPPORTUNITY_KEY_PREFIX})`;
  return null;
}

/** The Salesforce Opportunity a referral is linked to, or null when `externalReferenceId` is not one. */
export function opportunityIdOf(referral: ReferralLike): string | null {
  const value = referral.externalReferenceId?.trim();
  return value && opportunityIdProblem(value) === null ? value : null;
}

/** Returns a copy of the body linked to the Salesforce Opportunity; refuses anything but an Opportunity Id. */
export function withOpportunityId<T extends object>(body: T, opportunityId: string): T {
  const problem = opportunityIdProblem(opportunityId);
  if (problem) throw new Error(`externalReferenceId "${opportunityId}" ${problem}`);
  return { ...body, externalReferenceId: opportunityId };
}
