// The UI API and its GraphQL endpoint as Lightning components call them: an AE's Submit sets
// Requested_Action__c through the UI API, object-info and picklist values come from force-app, and
// GraphQL reads the same records with field-level security.
import { SALESFORCE_API_VERSION } from '../../../middleware/src/salesforce/gateway/index.js';
import { startLocalOrg, type LocalOrg } from '../../../middleware/src/sandbox/salesforce/index.js';
import type { OrgChange } from '../../../middleware/src/sandbox/salesforce/org.js';

// Answers are checked field by field against Salesforce's documented shapes; the shape is open.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

describe('the local org UI API', () => {
  let local: LocalOrg;
  let aeToken: string;
  let aeId: string;
  let opportunityId: string;
  let engagementId: string;
  const base = () => `${local.instanceUrl}/services/data/v${SALESFORCE_API_VERSION}`;

  async function call(
    token: string,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: Json }> {
    const response = await fetch(`${base()}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, json: (await response.json()) as Json };
  }

  beforeAll(async () => {
    local = await startLocalOrg();
    aeId = local.server.userByName('ae@cosell.local')!.Id;
    aeToken = local.server.issueToken(aeId);
    const opportunity = await call(aeToken, 'POST', '/ui-api/records', {
      apiName: 'Opportunity',
      fields: {
        Name: 'Contoso - lakehouse migration',
        StageName: 'Qualification',
        CloseDate: '2027-03-31',
        CoSell_Clouds__c: 'AWS',
      },
    });
    expect(opportunity.status).toBe(201);
    opportunityId = opportunity.json.id;
    const engagement = await call(aeToken, 'POST', '/ui-api/records', {
      apiName: 'CoSell_Engagement__c',
      fields: { Opportunity__c: opportunityId, Cloud__c: 'AWS' },
    });
    expect(engagement.status).toBe(201);
    engagementId = engagement.json.id;
  });
  afterAll(async () => local?.stop());

  it("sets Requested_Action__c as Lightning's Submit does, and the change is emitted", async () => {
    const changes: OrgChange[] = [];
    const stop = local.org.onChange((change) => changes.push(change));
    const updated = await call(aeToken, 'PATCH', `/ui-api/records/${engagementId}`, {
      fields: { Requested_Action__c: 'Submit' },
    });
    stop();
    expect(updated.status).toBe(200);
    expect(updated.json).toMatchObject({
      apiName: 'CoSell_Engagement__c',
      id: engagementId,
      fields: { Requested_Action__c: { value: 'Submit', displayValue: 'Submit' } },
    });
    expect(changes).toEqual([
      expect.objectContaining({
        entityName: 'CoSell_Engagement__c',
        changeType: 'UPDATE',
        recordIds: [engagementId],
        commitUser: aeId,
        changedFields: expect.arrayContaining(['Requested_Action__c', 'LastModifiedDate']),
      }),
    ]);

    const read = await call(
      aeToken,
      'GET',
      `/ui-api/records/${engagementId}?fields=CoSell_Engagement__c.Requested_Action__c,CoSell_Engagement__c.Cloud__c`,
    );
    expect(read.json.fields).toEqual({
      Requested_Action__c: { value: 'Submit', displayValue: 'Submit' },
      Cloud__c: { value: 'AWS', displayValue: 'AWS' },
    });

    const bad = await call(aeToken, 'PATCH', `/ui-api/records/${engagementId}`, {
      fields: { Requested_Action__c: 'Launch' },
    });
    expect(bad.status).toBe(400);
    expect(bad.json[0]).toMatchObject({ errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST' });
    const forbidden = await call(aeToken, 'PATCH', `/ui-api/records/${engagementId}`, {
      fields: { Status__c: 'Accepted' },
    });
    expect(forbidden.json[0]).toMatchObject({ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE' });
    expect(local.org.get('CoSell_Engagement__c', engagementId)).toMatchObject({
      Requested_Action__c: 'Submit',
    });
    expect(local.org.get('CoSell_Engagement__c', engagementId)!.Status__c ?? null).toBeNull();
  });

  it('answers object-info and picklist values from force-app', async () => {
    const info = await call(aeToken, 'GET', '/ui-api/object-info/CoSell_Engagement__c');
    expect(info.json).toMatchObject({
      apiName: 'CoSell_Engagement__c',
      fields: {
        Requested_Action__c: { dataType: 'Picklist', updateable: true },
        Status__c: { dataType: 'Picklist', updateable: false },
      },
    });
    const values = await call(
      aeToken,
      'GET',
      `/ui-api/object-info/CoSell_Engagement__c/picklist-values/${info.json.defaultRecordTypeId}/Requested_Action__c`,
    );
    expect(values.json.values.map((value: { value: string }) => value.value)).toEqual([
      'Validate',
      'Submit',
      'Update',
      'Close',
    ]);
    const missing = await call(
      aeToken,
      'GET',
      '/ui-api/records/' + engagementId + '?fields=CoSell_Engagement__c.Nope__c',
    );
    expect(missing.status).toBe(400);
  });

  it('answers UI API GraphQL queries over the same records, with FLS', async () => {
    const query = `query Deals($cloud: Picklist) { uiapi { query { Opportunity(where: { and: [{ CoSell_Clouds__c: { eq: $cloud } }, { StageName: { ne: "Closed Lost" } }] }, first: 5, orderBy: { Name: { order: ASC } }) {
      edges { node { Id Name { value } StageName { value displayValue } } } totalCount } } } }`;
    const result = await call(aeToken, 'POST', '/graphql', { query, variables: { cloud: 'AWS' } });
    expect(result.json).toEqual({
      data: {
        uiapi: {
          query: {
            Opportunity: {
              edges: [
                {
                  node: {
                    Id: opportunityId,
                    Name: { value: 'Contoso - lakehouse migration' },
                    StageName: { value: 'Qualification', displayValue: 'Qualification' },
                  },
                },
              ],
              totalCount: 1,
            },
          },
        },
      },
      errors: [],
    });
    // The integration user's permission set does not grant the referral's formula Is_Overdue__c.
    const integration = local.server.issueToken(local.integration.userId);
    const hidden = await call(integration, 'POST', '/graphql', {
      query:
        '{ uiapi { query { CoSell_Referral__c { edges { node { Is_Overdue__c { value } } } } } } }',
    });
    expect(hidden.json.data).toBeNull();
    expect(hidden.json.errors[0].message).toMatch(/INVALID_FIELD/);
    const mutation = await call(aeToken, 'POST', '/graphql', { query: 'mutation { uiapi { x } }' });
    expect(mutation.json.errors[0].message).toMatch(/only queries/);
  });

  it('pages GraphQL answers by cursor: first and after, with pageInfo', async () => {
    for (const name of [
      'Fabrikam - A',
      'Fabrikam - B',
      'Fabrikam - C',
      'Fabrikam - D',
      'Fabrikam - E',
    ]) {
      expect(
        (
          await call(aeToken, 'POST', '/ui-api/records', {
            apiName: 'Opportunity',
            fields: {
              Name: name,
              StageName: 'Prospecting',
              CloseDate: '2027-03-31',
              CoSell_Clouds__c: 'Google',
            },
          })
        ).status,
      ).toBe(201);
    }
    const page = async (after: string | null) => {
      const query = `query Page($after: String) { uiapi { query { Opportunity(where: { CoSell_Clouds__c: { eq: "Google" } }, first: 2, after: $after, orderBy: { Name: { order: ASC } }) {
        edges { node { Name { value } } } totalCount pageInfo { hasNextPage hasPreviousPage endCursor } } } } }`;
      const result = await call(aeToken, 'POST', '/graphql', { query, variables: { after } });
      expect(result.json.errors).toEqual([]);
      return result.json.data.uiapi.query.Opportunity as {
        edges: Array<{ node: { Name: { value: string } } }>;
        totalCount: number;
        pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
      };
    };
    const names: string[] = [];
    const seen: boolean[] = [];
    let after: string | null = null;
    do {
      const current = await page(after);
      expect(current.totalCount).toBe(5);
      names.push(...current.edges.map((edge) => edge.node.Name.value));
      seen.push(current.pageInfo.hasPreviousPage);
      after = current.pageInfo.hasNextPage ? current.pageInfo.endCursor : null;
    } while (after);
    expect(names).toEqual([
      'Fabrikam - A',
      'Fabrikam - B',
      'Fabrikam - C',
      'Fabrikam - D',
      'Fabrikam - E',
    ]);
    expect(seen).toEqual([false, true, true]);
    const bad = await call(aeToken, 'POST', '/graphql', {
      query: '{ uiapi { query { Opportunity(first: 2, after: "not-a-cursor") { totalCount } } } }',
    });
    expect(bad.json.data).toBeNull();
    expect(bad.json.errors[0].message).toMatch(/not a cursor/);
  });
});
