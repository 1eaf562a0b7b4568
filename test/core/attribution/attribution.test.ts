import { describe, expect, it } from '@jest/globals';
import {
  attributionFor,
  opportunityAttribution,
  originatingCloudGap,
} from '../../../middleware/src/core/attribution/index.js';
import { awsPdmReferral, directDeal, maccDrawdownDeal, opportunity } from './fixtures.js';

describe('attributionFor', () => {
  it('credits the originating cloud of a hyperscaler-led deal as sourced and a second engaged cloud as influenced', () => {
    const opp = awsPdmReferral({ coSell: { clouds: ['AWS', 'Microsoft'] } });
    expect(attributionFor(opp, 'AWS')).toBe('Sourced');
    expect(attributionFor(opp, 'Microsoft')).toBe('Influenced');
    expect(attributionFor(opp, 'Google')).toBe('None');
  });

  it('treats a partner-led deal shared with a cloud as influenced', () => {
    expect(attributionFor(maccDrawdownDeal(), 'Microsoft')).toBe('Influenced');
  });

  it('never makes a partner-led deal sourced, even with an originating cloud filled in', () => {
    const opp = maccDrawdownDeal({ coSell: { originatingCloud: 'Microsoft' } });
    expect(attributionFor(opp, 'Microsoft')).toBe('Influenced');
  });

  it('reads a hyperscaler-led deal with no originating cloud and one cloud tagged as sourced by that cloud, and reports the gap', () => {
    const opp = awsPdmReferral({ coSell: { originatingCloud: null } });
    expect(attributionFor(opp, 'AWS')).toBe('Sourced');
    expect(opportunityAttribution(opp)).toBe('Sourced');
    expect(originatingCloudGap(opp)).toEqual({ kind: 'read-from-single-cloud', cloud: 'AWS' });
    expect(originatingCloudGap(awsPdmReferral())).toBeNull();
  });

  it('gives no cloud sourced credit for a hyperscaler-led deal with several clouds tagged and none originating, and reports it', () => {
    const opp = awsPdmReferral({ coSell: { clouds: ['AWS', 'Google'], originatingCloud: null } });
    expect(attributionFor(opp, 'AWS')).toBe('Influenced');
    expect(attributionFor(opp, 'Google')).toBe('Influenced');
    expect(originatingCloudGap(opp)).toEqual({ kind: 'ambiguous', clouds: ['AWS', 'Google'] });
  });

  it('keeps sourced credit for the originating cloud even when it is not tagged', () => {
    const opp = awsPdmReferral({ coSell: { clouds: [] } });
    expect(attributionFor(opp, 'AWS')).toBe('Sourced');
  });

  it('keeps sourced credit when a later portal update was rejected', () => {
    const opp = awsPdmReferral({ engagements: [{ cloud: 'AWS', status: 'Rejected' }] });
    expect(attributionFor(opp, 'AWS')).toBe('Sourced');
  });

  it('gives no influence credit to a tagged cloud that rejected or let the engagement expire', () => {
    for (const status of ['Rejected', 'Expired'] as const) {
      const opp = maccDrawdownDeal({ engagements: [{ cloud: 'Microsoft', status }] });
      expect(attributionFor(opp, 'Microsoft')).toBe('None');
      expect(opportunityAttribution(opp)).toBe('None');
    }
  });

  it('counts a tagged cloud whose engagement is still in review as influenced', () => {
    const opp = maccDrawdownDeal({ engagements: [{ cloud: 'Microsoft', status: 'In review' }] });
    expect(attributionFor(opp, 'Microsoft')).toBe('Influenced');
  });

  it('counts an accepted, won or lost engagement as joint work even when the AE forgot the tag', () => {
    for (const status of ['Accepted', 'Won', 'Lost'] as const) {
      const opp = opportunity({
        coSell: { origin: 'Partner-led' },
        engagements: [{ cloud: 'Google', status }],
      });
      expect(attributionFor(opp, 'Google')).toBe('Influenced');
    }
  });

  it('does not count an untagged draft engagement', () => {
    const opp = opportunity({ engagements: [{ cloud: 'Google', status: 'Draft' }] });
    expect(attributionFor(opp, 'Google')).toBe('None');
  });
});

describe('opportunityAttribution', () => {
  it('is None for a direct deal', () => {
    expect(opportunityAttribution(directDeal())).toBe('None');
  });

  it('stores the strongest attribution across clouds: sourced beats influenced', () => {
    const opp = awsPdmReferral({
      coSell: { clouds: ['Microsoft', 'AWS'], originatingCloud: 'AWS' },
    });
    expect(opportunityAttribution(opp)).toBe('Sourced');
  });

  it('stores influenced when the only engaged cloud did not originate', () => {
    const opp = awsPdmReferral({
      coSell: { clouds: ['Google'], originatingCloud: 'AWS' },
      engagements: [{ cloud: 'AWS', status: 'Rejected' }],
    });
    expect(attributionFor(opp, 'Google')).toBe('Influenced');
    expect(opportunityAttribution(opp)).toBe('Sourced');
    const partnerLed = maccDrawdownDeal({ coSell: { clouds: ['Google'] } });
    expect(opportunityAttribution(partnerLed)).toBe('Influenced');
  });
});
