// A Cloud Channel opportunity as the engine tracks it: canonical status, version, Google's reason
// when it did not accept, and whether review locks it.
import type { EngagementStatus, Finding } from '../../core/model.js';
import type { PortalRecordState } from '../../engine/portal-client.js';
import type { OpportunityReadBack as Opportunity } from './schema.js';
import { ACCEPTED_STATES, engagementStatusOf } from './status.js';

type Json = Record<string, unknown>;

/** The opportunity as the engine tracks it. */
export function googleStateOf(opportunity: Opportunity): PortalRecordState {
  const findings: Finding[] = [];
  let status: EngagementStatus | null = engagementStatusOf({
    state: opportunity.state,
    stage: opportunity.stage ?? null,
  });
  if (status === null && /NOT_ACCEPTED|REJECTED/.test(opportunity.state)) {
    status = 'Rejected';
    findings.push({
      code: 'GOOGLE_NOT_ACCEPTED',
      severity: 'error',
      cloud: 'Google',
      path: '$.stateDescription',
      message:
        opportunity.stateDescription ?? 'Google did not accept the opportunity and gave no reason',
    });
  } else if (status === null) {
    findings.push({
      code: 'GOOGLE_UNCONFIRMED_STATE',
      severity: 'warning',
      cloud: 'Google',
      path: '$.state',
      message: `state ${opportunity.state} maps to no canonical status yet`,
    });
  }
  const accepted = ACCEPTED_STATES.includes(opportunity.state);
  const approveTime = (opportunity.partnerInfo as Json | undefined)?.approveTime;
  return {
    portalId: opportunity.name,
    status: status ?? 'Submitted',
    version: opportunity.updateTime ?? opportunity.createTime,
    findings,
    locked: opportunity.state === 'SUBMITTED',
    acceptedAt: accepted
      ? typeof approveTime === 'string'
        ? approveTime
        : (opportunity.updateTime ?? null)
      : null,
  };
}
