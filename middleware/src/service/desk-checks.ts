// How the desk judges a deal before it leaves: the mapping and wire checks per portal, with the
// ISV's Microsoft co-sell solutions and Google product families and, once loaded, the org's value
// maps. The panel's Validate, the API's preview, the worker's preflight and the portal clients'
// submissions all use these, so a deal the preview calls ready is the one the client sends.
import type { Cloud, CoSellOpportunity, Finding } from '../core/model.js';
import { previewOpportunity } from '../portals/opportunity-preview.js';
import { createPortalBinding, type PortalBinding } from '../portals/registry.js';
import { compileMapping, type CompiledMapping } from '../portals/mapping/compile.js';
import { loadMapping } from '../portals/mapping/load.js';
import { withOrgValueMaps, type OrgValueMaps } from '../portals/mapping/org-value-maps.js';
import type { PortalName } from '../portals/portal.js';
import type { ServiceConfig } from './config.js';
import { SANDBOX_MICROSOFT_SOLUTION } from './desk-portals.js';

export interface DeskChecks {
  /** The binding a preview uses for a portal. */
  portals: (portal: PortalName) => PortalBinding;
  /** The findings of a preview of one cloud at `now` (errors block a submission). */
  findings(opportunity: CoSellOpportunity, cloud: Cloud, now: Date): Finding[];
  /** Whether a submission of the deal to the cloud would be refused. */
  wouldRefuse(opportunity: CoSellOpportunity, cloud: Cloud, now: Date): boolean;
  /** The org's value maps replace the shipped pairs they name, for previews and submissions alike. */
  applyValueMaps(maps: OrgValueMaps): void;
  /** The compiled mapping a portal client submits with: the shipped one until org maps apply. */
  mappingFor(portal: PortalName): { mapping?: CompiledMapping };
  /** The co-sell solutions every Microsoft referral names. */
  microsoftSolutions: string[];
}

export function deskChecks(
  config: Pick<ServiceConfig, 'MS_MODE' | 'MS_SOLUTION_IDS' | 'GOOGLE_PRODUCT_FAMILIES'>,
): DeskChecks {
  const microsoftSolutions =
    config.MS_MODE === 'sandbox' ? [SANDBOX_MICROSOFT_SOLUTION] : config.MS_SOLUTION_IDS;
  const bind = (valueMaps?: OrgValueMaps): Record<PortalName, PortalBinding> => ({
    aws: createPortalBinding('aws', { valueMaps }),
    microsoft: createPortalBinding('microsoft', {
      microsoft: { solutionIds: microsoftSolutions },
      valueMaps,
    }),
    google: createPortalBinding('google', {
      google: { productFamilies: config.GOOGLE_PRODUCT_FAMILIES },
      valueMaps,
    }),
  });
  let bindings = bind();
  let orgValueMaps: OrgValueMaps | undefined;
  const portals = (portal: PortalName) => bindings[portal];
  const previews = (opportunity: CoSellOpportunity, cloud: Cloud, now: Date) =>
    previewOpportunity(opportunity, [cloud], portals, now);
  return {
    portals,
    findings: (opportunity, cloud, now) =>
      previews(opportunity, cloud, now).flatMap((preview) => preview.findings),
    wouldRefuse: (opportunity, cloud, now) =>
      previews(opportunity, cloud, now).some((preview) => !preview.valid),
    applyValueMaps(maps) {
      bindings = bind(maps);
      orgValueMaps = maps;
    },
    mappingFor: (portal) =>
      orgValueMaps
        ? { mapping: compileMapping(withOrgValueMaps(loadMapping(portal).config, orgValueMaps)) }
        : {},
    microsoftSolutions,
  };
}
