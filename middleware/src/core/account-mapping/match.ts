// Matches listed accounts to Salesforce Accounts through hash indexes on the normalised name, the
// name core and the web domain: each lookup is constant time, so two 100,000-row lists match in one
// pass with no pairwise comparison. Weak matches carry a low confidence and wait for review.
import { companyNameCore, normaliseCompanyName, normaliseWebDomain } from './normalise.js';

export interface SalesforceAccountRecord {
  id: string;
  name: string;
  website: string | null;
  ownerName: string | null;
  /** Account.Type, e.g. "Customer" or "Prospect"; decides the suggested next step. */
  type: string | null;
}

export const MATCH_BASES = [
  'domain and name',
  'domain',
  'name',
  'name, different domain',
  'name core',
  'none',
] as const;
export type MatchBasis = (typeof MATCH_BASES)[number];

/**
 * Confidence per basis. Interpretation (the guide gives no figures): a shared web domain is the
 * strongest single key; an identical name is strong only when no domain contradicts it; a name that
 * agrees only after generic words are dropped is a guess a person confirms.
 */
export const MATCH_CONFIDENCE: Record<MatchBasis, number> = {
  'domain and name': 1,
  domain: 0.85,
  name: 0.8,
  'name, different domain': 0.55,
  'name core': 0.5,
  none: 0,
};

/** At or above this a match is taken as is; below it, it goes to review. */
export const DEFAULT_REVIEW_THRESHOLD = 0.8;
/** Several equally good candidates: never taken without a person choosing. */
const AMBIGUOUS_CAP = 0.7;

export interface Candidate {
  accountIds: string[];
  basis: MatchBasis;
  confidence: number;
}

export interface AccountIndex {
  size: number;
  get(id: string): SalesforceAccountRecord | undefined;
  /** The best candidate(s) for a name and domain key, or basis "none". */
  lookup(nameKey: string | null, domain: string | null): Candidate;
}

function push(map: Map<string, string[]>, key: string | null, id: string): void {
  if (!key) return;
  const ids = map.get(key);
  if (ids) {
    if (!ids.includes(id)) ids.push(id);
  } else map.set(key, [id]);
}

export function indexAccounts(accounts: Iterable<SalesforceAccountRecord>): AccountIndex {
  const byId = new Map<string, SalesforceAccountRecord>();
  const byName = new Map<string, string[]>();
  const byCore = new Map<string, string[]>();
  const byDomain = new Map<string, string[]>();
  const keys = new Map<string, { name: string | null; domain: string | null }>();
  for (const account of accounts) {
    byId.set(account.id, account);
    const name = normaliseCompanyName(account.name);
    const domain = normaliseWebDomain(account.website);
    keys.set(account.id, { name, domain });
    push(byName, name, account.id);
    push(byCore, companyNameCore(name) ?? name, account.id);
    push(byDomain, domain, account.id);
  }
  const candidate = (ids: string[], basis: MatchBasis): Candidate => ({
    accountIds: ids,
    basis,
    confidence:
      ids.length > 1 ? Math.min(MATCH_CONFIDENCE[basis], AMBIGUOUS_CAP) : MATCH_CONFIDENCE[basis],
  });
  return {
    size: byId.size,
    get: (id) => byId.get(id),
    lookup(nameKey, domain) {
      const domainIds = domain ? (byDomain.get(domain) ?? []) : [];
      if (domainIds.length > 0) {
        const both = domainIds.filter((id) => keys.get(id)?.name === nameKey);
        return both.length > 0
          ? candidate(both, 'domain and name')
          : candidate(domainIds, 'domain');
      }
      const nameIds = nameKey ? (byName.get(nameKey) ?? []) : [];
      if (nameIds.length > 0) {
        // Both sides know a domain and they disagree: a namesake or a subsidiary, not the same account.
        const contradicted = domain !== null && nameIds.every((id) => keys.get(id)?.domain != null);
        return candidate(nameIds, contradicted ? 'name, different domain' : 'name');
      }
      const core = companyNameCore(nameKey) ?? nameKey;
      const coreIds = core ? (byCore.get(core) ?? []) : [];
      if (coreIds.length > 0) return candidate(coreIds, 'name core');
      return { accountIds: [], basis: 'none', confidence: 0 };
    },
  };
}
