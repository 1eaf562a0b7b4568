// Request shapes the ACE emulator checks for the read operations the generated schemas do not cover
// (they were generated for what we send as payloads), written with the same Smithy-trait builders
// so a bad filter is refused with the same wording as a bad opportunity body.
import type { z } from 'zod';
import {
  InvitationStatus_VALUES,
  EngagementInvitationPayloadType_VALUES,
  ParticipantType_VALUES,
  ReviewStatus_VALUES,
  Stage_VALUES,
} from '../../portals/aws/generated/ace-schemas.js';
import {
  dateTime,
  integer,
  listOf,
  oneOf,
  optional,
  structure,
  text,
} from '../../portals/aws/smithy-zod.js';

const catalog = text({ pattern: /^[a-zA-Z]+$/u, patternText: 'letters only, e.g. AWS or Sandbox' });
const opportunityId = text({
  pattern: /^O[0-9]{1,19}$/u,
  patternText: 'an ACE opportunity ID such as O1234567',
});
const invitationId = text({
  pattern: /^(?=.{1,255}$)(arn:.*|engi-[0-9a-z]{13})$/u,
  patternText: 'an invitation ID such as engi-0123456789abc',
});
const sortOrder = oneOf(['ASCENDING', 'DESCENDING'] as const, 'request');

/** What every List operation takes: the catalog, a page size up to `max`, the token, and a sort. */
function listing<const S extends readonly [string, ...string[]]>(max: number, sortBy: S) {
  return {
    Catalog: catalog,
    MaxResults: optional(integer({ min: 1, max })),
    NextToken: optional(text()),
    Sort: optional(
      structure({ SortOrder: sortOrder, SortBy: oneOf(sortBy, 'request') }, 'request'),
    ),
  };
}

export const EMULATED_READ_REQUESTS = {
  GetOpportunity: structure({ Catalog: catalog, Identifier: opportunityId }, 'request'),
  GetAwsOpportunitySummary: structure(
    { Catalog: catalog, RelatedOpportunityIdentifier: opportunityId },
    'request',
  ),
  GetEngagementInvitation: structure({ Catalog: catalog, Identifier: invitationId }, 'request'),
  ListOpportunities: structure(
    {
      ...listing(100, [
        'LastModifiedDate',
        'Identifier',
        'CustomerCompanyName',
        'CreatedDate',
        'TargetCloseDate',
      ] as const),
      LastModifiedDate: optional(
        structure(
          {
            AfterLastModifiedDate: optional(dateTime()),
            BeforeLastModifiedDate: optional(dateTime()),
          },
          'request',
        ),
      ),
      Identifier: optional(listOf(opportunityId, { max: 20 })),
      LifeCycleStage: optional(listOf(oneOf(Stage_VALUES, 'request'), { max: 10 })),
      LifeCycleReviewStatus: optional(listOf(oneOf(ReviewStatus_VALUES, 'request'), { max: 10 })),
      CustomerCompanyName: optional(listOf(text(), { max: 10 })),
      CreatedDate: optional(
        structure(
          { AfterCreatedDate: optional(dateTime()), BeforeCreatedDate: optional(dateTime()) },
          'request',
        ),
      ),
      TargetCloseDate: optional(
        structure(
          { AfterTargetCloseDate: optional(text()), BeforeTargetCloseDate: optional(text()) },
          'request',
        ),
      ),
    },
    'request',
  ),
  ListEngagementInvitations: structure(
    {
      ...listing(100, ['InvitationDate'] as const),
      PayloadType: optional(listOf(oneOf(EngagementInvitationPayloadType_VALUES, 'request'))),
      ParticipantType: oneOf(ParticipantType_VALUES, 'request'),
      Status: optional(listOf(oneOf(InvitationStatus_VALUES, 'request'))),
      EngagementIdentifier: optional(listOf(text())),
      SenderAwsAccountId: optional(listOf(text())),
    },
    'request',
  ),
  ListEngagementByAcceptingInvitationTasks: structure(
    {
      ...listing(1000, ['StartTime'] as const),
      TaskStatus: optional(listOf(text())),
      OpportunityIdentifier: optional(listOf(opportunityId)),
      EngagementInvitationIdentifier: optional(listOf(invitationId)),
      TaskIdentifier: optional(listOf(text())),
    },
    'request',
  ),
} satisfies Record<string, z.ZodType>;

export type EmulatedReadOperation = keyof typeof EMULATED_READ_REQUESTS;
export type ListOpportunitiesRequest = z.output<
  (typeof EMULATED_READ_REQUESTS)['ListOpportunities']
>;
export type ListEngagementInvitationsRequest = z.output<
  (typeof EMULATED_READ_REQUESTS)['ListEngagementInvitations']
>;
