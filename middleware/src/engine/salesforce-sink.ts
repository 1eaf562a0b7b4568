// The port the worker writes Salesforce through: the gateway's write-back in production, a
// recording stand-in in tests. The engine names only this interface, never the gateway.
import type { Cloud, Finding, InboundReferral } from '../core/model.js';

export interface EngagementOutcome {
  opportunityId: string;
  cloud: Cloud;
  status: string;
  portalId: string | null;
  findings: Finding[];
  submittedAt: string | null;
  acceptedAt: string | null;
  lastSyncedAt: string;
  syncError: string | null;
  /** The requested action was consumed: clear `Requested_Action__c`. */
  clearRequestedAction: boolean;
}

/**
 * A referral as the sink writes it: the stored referral plus the owner queue its triage chose at
 * intake (null when no rule named one), so the write-back never decides a second time.
 */
export type ReferralWrite = InboundReferral & { referralId: string; ownerQueue: string | null };

/** Where engagement outcomes and inbound referrals land in Salesforce (the gateway, or a local stand-in). */
export interface SalesforceSink {
  writeEngagement(outcome: EngagementOutcome): Promise<void>;
  /** Creates or updates the referral record; returns its Salesforce Id. */
  writeReferral(referral: ReferralWrite): Promise<{ salesforceId: string }>;
  /**
   * Shows a submission under way: the portal id and the status the portal reports while the
   * submission's remaining calls run. Only those fields; the final outcome follows as usual.
   */
  writeEngagementProgress?(progress: EngagementProgress): Promise<void>;
}

export interface EngagementProgress {
  opportunityId: string;
  cloud: Cloud;
  portalId: string;
  status: string;
}
