// The readiness evidence the alliance team recorded, parsed, for the clouds asked: a cloud with none
// recorded is skipped, and evidence that does not parse goes to `onInvalid`, where the caller
// decides (the maturity route refuses, the periodic metric summary leaves it out and says so).
import type { Cloud } from '../core/model.js';
import { parseReadinessEvidence, type ReadinessEvidence } from '../core/readiness/index.js';

export async function recordedEvidence(
  read: (cloud: Cloud) => Promise<unknown | null>,
  clouds: readonly Cloud[],
  onInvalid: (cloud: Cloud, error: unknown) => void,
): Promise<ReadinessEvidence[]> {
  const evidence: ReadinessEvidence[] = [];
  for (const cloud of clouds) {
    const recorded = await read(cloud);
    if (recorded === null) continue;
    try {
      evidence.push(parseReadinessEvidence(recorded));
    } catch (error) {
      onInvalid(cloud, error);
    }
  }
  return evidence;
}
