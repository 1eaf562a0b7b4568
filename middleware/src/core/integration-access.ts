// What the integration user may read and write, object by object, derived from the field tables; the
// metadata consistency test holds the CoSell_Integration permission set to it.
import {
  COUNTERPART_FIELDS,
  COUNTERPART_OBJECT,
  ENGAGEMENT_FIELDS,
  ENGAGEMENT_OBJECT,
  JOINT_PURSUIT_FIELDS,
  JOINT_PURSUIT_OBJECT,
  METRIC_FIELDS,
  METRIC_OBJECT,
  OPPORTUNITY_FIELDS,
  READINESS_FIELDS,
  READINESS_OBJECT,
  REFERRAL_FIELDS,
  REFERRAL_OBJECT,
  TRIAGE_RULE_OBJECT,
  VALUE_MAP_OBJECT,
} from './salesforce-fields.js';
import { ENGAGEMENT_KEY_FIELD, REFERRAL_KEY_FIELD } from './salesforce-keys.js';

/** What the integration user may do with one object, and which fields under field-level security it reads/writes. */
export interface IntegrationObjectAccess {
  readonly create: boolean;
  readonly update: boolean;
  /** Every field the service reads, by API name on this object (`editFields` is a subset). */
  readonly readFields: readonly string[];
  readonly editFields: readonly string[];
}

/** Custom fields of a canonical field table (its own `__c` fields, not ones reached through a relationship). */
function ownCustomFields(table: Record<string, string>): string[] {
  return Object.values(table).filter((name) => name.endsWith('__c') && !name.includes('.'));
}

/**
 * Exactly what the `CoSell_Integration` permission set grants; the metadata consistency test holds the
 * permission set to it. The service reads every field in the tables above and writes only: the engagement
 * outcome, the opportunity's attribution, the referrals it creates and their triage/decision results, and
 * the metrics. Decline reason, feedback text and the referral's opportunity link are people's input.
 */
export const INTEGRATION_ACCESS = {
  Opportunity: {
    create: false,
    update: true,
    readFields: [
      'AccountId',
      'Amount',
      'Description',
      'NextStep',
      'Probability',
      'Type',
      ...ownCustomFields(OPPORTUNITY_FIELDS),
    ],
    editFields: [OPPORTUNITY_FIELDS['coSell.attribution']],
  },
  Account: {
    create: false,
    update: false,
    readFields: ['BillingAddress', 'Industry', 'Website'],
    editFields: [],
  },
  Contact: {
    create: false,
    update: false,
    readFields: ['Email', 'Phone', 'Title'],
    editFields: [],
  },
  [ENGAGEMENT_OBJECT]: {
    create: true,
    update: true,
    readFields: [...ownCustomFields(ENGAGEMENT_FIELDS), ENGAGEMENT_KEY_FIELD],
    // The key is written too: upserting on an external id sets it on insert (the org's flow restamps the same value).
    editFields: [...ownCustomFields(ENGAGEMENT_FIELDS), ENGAGEMENT_KEY_FIELD],
  },
  [REFERRAL_OBJECT]: {
    create: true,
    update: true,
    readFields: [...ownCustomFields(REFERRAL_FIELDS), REFERRAL_KEY_FIELD],
    editFields: [
      ...ownCustomFields(REFERRAL_FIELDS).filter(
        (name) =>
          name !== REFERRAL_FIELDS.declineReason &&
          name !== REFERRAL_FIELDS.feedback &&
          name !== REFERRAL_FIELDS.opportunityId,
      ),
      REFERRAL_KEY_FIELD,
    ],
  },
  [COUNTERPART_OBJECT]: {
    create: false,
    update: false,
    readFields: ownCustomFields(COUNTERPART_FIELDS),
    editFields: [],
  },
  [READINESS_OBJECT]: {
    create: false,
    update: false,
    readFields: ownCustomFields(READINESS_FIELDS),
    editFields: [],
  },
  [METRIC_OBJECT]: {
    create: true,
    update: true,
    readFields: ownCustomFields(METRIC_FIELDS),
    editFields: ownCustomFields(METRIC_FIELDS),
  },
  [JOINT_PURSUIT_OBJECT]: {
    create: true,
    update: true,
    readFields: ownCustomFields(JOINT_PURSUIT_FIELDS),
    editFields: ownCustomFields(JOINT_PURSUIT_FIELDS),
  },
} as const satisfies Record<string, IntegrationObjectAccess>;

/** Custom metadata types the integration user reads (access is all-or-nothing per type). */
export const INTEGRATION_CUSTOM_METADATA = [TRIAGE_RULE_OBJECT, VALUE_MAP_OBJECT] as const;
