// Where `cosell lint` and `cosell attribution report` read opportunities from: a CSV export (`--file`)
// or the org itself (`--target-org`, SOQL with paging). Both yield the same rows, so the commands
// judge and report identically whichever the source.
import { createReadStream } from 'node:fs';
import type { CoSellOpportunity } from '../core/model.js';
import { readOpportunityExport, type ExportFinding } from '../salesforce-export/index.js';
import { planOpportunityQuery, readOrgOpportunities, type OpportunityPurpose } from '../salesforce-query/opportunities.js';
import type { OrgConnection } from '../salesforce-query/org-connection.js';

/**
 * `row` is the spreadsheet row for a file (header = 1) and the record's position in the query result
 * for an org, so a rejected record can be found either way.
 */
export type SourcedRow = { kind: 'opportunity'; row: number; opportunity: CoSellOpportunity } | { kind: 'rejected'; row: number; findings: ExportFinding[] };

export type OpportunitySource =
  | { kind: 'file'; file: string; requiredColumns: readonly string[] }
  | { kind: 'org'; connection: OrgConnection; purpose: OpportunityPurpose; where?: string; defaultCurrency?: string };

export function describeSource(source: OpportunitySource, username?: string): string {
  return source.kind === 'file' ? source.file : `org ${username ?? ''}`.trim();
}

export async function* readOpportunities(source: OpportunitySource): AsyncGenerator<SourcedRow> {
  if (source.kind === 'file') {
    yield* readOpportunityExport(createReadStream(source.file), { requiredColumns: source.requiredColumns });
    return;
  }
  const plan = await planOpportunityQuery(source.connection, source.purpose, source.defaultCurrency);
  for await (const record of readOrgOpportunities(source.connection, plan, source.where ? { where: source.where } : {})) {
    if (record.kind === 'opportunity') yield { kind: 'opportunity', row: record.position, opportunity: record.opportunity };
    else yield { kind: 'rejected', row: record.position, findings: record.findings.map((finding) => ({ ...finding, row: record.position, opportunityId: record.opportunityId })) };
  }
}
