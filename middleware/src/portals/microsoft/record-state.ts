// A Partner Center referral as the engine tracks it: canonical status, eTag, Microsoft's reason when
// it declined, and whether it waits on Microsoft's decision.
import type { EngagementStatus, Finding } from '../../core/model.js';
import type { PortalRecordState } from '../../engine/portal-client.js';
import type { ReferralReadBack as Referral } from './schema.js';
import { engagementStatusOf } from './status.js';

/** The referral as the engine tracks it: canonical status, eTag, Microsoft's reason when it declined. */
export function microsoftStateOf(referral: Referral): PortalRecordState {
  const status: EngagementStatus = engagementStatusOf(referral) ?? 'Submitted';
  const findings: Finding[] = [];
  if (
    referral.status === 'Closed' &&
    referral.substatus === 'Declined' &&
    referral.direction !== 'Incoming'
  ) {
    findings.push({
      code: 'MICROSOFT_DECLINED',
      severity: 'error',
      cloud: 'Microsoft',
      path: '$.statusReason',
      message: referral.statusReason ?? 'Microsoft declined the co-sell referral without a reason',
    });
  }
  if (engagementStatusOf(referral) === null) {
    findings.push({
      code: 'MICROSOFT_STATUS_UNKNOWN',
      severity: 'warning',
      cloud: 'Microsoft',
      path: '$.status',
      message: `status ${referral.status}/${referral.substatus} maps to no canonical status yet`,
    });
  }
  return {
    portalId: referral.id,
    status,
    version: referral.eTag ?? null,
    findings,
    // An outgoing co-sell ask stays with Microsoft until it accepts or declines.
    locked: referral.direction !== 'Incoming' && referral.status === 'New',
    acceptedAt: referral.acceptedDateTime ?? null,
  };
}
