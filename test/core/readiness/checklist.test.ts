import { describe, expect, it } from '@jest/globals';
import {
  ReadinessEvidenceError,
  readinessChecklist,
  type ReadinessEvidenceInput,
  type ReadinessItemKey,
} from '../../../middleware/src/core/readiness/index.js';
import { Counterpart, type Cloud } from '../../../middleware/src/core/model.js';
import type { AttributionTraceability } from '../../../middleware/src/core/attribution/index.js';

const now = new Date('2026-11-26T12:00:00Z');

/** An ISV whose AWS motion is fully set up for its hosted data platform. */
const readyOnAws: ReadinessEvidenceInput = {
  cloud: 'AWS',
  primary: true,
  tenancyArchetype: 'ISV-hosted SaaS',
  listing: { live: true, transactable: true, deliveryModels: ['SaaS'] },
  technicalValidation: { passedOn: '2025-09-10', expiresOn: '2027-09-10' },
  coSellEligible: true,
  opportunitySharing: { configured: true, submissionCriteriaDefined: true },
  pdmCadence: 'fortnightly',
  jointValueProposition: true,
  priorityWorkloads: ['Data platform modernisation', 'Real-time analytics'],
  customerReferences: [
    { customer: 'Contoso Retail', workload: 'Real-time analytics' },
    { customer: 'Northwind Logistics', workload: 'Data platform modernisation' },
  ],
  accountMapping: { lastRunOn: '2026-10-01', jointPursuitListDefined: true },
  enablement: { aesKnowHowToInvokeCounterparts: true, marketplaceCompExplained: true },
  compRules: { allianceVsDirectDefined: true, sourcedAndInfluencedCreditSharing: true },
  attributionTracked: true,
};

const awsPdm = Counterpart.parse({
  cloud: 'AWS',
  layer: 'Partner Program',
  name: 'Priya Raman',
  title: 'Partner Development Manager, Data & Analytics',
  lastContactAt: '2026-11-19T15:00:00Z',
});

function item(checklist: ReturnType<typeof readinessChecklist>, key: ReadinessItemKey) {
  const found = checklist.items.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no ${key}`);
  return found;
}

function traceability(cloud: Cloud, coSold: number, traceable: number): AttributionTraceability {
  return {
    cloud,
    coSold,
    traceable,
    ratio: coSold === 0 ? null : traceable / coSold,
    gaps: {
      originMissing: 0,
      originatingCloudMissing: coSold - traceable,
      storedAttributionStale: 0,
      notInPortal: 0,
    },
  };
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

describe('readinessChecklist', () => {
  it('meets all ten items for a fully set-up cloud, in READINESS_ITEMS order with the cloud’s own names', () => {
    const checklist = readinessChecklist(readyOnAws, {
      now,
      counterparts: [awsPdm],
      traceability: traceability('AWS', 40, 38),
    });
    expect(checklist.items.map((entry) => [entry.number, entry.status])).toEqual(
      Array.from({ length: 10 }, (_, index) => [index + 1, 'met']),
    );
    expect(checklist.ready).toBe(true);
    expect(item(checklist, 'technicalValidation').title).toContain(
      'Foundational Technical Review (FTR)',
    );
    expect(item(checklist, 'coSellEligibility').title).toContain('ISV Accelerate');
    expect(item(checklist, 'opportunitySharing').title).toContain('ACE in Partner Central');
  });

  it('uses Microsoft and Google names for validation and co-sell status', () => {
    const microsoft = readinessChecklist({ cloud: 'Microsoft' }, { now });
    expect(item(microsoft, 'technicalValidation').title).toContain('Well-Architected Review');
    expect(item(microsoft, 'coSellEligibility').title).toContain('Azure IP Co-Sell Eligible');
    const google = readinessChecklist({ cloud: 'Google' }, { now });
    expect(item(google, 'technicalValidation').title).toContain('Architecture Review');
    expect(item(google, 'coSellEligibility').title).toContain('Co-sell Partner path');
  });

  it('reports unknown, never met, for everything not recorded', () => {
    const checklist = readinessChecklist({ cloud: 'Google' }, { now });
    expect(checklist.summary).toEqual({ met: 0, notMet: 0, unknown: 10 });
    expect(checklist.ready).toBe(false);
  });

  it('fails a technical validation that has expired and leaves one without an expiry unknown', () => {
    const expired = readinessChecklist(
      { ...readyOnAws, technicalValidation: { passedOn: '2024-06-01', expiresOn: '2026-06-01' } },
      { now },
    );
    expect(item(expired, 'technicalValidation')).toMatchObject({
      status: 'not met',
      evidence: ['passed on 2024-06-01', 'expired on 2026-06-01: renew it'],
    });
    const noExpiry = readinessChecklist(
      { ...readyOnAws, technicalValidation: { passedOn: '2026-02-01' } },
      { now },
    );
    expect(item(noExpiry, 'technicalValidation').status).toBe('unknown');
  });

  it('fails a SaaS-only listing for a customer-deployed product', () => {
    const checklist = readinessChecklist(
      { ...readyOnAws, tenancyArchetype: 'Customer-deployed' },
      { now },
    );
    const listing = item(checklist, 'marketplaceListing');
    expect(listing.status).toBe('not met');
    expect(listing.evidence.join(' ')).toContain('needs AMI/VM or Container');
  });

  it('needs a named PDM whose rhythm fits a primary or secondary cloud', () => {
    expect(
      item(readinessChecklist(readyOnAws, { now, counterparts: [] }), 'pdmRhythm'),
    ).toMatchObject({
      status: 'not met',
      evidence: ['no named PDM (in the evidence or as a Partner Program counterpart)'],
    });
    const lapsed = Counterpart.parse({ ...awsPdm, lastContactAt: '2026-09-30T10:00:00Z' });
    expect(
      item(
        readinessChecklist({ ...readyOnAws, pdmCadence: null }, { now, counterparts: [lapsed] }),
        'pdmRhythm',
      ).status,
    ).toBe('not met');
    // Monthly is enough for a secondary cloud, too slow for a primary one.
    const monthly = { ...readyOnAws, pdmCadence: 'monthly' as const };
    expect(
      item(readinessChecklist(monthly, { now, counterparts: [awsPdm] }), 'pdmRhythm').status,
    ).toBe('not met');
    expect(
      item(
        readinessChecklist({ ...monthly, primary: false }, { now, counterparts: [awsPdm] }),
        'pdmRhythm',
      ).status,
    ).toBe('met');
    expect(item(readinessChecklist(readyOnAws, { now }), 'pdmRhythm').status).toBe('unknown');
  });

  it('meets item 5 from the evidence alone: a PDM named there with an adequate cadence, or met recently', () => {
    const named = {
      ...readyOnAws,
      pdm: { name: 'Dana Whitfield', email: 'dana@amazon.com' },
      pdmCadence: 'fortnightly' as const,
    };
    expect(item(readinessChecklist(named, { now }), 'pdmRhythm')).toMatchObject({
      status: 'met',
      evidence: ['named PDM: Dana Whitfield', 'agreed cadence fortnightly'],
    });
    const lapsed = {
      ...named,
      pdmCadence: null,
      pdm: { name: 'Dana Whitfield', lastMetOn: '2026-08-01' },
    };
    expect(item(readinessChecklist(lapsed, { now }), 'pdmRhythm').status).toBe('not met');
    const recent = { ...lapsed, pdm: { name: 'Dana Whitfield', lastMetOn: isoDay(now) } };
    expect(item(readinessChecklist(recent, { now }), 'pdmRhythm').status).toBe('met');
    expect(() => readinessChecklist({ ...named, pdm: { name: ' ' } }, { now })).toThrow(
      /pdm\.name/,
    );
  });

  it('names the priority workload that has no customer reference', () => {
    const checklist = readinessChecklist(
      {
        ...readyOnAws,
        priorityWorkloads: [...(readyOnAws.priorityWorkloads ?? []), 'Generative AI search'],
      },
      { now },
    );
    const references = item(checklist, 'valuePropositionAndReferences');
    expect(references.status).toBe('not met');
    expect(references.evidence).toContain('Generative AI search: no named customer reference');
  });

  it('treats account mapping older than a quarter as not met', () => {
    const checklist = readinessChecklist(
      { ...readyOnAws, accountMapping: { lastRunOn: '2026-05-01', jointPursuitListDefined: true } },
      { now },
    );
    expect(item(checklist, 'accountMapping').status).toBe('not met');
  });

  it('lets measured traceability overrule a declaration that attribution is tracked', () => {
    const leaky = readinessChecklist(readyOnAws, {
      now,
      traceability: traceability('AWS', 40, 20),
    });
    const attribution = item(leaky, 'attributionReporting');
    expect(attribution.status).toBe('not met');
    expect(attribution.evidence.join(' ')).toContain('20 of 40 co-sold deals traceable');
    expect(attribution.evidence.join(' ')).toContain('originating cloud missing 20');
    const undeclared = readinessChecklist(
      { ...readyOnAws, attributionTracked: null },
      { now, traceability: traceability('AWS', 40, 39) },
    );
    expect(item(undeclared, 'attributionReporting').status).toBe('met');
  });

  it('refuses traceability measured for a different cloud', () => {
    expect(() =>
      readinessChecklist(readyOnAws, { now, traceability: traceability('Google', 3, 3) }),
    ).toThrow(/traceability\.cloud/);
  });

  it('names the bad field in invalid evidence', () => {
    expect(() =>
      readinessChecklist(
        { ...readyOnAws, technicalValidation: { passedOn: '10/09/2025' } },
        { now },
      ),
    ).toThrow(ReadinessEvidenceError);
    expect(() =>
      readinessChecklist(
        { ...readyOnAws, technicalValidation: { passedOn: '10/09/2025' } },
        { now },
      ),
    ).toThrow(/^technicalValidation\.passedOn/);
    expect(() =>
      readinessChecklist(
        { ...readyOnAws, technicalValidation: { passedOn: '2026-01-01', expiresOn: '2025-01-01' } },
        { now },
      ),
    ).toThrow(/technicalValidation\.expiresOn: must not be before passedOn/);
    expect(() => readinessChecklist({ ...readyOnAws, cloud: 'Oracle' }, { now })).toThrow(/^cloud/);
  });
});
