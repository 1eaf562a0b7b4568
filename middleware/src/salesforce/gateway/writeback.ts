// The engine's SalesforceSink: engagement outcomes and inbound referrals written to the org with
// sObject Collections (coalesced, 200 a call), the computed fields the service owns (attribution;
// priority, due time, source layer and owner queue as triage decided them at intake), and
// Salesforce's refusals turned into findings.
import type { Cloud, CoSellOpportunity, Finding, InboundReferral } from '../../core/model.js';
import { opportunityAttribution } from '../../core/attribution/index.js';
import {
  ENGAGEMENT_OBJECT,
  OPPORTUNITY_FIELDS,
  REFERRAL_OBJECT,
} from '../../core/salesforce-fields.js';
import {
  ENGAGEMENT_KEY_FIELD,
  REFERRAL_KEY_FIELD,
  referralKey,
} from '../../core/salesforce-keys.js';
import type {
  EngagementOutcome,
  EngagementProgress,
  ReferralWrite,
  SalesforceSink,
} from '../../engine/salesforce-sink.js';
import type { SalesforceApi } from './api.js';
import { bulkWrite, DEFAULT_BULK_THRESHOLD } from './bulk-backfill.js';
import {
  CoalescingWriter,
  CollectionsWriter,
  type CollectionTarget,
  type RecordWriteResult,
  type SObjectRecord,
} from './collections.js';
import { findingsFromRecordErrors, isDataError, refusedFields } from './field-errors.js';
import { QueueDirectory, UnknownQueueError } from './queues.js';
import { engagementProgressRecord, engagementRecord, referralRecord } from './sobject-records.js';

export class SalesforceWriteError extends Error {
  readonly result: RecordWriteResult;
  constructor(what: string, result: RecordWriteResult) {
    const detail = result.ok
      ? 'unexpected'
      : result.errors
          .map(
            (error) =>
              `${error.statusCode}${error.fields.length ? ` [${error.fields.join(', ')}]` : ''}: ${error.message}`,
          )
          .join('; ');
    super(`Salesforce refused ${what}: ${detail}`);
    this.name = 'SalesforceWriteError';
    this.result = result;
  }
}

export type WriteBackEvent =
  | { type: 'engagement-field-errors'; opportunityId: string; cloud: Cloud; findings: Finding[] }
  | { type: 'unknown-queue'; queue: string; referralKey: string };

export interface WriteBackOptions {
  api: SalesforceApi;
  queues?: QueueDirectory;
  multiCurrency?: boolean;
  bulkThreshold?: number;
  /** Window in which single-record writes are gathered into one collection call. */
  coalesceWindowMs?: number;
  onEvent?: (event: WriteBackEvent) => void;
}

const ENGAGEMENT_TARGET: CollectionTarget = {
  object: ENGAGEMENT_OBJECT,
  externalIdField: ENGAGEMENT_KEY_FIELD,
};
const REFERRAL_TARGET: CollectionTarget = {
  object: REFERRAL_OBJECT,
  externalIdField: REFERRAL_KEY_FIELD,
};
const OPPORTUNITY_TARGET: CollectionTarget = { object: 'Opportunity' };

export class SalesforceWriteBack implements SalesforceSink {
  private readonly api: SalesforceApi;
  private readonly collections: CollectionsWriter;
  private readonly coalescer: CoalescingWriter;
  private readonly queues: QueueDirectory;
  private readonly multiCurrency: boolean;
  private readonly bulkThreshold: number;

  constructor(private readonly options: WriteBackOptions) {
    this.api = options.api;
    this.collections = new CollectionsWriter(options.api);
    this.coalescer = new CoalescingWriter(this.collections, options.coalesceWindowMs);
    this.queues = options.queues ?? new QueueDirectory(options.api);
    this.multiCurrency = options.multiCurrency ?? true;
    this.bulkThreshold = options.bulkThreshold ?? DEFAULT_BULK_THRESHOLD;
  }

  /**
   * Writes the outcome. When Salesforce refuses fields (a validation rule, a restricted picklist),
   * the refusal becomes findings on the engagement and the rest is written without those fields,
   * so the AE sees why instead of the engagement silently going stale.
   */
  async writeEngagement(outcome: EngagementOutcome): Promise<void> {
    const first = await this.coalescer.write(
      ENGAGEMENT_TARGET,
      engagementRecord(outcome, outcome.findings),
    );
    if (first.ok) return;
    if (!isDataError(first.errors))
      throw new SalesforceWriteError(
        `the ${outcome.cloud} engagement of ${outcome.opportunityId}`,
        first,
      );
    const refusal = findingsFromRecordErrors(first.errors, {
      cloud: outcome.cloud,
      object: ENGAGEMENT_OBJECT,
    });
    this.options.onEvent?.({
      type: 'engagement-field-errors',
      opportunityId: outcome.opportunityId,
      cloud: outcome.cloud,
      findings: refusal,
    });
    const omit = refusedFields(first.errors);
    const withFindings: EngagementOutcome = {
      ...outcome,
      syncError: refusal
        .map((finding) => finding.message)
        .join(' | ')
        .slice(0, 255),
    };
    const second = await this.coalescer.write(
      ENGAGEMENT_TARGET,
      engagementRecord(withFindings, [...outcome.findings, ...refusal], omit),
    );
    if (!second.ok)
      throw new SalesforceWriteError(
        `the ${outcome.cloud} engagement of ${outcome.opportunityId} (after dropping refused fields)`,
        second,
      );
  }

  /** The portal id and status of a submission under way; Requested_Action__c stays until the outcome. */
  async writeEngagementProgress(progress: EngagementProgress): Promise<void> {
    const result = await this.coalescer.write(
      ENGAGEMENT_TARGET,
      engagementProgressRecord(progress),
    );
    if (!result.ok)
      throw new SalesforceWriteError(
        `the ${progress.cloud} engagement of ${progress.opportunityId} (submission under way)`,
        result,
      );
  }

  /** Creates or updates the referral; a new one is owned by the queue its triage chose at intake. */
  async writeReferral(referral: ReferralWrite): Promise<{ salesforceId: string }> {
    const ownerId =
      referral.ownerId ??
      (referral.triageStatus === 'New' && referral.ownerQueue
        ? await this.queueId(referral.ownerQueue, referral)
        : null);
    const result = await this.coalescer.write(
      REFERRAL_TARGET,
      referralRecord(referral, ownerId, this.multiCurrency),
    );
    if (!result.ok)
      throw new SalesforceWriteError(`the ${referral.cloud} referral ${referral.portalId}`, result);
    return { salesforceId: result.id };
  }

  private async queueId(queue: string, referral: InboundReferral): Promise<string | null> {
    try {
      return await this.queues.idOf(queue);
    } catch (error) {
      if (!(error instanceof UnknownQueueError)) throw error;
      // Written without an owner (the integration user keeps it) rather than not written at all.
      this.options.onEvent?.({
        type: 'unknown-queue',
        queue,
        referralKey: referralKey(referral.cloud, referral.portalId),
      });
      return null;
    }
  }

  /**
   * Writes `CoSell_Attribution__c` where the computed value differs from the stored one; returns
   * how many records were sent and the per-record results. Above the bulk threshold one Bulk API
   * 2.0 job carries them all.
   */
  async writeAttributions(
    opportunities: readonly CoSellOpportunity[],
  ): Promise<{ sent: number; results: RecordWriteResult[] }> {
    const records = opportunities.flatMap((opportunity) => {
      const computed = opportunityAttribution(opportunity);
      return computed === opportunity.coSell.attribution
        ? []
        : [{ Id: opportunity.id, [OPPORTUNITY_FIELDS['coSell.attribution']]: computed }];
    });
    return { sent: records.length, results: await this.writeMany(OPPORTUNITY_TARGET, records) };
  }

  /** Collections below the bulk threshold, Bulk API 2.0 from it (lock failures in a bulk job are retried through collections). */
  async writeMany(
    target: CollectionTarget,
    records: readonly SObjectRecord[],
  ): Promise<RecordWriteResult[]> {
    if (records.length === 0) return [];
    if (records.length < this.bulkThreshold) return this.collections.write(target, records);
    const results = await this.api.call(() =>
      bulkWrite(this.api.connection, records, {
        object: target.object,
        ...(target.externalIdField ? { externalIdField: target.externalIdField } : {}),
      }),
    );
    const locked = results.flatMap((result, index) =>
      !result.ok && result.errors.some((error) => error.statusCode === 'UNABLE_TO_LOCK_ROW')
        ? [index]
        : [],
    );
    if (locked.length > 0) {
      const retried = await this.collections.write(
        target,
        locked.map((index) => records[index]!),
      );
      locked.forEach((index, position) => {
        results[index] = retried[position]!;
      });
    }
    return results;
  }
}
