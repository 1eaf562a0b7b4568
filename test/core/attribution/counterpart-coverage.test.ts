import { describe, expect, it } from '@jest/globals';
import {
  attributionTraceability,
  counterpartCoverage,
} from '../../../middleware/src/core/attribution/index.js';
import { Counterpart } from '../../../middleware/src/core/model.js';
import { awsPdmReferral, directDeal, maccDrawdownDeal } from './fixtures.js';

const counterparts = [
  {
    cloud: 'AWS',
    layer: 'Partner Program',
    name: 'Priya Raman',
    title: 'Partner Development Manager, Data & Analytics',
  },
  { cloud: 'AWS', layer: 'Specialist', name: 'Tomás Ortega', title: 'Specialist SA, Analytics' },
  { cloud: 'AWS', layer: 'Specialist', name: 'Tomás Ortega', email: 'tortega@example.com' },
  { cloud: 'AWS', layer: 'Account Team', name: 'Dana Whitfield', title: 'Enterprise AE, Retail' },
  { cloud: 'Microsoft', layer: 'Partner Program', name: 'Lukas Brandt', title: 'PDM, ISV Success' },
].map((input) => Counterpart.parse(input));

describe('counterpartCoverage', () => {
  it('lists named people per layer, the layers missing and the coverage ratio for every cloud', () => {
    const [aws, microsoft, google] = counterpartCoverage(counterparts);
    expect(aws).toMatchObject({
      cloud: 'AWS',
      covered: ['Account Team', 'Specialist', 'Partner Program'],
      missing: ['Executive/Industry', 'Regional/Segment'],
      coverage: 0.6,
    });
    expect(aws?.layers.Specialist).toEqual(['Tomás Ortega']);
    expect(microsoft?.coverage).toBe(0.2);
    expect(google).toMatchObject({ cloud: 'Google', covered: [], coverage: 0 });
    expect(google?.missing).toHaveLength(5);
  });
});

describe('attributionTraceability', () => {
  it('counts co-sold deals traceable end to end and names each gap', () => {
    const traced = awsPdmReferral({
      coSell: { attribution: 'Sourced' },
      engagements: [{ cloud: 'AWS', portalId: 'O1234567', status: 'Accepted' }],
    });
    const noPortal = awsPdmReferral({ coSell: { attribution: 'Sourced' } });
    const noOriginatingCloud = awsPdmReferral({
      coSell: { originatingCloud: null, attribution: 'Sourced' },
      engagements: [{ cloud: 'AWS', portalId: 'O7654321', status: 'Submitted' }],
    });
    const staleStoredValue = awsPdmReferral({
      coSell: { attribution: 'Influenced' },
      engagements: [{ cloud: 'AWS', portalId: 'O1111111', status: 'Accepted' }],
    });
    const result = attributionTraceability(
      [traced, noPortal, noOriginatingCloud, staleStoredValue, directDeal(), maccDrawdownDeal()],
      'AWS',
    );
    expect(result).toEqual({
      cloud: 'AWS',
      coSold: 4,
      traceable: 1,
      ratio: 0.25,
      gaps: {
        originMissing: 0,
        originatingCloudMissing: 1,
        storedAttributionStale: 1,
        notInPortal: 1,
      },
    });
  });

  it('has no ratio before anything is co-sold on the cloud', () => {
    expect(attributionTraceability([directDeal()], 'Google').ratio).toBeNull();
  });
});
