// Canonical opportunity ⇄ Partner Center referral: the create body from config/mapping/microsoft.json,
// and a referral as read back turned into canonical fields.
import type { CompiledMapping } from '../mapping/compile.js';
import { mapToPortal } from '../mapping/engine.js';
import { mapperFor, type PortalMapper } from '../mapping/portal-mapper.js';

export type MicrosoftMapperOptions = {
  /**
   * The ISV's co-sell-ready solution ids (`SOL-…`), which Partner Center needs before a referral is
   * shared with Microsoft. They belong to the partner, not to any Salesforce record, so they come
   * from the service's settings; without them the wire format reports the missing solution.
   */
  solutionIds?: readonly string[];
};

export function createMicrosoftMapper(
  mapping: CompiledMapping,
  options: MicrosoftMapperOptions = {},
): PortalMapper {
  const solutions = (options.solutionIds ?? []).map((id) => ({ id }));
  return mapperFor('microsoft', mapping, 'create', (opportunity, context) => {
    const result = mapToPortal(mapping, opportunity, context.now);
    if (solutions.length > 0) {
      const details = (result.payload.details ??= {}) as Record<string, unknown>;
      const requirements = (details.requirements ??= {}) as Record<string, unknown>;
      requirements.solutions = solutions.map((solution) => ({ ...solution }));
    }
    return result;
  });
}
