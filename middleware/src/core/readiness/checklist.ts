// The ten-item co-sell readiness checklist for one cloud: each item met, not met or unknown, with
// the evidence behind the verdict so an alliance lead knows what to fix first.
import type { Counterpart } from '../model.js';
import type { AttributionTraceability } from '../attribution/traceability.js';
import {
  parseReadinessEvidence,
  ReadinessEvidenceError,
  type PdmCadence,
  type ReadinessEvidence,
} from './evidence.js';
import { CLOUD_VOCABULARY } from './vocabulary.js';

export type ReadinessStatus = 'met' | 'not met' | 'unknown';

export const READINESS_ITEMS = [
  'marketplaceListing',
  'technicalValidation',
  'coSellEligibility',
  'opportunitySharing',
  'pdmRhythm',
  'valuePropositionAndReferences',
  'accountMapping',
  'salesEnablement',
  'compRules',
  'attributionReporting',
] as const;
export type ReadinessItemKey = (typeof READINESS_ITEMS)[number];

export interface ReadinessItem {
  /** 1..10, in READINESS_ITEMS order. */
  number: number;
  key: ReadinessItemKey;
  title: string;
  status: ReadinessStatus;
  evidence: string[];
}

export interface ReadinessChecklist {
  cloud: ReadinessEvidence['cloud'];
  items: ReadinessItem[];
  summary: Record<'met' | 'notMet' | 'unknown', number>;
  /** Every item met. */
  ready: boolean;
}

export interface ReadinessData {
  now: Date;
  /** Named counterparts (any cloud; the checklist keeps this cloud's). Omit when not loaded: item 5 is then unknown. */
  counterparts?: readonly Counterpart[];
  /** Measured traceability of co-sold deals on this cloud (item 10). */
  traceability?: AttributionTraceability;
}

export interface ReadinessSettings {
  /** Account mapping older than this has aged out of the current quarter. */
  accountMappingMaxAgeDays: number;
  /** Days since last PDM contact that still shows a working rhythm, for primary and secondary clouds. */
  pdmContactWindowDays: { primary: number; secondary: number };
  /** Share of co-sold deals traceable end to end for attribution to count as tracked. */
  traceabilityThreshold: number;
}

export const DEFAULT_READINESS_SETTINGS: ReadinessSettings = {
  accountMappingMaxAgeDays: 92,
  pdmContactWindowDays: { primary: 14, secondary: 31 },
  traceabilityThreshold: 0.9,
};

const DAY_MS = 86_400_000;

/** Met when every fact is true, not met when any is false, unknown otherwise. */
function fromFacts(facts: Array<boolean | null>): ReadinessStatus {
  if (facts.some((fact) => fact === false)) return 'not met';
  return facts.every((fact) => fact === true) ? 'met' : 'unknown';
}

function said(label: string, fact: boolean | null): string {
  return `${label}: ${fact === null ? 'not recorded' : fact ? 'yes' : 'no'}`;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function daysBetween(earlier: string, later: Date): number {
  return Math.floor(
    (later.getTime() - Date.parse(earlier.length === 10 ? `${earlier}T00:00:00Z` : earlier)) /
      DAY_MS,
  );
}

type Check = Omit<ReadinessItem, 'number' | 'key' | 'title'>;

function marketplaceListing(evidence: ReadinessEvidence): Check {
  const { live, transactable, deliveryModels } = evidence.listing;
  const facts: Array<boolean | null> = [live, transactable];
  const lines = [said('listing live', live), said('transactable', transactable)];
  if (evidence.tenancyArchetype === null) {
    lines.push('tenancy archetype not recorded: listing type not checked');
  } else {
    const fitting =
      evidence.tenancyArchetype === 'ISV-hosted SaaS' ? ['SaaS'] : ['AMI/VM', 'Container'];
    const fits =
      deliveryModels.length === 0 ? null : deliveryModels.some((model) => fitting.includes(model));
    facts.push(fits);
    lines.push(
      deliveryModels.length === 0
        ? `listing type not recorded (${evidence.tenancyArchetype} needs ${fitting.join(' or ')})`
        : `listing type ${deliveryModels.join(', ')} ${fits ? 'fits' : 'does not fit'} ${evidence.tenancyArchetype} (needs ${fitting.join(' or ')})`,
    );
  }
  return { status: fromFacts(facts), evidence: lines };
}

function technicalValidation(evidence: ReadinessEvidence, now: Date): Check {
  const { passedOn, expiresOn } = evidence.technicalValidation;
  if (passedOn === null) return { status: 'unknown', evidence: ['no pass date recorded'] };
  if (expiresOn === null)
    return {
      status: 'unknown',
      evidence: [`passed on ${passedOn}`, 'expiry date not recorded: cannot tell if still current'],
    };
  const current = expiresOn >= isoDay(now);
  return {
    status: current ? 'met' : 'not met',
    evidence: [
      `passed on ${passedOn}`,
      current ? `current until ${expiresOn}` : `expired on ${expiresOn}: renew it`,
    ],
  };
}

const CADENCE_OK: Record<'primary' | 'secondary', ReadonlySet<PdmCadence>> = {
  primary: new Set(['weekly', 'fortnightly']),
  secondary: new Set(['weekly', 'fortnightly', 'monthly']),
};

/**
 * Item 5: a named PDM with a working rhythm (weekly or fortnightly on a primary cloud, at least monthly
 * on a secondary one). The PDM may be named in the evidence or as a Partner Program counterpart.
 */
function pdmRhythm(
  evidence: ReadinessEvidence,
  data: ReadinessData,
  settings: ReadinessSettings,
): Check {
  const fromOrg = (data.counterparts ?? []).filter(
    (person) => person.cloud === evidence.cloud && person.layer === 'Partner Program',
  );
  const named = [
    ...(evidence.pdm ? [{ name: evidence.pdm.name, lastContactAt: evidence.pdm.lastMetOn }] : []),
    ...fromOrg.map((person) => ({ name: person.name, lastContactAt: person.lastContactAt })),
  ];
  if (named.length === 0) {
    return data.counterparts === undefined
      ? {
          status: 'unknown',
          evidence: ['no PDM named in the evidence, and counterparts not supplied'],
        }
      : {
          status: 'not met',
          evidence: ['no named PDM (in the evidence or as a Partner Program counterpart)'],
        };
  }
  const tier = evidence.primary ? 'primary' : 'secondary';
  const windowDays = settings.pdmContactWindowDays[tier];
  const lines = [`named PDM: ${[...new Set(named.map((person) => person.name))].join(', ')}`];
  const lastContact = named
    .map((person) => person.lastContactAt)
    .filter((at): at is string => at !== null)
    .sort()
    .at(-1);
  const recent =
    lastContact === undefined ? null : daysBetween(lastContact, data.now) <= windowDays;
  if (lastContact !== undefined)
    lines.push(
      `last contact ${lastContact.slice(0, 10)} (${tier} cloud: within ${windowDays} days expected)`,
    );
  const cadence = evidence.pdmCadence;
  const cadenceOk = cadence === null ? null : CADENCE_OK[tier].has(cadence);
  if (cadence !== null) {
    lines.push(
      `agreed cadence ${cadence}${cadenceOk ? '' : ` (a ${tier} cloud needs ${evidence.primary ? 'weekly or fortnightly' : 'at least monthly'})`}`,
    );
  }
  // A declared cadence that is too slow fails; otherwise recent contact or an adequate cadence shows the rhythm works.
  if (cadenceOk === false) return { status: 'not met', evidence: lines };
  if (recent === true || (cadenceOk === true && recent === null))
    return { status: 'met', evidence: lines };
  if (recent === false)
    return { status: 'not met', evidence: [...lines, 'no recent contact: the rhythm has lapsed'] };
  return { status: 'unknown', evidence: [...lines, 'no cadence or contact date recorded'] };
}

function valuePropositionAndReferences(evidence: ReadinessEvidence): Check {
  const lines = [said('joint value proposition', evidence.jointValueProposition)];
  if (evidence.priorityWorkloads.length === 0) {
    return {
      status: evidence.jointValueProposition === false ? 'not met' : 'unknown',
      evidence: [...lines, 'priority workloads not recorded'],
    };
  }
  const uncovered = evidence.priorityWorkloads.filter(
    (workload) =>
      !evidence.customerReferences.some(
        (reference) => reference.workload.toLowerCase() === workload.toLowerCase(),
      ),
  );
  for (const workload of evidence.priorityWorkloads) {
    const customers = evidence.customerReferences.filter(
      (reference) => reference.workload.toLowerCase() === workload.toLowerCase(),
    );
    lines.push(
      customers.length
        ? `${workload}: ${customers.map((reference) => reference.customer).join(', ')}`
        : `${workload}: no named customer reference`,
    );
  }
  return {
    status: fromFacts([evidence.jointValueProposition, uncovered.length === 0]),
    evidence: lines,
  };
}

function accountMapping(
  evidence: ReadinessEvidence,
  now: Date,
  settings: ReadinessSettings,
): Check {
  const { lastRunOn, jointPursuitListDefined } = evidence.accountMapping;
  const fresh =
    lastRunOn === null ? null : daysBetween(lastRunOn, now) <= settings.accountMappingMaxAgeDays;
  const lines = [
    lastRunOn === null
      ? 'last account-mapping run not recorded'
      : `last run ${lastRunOn}${fresh ? '' : `: older than ${settings.accountMappingMaxAgeDays} days, rerun it this quarter`}`,
    said('joint pursuit list defined', jointPursuitListDefined),
  ];
  return { status: fromFacts([fresh, jointPursuitListDefined]), evidence: lines };
}

function attributionReporting(
  evidence: ReadinessEvidence,
  data: ReadinessData,
  settings: ReadinessSettings,
): Check {
  const lines = [said('attribution tracked (declared)', evidence.attributionTracked)];
  const measured = data.traceability;
  if (measured && measured.cloud !== evidence.cloud) {
    throw new ReadinessEvidenceError(
      'traceability.cloud',
      `is ${measured.cloud} but the checklist is for ${evidence.cloud}`,
    );
  }
  if (!measured || measured.ratio === null) {
    if (measured) lines.push('no co-sold deals yet to measure traceability on');
    return { status: fromFacts([evidence.attributionTracked]), evidence: lines };
  }
  const enough = measured.ratio >= settings.traceabilityThreshold;
  const { gaps } = measured;
  lines.push(
    `${measured.traceable} of ${measured.coSold} co-sold deals traceable origination to close (${Math.round(measured.ratio * 100)}%, needs ${Math.round(settings.traceabilityThreshold * 100)}%)`,
  );
  if (!enough) {
    lines.push(
      `gaps: origin missing ${gaps.originMissing}, originating cloud missing ${gaps.originatingCloudMissing}, ` +
        `stored attribution stale ${gaps.storedAttributionStale}, not in ${CLOUD_VOCABULARY[evidence.cloud].sharingSystem} ${gaps.notInPortal}`,
    );
  }
  // Measured data outranks a declaration: a team can believe it tracks attribution and still leak.
  return {
    status: evidence.attributionTracked === false || !enough ? 'not met' : 'met',
    evidence: lines,
  };
}

/** The ten-item checklist for the evidence's cloud. Throws ReadinessEvidenceError naming the bad field. */
export function readinessChecklist(
  input: unknown,
  data: ReadinessData,
  settings: ReadinessSettings = DEFAULT_READINESS_SETTINGS,
): ReadinessChecklist {
  const evidence = parseReadinessEvidence(input);
  if (Number.isNaN(data.now.getTime()))
    throw new ReadinessEvidenceError('now', 'must be a valid date');
  const words = CLOUD_VOCABULARY[evidence.cloud];
  const checks: Record<ReadinessItemKey, { title: string; check: Check }> = {
    marketplaceListing: {
      title: `${words.marketplace} listing live and transactable`,
      check: marketplaceListing(evidence),
    },
    technicalValidation: {
      title: `${words.technicalValidation} passed and current`,
      check: technicalValidation(evidence, data.now),
    },
    coSellEligibility: {
      title: `${words.coSellStatus} status`,
      check: {
        status: fromFacts([evidence.coSellEligible]),
        evidence: [said(words.coSellStatus, evidence.coSellEligible)],
      },
    },
    opportunitySharing: {
      title: `Opportunity sharing through ${words.sharingSystem} with internal submission criteria`,
      check: {
        status: fromFacts([
          evidence.opportunitySharing.configured,
          evidence.opportunitySharing.submissionCriteriaDefined,
        ]),
        evidence: [
          said(`${words.sharingSystem} access configured`, evidence.opportunitySharing.configured),
          said(
            'internal submission criteria defined',
            evidence.opportunitySharing.submissionCriteriaDefined,
          ),
        ],
      },
    },
    pdmRhythm: {
      title: `Named ${words.partnerManager} with a working rhythm`,
      check: pdmRhythm(evidence, data, settings),
    },
    valuePropositionAndReferences: {
      title: 'Joint value proposition with a named customer reference per priority workload',
      check: valuePropositionAndReferences(evidence),
    },
    accountMapping: {
      title: 'Account mapping done and joint pursuit list defined',
      check: accountMapping(evidence, data.now, settings),
    },
    salesEnablement: {
      title: 'AEs enabled to invoke counterparts and understand marketplace comp',
      check: {
        status: fromFacts([
          evidence.enablement.aesKnowHowToInvokeCounterparts,
          evidence.enablement.marketplaceCompExplained,
        ]),
        evidence: [
          said(
            'AEs know how to invoke hyperscaler counterparts',
            evidence.enablement.aesKnowHowToInvokeCounterparts,
          ),
          said('marketplace deal comp explained', evidence.enablement.marketplaceCompExplained),
        ],
      },
    },
    compRules: {
      title: 'Alliance vs direct comp rules with sourced and influenced credit sharing',
      check: {
        status: fromFacts([
          evidence.compRules.allianceVsDirectDefined,
          evidence.compRules.sourcedAndInfluencedCreditSharing,
        ]),
        evidence: [
          said('alliance vs direct comp rules defined', evidence.compRules.allianceVsDirectDefined),
          said(
            'credit sharing for sourced and influenced deals',
            evidence.compRules.sourcedAndInfluencedCreditSharing,
          ),
        ],
      },
    },
    attributionReporting: {
      title:
        'Attribution tracked from origination to closed-won across ISV and hyperscaler systems',
      check: attributionReporting(evidence, data, settings),
    },
  };
  const items = READINESS_ITEMS.map((key, index) => ({
    number: index + 1,
    key,
    title: checks[key].title,
    ...checks[key].check,
  }));
  const summary = {
    met: items.filter((item) => item.status === 'met').length,
    notMet: items.filter((item) => item.status === 'not met').length,
    unknown: items.filter((item) => item.status === 'unknown').length,
  };
  return { cloud: evidence.cloud, items, summary, ready: summary.met === items.length };
}
