// What AWS sent us since the last look: engagement invitations (newest first, until one already
// reported) and AWS referrals created straight in the account, each read into a canonical referral.
// The cursor is this module's own JSON of the newest dates seen.
import {
  GetEngagementInvitationCommand,
  ListEngagementByAcceptingInvitationTasksCommand,
  ListEngagementInvitationsCommand,
  ListOpportunitiesCommand,
} from '@aws-sdk/client-partnercentral-selling';
import { PortalError, type InboundPage } from '../../engine/portal-client.js';
import type {
  GetAwsOpportunitySummaryOutput,
  GetEngagementInvitationOutput,
  GetOpportunityOutput,
} from './generated/ace-schemas.js';
import { referralFromAwsOpportunity, referralFromInvitation } from './inbound.js';
import { wireOf } from './sdk-wire.js';

/** Invitations expire after 15 days, so an older one cannot change any more. */
const INVITATION_LIFETIME_MS = 15 * 24 * 3600 * 1000;

/** The client's calls the listing makes: each paced, timed and turned into PortalErrors by the client. */
export interface AceReads {
  catalog: 'Sandbox' | 'AWS';
  call<T>(command: { input: unknown }): Promise<T>;
  getOpportunity(id: string): Promise<GetOpportunityOutput>;
  getSummary(id: string): Promise<GetAwsOpportunitySummaryOutput>;
}

interface InboundCursor {
  /** Newest InvitationDate already reported. */
  invitations: string | null;
  /** Newest CreatedDate of an AWS-referred opportunity already reported. */
  opportunities: string | null;
}

function parseCursor(cursor: string | null): InboundCursor {
  if (!cursor) return { invitations: null, opportunities: null };
  try {
    const parsed = JSON.parse(cursor) as Partial<InboundCursor>;
    return { invitations: parsed.invitations ?? null, opportunities: parsed.opportunities ?? null };
  } catch {
    throw new PortalError(
      'AWS',
      'validation',
      `the ACE inbound cursor ${JSON.stringify(cursor)} is not one this client issued`,
    );
  }
}

function later(a: string | null, b: string | null | undefined): string | null {
  if (!b) return a;
  if (!a) return b;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

/** One page of inbound referrals after `cursor`, and the cursor to continue from. */
export async function listAceInbound(
  ace: AceReads,
  cursor: string | null,
  now: Date,
): Promise<InboundPage> {
  const { catalog, call, getOpportunity, getSummary } = ace;
  const since = parseCursor(cursor);
  const next: InboundCursor = { ...since };
  const referrals: InboundPage['referrals'] = [];
  // Invitations, newest first, until one older than the cursor.
  let token: string | undefined;
  let done = false;
  do {
    const page: {
      EngagementInvitationSummaries?: Array<{
        Id: string;
        InvitationDate?: Date;
        Status?: string;
      }>;
      NextToken?: string;
    } = await call(
      new ListEngagementInvitationsCommand({
        Catalog: catalog,
        ParticipantType: 'RECEIVER',
        MaxResults: 100,
        Sort: { SortBy: 'InvitationDate', SortOrder: 'DESCENDING' },
        ...(token ? { NextToken: token } : {}),
      }),
    );
    for (const summary of page.EngagementInvitationSummaries ?? []) {
      const at = summary.InvitationDate?.toISOString() ?? null;
      if (since.invitations && at && Date.parse(at) <= Date.parse(since.invitations)) {
        done = true;
        break;
      }
      if (
        at &&
        now.getTime() - Date.parse(at) > INVITATION_LIFETIME_MS &&
        summary.Status !== 'PENDING'
      )
        continue;
      const detail = wireOf<GetEngagementInvitationOutput>(
        await call(
          new GetEngagementInvitationCommand({ Catalog: catalog, Identifier: summary.Id }),
        ),
      );
      const reading = referralFromInvitation(detail, { receivedAt: now.toISOString() });
      if (reading.referral)
        referrals.push({
          referral: reading.referral,
          version: `${detail.Id}:${detail.Status ?? 'PENDING'}`,
          findings: reading.findings,
        });
      next.invitations = later(next.invitations, at);
    }
    token = page.NextToken;
  } while (token && !done);
  // AWS referrals created straight in the account (not by accepting one of the invitations above).
  token = undefined;
  do {
    const page: {
      OpportunitySummaries?: Array<{
        Id?: string;
        CreatedDate?: Date;
        PartnerOpportunityIdentifier?: string;
      }>;
      NextToken?: string;
    } = await call(
      new ListOpportunitiesCommand({
        Catalog: catalog,
        MaxResults: 100,
        Sort: { SortBy: 'CreatedDate', SortOrder: 'ASCENDING' },
        ...(since.opportunities
          ? { CreatedDate: { AfterCreatedDate: new Date(since.opportunities) } }
          : {}),
        ...(token ? { NextToken: token } : {}),
      }),
    );
    for (const summary of page.OpportunitySummaries ?? []) {
      next.opportunities = later(next.opportunities, summary.CreatedDate?.toISOString() ?? null);
      if (!summary.Id || summary.PartnerOpportunityIdentifier) continue;
      const awsSummary = await getSummary(summary.Id);
      if (awsSummary.Origin !== 'AWS Referral') continue;
      const tasks = await call<{ TaskSummaries?: unknown[] }>(
        new ListEngagementByAcceptingInvitationTasksCommand({
          Catalog: catalog,
          OpportunityIdentifier: [summary.Id],
        }),
      );
      if ((tasks.TaskSummaries ?? []).length > 0) continue;
      const opportunity = await getOpportunity(summary.Id);
      const reading = referralFromAwsOpportunity(opportunity, awsSummary);
      if (reading.referral)
        referrals.push({
          referral: reading.referral,
          version: opportunity.LastModifiedDate,
          findings: reading.findings,
        });
    }
    token = page.NextToken;
  } while (token);
  const cursorOut = next.invitations || next.opportunities ? JSON.stringify(next) : null;
  return { referrals, cursor: cursorOut };
}
