// Every ACE lifecycle value the model knows lands on a canonical engagement status, and the
// combinations that matter to an alliance manager read the way they would say them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { ENGAGEMENT_STATUSES } from '../../../middleware/src/core/model.js';
import {
  AWS_CLOSED_LOST_REASON_TO_ENGAGEMENT,
  AWS_STAGE_OUTCOME,
  CLOSED_LOST_REASON_TO_ENGAGEMENT,
  REVIEW_STATUS_TO_ENGAGEMENT,
  STAGE_OUTCOME,
  awsSideStatusOf,
  engagementStatusOf,
} from '../../../middleware/src/portals/aws/status.js';

const model = JSON.parse(
  readFileSync(
    new URL(
      '../../../../shared/contracts/aws/partnercentral-selling-2022-07-26.json',
      import.meta.url,
    ),
    'utf8',
  ),
) as {
  shapes: Record<string, { members?: Record<string, { traits?: Record<string, unknown> }> }>;
};
const enumOf = (name: string): string[] =>
  Object.values(model.shapes[`com.amazonaws.partnercentralselling#${name}`]!.members!).map(
    (m) => m.traits!['smithy.api#enumValue'] as string,
  );

describe('tables are exhaustive over the model enums', () => {
  it.each<[string, Record<string, unknown>]>([
    ['ReviewStatus', REVIEW_STATUS_TO_ENGAGEMENT],
    ['Stage', STAGE_OUTCOME],
    ['ClosedLostReason', CLOSED_LOST_REASON_TO_ENGAGEMENT],
    ['AwsOpportunityStage', AWS_STAGE_OUTCOME],
    ['AwsClosedLostReason', AWS_CLOSED_LOST_REASON_TO_ENGAGEMENT],
  ])('%s: every model value has a row, and no row is invented', (name, table) => {
    expect(Object.keys(table).sort()).toEqual(enumOf(name).sort());
  });

  it('every (stage, review status, reason) the partner model allows maps to a canonical status', () => {
    for (const Stage of enumOf('Stage')) {
      for (const ReviewStatus of enumOf('ReviewStatus')) {
        for (const ClosedLostReason of [null, ...enumOf('ClosedLostReason')]) {
          const reading = engagementStatusOf({ Stage, ReviewStatus, ClosedLostReason });
          expect(ENGAGEMENT_STATUSES).toContain(reading.status);
          expect(reading.findings).toEqual([]);
        }
      }
    }
  });

  it('every AWS-side (stage, reason) maps to a canonical status', () => {
    for (const Stage of enumOf('AwsOpportunityStage')) {
      for (const ClosedLostReason of [null, ...enumOf('AwsClosedLostReason')]) {
        expect(ENGAGEMENT_STATUSES).toContain(awsSideStatusOf({ Stage, ClosedLostReason }).status);
      }
    }
  });
});

describe('partner opportunity lifecycle', () => {
  it.each([
    [{ Stage: 'Prospect' }, 'Draft'],
    [{ Stage: 'Qualified', ReviewStatus: 'Pending Submission' }, 'Draft'],
    [{ Stage: 'Qualified', ReviewStatus: 'Submitted' }, 'Submitted'],
    [{ Stage: 'Qualified', ReviewStatus: 'In review' }, 'In review'],
    [{ Stage: 'Qualified', ReviewStatus: 'Action Required' }, 'Action required'],
    [{ Stage: 'Technical Validation', ReviewStatus: 'Approved' }, 'Accepted'],
    [{ Stage: 'Qualified', ReviewStatus: 'Rejected' }, 'Rejected'],
    [{ Stage: 'Closed Lost', ReviewStatus: 'Rejected' }, 'Rejected'],
    [{ Stage: 'Launched', ReviewStatus: 'Approved' }, 'Won'],
    [
      {
        Stage: 'Closed Lost',
        ReviewStatus: 'Approved',
        ClosedLostReason: 'Lost to Competitor - Microsoft',
      },
      'Lost',
    ],
    [
      { Stage: 'Closed Lost', ReviewStatus: 'Approved', ClosedLostReason: 'No Opportunity' },
      'Closed',
    ],
    [{ Stage: 'Closed Lost', ReviewStatus: 'Approved' }, 'Lost'],
    [
      { Stage: 'Closed Lost', ReviewStatus: 'Pending Submission', ClosedLostReason: 'Price' },
      'Closed',
    ],
  ])('%j → %s', (lifeCycle, expected) => {
    expect(engagementStatusOf(lifeCycle)).toEqual({ status: expected, findings: [] });
  });

  it('reads a missing lifecycle as a draft', () => {
    expect(engagementStatusOf(undefined).status).toBe('Draft');
  });

  it('flags a review status newer than the model instead of guessing', () => {
    expect(engagementStatusOf({ Stage: 'Qualified', ReviewStatus: 'Escalated' })).toEqual({
      status: null,
      findings: [
        expect.objectContaining({
          code: 'AWS_UNKNOWN_STATUS_VALUE',
          path: '$.LifeCycle.ReviewStatus',
          severity: 'warning',
        }),
      ],
    });
  });

  it('still calls a closed-lost deal lost when the reason is newer than the model, and says so', () => {
    const reading = engagementStatusOf({
      Stage: 'Closed Lost',
      ReviewStatus: 'Approved',
      ClosedLostReason: 'Budget Freeze',
    });
    expect(reading.status).toBe('Lost');
    expect(reading.findings.map((f) => f.path)).toEqual(['$.LifeCycle.ClosedLostReason']);
  });
});

describe("AWS's side (GetAwsOpportunitySummary)", () => {
  it.each([
    [{ Stage: 'Seller Engaged' }, 'Accepted'],
    [{ Stage: 'Completed' }, 'Won'],
    [{ Stage: 'Deferred to Partner' }, 'Closed'],
    [{ Stage: 'Closed Lost', ClosedLostReason: 'Past Due' }, 'Expired'],
    [{ Stage: 'Closed Lost', ClosedLostReason: 'Duplicate Opportunity' }, 'Closed'],
    [{ Stage: 'Closed Lost', ClosedLostReason: 'Lost to Competitor - Google' }, 'Lost'],
  ])('%j → %s', (lifeCycle, expected) => {
    expect(awsSideStatusOf(lifeCycle).status).toBe(expected);
  });

  it('has no status before AWS sets a stage', () => {
    expect(awsSideStatusOf({})).toEqual({ status: null, findings: [] });
  });
});
