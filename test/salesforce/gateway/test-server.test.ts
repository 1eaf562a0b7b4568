// The local Salesforce server itself: the SOQL forms the gateway relies on evaluate as Salesforce
// would, responses carry the documented shapes and headers, and the gateway's SOQL literals can never
// break out of their quotes.
import fc from 'fast-check';
import { parseQuery } from '@jetstreamapp/soql-parser-js';
import {
  openSalesforceSession,
  SALESFORCE_API_VERSION,
} from '../../../middleware/src/salesforce/gateway/index.js';
import { chunk } from '../../../middleware/src/salesforce/gateway/collections.js';
import { soqlString } from '../../../middleware/src/salesforce/soql.js';
import {
  startSalesforceFixture,
  type SalesforceFixture,
} from '../../support/salesforce-server/index.js';
import type { Connection } from 'jsforce';

describe('local Salesforce REST server', () => {
  let fixture: SalesforceFixture;
  let connection: Connection;

  beforeAll(async () => {
    fixture = await startSalesforceFixture({ pageSize: 2 });
    connection = (await openSalesforceSession(fixture.config)).connection;
    const org = fixture.server.org;
    const account = org.seed('Account', { Name: "O'Brien Freight" });
    org.seed('Opportunity', {
      Name: 'Freight lakehouse',
      AccountId: account.Id,
      Amount: 90000,
      StageName: 'Proposal',
      CoSell_Clouds__c: 'AWS;Google',
    });
    org.seed('Opportunity', {
      Name: 'Customs data exchange',
      AccountId: account.Id,
      Amount: null,
      StageName: 'Qualification',
      CoSell_Clouds__c: 'Microsoft',
    });
    org.seed('Opportunity', {
      Name: 'Renewal',
      Amount: 15000,
      StageName: 'Closed Won',
      CoSell_Clouds__c: null,
    });
  });
  afterAll(async () => fixture.stop());
  beforeEach(() => fixture.server.resetCounts());

  async function names(soql: string): Promise<string[]> {
    const result = await connection.query<{ Name: string }>(soql, {
      autoFetch: true,
      maxFetch: 100,
    });
    return result.records.map((record) => record.Name);
  }

  it('honours AND/OR precedence and parentheses', async () => {
    expect(
      await names(
        "SELECT Name FROM Opportunity WHERE StageName = 'Renewal' OR StageName = 'Proposal' AND Amount > 100000",
      ),
    ).toEqual([]);
    expect(
      await names(
        "SELECT Name FROM Opportunity WHERE (StageName = 'Closed Won' OR StageName = 'Proposal') AND Amount > 20000",
      ),
    ).toEqual(['Freight lakehouse']);
    expect(
      await names(
        "SELECT Name FROM Opportunity WHERE CoSell_Clouds__c INCLUDES ('Google') OR Amount = null",
      ),
    ).toEqual(['Freight lakehouse', 'Customs data exchange']);
  });

  it('orders with NULLS FIRST/LAST and applies LIMIT, walking parent fields', async () => {
    expect(await names('SELECT Name FROM Opportunity ORDER BY Amount ASC NULLS LAST')).toEqual([
      'Renewal',
      'Freight lakehouse',
      'Customs data exchange',
    ]);
    expect(
      await names('SELECT Name FROM Opportunity ORDER BY Amount DESC NULLS FIRST LIMIT 2'),
    ).toEqual(['Customs data exchange', 'Freight lakehouse']);
    const rows = await connection.query<{ Account: { Name: string } | null }>(
      'SELECT Account.Name FROM Opportunity WHERE CoSell_Clouds__c != null ORDER BY Name',
    );
    expect(rows.records.map((row) => row.Account?.Name)).toEqual([
      "O'Brien Freight",
      "O'Brien Freight",
    ]);
  });

  it('pages with nextRecordsUrl and counts query and queryMore calls', async () => {
    const first = await connection.query('SELECT Name FROM Opportunity');
    expect(first).toMatchObject({ totalSize: 3, done: false });
    expect(first.nextRecordsUrl).toMatch(
      new RegExp(`/services/data/v${SALESFORCE_API_VERSION}/query/01g[0-9A-F]+-2$`),
    );
    const rest = await connection.queryMore(first.nextRecordsUrl!);
    expect(rest).toMatchObject({
      done: true,
      records: [expect.objectContaining({ Name: expect.any(String) })],
    });
    expect(fixture.server.calls).toMatchObject({ query: 1, queryMore: 1 });
  });

  it('answers malformed SOQL and unknown relationships with Salesforce error codes', async () => {
    await expect(connection.query('SELECT FROM WHERE')).rejects.toMatchObject({
      errorCode: 'MALFORMED_QUERY',
    });
    await expect(connection.query('SELECT Buyer.Name FROM Opportunity')).rejects.toMatchObject({
      errorCode: 'INVALID_FIELD',
    });
  });

  it('refuses more than 200 records in one collection and reports usage in Sforce-Limit-Info and /limits', async () => {
    const records = Array.from({ length: 201 }, (_, index) => ({
      attributes: { type: 'Account' },
      Name: `Prospect ${index}`,
    }));
    await expect(
      connection.request({
        method: 'POST',
        url: '/composite/sobjects',
        body: JSON.stringify({ allOrNone: false, records }),
        headers: { 'content-type': 'application/json' },
      }),
    ).rejects.toMatchObject({ errorCode: 'EXCEEDED_ID_LIMIT' });
    const daily = (await connection.limits()).DailyApiRequests!;
    // The header of the /limits response and its body agree on the calls used so far.
    expect(daily.Max).toBe(15_000);
    expect(connection.limitInfo.apiUsage).toEqual({
      used: 15_000 - daily.Remaining,
      limit: 15_000,
    });
    expect(fixture.server.calls).toMatchObject({ composite: 1, limits: 1 });
  });

  it('quotes any string so the parser reads back exactly that value', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (value) => {
        const query = parseQuery(`SELECT Id FROM Account WHERE Name = ${soqlString(value)}`);
        const literal = (query.where!.left as { value: string }).value;
        expect(literal.slice(1, -1).replace(/\\(.)/g, '$1')).toBe(value);
      }),
      { numRuns: 200 },
    );
  });

  it('chunks any list into pieces of at most 200 that keep order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 1_000 }), (items) => {
        const pieces = chunk(items, 200);
        expect(pieces.every((piece) => piece.length > 0 && piece.length <= 200)).toBe(true);
        expect(pieces.flat()).toEqual(items);
      }),
      { numRuns: 100 },
    );
  });
});
