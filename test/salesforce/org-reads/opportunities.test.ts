import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  opportunitySoql,
  recordToOpportunity,
  type OpportunityQueryPlan,
} from '../../../middleware/src/salesforce/org-reads/opportunities.js';
import { soqlString } from '../../../middleware/src/salesforce/soql.js';
import {
  queryAll,
  type OrgConnection,
  type SoqlPage,
} from '../../../middleware/src/salesforce/org-reads/org-connection.js';
import { NORTHWIND } from '../../commands/cosell/support/opportunities.js';

const VALIDATE: OpportunityQueryPlan = {
  purpose: 'validate',
  multiCurrency: false,
  defaultCurrency: 'EUR',
};

describe('soqlString', () => {
  it('never lets a value end the literal early', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const literal = soqlString(value);
        // Strip escaped pairs; what remains between the outer quotes must hold no bare quote.
        const inner = literal.slice(1, -1).replace(/\\\\|\\'/g, '');
        return (
          literal.startsWith("'") &&
          literal.endsWith("'") &&
          !inner.includes("'") &&
          !inner.endsWith('\\')
        );
      }),
      { numRuns: 300 },
    );
  });

  it('escapes an integration username with a quote', () => {
    expect(soqlString("o'brien@acme.com")).toBe("'o\\'brien@acme.com'");
  });
});

describe('opportunitySoql', () => {
  it('reads only the purpose fields, with CurrencyIsoCode only for multi-currency orgs', () => {
    const lint = opportunitySoql(
      { purpose: 'lint', multiCurrency: false, defaultCurrency: 'USD' },
      { where: ' IsClosed = false ' },
    );
    expect(lint).toMatch(/^SELECT Id, Name, Amount, StageName, /);
    expect(lint).not.toContain('CurrencyIsoCode');
    expect(lint).not.toContain('OpportunityContactRoles');
    expect(lint.endsWith('FROM Opportunity WHERE (IsClosed = false) ORDER BY Id')).toBe(true);
    expect(
      opportunitySoql(
        { purpose: 'attribution', multiCurrency: true, defaultCurrency: 'USD' },
        { ids: ['006Hs00001Nwh01AAA'] },
      ),
    ).toContain('CurrencyIsoCode, StageName');
  });
});

describe('recordToOpportunity', () => {
  it('reads a REST record: nested parents, +0000 datetimes, multi-selects, contact roles and engagements', () => {
    const row = recordToOpportunity(NORTHWIND, VALIDATE, 1);
    expect(row.kind).toBe('opportunity');
    if (row.kind !== 'opportunity') return;
    const { opportunity } = row;
    expect(opportunity).toMatchObject({
      currencyIsoCode: 'EUR',
      createdDate: '2026-09-02T14:20:00.000Z',
      account: { id: '001Hs00000Nwh01AAA', name: 'Northwind Health', billingCountry: 'US' },
      ownerEmail: 'priya.raman@acme-data.com',
      coSell: {
        clouds: ['Microsoft'],
        helpNeeded: ['Architecture validation'],
        commitDrawdown: 'Microsoft MACC',
        expectedMonthlySpend: 18000,
      },
    });
    expect(opportunity.contacts).toEqual([
      {
        id: '003Hs00000Nwh01AAA',
        firstName: 'Dana',
        lastName: 'Whitfield',
        email: 'dana.whitfield@northwindhealth.com',
        phone: '+1 206 555 0142',
        title: 'VP Data Platforms',
        role: 'Decision Maker',
      },
    ]);
    expect(opportunity.engagements).toEqual([
      expect.objectContaining({
        id: 'a01Hs00000Eng01AAA',
        cloud: 'Microsoft',
        status: 'Draft',
        portalId: null,
      }),
    ]);
  });

  it('names each field it cannot read instead of guessing', () => {
    const row = recordToOpportunity(
      {
        ...NORTHWIND,
        CloseDate: '31/03/2027',
        Account: null,
        CoSell_Engagements__r: { records: [{ Cloud__c: 'Oracle', Status__c: 'Draft' }] },
      },
      VALIDATE,
      7,
    );
    expect(row.kind).toBe('rejected');
    if (row.kind !== 'rejected') return;
    expect(row.findings.map((finding) => finding.field)).toEqual([
      'CloseDate',
      'Account.Name',
      'CoSell_Engagement__c.Cloud__c',
    ]);
    expect(row.findings[0]?.message).toBe(
      'Opportunity 006Hs00001Nwh01AAA: CloseDate "31/03/2027" is not a date (YYYY-MM-DD).',
    );
    expect(row.findings[1]?.evidence).toEqual({ position: 7 });
  });
});

describe('queryAll', () => {
  it('follows nextRecordsUrl until done, in order', async () => {
    const pages: Record<string, SoqlPage> = {
      first: {
        totalSize: 5,
        done: false,
        nextRecordsUrl: '/services/data/v63.0/query/01g-2',
        records: [{ Id: 'a' }, { Id: 'b' }],
      },
      '/services/data/v63.0/query/01g-2': {
        totalSize: 5,
        done: false,
        nextRecordsUrl: '/services/data/v63.0/query/01g-4',
        records: [{ Id: 'c' }, { Id: 'd' }],
      },
      '/services/data/v63.0/query/01g-4': { totalSize: 5, done: true, records: [{ Id: 'e' }] },
    };
    const asked: string[] = [];
    const connection: OrgConnection = {
      query: async () => pages.first!,
      queryMore: async (locator) => {
        asked.push(locator);
        return pages[locator]!;
      },
      describe: async () => ({ name: 'Opportunity', fields: [] }),
    };
    const ids: unknown[] = [];
    for await (const record of queryAll(connection, 'SELECT Id FROM Opportunity'))
      ids.push(record.Id);
    expect(ids).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(asked).toEqual(['/services/data/v63.0/query/01g-2', '/services/data/v63.0/query/01g-4']);
  });
});
