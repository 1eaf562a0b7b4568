// Canonical opportunity ⇄ Partner Center referral: the create body from config/mapping/microsoft.json,
// and a referral as read back turned into canonical fields.
import type { CompiledMapping } from '../mapping/compile.js';
import { mapFromPortal, mapToPortal } from '../mapping/engine.js';
import type { PortalMapper } from '../mapping/portal-mapper.js';

export function createMicrosoftMapper(mapping: CompiledMapping): PortalMapper {
  if (mapping.portal !== 'microsoft') throw new Error(`the Microsoft mapper needs the microsoft mapping, not ${mapping.portal}`);
  return {
    portal: 'microsoft',
    cloud: 'Microsoft',
    mapping,
    operation: 'create',
    toWire: (opportunity, context) => mapToPortal(mapping, opportunity, context.now),
    fromWire: (payload) => mapFromPortal(mapping, payload),
  };
}
