// The motion's anti-patterns as lint findings: single-cloud concentration, deals re-opened as
// alliance-sourced, "strong influenced, weak sourced" per cloud, a tenancy-archetype mismatch and
// PDMs used as the lead source.
import { describe, expect, it } from '@jest/globals';
import { createLinter, relationshipFindings } from '../../../middleware/src/core/lint/index.js';
import {
  Counterpart,
  InboundReferral,
  type CoSellOpportunity,
  type InboundReferralInput,
} from '../../../middleware/src/core/model.js';
import { dataPlatformDeal, NOW, opportunityId } from '../../fixtures/opportunity.js';

/** Only the motion-wide rules under test: the placeholder and share-everything rules are kept quiet. */
function motionFindings(opps: CoSellOpportunity[], thresholds = {}) {
  const linter = createLinter({
    now: NOW,
    thresholds: { shareEverythingMaxRate: 1, placeholderMinRepeats: 1_000_000, ...thresholds },
  });
  for (const opp of opps) linter.add(opp);
  return linter.finish();
}

const deals = (
  count: number,
  start: number,
  coSell: NonNullable<Parameters<typeof dataPlatformDeal>[0]>['coSell'],
) =>
  Array.from({ length: count }, (_, offset) =>
    dataPlatformDeal({
      id: opportunityId(start + offset),
      amount: 50_000 + offset,
      account: { name: `Account ${start + offset}` },
      coSell,
    }),
  );

describe('single-cloud concentration', () => {
  it('flags the cloud carrying nine co-sold deals in ten when the others are untouched', () => {
    const findings = motionFindings(
      [
        ...deals(19, 0, { clouds: ['Microsoft'] }),
        ...deals(1, 100, { clouds: ['AWS'] }),
        ...deals(5, 200, { clouds: [] }),
      ],
      { influencedNotSourcedMinInfluenced: 1_000 },
    );
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'LINT_SINGLE_CLOUD',
        cloud: 'Microsoft',
        field: 'CoSell_Clouds__c',
        evidence: {
          coSoldDeals: 20,
          perCloud: { AWS: 1, Microsoft: 19, Google: 0 },
          share: 0.95,
          minShare: 0.9,
        },
      }),
    ]);
  });

  it('stays quiet with a real second cloud, or with too few co-sold deals to judge', () => {
    const quiet = { influencedNotSourcedMinInfluenced: 1_000 };
    expect(
      motionFindings(
        [...deals(17, 0, { clouds: ['Microsoft'] }), ...deals(3, 100, { clouds: ['AWS'] })],
        quiet,
      ),
    ).toEqual([]);
    expect(motionFindings(deals(9, 0, { clouds: ['Microsoft'] }), quiet)).toEqual([]);
  });
});

describe('strong influenced, weak sourced', () => {
  it('diagnoses a cloud with many influenced deals and few sourced ones, per cloud', () => {
    const sourced = deals(2, 300, {
      clouds: ['Microsoft'],
      origin: 'Hyperscaler-led',
      originatingCloud: 'Microsoft',
    });
    const findings = motionFindings(
      [
        ...deals(12, 0, { clouds: ['Microsoft'] }),
        ...sourced,
        ...deals(12, 100, { clouds: ['AWS'] }),
        ...deals(4, 200, { clouds: ['AWS'], origin: 'Hyperscaler-led', originatingCloud: 'AWS' }),
      ],
      { singleCloudMinDeals: 1_000 },
    );
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'LINT_INFLUENCED_NOT_SOURCED',
        severity: 'info',
        cloud: 'Microsoft',
        evidence: { sourced: 2, influenced: 12, ratio: 0.167, maxRatio: 0.25 },
      }),
    ]);
  });
});

describe('re-opened as alliance-sourced', () => {
  const lost = dataPlatformDeal({
    id: opportunityId(1),
    account: { id: '001Hs00000Nwh01AAA', name: 'Northwind Health' },
    isClosed: true,
    isWon: false,
    stageName: 'Closed Lost',
    closeDate: '2026-08-31',
    coSell: { clouds: [], origin: null },
  });
  const reopened = (createdDate: string, id = opportunityId(2)) =>
    dataPlatformDeal({
      id,
      account: { id: '001Hs00000Nwh01AAA', name: 'Northwind Health' },
      createdDate,
      coSell: { clouds: ['Microsoft'], origin: 'Hyperscaler-led', originatingCloud: 'Microsoft' },
    });
  const quiet = { singleCloudMinDeals: 1_000, influencedNotSourcedMinInfluenced: 1_000 };

  it('flags a sourced deal opened on an account weeks after a direct deal there was lost', () => {
    expect(motionFindings([reopened('2026-09-20T10:00:00Z'), lost], quiet)).toEqual([
      expect.objectContaining({
        code: 'LINT_REOPENED_AS_SOURCED',
        cloud: 'Microsoft',
        opportunityId: opportunityId(2),
        field: 'CoSell_Origin__c',
        evidence: {
          lostOpportunityId: opportunityId(1),
          lostOn: '2026-08-31',
          createdOn: '2026-09-20',
          daysBetween: 20,
          windowDays: 180,
        },
      }),
    ]);
  });

  it('leaves a sourced deal alone when it came before the loss, long after it, or on another account', () => {
    expect(motionFindings([lost, reopened('2026-07-01T10:00:00Z')], quiet)).toEqual([]);
    expect(motionFindings([lost, reopened('2027-06-01T10:00:00Z')], quiet)).toEqual([]);
    const elsewhere = dataPlatformDeal({
      id: opportunityId(3),
      account: { name: 'Contoso Pharma' },
      createdDate: '2026-09-20T10:00:00Z',
      coSell: { clouds: ['Microsoft'], origin: 'Hyperscaler-led', originatingCloud: 'Microsoft' },
    });
    expect(motionFindings([lost, elsewhere], quiet)).toEqual([]);
  });
});

describe('relationshipFindings', () => {
  const person = (cloud: string, layer: string, name: string) =>
    Counterpart.parse({ cloud, layer, name });
  const referral = (portalId: string, sourceLayer: InboundReferralInput['sourceLayer']) =>
    InboundReferral.parse({
      cloud: 'AWS',
      portalId,
      receivedAt: '2026-11-02T09:00:00Z',
      customerName: 'Northwind Health',
      sourceLayer,
    });

  it('flags a customer-deployed product that works only the PDM, and a SaaS product with no PDM', () => {
    const counterparts = [
      person('AWS', 'Partner Program', 'Priya Raman'),
      person('Microsoft', 'Specialist', 'Jonas Berg'),
      person('Microsoft', 'Partner Program', 'Aisha Okafor'),
    ];
    const deployed = relationshipFindings({
      tenancyArchetype: 'Customer-deployed',
      counterparts,
      referrals: [],
      clouds: ['AWS', 'Microsoft'],
    });
    expect(deployed).toEqual([
      expect.objectContaining({
        code: 'LINT_ARCHETYPE_MISMATCH',
        cloud: 'AWS',
        field: 'CoSell_Counterpart__c.Layer__c',
        evidence: expect.objectContaining({ missingLayers: ['Account Team', 'Specialist'] }),
      }),
    ]);
    const saas = relationshipFindings({
      tenancyArchetype: 'ISV-hosted SaaS',
      counterparts: [person('Google', 'Account Team', 'Sam Ortiz')],
      referrals: [],
      clouds: ['Google'],
    });
    expect(saas).toEqual([
      expect.objectContaining({
        code: 'LINT_ARCHETYPE_MISMATCH',
        cloud: 'Google',
        evidence: expect.objectContaining({ missingLayers: ['Partner Program'] }),
      }),
    ]);
    expect(
      relationshipFindings({
        tenancyArchetype: null,
        counterparts,
        referrals: [],
        clouds: ['AWS'],
      }),
    ).toEqual([]);
  });

  it('flags a cloud whose referrals come mostly from PDMs', () => {
    const referrals = [
      referral('r1', 'Partner Program'),
      referral('r2', 'Partner Program'),
      referral('r3', 'Partner Program'),
      referral('r4', 'Account Team'),
      referral('r5', 'Partner Program'),
    ];
    expect(
      relationshipFindings({
        tenancyArchetype: null,
        counterparts: [],
        referrals,
        clouds: ['AWS'],
      }),
    ).toEqual([
      expect.objectContaining({
        code: 'LINT_PDM_AS_LEAD_SOURCE',
        cloud: 'AWS',
        evidence: { referrals: 5, fromPartnerProgram: 4, share: 0.8, minShare: 0.6 },
      }),
    ]);
    expect(
      relationshipFindings({
        tenancyArchetype: null,
        counterparts: [],
        referrals: referrals.slice(0, 4),
        clouds: ['AWS'],
      }),
    ).toEqual([]);
  });
});
