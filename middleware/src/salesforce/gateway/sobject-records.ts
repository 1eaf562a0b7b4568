// The records the write-back sends, built from the engine's outcomes without any I/O: an
// engagement's outcome, its progress while a submission is under way, and an inbound referral
// limited to the fields the Integration permission set lets the service edit.
import type { Finding, InboundReferral } from '../../core/model.js';
import {
  ENGAGEMENT_FIELDS,
  REFERRAL_FIELDS,
  REFERRAL_OBJECT,
} from '../../core/salesforce-fields.js';
import {
  engagementKey,
  ENGAGEMENT_KEY_FIELD,
  REFERRAL_KEY_FIELD,
  referralKey,
} from '../../core/salesforce-keys.js';
import { INTEGRATION_ACCESS } from '../../core/integration-access.js';
import type { EngagementOutcome, EngagementProgress } from '../../engine/salesforce-sink.js';
import type { SObjectRecord } from './collections.js';

/** Standard fields the service writes that field-level security does not govern. */
const REFERRAL_STANDARD_FIELDS = new Set(['Name', 'OwnerId', 'CurrencyIsoCode']);
const REFERRAL_WRITABLE = new Set<string>([
  ...INTEGRATION_ACCESS[REFERRAL_OBJECT].editFields,
  ...REFERRAL_STANDARD_FIELDS,
]);

/** `Name` on CoSell_Referral__c is an 80-character text name. */
function referralName(referral: InboundReferral): string {
  const name = referral.title?.trim() || `${referral.customerName} (${referral.cloud})`;
  return name.length > 80 ? `${name.slice(0, 79)}…` : name;
}

/** The engagement's record for an outcome; `omit` drops fields Salesforce refused. */
export function engagementRecord(
  outcome: EngagementOutcome,
  findings: readonly Finding[],
  omit: ReadonlySet<string> = new Set(),
): SObjectRecord {
  const record: SObjectRecord = {
    [ENGAGEMENT_KEY_FIELD]: engagementKey(outcome.opportunityId, outcome.cloud),
    [ENGAGEMENT_FIELDS.opportunityId]: outcome.opportunityId,
    [ENGAGEMENT_FIELDS.cloud]: outcome.cloud,
    [ENGAGEMENT_FIELDS.status]: outcome.status,
    [ENGAGEMENT_FIELDS.portalId]: outcome.portalId,
    [ENGAGEMENT_FIELDS.findings]: JSON.stringify(findings),
    [ENGAGEMENT_FIELDS.submittedAt]: outcome.submittedAt,
    [ENGAGEMENT_FIELDS.acceptedAt]: outcome.acceptedAt,
    [ENGAGEMENT_FIELDS.lastSyncedAt]: outcome.lastSyncedAt,
    [ENGAGEMENT_FIELDS.syncError]: outcome.syncError,
    ...(outcome.clearRequestedAction ? { [ENGAGEMENT_FIELDS.requestedAction]: null } : {}),
  };
  for (const field of omit) delete record[field];
  return record;
}

/** A submission under way: its portal id and status only, so Requested_Action__c stays set. */
export function engagementProgressRecord(progress: EngagementProgress): SObjectRecord {
  return {
    [ENGAGEMENT_KEY_FIELD]: engagementKey(progress.opportunityId, progress.cloud),
    [ENGAGEMENT_FIELDS.opportunityId]: progress.opportunityId,
    [ENGAGEMENT_FIELDS.cloud]: progress.cloud,
    [ENGAGEMENT_FIELDS.portalId]: progress.portalId,
    [ENGAGEMENT_FIELDS.status]: progress.status,
  };
}

/** The referral's record: the portal's data plus what triage computed, limited to fields the permission set lets the service edit. */
export function referralRecord(
  referral: InboundReferral,
  ownerId: string | null,
  multiCurrency: boolean,
): SObjectRecord {
  const record: SObjectRecord = {
    [REFERRAL_KEY_FIELD]: referralKey(referral.cloud, referral.portalId),
    Name: referralName(referral),
    [REFERRAL_FIELDS.cloud]: referral.cloud,
    [REFERRAL_FIELDS.portalId]: referral.portalId,
    [REFERRAL_FIELDS.receivedAt]: referral.receivedAt,
    [REFERRAL_FIELDS.customerName]: referral.customerName,
    [REFERRAL_FIELDS.customerDomain]: referral.customerDomain,
    [REFERRAL_FIELDS.customerCountry]: referral.customerCountry,
    [REFERRAL_FIELDS.description]: referral.description,
    [REFERRAL_FIELDS['estimatedValue.amount']]: referral.estimatedValue?.amount ?? null,
    ...(multiCurrency && referral.estimatedValue
      ? { CurrencyIsoCode: referral.estimatedValue.currencyIsoCode }
      : {}),
    [REFERRAL_FIELDS.tenancyArchetype]: referral.tenancyArchetype,
    // Only when known (given or inferred): a blank layer is what asks a person to classify it.
    ...(referral.sourceLayer ? { [REFERRAL_FIELDS.sourceLayer]: referral.sourceLayer } : {}),
    [REFERRAL_FIELDS['referrer.name']]: referral.referrer.name,
    [REFERRAL_FIELDS['referrer.email']]: referral.referrer.email,
    [REFERRAL_FIELDS['referrer.title']]: referral.referrer.title,
    [REFERRAL_FIELDS.priority]: referral.priority,
    [REFERRAL_FIELDS.responseDue]: referral.responseDue,
    [REFERRAL_FIELDS.triageStatus]: referral.triageStatus,
    [REFERRAL_FIELDS.decidedAt]: referral.decidedAt,
    [REFERRAL_FIELDS.feedbackSentAt]: referral.feedbackSentAt,
    ...(ownerId ? { OwnerId: ownerId } : {}),
  };
  return Object.fromEntries(
    Object.entries(record).filter(([field]) => REFERRAL_WRITABLE.has(field)),
  );
}
