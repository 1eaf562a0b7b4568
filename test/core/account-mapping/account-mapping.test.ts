// Account mapping: the normalised keys, the accepted export headers, confidence and review, and the
// joint pursuit list with owners and next steps.
import { describe, expect, it } from '@jest/globals';
import {
  AccountListError,
  AccountMappingError,
  mapAccounts,
  normaliseCompanyName,
  normaliseWebDomain,
  parseAccountList,
  type SalesforceAccountRecord,
} from '../../../middleware/src/core/account-mapping/index.js';

const SALESFORCE: SalesforceAccountRecord[] = [
  {
    id: '001000000000001AAA',
    name: 'Northwind Traders',
    website: 'https://www.northwind.com',
    ownerName: 'Dana Whitfield',
    type: 'Customer',
  },
  {
    id: '001000000000002AAA',
    name: 'Contoso Pharma Ltd',
    website: 'contoso-pharma.co.uk',
    ownerName: 'Leo Brandt',
    type: 'Prospect',
  },
  {
    id: '001000000000003AAA',
    name: 'Fabrikam Health Group',
    website: null,
    ownerName: 'Dana Whitfield',
    type: 'Prospect',
  },
  {
    id: '001000000000004AAA',
    name: 'Tailspin Toys',
    website: 'tailspintoys.com',
    ownerName: 'Leo Brandt',
    type: 'Prospect',
  },
  { id: '001000000000005AAA', name: 'Adatum', website: 'adatum.com', ownerName: null, type: null },
  {
    id: '001000000000006AAA',
    name: 'Adatum Corporation',
    website: null,
    ownerName: null,
    type: null,
  },
];

/** Shaped like an ACE account-list export: its own header names. */
const ACE_EXPORT = [
  'Customer Company Name,Customer Website,AWS Account Manager,Segment,Country',
  '"Northwind Traders, Inc.",http://eu.northwind.com/about,Marcus Lee,Enterprise,US',
  'CONTOSO PHARMA LIMITED,https://www.contoso-pharma.co.uk,Aisha Okafor,Enterprise,GB',
  'Fabrikam Health,,Jonas Berg,Mid-market,DE',
  'Tailspin Toys,tailspin-games.com,Jonas Berg,SMB,US',
  'Adatum Corp,,Rita Nunes,Enterprise,PT',
  'Woodgrove Bank,woodgrovebank.com,Priya Raman,Enterprise,US',
  '"Inc.",,Nobody,,',
].join('\n');

const TARGETS = [
  'Account Name,Website,Owner',
  'Contoso Pharma,contoso-pharma.co.uk,Leo Brandt',
  'Woodgrove Bank,https://woodgrovebank.com,Leo Brandt',
  'Litware,litware.io,Dana Whitfield',
].join('\n');

describe('normalised keys', () => {
  it('drops legal forms, case, accents and punctuation from names', () => {
    expect(normaliseCompanyName('Northwind Traders, Inc.')).toBe('northwind traders');
    expect(normaliseCompanyName('Société Générale S.A.')).toBe('societe generale');
    expect(normaliseCompanyName('The A&B Company')).toBe('a and b');
    expect(normaliseCompanyName('LLC')).toBeNull();
  });

  it('reads full-width and ligature letters as the plain ones, as ASCII names are read', () => {
    // Plain ASCII skips the Unicode decomposition; every other name still goes through it.
    expect(normaliseCompanyName('Ｆａｂｒｉｋａｍ Ｈｅａｌｔｈ')).toBe(
      normaliseCompanyName('Fabrikam Health'),
    );
    expect(normaliseCompanyName('Proﬁt Works GmbH')).toBe('profit works');
    expect(normaliseCompanyName('Ça\u0301fe Coop')).toBe(normaliseCompanyName('Cafe Coop'));
  });

  it('reduces websites, URLs and emails to the registrable domain, and ignores mailbox hosts', () => {
    expect(normaliseWebDomain('https://eu.northwind.com/about')).toBe('northwind.com');
    expect(normaliseWebDomain('WWW.Contoso-Pharma.CO.UK')).toBe('contoso-pharma.co.uk');
    expect(normaliseWebDomain('buyer@fabrikam.de')).toBe('fabrikam.de');
    expect(normaliseWebDomain('someone@gmail.com')).toBeNull();
    expect(normaliseWebDomain('not a domain')).toBeNull();
  });
});

describe('parseAccountList', () => {
  it('reads an export by its own header names and rejects rows with no usable name', () => {
    const { accounts, rejected, columns } = parseAccountList(ACE_EXPORT, 'hyperscaler');
    expect(columns).toEqual({
      name: 'Customer Company Name',
      domain: 'Customer Website',
      owner: 'AWS Account Manager',
      segment: 'Segment',
      country: 'Country',
    });
    expect(accounts[0]).toMatchObject({
      row: 2,
      name: 'Northwind Traders, Inc.',
      nameKey: 'northwind traders',
      domain: 'northwind.com',
      owner: 'Marcus Lee',
    });
    expect(rejected).toEqual([
      {
        list: 'hyperscaler',
        row: 8,
        reason:
          'Customer Company Name: "Inc." has no distinctive word left once the legal form is removed',
      },
    ]);
  });

  it('names the accepted headers when no name column is found', () => {
    expect(() => parseAccountList('Id,Revenue\n1,2', 'target')).toThrow(AccountListError);
    expect(() => parseAccountList('Id,Revenue\n1,2', 'target')).toThrow(
      /^target list: no company name column: the header must contain one of "Customer Name"/,
    );
  });
});

describe('mapAccounts', () => {
  const run = (decisions = [] as Array<{ reviewKey: string; accountId: string | null }>) =>
    mapAccounts({
      cloud: 'AWS',
      ranOn: '2026-11-26',
      hyperscalerAccounts: parseAccountList(ACE_EXPORT, 'hyperscaler').accounts,
      targetAccounts: parseAccountList(TARGETS, 'target').accounts,
      salesforceAccounts: SALESFORCE,
      decisions,
    });

  it('scores each match by what agrees, and holds weak or ambiguous ones for review', () => {
    const result = run();
    const byName = Object.fromEntries(
      result.matches
        .filter((match) => match.list === 'hyperscaler')
        .map((match) => [
          match.name,
          [match.status, match.basis, match.confidence, match.accountId],
        ]),
    );
    expect(byName).toEqual({
      'Northwind Traders, Inc.': ['matched', 'domain and name', 1, '001000000000001AAA'],
      'CONTOSO PHARMA LIMITED': ['matched', 'domain and name', 1, '001000000000002AAA'],
      'Fabrikam Health': ['review', 'name core', 0.5, null],
      'Tailspin Toys': ['review', 'name, different domain', 0.55, null],
      'Adatum Corp': ['review', 'name', 0.7, null],
      'Woodgrove Bank': ['unmatched', 'none', 0, null],
    });
    expect(
      result.review
        .find((match) => match.name === 'Adatum Corp')
        ?.candidates.map((candidate) => candidate.id),
    ).toEqual(['001000000000005AAA', '001000000000006AAA']);
    expect(result.summary).toEqual({
      hyperscalerAccounts: 6,
      targetAccounts: 3,
      salesforceAccounts: 6,
      matched: 3,
      review: 3,
      unmatched: 3,
      rejectedRows: 0,
      jointPursuits: 3,
    });
  });

  it('builds the joint pursuit list from the overlap, target accounts first, with both owners and a next step', () => {
    const { pursuits } = run();
    expect(
      pursuits.map((pursuit) => [
        pursuit.accountName,
        pursuit.relationship,
        pursuit.onTargetList,
        pursuit.hyperscalerOwner,
        pursuit.isvOwner,
        pursuit.nextStep,
      ]),
    ).toEqual([
      [
        'Contoso Pharma Ltd',
        'prospect',
        true,
        'Aisha Okafor',
        'Leo Brandt',
        'Ask Aisha Okafor (AWS account owner) for an introduction and agree a joint account plan.',
      ],
      [
        'Woodgrove Bank',
        'not in Salesforce',
        true,
        'Priya Raman',
        'Leo Brandt',
        'Create the Account in Salesforce, then ask Priya Raman (AWS account owner) for a joint account plan.',
      ],
      [
        'Northwind Traders',
        'customer',
        false,
        'Marcus Lee',
        'Dana Whitfield',
        "Plan the next renewal or expansion with Marcus Lee (AWS account owner): offer a private offer on AWS Marketplace that draws down the customer's EDP.",
      ],
    ]);
  });

  it('takes a reviewer decision by its stable key: a confirmed match joins the pursuit list, a rejected one stays out', () => {
    const first = run();
    const fabrikam = first.review.find((match) => match.name === 'Fabrikam Health')!;
    const tailspin = first.review.find((match) => match.name === 'Tailspin Toys')!;
    expect(fabrikam.reviewKey).toBe('hyperscaler:fabrikam health@');
    const second = run([
      { reviewKey: fabrikam.reviewKey, accountId: '001000000000003AAA' },
      { reviewKey: tailspin.reviewKey, accountId: null },
    ]);
    expect(second.matches.find((match) => match.name === 'Fabrikam Health')).toMatchObject({
      status: 'confirmed',
      accountId: '001000000000003AAA',
      confidence: 1,
    });
    expect(second.matches.find((match) => match.name === 'Tailspin Toys')).toMatchObject({
      status: 'rejected',
      accountId: null,
    });
    expect(second.pursuits.map((pursuit) => pursuit.accountName)).toContain(
      'Fabrikam Health Group',
    );
    expect(second.review.map((match) => match.name)).toEqual(['Adatum Corp']);
  });

  it('refuses a decision for an Account outside the run, a bad date or threshold, naming the field', () => {
    const fabrikamKey = 'hyperscaler:fabrikam health@';
    expect(() => run([{ reviewKey: fabrikamKey, accountId: '001000000000099AAA' }])).toThrow(
      AccountMappingError,
    );
    expect(() => run([{ reviewKey: fabrikamKey, accountId: '001000000000099AAA' }])).toThrow(
      /^decisions.hyperscaler:fabrikam health@: Account 001000000000099AAA is not among/,
    );
    expect(() =>
      mapAccounts({
        cloud: 'AWS',
        ranOn: '26/11/2026',
        hyperscalerAccounts: [],
        targetAccounts: [],
        salesforceAccounts: [],
      }),
    ).toThrow(/^ranOn: must be a date/);
    expect(() =>
      mapAccounts({
        cloud: 'AWS',
        ranOn: '2026-11-26',
        hyperscalerAccounts: [],
        targetAccounts: [],
        salesforceAccounts: [],
        reviewThreshold: 0,
      }),
    ).toThrow(/^reviewThreshold/);
  });
});
