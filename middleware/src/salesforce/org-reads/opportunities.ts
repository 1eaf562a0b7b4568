// Reads Opportunities live from an org for the lint, the attribution report, readiness and offline
// validation: only the fields each purpose needs, every page, and each record read by the same
// table-driven reader as an export file, so a value the export reader rejects is rejected here too,
// with the field named.
import type { CoSellOpportunity, Finding } from '../../core/model.js';
import { ENGAGEMENT_OBJECT, type OpportunityPath } from '../../core/salesforce-fields.js';
import {
  ENGAGEMENT_COLUMNS,
  OPPORTUNITY_COLUMNS,
  type EngagementPath,
  type FieldColumn,
} from '../opportunity-columns.js';
import {
  cellText,
  childRecords,
  contactsOf,
  parseOpportunity,
  readOpportunityCells,
  valueAt,
} from '../opportunity-reader.js';
import { currencyAware, ENGAGEMENTS_RELATIONSHIP, opportunitySelect, soqlString } from '../soql.js';
import { readCell } from '../field-values.js';
import { describeIfPresent, queryAll, type OrgConnection } from './org-connection.js';

/** What the caller will do with the opportunities; decides the fields read. */
export type OpportunityPurpose = 'lint' | 'attribution' | 'validate';

type Column = FieldColumn<OpportunityPath>;

/** What every purpose reads: the columns an export must carry, and the currency. */
const BASE: readonly Column[] = OPPORTUNITY_COLUMNS.filter(
  ({ path, required }) =>
    required || path === 'amount' || path === 'currencyIsoCode' || path === 'coSell.clouds',
);

function withBase(paths: readonly OpportunityPath[]): readonly Column[] {
  return [...BASE, ...OPPORTUNITY_COLUMNS.filter(({ path }) => paths.includes(path))];
}

const COLUMNS: Record<OpportunityPurpose, readonly Column[]> = {
  lint: withBase([
    'description',
    'coSell.origin',
    'coSell.helpNeeded',
    'coSell.helpDetails',
    'coSell.useCase',
  ]),
  attribution: withBase([
    'type',
    'coSell.origin',
    'coSell.originatingCloud',
    'coSell.attribution',
    'coSell.marketplaceRoute',
    'coSell.commitDrawdown',
  ]),
  // Mapping reads nearly every field (customer address, contacts, the ask), so validation takes them all.
  validate: OPPORTUNITY_COLUMNS,
};

const ENGAGEMENT_PATHS: Record<OpportunityPurpose, readonly EngagementPath[]> = {
  lint: ['cloud', 'portalId', 'status'],
  attribution: ['cloud', 'portalId', 'status', 'submittedAt', 'acceptedAt'],
  validate: [
    'id',
    'cloud',
    'portalId',
    'status',
    'submittedAt',
    'acceptedAt',
    'requestedAction',
    'lastSyncedAt',
  ],
};

const engagementColumnsOf = (purpose: OpportunityPurpose) =>
  ENGAGEMENT_COLUMNS.filter(({ path }) => ENGAGEMENT_PATHS[purpose].includes(path));

/** The org lacks fields the package adds: it is not installed, or the running user cannot see them. */
export class OrgSchemaError extends Error {
  constructor(readonly missing: readonly string[]) {
    super(
      `The org has no ${missing.join(', ')}: the co-sell package is not installed, or your user cannot see ${missing.length > 1 ? 'these fields' : 'this field'}.`,
    );
    this.name = 'OrgSchemaError';
  }
}

export interface OpportunityQueryPlan {
  purpose: OpportunityPurpose;
  /** Orgs without multiple currencies have no CurrencyIsoCode; their amounts take `defaultCurrency`. */
  multiCurrency: boolean;
  defaultCurrency: string;
}

export interface OpportunitySelection {
  /** Operator's SOQL condition (`StageName != 'Closed Lost'`), added as one parenthesised clause. */
  where?: string;
  ids?: readonly string[];
}

export type OrgOpportunity =
  | { kind: 'opportunity'; position: number; opportunity: CoSellOpportunity }
  | {
      kind: 'rejected';
      position: number;
      opportunityId: string | null;
      findings: Array<Finding & { field?: string }>;
    };

function columnsOf(plan: OpportunityQueryPlan): ReadonlyArray<readonly [number, Column]> {
  return COLUMNS[plan.purpose]
    .filter(({ path }) => plan.multiCurrency || path !== 'currencyIsoCode')
    .map((column, index) => [index, column] as const);
}

export function opportunitySoql(
  plan: OpportunityQueryPlan,
  selection: OpportunitySelection = {},
): string {
  const columns = COLUMNS[plan.purpose].map(({ column }) => column);
  const parts = [
    opportunitySelect({
      columns: currencyAware(columns, plan.multiCurrency),
      engagementColumns: engagementColumnsOf(plan.purpose).map(({ column }) => column),
      contactRoles: plan.purpose === 'validate',
    }),
  ];
  const where: string[] = [];
  if (selection.ids) where.push(`Id IN (${selection.ids.map(soqlString).join(', ')})`);
  if (selection.where?.trim()) where.push(`(${selection.where.trim()})`);
  if (where.length > 0) parts.push(` WHERE ${where.join(' AND ')}`);
  parts.push(' ORDER BY Id');
  return parts.join('');
}

/** One queried record → the canonical opportunity, or findings naming each field that cannot be read. */
export function recordToOpportunity(
  record: Record<string, unknown>,
  plan: OpportunityQueryPlan,
  position: number,
): OrgOpportunity {
  const opportunityId = cellText(record.Id) || null;
  const findings: Array<Finding & { field?: string }> = [];
  const problem = (field: string, message: string, value?: unknown): void => {
    findings.push({
      code: 'ORG_BAD_VALUE',
      severity: 'error',
      field,
      message: `Opportunity ${opportunityId ?? `#${position}`}: ${field} ${message}.`,
      evidence: { position, ...(value === undefined ? {} : { value: cellText(value) }) },
    });
  };
  const columns = columnsOf(plan);
  const cells = columns.map(([, column]) => cellText(valueAt(record, column.steps)));
  const { input, problems } = readOpportunityCells(cells, columns);
  for (const { column, problem: words, raw, empty } of problems)
    problem(column, words, empty ? undefined : raw);
  input.currencyIsoCode ??= plan.defaultCurrency;
  input.engagements = childRecords(record, ENGAGEMENTS_RELATIONSHIP).map((child) => {
    const engagement: Record<string, unknown> = {};
    for (const { path, column, kind } of engagementColumnsOf(plan.purpose)) {
      const cell = readCell(cellText(child[column]), kind);
      if (!cell.ok) problem(`${ENGAGEMENT_OBJECT}.${column}`, cell.problem, child[column]);
      else if (cell.value !== undefined) engagement[path] = cell.value;
    }
    return engagement;
  });
  if (plan.purpose === 'validate') input.contacts = contactsOf(record);
  if (findings.length > 0) return { kind: 'rejected', position, opportunityId, findings };
  const parsed = parseOpportunity(input);
  if (parsed.ok) return { kind: 'opportunity', position, opportunity: parsed.opportunity };
  for (const { column, path, message } of parsed.issues) problem(column ?? path, message);
  return { kind: 'rejected', position, opportunityId, findings };
}

/**
 * Checks the org has what the purpose reads (fails before the first query, naming every missing
 * field) and returns the plan: with CurrencyIsoCode only where the org is multi-currency.
 */
export async function planOpportunityQuery(
  connection: OrgConnection,
  purpose: OpportunityPurpose,
  defaultCurrency = 'USD',
): Promise<OpportunityQueryPlan> {
  const described = await describeIfPresent(connection, 'Opportunity');
  const fields = new Set((described?.fields ?? []).map((field) => field.name));
  const needed = COLUMNS[purpose]
    .map(({ column }) => column)
    .filter((column) => !column.includes('.') && column.endsWith('__c'));
  const missing = needed
    .filter((column) => !fields.has(column))
    .map((column) => `Opportunity.${column}`);
  const relationships = new Set(
    (described?.childRelationships ?? []).map((child) => child.relationshipName),
  );
  if (!relationships.has(ENGAGEMENTS_RELATIONSHIP))
    missing.push(`${ENGAGEMENT_OBJECT} (relationship ${ENGAGEMENTS_RELATIONSHIP})`);
  if (missing.length > 0) throw new OrgSchemaError(missing);
  return { purpose, multiCurrency: fields.has('CurrencyIsoCode'), defaultCurrency };
}

/** Every selected opportunity, page by page, each canonical or rejected with its findings. */
export async function* readOrgOpportunities(
  connection: OrgConnection,
  plan: OpportunityQueryPlan,
  selection: OpportunitySelection = {},
): AsyncGenerator<OrgOpportunity> {
  let position = 0;
  for await (const record of queryAll(connection, opportunitySoql(plan, selection))) {
    position += 1;
    yield recordToOpportunity(record, plan, position);
  }
}
