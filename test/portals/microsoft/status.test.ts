// The Microsoft referral machine over every status/substatus pair: which moves are legal, that every
// illegal one is refused with a reason, and how each state maps to the canonical engagement status.
import { describe, expect, it } from '@jest/globals';
import { ENGAGEMENT_STATUSES } from '../../../middleware/src/core/model.js';
import {
  REFERRAL_STATUSES,
  REFERRAL_SUBSTATUSES,
  IllegalReferralTransitionError,
  acceptReferral,
  closeReferral,
  declineReferral,
  engagementStatusOf,
  isValidPair,
  moveReferral,
  transitionProblem,
  triageStatusOf,
  type ReferralState,
} from '../../../middleware/src/portals/microsoft/index.js';

const ALL_PAIRS: ReferralState[] = REFERRAL_STATUSES.flatMap((status) =>
  REFERRAL_SUBSTATUSES.map((substatus) => ({ status, substatus })),
);
const key = (s: ReferralState) => `${s.status}/${s.substatus}`;

/** The legal moves, written out by hand from Partner Center's table and the one-way rule. */
const LEGAL = new Set([
  'New/Pending -> New/Pending',
  'New/Pending -> New/Received',
  'New/Received -> New/Received',
  'New/Pending -> Active/Accepted',
  'New/Received -> Active/Accepted',
  'New/Pending -> Closed/Declined',
  'New/Received -> Closed/Declined',
  'New/Pending -> Closed/Expired',
  'New/Received -> Closed/Expired',
  'Active/Accepted -> Active/Accepted',
  'Active/Accepted -> Closed/Won',
  'Active/Accepted -> Closed/Lost',
]);

const REASON = 'Below commercial threshold: under 50 seats';

describe('Microsoft referral status machine', () => {
  it('knows the legal status/substatus pairs', () => {
    expect(ALL_PAIRS.filter(isValidPair).map(key)).toEqual([
      'None/None',
      'New/Pending',
      'New/Received',
      'Active/Accepted',
      'Closed/Won',
      'Closed/Lost',
      'Closed/Declined',
      'Closed/Expired',
    ]);
  });

  describe.each(ALL_PAIRS.map((from) => [key(from), from] as const))('from %s', (_label, from) => {
    it.each(ALL_PAIRS.map((to) => [key(to), to] as const))('to %s', (_to, target) => {
      const to = { ...target, statusReason: REASON };
      const move = `${key(from)} -> ${key(to)}`;
      if (LEGAL.has(move)) {
        expect(transitionProblem(from, to)).toBeNull();
        expect(moveReferral(from, to)).toEqual({
          status: to.status,
          substatus: to.substatus,
          statusReason: REASON,
        });
      } else {
        expect(transitionProblem(from, to)).toEqual(expect.any(String));
        expect(() => moveReferral(from, to)).toThrow(IllegalReferralTransitionError);
        expect(() => moveReferral(from, to)).toThrow(`from ${key(from)} to ${key(to)}`);
      }
    });
  });

  it('accepts only a new referral, as Active/Accepted', () => {
    expect(acceptReferral({ status: 'New', substatus: 'Received' })).toEqual({
      status: 'Active',
      substatus: 'Accepted',
      statusReason: null,
    });
    expect(() => acceptReferral({ status: 'Active', substatus: 'Accepted' })).toThrow(
      /only a new referral can be accepted/,
    );
    expect(() => acceptReferral({ status: 'Closed', substatus: 'Declined' })).toThrow(
      IllegalReferralTransitionError,
    );
  });

  it('declines as Closed/Declined carrying the reason, and refuses a blank reason', () => {
    expect(declineReferral({ status: 'New', substatus: 'Pending' }, REASON)).toEqual({
      status: 'Closed',
      substatus: 'Declined',
      statusReason: REASON,
    });
    expect(() => declineReferral({ status: 'New', substatus: 'Pending' }, '   ')).toThrow(
      /needs a statusReason/,
    );
    expect(() => declineReferral({ status: 'Active', substatus: 'Accepted' }, REASON)).toThrow(
      /closes as Won or Lost/,
    );
  });

  it('wins or loses only after acceptance, and never reopens a closed referral', () => {
    expect(closeReferral({ status: 'Active', substatus: 'Accepted' }, 'Won').substatus).toBe('Won');
    expect(() => closeReferral({ status: 'New', substatus: 'Pending' }, 'Won')).toThrow(
      /accept it first/,
    );
    expect(() =>
      moveReferral(
        { status: 'Closed', substatus: 'Won' },
        { status: 'Active', substatus: 'Accepted' },
      ),
    ).toThrow(/terminal/);
    expect(() =>
      moveReferral(
        { status: 'New', substatus: 'Received' },
        { status: 'New', substatus: 'Pending' },
      ),
    ).toThrow(/cannot return to pending/);
  });

  it('maps every known pair to a canonical engagement status', () => {
    const mapped = Object.fromEntries(
      ALL_PAIRS.filter(isValidPair).map((s) => [key(s), engagementStatusOf(s)]),
    );
    expect(mapped).toEqual({
      'None/None': 'Draft',
      'New/Pending': 'Submitted',
      'New/Received': 'In review',
      'Active/Accepted': 'Accepted',
      'Closed/Won': 'Won',
      'Closed/Lost': 'Lost',
      'Closed/Declined': 'Rejected',
      'Closed/Expired': 'Expired',
    });
    for (const status of Object.values(mapped)) expect(ENGAGEMENT_STATUSES).toContain(status);
  });

  it('falls back on the status for a substatus it does not know, and gives null for an unknown status', () => {
    expect(engagementStatusOf({ status: 'Active', substatus: 'Engaged' })).toBe('Accepted');
    expect(engagementStatusOf({ status: 'Closed', substatus: 'Error' })).toBe('Closed');
    expect(engagementStatusOf({ status: 'Archived', substatus: 'None' })).toBeNull();
  });

  it('places an incoming referral in the inbox by its state', () => {
    expect(triageStatusOf({ status: 'New', substatus: 'Received' })).toBe('New');
    expect(triageStatusOf({ status: 'Active', substatus: 'Accepted' })).toBe('Accepted');
    expect(triageStatusOf({ status: 'Closed', substatus: 'Declined' })).toBe('Declined');
    expect(triageStatusOf({ status: 'Closed', substatus: 'Expired' })).toBe('Expired');
    expect(triageStatusOf({ status: 'Closed', substatus: 'Won' })).toBe('Accepted');
  });
});
