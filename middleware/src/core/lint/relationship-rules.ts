// Anti-patterns visible only in who the ISV works with at each cloud (named counterparts and the
// referrals they send): a tenancy-archetype mismatch, and PDMs (the partner-program layer) used as
// the lead source, when the account team and specialists are the ones who bring deals.
import type {
  Cloud,
  Counterpart,
  InboundReferral,
  SourceLayer,
  TenancyArchetype,
} from '../model.js';
import { LINT_CODES, LINT_SEVERITY, type LintFinding } from './finding.js';
import { parseLintThresholds, type LintThresholdsInput } from './thresholds.js';

export interface RelationshipLintInput {
  /** The product's tenancy archetype; without it the archetype rule cannot speak. */
  tenancyArchetype: TenancyArchetype | null;
  counterparts: readonly Counterpart[];
  referrals: readonly InboundReferral[];
  clouds: readonly Cloud[];
  thresholds?: LintThresholdsInput;
}

const FIELD_LAYER = 'CoSell_Counterpart__c.Layer__c';
const FIELD_SOURCE = 'CoSell_Referral__c.Source_Layer__c';
const round3 = (value: number) => Math.round(value * 1000) / 1000;

function finding(
  code: LintFinding['code'],
  cloud: Cloud,
  field: string,
  message: string,
  evidence: Record<string, unknown>,
): LintFinding {
  return {
    code,
    severity: LINT_SEVERITY[code],
    cloud,
    field,
    message,
    evidence,
    opportunityId: null,
  };
}

export function relationshipFindings(input: RelationshipLintInput): LintFinding[] {
  const thresholds = parseLintThresholds(input.thresholds);
  const findings: LintFinding[] = [];
  for (const cloud of input.clouds) {
    const layers = new Set<SourceLayer>(
      input.counterparts
        .filter((counterpart) => counterpart.cloud === cloud)
        .map((counterpart) => counterpart.layer),
    );
    const fieldLayers = ['Account Team', 'Specialist'].filter((layer) =>
      layers.has(layer as SourceLayer),
    );
    // Customer-deployed: leverage sits with account teams and specialists; a PDM alone is the SaaS motion.
    if (
      input.tenancyArchetype === 'Customer-deployed' &&
      layers.has('Partner Program') &&
      fieldLayers.length === 0
    ) {
      findings.push(
        finding(
          LINT_CODES.archetypeMismatch,
          cloud,
          FIELD_LAYER,
          `${cloud}: the product is customer-deployed but the only named counterpart layer is the PDM: name account-team and workload-specialist counterparts and lead with the consumption uplift the product drives.`,
          {
            tenancyArchetype: input.tenancyArchetype,
            namedLayers: [...layers],
            missingLayers: ['Account Team', 'Specialist'],
          },
        ),
      );
    }
    // ISV-hosted SaaS: the PDM is the natural champion and marketplace routing leads.
    if (
      input.tenancyArchetype === 'ISV-hosted SaaS' &&
      !layers.has('Partner Program') &&
      fieldLayers.length > 0
    ) {
      findings.push(
        finding(
          LINT_CODES.archetypeMismatch,
          cloud,
          FIELD_LAYER,
          `${cloud}: the product is ISV-hosted SaaS but no PDM is named, only ${fieldLayers.join(' and ')} counterparts: name the PDM and lead with marketplace routing.`,
          {
            tenancyArchetype: input.tenancyArchetype,
            namedLayers: [...layers],
            missingLayers: ['Partner Program'],
          },
        ),
      );
    }
    const referrals = input.referrals.filter((referral) => referral.cloud === cloud);
    const fromPdm = referrals.filter(
      (referral) => referral.sourceLayer === 'Partner Program',
    ).length;
    if (
      referrals.length >= thresholds.pdmLeadSourceMinReferrals &&
      fromPdm / referrals.length >= thresholds.pdmLeadSourceMinShare
    ) {
      findings.push(
        finding(
          LINT_CODES.pdmAsLeadSource,
          cloud,
          FIELD_SOURCE,
          `${cloud}: ${fromPdm} of ${referrals.length} referrals came from PDMs: PDMs broker introductions but own no customers; ask them for introductions to account teams and specialists instead of leads.`,
          {
            referrals: referrals.length,
            fromPartnerProgram: fromPdm,
            share: round3(fromPdm / referrals.length),
            minShare: thresholds.pdmLeadSourceMinShare,
          },
        ),
      );
    }
  }
  return findings;
}
