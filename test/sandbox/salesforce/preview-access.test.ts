// What the Lightning preview needs from the local org beyond records: CORS for the desk's origin
// only (preflight allowing Authorization and Content-Type) and the related-list-records resource.
import { SALESFORCE_API_VERSION } from '../../../middleware/src/salesforce/gateway/index.js';
import { startLocalOrg, type LocalOrg } from '../../../middleware/src/sandbox/salesforce/index.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

describe('the local org for a browser page', () => {
  let local: LocalOrg;
  let aeToken: string;
  let opportunityId: string;
  const desk = 'http://127.0.0.1:4555';
  const base = () => `${local.instanceUrl}/services/data/v${SALESFORCE_API_VERSION}`;

  async function call(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: Json }> {
    const response = await fetch(`${base()}${path}`, {
      method,
      headers: { authorization: `Bearer ${aeToken}`, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, json: (await response.json()) as Json };
  }

  beforeAll(async () => {
    local = await startLocalOrg();
    local.server.cors.allow(desk);
    aeToken = local.server.issueToken(local.server.userByName('ae@cosell.local')!.Id);
    opportunityId = (
      await call('POST', '/ui-api/records', {
        apiName: 'Opportunity',
        fields: {
          Name: 'Contoso - lakehouse',
          StageName: 'Qualification',
          CloseDate: '2027-03-31',
        },
      })
    ).json.id;
    for (const cloud of ['AWS', 'Microsoft'])
      expect(
        (
          await call('POST', '/ui-api/records', {
            apiName: 'CoSell_Engagement__c',
            fields: { Opportunity__c: opportunityId, Cloud__c: cloud },
          })
        ).status,
      ).toBe(201);
    const other = (
      await call('POST', '/ui-api/records', {
        apiName: 'Opportunity',
        fields: { Name: 'Other', StageName: 'Qualification', CloseDate: '2027-03-31' },
      })
    ).json.id;
    await call('POST', '/ui-api/records', {
      apiName: 'CoSell_Engagement__c',
      fields: { Opportunity__c: other, Cloud__c: 'Google' },
    });
  });
  afterAll(async () => local?.stop());

  it('answers a preflight from an allowed origin with the methods and headers the page sends, and refuses others', async () => {
    const url = `${base()}/ui-api/records/${opportunityId}`;
    const allowed = await fetch(url, {
      method: 'OPTIONS',
      headers: {
        origin: desk,
        'access-control-request-method': 'PATCH',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(desk);
    expect(allowed.headers.get('access-control-allow-methods')).toContain('PATCH');
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toEqual(
      expect.stringContaining('authorization'),
    );
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toEqual(
      expect.stringContaining('content-type'),
    );

    const stranger = await fetch(url, {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'PATCH' },
    });
    expect(stranger.status).toBe(403);
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();

    const read = await fetch(`${url}?fields=Opportunity.Name`, {
      headers: { origin: desk, authorization: `Bearer ${aeToken}` },
    });
    expect(read.headers.get('access-control-allow-origin')).toBe(desk);
    const strangerRead = await fetch(`${url}?fields=Opportunity.Name`, {
      headers: { origin: 'http://evil.example', authorization: `Bearer ${aeToken}` },
    });
    expect(strangerRead.headers.get('access-control-allow-origin')).toBeNull();
  });

  it("lists a deal's engagements through CoSell_Engagements__r, only that deal's, with the fields asked for", async () => {
    const list = await call(
      'GET',
      `/ui-api/related-list-records/${opportunityId}/CoSell_Engagements__r?fields=CoSell_Engagement__c.Cloud__c&sortBy=CoSell_Engagement__c.Cloud__c`,
    );
    expect(list.status).toBe(200);
    expect(list.json.count).toBe(2);
    expect(list.json.records.map((record: Json) => record.fields.Cloud__c.value)).toEqual([
      'AWS',
      'Microsoft',
    ]);
    expect(list.json.records[0]).toMatchObject({
      apiName: 'CoSell_Engagement__c',
      fields: { Id: expect.anything() },
    });
    expect(list.json.listReference).toMatchObject({
      relatedListId: 'CoSell_Engagements__r',
      parentObjectApiName: 'Opportunity',
      objectApiName: 'CoSell_Engagement__c',
    });

    const unknown = await call(
      'GET',
      `/ui-api/related-list-records/${opportunityId}/Nothing__r?fields=CoSell_Engagement__c.Cloud__c`,
    );
    expect(unknown.status).toBe(404);
    const badField = await call(
      'GET',
      `/ui-api/related-list-records/${opportunityId}/CoSell_Engagements__r?fields=CoSell_Engagement__c.Nope__c`,
    );
    expect(badField.status).toBe(400);
    expect(badField.json[0].errorCode).toBe('INVALID_FIELD');
  });
});
