// The external-id keys the service upserts on (and the engagement key the org's flow stamps), built
// and checked in one place so every writer computes the same key for the same record.
import type { Cloud } from './model.js';
import {
  ENGAGEMENT_FIELDS,
  JOINT_PURSUIT_FIELDS,
  METRIC_FIELDS,
  REFERRAL_FIELDS,
  type MetricCloud,
  type MetricName,
  type MetricSegment,
} from './salesforce-fields.js';

/**
 * Unique external-id keys. An engagement's key is stamped by a before-save flow in the org (so every writer
 * gets it); referral and metric keys are written by the service, which upserts on them.
 */
export const ENGAGEMENT_KEY_FIELD = 'Engagement_Key__c';
export const REFERRAL_KEY_FIELD = 'Referral_Key__c';
export const METRIC_KEY_FIELD = METRIC_FIELDS.key;

/** A key could not be built from the given values; `field` names the Salesforce field at fault. */
export class SalesforceKeyError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'SalesforceKeyError';
    this.field = field;
  }
}

/**
 * `Engagement_Key__c`, the external id of CoSell_Engagement__c, exactly as the org's flow computes
 * it: CASESAFEID(Opportunity__c) & ":" & Cloud__c. Not the engine's outbox ordering key.
 */
export function engagementKey(opportunityId: string, cloud: Cloud): string {
  if (!/^[a-zA-Z0-9]{18}$/.test(opportunityId)) {
    throw new SalesforceKeyError(
      ENGAGEMENT_FIELDS.opportunityId,
      `needs the 18-character case-safe Id, got "${opportunityId}"`,
    );
  }
  return `${opportunityId}:${cloud}`;
}

/** `Referral_Key__c`: portal ids are unique only within one cloud, so the key carries both. */
export function referralKey(cloud: Cloud, portalId: string): string {
  const trimmed = portalId.trim();
  if (trimmed.length === 0) {
    throw new SalesforceKeyError(REFERRAL_FIELDS.portalId, 'must not be blank');
  }
  const key = `${cloud}:${trimmed}`;
  if (key.length > 255) {
    throw new SalesforceKeyError(
      REFERRAL_FIELDS.portalId,
      `is too long for ${REFERRAL_KEY_FIELD} (255 characters)`,
    );
  }
  return key;
}

/** `Metric_Key__c`: one row per cloud, hyperscaler fiscal quarter, metric and segment. */
export function metricKey(
  cloud: MetricCloud,
  fiscalPeriod: string,
  metric: MetricName,
  segment: MetricSegment,
): string {
  if (!/^FY\d{4}Q[1-4]$/.test(fiscalPeriod)) {
    throw new SalesforceKeyError(
      METRIC_FIELDS.fiscalPeriod,
      `must look like FY2027Q1, got "${fiscalPeriod}"`,
    );
  }
  return `${cloud}|${fiscalPeriod}|${metric}|${segment}`;
}

/**
 * `Metric_Key__c` of one maturity marker: the stage level and the marker's place in it identify it
 * (marker wording may change between releases; its position within a stage does not).
 */
export function maturityMarkerKey(fiscalPeriod: string, level: number, position: number): string {
  const base = metricKey('All', fiscalPeriod, 'Maturity Marker', 'All');
  if (!Number.isInteger(level) || level < 1 || !Number.isInteger(position) || position < 1) {
    throw new SalesforceKeyError(
      METRIC_FIELDS.stageLevel,
      `stage level and marker position must be whole numbers from 1, got ${level} and ${position}`,
    );
  }
  return `${base}|${level}.${position}`;
}

export const JOINT_PURSUIT_KEY_FIELD = JOINT_PURSUIT_FIELDS.key;

/**
 * `Pursuit_Key__c`: one row per cloud and account, so a later run updates it. The Account Id when the
 * listed company matched one, else its web domain, else its normalised name.
 */
export function jointPursuitKey(
  cloud: Cloud,
  account: { accountId: string | null; domain: string | null; nameKey: string | null },
): string {
  const id = account.accountId
    ? `id:${account.accountId}`
    : account.domain
      ? `domain:${account.domain}`
      : account.nameKey
        ? `name:${account.nameKey}`
        : null;
  if (!id)
    throw new SalesforceKeyError(
      JOINT_PURSUIT_FIELDS.accountName,
      'a pursuit needs an Account, a web domain or a company name',
    );
  const key = `${cloud}:${id}`;
  if (key.length > 255)
    throw new SalesforceKeyError(
      JOINT_PURSUIT_FIELDS.accountName,
      `is too long for ${JOINT_PURSUIT_KEY_FIELD} (255 characters)`,
    );
  return key;
}
