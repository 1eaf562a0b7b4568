// A PATCH with updateMask in the Cloud Channel emulator: the mask and body checked with the google/
// wire format, no edits while Google reviews or once it has decided, legal state and stage moves, and
// a DRAFT → SUBMITTED move only when the whole record is ready for review.
import { OUTPUT_ONLY_FIELDS } from '../../portals/google/schema.js';
import {
  ACCEPTED_STATES,
  stageChangeProblem,
  stateChangeProblem,
} from '../../portals/google/status.js';
import type { JsonReply } from '../rest-emulator-kit.js';
import {
  applyMaskPath,
  finding,
  GoogleRpcError,
  invalid,
  iso,
  SUBMISSION_CODE,
  wireErrors,
} from './emulator-requests.js';
import type { GoogleEmulatorCounters, Json, StoredOpportunity } from './emulator-types.js';

/** Applies the patch to the stored opportunity named `name`, or throws the error that refuses it. */
export function patchOpportunity(
  stored: StoredOpportunity,
  name: string,
  query: URLSearchParams,
  body: unknown,
  now: number,
  counters: Pick<GoogleEmulatorCounters, 'locked'>,
): JsonReply {
  const updateMask = query.get('updateMask');
  if (!updateMask)
    throw invalid([
      finding(
        'MASK_REQUIRED',
        '$.updateMask',
        'updateMask is required: name the fields the patch sets',
      ),
    ]);
  const envelope = { updateMask, opportunity: { ...(body as Json), name } };
  if ((body as Json | null)?.name !== undefined && (body as Json).name !== name) {
    throw invalid([
      finding(
        'NAME_MISMATCH',
        '$.opportunity.name',
        `the body names ${String((body as Json).name)} but the URL names ${name}`,
      ),
    ]);
  }
  // Submission readiness is judged on the record as it will be, not on the patch body alone.
  const findings = wireErrors('patch', envelope).filter((f) => !SUBMISSION_CODE.test(f.code));
  if (findings.length > 0) throw invalid(findings);
  const current = stored.opportunity;
  const state = String(current.state);
  if (state === 'SUBMITTED') {
    counters.locked += 1;
    throw new GoogleRpcError(
      'FAILED_PRECONDITION',
      `Opportunity ${name} is under Google's review; it can be changed once Google has decided.`,
      { reason: 'OPPORTUNITY_UNDER_REVIEW' },
    );
  }
  if (!['DRAFT', ...ACCEPTED_STATES].includes(state)) {
    throw new GoogleRpcError(
      'FAILED_PRECONDITION',
      `Opportunity ${name} is ${state}: Google decided on it and it no longer changes.`,
      { reason: 'OPPORTUNITY_CLOSED_FOR_EDITS' },
    );
  }
  const paths = updateMask.split(',').map((path) => path.trim().split('.'));
  const next = structuredClone(current);
  for (const path of paths) {
    if (path[0] === 'state') {
      const problem = stateChangeProblem(state, String((body as Json).state));
      if (problem) throw invalid([finding('STATE_CHANGE', '$.opportunity.state', problem)]);
    }
    if (path[0] === 'stage') {
      const problem = stageChangeProblem(
        { state, stage: (current.stage as string | undefined) ?? null },
        String((body as Json).stage),
      );
      if (problem)
        throw new GoogleRpcError('FAILED_PRECONDITION', problem, {
          reason: 'STAGE_NOT_CHANGEABLE',
        });
    }
    applyMaskPath(next, body as Json, path);
  }
  if (state === 'DRAFT' && next.state === 'SUBMITTED') {
    const content = Object.fromEntries(
      Object.entries(next).filter(([key]) => !OUTPUT_ONLY_FIELDS.includes(key as never)),
    );
    const unready = wireErrors('create', content).filter((f) => SUBMISSION_CODE.test(f.code));
    if (unready.length > 0) throw invalid(unready);
  }
  next.updateTime = iso(now);
  stored.opportunity = next;
  if (state === 'DRAFT' && next.state === 'SUBMITTED')
    stored.review = { submittedAt: now, outcome: null };
  return { status: 200, body: next };
}
