// The desk's periodic exchange of reference data with the org: the org's readiness evidence and
// counterparts are copied into the store, and the metric summary the attribution page reads
// (CoSell_Metric__c) is written back. A failure is logged and the next tick retries; never fatal.
import type { Logger } from 'pino';
import { MetricSummaryWriter } from '../salesforce/gateway/metric-summary.js';
import type { SalesforceGateway } from '../salesforce/gateway/index.js';
import type { Kysely } from 'kysely';
import { readReadinessEvidence } from '../store/readiness-evidence.js';
import type { Database } from '../store/schema.js';
import type { ServiceDeps } from './deps.js';
import { publishMetricSummary } from './metric-summary.js';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Copies the org's readiness evidence and counterparts into the store; a bad record is logged and left out. */
export async function loadOrgReference(gateway: SalesforceGateway, logger: Logger): Promise<void> {
  const sources = [
    { load: gateway.readiness, what: 'readiness evidence', one: 'readiness evidence record' },
    { load: gateway.counterparts, what: 'counterparts', one: 'counterpart record' },
  ];
  for (const source of sources) {
    try {
      const { skipped } = await source.load.load();
      for (const record of skipped) logger.warn(record, `${source.one} left out`);
    } catch (error) {
      logger.warn(
        { error: messageOf(error) },
        `could not read ${source.what} from the org; the last copy stands`,
      );
    }
  }
}

/** Writes the metric summary to the org. */
export async function publishOrgMetrics(
  gateway: SalesforceGateway,
  context: {
    db: Kysely<Database>;
    reporting: ServiceDeps['reporting'];
    logger: Logger;
    now: Date;
  },
): Promise<void> {
  const { db, logger } = context;
  try {
    const result = await publishMetricSummary(
      {
        db,
        writer: new MetricSummaryWriter(gateway.api),
        reporting: context.reporting,
        readinessEvidence: (cloud) => readReadinessEvidence(db, cloud),
        onInvalidEvidence: (cloud, message) =>
          logger.warn({ cloud, message }, 'readiness evidence left out of the maturity markers'),
      },
      context.now,
    );
    if (result.failed.length > 0)
      logger.warn(
        { failed: result.failed.slice(0, 5), count: result.failed.length },
        'Salesforce refused some CoSell_Metric__c rows',
      );
  } catch (error) {
    logger.warn({ error: messageOf(error) }, 'metric summary not written; the next tick retries');
  }
}
