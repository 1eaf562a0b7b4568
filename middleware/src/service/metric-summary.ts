// The service's periodic summary for the attribution page: the attribution report and maturity stage
// computed from the store, written to CoSell_Metric__c in the connected org.
import type { Kysely } from 'kysely';
import { buildAttributionReport } from '../core/attribution/index.js';
import { metricSummaryRecords } from '../core/attribution/metric-summary.js';
import { CLOUDS, type Cloud } from '../core/model.js';
import { maturityMetricsFromReport, maturityStage } from '../core/readiness/index.js';
import type {
  MetricSummaryWriter,
  MetricSummaryWriteResult,
} from '../salesforce/gateway/metric-summary.js';
import type { Database } from '../store/schema.js';
import { storedCounterparts } from '../store/counterparts.js';
import { allOpportunities } from '../store/opportunities.js';
import { recordedEvidence } from './recorded-evidence.js';

export interface MetricSummaryDeps {
  db: Kysely<Database>;
  writer: Pick<MetricSummaryWriter, 'write'>;
  reporting: { currency: string; rates: Record<string, number> };
  readinessEvidence: (cloud: Cloud) => Promise<unknown | null>;
  /** Evidence that does not parse is left out of the markers (they then read "not recorded"); told here. */
  onInvalidEvidence?: (cloud: Cloud, message: string) => void;
}

/** Computes every summary row as of `now` and upserts them; returns the counts and refused rows. */
export async function publishMetricSummary(
  deps: MetricSummaryDeps,
  now: Date,
): Promise<MetricSummaryWriteResult & { rows: number }> {
  const report = buildAttributionReport(await allOpportunities(deps.db), {
    reportingCurrency: deps.reporting.currency,
    rates: deps.reporting.rates,
    now,
  });
  const evidence = await recordedEvidence(deps.readinessEvidence, CLOUDS, (cloud, error) =>
    deps.onInvalidEvidence?.(cloud, error instanceof Error ? error.message : String(error)),
  );
  const counterparts = await storedCounterparts(deps.db);
  const maturity = maturityStage(
    maturityMetricsFromReport(report, now, { counterparts, evidence }),
  );
  const records = metricSummaryRecords(report, maturity, now);
  return { rows: records.length, ...(await deps.writer.write(records)) };
}
