// The partner account the ACE emulator holds: opportunities, solutions, engagement invitations and
// tasks per catalog. Built in layers: its records and events (emulator-ledger.ts), its
// opportunities and their review lifecycle (emulator-opportunities.ts), and here the engagement
// invitations AWS sends and the tasks that accept them.
import { LOCKED_REVIEW_STATUSES } from '../../portals/aws/rules.js';
import type { ListEngagementInvitationsRequest } from './emulator-requests.js';
import { AceOpportunityBook } from './emulator-opportunities.js';
import { paginate } from './paging.js';
import {
  AceServiceError,
  clone,
  dayOf,
  SENDER_TITLE_BY_LAYER,
  wrongState,
  type InvitationInput,
  type Json,
  type StoredInvitation,
} from './emulator-records.js';

export * from './emulator-records.js';
export type { AceAccountState } from './emulator-ledger.js';

/** The partner account the ACE emulator holds; its engagement invitations here, the rest in the classes it extends. */
export class AceAccount extends AceOpportunityBook {
  // ---- invitations --------------------------------------------------------------------------

  createInvitation(input: InvitationInput, now: number): Json {
    const catalog = input.catalog ?? 'Sandbox';
    const sender = SENDER_TITLE_BY_LAYER[input.layer ?? 'Account Team'];
    const title = input.senderTitle ?? sender.title;
    const id = `engi-${this.nextDigits(13)}`;
    const engagementId = `eng-${this.nextDigits(14)}`;
    const monthly = input.project?.monthlySpendUsd ?? 42_000;
    const summary: Json = {
      Arn: `arn:aws:partnercentral:us-east-1:${this.options.accountId}:catalog/${catalog}/engagement-invitation/${id}`,
      PayloadType: 'OpportunityInvitation',
      Id: id,
      EngagementId: engagementId,
      EngagementTitle: (input.project?.title ?? 'Contoso Clinics data lakehouse').slice(0, 40),
      Status: 'PENDING',
      InvitationDate: new Date(now).toISOString(),
      ExpirationDate: new Date(now + (input.expiresInDays ?? 15) * 24 * 3600 * 1000).toISOString(),
      SenderAwsAccountId: '999988887777',
      SenderCompanyName: 'Amazon Web Services',
      Receiver: { Account: { AwsAccountId: this.options.accountId } },
      Catalog: catalog,
      ParticipantType: 'RECEIVER',
    };
    const { ParticipantType: _p, ...detailBase } = summary;
    const detail: Json = {
      ...detailBase,
      InvitationMessage:
        input.message ??
        `Referral from ${title}: the customer wants help moving their analytics estate this quarter.`,
      Payload: {
        OpportunityInvitation: {
          SenderContacts: [
            {
              Email: `${sender.first.toLowerCase()}.${sender.last.toLowerCase()}@amazon.com`,
              FirstName: sender.first,
              LastName: sender.last,
              BusinessTitle: title,
            },
          ],
          ReceiverResponsibilities: ['Software Partner'],
          Customer: {
            Industry: input.customer?.industry ?? 'Healthcare',
            CompanyName: input.customer?.companyName ?? 'Contoso Clinics',
            WebsiteUrl: input.customer?.websiteUrl ?? 'https://www.contoso-clinics.example.com',
            CountryCode: input.customer?.countryCode ?? 'US',
          },
          Project: {
            Title: input.project?.title ?? 'Contoso Clinics data lakehouse',
            BusinessProblem:
              input.project?.businessProblem ??
              'Claims and EHR extracts sit in three on-premises warehouses; analysts wait days for reports and the hardware lease ends in June.',
            TargetCompletionDate:
              input.project?.targetCompletionDate ?? dayOf(now + 120 * 24 * 3600 * 1000),
            ExpectedCustomerSpend: [
              {
                Amount: String(monthly),
                CurrencyCode: 'USD',
                Frequency: 'Monthly',
                TargetCompany: 'AWS',
              },
            ],
          },
        },
      },
    };
    const invitation: StoredInvitation = { summary, detail, acceptTask: null, acceptToken: null };
    this.invitations.set(this.key(catalog, id), invitation);
    this.invitationEvent('Created', invitation, now);
    return clone(detail);
  }

  /** Control: an AWS referral created straight in the partner account (Sandbox "Origin: AWS Referral"). */
  createAwsReferral(body: Json, now: number): Json {
    const stored = this.insertOpportunity(body, now, 'AWS Referral', null);
    return clone(stored.record);
  }

  protected findInvitation(catalog: unknown, id: unknown): StoredInvitation {
    const key = String(id).startsWith('arn:')
      ? [...this.invitations.entries()].find(([, i]) => i.summary.Arn === id)?.[0]
      : this.key(catalog, id);
    const invitation = key ? this.invitations.get(key) : undefined;
    if (!invitation || invitation.summary.Catalog !== catalog) {
      throw new AceServiceError(
        'ResourceNotFoundException',
        404,
        `Engagement invitation ${String(id)} does not exist in the ${String(catalog)} catalog.`,
      );
    }
    return invitation;
  }

  listEngagementInvitations(body: ListEngagementInvitationsRequest): Json {
    const rows = [...this.invitations.values()]
      .map((i) => i.summary)
      .filter((s) => s.Catalog === body.Catalog && s.ParticipantType === body.ParticipantType)
      .filter((s) => !body.Status || (body.Status as readonly string[]).includes(String(s.Status)))
      .filter(
        (s) =>
          !body.PayloadType ||
          (body.PayloadType as readonly string[]).includes(String(s.PayloadType)),
      )
      .filter(
        (s) =>
          !body.EngagementIdentifier || body.EngagementIdentifier.includes(String(s.EngagementId)),
      )
      .filter(
        (s) =>
          !body.SenderAwsAccountId ||
          body.SenderAwsAccountId.includes(String(s.SenderAwsAccountId)),
      )
      .sort(
        (a, b) =>
          Date.parse(String(a.InvitationDate)) - Date.parse(String(b.InvitationDate)) ||
          (String(a.Id) < String(b.Id) ? -1 : 1),
      );
    if (body.Sort?.SortOrder !== 'ASCENDING') rows.reverse();
    const { page, next } = paginate(
      rows,
      body.MaxResults ?? 20,
      body.NextToken,
      'ListEngagementInvitations',
    );
    return { EngagementInvitationSummaries: clone(page), ...(next ? { NextToken: next } : {}) };
  }

  getEngagementInvitation(body: Json): Json {
    return clone(this.findInvitation(body.Catalog, body.Identifier).detail);
  }

  startEngagementByAcceptingInvitationTask(body: Json, now: number): Json {
    const invitation = this.findInvitation(body.Catalog, body.Identifier);
    if (invitation.acceptTask && invitation.acceptToken === body.ClientToken)
      return clone(invitation.acceptTask);
    if (invitation.summary.Status !== 'PENDING') {
      throw wrongState(
        `Invitation ${String(body.Identifier)} is ${String(invitation.summary.Status)}; only a pending invitation can be accepted.`,
      );
    }
    const payload = (invitation.detail.Payload as Json).OpportunityInvitation as Json;
    const customer = payload.Customer as Json;
    const project = payload.Project as Json;
    const stored = this.insertOpportunity(
      {
        Catalog: body.Catalog,
        Customer: {
          Account: {
            CompanyName: customer.CompanyName,
            Industry: customer.Industry,
            WebsiteUrl: customer.WebsiteUrl,
            Address: { CountryCode: customer.CountryCode },
          },
        },
        Project: {
          Title: project.Title,
          CustomerBusinessProblem: project.BusinessProblem,
          ExpectedCustomerSpend: project.ExpectedCustomerSpend,
        },
        LifeCycle: { Stage: 'Qualified', TargetCloseDate: project.TargetCompletionDate },
      },
      now,
      'AWS Referral',
      null,
    );
    invitation.summary.Status = 'ACCEPTED';
    invitation.detail.Status = 'ACCEPTED';
    invitation.acceptToken = String(body.ClientToken);
    invitation.acceptTask = {
      TaskId: `task-${this.nextDigits(13)}`,
      TaskArn: `arn:aws:partnercentral:us-east-1:${this.options.accountId}:catalog/${String(body.Catalog)}/engagement-by-accepting-invitation-task/task-${this.sequence}`,
      StartTime: new Date(now).toISOString(),
      TaskStatus: 'COMPLETE',
      OpportunityId: stored.record.Id,
      EngagementInvitationId: invitation.summary.Id,
    };
    this.invitationEvent('Accepted', invitation, now);
    return clone(invitation.acceptTask);
  }

  listEngagementByAcceptingInvitationTasks(body: Json): Json {
    const opportunities = body.OpportunityIdentifier as string[] | undefined;
    const invitationIds = body.EngagementInvitationIdentifier as string[] | undefined;
    const tasks = [...this.invitations.values()]
      .filter((i) => i.acceptTask && i.summary.Catalog === body.Catalog)
      .map((i) => i.acceptTask as Json)
      .filter((t) => !opportunities || opportunities.includes(String(t.OpportunityId)))
      .filter((t) => !invitationIds || invitationIds.includes(String(t.EngagementInvitationId)));
    return { TaskSummaries: clone(tasks) };
  }

  rejectEngagementInvitation(body: Json, now: number): Json {
    const invitation = this.findInvitation(body.Catalog, body.Identifier);
    if (invitation.summary.Status === 'REJECTED') return {};
    if (invitation.summary.Status !== 'PENDING') {
      throw wrongState(
        `Invitation ${String(body.Identifier)} is ${String(invitation.summary.Status)}; only a pending invitation can be rejected.`,
      );
    }
    invitation.summary.Status = 'REJECTED';
    invitation.detail.Status = 'REJECTED';
    if (typeof body.RejectionReason === 'string')
      invitation.detail.RejectionReason = body.RejectionReason;
    this.invitationEvent('Rejected', invitation, now);
    return {};
  }

  /** Counts for tests: opportunities per catalog and partner id, so a duplicate shows. */
  opportunityCount(catalog?: string): number {
    return [...this.opportunities.values()].filter((s) => !catalog || s.record.Catalog === catalog)
      .length;
  }

  isLocked(id: string): boolean {
    const stored = [...this.opportunities.values()].find((s) => s.record.Id === id);
    return stored
      ? (LOCKED_REVIEW_STATUSES as readonly string[]).includes(this.reviewOf(stored))
      : false;
  }
}
