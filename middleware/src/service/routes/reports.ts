// Report routes over the store's mirror: the attribution report and its quarter-over-quarter trend
// (json or csv), and the co-sell readiness checklist per cloud.
import { csvText } from '../../core/csv-safe.js';
import {
  attributionReportRows,
  attributionTrend,
  attributionTrendRows,
  traceabilityTally,
  type TraceabilityTally,
} from '../../core/attribution/index.js';
import { CLOUDS } from '../../core/model.js';
import { readinessChecklist } from '../../core/readiness/index.js';
import { latestAccountMappingRun } from '../../store/account-mapping-runs.js';
import { storedCounterparts } from '../../store/counterparts.js';
import { mirroredOpportunities } from '../../store/opportunities.js';
import { invalidEvidenceProblem, withAccountMappingRun } from './practices.js';
import * as contract from '../../api-contract/reports.js';
import { defineRoute, type ApiRoute, type RouteResult } from '../route-table.js';
import { reportFromMirror } from './report-from-mirror.js';

export const attributionReport = defineRoute({
  ...contract.attributionReport,
  async handler({ query, deps, now }) {
    const report = await reportFromMirror(deps, now, {
      ...(query.cloud ? { cloud: query.cloud } : {}),
      ...(query.period
        ? { period: { fiscalYear: query.period.fiscalYear, quarter: query.period.quarter } }
        : {}),
    });
    if (query.format === 'csv') {
      return csvDownload(
        attributionReportRows(report),
        `attribution-${query.cloud ?? 'all-clouds'}-${query.period?.label ?? 'all-periods'}.csv`,
      );
    }
    return { status: 200, body: report };
  },
});

export const attributionTrendRoute = defineRoute({
  ...contract.attributionTrend,
  async handler({ query, deps, now }) {
    const trend = attributionTrend(
      await reportFromMirror(deps, now, query.cloud ? { cloud: query.cloud } : {}),
      query.quarters,
    );
    if (query.format === 'csv') {
      return csvDownload(
        attributionTrendRows(trend),
        `attribution-trend-${query.cloud ?? 'all-clouds'}-${query.quarters}q.csv`,
      );
    }
    return { status: 200, body: trend };
  },
});

export const readiness = defineRoute({
  ...contract.readiness,
  async handler({ query, deps, now }) {
    const clouds = query.cloud ? [query.cloud] : [...CLOUDS];
    const counterparts = await storedCounterparts(deps.db, clouds);
    // One pass over the mirror, page by page, keeping only counters: the mirror is never held whole.
    const tallies = new Map(clouds.map((cloud) => [cloud, traceabilityTally(cloud)]));
    for await (const opportunity of mirroredOpportunities(deps.db))
      for (const tally of tallies.values()) tally.add(opportunity);
    const checklists = [];
    for (const cloud of clouds) {
      const recorded = await deps.readinessEvidence(cloud);
      try {
        const checklist = readinessChecklist(
          withAccountMappingRun(
            (recorded ?? { cloud }) as Record<string, unknown>,
            await latestAccountMappingRun(deps.db, cloud),
          ),
          { now, counterparts, traceability: (tallies.get(cloud) as TraceabilityTally).result() },
        );
        checklists.push({ ...checklist, evidenceRecorded: recorded !== null });
      } catch (error) {
        throw invalidEvidenceProblem(cloud, error);
      }
    }
    return { status: 200, body: { checklists } };
  },
});

/** A CSV download of `rows` under `filename` (empty when there are none), cells made safe for spreadsheets. */
function csvDownload(rows: Array<Record<string, unknown>>, filename: string): RouteResult {
  const csv = rows.length === 0 ? '' : csvText(rows, Object.keys(rows[0]!), { header: true });
  return {
    status: 200,
    contentType: 'text/csv; charset=utf-8',
    body: csv,
    headers: { 'Content-Disposition': `attachment; filename="${filename}"` },
  };
}

export const REPORT_ROUTES: ApiRoute[] = [attributionReport, attributionTrendRoute, readiness];
