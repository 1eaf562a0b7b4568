// Public surface of the Salesforce export reader and writer (CSV from a report or Data Loader).
export {
  ATTRIBUTION_COLUMNS,
  COLUMN_KINDS,
  EXPORT_COLUMNS,
  LINT_COLUMNS,
  REQUIRED_COLUMNS,
  REQUIRED_VALUES,
} from './columns.js';
export { readCell } from '../field-values.js';
export {
  EXPORT_CODES,
  ExportFormatError,
  MissingColumnsError,
  readOpportunityExport,
  readOpportunityExportBatches,
  type ExportFinding,
  type ExportRow,
  type ExportSource,
  type ReadExportOptions,
} from './reader.js';
export {
  EXPORT_HEADER,
  toExportRecord,
  writeOpportunityExport,
  type ExportWriterOptions,
} from './writer.js';
