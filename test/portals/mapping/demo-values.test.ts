// The shipped maps cover the values the product's own demo org uses: its open stages reach AWS and
// Microsoft, and its customers' industries reach AWS and Google (Microsoft's industry list is
// unpublished beyond its samples, so there it stays a reported gap).
import { describe, expect, it } from '@jest/globals';
import { demoOpportunities } from '../../../middleware/src/demo/seed.js';
import { createAwsMapper } from '../../../middleware/src/portals/aws/map.js';
import { createGoogleMapper } from '../../../middleware/src/portals/google/map.js';
import { loadMapping } from '../../../middleware/src/portals/mapping/load.js';
import { createMicrosoftMapper } from '../../../middleware/src/portals/microsoft/map.js';
import { NOW, northwindDataPlatform } from './opportunity-fixture.js';

const mappers = {
  aws: createAwsMapper(loadMapping('aws')),
  microsoft: createMicrosoftMapper(loadMapping('microsoft')),
  google: createGoogleMapper(loadMapping('google')),
};

describe('shipped value maps against the demo org', () => {
  const demo = demoOpportunities(NOW);

  it.each(['Solution Proposed', 'Negotiation'])(
    'sends the demo stage "%s" to AWS and Microsoft',
    (stage) => {
      const opportunity = northwindDataPlatform((o) => void (o.stageName = stage));
      for (const mapper of [mappers.aws, mappers.microsoft]) {
        const { findings } = mapper.toWire(opportunity, { now: NOW });
        expect(findings.filter((finding) => finding.field === 'StageName')).toEqual([]);
      }
    },
  );

  it('leaves no demo stage unmapped on AWS or Microsoft, and no demo industry on AWS or Google', () => {
    const stages = new Set(demo.filter((o) => !o.isClosed).map((o) => o.stageName));
    const industries = new Set(demo.map((o) => o.account.industry));
    expect(stages.size).toBeGreaterThan(3);
    const checked = {
      aws: /StageName|Industry/,
      microsoft: /StageName/,
      google: /Industry/,
    } as const;
    for (const [portal, mapper] of Object.entries(mappers)) {
      for (const opportunity of demo.filter((o) => !o.isClosed)) {
        const { findings } = mapper.toWire(opportunity, { now: NOW });
        const fields = checked[portal as keyof typeof checked];
        const unmapped = findings.filter(
          (finding) =>
            /_MAP_VALUE_(?:UNMAPPED|NOT_SENT)$/.test(finding.code) &&
            fields.test(finding.field ?? ''),
        );
        expect({ portal, unmapped }).toEqual({ portal, unmapped: [] });
      }
    }
    expect([...industries].sort()).toEqual(['Financial Services', 'Healthcare', 'Manufacturing']);
  });

  it('says so when Microsoft cannot send a stage, rather than dropping it silently', () => {
    const { payload, findings } = mappers.microsoft.toWire(
      northwindDataPlatform((o) => void (o.stageName = 'Verbal Commit')),
      { now: NOW },
    );
    expect(JSON.stringify(payload)).not.toContain('Verbal Commit');
    expect(findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'StageName',
          severity: 'warning',
          message: expect.stringContaining('"Verbal Commit"'),
        }),
      ]),
    );
  });
});
