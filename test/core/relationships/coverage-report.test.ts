// Relationship coverage per cloud: layers with a named counterpart, joint plans on the top accounts
// by co-sell pipeline, the QBR rhythm, and the relationship anti-patterns beside them.
import { describe, expect, it } from '@jest/globals';
import {
  RelationshipRecordsError,
  relationshipCoverage,
} from '../../../middleware/src/core/relationships/coverage-report.js';
import { Counterpart } from '../../../middleware/src/core/model.js';
import { dataPlatformDeal, opportunityId } from '../../fixtures/opportunity.js';

const NOW = new Date('2026-11-26T09:00:00Z');
const counterparts = [
  Counterpart.parse({ cloud: 'Microsoft', layer: 'Partner Program', name: 'Aisha Okafor' }),
  Counterpart.parse({ cloud: 'Microsoft', layer: 'Specialist', name: 'Jonas Berg' }),
  Counterpart.parse({ cloud: 'AWS', layer: 'Partner Program', name: 'Priya Raman' }),
];
const deal = (
  index: number,
  account: string,
  amount: number,
  clouds: Array<'AWS' | 'Microsoft' | 'Google'> = ['Microsoft'],
) =>
  dataPlatformDeal({
    id: opportunityId(index),
    account: { name: account },
    amount,
    coSell: { clouds },
  });
const opportunities = [
  deal(1, 'Northwind Health', 400_000),
  deal(2, 'Contoso Pharma', 250_000),
  deal(3, 'Fabrikam Inc.', 90_000),
  deal(4, 'Northwind Health', 10_000),
  deal(5, 'Tailspin Toys', 80_000, ['AWS']),
];

describe('relationshipCoverage', () => {
  it('reports layers, joint plans on the top accounts by co-sell pipeline, and the QBR rhythm per cloud', () => {
    const records = {
      jointAccountPlans: [
        { cloud: 'Microsoft', account: 'Northwind Health' },
        { cloud: 'Microsoft', account: 'Fabrikam' },
      ],
      qbrs: [
        { cloud: 'Microsoft', heldOn: '2026-10-15' },
        { cloud: 'Microsoft', heldOn: '2026-07-10' },
        { cloud: 'AWS', heldOn: '2026-05-02' },
      ],
    };
    const [aws, microsoft, google] = relationshipCoverage(counterparts, opportunities, records, {
      now: NOW,
      topAccounts: 2,
      tenancyArchetype: 'Customer-deployed',
    });
    expect(microsoft).toMatchObject({
      cloud: 'Microsoft',
      covered: ['Specialist', 'Partner Program'],
      coverage: 0.4,
      topAccounts: { considered: 2, withPlan: 1, share: 0.5, withoutPlan: ['Contoso Pharma'] },
      qbr: { lastHeldOn: '2026-10-15', daysSince: 42, heldLast12Months: 2, onRhythm: true },
      findings: [],
    });
    expect(aws).toMatchObject({
      topAccounts: { considered: 1, withPlan: 0 },
      qbr: { lastHeldOn: '2026-05-02', onRhythm: false },
    });
    // Customer-deployed, and AWS names only the PDM: the archetype mismatch shows beside the coverage.
    expect(aws?.findings.map((finding) => finding.code)).toEqual(['LINT_ARCHETYPE_MISMATCH']);
    expect(google).toMatchObject({
      coverage: 0,
      topAccounts: { considered: 0, share: null },
      qbr: { lastHeldOn: null, onRhythm: false },
    });
  });

  it('names the bad record', () => {
    expect(() =>
      relationshipCoverage(
        [],
        [],
        { qbrs: [{ cloud: 'Azure', heldOn: '2026-10-01' }] },
        { now: NOW },
      ),
    ).toThrow(RelationshipRecordsError);
    expect(() =>
      relationshipCoverage([], [], { qbrs: [{ cloud: 'AWS', heldOn: 'last week' }] }, { now: NOW }),
    ).toThrow(/^qbrs.0.heldOn/);
  });
});
