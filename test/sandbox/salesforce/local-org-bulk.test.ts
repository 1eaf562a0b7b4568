// The local org's fault plan and its Bulk API 2.0: faults answered on demand that change nothing,
// query jobs served through result locators with field-level security, and the /limits counters
// of bulk query jobs and ingest batches.
import { Connection } from 'jsforce';
import { SALESFORCE_API_VERSION } from '../../../middleware/src/salesforce/gateway/index.js';
import { startLocalOrg, type LocalOrg } from '../../../middleware/src/sandbox/salesforce/index.js';
import { failure } from './sf-failure.js';

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
