// Turns what AWS sends us (an engagement invitation, or an opportunity AWS referred) into the
// canonical inbound referral, with the AWS sender's field layer inferred or flagged for triage.
import {
  InboundReferral,
  Referrer,
  type Finding,
  type Money,
  type TriageStatus,
} from '../../core/model.js';
import { inferSourceLayer } from '../../core/triage/source-layer.js';
import type {
  GetAwsOpportunitySummaryOutput,
  GetEngagementInvitationOutput,
  GetOpportunityOutput,
} from './generated/ace-schemas.js';

export interface InboundReading {
  /** Null when the payload carries nothing a referral can be built from; the findings say why. */
  referral: InboundReferral | null;
  findings: Finding[];
}

/** Invitation status → where the referral stands in the ISV's inbox. */
export const INVITATION_STATUS_TO_TRIAGE: Record<
  'PENDING' | 'ACCEPTED' | 'REJECTED' | 'EXPIRED',
  TriageStatus
> = {
  PENDING: 'New',
  ACCEPTED: 'Accepted',
  REJECTED: 'Declined',
  EXPIRED: 'Expired',
};

/** ACE's codes for the AWS people on an opportunity, in words the layer inference understands. */
export const AWS_TEAM_TITLES: Record<string, string> = {
  AWSSalesRep: 'AWS Sales Representative',
  AWSAccountOwner: 'AWS Account Manager',
  PDM: 'Partner Development Manager',
  WWPSPDM: 'WWPS Partner Development Manager',
  PSM: 'Partner Sales Manager',
  ISVSM: 'ISV Success Manager',
};

/** Who most likely referred an AWS-originated deal: the seller first, the partner team after. */
const REFERRER_PREFERENCE = ['AWSSalesRep', 'AWSAccountOwner', 'PSM', 'PDM', 'WWPSPDM', 'ISVSM'];

/** `https://www.Northwind-Analytics.com/about` → `northwind-analytics.com`. */
export function customerDomainOf(websiteUrl: string | null | undefined): string | null {
  if (!websiteUrl) return null;
  const host =
    websiteUrl
      .trim()
      .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
      .split(/[/?#:]/)[0]
      ?.toLowerCase() ?? '';
  const domain = host.replace(/^www\./, '');
  return domain.includes('.') ? domain : null;
}

/** The invited customer as the referral names it (an invitation's opportunity and lead alike). */
function customerOf(customer: {
  CompanyName: string;
  WebsiteUrl?: string | null;
  CountryCode?: string | null;
}): Pick<InboundReferral, 'customerName' | 'customerDomain' | 'customerCountry'> {
  return {
    customerName: customer.CompanyName,
    customerDomain: customerDomainOf(customer.WebsiteUrl),
    customerCountry: customer.CountryCode ?? null,
  };
}

/**
 * ACE expected spend is monthly; the referral's estimated value is the annual run rate (12 × the
 * monthly amounts in the first entry's currency), the figure triage compares with thresholds.
 */
export function annualValueOf(
  spend: ReadonlyArray<{ Amount?: string | null; CurrencyCode?: string | null }> | null | undefined,
): Money | null {
  const first = spend?.find((entry) => entry.Amount && entry.CurrencyCode);
  if (!spend || !first?.CurrencyCode) return null;
  const monthly = spend
    .filter((entry) => entry.CurrencyCode === first.CurrencyCode && entry.Amount)
    .reduce((sum, entry) => sum + Number(entry.Amount), 0);
  return { amount: Math.round(monthly * 12 * 100) / 100, currencyIsoCode: first.CurrencyCode };
}

function fullName(first?: string | null, last?: string | null): string | null {
  const name = [first, last]
    .filter((part) => part && part.trim())
    .join(' ')
    .trim();
  return name || null;
}

interface Sender {
  name: string | null;
  email: string | null;
  title: string | null;
  role?: string | null;
  hint?: string | null;
  path: string;
}

function layerOf(sender: Sender | null): {
  layer: InboundReferral['sourceLayer'];
  findings: Finding[];
} {
  const inference = sender
    ? inferSourceLayer({
        title: sender.title,
        role: sender.role ?? null,
        email: sender.email,
        hint: sender.hint ?? null,
      })
    : null;
  if (inference?.layer) return { layer: inference.layer, findings: [] };
  const who = sender?.title ? `"${sender.title}"` : 'no title';
  return {
    layer: null,
    findings: [
      {
        code: 'AWS_REFERRER_LAYER_UNKNOWN',
        severity: 'warning',
        cloud: 'AWS',
        path: sender?.path ?? '$',
        message: `Could not tell which part of AWS sent this referral (sender has ${who}); set the source layer by hand before triage.`,
      },
    ],
  };
}

function emailOrNull(email: string | null | undefined): string | null {
  // The canonical model validates e-mail strictly; ACE's sender e-mail pattern is looser.
  return email && Referrer.shape.email.safeParse(email).success ? email : null;
}

/** The AWS person who sent the referral, as the canonical referrer. */
function referrerOf(sender: Sender | null): Referrer {
  return {
    name: sender?.name ?? null,
    email: emailOrNull(sender?.email),
    title: sender?.title ?? null,
  };
}

/**
 * GetEngagementInvitation → referral. Before acceptance ACE hides the address and contacts, so the
 * referral holds what triage needs: customer, problem, spend, deadline and the sender.
 */
export function referralFromInvitation(
  invitation: GetEngagementInvitationOutput,
  options: { receivedAt?: string } = {},
): InboundReading {
  const findings: Finding[] = [];
  const receivedAt = invitation.InvitationDate ?? options.receivedAt;
  const payload = invitation.Payload ?? {};
  const triage =
    invitation.Status && Object.hasOwn(INVITATION_STATUS_TO_TRIAGE, invitation.Status)
      ? INVITATION_STATUS_TO_TRIAGE[invitation.Status as keyof typeof INVITATION_STATUS_TO_TRIAGE]
      : 'New';
  const base = {
    cloud: 'AWS' as const,
    portalId: invitation.Id,
    receivedAt,
    responseDue: invitation.ExpirationDate ?? null,
    triageStatus: triage,
  };

  if (!receivedAt) {
    return {
      referral: null,
      findings: [
        {
          code: 'AWS_INVITATION_DATE_MISSING',
          severity: 'error',
          cloud: 'AWS',
          path: '$.InvitationDate',
          message: 'The invitation has no date; pass receivedAt so the referral can be dated.',
        },
      ],
    };
  }
  const opportunity = payload.OpportunityInvitation;
  if (opportunity) {
    const contact = opportunity.SenderContacts?.[0];
    const sender: Sender | null = contact
      ? {
          name: fullName(contact.FirstName, contact.LastName),
          email: contact.Email,
          title: contact.BusinessTitle ?? null,
          hint: invitation.InvitationMessage ?? null,
          path: '$.Payload.OpportunityInvitation.SenderContacts[0].BusinessTitle',
        }
      : null;
    const { layer, findings: layerFindings } = layerOf(
      sender ?? {
        name: null,
        email: null,
        title: null,
        path: '$.Payload.OpportunityInvitation.SenderContacts',
      },
    );
    findings.push(...layerFindings);
    const referral = InboundReferral.parse({
      ...base,
      ...customerOf(opportunity.Customer),
      title: opportunity.Project.Title,
      description: opportunity.Project.BusinessProblem,
      estimatedValue: annualValueOf(opportunity.Project.ExpectedCustomerSpend),
      sourceLayer: layer,
      referrer: referrerOf(sender),
    });
    return { referral, findings };
  }
  const lead = payload.LeadInvitation;
  if (lead) {
    const sender: Sender = {
      name: null,
      email: null,
      title: lead.Interaction.ContactBusinessTitle || null,
      hint: lead.Interaction.SourceType,
      path: '$.Payload.LeadInvitation.Interaction.ContactBusinessTitle',
    };
    const { layer, findings: layerFindings } = layerOf(sender);
    findings.push(...layerFindings);
    const referral = InboundReferral.parse({
      ...base,
      ...customerOf(lead.Customer),
      title: lead.Interaction.Usecase ?? lead.Interaction.SourceName,
      description: invitation.EngagementDescription ?? null,
      sourceLayer: layer,
      referrer: { name: null, email: null, title: sender.title },
    });
    return { referral, findings };
  }
  return {
    referral: null,
    findings: [
      {
        code: 'AWS_INVITATION_PAYLOAD_UNKNOWN',
        severity: 'warning',
        cloud: 'AWS',
        path: '$.Payload',
        message: `Invitation ${invitation.Id} carries ${invitation.PayloadType ?? 'no'} payload this version cannot read; open it in Partner Central.`,
      },
    ],
  };
}

/**
 * An opportunity AWS referred to us (Origin "AWS Referral", e.g. after accepting an invitation) →
 * referral. The AWS people come from GetAwsOpportunitySummary when it was read.
 */
export function referralFromAwsOpportunity(
  opportunity: GetOpportunityOutput,
  summary?: GetAwsOpportunitySummaryOutput | null,
): InboundReading {
  // GetOpportunity does not return Origin; AWS's summary of the same opportunity does.
  const origin = summary?.Origin;
  if (origin !== undefined && origin !== null && origin !== 'AWS Referral') {
    return {
      referral: null,
      findings: [
        {
          code: 'AWS_NOT_AN_AWS_REFERRAL',
          severity: 'error',
          cloud: 'AWS',
          path: '$.Origin',
          message: `Opportunity ${opportunity.Id} was created by the partner (${origin}), not referred by AWS.`,
        },
      ],
    };
  }
  const account = opportunity.Customer?.Account;
  if (!account?.CompanyName) {
    return {
      referral: null,
      findings: [
        {
          code: 'AWS_REFERRAL_CUSTOMER_MISSING',
          severity: 'error',
          cloud: 'AWS',
          path: '$.Customer.Account.CompanyName',
          message: `Opportunity ${opportunity.Id} has no customer company name, so it cannot become a referral.`,
        },
      ],
    };
  }
  const team = summary?.OpportunityTeam ?? [];
  const rank = (title: string | null | undefined): number => {
    const index = REFERRER_PREFERENCE.indexOf(title ?? '');
    return index === -1 ? REFERRER_PREFERENCE.length : index;
  };
  const ordered = team
    .map((member, index) => ({ member, index }))
    .sort((a, b) => rank(a.member.BusinessTitle) - rank(b.member.BusinessTitle));
  const chosen = ordered[0];
  const sender: Sender | null = chosen
    ? {
        name: fullName(chosen.member.FirstName, chosen.member.LastName),
        email: chosen.member.Email ?? null,
        title:
          AWS_TEAM_TITLES[chosen.member.BusinessTitle ?? ''] ?? chosen.member.BusinessTitle ?? null,
        hint: chosen.member.BusinessTitle ?? null,
        path: `$.OpportunityTeam[${chosen.index}].BusinessTitle`,
      }
    : null;
  const { layer, findings } = layerOf(
    sender ?? { name: null, email: null, title: null, path: '$.OpportunityTeam' },
  );
  const referral = InboundReferral.parse({
    cloud: 'AWS',
    portalId: opportunity.Id,
    receivedAt: opportunity.CreatedDate,
    customerName: account.CompanyName,
    customerDomain: customerDomainOf(account.WebsiteUrl),
    customerCountry: account.Address?.CountryCode ?? null,
    title: opportunity.Project?.Title ?? null,
    description: opportunity.Project?.CustomerBusinessProblem ?? null,
    estimatedValue: annualValueOf(opportunity.Project?.ExpectedCustomerSpend),
    sourceLayer: layer,
    referrer: referrerOf(sender),
  });
  return { referral, findings };
}
