// The org's change feed: one OrgChange per committed record, after the write, shaped like CDC's header.
import { InMemoryOrg, type OrgChange } from '../../../middleware/src/sandbox/salesforce/org.js';

describe('local org change feed', () => {
  const at = new Date('2026-12-06T04:00:00.000Z');

  it('emits CREATE with every set field, UPDATE with only the changed ones, DELETE with none', () => {
    const org = new InMemoryOrg(() => at);
    const changes: OrgChange[] = [];
    const stop = org.onChange((change) => changes.push(change));

    const created = org.save(
      'Opportunity',
      { Name: 'Contoso lakehouse', StageName: 'Qualification', Amount: null },
      undefined,
      { userId: '005AE', transactionKey: 'tx-1' },
    ).record!;
    org.save('Opportunity', { StageName: 'Proposal' }, created, { userId: '005AE' });
    org.remove('Opportunity', created.Id, { userId: '005ADMIN' });
    stop();
    org.save('Opportunity', { Name: 'after unsubscribe' }, undefined);

    expect(changes.map((change) => change.changeType)).toEqual(['CREATE', 'UPDATE', 'DELETE']);
    const [create, update, remove] = changes as [OrgChange, OrgChange, OrgChange];
    expect(create).toMatchObject({
      entityName: 'Opportunity',
      recordIds: [created.Id],
      changedFields: [],
      commitUser: '005AE',
      transactionKey: 'tx-1',
      commitTimestamp: at.getTime(),
    });
    expect(create.fields).toMatchObject({ Name: 'Contoso lakehouse', StageName: 'Qualification' });
    expect(create.fields).not.toHaveProperty('Amount');
    expect(update.changedFields).toEqual(['StageName', 'LastModifiedDate']);
    expect(update.fields).toEqual({
      StageName: 'Proposal',
      LastModifiedDate: '2026-12-06T04:00:00.000+0000',
    });
    expect(remove).toMatchObject({ recordIds: [created.Id], commitUser: '005ADMIN', fields: {} });
    expect(update.transactionKey).not.toBe(remove.transactionKey);
  });

  it('emits nothing for a write validation refuses', () => {
    const org = new InMemoryOrg(() => at);
    org.addValidationRule(() => ({
      statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      message: 'no',
      fields: [],
    }));
    const changes: OrgChange[] = [];
    org.onChange((change) => changes.push(change));
    expect(org.save('Opportunity', { Name: 'refused' }, undefined).errors).toHaveLength(1);
    expect(org.remove('Opportunity', '006MISSING')).toBe(false);
    expect(changes).toEqual([]);
  });
});
