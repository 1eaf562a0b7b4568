// The unique keys the service upserts on must match what the org computes and reject values that would
// collide or be truncated, naming the Salesforce field at fault.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { CLOUDS } from '../../middleware/src/core/model.js';
import {
  METRIC_CLOUDS,
  METRIC_NAMES,
  METRIC_SEGMENTS,
} from '../../middleware/src/core/salesforce-fields.js';
import {
  SalesforceKeyError,
  engagementKey,
  metricKey,
  referralKey,
} from '../../middleware/src/core/salesforce-keys.js';

const idChar = fc.constantFrom(
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split(''),
);
const caseSafeId = fc
  .array(idChar, { minLength: 18, maxLength: 18 })
  .map((chars) => chars.join(''));

describe('engagementKey', () => {
  it('joins the 18-character opportunity Id and the cloud as the org flow does', () => {
    expect(engagementKey('0065g00000AbCdEFGH', 'Microsoft')).toBe('0065g00000AbCdEFGH:Microsoft');
  });

  it('gives different keys to different clouds on one opportunity, and fits the 40-character field', () => {
    fc.assert(
      fc.property(
        caseSafeId,
        fc.constantFrom(...CLOUDS),
        fc.constantFrom(...CLOUDS),
        (id, a, b) => {
          expect(engagementKey(id, a) === engagementKey(id, b)).toBe(a === b);
          expect(engagementKey(id, a).length).toBeLessThanOrEqual(40);
        },
      ),
    );
  });

  it('rejects a 15-character Id, which CASESAFEID in the org would extend, naming Opportunity__c', () => {
    expect(() => engagementKey('0065g00000AbCdE', 'AWS')).toThrow(
      new SalesforceKeyError(
        'Opportunity__c',
        'needs the 18-character case-safe Id, got "0065g00000AbCdE"',
      ),
    );
  });
});

describe('referralKey', () => {
  it('keeps the same portal id from two clouds apart', () => {
    expect(referralKey('AWS', 'O4821337')).toBe('AWS:O4821337');
    expect(referralKey('Google', 'O4821337')).not.toBe(referralKey('AWS', 'O4821337'));
  });

  it('trims the portal id so a padded copy of the same referral upserts onto the same record', () => {
    expect(referralKey('Microsoft', '  7f3c2a9e-1b4d-4e2a-9c1f-52d8e0a4b611 ')).toBe(
      'Microsoft:7f3c2a9e-1b4d-4e2a-9c1f-52d8e0a4b611',
    );
  });

  it('rejects a blank portal id and one too long for the key, naming Portal_Id__c', () => {
    expect(() => referralKey('AWS', '   ')).toThrow('Portal_Id__c: must not be blank');
    expect(() => referralKey('AWS', 'x'.repeat(252))).toThrow(
      'Portal_Id__c: is too long for Referral_Key__c (255 characters)',
    );
    expect(referralKey('AWS', 'x'.repeat(251))).toHaveLength(255);
  });
});

describe('metricKey', () => {
  it('identifies one figure per cloud, hyperscaler fiscal quarter, metric and segment', () => {
    expect(metricKey('Microsoft', 'FY2027Q1', 'Pipeline Value', 'Sourced')).toBe(
      'Microsoft|FY2027Q1|Pipeline Value|Sourced',
    );
  });

  it('is injective over its parts and fits the 120-character field', () => {
    const part = fc.record({
      cloud: fc.constantFrom(...METRIC_CLOUDS),
      year: fc.integer({ min: 2000, max: 2099 }),
      quarter: fc.integer({ min: 1, max: 4 }),
      metric: fc.constantFrom(...METRIC_NAMES),
      segment: fc.constantFrom(...METRIC_SEGMENTS),
    });
    fc.assert(
      fc.property(part, part, (a, b) => {
        const key = (p: typeof a) =>
          metricKey(p.cloud, `FY${p.year}Q${p.quarter}`, p.metric, p.segment);
        expect(key(a) === key(b)).toBe(JSON.stringify(a) === JSON.stringify(b));
        expect(key(a).length).toBeLessThanOrEqual(120);
      }),
    );
  });

  it.each(['2027Q1', 'FY2027Q5', 'FY27Q1', 'FY2027 Q1', ''])(
    'rejects fiscal period "%s", naming Fiscal_Period__c',
    (period) => {
      expect(() => metricKey('AWS', period, 'Win Rate', 'Co-sold')).toThrow(
        new SalesforceKeyError('Fiscal_Period__c', `must look like FY2027Q1, got "${period}"`),
      );
    },
  );
});
