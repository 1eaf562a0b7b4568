// What a portal would say about an opportunity before it is shared: the mapping, the portal's wire
// rules and the submission lint, gathered per cloud so an AE fixes everything in one pass.
import { createLinter } from '../core/lint/index.js';
import type { Cloud, CoSellOpportunity, Finding } from '../core/model.js';
import { PORTAL_CLOUD, PORTALS, type PortalName } from '../portals/portal.js';
import type { PortalBinding } from '../portals/registry.js';
import { mapAndValidate } from '../portals/mapping/checked-payload.js';

export const PORTAL_OF_CLOUD = Object.fromEntries(PORTALS.map((portal) => [PORTAL_CLOUD[portal], portal])) as Record<Cloud, PortalName>;

export interface CloudPreview {
  cloud: Cloud;
  portal: PortalName;
  operation: string;
  valid: boolean;
  errors: number;
  warnings: number;
  findings: Finding[];
}

export function previewOpportunity(
  opportunity: CoSellOpportunity,
  clouds: readonly Cloud[],
  portals: (portal: PortalName) => PortalBinding,
  now: Date,
): CloudPreview[] {
  // Lint as if shared with exactly the clouds previewed, so a cloud not yet tagged is judged too.
  const linted = createLinter({ now }).add({ ...opportunity, coSell: { ...opportunity.coSell, clouds: [...clouds] } });
  return clouds.map((cloud) => {
    const binding = portals(PORTAL_OF_CLOUD[cloud]);
    const checked = mapAndValidate(binding.mapper, binding.wireFormat, opportunity, { now });
    const findings: Finding[] = [
      ...checked.findings.map((finding) => ({ ...finding, cloud: finding.cloud ?? cloud })),
      ...linted.filter((finding) => finding.cloud === cloud).map(({ opportunityId: _opportunityId, ...finding }) => finding),
    ];
    const errors = findings.filter((finding) => finding.severity === 'error').length;
    const warnings = findings.filter((finding) => finding.severity === 'warning').length;
    return { cloud, portal: binding.portal, operation: checked.operation, valid: errors === 0, errors, warnings, findings };
  });
}

/** The clouds to preview: the one asked for, else the opportunity's tagged clouds, else all three. */
export function cloudsToPreview(opportunity: CoSellOpportunity, asked: Cloud | undefined): Cloud[] {
  if (asked) return [asked];
  if (opportunity.coSell.clouds.length > 0) return [...new Set(opportunity.coSell.clouds)];
  return PORTALS.map((portal) => PORTAL_CLOUD[portal]);
}
