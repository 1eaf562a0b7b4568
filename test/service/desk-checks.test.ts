// The desk's checks: previews and submissions judge a deal alike, with the ISV's Microsoft
// solutions and, once the org's value maps load, the org's pairs for both.
import { describe, expect, it } from '@jest/globals';
import { createAwsMapper } from '../../middleware/src/portals/aws/map.js';
import { loadMapping } from '../../middleware/src/portals/mapping/load.js';
import { deskChecks } from '../../middleware/src/service/desk-checks.js';
import { SANDBOX_MICROSOFT_SOLUTION } from '../../middleware/src/service/desk-portals.js';
import { NOW, northwindDataPlatform } from '../portals/mapping/opportunity-fixture.js';

const SETTINGS = { MS_SOLUTION_IDS: [], GOOGLE_PRODUCT_FAMILIES: ['GOOGLE_CLOUD_PLATFORM'] };
const verbalCommit = () => northwindDataPlatform((o) => void (o.stageName = 'Verbal Commit'));

describe('desk checks', () => {
  it('apply the org value maps to previews and submissions together', () => {
    const checks = deskChecks({ ...SETTINGS, MS_MODE: 'sandbox' });
    const stageFindings = () =>
      checks.findings(verbalCommit(), 'AWS', NOW).filter((f) => f.field === 'StageName');
    expect(stageFindings()).not.toEqual([]);
    expect(checks.mappingFor('aws')).toEqual({});

    checks.applyValueMaps({ aws: { stage: { 'Verbal Commit': 'Committed' } } });
    expect(stageFindings()).toEqual([]);
    const { mapping } = checks.mappingFor('aws');
    expect(mapping).toBeDefined();
    const { payload } = createAwsMapper(mapping!).toWire(verbalCommit(), { now: NOW });
    expect(JSON.stringify(payload)).toContain('"Stage":"Committed"');
    // Maps for one portal leave the others' pairs as shipped.
    expect(checks.mappingFor('google').mapping?.config).toEqual(loadMapping('google').config);
  });

  it('name the sandbox solution in the sandbox and the configured ones live', () => {
    expect(deskChecks({ ...SETTINGS, MS_MODE: 'sandbox' }).microsoftSolutions).toEqual([
      SANDBOX_MICROSOFT_SOLUTION,
    ]);
    const live = deskChecks({ ...SETTINGS, MS_MODE: 'live', MS_SOLUTION_IDS: ['SOL-1', 'SOL-2'] });
    expect(live.microsoftSolutions).toEqual(['SOL-1', 'SOL-2']);
    const solutions = live.portals('microsoft').mapper.toWire(northwindDataPlatform(), { now: NOW })
      .payload as { solutions?: unknown };
    expect(JSON.stringify(solutions)).toContain('SOL-2');
  });

  it('refuse what a portal would refuse, and say why', () => {
    const checks = deskChecks({ ...SETTINGS, MS_MODE: 'sandbox' });
    const ready = northwindDataPlatform();
    expect(checks.wouldRefuse(ready, 'AWS', NOW)).toBe(false);
    const undescribed = northwindDataPlatform((o) => void (o.description = null));
    expect(checks.wouldRefuse(undescribed, 'AWS', NOW)).toBe(true);
    expect(
      checks.findings(undescribed, 'AWS', NOW).some((finding) => finding.severity === 'error'),
    ).toBe(true);
  });
});
