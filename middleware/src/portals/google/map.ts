// Canonical opportunity ⇄ Cloud Channel API (v1alpha1) Opportunity: the create body from
// config/mapping/google.json, and an Opportunity as read back turned into canonical fields.
import type { CompiledMapping } from '../mapping/compile.js';
import { mapToPortal } from '../mapping/engine.js';
import { mapperFor, type PortalMapper } from '../mapping/portal-mapper.js';

/** What the ISV sells on Google when no setting says (our reading of an unpublished enum). */
export const DEFAULT_PRODUCT_FAMILIES: readonly string[] = ['GOOGLE_CLOUD_PLATFORM'];

/**
 * The create body with the ISV's Google product families, which Google needs before it reviews a
 * submission. They belong to the partner, not to any Salesforce record, so they come from the
 * settings (GOOGLE_PRODUCT_FAMILIES), else DEFAULT_PRODUCT_FAMILIES.
 */
export function createGoogleMapper(
  mapping: CompiledMapping,
  { productFamilies = [] }: { productFamilies?: readonly string[] } = {},
): PortalMapper {
  const families = productFamilies.length > 0 ? productFamilies : DEFAULT_PRODUCT_FAMILIES;
  return mapperFor('google', mapping, 'create', (opportunity, context) => {
    const result = mapToPortal(mapping, opportunity, context.now);
    const info = (result.payload.opportunityInfo ??= {}) as Record<string, unknown>;
    info.productFamily = [...families];
    return result;
  });
}

export type GoogleMapperOptions = NonNullable<Parameters<typeof createGoogleMapper>[1]>;
