// The Cloud Channel emulator's public shape: its options, control surface, counters and stored
// state (sandbox/google/emulator.ts runs it).
import type {
  CallCounters,
  EmulatorStartOptions,
  RunningEmulator,
} from '../rest-emulator-calls.js';
import type { CommonControls } from '../rest-emulator-kit.js';

export type Json = Record<string, unknown>;

export type GoogleReviewOutcome = 'ACCEPTED' | 'NOT_ACCEPTED';

export interface GoogleReviewTiming {
  /** SUBMITTED → Google's decision. */
  decisionAfterMs: number;
  outcome: GoogleReviewOutcome | ((opportunity: Json) => GoogleReviewOutcome);
}

export const DEFAULT_GOOGLE_REVIEW: GoogleReviewTiming = {
  decisionAfterMs: 3 * 86_400_000,
  outcome: 'ACCEPTED',
};

/** The opportunities a Cloud Channel partner holds, as plain JSON, kept across restarts. */
export interface GoogleEmulatorState {
  opportunities: Array<[string, StoredOpportunity]>;
  sequence: number;
}

export interface GoogleEmulatorOptions extends EmulatorStartOptions<GoogleEmulatorState> {
  review?: Partial<GoogleReviewTiming>;
  /** Calls per minute per caller (Google quotas are per minute). */
  quotas?: { readsPerMinute?: number; writesPerMinute?: number };
  /** The partner whose opportunities these are (`partners/{id}` in notifications). */
  partnerId?: string;
  /** Service accounts the token endpoint knows: client_email → public key (PEM). */
  serviceAccounts?: Record<string, string>;
  /** Only tokens the token endpoint issued are valid (default: any bearer token). */
  requireIssuedTokens?: boolean;
  /** Pub/Sub push endpoint for opportunity events. */
  pushEndpoint?: string;
  /** Subscription name in push bodies. */
  subscription?: string;
  /** Push on every change (default true); false: only `control.deliverPush`. */
  autoPush?: boolean;
  maxPageSize?: number;
}

/** What `control.createGoogleOpportunity` needs; everything has a realistic default. */
export interface GoogleOpportunityInput {
  displayName?: string;
  description?: string;
  customer?: { organizationName?: string; domain?: string; regionCode?: string };
  dealSize?: { currencyCode: string; units: string };
  owner?: { name: string; email: string };
  closeDate?: { year: number; month: number; day: number };
}

export interface PushDelivery {
  body: {
    message: {
      data: string;
      messageId: string;
      publishTime: string;
      attributes: Record<string, string>;
    };
    subscription: string;
  };
  event: {
    opportunityEvent: {
      eventType: 'CREATED' | 'UPDATED' | 'PARTNER_DETACHED';
      opportunity: string;
      partner: string;
    };
  };
  url: string | null;
  status: number | null;
}

export interface GoogleEmulatorCounters extends CallCounters {
  createdByReferenceOpportunityId: Record<string, number>;
  /** Patches refused because Google is reviewing the opportunity. */
  locked: number;
  tokensIssued: number;
  pushesDelivered: number;
  pushFailures: number;
}

export interface GoogleEmulatorControl extends CommonControls<(delivery: PushDelivery) => void> {
  /** The opportunities as plain JSON, to keep across restarts (`restored`). */
  snapshot(): GoogleEmulatorState;
  /** An opportunity a Google FSR created and shared with the partner (source GOOGLE). */
  createGoogleOpportunity(input?: GoogleOpportunityInput): { name: string };
  setReviewOutcome(name: string, outcome: GoogleReviewOutcome, immediately?: boolean): void;
  opportunity(name: string): Json | null;
  setPushEndpoint(url: string | null): void;
  deliverPush(
    name: string,
    eventType: PushDelivery['event']['opportunityEvent']['eventType'],
  ): Promise<PushDelivery>;
  flushPushes(): Promise<void>;
  pushes(): PushDelivery[];
  opportunityCount(source?: 'GOOGLE' | 'PARTNER'): number;
}

export interface GoogleEmulator
  extends RunningEmulator<GoogleEmulatorCounters, GoogleEmulatorControl> {
  /** The token endpoint to put in a service-account key's `token_uri`. */
  tokenUri: string;
}

export interface StoredOpportunity {
  opportunity: Json;
  review: { submittedAt: number; outcome: GoogleReviewOutcome | null } | null;
}
