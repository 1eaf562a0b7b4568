// Which columns of a Salesforce report / Data Loader export the product reads, how each one is
// typed, and which ones a command cannot do without.
import {
  ATTRIBUTIONS,
  CLOUDS,
  COMMIT_DRAWDOWNS,
  HELP_NEEDS,
  MARKETPLACE_ROUTES,
  ORIGINS,
  TENANCY_ARCHETYPES,
} from '../core/model.js';
import { OPPORTUNITY_FIELDS, type OpportunityPath } from '../core/salesforce-fields.js';

export type ColumnKind =
  | { type: 'text' }
  | { type: 'number' }
  | { type: 'date' }
  | { type: 'datetime' }
  | { type: 'boolean' }
  | { type: 'picklist'; values: readonly string[] }
  | { type: 'multiselect'; values: readonly string[] };

const text = (): ColumnKind => ({ type: 'text' });

/** Every Opportunity column the export reader understands, by canonical path. */
export const COLUMN_KINDS: Record<OpportunityPath, ColumnKind> = {
  id: text(),
  name: text(),
  amount: { type: 'number' },
  currencyIsoCode: text(),
  stageName: text(),
  probability: { type: 'number' },
  isClosed: { type: 'boolean' },
  isWon: { type: 'boolean' },
  closeDate: { type: 'date' },
  createdDate: { type: 'datetime' },
  lastModifiedDate: { type: 'datetime' },
  description: text(),
  nextStep: text(),
  type: text(),
  ownerId: text(),
  ownerName: text(),
  ownerEmail: text(),
  'account.id': text(),
  'account.name': text(),
  'account.website': text(),
  'account.industry': text(),
  'account.billingStreet': text(),
  'account.billingCity': text(),
  'account.billingState': text(),
  'account.billingPostalCode': text(),
  'account.billingCountry': text(),
  'coSell.clouds': { type: 'multiselect', values: CLOUDS },
  'coSell.origin': { type: 'picklist', values: ORIGINS },
  'coSell.originatingCloud': { type: 'picklist', values: CLOUDS },
  'coSell.attribution': { type: 'picklist', values: ATTRIBUTIONS },
  'coSell.helpNeeded': { type: 'multiselect', values: HELP_NEEDS },
  'coSell.helpDetails': text(),
  'coSell.marketplaceRoute': { type: 'picklist', values: MARKETPLACE_ROUTES },
  'coSell.commitDrawdown': { type: 'picklist', values: COMMIT_DRAWDOWNS },
  'coSell.tenancyArchetype': { type: 'picklist', values: TENANCY_ARCHETYPES },
  'coSell.expectedMonthlySpend': { type: 'number' },
  'coSell.useCase': text(),
};

const field = (path: OpportunityPath) => OPPORTUNITY_FIELDS[path];

/** Without these no command can place, value or judge an opportunity. */
export const REQUIRED_COLUMNS: readonly string[] = (
  [
    'id',
    'name',
    'amount',
    'stageName',
    'isClosed',
    'isWon',
    'closeDate',
    'createdDate',
    'lastModifiedDate',
    'account.name',
    'coSell.clouds',
  ] as const
).map(field);

/** Columns that must hold a value on every row: without them a row is not an opportunity. */
export const REQUIRED_VALUES: ReadonlySet<OpportunityPath> = new Set<OpportunityPath>([
  'id',
  'name',
  'stageName',
  'isClosed',
  'isWon',
  'closeDate',
  'createdDate',
  'lastModifiedDate',
  'account.name',
]);

/** The lint judges context and the ask: an export without these columns would flag every row. */
export const LINT_COLUMNS: readonly string[] = [
  ...REQUIRED_COLUMNS,
  ...(['description', 'coSell.origin', 'coSell.helpNeeded', 'coSell.useCase'] as const).map(field),
];

/** Sourced vs influenced needs who originated the deal. */
export const ATTRIBUTION_COLUMNS: readonly string[] = [
  ...REQUIRED_COLUMNS,
  ...(['coSell.origin', 'coSell.originatingCloud'] as const).map(field),
];

/** Column order the writer uses: every column the reader understands, in model order. */
export const EXPORT_COLUMNS: ReadonlyArray<{ path: OpportunityPath; column: string }> = (
  Object.keys(COLUMN_KINDS) as OpportunityPath[]
).map((path) => ({ path, column: field(path) }));
