// Reads Opportunities live from an org for the lint, the attribution report, readiness and offline
// validation: only the fields each purpose needs, every page, and each record turned into the
// canonical model with the same cell rules the CSV export reader applies, so a value the export
// reader rejects is rejected here too, with the field named.
import { CoSellOpportunity, Finding } from '../core/model.js';
import {
  ENGAGEMENT_FIELDS,
  ENGAGEMENT_OBJECT,
  OPPORTUNITY_FIELDS,
  type OpportunityPath,
} from '../core/salesforce-fields.js';
import { COLUMN_KINDS, REQUIRED_VALUES, readCell } from '../salesforce-export/index.js';
import type { ColumnKind } from '../salesforce-export/columns.js';
import { describeIfPresent, queryAll, type OrgConnection } from './org-connection.js';

/** What the caller will do with the opportunities; decides the fields read. */
export type OpportunityPurpose = 'lint' | 'attribution' | 'validate';

const BASE: OpportunityPath[] = [
  'id',
  'name',
  'amount',
  'currencyIsoCode',
  'stageName',
  'isClosed',
  'isWon',
  'closeDate',
  'createdDate',
  'lastModifiedDate',
  'account.name',
  'coSell.clouds',
];

const PATHS: Record<OpportunityPurpose, readonly OpportunityPath[]> = {
  lint: [
    ...BASE,
    'description',
    'coSell.origin',
    'coSell.helpNeeded',
    'coSell.helpDetails',
    'coSell.useCase',
  ],
  attribution: [
    ...BASE,
    'type',
    'coSell.origin',
    'coSell.originatingCloud',
    'coSell.attribution',
    'coSell.marketplaceRoute',
    'coSell.commitDrawdown',
  ],
  // Mapping reads nearly every field (customer address, contacts, the ask), so validation takes them all.
  validate: Object.keys(OPPORTUNITY_FIELDS) as OpportunityPath[],
};

type EngagementPath = keyof typeof ENGAGEMENT_FIELDS;

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

const ENGAGEMENT_KINDS: Record<EngagementPath, ColumnKind> = {
  id: { type: 'text' },
  opportunityId: { type: 'text' },
  cloud: COLUMN_KINDS['coSell.originatingCloud'],
  portalId: { type: 'text' },
  status: { type: 'text' },
  submittedAt: { type: 'datetime' },
  acceptedAt: { type: 'datetime' },
  findings: { type: 'text' },
  requestedAction: { type: 'text' },
  lastSyncedAt: { type: 'datetime' },
  syncError: { type: 'text' },
};

/** Child relationship of CoSell_Engagement__c.Opportunity__c (relationshipName in force-app + `__r`). */
export const ENGAGEMENTS_RELATIONSHIP = 'CoSell_Engagements__r';
const CONTACT_ROLE_COLUMNS = [
  'Role',
  'Contact.Id',
  'Contact.FirstName',
  'Contact.LastName',
  'Contact.Email',
  'Contact.Phone',
  'Contact.Title',
];

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

function columnsOf(plan: OpportunityQueryPlan): Array<[OpportunityPath, string]> {
  return PATHS[plan.purpose]
    .filter((path) => plan.multiCurrency || path !== 'currencyIsoCode')
    .map((path) => [path, OPPORTUNITY_FIELDS[path]]);
}

/** A SOQL string literal: quotes and backslashes escaped, so a value can never end the literal. */
export function soqlLiteral(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export function opportunitySoql(
  plan: OpportunityQueryPlan,
  selection: OpportunitySelection = {},
): string {
  const engagementColumns = ENGAGEMENT_PATHS[plan.purpose].map((path) => ENGAGEMENT_FIELDS[path]);
  const parts = [
    `SELECT ${columnsOf(plan)
      .map(([, column]) => column)
      .join(', ')}`,
    `, (SELECT ${engagementColumns.join(', ')} FROM ${ENGAGEMENTS_RELATIONSHIP})`,
    plan.purpose === 'validate'
      ? `, (SELECT ${CONTACT_ROLE_COLUMNS.join(', ')} FROM OpportunityContactRoles)`
      : '',
    ' FROM Opportunity',
  ];
  const where: string[] = [];
  if (selection.ids) where.push(`Id IN (${selection.ids.map(soqlLiteral).join(', ')})`);
  if (selection.where?.trim()) where.push(`(${selection.where.trim()})`);
  if (where.length > 0) parts.push(` WHERE ${where.join(' AND ')}`);
  parts.push(' ORDER BY Id');
  return parts.join('');
}

/** `Account.Name` read out of `{ Account: { Name } }`; a null parent reads as empty. */
function valueAt(record: Record<string, unknown>, column: string): unknown {
  let value: unknown = record;
  for (const step of column.split('.'))
    value =
      value !== null && typeof value === 'object'
        ? (value as Record<string, unknown>)[step]
        : undefined;
  return value;
}

/** The text a CSV cell would hold for a JSON value, so the export reader's cell rules apply unchanged. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : String(value);
}

function childRecords(
  record: Record<string, unknown>,
  relationship: string,
): Array<Record<string, unknown>> {
  const child = record[relationship] as
    | { records?: Array<Record<string, unknown>> }
    | null
    | undefined;
  return child?.records ?? [];
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
  const input: Record<string, unknown> = { account: {}, coSell: {} };
  for (const [path, column] of columnsOf(plan)) {
    const raw = valueAt(record, column);
    const cell = readCell(cellText(raw), COLUMN_KINDS[path]);
    if (!cell.ok) problem(column, cell.problem, raw);
    else if (cell.value === undefined && REQUIRED_VALUES.has(path)) problem(column, 'is empty');
    else if (cell.value !== undefined) {
      const [head, tail] = path.split('.', 2) as [string, string | undefined];
      if (tail === undefined) input[head] = cell.value;
      else (input[head] as Record<string, unknown>)[tail] = cell.value;
    }
  }
  input.currencyIsoCode ??= plan.defaultCurrency;
  input.engagements = childRecords(record, ENGAGEMENTS_RELATIONSHIP).map((child) => {
    const engagement: Record<string, unknown> = {};
    for (const path of ENGAGEMENT_PATHS[plan.purpose]) {
      const column = ENGAGEMENT_FIELDS[path];
      const cell = readCell(cellText(child[column]), ENGAGEMENT_KINDS[path]);
      if (!cell.ok) problem(`${ENGAGEMENT_OBJECT}.${column}`, cell.problem, child[column]);
      else if (cell.value !== undefined) engagement[path] = cell.value;
    }
    return engagement;
  });
  if (plan.purpose === 'validate') {
    input.contacts = childRecords(record, 'OpportunityContactRoles')
      .filter((role) => valueAt(role, 'Contact.LastName'))
      .map((role) => ({
        id: cellText(valueAt(role, 'Contact.Id')) || undefined,
        firstName: cellText(valueAt(role, 'Contact.FirstName')) || null,
        lastName: cellText(valueAt(role, 'Contact.LastName')),
        email: cellText(valueAt(role, 'Contact.Email')) || null,
        phone: cellText(valueAt(role, 'Contact.Phone')) || null,
        title: cellText(valueAt(role, 'Contact.Title')) || null,
        role: cellText(role.Role) || null,
      }));
  }
  if (findings.length > 0) return { kind: 'rejected', position, opportunityId, findings };
  const parsed = CoSellOpportunity.safeParse(input);
  if (parsed.success) return { kind: 'opportunity', position, opportunity: parsed.data };
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String);
    const field =
      (OPPORTUNITY_FIELDS as Record<string, string>)[path.slice(0, 2).join('.')] ??
      (OPPORTUNITY_FIELDS as Record<string, string>)[path[0] ?? ''] ??
      path.join('.');
    problem(field, issue.message);
  }
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
  const needed = PATHS[purpose]
    .map((path) => OPPORTUNITY_FIELDS[path])
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
