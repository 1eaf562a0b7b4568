// Account mapping end to end: both lists matched to Salesforce Accounts, weak matches held for
// review, and the joint pursuit list drawn from the overlap with owners and a next step each.
// The run date it records is readiness item 7 (core/readiness/checklist.ts).
import type { Cloud } from '../model.js';
import { CLOUD_VOCABULARY } from '../readiness/vocabulary.js';
import type { ListedAccount, RejectedListRow } from './account-lists.js';
import {
  DEFAULT_REVIEW_THRESHOLD,
  indexAccounts,
  type MatchBasis,
  type SalesforceAccountRecord,
} from './match.js';
import { FieldError } from '../field-error.js';

export interface ReviewDecision {
  /** The reviewKey of a match held for review. */
  reviewKey: string;
  /** The Account the person confirmed, or null to reject every candidate. */
  accountId: string | null;
}

export interface AccountMappingInput {
  cloud: Cloud;
  /** The run's date (passed in: the core never reads the clock); readiness item 7 reads it. */
  ranOn: string;
  hyperscalerAccounts: readonly ListedAccount[];
  targetAccounts: readonly ListedAccount[];
  salesforceAccounts: Iterable<SalesforceAccountRecord>;
  decisions?: readonly ReviewDecision[];
  reviewThreshold?: number;
  rejected?: readonly RejectedListRow[];
}

export type MatchStatus = 'matched' | 'confirmed' | 'review' | 'rejected' | 'unmatched';

export interface AccountMatch {
  list: ListedAccount['list'];
  row: number;
  name: string;
  domain: string | null;
  /** Stable across runs (list, name key and domain), so a review decision survives a re-export. */
  reviewKey: string;
  status: MatchStatus;
  basis: MatchBasis;
  confidence: number;
  /** The Account taken (matched or confirmed), else null. */
  accountId: string | null;
  /** Every candidate Account, for the reviewer. */
  candidates: Array<{ id: string; name: string; website: string | null }>;
}

export type PursuitRelationship = 'customer' | 'prospect' | 'not in Salesforce';

export interface JointPursuit {
  accountId: string | null;
  accountName: string;
  domain: string | null;
  cloud: Cloud;
  relationship: PursuitRelationship;
  onTargetList: boolean;
  /** The hyperscaler's account owner from its list, when it names one. */
  hyperscalerOwner: string | null;
  hyperscalerOwnerEmail: string | null;
  /** The ISV's owner: the Salesforce Account owner, else the target list's. */
  isvOwner: string | null;
  confidence: number;
  nextStep: string;
}

export interface AccountMappingResult {
  cloud: Cloud;
  ranOn: string;
  summary: {
    hyperscalerAccounts: number;
    targetAccounts: number;
    salesforceAccounts: number;
    matched: number;
    review: number;
    unmatched: number;
    rejectedRows: number;
    jointPursuits: number;
  };
  matches: AccountMatch[];
  review: AccountMatch[];
  pursuits: JointPursuit[];
  rejected: RejectedListRow[];
}

export class AccountMappingError extends FieldError {
  readonly code = 'INVALID_ACCOUNT_MAPPING';
}

export function reviewKey(account: Pick<ListedAccount, 'list' | 'nameKey' | 'domain'>): string {
  return `${account.list}:${account.nameKey ?? ''}@${account.domain ?? ''}`;
}

const COMMIT: Record<Cloud, string> = { AWS: 'EDP', Microsoft: 'MACC', Google: 'commit' };

/** Rule table for the next step: first row whose condition holds wins; each row says why. */
function nextStep(cloud: Cloud, pursuit: Omit<JointPursuit, 'nextStep'>): string {
  const partnerManager = `the ${cloud} ${CLOUD_VOCABULARY[cloud].partnerManager}`;
  const owner = pursuit.hyperscalerOwner
    ? `${pursuit.hyperscalerOwner} (${cloud} account owner)`
    : null;
  // Nobody to call at the hyperscaler: the PDM brokers the introduction, it does not source deals.
  if (!owner)
    return `Ask ${partnerManager} who owns ${pursuit.accountName} at ${cloud}, then request an introduction.`;
  if (pursuit.relationship === 'not in Salesforce')
    return `Create the Account in Salesforce, then ask ${owner} for a joint account plan.`;
  // Existing customers: the marketplace route draws down committed spend at renewal or expansion.
  if (pursuit.relationship === 'customer') {
    return `Plan the next renewal or expansion with ${owner}: offer a private offer on ${CLOUD_VOCABULARY[cloud].marketplace} that draws down the customer's ${COMMIT[cloud]}.`;
  }
  if (pursuit.onTargetList)
    return `Ask ${owner} for an introduction and agree a joint account plan.`;
  return `Decide with ${pursuit.isvOwner ?? 'the account owner'} whether to add it to the target list; ${owner} covers it.`;
}

const RELATIONSHIP_ORDER: Record<PursuitRelationship, number> = {
  prospect: 0,
  customer: 1,
  'not in Salesforce': 2,
};

export function mapAccounts(input: AccountMappingInput): AccountMappingResult {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.ranOn) || Number.isNaN(Date.parse(input.ranOn))) {
    throw new AccountMappingError('ranOn', `must be a date (YYYY-MM-DD), got "${input.ranOn}"`);
  }
  const threshold = input.reviewThreshold ?? DEFAULT_REVIEW_THRESHOLD;
  if (!(threshold > 0 && threshold <= 1))
    throw new AccountMappingError(
      'reviewThreshold',
      `must be above 0 and at most 1, got ${threshold}`,
    );
  const index = indexAccounts(input.salesforceAccounts);
  const decisions = new Map(
    (input.decisions ?? []).map((decision) => [decision.reviewKey, decision.accountId]),
  );

  const matchOne = (listed: ListedAccount): AccountMatch => {
    const candidate = index.lookup(listed.nameKey, listed.domain);
    const key = reviewKey(listed);
    const candidates = candidate.accountIds.map((id) => {
      const account = index.get(id)!;
      return { id, name: account.name, website: account.website };
    });
    const base = {
      list: listed.list,
      row: listed.row,
      name: listed.name,
      domain: listed.domain,
      reviewKey: key,
      basis: candidate.basis,
      confidence: candidate.confidence,
      candidates,
    };
    if (decisions.has(key)) {
      const chosen = decisions.get(key) ?? null;
      if (chosen === null) return { ...base, status: 'rejected', accountId: null };
      if (!index.get(chosen))
        throw new AccountMappingError(
          `decisions.${key}`,
          `Account ${chosen} is not among the Salesforce Accounts of this run`,
        );
      return { ...base, status: 'confirmed', accountId: chosen, confidence: 1 };
    }
    if (candidate.basis === 'none') return { ...base, status: 'unmatched', accountId: null };
    if (candidate.confidence >= threshold && candidate.accountIds.length === 1)
      return { ...base, status: 'matched', accountId: candidate.accountIds[0]! };
    return { ...base, status: 'review', accountId: null };
  };

  const hyperscalerMatches = input.hyperscalerAccounts.map(matchOne);
  const targetMatches = input.targetAccounts.map(matchOne);

  // Target-list entries not (yet) in Salesforce still overlap the hyperscaler's list by their keys.
  const hyperscalerByKey = new Map<string, ListedAccount>();
  input.hyperscalerAccounts.forEach((listed) => {
    if (listed.domain && !hyperscalerByKey.has(`d:${listed.domain}`))
      hyperscalerByKey.set(`d:${listed.domain}`, listed);
    if (listed.nameKey && !hyperscalerByKey.has(`n:${listed.nameKey}`))
      hyperscalerByKey.set(`n:${listed.nameKey}`, listed);
  });

  const targetByAccount = new Map<string, ListedAccount>();
  targetMatches.forEach((match, position) => {
    if (match.accountId) targetByAccount.set(match.accountId, input.targetAccounts[position]!);
  });

  const pursuits: JointPursuit[] = [];
  const seen = new Set<string>();
  hyperscalerMatches.forEach((match, position) => {
    if (!match.accountId || seen.has(match.accountId)) return;
    seen.add(match.accountId);
    const listed = input.hyperscalerAccounts[position]!;
    const account = index.get(match.accountId)!;
    const target = targetByAccount.get(match.accountId);
    const partial = {
      accountId: account.id,
      accountName: account.name,
      domain: listed.domain,
      cloud: input.cloud,
      relationship: /customer/i.test(account.type ?? '')
        ? ('customer' as const)
        : ('prospect' as const),
      onTargetList: target !== undefined,
      hyperscalerOwner: listed.owner,
      hyperscalerOwnerEmail: listed.ownerEmail,
      isvOwner: account.ownerName ?? target?.owner ?? null,
      confidence: match.confidence,
    };
    pursuits.push({ ...partial, nextStep: nextStep(input.cloud, partial) });
  });
  targetMatches.forEach((match, position) => {
    if (match.status !== 'unmatched') return;
    const target = input.targetAccounts[position]!;
    const listed =
      (target.domain && hyperscalerByKey.get(`d:${target.domain}`)) ||
      (target.nameKey && hyperscalerByKey.get(`n:${target.nameKey}`));
    if (!listed) return;
    const partial = {
      accountId: null,
      accountName: target.name,
      domain: target.domain ?? listed.domain,
      cloud: input.cloud,
      relationship: 'not in Salesforce' as const,
      onTargetList: true,
      hyperscalerOwner: listed.owner,
      hyperscalerOwnerEmail: listed.ownerEmail,
      isvOwner: target.owner,
      confidence: target.domain && target.domain === listed.domain ? 0.85 : 0.8,
    };
    pursuits.push({ ...partial, nextStep: nextStep(input.cloud, partial) });
  });
  pursuits.sort(
    (a, b) =>
      Number(b.onTargetList) - Number(a.onTargetList) ||
      RELATIONSHIP_ORDER[a.relationship] - RELATIONSHIP_ORDER[b.relationship] ||
      a.accountName.localeCompare(b.accountName),
  );

  const matches = [...hyperscalerMatches, ...targetMatches];
  const count = (status: MatchStatus[]) =>
    matches.filter((match) => status.includes(match.status)).length;
  const rejected = [...(input.rejected ?? [])];
  return {
    cloud: input.cloud,
    ranOn: input.ranOn,
    summary: {
      hyperscalerAccounts: input.hyperscalerAccounts.length,
      targetAccounts: input.targetAccounts.length,
      salesforceAccounts: index.size,
      matched: count(['matched', 'confirmed']),
      review: count(['review']),
      unmatched: count(['unmatched', 'rejected']),
      rejectedRows: rejected.length,
      jointPursuits: pursuits.length,
    },
    matches,
    review: matches.filter((match) => match.status === 'review'),
    pursuits,
    rejected,
  };
}
