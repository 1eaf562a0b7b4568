// What the org and the alliance team know about one cloud's co-sell readiness, validated before the
// checklist reads it. Null means "not recorded", which the checklist reports as unknown, never as met.
import { z } from 'zod';
import { CloudName, IsoDate, TenancyArchetype } from '../model.js';
import { FieldError, parseOrRefuse } from '../field-error.js';

const Known = z.boolean().nullable().default(null);

export const LISTING_DELIVERY_MODELS = ['SaaS', 'AMI/VM', 'Container'] as const;
export const ListingDeliveryModel = z.enum(LISTING_DELIVERY_MODELS);
export type ListingDeliveryModel = z.infer<typeof ListingDeliveryModel>;

export const PDM_CADENCES = ['weekly', 'fortnightly', 'monthly', 'none'] as const;
export const PdmCadence = z.enum(PDM_CADENCES);
export type PdmCadence = z.infer<typeof PdmCadence>;

export const ReadinessEvidence = z
  .object({
    cloud: CloudName,
    /** A primary cloud needs a weekly or fortnightly PDM rhythm; a secondary one at least monthly. */
    primary: z.boolean().default(true),
    /** Decides which listing type fits: SaaS for ISV-hosted, AMI/VM or container for customer-deployed. */
    tenancyArchetype: TenancyArchetype.nullable().default(null),
    listing: z
      .object({
        live: Known,
        transactable: Known,
        deliveryModels: z.array(ListingDeliveryModel).default([]),
      })
      .default({ live: null, transactable: null, deliveryModels: [] }),
    technicalValidation: z
      .object({
        passedOn: IsoDate.nullable().default(null),
        expiresOn: IsoDate.nullable().default(null),
      })
      .default({ passedOn: null, expiresOn: null }),
    coSellEligible: Known,
    opportunitySharing: z
      .object({ configured: Known, submissionCriteriaDefined: Known })
      .default({ configured: null, submissionCriteriaDefined: null }),
    /**
     * The named PDM (readiness item 5), when the alliance team records one here rather than (or as
     * well as) a Partner Program counterpart in the org; lastMetOn shows the rhythm is kept.
     */
    pdm: z
      .strictObject({
        name: z.string().trim().min(1),
        email: z.email().nullable().default(null),
        lastMetOn: IsoDate.nullable().default(null),
      })
      .nullable()
      .default(null),
    /** The agreed meeting rhythm with the PDM, when the alliance team records one. */
    pdmCadence: PdmCadence.nullable().default(null),
    jointValueProposition: Known,
    priorityWorkloads: z.array(z.string().trim().min(1)).default([]),
    customerReferences: z
      .array(z.object({ customer: z.string().trim().min(1), workload: z.string().trim().min(1) }))
      .default([]),
    accountMapping: z
      .object({ lastRunOn: IsoDate.nullable().default(null), jointPursuitListDefined: Known })
      .default({ lastRunOn: null, jointPursuitListDefined: null }),
    enablement: z
      .object({ aesKnowHowToInvokeCounterparts: Known, marketplaceCompExplained: Known })
      .default({ aesKnowHowToInvokeCounterparts: null, marketplaceCompExplained: null }),
    compRules: z
      .object({ allianceVsDirectDefined: Known, sourcedAndInfluencedCreditSharing: Known })
      .default({ allianceVsDirectDefined: null, sourcedAndInfluencedCreditSharing: null }),
    attributionTracked: Known,
  })
  .superRefine((evidence, ctx) => {
    const { passedOn, expiresOn } = evidence.technicalValidation;
    if (passedOn !== null && expiresOn !== null && expiresOn < passedOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['technicalValidation', 'expiresOn'],
        message: 'must not be before passedOn',
      });
    }
  });
export type ReadinessEvidence = z.infer<typeof ReadinessEvidence>;
export type ReadinessEvidenceInput = z.input<typeof ReadinessEvidence>;

export class ReadinessEvidenceError extends FieldError {
  readonly code = 'INVALID_READINESS_EVIDENCE';
}

/** Validates evidence, throwing with the first offending field's path. */
export function parseReadinessEvidence(input: unknown): ReadinessEvidence {
  return parseOrRefuse(
    ReadinessEvidence,
    input,
    'evidence',
    (field, message) => new ReadinessEvidenceError(field, message),
  );
}
