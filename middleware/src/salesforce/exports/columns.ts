// Which Opportunity columns a Salesforce report / Data Loader export must carry for each command,
// and the column order the writer uses. How each column reads is salesforce/opportunity-columns.ts.
import { OPPORTUNITY_FIELDS, type OpportunityPath } from '../../core/salesforce-fields.js';
import { OPPORTUNITY_COLUMNS, REQUIRED_OPPORTUNITY_COLUMNS } from '../opportunity-columns.js';

export { COLUMN_KINDS, REQUIRED_VALUES, type ColumnKind } from '../opportunity-columns.js';

const field = (path: OpportunityPath) => OPPORTUNITY_FIELDS[path];

/** Without these no command can place, value or judge an opportunity. */
export const REQUIRED_COLUMNS: readonly string[] = REQUIRED_OPPORTUNITY_COLUMNS.map(
  ({ column }) => column,
);

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
export const EXPORT_COLUMNS: ReadonlyArray<{ path: OpportunityPath; column: string }> =
  OPPORTUNITY_COLUMNS.map(({ path, column }) => ({ path, column }));
