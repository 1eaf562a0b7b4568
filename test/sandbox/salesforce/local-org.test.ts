// The local org through jsforce, as the product and Salesforce clients use it: JWT login with the
// generated certificate, userinfo and identity, describe from force-app, Salesforce's write errors,
// field-level security from the permission sets, record access answers, paging and the call counter.
import { Connection } from 'jsforce';
import {
  openSalesforceSession,
  SALESFORCE_API_VERSION,
} from '../../../middleware/src/salesforce/gateway/index.js';
import { startLocalOrg, type LocalOrg } from '../../../middleware/src/sandbox/salesforce/index.js';

type SfError = { errorCode?: string; name?: string; message: string };

/** The error a call failed with (the test fails if it succeeded). */
async function failure(call: PromiseLike<unknown>): Promise<SfError> {
  const outcome = await Promise.resolve(call).then(
    () => null,
    (error: unknown) => error as SfError,
  );
  if (!outcome) throw new Error('expected the call to fail');
  return outcome;
}

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

describe('the local org fault plan', () => {
  let local: LocalOrg;
  afterAll(async () => local?.stop());

  it('answers UNABLE_TO_LOCK_ROW and REQUEST_LIMIT_EXCEEDED on demand through the shared fault plan, and changes nothing', async () => {
    local = await startLocalOrg();
    const admin = new Connection({
      instanceUrl: local.instanceUrl,
      accessToken: local.admin.accessToken,
      version: SALESFORCE_API_VERSION,
    });
    const account = (await admin.sobject('Account').create({ Name: 'Contoso Retail Group' })) as {
      id: string;
    };
    local.server.faultPlan.add({ kind: 'conflict', rate: 1, count: 1 });
    const locked = await failure(
      admin.sobject('Account').update({ Id: account.id, Name: 'Contoso' }),
    );
    expect(locked.errorCode ?? locked.name).toBe('UNABLE_TO_LOCK_ROW');
    expect(local.org.get('Account', account.id)!.Name).toBe('Contoso Retail Group');
    // Reads never draw a conflict; the rule is spent.
    expect((await admin.query('SELECT Name FROM Account')).totalSize).toBe(1);
    local.server.faultPlan.add({ kind: 'throttle', rate: 1, count: 1, operations: ['GET query'] });
    const throttled = await failure(admin.query('SELECT Name FROM Account'));
    expect(throttled.errorCode ?? throttled.name).toBe('REQUEST_LIMIT_EXCEEDED');
    await admin.sobject('Account').update({ Id: account.id, Name: 'Contoso' });
    expect(local.org.get('Account', account.id)!.Name).toBe('Contoso');
  });
});

describe('the local org Bulk API 2.0 query', () => {
  let local: LocalOrg;
  afterAll(async () => local?.stop());

  it('runs a query job and serves every row through the result locators, with field-level security', async () => {
    local = await startLocalOrg();
    const admin = new Connection({
      instanceUrl: local.instanceUrl,
      accessToken: local.admin.accessToken,
      version: SALESFORCE_API_VERSION,
    });
    const account = (await admin
      .sobject('Account')
      .create({ Name: 'Contoso, "Retail" Group' })) as { id: string };
    for (let index = 0; index < 250; index++) {
      local.server.writeRecord(
        'Opportunity',
        {
          Name: `Deal ${index}`,
          AccountId: account.id,
          StageName: 'Prospecting',
          CloseDate: '2027-06-30',
        },
        { kind: 'create' },
        { userId: local.admin.userId },
      );
    }
    admin.bulk2.pollInterval = 10;
    const stream = (await admin.bulk2.query(
      'SELECT Id, Name, Account.Name FROM Opportunity ORDER BY Name',
    )) as unknown as { toArray(): Promise<Array<Record<string, unknown>>> };
    const records = await stream.toArray();
    expect(records).toHaveLength(250);
    expect(records[0]).toMatchObject({ Name: 'Deal 0', 'Account.Name': 'Contoso, "Retail" Group' });
    expect(new Set(records.map((record) => record.Id)).size).toBe(250);
    // Paging by maxRecords and Sforce-Locator, as the results resource documents it.
    const jobId = local.server.log
      .find((entry) => entry.path.endsWith('/results'))!
      .path.split('/')
      .at(-2)!;
    const pages: Array<{ locator: string | null; count: string | null; lines: number }> = [];
    let locator = '';
    do {
      const response = await fetch(
        `${local.instanceUrl}/services/data/v${SALESFORCE_API_VERSION}/jobs/query/${jobId}/results?maxRecords=100${locator ? `&locator=${locator}` : ''}`,
        { headers: { authorization: `Bearer ${local.admin.accessToken}` } },
      );
      const text = await response.text();
      locator = response.headers.get('sforce-locator') ?? 'null';
      pages.push({
        locator,
        count: response.headers.get('sforce-numberofrecords'),
        lines: text.trim().split('\n').length - 1,
      });
    } while (locator !== 'null');
    expect(pages.map((page) => [page.count, page.lines])).toEqual([
      ['100', 100],
      ['100', 100],
      ['50', 50],
    ]);
    const integration = new Connection({
      instanceUrl: local.instanceUrl,
      accessToken: local.server.issueToken(local.integration.userId),
      version: SALESFORCE_API_VERSION,
    });
    await expect(
      integration.bulk2.query('SELECT Id, Is_Overdue__c FROM CoSell_Referral__c'),
    ).rejects.toThrow(/No such column/);
  });
});

describe('the local org /limits bulk counters', () => {
  let local: LocalOrg;
  afterAll(async () => local?.stop());

  it('counts Bulk API 2.0 query jobs and ingest batches (one per 10,000 records) as clients read them', async () => {
    local = await startLocalOrg();
    const admin = new Connection({
      instanceUrl: local.instanceUrl,
      accessToken: local.admin.accessToken,
      version: SALESFORCE_API_VERSION,
    });
    type Limits = Record<
      'DailyApiRequests' | 'DailyBulkV2QueryJobs' | 'DailyBulkApiBatches',
      { Max: number; Remaining: number }
    >;
    const limits = async () => (await admin.limits()) as unknown as Limits;
    const before = await limits();
    expect(before.DailyBulkV2QueryJobs).toEqual({ Max: 10_000, Remaining: 10_000 });
    expect(before.DailyBulkApiBatches).toEqual({ Max: 15_000, Remaining: 15_000 });

    const base = `${local.instanceUrl}/services/data/v${SALESFORCE_API_VERSION}`;
    const headers = {
      authorization: `Bearer ${local.admin.accessToken}`,
      'content-type': 'application/json',
    };
    const queryJob = await fetch(`${base}/jobs/query`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ operation: 'query', query: 'SELECT Id FROM Account' }),
    });
    expect(queryJob.status).toBe(200);
    // 10,001 accounts in one ingest job: two batches of 10,000 at most.
    const rows = [
      'Name',
      ...Array.from({ length: 10_001 }, (_, index) => `Bulk account ${index}`),
    ].join('\n');
    const job = (await (
      await fetch(`${base}/jobs/ingest`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          object: 'Account',
          operation: 'insert',
          contentType: 'CSV',
          lineEnding: 'LF',
        }),
      })
    ).json()) as { id: string };
    expect(
      (
        await fetch(`${base}/jobs/ingest/${job.id}/batches`, {
          method: 'PUT',
          headers: { authorization: headers.authorization, 'content-type': 'text/csv' },
          body: rows,
        })
      ).status,
    ).toBe(201);
    const done = (await (
      await fetch(`${base}/jobs/ingest/${job.id}`, {
        method: 'PATCH',
        headers,
        body: JSON.stringify({ state: 'UploadComplete' }),
      })
    ).json()) as { state: string };
    expect(done.state).toBe('JobComplete');

    const after = await limits();
    expect(after.DailyBulkV2QueryJobs.Remaining).toBe(10_000 - 1);
    expect(after.DailyBulkApiBatches.Remaining).toBe(15_000 - 2);
    // The query job, the three ingest calls and this /limits read, each one API request.
    expect(before.DailyApiRequests.Remaining - after.DailyApiRequests.Remaining).toBe(5);
    expect(
      local.org
        .all('Account')
        .filter((account) => String(account.Name).startsWith('Bulk account ')),
    ).toHaveLength(10_001);
  }, 120_000);
});

describe('the local org /composite resource', () => {
  let local: LocalOrg;
  let admin: Connection;
  afterAll(async () => local?.stop());

  type Answer = {
    compositeResponse: Array<{
      body: unknown;
      httpStatusCode: number;
      referenceId: string;
      httpHeaders: Record<string, string>;
    }>;
  };
  async function composite(body: unknown): Promise<{ status: number; json: Answer }> {
    const response = await fetch(
      `${local.instanceUrl}/services/data/v${SALESFORCE_API_VERSION}/composite`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${local.admin.accessToken}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      },
    );
    return { status: response.status, json: (await response.json()) as Answer };
  }
  const url = (path: string) => `/services/data/v${SALESFORCE_API_VERSION}${path}`;

  it('runs subrequests in order as one API call, each using earlier answers through @{ref} references', async () => {
    local = await startLocalOrg();
    admin = new Connection({
      instanceUrl: local.instanceUrl,
      accessToken: local.admin.accessToken,
      version: SALESFORCE_API_VERSION,
    });
    const before = (await admin.limits()).DailyApiRequests!.Remaining;
    const { status, json } = await composite({
      compositeRequest: [
        {
          method: 'POST',
          url: url('/sobjects/Account'),
          referenceId: 'account',
          body: { Name: 'Northwind Traders' },
        },
        {
          method: 'POST',
          url: url('/sobjects/Contact'),
          referenceId: 'contact',
          body: { LastName: 'Okafor', AccountId: '@{account.id}' },
        },
        {
          method: 'GET',
          url: url("/query?q=SELECT Id, Name FROM Account WHERE Id = '@{account.id}'"),
          referenceId: 'found',
        },
        {
          method: 'PATCH',
          url: url('/sobjects/Account/@{found.records[0].Id}'),
          referenceId: 'renamed',
          body: { Name: '@{found.records[0].Name} Ltd' },
        },
      ],
    });
    expect(status).toBe(200);
    expect(
      json.compositeResponse.map((answer) => [answer.referenceId, answer.httpStatusCode]),
    ).toEqual([
      ['account', 201],
      ['contact', 201],
      ['found', 200],
      ['renamed', 204],
    ]);
    const accountId = (json.compositeResponse[0]!.body as { id: string }).id;
    expect(json.compositeResponse[0]!.httpHeaders.Location).toBe(
      url(`/sobjects/Account/${accountId}`),
    );
    expect(local.org.get('Account', accountId)).toMatchObject({ Name: 'Northwind Traders Ltd' });
    expect(local.org.all('Contact').find((contact) => contact.LastName === 'Okafor')).toMatchObject(
      { AccountId: accountId },
    );
    // One composite call, plus this /limits read.
    expect(before - (await admin.limits()).DailyApiRequests!.Remaining).toBe(2);
  });

  it('with allOrNone rolls every subrequest back when one fails; without it runs what does not depend on the failure', async () => {
    const requests = [
      {
        method: 'POST',
        url: url('/sobjects/Account'),
        referenceId: 'good',
        body: { Name: 'Contoso Pharma' },
      },
      {
        method: 'POST',
        url: url('/sobjects/Opportunity'),
        referenceId: 'bad',
        body: { Name: 'No stage', CloseDate: '2027-01-31' },
      },
      {
        method: 'POST',
        url: url('/sobjects/Contact'),
        referenceId: 'dependent',
        body: { LastName: 'Reyes', AccountId: '@{bad.id}' },
      },
      {
        method: 'POST',
        url: url('/sobjects/Contact'),
        referenceId: 'independent',
        body: { LastName: 'Tanaka', AccountId: '@{good.id}' },
      },
    ];
    const all = await composite({ allOrNone: true, compositeRequest: requests });
    expect(all.status).toBe(200);
    const codes = (answer: Answer['compositeResponse'][number]) => [
      answer.httpStatusCode,
      (answer.body as Array<{ errorCode: string }>)[0]?.errorCode,
    ];
    expect(all.json.compositeResponse.map(codes)).toEqual([
      [400, 'PROCESSING_HALTED'],
      [400, 'REQUIRED_FIELD_MISSING'],
      [400, 'PROCESSING_HALTED'],
      [400, 'PROCESSING_HALTED'],
    ]);
    expect(local.org.all('Account').filter((account) => account.Name === 'Contoso Pharma')).toEqual(
      [],
    );

    const some = await composite({ allOrNone: false, compositeRequest: requests });
    expect(some.json.compositeResponse.map((answer) => answer.httpStatusCode)).toEqual([
      201, 400, 400, 201,
    ]);
    expect(
      (some.json.compositeResponse[2]!.body as Array<{ errorCode: string; message: string }>)[0],
    ).toMatchObject({ errorCode: 'PROCESSING_HALTED', message: expect.stringContaining('bad') });
    expect(local.org.all('Contact').find((contact) => contact.LastName === 'Tanaka')).toMatchObject(
      { AccountId: (some.json.compositeResponse[0]!.body as { id: string }).id },
    );
    expect(local.org.all('Contact').some((contact) => contact.LastName === 'Reyes')).toBe(false);

    const malformed = await composite({
      compositeRequest: [{ method: 'GET', url: '/services/data/v1.0/limits', referenceId: 'x' }],
    });
    expect(malformed.status).toBe(400);
  });
});
