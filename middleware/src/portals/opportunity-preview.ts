// What a portal would say about an opportunity before it is shared: the mapping, the portal's wire
// rules and the submission lint, gathered per cloud so an AE fixes everything in one pass.
import { createLinter } from '../core/lint/index.js';
import type { Cloud, CoSellOpportunity, Finding } from '../core/model.js';
import { PORTAL_CLOUD, PORTALS, type PortalName } from './portal.js';
import type { PortalBinding } from './registry.js';
import { mapAndValidate, mergeFindings } from './mapping/checked-payload.js';
import { todayOf } from './mapping/engine.js';
import { submissionFindings } from './aws/rules.js';
import { submittedBodyFindings } from './google/wire-format.js';

export const PORTAL_OF_CLOUD = Object.fromEntries(
  PORTALS.map((portal) => [PORTAL_CLOUD[portal], portal]),
) as Record<Cloud, PortalName>;

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
  const linted = createLinter({ now }).add({
    ...opportunity,
    coSell: { ...opportunity.coSell, clouds: [...clouds] },
  });
  return clouds.map((cloud) => {
    const binding = portals(PORTAL_OF_CLOUD[cloud]);
    const checked = mapAndValidate(binding.mapper, binding.wireFormat, opportunity, { now });
    // A preview answers "may I submit?": what AWS's review would refuse (a create alone allows it,
    // hence a warning in the wire check) is an error here, exactly as the ACE client judges it;
    // Google judges the body as submitted, as its client does before sending.
    const blocking =
      binding.portal === 'aws'
        ? submissionFindings(checked.payload, { severity: 'error', today: todayOf(now) })
        : binding.portal === 'google'
          ? mergeFindings(
              binding.mapper.mapping,
              checked.findings,
              submittedBodyFindings(checked.payload),
            )
              .slice(checked.findings.length)
              .filter((finding) => finding.severity === 'error')
          : [];
    const blockingKeys = new Set(blocking.map((finding) => `${finding.code}|${finding.path}`));
    const portalFindings = checked.findings.map((finding) => ({
      ...finding,
      cloud: finding.cloud ?? cloud,
      ...(blockingKeys.has(`${finding.code}|${finding.path}`)
        ? { severity: 'error' as const }
        : {}),
    }));
    const seen = new Set(portalFindings.map((finding) => `${finding.code}|${finding.path}`));
    const findings: Finding[] = [
      ...portalFindings,
      ...blocking.filter((finding) => !seen.has(`${finding.code}|${finding.path}`)),
      ...linted
        .filter((finding) => finding.cloud === cloud)
        .map(({ opportunityId: _opportunityId, ...finding }) => finding),
    ];
    const errors = findings.filter((finding) => finding.severity === 'error').length;
    const warnings = findings.filter((finding) => finding.severity === 'warning').length;
    return {
      cloud,
      portal: binding.portal,
      operation: checked.operation,
      valid: errors === 0,
      errors,
      warnings,
      findings,
    };
  });
}

/** The clouds to preview: the one asked for, else the opportunity's tagged clouds, else all three. */
export function cloudsToPreview(opportunity: CoSellOpportunity, asked: Cloud | undefined): Cloud[] {
  if (asked) return [asked];
  if (opportunity.coSell.clouds.length > 0) return [...new Set(opportunity.coSell.clouds)];
  return PORTALS.map((portal) => PORTAL_CLOUD[portal]);
}
