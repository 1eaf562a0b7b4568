// One handler per outbox job kind; the worker's runner looks the handler up here.
import type { OutboxJob } from '../../store/schema.js';
import { JOB_KINDS } from '../jobs.js';
import { PortalError } from '../portal-client.js';
import type { HandlerContext, JobHandler, Outcome } from './context.js';
import { decideReferral } from './decide-referral.js';
import { pollEngagement } from './poll-engagement.js';
import { pushOpportunity } from './push-opportunity.js';
import { writeEngagement } from './write-engagement.js';
import { writeReferral } from './write-referral.js';

export { enqueueEngagementWriteback, type HandlerContext, type Outcome } from './context.js';

const HANDLERS: Record<string, JobHandler> = {
  [JOB_KINDS.submit]: pushOpportunity,
  [JOB_KINDS.update]: pushOpportunity,
  [JOB_KINDS.poll]: pollEngagement,
  [JOB_KINDS.decide]: decideReferral,
  [JOB_KINDS.salesforceEngagement]: writeEngagement,
  [JOB_KINDS.salesforceReferral]: writeReferral,
};

export async function handleJob(context: HandlerContext, job: OutboxJob): Promise<Outcome> {
  const handler = HANDLERS[job.kind];
  if (!handler) throw new PortalError('AWS', 'validation', `unknown job kind ${job.kind}`);
  return handler(context, job);
}
