// Where `cosell lint` and `cosell attribution report` read opportunities from: a CSV export (`--file`)
// or the org itself (`--target-org`, SOQL with paging). Both yield the same rows, so the commands
// judge and report identically whichever the source.
import { createReadStream, statSync } from 'node:fs';
import type { CoSellOpportunity } from '../core/model.js';
import { readOpportunityExportBatches, type ExportFinding } from '../salesforce/exports/index.js';
import {
  planOpportunityQuery,
  readOrgOpportunities,
  type OpportunityPurpose,
} from '../salesforce/org-reads/opportunities.js';
import type { OrgConnection } from '../salesforce/org-reads/org-connection.js';
import type { ReadMeter } from './read-progress.js';

/**
 * `row` is the spreadsheet row for a file (header = 1) and the record's position in the query result
 * for an org, so a rejected record can be found either way.
 */
export type SourcedRow =
  | { kind: 'opportunity'; row: number; opportunity: CoSellOpportunity }
  | { kind: 'rejected'; row: number; findings: ExportFinding[] };

export type OpportunitySource =
  | { kind: 'file'; file: string; requiredColumns: readonly string[] }
  | {
      kind: 'org';
      connection: OrgConnection;
      purpose: OpportunityPurpose;
      where?: string;
      defaultCurrency?: string;
    };

export function describeSource(source: OpportunitySource, username?: string): string {
  return source.kind === 'file' ? source.file : `org ${username ?? ''}`.trim();
}

/** A meter for `readOpportunityBatches` to keep current: the file's size is known up front, an org's total is not. */
export function readMeter(source: OpportunitySource): ReadMeter {
  return {
    rows: 0,
    bytesRead: 0,
    totalBytes: source.kind === 'file' ? statSync(source.file).size : undefined,
  };
}

/**
 * The source's rows in batches as they arrive (a file's a few dozen at a time, an org's one by one),
 * with `meter` brought up to date before each batch is handed on.
 */
export async function* readOpportunityBatches(
  source: OpportunitySource,
  meter: ReadMeter = readMeter(source),
): AsyncGenerator<SourcedRow[]> {
  if (source.kind === 'file') {
    const stream = createReadStream(source.file, { highWaterMark: 1 << 20 });
    for await (const rows of readOpportunityExportBatches(stream, {
      requiredColumns: source.requiredColumns,
    })) {
      meter.rows += rows.length;
      meter.bytesRead = stream.bytesRead;
      yield rows;
    }
    return;
  }
  const plan = await planOpportunityQuery(
    source.connection,
    source.purpose,
    source.defaultCurrency,
  );
  for await (const record of readOrgOpportunities(
    source.connection,
    plan,
    source.where ? { where: source.where } : {},
  )) {
    meter.rows += 1;
    if (record.kind === 'opportunity')
      yield [{ kind: 'opportunity', row: record.position, opportunity: record.opportunity }];
    else
      yield [
        {
          kind: 'rejected',
          row: record.position,
          findings: record.findings.map((finding) => ({
            ...finding,
            row: record.position,
            opportunityId: record.opportunityId,
          })),
        },
      ];
  }
}
