// The blank evidence an alliance team fills in for `cosell readiness` or CoSell_Readiness__c: every
// field of the published format (schemas/readiness-evidence.json), at "not recorded".
import type { Cloud } from '../model.js';
import { ReadinessEvidence, type ReadinessEvidenceInput } from './evidence.js';

/** One entry per cloud, every field present so nothing has to be looked up; all parse as unknown. */
export function readinessEvidenceTemplate(clouds: readonly Cloud[]): ReadinessEvidenceInput[] {
  return clouds.map((cloud, index) => {
    return ReadinessEvidence.parse({ cloud, primary: index === 0 });
  });
}
