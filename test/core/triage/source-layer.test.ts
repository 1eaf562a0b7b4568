// Source-layer inference across the three clouds' field titles: each layer, the precedence between
// overlapping words, confidence, and the null that makes triage ask a person to classify.
import { describe, expect, it } from '@jest/globals';
import { inferSourceLayer } from '../../../middleware/src/core/triage/source-layer.js';

describe('inferSourceLayer', () => {
  it.each([
    // Layer 3: account relationship owners.
    ['Enterprise Account Executive', 'Account Team'],
    ['Account Technology Strategist, Contoso Retail', 'Account Team'],
    ['Cloud Solution Architect - Data & AI', 'Account Team'],
    ['Customer Success Account Manager', 'Account Team'],
    ['Sr. Technical Account Manager', 'Account Team'],
    ['Field Sales Representative, Financial Services', 'Account Team'],
    ['Customer Engineer', 'Account Team'],
    ['Solutions Architect', 'Account Team'],
    // AWS PSMs own partner-attached revenue on named accounts: they behave like layer 3.
    ['Partner Sales Manager, ISV', 'Account Team'],
    // Layer 4: workload specialists.
    ['Data & AI Specialist (SSP)', 'Specialist'],
    ['Technical Specialist - Azure Infrastructure', 'Specialist'],
    ['Sr. Analytics Solutions Architect', 'Specialist'],
    ['Specialist Customer Engineer, Data Analytics', 'Specialist'],
    ['Customer Engineer, Security', 'Specialist'],
    ['Global Black Belt, AI Apps', 'Specialist'],
    // Layer 5: partner programme.
    ['Partner Development Manager', 'Partner Program'],
    ['Regional Partner Development Manager, EMEA', 'Partner Program'],
    ['Partner Technology Strategist', 'Partner Program'],
    ['Director, ISV Partners', 'Partner Program'],
    // Layer 1: executives, industry and strategic-account leaders.
    ['Industry Director, Financial Services', 'Executive/Industry'],
    ['VP, Healthcare & Life Sciences Industry', 'Executive/Industry'],
    ['Director, Strategic Accounts', 'Executive/Industry'],
    ['General Manager, Retail', 'Executive/Industry'],
    // Layer 2: regional and segment leadership.
    ['Regional Sales Manager, Nordics', 'Regional/Segment'],
    ['Head of Mid-Market, UK&I', 'Regional/Segment'],
    ['EMEA Enterprise Sales Director', 'Regional/Segment'],
    ['Country Manager, Netherlands', 'Regional/Segment'],
  ])('classifies "%s" as %s with high confidence', (title, layer) => {
    const result = inferSourceLayer({ title });
    expect(result).toMatchObject({ layer, confidence: 'high', field: 'title' });
    expect(result.matched).not.toBeNull();
  });

  it('returns the keyword that decided it', () => {
    expect(inferSourceLayer({ title: 'Sr. Partner Development Manager, Data' }).matched).toBe(
      'partner development',
    );
  });

  it('treats bare two-letter abbreviations as low confidence', () => {
    expect(inferSourceLayer({ role: 'AE' })).toEqual({
      layer: 'Account Team',
      matched: 'ae',
      confidence: 'low',
      field: 'role',
    });
    expect(inferSourceLayer({ title: 'Director' })).toMatchObject({
      layer: 'Executive/Industry',
      confidence: 'low',
    });
  });

  it('prefers an explicit hint by name or layer number over the title', () => {
    expect(inferSourceLayer({ hint: 'Partner Program', title: 'Account Executive' })).toMatchObject(
      {
        layer: 'Partner Program',
        confidence: 'high',
        field: 'hint',
      },
    );
    expect(inferSourceLayer({ hint: 'layer 4' }).layer).toBe('Specialist');
    expect(inferSourceLayer({ hint: 'L2' }).layer).toBe('Regional/Segment');
    expect(inferSourceLayer({ hint: 'PDM' })).toMatchObject({
      layer: 'Partner Program',
      field: 'hint',
    });
  });

  it('uses the role before the title', () => {
    expect(inferSourceLayer({ role: 'CSM', title: 'Partner Development Manager' }).layer).toBe(
      'Account Team',
    );
  });

  it('falls back to the email local part, always at low confidence', () => {
    expect(inferSourceLayer({ title: 'Jane Okafor', email: 'aws-pdm-emea@amazon.com' })).toEqual({
      layer: 'Partner Program',
      matched: 'pdm',
      confidence: 'low',
      field: 'email',
    });
  });

  it('returns null with confidence none when nothing matches, so the caller flags "classify source"', () => {
    expect(inferSourceLayer({ title: 'Priya Raman', email: 'priya.raman@microsoft.com' })).toEqual({
      layer: null,
      matched: null,
      confidence: 'none',
      field: null,
    });
    expect(inferSourceLayer({})).toMatchObject({ layer: null, confidence: 'none' });
    expect(inferSourceLayer({ title: '   ', role: null, hint: '' }).layer).toBeNull();
  });

  it('does not match abbreviations inside longer words', () => {
    expect(inferSourceLayer({ title: 'Aerospace Salesforce Casework' }).layer).toBeNull();
  });
});
