// Relationship health: which of the five field layers of each cloud the ISV has a named person in.
import { CLOUDS, SOURCE_LAYERS, type Cloud, type Counterpart, type SourceLayer } from '../model.js';

export interface CloudCounterpartCoverage {
  cloud: Cloud;
  /** Named counterparts per layer, in SOURCE_LAYERS order (empty list = nobody named). */
  layers: Record<SourceLayer, string[]>;
  covered: SourceLayer[];
  missing: SourceLayer[];
  /** covered / 5. */
  coverage: number;
}

/** Coverage for every cloud (a cloud with nobody named shows 0 and all five layers missing). */
export function counterpartCoverage(
  counterparts: readonly Counterpart[],
): CloudCounterpartCoverage[] {
  return CLOUDS.map((cloud) => {
    const layers = Object.fromEntries(
      SOURCE_LAYERS.map((layer) => [layer, [] as string[]]),
    ) as Record<SourceLayer, string[]>;
    for (const counterpart of counterparts) {
      if (counterpart.cloud !== cloud) continue;
      const names = layers[counterpart.layer];
      // The same person imported twice (two records, one email) is still one counterpart.
      if (!names.includes(counterpart.name)) names.push(counterpart.name);
    }
    const covered = SOURCE_LAYERS.filter((layer) => layers[layer].length > 0);
    const missing = SOURCE_LAYERS.filter((layer) => layers[layer].length === 0);
    return { cloud, layers, covered, missing, coverage: covered.length / SOURCE_LAYERS.length };
  });
}
