// JWT bearer login against the local Salesforce server: a trusted key gets a session, wrong keys,
// client ids and users are refused with the token endpoint's reason, and an expired session is
// re-authorised without the caller noticing.
import {
  openSalesforceSession,
  SalesforceAuthError,
  SALESFORCE_API_VERSION,
} from '../../../middleware/src/salesforce/gateway/index.js';
import {
  startSalesforceFixture,
  type SalesforceFixture,
} from '../../support/salesforce-server/index.js';

describe('Salesforce JWT bearer session', () => {
  let fixture: SalesforceFixture;

  beforeAll(async () => {
    fixture = await startSalesforceFixture();
    fixture.server.org.seed('Account', { Name: 'Contoso Retail Group' });
  });
  afterAll(async () => fixture.stop());
  beforeEach(() => fixture.server.resetCounts());

  it('logs in with the trusted key and queries on the pinned API version', async () => {
    const session = await openSalesforceSession(fixture.config);
    const result = await session.connection.query<{ Name: string }>('SELECT Name FROM Account');
    expect(result.records.map((r) => r.Name)).toEqual(['Contoso Retail Group']);
    expect(session.authorisations).toBe(1);
    expect(
      fixture.server.log
        .map((entry) => entry.path)
        .filter((path) => path.startsWith('/services/data/')),
    ).toEqual([`/services/data/v${SALESFORCE_API_VERSION}/query?q=SELECT%20Name%20FROM%20Account`]);
  });

  it('refuses a key the connected app does not hold, naming the OAuth error', async () => {
    const error = await openSalesforceSession({
      ...fixture.config,
      privateKey: fixture.strangerKeyPem,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SalesforceAuthError);
    expect((error as SalesforceAuthError).code).toBe('invalid_grant');
    expect((error as Error).message).toMatch(/invalid assertion signature/);
  });

  it('refuses an unknown consumer key and an unapproved user', async () => {
    await expect(
      openSalesforceSession({ ...fixture.config, clientId: '3MVG9someOtherApp' }),
    ).rejects.toMatchObject({ code: 'invalid_client_id' });
    await expect(
      openSalesforceSession({ ...fixture.config, username: 'intern@northwind-analytics.com' }),
    ).rejects.toThrow(/hasn't approved this consumer/);
  });

  it('refuses an assertion that already expired (clock far behind)', async () => {
    const error = await openSalesforceSession(
      fixture.config,
      () => new Date(Date.now() - 10 * 60_000),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SalesforceAuthError);
    expect((error as Error).message).toMatch(/expired/);
  });

  it('signs a fresh assertion when the session expires and replays the call once', async () => {
    const session = await openSalesforceSession(fixture.config);
    fixture.server.expireSessions();
    const result = await session.connection.query<{ Name: string }>('SELECT Name FROM Account');
    expect(result.records).toHaveLength(1);
    expect(session.authorisations).toBe(2);
    expect(fixture.server.log.map((entry) => `${entry.kind}:${entry.status}`)).toEqual([
      'token:200',
      'query:401',
      'token:200',
      'query:200',
    ]);
  });

  it('re-authorises when Salesforce answers INVALID_SESSION_ID mid-run', async () => {
    const session = await openSalesforceSession(fixture.config);
    fixture.server.inject({ error: 'INVALID_SESSION_ID', kind: 'query', times: 1 });
    await session.connection.query('SELECT Name FROM Account');
    expect(session.authorisations).toBe(2);
  });
});
