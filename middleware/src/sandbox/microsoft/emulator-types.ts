// The Partner Center emulator's public shape: its options, control surface, counters and stored
// state, and the sellers it invents referrals from (sandbox/microsoft/emulator.ts runs it).
import type { SourceLayer } from '../../core/model.js';
import type { WebhookEventName } from '../../portals/microsoft/schema.js';
import type {
  CallCounters,
  EmulatorStartOptions,
  RunningEmulator,
} from '../rest-emulator-calls.js';
import type { CallBudget, CommonControls } from '../rest-emulator-kit.js';

export type Json = Record<string, unknown>;

const DAY_MS = 86_400_000;

export type MicrosoftReviewOutcome = 'Accepted' | 'Declined';

export interface MicrosoftReviewTiming {
  /** New/Pending → New/Received: a Microsoft seller opened the co-sell ask. */
  receivedAfterMs: number;
  /** New/Received → the outcome (Active/Accepted, or Closed/Declined with a reason). */
  decisionAfterMs: number;
  outcome: MicrosoftReviewOutcome | ((referral: Json) => MicrosoftReviewOutcome);
}

export const DEFAULT_MICROSOFT_REVIEW: MicrosoftReviewTiming = {
  receivedAfterMs: 60 * 60_000,
  decisionAfterMs: 2 * DAY_MS,
  outcome: 'Accepted',
};

/** The referrals a Partner Center tenant holds, as plain JSON, kept across restarts. */
export interface MicrosoftEmulatorState {
  referrals: Array<[string, StoredReferral]>;
}

export interface MicrosoftEmulatorOptions extends EmulatorStartOptions<MicrosoftEmulatorState> {
  review?: Partial<MicrosoftReviewTiming>;
  /** Per tenant (bearer token) and second. No published number: writes throttle sooner than reads. */
  quotas?: Partial<Omit<CallBudget, 'periodMs'>>;
  /** Refuse edits (423) while Microsoft decides on a co-sell ask; default true, matching the engine's lock. */
  lockDuringReview?: boolean;
  /** Largest page the list returns (Partner Center: 100). */
  maxPageSize?: number;
  /** Which bearer tokens are valid; default: any non-empty token. */
  acceptToken?: (token: string) => boolean;
  /** The partner's own organization (tenant) in Partner Center. */
  organization?: { id: string; name: string; mpnId: string };
  /** Callback URL for referral events, as if registered through the Webhooks API. */
  webhookUrl?: string;
  /** The partner's co-sell-ready solution that incoming referrals name. */
  solutionId?: string;
  /** Deliver webhooks on every change (default true); false: only `control.deliverWebhook`. */
  autoWebhooks?: boolean;
}

export interface WebhookDelivery {
  event: {
    EventName: WebhookEventName;
    ResourceUri: string;
    ResourceName: 'referral';
    AuditUri: null;
    ResourceChangeUtcDate: string;
  };
  url: string | null;
  /** HTTP status the callback answered, null when nothing is registered or the call failed. */
  status: number | null;
}

/** What `control.createIncomingReferral` needs to invent a Microsoft referral; all has realistic defaults. */
export interface IncomingReferralInput {
  /** The field layer of the Microsoft seller who sends it (sets a matching title). */
  layer?: SourceLayer;
  sender?: { firstName?: string; lastName?: string; email?: string; title?: string };
  customer?: { name?: string; country?: string; city?: string; size?: string };
  name?: string;
  notes?: string;
  dealValue?: number;
  currency?: string;
  /** Closing date of the deal (ISO date-time). */
  closingDateTime?: string;
  type?: 'Independent' | 'Shared';
  qualification?: 'SalesQualified' | 'MarketingQualified' | 'Direct';
}

/** Microsoft sellers' titles, one per field layer (SOURCE_LAYERS in core/model.ts). */
export const MICROSOFT_SENDER_BY_LAYER: Record<
  SourceLayer,
  { firstName: string; lastName: string; title: string }
> = {
  'Executive/Industry': {
    firstName: 'Margaret',
    lastName: 'Osei',
    title: 'General Manager, Healthcare Industry',
  },
  'Regional/Segment': {
    firstName: 'Lukas',
    lastName: 'Brandt',
    title: 'Area Sales Director, Western Europe Enterprise',
  },
  'Account Team': { firstName: 'Aisha', lastName: 'Karimi', title: 'Account Executive' },
  Specialist: { firstName: 'Jonas', lastName: 'Petersen', title: 'Data & AI Specialist' },
  'Partner Program': {
    firstName: 'Grace',
    lastName: 'Nakamura',
    title: 'Partner Development Manager',
  },
};

/** `created` counts referrals created through POST (incoming ones the control API makes excluded). */
export interface MicrosoftEmulatorCounters extends CallCounters {
  createdByExternalReferenceId: Record<string, number>;
  /** 412s: stale If-Match, or injected. */
  preconditionFailed: number;
  /** 423s: edits refused while Microsoft decides. */
  locked: number;
  webhooksDelivered: number;
  webhookFailures: number;
}

export interface MicrosoftEmulatorControl
  extends CommonControls<(delivery: WebhookDelivery) => void> {
  /** The referrals as plain JSON, to keep across restarts (`restored`). */
  snapshot(): MicrosoftEmulatorState;
  /** A referral from Microsoft to the partner (direction Incoming, New/Pending). */
  createIncomingReferral(input?: IncomingReferralInput): { id: string };
  /** Microsoft's decision on this outgoing co-sell ask; `immediately` decides now. */
  setReviewOutcome(id: string, outcome: MicrosoftReviewOutcome, immediately?: boolean): void;
  /** A change made on Microsoft's side (new eTag): what a concurrent editor does to a PUT in flight. */
  modifyReferral(id: string, change: Json): void;
  /** The referral as stored (a copy), or null. */
  referral(id: string): Json | null;
  registerWebhook(url: string | null): void;
  /** Sends one notification now; resolves when the callback answered. */
  deliverWebhook(id: string, eventName: WebhookEventName): Promise<WebhookDelivery>;
  /** Waits for every webhook delivery in flight. */
  flushWebhooks(): Promise<void>;
  webhooks(): WebhookDelivery[];
  referralCount(direction?: 'Incoming' | 'Outgoing'): number;
}

export type MicrosoftEmulator = RunningEmulator<
  MicrosoftEmulatorCounters,
  MicrosoftEmulatorControl
>;

export interface StoredReferral {
  referral: Json;
  /** An outgoing co-sell ask Microsoft has not decided on: when it was shared and the decision to come. */
  review: { sharedAt: number; outcome: MicrosoftReviewOutcome | null } | null;
  /** Incoming referrals expire unanswered. */
  expiresAt: number | null;
}
