// Turns an opportunity Google created (and the Pub/Sub push announcing it) into the canonical inbound
// referral the triage inbox works on; Google does not give the sender's role, so the layer is left to
// the named-counterpart lookup at intake or to a person.
import { InboundReferral, type Finding } from '../../core/model.js';
import { REFERRAL_FIELDS } from '../../core/salesforce-fields.js';
import { OpportunityReadBack, OpportunitySubscriberEvent, PubSubPushBody } from './schema.js';
import { amountFromMoney } from './values.js';
import { decodePushData, googleSchemaFindings } from './wire-format.js';

export type GoogleInboundResult =
  | { ok: true; referral: InboundReferral; findings: Finding[] }
  | { ok: false; findings: Finding[] };

export interface OpportunityEventNotice {
  eventType: 'CREATED' | 'UPDATED' | 'PARTNER_DETACHED';
  /** `opportunities/{id}`: GET it for the content. */
  opportunity: string;
  partner: string;
  messageId: string;
  publishTime: string;
}

function refusal(code: string, path: string, message: string): { ok: false; findings: Finding[] } {
  return { ok: false, findings: [{ code, severity: 'error', cloud: 'Google', path, message }] };
}

/** Reads a Pub/Sub push body: which opportunity changed and how. The push never carries the opportunity itself. */
export function parseOpportunityPush(
  body: unknown,
): { ok: true; notice: OpportunityEventNotice } | { ok: false; findings: Finding[] } {
  const push = PubSubPushBody.safeParse(body);
  if (!push.success) return { ok: false, findings: googleSchemaFindings(PubSubPushBody, body) };
  const decoded = decodePushData(body);
  if ('problem' in decoded)
    return refusal('GOOGLE_PUSH_DATA_INVALID', '$.message.data', decoded.problem);
  const event = OpportunitySubscriberEvent.safeParse(decoded.event);
  if (!event.success)
    return {
      ok: false,
      findings: googleSchemaFindings(OpportunitySubscriberEvent, decoded.event, [
        'message',
        'data',
      ]),
    };
  const { eventType, opportunity, partner } = event.data.opportunityEvent;
  return {
    ok: true,
    notice: {
      eventType,
      opportunity,
      partner,
      messageId: push.data.message.messageId,
      publishTime: push.data.message.publishTime,
    },
  };
}

/**
 * Parses an opportunity Google created into an `InboundReferral`. `receivedAt` defaults to the
 * opportunity's createTime (pass the push publishTime when it came by push). Refuses a
 * partner-sourced opportunity and a payload that is not an opportunity, with findings at JSON paths.
 */
export function parseGoogleOpportunity(
  payload: unknown,
  options: { receivedAt?: string } = {},
): GoogleInboundResult {
  const parsed = OpportunityReadBack.safeParse(payload);
  if (!parsed.success)
    return { ok: false, findings: googleSchemaFindings(OpportunityReadBack, payload) };
  const wire = parsed.data;
  if (wire.source && !/GOOGLE/.test(wire.source)) {
    return refusal(
      'GOOGLE_NOT_GOOGLE_SOURCED',
      '$.source',
      `source ${wire.source} is not Google: only opportunities Google created enter the inbox`,
    );
  }
  const details = wire.customerInfo?.customerDetails;
  const customerName = details?.organizationName ?? wire.customerDisplayName;
  if (!customerName) {
    return refusal(
      'GOOGLE_WIRE_REQUIRED',
      '$.customerInfo.customerDetails.organizationName',
      'the opportunity names no customer',
    );
  }

  const findings: Finding[] = [];
  if (!wire.source) {
    findings.push({
      code: 'GOOGLE_SOURCE_MISSING',
      severity: 'warning',
      cloud: 'Google',
      path: '$.source',
      message: 'source is missing; read as created by Google',
    });
  }
  // Google names the opportunity's owner but not their role, and referrals reach partners from every
  // layer of Google's field (SOURCE_LAYERS in core/model.ts). So the owner is not assumed to be a field
  // seller: the intake looks the owner up among the ISV's named counterparts (their recorded role),
  // and failing that triage flags the referral for classification.
  findings.push({
    code: 'GOOGLE_SOURCE_LAYER_UNKNOWN',
    severity: 'warning',
    cloud: 'Google',
    path: '$.ownerEmail',
    field: REFERRAL_FIELDS.sourceLayer,
    message:
      wire.ownerEmail || wire.owner
        ? `Google does not say which part of its field ${wire.owner ?? wire.ownerEmail} works in: record them as a named counterpart or classify the source`
        : 'classify the source: the opportunity names no Google owner whose field layer can be told',
  });
  const dealSize = wire.qualificationInfo?.dealSize;
  const referral = InboundReferral.parse({
    cloud: 'Google',
    portalId: wire.name,
    receivedAt: options.receivedAt ?? wire.createTime,
    customerName,
    customerDomain: details?.domain ?? null,
    customerCountry: details?.address?.regionCode ?? null,
    title: wire.opportunityInfo?.displayName ?? null,
    description: wire.opportunityInfo?.description ?? null,
    estimatedValue: dealSize
      ? { amount: amountFromMoney(dealSize), currencyIsoCode: dealSize.currencyCode }
      : null,
    sourceLayer: null,
    referrer: { name: wire.owner ?? null, email: wire.ownerEmail ?? null, title: null },
  });
  return { ok: true, referral, findings };
}

/** A CREATED push plus the opportunity fetched for it → the inbound referral, received at publish time. */
export function parseGooglePushReferral(body: unknown, opportunity: unknown): GoogleInboundResult {
  const push = parseOpportunityPush(body);
  if (!push.ok) return push;
  if (push.notice.eventType !== 'CREATED') {
    return refusal(
      'GOOGLE_PUSH_NOT_CREATED',
      '$.message.data.opportunityEvent.eventType',
      `a ${push.notice.eventType} event is an update, not a new referral`,
    );
  }
  const name = (opportunity as { name?: unknown } | null)?.name;
  if (name !== push.notice.opportunity) {
    return refusal(
      'GOOGLE_PUSH_OPPORTUNITY_MISMATCH',
      '$.name',
      `the push announces ${push.notice.opportunity} but the opportunity given is ${String(name)}`,
    );
  }
  return parseGoogleOpportunity(opportunity, { receivedAt: push.notice.publishTime });
}
