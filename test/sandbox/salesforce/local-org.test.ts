// The local org through jsforce, as the product and Salesforce clients use it: JWT login with the
// generated certificate, userinfo and identity, describe from force-app, Salesforce's write errors,
// field-level security from the permission sets, record access answers, paging and the call counter.
import { Connection } from 'jsforce';
import {
  openSalesforceSession,
  SALESFORCE_API_VERSION,
} from '../../../middleware/src/salesforce/gateway/index.js';
import { startLocalOrg, type LocalOrg } from '../../../middleware/src/sandbox/salesforce/index.js';
import { failure } from './sf-failure.js';

describe('the local org', () => {
  let local: LocalOrg;
  let admin: Connection;
  let integration: Connection;
  let ae: Connection;
  let aeId: string;
  let opportunityId: string;

  beforeAll(async () => {
    local = await startLocalOrg();
    const session = await openSalesforceSession({
      loginUrl: local.instanceUrl,
      clientId: local.integration.clientId,
      username: local.integration.username,
      privateKey: local.integration.privateKeyPem,
      instanceUrl: null,
    });
    integration = session.connection as unknown as Connection;
    admin = new Connection({
      instanceUrl: local.instanceUrl,
      accessToken: local.admin.accessToken,
      version: SALESFORCE_API_VERSION,
    });
    aeId = local.server.userByName('ae@cosell.local')!.Id;
    ae = new Connection({
      instanceUrl: local.instanceUrl,
      accessToken: local.server.issueToken(aeId),
      version: SALESFORCE_API_VERSION,
    });
    const created = await ae.sobject('Opportunity').create({
      Name: 'Fabrikam Health - clinical analytics on Azure',
      StageName: 'Proposal',
      CloseDate: '2027-01-15',
      Amount: 260000,
      CurrencyIsoCode: 'EUR',
      CoSell_Clouds__c: 'Microsoft',
    });
    opportunityId = (created as { id: string }).id;
  });
  afterAll(async () => local?.stop());

  it('answers userinfo and the identity URL for the logged-in user', async () => {
    const info = await admin.request<{
      user_id: string;
      organization_id: string;
      preferred_username: string;
    }>(`${local.instanceUrl}/services/oauth2/userinfo`);
    expect(info).toMatchObject({
      user_id: local.admin.userId,
      organization_id: expect.stringMatching(/^00D/),
      preferred_username: local.admin.username,
    });
    const identity = await admin.identity();
    expect(identity).toMatchObject({ user_id: local.admin.userId, username: local.admin.username });
    const versions = await admin.request<Array<{ version: string }>>('/services/data');
    expect(versions.map((entry) => entry.version)).toEqual(
      expect.arrayContaining(['51.0', SALESFORCE_API_VERSION]),
    );
    const user = await admin.request<{ Username: string }>(
      `/services/data/v51.0/sobjects/User/${local.admin.userId}`,
    );
    expect(user.Username).toBe(local.admin.username);
  });

  it('describes the package objects, with the new record stamped and owned by its creator', async () => {
    const described = await admin.sobject('CoSell_Engagement__c').describe();
    const action = described.fields.find((field) => field.name === 'Requested_Action__c')!;
    expect(action).toMatchObject({ type: 'picklist', restrictedPicklist: true, updateable: true });
    expect(action.picklistValues!.map((value) => value.value)).toEqual([
      'Validate',
      'Submit',
      'Update',
      'Close',
    ]);
    expect(described.fields.find((field) => field.name === 'Hours_To_Accept__c')).toMatchObject({
      calculated: true,
      createable: false,
      updateable: false,
    });
    const opportunity = await admin.sobject('Opportunity').describe();
    expect(opportunity.childRelationships.map((child) => child.relationshipName)).toContain(
      'CoSell_Engagements__r',
    );
    const record = await admin.sobject('Opportunity').retrieve(opportunityId);
    expect(record).toMatchObject({
      OwnerId: aeId,
      CreatedById: aeId,
      IsClosed: false,
      IsWon: false,
      SystemModstamp: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*\+0000$/),
    });
  });

  it("refuses bad writes with Salesforce's error codes and changes nothing", async () => {
    const before = { ...local.org.get('Opportunity', opportunityId) };
    const attempts: Array<[Record<string, unknown>, string]> = [
      [{ Nonexistent__c: 'x' }, 'INVALID_FIELD'],
      [{ Name: 'x'.repeat(121) }, 'STRING_TOO_LONG'],
      [{ CoSell_Origin__c: 'Somewhere' }, 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST'],
      [
        { CoSell_Help_Needed__c: 'Deal support;Free lunch' },
        'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      ],
      [{ Amount: 'a lot' }, 'INVALID_TYPE_ON_FIELD_IN_RECORD'],
      [{ IsWon: true }, 'INVALID_FIELD_FOR_INSERT_UPDATE'],
      [{ Name: null }, 'REQUIRED_FIELD_MISSING'],
    ];
    for (const [fields, code] of attempts) {
      const error = await failure(
        ae.sobject('Opportunity').update({ Id: opportunityId, ...fields }),
      );
      expect({ fields, code: error.errorCode ?? error.name }).toEqual({ fields, code });
    }
    expect(local.org.get('Opportunity', opportunityId)).toEqual(before);
    const missing = await failure(ae.sobject('Opportunity').create({ Name: 'No stage' }));
    expect(missing.message).toBe('Required fields are missing: [CloseDate, StageName]');
  });

  it('applies field-level security from the permission sets in force-app', async () => {
    const engagement = await ae.sobject('CoSell_Engagement__c').create({
      Opportunity__c: opportunityId,
      Cloud__c: 'Microsoft',
      Requested_Action__c: 'Submit',
    });
    const engagementId = (engagement as { id: string }).id;
    // CoSell_AE may request an action but not write the portal's outcome.
    const refused = await failure(
      ae.sobject('CoSell_Engagement__c').update({ Id: engagementId, Status__c: 'Accepted' }),
    );
    expect(refused.errorCode ?? refused.name).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
    expect(refused.message).toBe(
      'Unable to create/update fields: Status__c. Please check the security settings of this field and verify that it is read/write for your profile or permission set.',
    );
    // The integration user writes the outcome; the admin sees all.
    await integration
      .sobject('CoSell_Engagement__c')
      .update({ Id: engagementId, Status__c: 'Accepted' });
    expect(local.org.get('CoSell_Engagement__c', engagementId)).toMatchObject({
      Status__c: 'Accepted',
      LastModifiedById: local.integration.userId,
    });
  });

  it('answers SOQL on a field the user may not read with INVALID_FIELD, and the admin sees it', async () => {
    const error = await failure(
      integration.query('SELECT Id, Is_Overdue__c FROM CoSell_Referral__c'),
    );
    expect(error.errorCode ?? error.name).toBe('INVALID_FIELD');
    expect((await admin.query('SELECT Id, Is_Overdue__c FROM CoSell_Referral__c')).totalSize).toBe(
      0,
    );
    const unknown = await failure(admin.query('SELECT Id FROM ScratchOrgInfo'));
    expect(unknown.errorCode ?? unknown.name).toBe('INVALID_TYPE');
    const grouped = await failure(
      admin.query('SELECT StageName, COUNT(Id) FROM Opportunity GROUP BY StageName'),
    );
    expect(grouped.errorCode ?? grouped.name).toBe('MALFORMED_QUERY');
    const dated = await failure(
      admin.query('SELECT Id FROM Opportunity WHERE CreatedDate = TODAY'),
    );
    expect(dated.errorCode ?? dated.name).toBe('MALFORMED_QUERY');
  });

  it('answers UserRecordAccess by owner, sharing model and the parent record', async () => {
    const engagement = local.org
      .all('CoSell_Engagement__c')
      .find((record) => record.Opportunity__c === opportunityId)!;
    const allianceId = local.server.userByName('alliances@cosell.local')!.Id;
    const ask = async (userId: string) =>
      (
        await integration.query<{
          RecordId: string;
          HasReadAccess: boolean;
          HasEditAccess: boolean;
        }>(
          `SELECT RecordId, HasReadAccess, HasEditAccess FROM UserRecordAccess WHERE UserId = '${userId}' AND RecordId IN ('${opportunityId}', '${engagement.Id}')`,
        )
      ).records.map(({ RecordId, HasReadAccess, HasEditAccess }) => ({
        RecordId,
        HasReadAccess,
        HasEditAccess,
      }));
    // The AE owns the opportunity; the engagement is ControlledByParent.
    expect(await ask(aeId)).toEqual([
      { RecordId: opportunityId, HasReadAccess: true, HasEditAccess: true },
      { RecordId: engagement.Id, HasReadAccess: true, HasEditAccess: true },
    ]);
    // Opportunity is Private: another user sees neither.
    expect(await ask(allianceId)).toEqual([
      { RecordId: opportunityId, HasReadAccess: false, HasEditAccess: false },
      { RecordId: engagement.Id, HasReadAccess: false, HasEditAccess: false },
    ]);
    expect(await ask(local.admin.userId)).toEqual([
      { RecordId: opportunityId, HasReadAccess: true, HasEditAccess: true },
      { RecordId: engagement.Id, HasReadAccess: true, HasEditAccess: true },
    ]);
  });

  it('pages queries by 2,000 and counts every API call in /limits', async () => {
    const records = Array.from({ length: 4100 }, (_, index) => ({
      Name: `Pipeline deal ${index}`,
      StageName: 'Prospecting',
      CloseDate: '2027-06-30',
    }));
    for (const record of records)
      local.server.writeRecord(
        'Opportunity',
        record,
        { kind: 'create' },
        { userId: local.admin.userId },
      );
    const first = await admin.query('SELECT Id FROM Opportunity');
    expect(first).toMatchObject({ totalSize: 4101, done: false });
    expect(first.records).toHaveLength(2000);
    const second = await admin.queryMore(first.nextRecordsUrl!);
    expect(second.records).toHaveLength(2000);
    const third = await admin.queryMore(second.nextRecordsUrl!);
    expect(third).toMatchObject({ done: true });
    expect(third.records).toHaveLength(101);
    const before = (await admin.limits()).DailyApiRequests!.Remaining;
    await admin.query('SELECT Id FROM Account');
    const after = (await admin.limits()).DailyApiRequests!.Remaining;
    expect(after).toBe(before - 2);
  });
});
