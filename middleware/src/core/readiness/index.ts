// Public surface of co-sell readiness (the ten-item checklist per cloud) and maturity staging.
export {
  LISTING_DELIVERY_MODELS,
  ListingDeliveryModel,
  PDM_CADENCES,
  PdmCadence,
  ReadinessEvidence,
  ReadinessEvidenceError,
  parseReadinessEvidence,
  type ReadinessEvidenceInput,
} from './evidence.js';
export {
  DEFAULT_READINESS_SETTINGS,
  READINESS_ITEMS,
  readinessChecklist,
  type ReadinessChecklist,
  type ReadinessData,
  type ReadinessItem,
  type ReadinessItemKey,
  type ReadinessSettings,
  type ReadinessStatus,
} from './checklist.js';
export { CLOUD_VOCABULARY, type CloudVocabulary } from './vocabulary.js';
export { readinessEvidenceTemplate } from './template.js';
export {
  DEFAULT_MATURITY_SETTINGS,
  MaturityMetrics,
  MaturityMetricsError,
  maturityStage,
  type MaturityAssessment,
  type MaturityLevel,
  type MaturityMarker,
  type MaturityMetricsInput,
  type MaturitySettings,
  type MaturityStageDefinition,
} from './maturity.js';
export { maturityMetricsFromReport, type MaturityContext } from './maturity-metrics.js';
