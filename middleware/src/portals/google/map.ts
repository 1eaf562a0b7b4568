// Canonical opportunity ⇄ Cloud Channel API (v1alpha1) Opportunity: the create body from
// config/mapping/google.json, and an Opportunity as read back turned into canonical fields.
import type { CompiledMapping } from '../mapping/compile.js';
import { mapperFor, type PortalMapper } from '../mapping/portal-mapper.js';

export function createGoogleMapper(mapping: CompiledMapping): PortalMapper {
  return mapperFor('google', mapping, 'create');
}
