// Turns an incoming Microsoft referral (as Partner Center returns it) into the canonical inbound
// referral the triage inbox works on, naming the Microsoft seller's field layer when the data allows.
import { InboundReferral, type Finding } from '../../core/model.js';
import { inferSourceLayer } from '../../core/triage/source-layer.js';
import { REFERRAL_FIELDS } from '../../core/salesforce-fields.js';
import { jsonPath } from '../findings.js';
import { opportunityIdOf } from './co-sell.js';
import { ReferralReadBack, type ReferralMember } from './schema.js';
import { triageStatusOf } from './status.js';
import { microsoftSchemaFindings } from './wire-format.js';

export type InboundParseResult =
  | { ok: true; referral: InboundReferral; findings: Finding[] }
  | { ok: false; findings: Finding[] };

/** The Microsoft seller who sent it: the first team member with a Microsoft address, else the first member. */
function senderOf(
  team: readonly ReferralMember[],
): { member: ReferralMember; index: number } | null {
  const index = team.findIndex((member) => /@microsoft\.com$/i.test(member.email ?? ''));
  const chosen = index >= 0 ? index : team.length > 0 ? 0 : -1;
  const member = team[chosen];
  return member ? { member, index: chosen } : null;
}

function fullName(member: ReferralMember): string | null {
  const name = [member.firstName, member.lastName].filter((part) => part?.trim()).join(' ');
  return name || null;
}

/**
 * Parses a referral read back from Partner Center into an `InboundReferral`. Refuses (ok: false, with
 * findings at JSON paths) a payload that is not a referral or a referral we sent ourselves.
 */
export function parseIncomingReferral(payload: unknown): InboundParseResult {
  const parsed = ReferralReadBack.safeParse(payload);
  if (!parsed.success) {
    return { ok: false, findings: microsoftSchemaFindings(ReferralReadBack, payload) };
  }
  const wire = parsed.data;
  if (wire.direction === 'Outgoing') {
    return {
      ok: false,
      findings: [
        {
          code: 'MICROSOFT_NOT_INCOMING',
          severity: 'error',
          cloud: 'Microsoft',
          path: '$.direction',
          message:
            'this referral was sent by us (Outgoing); only incoming referrals enter the inbox',
        },
      ],
    };
  }

  const findings: Finding[] = [];
  const sender = senderOf(wire.team ?? []);
  const inference = sender
    ? inferSourceLayer({
        title: sender.member.title ?? null,
        role: null,
        email: sender.member.email ?? null,
        hint: null,
      })
    : { layer: null, matched: null, confidence: 'none' as const };
  const senderPath = sender ? jsonPath(['team', sender.index, 'title']) : jsonPath(['team']);
  if (inference.layer === null) {
    findings.push({
      code: 'MICROSOFT_SOURCE_LAYER_UNKNOWN',
      severity: 'warning',
      cloud: 'Microsoft',
      path: senderPath,
      field: REFERRAL_FIELDS.sourceLayer,
      message: sender
        ? `classify the source: "${sender.member.title ?? sender.member.email ?? 'the sender'}" does not say which Microsoft field layer sent this referral`
        : 'classify the source: the referral names no Microsoft seller',
    });
  } else if (inference.confidence === 'low') {
    findings.push({
      code: 'MICROSOFT_SOURCE_LAYER_UNSURE',
      severity: 'info',
      cloud: 'Microsoft',
      path: senderPath,
      field: REFERRAL_FIELDS.sourceLayer,
      message: `source layer guessed as ${inference.layer} from "${inference.matched ?? ''}"; confirm it`,
    });
  }

  const substatus = wire.substatus;
  const triageStatus = triageStatusOf({ status: wire.status, substatus });
  const dealValue = wire.details.dealValue;
  const currency = wire.details.currency;
  const referral = InboundReferral.parse({
    cloud: 'Microsoft',
    portalId: wire.id,
    receivedAt: wire.createdDateTime,
    customerName: wire.customerProfile.name,
    customerCountry: wire.customerProfile.address.country,
    title: wire.name ?? null,
    description: wire.details.notes ?? null,
    estimatedValue:
      typeof dealValue === 'number' && currency
        ? { amount: dealValue, currencyIsoCode: currency }
        : null,
    sourceLayer: inference.layer,
    referrer: {
      name: sender ? fullName(sender.member) : null,
      email: sender?.member.email ?? null,
      title: sender?.member.title ?? null,
    },
    triageStatus,
    decidedAt:
      triageStatus === 'New'
        ? null
        : (wire.closedDateTime ?? wire.acceptedDateTime ?? wire.updatedDateTime ?? null),
    feedback: substatus === 'Declined' ? (wire.statusReason ?? null) : null,
    opportunityId: opportunityIdOf(wire),
  });
  return { ok: true, referral, findings };
}
