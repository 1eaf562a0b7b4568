// The ACE account's ledger: its records, idempotency tokens and event log, kept across restarts
// (snapshot, restore), the events it emits, and the lookups every operation shares.
import {
  AceServiceError,
  type EmulatorCounters,
  type EmulatorEvent,
  type Json,
  type ReviewOutcome,
  type ReviewTiming,
  type StoredInvitation,
  type StoredOpportunity,
} from './emulator-records.js';

export interface AceAccountState {
  opportunities: Array<[string, StoredOpportunity]>;
  createTokens: Array<[string, { id: string; body: string }]>;
  startTokens: Array<[string, { body: string; response: Json }]>;
  invitations: Array<[string, StoredInvitation]>;
  reviewOverrides: Array<[string, ReviewOutcome]>;
  eventLog: EmulatorEvent[];
  sequence: number;
}

export class AceLedger {
  readonly counters: EmulatorCounters = {
    created: 0,
    createdByClientToken: {},
    createdByPartnerOpportunityId: {},
    callsByOperation: {},
    faultsInjected: {},
    throttled: 0,
    validationErrors: 0,
    conflicts: 0,
  };
  protected readonly opportunities = new Map<string, StoredOpportunity>();
  protected readonly createTokens = new Map<string, { id: string; body: string }>();
  protected readonly startTokens = new Map<string, { body: string; response: Json }>();
  protected readonly invitations = new Map<string, StoredInvitation>();
  protected readonly reviewOverrides = new Map<string, ReviewOutcome>();
  protected readonly eventLog: EmulatorEvent[] = [];
  protected readonly subscribers = new Set<(event: EmulatorEvent) => void>();
  protected sequence = 0;

  constructor(
    protected readonly options: {
      accountId: string;
      review: ReviewTiming;
      solutions: string[];
      clock: () => number;
    },
  ) {}

  /** The account's records, tokens, invitations and events (counters are per run and not kept). */
  snapshot(): AceAccountState {
    return structuredClone({
      opportunities: [...this.opportunities],
      createTokens: [...this.createTokens],
      startTokens: [...this.startTokens],
      invitations: [...this.invitations],
      reviewOverrides: [...this.reviewOverrides],
      eventLog: this.eventLog,
      sequence: this.sequence,
    });
  }

  /** Puts back what `snapshot` returned (a restart); emits no events. */
  restore(state: AceAccountState): void {
    const copy = structuredClone(state);
    for (const [id, value] of copy.opportunities) this.opportunities.set(id, value);
    for (const [key, value] of copy.createTokens) this.createTokens.set(key, value);
    for (const [key, value] of copy.startTokens) this.startTokens.set(key, value);
    for (const [id, value] of copy.invitations) this.invitations.set(id, value);
    for (const [id, value] of copy.reviewOverrides) this.reviewOverrides.set(id, value);
    this.eventLog.push(...copy.eventLog);
    this.sequence = Math.max(this.sequence, copy.sequence);
  }

  // ---- events -------------------------------------------------------------------------------

  events(): EmulatorEvent[] {
    return [...this.eventLog];
  }

  subscribe(listener: (event: EmulatorEvent) => void): () => void {
    this.subscribers.add(listener);
    return () => this.subscribers.delete(listener);
  }

  protected emit(detailType: string, at: number, resources: string[], detail: Json): void {
    const event: EmulatorEvent = {
      version: '0',
      id: `evt-${String(++this.sequence).padStart(8, '0')}`,
      'detail-type': detailType,
      source: 'aws.partnercentral-selling',
      account: this.options.accountId,
      time: new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      region: 'us-east-1',
      resources,
      detail,
    };
    this.eventLog.push(event);
    for (const listener of this.subscribers) listener(event);
  }

  protected opportunityEvent(
    kind: 'Created' | 'Updated',
    stored: StoredOpportunity,
    at: number,
  ): void {
    const record = stored.record;
    this.emit(`Opportunity ${kind}`, at, [String(record.Arn)], {
      schemaVersion: '1',
      catalog: record.Catalog,
      opportunity: { identifier: record.Id },
    });
  }

  // ---- helpers ------------------------------------------------------------------------------

  protected nextDigits(width: number): string {
    this.sequence += 1;
    return String(this.sequence).padStart(width, '0');
  }

  protected key(catalog: unknown, id: unknown): string {
    return `${String(catalog)}/${String(id)}`;
  }

  protected find(catalog: unknown, id: unknown): StoredOpportunity {
    const stored = this.opportunities.get(this.key(catalog, id));
    if (!stored)
      throw new AceServiceError(
        'ResourceNotFoundException',
        404,
        `Opportunity ${String(id)} does not exist in the ${String(catalog)} catalog.`,
      );
    return stored;
  }

  /** LastModifiedDate moves forward on every change, even when the clock stands still. */
  protected touch(stored: StoredOpportunity, at: number): void {
    const previous = Date.parse(String(stored.record.LastModifiedDate ?? 0));
    stored.record.LastModifiedDate = new Date(Math.max(at, previous + 1)).toISOString();
  }

  protected lifeCycle(stored: StoredOpportunity): Json {
    const life = (stored.record.LifeCycle as Json | undefined) ?? {};
    stored.record.LifeCycle = life;
    return life;
  }

  protected reviewOf(stored: StoredOpportunity): string {
    return String(
      (stored.record.LifeCycle as Json | undefined)?.ReviewStatus ?? 'Pending Submission',
    );
  }

  protected invitationEvent(
    kind: 'Created' | 'Accepted' | 'Rejected' | 'Expired',
    invitation: StoredInvitation,
    at: number,
  ): void {
    const s = invitation.summary;
    this.emit(`Engagement Invitation ${kind}`, at, [String(s.Arn)], {
      catalog: s.Catalog,
      engagementInvitation: {
        arn: s.Arn,
        id: s.Id,
        engagementId: s.EngagementId,
        senderAccountId: s.SenderAwsAccountId,
        receiverAccountId: this.options.accountId,
        participantType: 'Receiver',
        payloadType: s.PayloadType,
        ...(kind === 'Created'
          ? { senderCompanyName: s.SenderCompanyName, expirationDate: s.ExpirationDate }
          : {}),
      },
    });
  }
}
