// The org's CoSell_Value_Map__mdt records reach the portal mappers: the gateway reads them, the
// bindings built from them send the org's own stage, and a bad record is refused by name.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ValueMapRecordError } from '../../../middleware/src/portals/mapping/org-value-maps.js';
import { createPortalBinding } from '../../../middleware/src/portals/registry.js';
import {
  openSalesforceSession,
  SalesforceApi,
} from '../../../middleware/src/salesforce/gateway/index.js';
import { ValueMapSource } from '../../../middleware/src/salesforce/gateway/value-maps.js';
import { NOW, northwindDataPlatform } from '../../portals/mapping/opportunity-fixture.js';
import {
  startSalesforceFixture,
  type SalesforceFixture,
} from '../../support/salesforce-server/index.js';

describe('value maps from CoSell_Value_Map__mdt', () => {
  let fixture: SalesforceFixture;
  beforeAll(async () => {
    fixture = await startSalesforceFixture();
  }, 60_000);
  afterAll(async () => fixture.stop());

  it('reads the org pairs and the bindings built from them send the org stage to the portal', async () => {
    fixture.server.org.seed('CoSell_Value_Map__mdt', {
      DeveloperName: 'AWS_stage_Verbal_Commit',
      Portal__c: 'AWS',
      Value_Map__c: 'stage',
      Salesforce_Value__c: 'Verbal Commit',
      Portal_Value__c: 'Committed',
    });
    const session = await openSalesforceSession(fixture.config);
    const source = new ValueMapSource(new SalesforceApi(session.connection));
    const valueMaps = await source.load();
    expect(valueMaps).toEqual({ aws: { stage: { 'Verbal Commit': 'Committed' } } });
    const opportunity = northwindDataPlatform((o) => void (o.stageName = 'Verbal Commit'));
    const shipped = createPortalBinding('aws').mapper.toWire(opportunity, { now: NOW });
    expect(shipped.findings.some((finding) => finding.field === 'StageName')).toBe(true);
    const org = createPortalBinding('aws', { valueMaps }).mapper.toWire(opportunity, { now: NOW });
    expect(org.findings.filter((finding) => finding.field === 'StageName')).toEqual([]);

    fixture.server.org.seed('CoSell_Value_Map__mdt', {
      DeveloperName: 'Typo',
      Portal__c: 'AWS',
      Value_Map__c: 'stages',
      Salesforce_Value__c: 'X',
      Portal_Value__c: 'Y',
    });
    await expect(source.load()).rejects.toThrow(ValueMapRecordError);
    await expect(source.load()).rejects.toThrow(
      /Typo\.Value_Map__c: "stages" is not a AWS value map/,
    );
  });
});
