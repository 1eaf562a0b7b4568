// The local org's /composite resource: subrequests run in order as one API call with @{ref}
// references, and allOrNone rolls them all back when one fails.
import { Connection } from 'jsforce';
import { SALESFORCE_API_VERSION } from '../../../middleware/src/salesforce/gateway/index.js';
import { startLocalOrg, type LocalOrg } from '../../../middleware/src/sandbox/salesforce/index.js';

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
