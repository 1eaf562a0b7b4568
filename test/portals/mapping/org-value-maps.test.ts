// Value maps an admin keeps in CoSell_Value_Map__mdt override the shipped config/mapping pairs one by
// one, a bad record is refused with its name and field, and setup check lists org values mapped to nothing.
import { describe, expect, it } from '@jest/globals';
import { loadMapping } from '../../../middleware/src/portals/mapping/load.js';
import { compileMapping } from '../../../middleware/src/portals/mapping/compile.js';
import { createAwsMapper } from '../../../middleware/src/portals/aws/map.js';
import {
  mappedPicklists,
  orgValueMapsFromRecords,
  unmappedPicklistValues,
  ValueMapRecordError,
  withOrgValueMaps,
} from '../../../middleware/src/portals/mapping/org-value-maps.js';
import { NOW, northwindDataPlatform } from './opportunity-fixture.js';

const record = (name: string, portal: string, map: string, from: string, to: string) => ({
  DeveloperName: name,
  Portal__c: portal,
  Value_Map__c: map,
  Salesforce_Value__c: from,
  Portal_Value__c: to,
});

describe('per-org value maps', () => {
  const aws = loadMapping('aws').config;

  it('lays the org pairs over the shipped map: a new stage is sent, shipped pairs stay', () => {
    const org = orgValueMapsFromRecords(
      [record('AWS_Stage_Verbal_Commit', 'AWS', 'stage', 'Verbal Commit', 'Committed')],
      { aws: Object.keys(aws.valueMaps) },
    );
    const config = withOrgValueMaps(aws, org);
    expect(config.valueMaps.stage).toMatchObject({
      'Verbal Commit': 'Committed',
      Prospecting: 'Prospect',
    });
    const mapper = createAwsMapper(compileMapping(config));
    const { payload, findings } = mapper.toWire(
      northwindDataPlatform((o) => void (o.stageName = 'Verbal Commit')),
      { now: NOW },
    );
    expect(JSON.stringify(payload)).toContain('"Stage":"Committed"');
    expect(findings.filter((finding) => finding.field === 'StageName')).toEqual([]);
    expect(withOrgValueMaps(loadMapping('google').config, org)).toEqual(
      loadMapping('google').config,
    );
  });

  it('refuses the whole set when a record is bad, naming each record and field', () => {
    expect(() =>
      orgValueMapsFromRecords(
        [
          record('Bad_Portal', 'Oracle', 'stage', 'A', 'B'),
          record('Bad_Map', 'AWS', 'stages', 'A', 'B'),
          record('Empty_Value', 'AWS', 'stage', 'A', ' '),
        ],
        { aws: Object.keys(aws.valueMaps) },
      ),
    ).toThrow(ValueMapRecordError);
    try {
      orgValueMapsFromRecords([
        record('One', 'AWS', 'stage', 'A', 'B'),
        record('Two', 'AWS', 'stage', 'A', 'C'),
      ]);
    } catch (error) {
      expect((error as ValueMapRecordError).issues).toEqual([
        'Two: maps AWS stage "A" again (already in One)',
      ]);
    }
  });

  it('knows which org picklists each portal reads, and lists their values that map to nothing', () => {
    expect(mappedPicklists(aws)).toEqual(
      expect.arrayContaining([
        { field: 'Opportunity.StageName', valueMap: 'stage' },
        { field: 'Account.Industry', valueMap: 'industry' },
      ]),
    );
    const values = {
      'Opportunity.StageName': ['Prospecting', 'Solution Proposed', 'Verbal Commit'],
      'Account.Industry': ['Healthcare', 'Wellness Retreats'],
    };
    const unmapped = unmappedPicklistValues(aws, values);
    expect(unmapped).toHaveLength(2);
    expect(unmapped).toEqual(
      expect.arrayContaining([
        { field: 'Account.Industry', valueMap: 'industry', values: ['Wellness Retreats'] },
        { field: 'Opportunity.StageName', valueMap: 'stage', values: ['Verbal Commit'] },
      ]),
    );
    const fixed = withOrgValueMaps(
      aws,
      orgValueMapsFromRecords([record('V', 'AWS', 'stage', 'Verbal Commit', 'Committed')]),
    );
    expect(unmappedPicklistValues(fixed, values).map((entry) => entry.field)).toEqual([
      'Account.Industry',
    ]);
  });
});
