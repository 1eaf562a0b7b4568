// Canonical opportunity ⇄ Cloud Channel API (v1alpha1) Opportunity: the create body from
// config/mapping/google.json, and an Opportunity as read back turned into canonical fields.
import type { CompiledMapping } from '../mapping/compile.js';
import { mapFromPortal, mapToPortal } from '../mapping/engine.js';
import type { PortalMapper } from '../mapping/portal-mapper.js';

export function createGoogleMapper(mapping: CompiledMapping): PortalMapper {
  if (mapping.portal !== 'google')
    throw new Error(`the Google mapper needs the google mapping, not ${mapping.portal}`);
  return {
    portal: 'google',
    cloud: 'Google',
    mapping,
    operation: 'create',
    toWire: (opportunity, context) => mapToPortal(mapping, opportunity, context.now),
    fromWire: (payload) => mapFromPortal(mapping, payload),
  };
}
