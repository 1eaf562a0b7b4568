// How each field of the field tables (core/salesforce-fields.ts) reads: its kind, whether a row needs
// a value, and where it lands in the canonical model. The gateway, the CLI's org reads and the export
// reader all walk these tables, and the queries select from them, so renaming a field in core changes
// every query and every reader together.
import {
  ATTRIBUTIONS,
  CLOUDS,
  COMMIT_DRAWDOWNS,
  HELP_NEEDS,
  MARKETPLACE_ROUTES,
  ORIGINS,
  TENANCY_ARCHETYPES,
} from '../core/model.js';
import {
  CONTACT_FIELDS,
  ENGAGEMENT_FIELDS,
  OPPORTUNITY_FIELDS,
  type OpportunityPath,
} from '../core/salesforce-fields.js';

export type ColumnKind =
  | { type: 'text' }
  | { type: 'number' }
  | { type: 'date' }
  | { type: 'datetime' }
  | { type: 'boolean' }
  | { type: 'picklist'; values: readonly string[] }
  | { type: 'multiselect'; values: readonly string[] };

const text: ColumnKind = { type: 'text' };
const number: ColumnKind = { type: 'number' };
const boolean: ColumnKind = { type: 'boolean' };
const date: ColumnKind = { type: 'date' };
const datetime: ColumnKind = { type: 'datetime' };
const picklist = (values: readonly string[]): ColumnKind => ({ type: 'picklist', values });
const multiselect = (values: readonly string[]): ColumnKind => ({ type: 'multiselect', values });

/** Every Opportunity field by canonical path; the ones not named here are text. */
const OPPORTUNITY_KINDS: Partial<Record<OpportunityPath, ColumnKind>> = {
  amount: number,
  probability: number,
  isClosed: boolean,
  isWon: boolean,
  closeDate: date,
  createdDate: datetime,
  lastModifiedDate: datetime,
  'coSell.clouds': multiselect(CLOUDS),
  'coSell.origin': picklist(ORIGINS),
  'coSell.originatingCloud': picklist(CLOUDS),
  'coSell.attribution': picklist(ATTRIBUTIONS),
  'coSell.helpNeeded': multiselect(HELP_NEEDS),
  'coSell.marketplaceRoute': picklist(MARKETPLACE_ROUTES),
  'coSell.commitDrawdown': picklist(COMMIT_DRAWDOWNS),
  'coSell.tenancyArchetype': picklist(TENANCY_ARCHETYPES),
  'coSell.expectedMonthlySpend': number,
};

/** Fields every row must fill: without them a row is not an opportunity. */
const REQUIRED_VALUE_PATHS: readonly OpportunityPath[] = [
  'id',
  'name',
  'stageName',
  'isClosed',
  'isWon',
  'closeDate',
  'createdDate',
  'lastModifiedDate',
  'account.name',
];

/** Columns a file or query must carry (they may be empty): the amount and the clouds place a deal. */
const REQUIRED_COLUMN_PATHS: ReadonlySet<OpportunityPath> = new Set([
  ...REQUIRED_VALUE_PATHS,
  'amount',
  'coSell.clouds',
]);

/** One field of a table, compiled once: what the readers need per cell, without lookups. */
export interface FieldColumn<Path extends string = string> {
  readonly path: Path;
  /** The API name as the table has it (`Account.Name` for a parent field). */
  readonly column: string;
  readonly kind: ColumnKind;
  /** A row without a value here is refused. */
  readonly required: boolean;
  /** The model path split once: `account.name` → `account`, `name`. */
  readonly head: string;
  readonly tail: string | undefined;
  /** The column split once, to walk a queried record's nested parents. */
  readonly steps: readonly string[];
}

function compile<Path extends string>(
  fields: Readonly<Record<Path, string>>,
  kindOf: (path: Path) => ColumnKind,
  required: (path: Path) => boolean,
): ReadonlyArray<FieldColumn<Path>> {
  return (Object.entries(fields) as Array<[Path, string]>).map(([path, column]) => {
    const [head, tail] = path.split('.', 2) as [string, string | undefined];
    const kind = kindOf(path);
    return { path, column, kind, required: required(path), head, tail, steps: column.split('.') };
  });
}

/** Every Opportunity field, in the field table's order. */
export const OPPORTUNITY_COLUMNS: ReadonlyArray<FieldColumn<OpportunityPath>> = compile(
  OPPORTUNITY_FIELDS,
  (path) => OPPORTUNITY_KINDS[path] ?? text,
  (path) => REQUIRED_VALUE_PATHS.includes(path),
);

export const COLUMN_BY_PATH: ReadonlyMap<OpportunityPath, FieldColumn<OpportunityPath>> = new Map(
  OPPORTUNITY_COLUMNS.map((column) => [column.path, column]),
);

/** Every Opportunity column the readers understand, by canonical path. */
export const COLUMN_KINDS = Object.fromEntries(
  OPPORTUNITY_COLUMNS.map(({ path, kind }) => [path, kind]),
) as Record<OpportunityPath, ColumnKind>;

export const REQUIRED_VALUES: ReadonlySet<OpportunityPath> = new Set(REQUIRED_VALUE_PATHS);

/** The columns a file or query cannot do without, in table order. */
export const REQUIRED_OPPORTUNITY_COLUMNS = OPPORTUNITY_COLUMNS.filter(({ path }) =>
  REQUIRED_COLUMN_PATHS.has(path),
);

export type EngagementPath = keyof typeof ENGAGEMENT_FIELDS;

const ENGAGEMENT_KINDS: Partial<Record<EngagementPath, ColumnKind>> = {
  cloud: picklist(CLOUDS),
  submittedAt: datetime,
  acceptedAt: datetime,
  lastSyncedAt: datetime,
};

/** The engagement fields read through an Opportunity (its own lookup to the Opportunity is not). */
export const ENGAGEMENT_COLUMNS: ReadonlyArray<FieldColumn<EngagementPath>> = compile(
  ENGAGEMENT_FIELDS,
  (path) => ENGAGEMENT_KINDS[path] ?? text,
  (path) => path === 'cloud',
).filter(({ path }) => path !== 'opportunityId');

export type ContactPath = keyof typeof CONTACT_FIELDS;

/** Contact fields as an OpportunityContactRole row holds them: `Role` itself, the rest on `Contact`. */
export const CONTACT_ROLE_FIELDS = Object.fromEntries(
  (Object.entries(CONTACT_FIELDS) as Array<[ContactPath, string]>).map(([path, column]) => [
    path,
    column.includes('.') ? column.split('.').slice(1).join('.') : `Contact.${column}`,
  ]),
) as Record<ContactPath, string>;

export const CONTACT_COLUMNS: ReadonlyArray<FieldColumn<ContactPath>> = compile(
  CONTACT_ROLE_FIELDS,
  () => text,
  (path) => path === 'lastName',
);
