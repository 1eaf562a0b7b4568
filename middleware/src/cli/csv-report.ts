// A CSV report written as its records come: batches of rows through the one CSV writer (csvText) to
// a report target, so a command that finds records while it reads can write them at once rather than
// keep them and read them back.
import { csvText } from '../core/csv-safe.js';
import type { ReportTarget } from './report-output.js';

/**
 * Records rendered per CSV call: about 30k characters, under V8's large-object size as two-byte
 * text (1,000 made large strings that waited for full collections), and no slower per record.
 */
export const CSV_BATCH = 100;

export class CsvReport {
  private batch: object[] = [];
  private header = true;

  constructor(
    private readonly target: ReportTarget,
    private readonly columns: readonly string[],
  ) {}

  /** Keeps a record for the next write. */
  add(record: object): void {
    this.batch.push(record);
  }

  /** Whether a whole batch waits: the caller writes it when it can wait for the target. */
  get due(): boolean {
    return this.batch.length >= CSV_BATCH;
  }

  /** Writes the records kept so far, the header first. */
  async write(): Promise<void> {
    if (this.batch.length === 0) return;
    await this.put();
  }

  /** Writes the rest (the header alone when there was no record) and completes the report. */
  async end(): Promise<void> {
    if (this.batch.length > 0 || this.header) await this.put();
    await this.target.commit();
  }

  /** The run failed: nothing more is written, and a file target leaves `--output` as it was. */
  abort(): void {
    this.batch = [];
    this.target.abort();
  }

  private async put(): Promise<void> {
    const batch = this.batch;
    this.batch = [];
    const header = this.header;
    this.header = false;
    await this.target.write(csvText(batch, this.columns, { header }));
  }
}
