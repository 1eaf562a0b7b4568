// Writes canonical opportunities as the export the reader takes (header of API names, `;`-joined
// multi-selects), so generated demo and benchmark files look like what an org hands over.
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { CoSellOpportunity } from '../../core/model.js';
import { EXPORT_COLUMNS } from './columns.js';

export interface ExportWriterOptions {
  /** Salesforce writes `...000Z` from the API and `...000+0000` from some exports; pick one. */
  datetimeStyle?: 'Z' | '+0000';
}

function valueAt(opp: CoSellOpportunity, path: string): unknown {
  const [head = '', tail] = path.split('.', 2);
  const top = (opp as unknown as Record<string, unknown>)[head];
  return tail === undefined ? top : (top as Record<string, unknown>)[tail];
}

/** One CSV record for an opportunity, in EXPORT_COLUMNS order. */
export function toExportRecord(
  opp: CoSellOpportunity,
  options: ExportWriterOptions = {},
): string[] {
  return EXPORT_COLUMNS.map(({ path }) => {
    const value = valueAt(opp, path);
    if (value === null || value === undefined) return '';
    if (Array.isArray(value)) return value.join(';');
    if (typeof value === 'boolean') return value ? 'true' : 'false';
    if (
      typeof value === 'string' &&
      options.datetimeStyle === '+0000' &&
      (path === 'createdDate' || path === 'lastModifiedDate')
    ) {
      return value.replace(/Z$/, '+0000');
    }
    return String(value);
  });
}

/** The header row: every column the reader understands, by API name. */
export const EXPORT_HEADER: readonly string[] = EXPORT_COLUMNS.map(({ column }) => column);

/** Writes opportunities to `destination` as an export, with backpressure, header first. */
export async function writeOpportunityExport(
  opportunities: Iterable<CoSellOpportunity> | AsyncIterable<CoSellOpportunity>,
  destination: Writable,
  options: ExportWriterOptions = {},
): Promise<void> {
  async function* records() {
    for await (const opp of opportunities) yield toExportRecord(opp, options);
  }
  await pipeline(
    Readable.from(records()),
    stringify({ header: true, columns: [...EXPORT_HEADER] }),
    destination,
  );
}
