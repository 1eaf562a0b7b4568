// The joint pursuit list as CoSell_Joint_Pursuit__c rows: one key per cloud and account (the Account
// Id, else the web domain, else the normalised name), text cut to the org's field lengths, one row per key.
import { describe, expect, it } from '@jest/globals';
import {
  jointPursuitRecords,
  type JointPursuit,
} from '../../../middleware/src/core/account-mapping/index.js';
import { jointPursuitKey } from '../../../middleware/src/core/salesforce-keys.js';

const pursuit = (overrides: Partial<JointPursuit>): JointPursuit => ({
  accountId: null,
  accountName: 'Tailspin Toys',
  domain: null,
  cloud: 'Google',
  relationship: 'not in Salesforce',
  onTargetList: true,
  hyperscalerOwner: 'Lena Fischer',
  hyperscalerOwnerEmail: 'lena.fischer@google.com',
  isvOwner: null,
  confidence: 1,
  nextStep: 'Create the Account in Salesforce, then ask Lena Fischer for a joint account plan.',
  ...overrides,
});

describe('jointPursuitRecords', () => {
  it('keys each pursuit by Account Id, else domain, else normalised name, per cloud', () => {
    const records = jointPursuitRecords({
      ranOn: '2026-11-26',
      pursuits: [
        pursuit({
          accountId: '001Hs00000Nwh01AAA',
          accountName: 'Northwind Health',
          domain: 'northwindhealth.com',
          relationship: 'customer',
        }),
        pursuit({ domain: 'tailspintoys.com' }),
        pursuit({ accountName: 'Wide World Importers GmbH' }),
      ],
    });
    expect(records.map((record) => record.Pursuit_Key__c)).toEqual([
      'Google:id:001Hs00000Nwh01AAA',
      'Google:domain:tailspintoys.com',
      'Google:name:wide world importers',
    ]);
    expect(records[0]).toMatchObject({
      Name: 'Northwind Health',
      Account__c: '001Hs00000Nwh01AAA',
      Cloud__c: 'Google',
      Relationship__c: 'customer',
      Run_Date__c: '2026-11-26',
      Confidence__c: 1,
    });
    expect(records[1]).toMatchObject({
      Account__c: null,
      On_Target_List__c: true,
      Hyperscaler_Owner_Email__c: 'lena.fischer@google.com',
    });
  });

  it('keeps the first of two pursuits with the same key, and shortens a name past 80 characters visibly', () => {
    const long = 'A'.repeat(120);
    const records = jointPursuitRecords({
      ranOn: '2026-11-26',
      pursuits: [
        pursuit({ domain: 'tailspintoys.com' }),
        pursuit({ domain: 'tailspintoys.com', accountName: 'Tailspin' }),
        pursuit({ accountName: long, domain: 'a.example' }),
      ],
    });
    expect(records).toHaveLength(2);
    expect(records[0]!.Name).toBe('Tailspin Toys');
    expect(String(records[1]!.Name)).toHaveLength(80);
    expect(String(records[1]!.Name).endsWith('…')).toBe(true);
  });

  it('refuses a pursuit with nothing to identify it', () => {
    expect(() => jointPursuitKey('AWS', { accountId: null, domain: null, nameKey: null })).toThrow(
      /needs an Account, a web domain or a company name/,
    );
  });
});
