// An in-memory portal for engine unit tests: honours idempotency keys like the real portals, can
// lock records under review and fail on demand. The emulator-backed proofs use the real wire.
import type { Cloud, Finding } from '../../middleware/src/core/model.js';
import {
  PortalError,
  type InboundPage,
  type PortalClient,
  type PortalRecordState,
  type ReferralDecision,
  type SubmitRequest,
  type UpdateRequest,
} from '../../middleware/src/engine/portal-client.js';

export class FakePortal implements PortalClient {
  readonly records = new Map<
    string,
    { state: PortalRecordState; opportunityId: string; updates: number }
  >();
  readonly byKey = new Map<string, string>();
  readonly decisions: ReferralDecision[] = [];
  createCalls = 0;
  /** Errors thrown by the next calls, in order. */
  failures: PortalError[] = [];
  private sequence = 0;

  constructor(readonly cloud: Cloud) {}

  private maybeFail(): void {
    const failure = this.failures.shift();
    if (failure) throw failure;
  }

  async submit(request: SubmitRequest): Promise<PortalRecordState> {
    this.maybeFail();
    this.createCalls++;
    const existing =
      this.byKey.get(request.idempotencyKey) ??
      [...this.records.entries()].find(([, r]) => r.opportunityId === request.opportunity.id)?.[0];
    if (existing) return this.records.get(existing)!.state;
    const portalId = `${this.cloud}-O${++this.sequence}`;
    const state: PortalRecordState = {
      portalId,
      status: 'Submitted',
      version: 'v1',
      findings: [],
      locked: true,
    };
    this.records.set(portalId, { state, opportunityId: request.opportunity.id, updates: 0 });
    this.byKey.set(request.idempotencyKey, portalId);
    return state;
  }

  async update(request: UpdateRequest): Promise<PortalRecordState> {
    this.maybeFail();
    const record = this.records.get(request.portalId);
    if (!record) throw new PortalError(this.cloud, 'not-found', `no record ${request.portalId}`);
    if (record.state.locked)
      throw new PortalError(this.cloud, 'locked', 'record is locked for review');
    record.updates++;
    record.state = { ...record.state, version: `v${record.updates + 1}` };
    return record.state;
  }

  async fetch(portalId: string): Promise<PortalRecordState> {
    this.maybeFail();
    const record = this.records.get(portalId);
    if (!record) throw new PortalError(this.cloud, 'not-found', `no record ${portalId}`);
    return record.state;
  }

  async listInbound(_cursor: string | null, _now: Date): Promise<InboundPage> {
    return { referrals: [], cursor: null };
  }

  async decide(decision: ReferralDecision): Promise<void> {
    this.maybeFail();
    this.decisions.push(decision);
  }

  /** The portal finishes its review. */
  review(portalId: string, status: PortalRecordState['status'], findings: Finding[] = []): void {
    const record = this.records.get(portalId)!;
    record.state = {
      ...record.state,
      status,
      findings,
      locked: false,
      acceptedAt: status === 'Accepted' ? '2026-11-27T10:00:00.000Z' : null,
    };
  }
}
