// The Salesforce gateway as the service uses it: one authorised connection, the intake (changes in,
// requests consumed), the write-back sink the sync worker calls, the org's triage rules, readiness evidence, counterparts and the API
// usage /metrics reports, wired together once.
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { SalesforceApi, type SalesforceApiOptions, type SalesforceUsage } from './api.js';
import { SalesforceChangeIntake, type IntakeOptions, type IntakeResult } from './change-intake.js';
import { ChangeDrivenSync, jsforceChangeEvents, type ChangeEventSource } from './change-events.js';
import { CounterpartSource } from './counterparts.js';
import type { SalesforceConfig } from './config.js';
import { openSalesforceSession, type SalesforceSession } from './session.js';
import { QueueDirectory } from './queues.js';
import { ReadinessEvidenceSource } from './readiness-evidence.js';
import { ValueMapSource } from './value-maps.js';
import { ReferralRequestConsumer, type ReferralRequestResult } from './referral-requests.js';
import { TriageRuleSource } from './triage-rules.js';
import { SalesforceWriteBack, type WriteBackEvent } from './writeback.js';

export interface GatewayOptions {
  db: Kysely<Database>;
  clock?: () => Date;
  api?: Omit<SalesforceApiOptions, 'clock'>;
  multiCurrency?: boolean;
  corporateCurrency?: string;
  /** Answers engagement `Validate` requests (see SalesforceChangeIntake). */
  preview?: IntakeOptions['preview'];
  bulkThreshold?: number;
  coalesceWindowMs?: number;
  onWriteBackEvent?: (event: WriteBackEvent) => void;
}

export interface SyncPassResult {
  opportunities: IntakeResult;
  engagementRequests: IntakeResult;
  referralRequests: ReferralRequestResult;
}

export class SalesforceGateway {
  readonly api: SalesforceApi;
  readonly writeBack: SalesforceWriteBack;
  readonly intake: SalesforceChangeIntake;
  readonly referralRequests: ReferralRequestConsumer;
  readonly triageRules: TriageRuleSource;
  readonly queues: QueueDirectory;
  /** The org's readiness evidence, copied into the store for the readiness API (loaded at start and on the poll timer). */
  readonly readiness: ReadinessEvidenceSource;
  /** The org's named counterparts (CoSell_Counterpart__c), copied into the store (loaded at start and on the poll timer). */
  readonly counterparts: CounterpartSource;
  /** The org's value-map pairs over the shipped maps (CoSell_Value_Map__mdt). */
  readonly valueMaps: ValueMapSource;

  constructor(
    readonly session: SalesforceSession,
    options: GatewayOptions,
  ) {
    const clock = options.clock ?? (() => new Date());
    this.api = new SalesforceApi(session.connection, { ...options.api, clock });
    this.triageRules = new TriageRuleSource(this.api);
    this.queues = new QueueDirectory(this.api);
    this.readiness = new ReadinessEvidenceSource(this.api, options.db, clock);
    this.counterparts = new CounterpartSource(this.api, options.db, clock);
    this.valueMaps = new ValueMapSource(this.api);
    const multiCurrency = options.multiCurrency ?? true;
    this.writeBack = new SalesforceWriteBack({
      api: this.api,
      queues: this.queues,
      multiCurrency,
      ...(options.bulkThreshold === undefined ? {} : { bulkThreshold: options.bulkThreshold }),
      ...(options.coalesceWindowMs === undefined
        ? {}
        : { coalesceWindowMs: options.coalesceWindowMs }),
      ...(options.onWriteBackEvent ? { onEvent: options.onWriteBackEvent } : {}),
    });
    this.intake = new SalesforceChangeIntake({
      db: options.db,
      api: this.api,
      writeBack: this.writeBack,
      clock,
      multiCurrency,
      ...(options.corporateCurrency ? { corporateCurrency: options.corporateCurrency } : {}),
      ...(options.preview ? { preview: options.preview } : {}),
    });
    this.referralRequests = new ReferralRequestConsumer(options.db, this.api, clock);
  }

  /** One full intake pass: changed opportunities, engagement requests, then referral requests. */
  async syncOnce(): Promise<SyncPassResult> {
    const opportunities = await this.intake.syncOpportunities();
    const engagementRequests = await this.intake.syncEngagementRequests();
    const referralRequests = await this.referralRequests.run();
    return { opportunities, engagementRequests, referralRequests };
  }

  /** API usage for /metrics (from `Sforce-Limit-Info`), plus limit and lock counters. */
  usage(): SalesforceUsage {
    return this.api.usage();
  }

  /** Polls on an interval and on change events (jsforce streaming by default). */
  changeDrivenSync(
    options: {
      events?: ChangeEventSource | null;
      pollIntervalMs?: number;
      debounceMs?: number;
      onError?: (error: unknown) => void;
    } = {},
  ): ChangeDrivenSync {
    const events =
      options.events === null
        ? undefined
        : (options.events ?? jsforceChangeEvents(this.session.connection));
    return new ChangeDrivenSync({
      sync: () => this.syncOnce(),
      ...(events ? { events } : {}),
      ...(options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs }),
      ...(options.debounceMs === undefined ? {} : { debounceMs: options.debounceMs }),
      ...(options.onError ? { onError: options.onError } : {}),
    });
  }
}

/** Logs in as the integration user and builds the gateway. */
export async function connectSalesforceGateway(
  config: SalesforceConfig,
  options: GatewayOptions,
): Promise<SalesforceGateway> {
  const session = await openSalesforceSession(config, options.clock);
  return new SalesforceGateway(session, options);
}
