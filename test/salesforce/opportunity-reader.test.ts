// Every field of the field table reaches the canonical model through each of the three readers
// (gateway, CLI org reads, export files), and every query selects it: the record under test is
// built from the table itself, so a reader that names a field by hand instead of through the table
// reads nothing and fails here.
import { describe, expect, it } from '@jest/globals';
import { CoSellOpportunity } from '../../middleware/src/core/model.js';
import { CONTACT_FIELDS, OPPORTUNITY_FIELDS } from '../../middleware/src/core/salesforce-fields.js';
import {
  CONTACT_COLUMNS,
  ENGAGEMENT_COLUMNS,
  OPPORTUNITY_COLUMNS,
  type ColumnKind,
  type FieldColumn,
} from '../../middleware/src/salesforce/opportunity-columns.js';
import { opportunityFromRecord } from '../../middleware/src/salesforce/gateway/opportunity-record.js';
import { changedOpportunitiesQuery } from '../../middleware/src/salesforce/gateway/queries.js';
import {
  ENGAGEMENTS_RELATIONSHIP,
  CONTACT_ROLES_RELATIONSHIP,
} from '../../middleware/src/salesforce/soql.js';
import {
  opportunitySoql,
  recordToOpportunity,
} from '../../middleware/src/salesforce/org-reads/opportunities.js';
import {
  readOpportunityExport,
  type ExportRow,
} from '../../middleware/src/salesforce/exports/index.js';

type Row = Record<string, unknown>;

/** Values the model holds to a form of their own; every other field takes a value of its kind. */
const SPECIAL: Record<string, unknown> = {
  id: '006Hs00001Nwh01AAA',
  'account.id': '001Hs00000Nwh01AAA',
  currencyIsoCode: 'EUR',
  ownerEmail: 'owner@example.com',
  email: 'pat@example.com',
  portalId: 'O1234',
  status: 'Submitted',
  requestedAction: 'Submit',
  // The gateway's own JSON, read back as findings.
  findings: JSON.stringify([{ code: 'ACE_PORTAL', severity: 'warning', message: 'Checked.' }]),
};

/** What the model holds for a sample: the findings JSON is read back as the list it encodes. */
function expected(column: FieldColumn): unknown {
  const value = sample(column);
  return column.path === 'findings' ? JSON.parse(value as string) : value;
}

function sample(column: FieldColumn): unknown {
  if (column.path in SPECIAL) return SPECIAL[column.path];
  const kind: ColumnKind = column.kind;
  switch (kind.type) {
    case 'text':
      return `${column.path} value`;
    case 'number':
      return 42;
    case 'boolean':
      return true;
    case 'date':
      return '2027-03-31';
    case 'datetime':
      return '2026-09-02T14:20:00.000Z';
    case 'picklist':
      return kind.values.at(-1);
    case 'multiselect':
      return [kind.values[0]];
  }
}

/** As a query returns it: `Account.Name` nested under `Account`, multi-selects `;`-joined. */
function queried(columns: readonly FieldColumn[]): Row {
  const record: Row = {};
  for (const column of columns) {
    const value = sample(column);
    let at = record;
    for (const step of column.steps.slice(0, -1)) at = (at[step] ??= {}) as Row;
    at[column.steps.at(-1) as string] = Array.isArray(value) ? value.join(';') : value;
  }
  return record;
}

function at(model: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, step) => (value as Row)[step], model);
}

const RECORD: Row = {
  ...queried(OPPORTUNITY_COLUMNS),
  [ENGAGEMENTS_RELATIONSHIP]: { records: [queried(ENGAGEMENT_COLUMNS)] },
  [CONTACT_ROLES_RELATIONSHIP]: { records: [queried(CONTACT_COLUMNS)] },
};

function expectEveryField(
  opportunity: unknown,
  columns: readonly FieldColumn[] = OPPORTUNITY_COLUMNS,
): void {
  for (const column of columns)
    expect({ [column.column]: at(opportunity, column.path) }).toEqual({
      [column.column]: expected(column),
    });
}

describe('the table-driven Opportunity readers', () => {
  it('the gateway reads every opportunity, engagement and contact field from its table', () => {
    const opportunity = CoSellOpportunity.parse(
      opportunityFromRecord(RECORD, { corporateCurrency: 'USD' }),
    );
    expectEveryField(opportunity);
    expectEveryField(opportunity.engagements[0], ENGAGEMENT_COLUMNS);
    expectEveryField(opportunity.contacts[0], CONTACT_COLUMNS);
    expect(Object.keys(CONTACT_FIELDS)).toEqual(CONTACT_COLUMNS.map(({ path }) => path));
  });

  it('the CLI org read takes every field, and its query selects each one', () => {
    const plan = { purpose: 'validate', multiCurrency: true, defaultCurrency: 'USD' } as const;
    const read = recordToOpportunity(RECORD, plan, 1);
    if (read.kind !== 'opportunity') throw new Error(JSON.stringify(read.findings));
    expectEveryField(read.opportunity);
    expectEveryField(read.opportunity.contacts[0], CONTACT_COLUMNS);
    const soql = opportunitySoql(plan);
    for (const column of [...OPPORTUNITY_COLUMNS, ...CONTACT_COLUMNS])
      expect(soql).toContain(column.column);
  });

  it('the gateway query selects every field the gateway reader reads', () => {
    const soql = changedOpportunitiesQuery(null, { multiCurrency: true });
    const selected = new Set(soql.match(/[\w.]+/g));
    for (const column of [...OPPORTUNITY_COLUMNS, ...ENGAGEMENT_COLUMNS, ...CONTACT_COLUMNS])
      expect(selected).toContain(column.column);
    expect(selected).toContain(OPPORTUNITY_FIELDS['coSell.clouds']);
  });

  it('an export file with a column per field reads every field', async () => {
    const header = OPPORTUNITY_COLUMNS.map(({ column }) => column);
    const cells = OPPORTUNITY_COLUMNS.map((column) => {
      const value = sample(column);
      return `"${Array.isArray(value) ? value.join(';') : String(value)}"`;
    });
    const rows: ExportRow[] = [];
    for await (const row of readOpportunityExport(`${header.join(',')}\n${cells.join(',')}\n`))
      rows.push(row);
    const [row] = rows;
    if (row?.kind !== 'opportunity') throw new Error(JSON.stringify(row));
    expectEveryField(row.opportunity);
  });
});
