// The local org's schema is read from force-app: types, lengths, picklists and references, and a field
// added to a copy of force-app appears with no code change.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSchema, SchemaError } from '../../../middleware/src/sandbox/salesforce/schema.js';

describe('local org schema from force-app', () => {
  it('reads custom objects, their fields and the standard objects they extend', async () => {
    const schema = await loadSchema('force-app');
    const action = schema.field('CoSell_Engagement__c', 'requested_action__c');
    expect(action).toMatchObject({
      name: 'Requested_Action__c',
      type: 'picklist',
      picklist: { restricted: true },
    });
    expect(action!.picklist!.values.map((value) => value.value)).toEqual([
      'Validate',
      'Submit',
      'Update',
      'Close',
    ]);
    expect(schema.field('CoSell_Engagement__c', 'Engagement_Key__c')).toMatchObject({
      type: 'string',
      length: 40,
      externalId: true,
      unique: true,
    });
    expect(schema.field('CoSell_Engagement__c', 'Hours_To_Accept__c')).toMatchObject({
      type: 'double',
      calculated: true,
    });
    expect(schema.field('CoSell_Engagement__c', 'Opportunity__c')).toMatchObject({
      type: 'reference',
      referenceTo: ['Opportunity'],
      relationshipName: 'Opportunity__r',
      masterDetail: true,
    });
    expect(schema.object('CoSell_Engagement__c')!.sharingModel).toBe('ControlledByParent');
    expect(schema.field('Opportunity', 'CoSell_Help_Needed__c')).toMatchObject({
      type: 'multipicklist',
    });
    expect(schema.field('Opportunity', 'Name')).toMatchObject({
      type: 'string',
      length: 120,
      required: true,
    });
    expect(schema.childRelationships('Opportunity').map((child) => child.relationshipName)).toEqual(
      expect.arrayContaining(['CoSell_Engagements__r', 'OpportunityContactRoles']),
    );
  });

  describe('with a copy of force-app', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'h11org-schema-'));
      await cp('force-app', join(dir, 'force-app'), { recursive: true });
    });
    afterEach(() => rm(dir, { recursive: true, force: true }));

    it('shows a field added to force-app with no code change', async () => {
      await writeFile(
        join(
          dir,
          'force-app/main/default/objects/CoSell_Engagement__c/fields/Partner_Notes__c.field-meta.xml',
        ),
        '<?xml version="1.0" encoding="UTF-8"?><CustomField xmlns="http://soap.sforce.com/2006/04/metadata"><fullName>Partner_Notes__c</fullName><label>Partner Notes</label><length>25</length><type>Text</type></CustomField>',
      );
      const schema = await loadSchema(join(dir, 'force-app'));
      expect(schema.field('CoSell_Engagement__c', 'Partner_Notes__c')).toMatchObject({
        label: 'Partner Notes',
        type: 'string',
        length: 25,
        custom: true,
      });
    });

    it('refuses a field type it does not model, naming the file', async () => {
      await writeFile(
        join(
          dir,
          'force-app/main/default/objects/CoSell_Engagement__c/fields/Where__c.field-meta.xml',
        ),
        '<?xml version="1.0" encoding="UTF-8"?><CustomField xmlns="http://soap.sforce.com/2006/04/metadata"><fullName>Where__c</fullName><label>Where</label><type>Location</type></CustomField>',
      );
      await expect(loadSchema(join(dir, 'force-app'))).rejects.toThrow(SchemaError);
      await expect(loadSchema(join(dir, 'force-app'))).rejects.toThrow(
        /Where__c\.field-meta\.xml: field type Location/,
      );
    });
  });
});
