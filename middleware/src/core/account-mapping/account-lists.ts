// Reads the account lists partners receive (AWS ACE, Microsoft Partner Center, Google partner portal
// exports) and the ISV's own target list. Exports differ in headers and drift between releases, so
// each field accepts a documented set of header names instead of one fixed layout.
import { parse } from 'csv-parse/sync';
import { normaliseCompanyName, normaliseWebDomain } from './normalise.js';

export type AccountListKind = 'hyperscaler' | 'target';
/** Which file a rejected row or error concerns: one of the two lists, or the Salesforce Account export. */
export type AccountFileKind = AccountListKind | 'salesforce';

/**
 * Accepted headers, compared without case, spaces or punctuation. The first column found wins.
 * Interpretation: the portals do not publish a fixed export layout, so these are the names their
 * exports and common spreadsheets use; README lists them.
 */
export const ACCOUNT_LIST_COLUMNS = {
  name: [
    'Customer Name',
    'Account Name',
    'Company Name',
    'Customer Company Name',
    'Organization Name',
    'Organisation Name',
    'Customer',
    'Company',
    'Account',
    'Name',
  ],
  domain: [
    'Website',
    'Customer Website',
    'Company Website',
    'Web Domain',
    'Domain',
    'Customer Domain',
    'Email Domain',
    'URL',
  ],
  owner: [
    'Account Owner',
    'Account Manager',
    'AWS Account Manager',
    'Account Executive',
    'ATS',
    'Account Technology Strategist',
    'Seller',
    'Field Sales Rep',
    'FSR',
    'Owner',
    'Owner Name',
  ],
  ownerEmail: ['Account Owner Email', 'Account Manager Email', 'Seller Email', 'Owner Email'],
  segment: ['Segment', 'Customer Segment', 'Sales Segment'],
  country: ['Country', 'Billing Country', 'Customer Country'],
} as const;
export type AccountListColumn = keyof typeof ACCOUNT_LIST_COLUMNS;

export interface ListedAccount {
  list: AccountListKind;
  /** CSV line of the row (header = 1). */
  row: number;
  name: string;
  website: string | null;
  owner: string | null;
  ownerEmail: string | null;
  segment: string | null;
  country: string | null;
  /** Join keys (see normalise.ts). */
  nameKey: string | null;
  domain: string | null;
}

export interface RejectedListRow {
  list: AccountFileKind;
  row: number;
  reason: string;
}

export class AccountListError extends Error {
  readonly code = 'INVALID_ACCOUNT_LIST';
  constructor(
    readonly list: AccountFileKind,
    message: string,
  ) {
    super(`${list === 'salesforce' ? 'Salesforce Account export' : `${list} list`}: ${message}`);
    this.name = 'AccountListError';
  }
}

/** The rows of a list's CSV text, cells trimmed; text that is not CSV is refused for that list. */
function csvRecords(csv: string, list: AccountFileKind): string[][] {
  try {
    return parse(csv, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as string[][];
  } catch (error) {
    throw new AccountListError(list, `not readable as CSV: ${(error as Error).message}`);
  }
}

const squash = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Which CSV column feeds each field; the name column is required. */
export function resolveColumns(
  headers: readonly string[],
  list: AccountListKind,
): Partial<Record<AccountListColumn, string>> {
  const byKey = new Map(headers.map((header) => [squash(header), header]));
  const resolved: Partial<Record<AccountListColumn, string>> = {};
  for (const [field, names] of Object.entries(ACCOUNT_LIST_COLUMNS) as Array<
    [AccountListColumn, readonly string[]]
  >) {
    const hit = names.map(squash).find((key) => byKey.has(key));
    if (hit) resolved[field] = byKey.get(hit)!;
  }
  if (!resolved.name) {
    throw new AccountListError(
      list,
      `no company name column: the header must contain one of ${ACCOUNT_LIST_COLUMNS.name.map((name) => `"${name}"`).join(', ')} (found ${headers.map((header) => `"${header}"`).join(', ') || 'no header'})`,
    );
  }
  return resolved;
}

/** Parses one list; rows without a usable name are returned as rejected, never silently dropped. */
export function parseAccountList(
  csv: string,
  list: AccountListKind,
): {
  accounts: ListedAccount[];
  rejected: RejectedListRow[];
  columns: Partial<Record<AccountListColumn, string>>;
} {
  const records = csvRecords(csv, list);
  const [header, ...rows] = records;
  if (!header) throw new AccountListError(list, 'the file is empty');
  const columns = resolveColumns(header, list);
  const index = Object.fromEntries(
    Object.entries(columns).map(([field, column]) => [field, header.indexOf(column)]),
  ) as Partial<Record<AccountListColumn, number>>;
  const cell = (row: string[], field: AccountListColumn) => {
    const at = index[field];
    const value = at === undefined ? undefined : row[at];
    return value && value.length > 0 ? value : null;
  };
  const accounts: ListedAccount[] = [];
  const rejected: RejectedListRow[] = [];
  rows.forEach((row, position) => {
    const line = position + 2;
    const name = cell(row, 'name');
    const nameKey = normaliseCompanyName(name);
    if (!name || !nameKey) {
      rejected.push({
        list,
        row: line,
        reason: `${columns.name}: ${name ? `"${name}" has no distinctive word left once the legal form is removed` : 'empty'}`,
      });
      return;
    }
    const website = cell(row, 'domain');
    accounts.push({
      list,
      row: line,
      name,
      website,
      owner: cell(row, 'owner'),
      ownerEmail: cell(row, 'ownerEmail'),
      segment: cell(row, 'segment'),
      country: cell(row, 'country'),
      nameKey,
      domain: normaliseWebDomain(website),
    });
  });
  return { accounts, rejected, columns };
}

/** Headers accepted in a Salesforce Account export (report or Data Loader), compared like the lists'. */
export const SALESFORCE_ACCOUNT_COLUMNS = {
  id: ['Id', 'Account ID', 'Account Id'],
  name: ['Name', 'Account Name'],
  website: ['Website'],
  ownerName: ['Owner.Name', 'Owner Name', 'Account Owner', 'Owner'],
  type: ['Type', 'Account Type'],
} as const;

/** Reads a Salesforce Account export; rows without an Id or name are returned as rejected. */
export function parseSalesforceAccounts(csv: string): {
  accounts: Array<{
    id: string;
    name: string;
    website: string | null;
    ownerName: string | null;
    type: string | null;
  }>;
  rejected: RejectedListRow[];
} {
  const records = csvRecords(csv, 'salesforce');
  const [header, ...rows] = records;
  if (!header) throw new AccountListError('salesforce', 'the file is empty');
  const byKey = new Map(header.map((column, index) => [squash(column), index]));
  const at = (field: keyof typeof SALESFORCE_ACCOUNT_COLUMNS) =>
    SALESFORCE_ACCOUNT_COLUMNS[field]
      .map(squash)
      .map((key) => byKey.get(key))
      .find((index) => index !== undefined);
  const idAt = at('id');
  const nameAt = at('name');
  if (idAt === undefined || nameAt === undefined) {
    throw new AccountListError(
      'salesforce',
      `the header must contain an Id column (${SALESFORCE_ACCOUNT_COLUMNS.id.join(', ')}) and a name column (${SALESFORCE_ACCOUNT_COLUMNS.name.join(', ')})`,
    );
  }
  const [websiteAt, ownerAt, typeAt] = [at('website'), at('ownerName'), at('type')];
  const cell = (row: string[], index: number | undefined) =>
    index === undefined ? null : row[index] || null;
  const accounts: Array<{
    id: string;
    name: string;
    website: string | null;
    ownerName: string | null;
    type: string | null;
  }> = [];
  const rejected: RejectedListRow[] = [];
  rows.forEach((row, position) => {
    const id = cell(row, idAt);
    const name = cell(row, nameAt);
    if (!id || !/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(id) || !name) {
      rejected.push({
        list: 'salesforce',
        row: position + 2,
        reason: !id || !name ? 'Id and name are required' : `"${id}" is not a Salesforce Id`,
      });
      return;
    }
    accounts.push({
      id,
      name,
      website: cell(row, websiteAt),
      ownerName: cell(row, ownerAt),
      type: cell(row, typeAt),
    });
  });
  return { accounts, rejected };
}
