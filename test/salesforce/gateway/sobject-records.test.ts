// The records the write-back builds, checked without an org: what each carries, what it leaves out,
// and that a referral never names a field the Integration permission set cannot edit.
import { InboundReferral, type InboundReferralInput } from '../../../middleware/src/core/model.js';
import { INTEGRATION_ACCESS } from '../../../middleware/src/core/integration-access.js';
import {
  ENGAGEMENT_FIELDS,
  REFERRAL_FIELDS,
  REFERRAL_OBJECT,
} from '../../../middleware/src/core/salesforce-fields.js';
import {
  ENGAGEMENT_KEY_FIELD,
  REFERRAL_KEY_FIELD,
} from '../../../middleware/src/core/salesforce-keys.js';
import type { EngagementOutcome } from '../../../middleware/src/engine/salesforce-sink.js';
import {
  engagementProgressRecord,
  engagementRecord,
  referralRecord,
} from '../../../middleware/src/salesforce/gateway/index.js';

const OPPORTUNITY = '006000000000001AAA';

function referral(overrides: Partial<InboundReferralInput> = {}): InboundReferral {
  return InboundReferral.parse({
    cloud: 'Microsoft',
    portalId: 'c7a4e0f2-1b6d-4f1e-9a51-5d0b8a3e2f10',
    receivedAt: '2026-12-01T09:30:00.000Z',
    customerName: 'Fabrikam Logistics',
    title: 'Fleet telemetry on Azure Data Explorer',
    estimatedValue: { amount: 180_000, currencyIsoCode: 'EUR' },
    sourceLayer: 'Account Team',
    referrer: { name: 'Chris Adeyemi', email: 'chris@microsoft.example', title: 'ATS' },
    priority: 'High',
    responseDue: '2026-12-02T09:30:00.000Z',
    ...overrides,
  });
}

function outcome(overrides: Partial<EngagementOutcome> = {}): EngagementOutcome {
  return {
    opportunityId: OPPORTUNITY,
    cloud: 'AWS',
    status: 'Submitted',
    portalId: 'O1234567',
    findings: [],
    submittedAt: '2026-12-01T10:00:00.000Z',
    acceptedAt: null,
    lastSyncedAt: '2026-12-01T10:00:02.000Z',
    syncError: null,
    clearRequestedAction: true,
    ...overrides,
  };
}

describe('referral records', () => {
  const editable = new Set<string>(INTEGRATION_ACCESS[REFERRAL_OBJECT].editFields);

  it('names only fields the service may edit, besides its key and standard fields', () => {
    const record = referralRecord(referral(), '00G000000000001AAA', true);
    const custom = Object.keys(record).filter(
      (field) => field.endsWith('__c') && field !== REFERRAL_KEY_FIELD,
    );
    expect(custom.length).toBeGreaterThan(10);
    expect(custom.filter((field) => !editable.has(field))).toEqual([]);
    expect(record).toMatchObject({
      [REFERRAL_KEY_FIELD]: 'Microsoft:c7a4e0f2-1b6d-4f1e-9a51-5d0b8a3e2f10',
      Name: 'Fleet telemetry on Azure Data Explorer',
      OwnerId: '00G000000000001AAA',
      CurrencyIsoCode: 'EUR',
      [REFERRAL_FIELDS['estimatedValue.amount']]: 180_000,
      [REFERRAL_FIELDS.sourceLayer]: 'Account Team',
      [REFERRAL_FIELDS.priority]: 'High',
    });
  });

  it('leaves out the currency in a single-currency org, the owner when none was chosen, and an unknown layer', () => {
    const record = referralRecord(referral({ sourceLayer: null }), null, false);
    expect(record).not.toHaveProperty('CurrencyIsoCode');
    expect(record).not.toHaveProperty('OwnerId');
    // A blank layer is what asks a person to classify the referral; writing null would hide that.
    expect(record).not.toHaveProperty(REFERRAL_FIELDS.sourceLayer);
    expect(record[REFERRAL_FIELDS['estimatedValue.amount']]).toBe(180_000);
  });

  it('names a referral by its title, else customer and cloud, within the 80 characters Name holds', () => {
    expect(referralRecord(referral({ title: '  ' }), null, false).Name).toBe(
      'Fabrikam Logistics (Microsoft)',
    );
    const long = referralRecord(referral({ title: 'x'.repeat(120) }), null, false).Name as string;
    expect(long).toHaveLength(80);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('engagement records', () => {
  it('carries the outcome keyed by opportunity and cloud, with its findings as JSON', () => {
    const findings = [
      { code: 'X', severity: 'warning' as const, cloud: 'AWS' as const, path: '$', message: 'm' },
    ];
    const record = engagementRecord(outcome(), findings);
    expect(record).toMatchObject({
      [ENGAGEMENT_KEY_FIELD]: `${OPPORTUNITY}:AWS`,
      [ENGAGEMENT_FIELDS.status]: 'Submitted',
      [ENGAGEMENT_FIELDS.portalId]: 'O1234567',
      [ENGAGEMENT_FIELDS.requestedAction]: null,
    });
    expect(JSON.parse(record[ENGAGEMENT_FIELDS.findings] as string)).toEqual(findings);
  });

  it('clears the requested action only when the outcome settles it, and drops refused fields', () => {
    const kept = engagementRecord(
      outcome({ clearRequestedAction: false }),
      [],
      new Set([ENGAGEMENT_FIELDS.syncError]),
    );
    expect(kept).not.toHaveProperty(ENGAGEMENT_FIELDS.requestedAction);
    expect(kept).not.toHaveProperty(ENGAGEMENT_FIELDS.syncError);
    expect(kept[ENGAGEMENT_FIELDS.submittedAt]).toBe('2026-12-01T10:00:00.000Z');
  });

  it('writes a submission under way as its portal id and status alone', () => {
    const record = engagementProgressRecord({
      opportunityId: OPPORTUNITY,
      cloud: 'Google',
      portalId: 'opportunities/0001ab',
      status: 'Pending Submission',
    });
    expect(record).toEqual({
      [ENGAGEMENT_KEY_FIELD]: `${OPPORTUNITY}:Google`,
      [ENGAGEMENT_FIELDS.opportunityId]: OPPORTUNITY,
      [ENGAGEMENT_FIELDS.cloud]: 'Google',
      [ENGAGEMENT_FIELDS.portalId]: 'opportunities/0001ab',
      [ENGAGEMENT_FIELDS.status]: 'Pending Submission',
    });
  });
});
