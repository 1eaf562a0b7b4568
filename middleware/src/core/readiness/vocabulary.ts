// Each hyperscaler names the same readiness step differently; the checklist speaks each cloud's words.
import type { Cloud } from '../model.js';

export interface CloudVocabulary {
  marketplace: string;
  technicalValidation: string;
  coSellStatus: string;
  sharingSystem: string;
  /** The hyperscaler's partner-side owner the ISV keeps a rhythm with. */
  partnerManager: string;
}

export const CLOUD_VOCABULARY: Record<Cloud, CloudVocabulary> = {
  AWS: {
    marketplace: 'AWS Marketplace',
    technicalValidation: 'Foundational Technical Review (FTR)',
    coSellStatus: 'ISV Accelerate (ISVA)',
    sharingSystem: 'ACE in Partner Central',
    partnerManager: 'PDM',
  },
  Microsoft: {
    marketplace: 'Microsoft commercial marketplace (Azure Marketplace)',
    technicalValidation: 'Well-Architected Review',
    coSellStatus: 'Azure IP Co-Sell Eligible (via ISV Success)',
    sharingSystem: 'PSC / referrals in Partner Center',
    partnerManager: 'PDM',
  },
  Google: {
    marketplace: 'Google Cloud Marketplace',
    technicalValidation: 'Architecture Review',
    coSellStatus: 'Co-sell Partner path',
    sharingSystem: 'partner portal',
    partnerManager: 'PDM',
  },
};
