// Reads one referral in whichever form a person has it (the canonical referral, an AWS engagement
// invitation, a Microsoft Partner Center referral, or a Google Cloud opportunity) so `cosell triage
// preview` and the preview route can show what triage would decide without waiting for real traffic.
import { InboundReferral, type Finding } from '../core/model.js';
import { referralFromInvitation } from './aws/inbound.js';
import type { GetEngagementInvitationOutput } from './aws/generated/ace-schemas.js';
import { parseGoogleOpportunity } from './google/inbound.js';
import { parseIncomingReferral } from './microsoft/inbound.js';

export const REFERRAL_FORMATS = ['canonical', 'aws', 'microsoft', 'google'] as const;
export type ReferralFormat = (typeof REFERRAL_FORMATS)[number];

export type ReferralReading =
  | { ok: true; format: ReferralFormat; referral: InboundReferral; findings: Finding[] }
  | { ok: false; format: ReferralFormat | null; findings: Finding[] };

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Which form the payload has, by the keys only that form carries; null when none fits. */
export function detectReferralFormat(payload: unknown): ReferralFormat | null {
  if (!isObject(payload)) return null;
  if ('portalId' in payload && 'cloud' in payload) return 'canonical';
  if ('Payload' in payload && ('InvitationDate' in payload || 'PayloadType' in payload))
    return 'aws';
  if ('customerProfile' in payload || 'createdDateTime' in payload) return 'microsoft';
  if (
    'customerInfo' in payload ||
    'customerDisplayName' in payload ||
    (typeof payload.name === 'string' && /\/opportunities\//.test(payload.name))
  )
    return 'google';
  return null;
}

function canonicalFindings(error: {
  issues: Array<{ path: PropertyKey[]; message: string }>;
}): Finding[] {
  return error.issues.map((issue) => ({
    code: 'REFERRAL_INVALID',
    severity: 'error' as const,
    path: `$.${issue.path.map(String).join('.')}`,
    message: issue.message,
  }));
}

/** Reads the payload as `format`, or as the detected format when none is given. */
export function readReferral(
  payload: unknown,
  format?: ReferralFormat,
  options: { receivedAt?: string } = {},
): ReferralReading {
  const chosen = format ?? detectReferralFormat(payload);
  if (!chosen) {
    return {
      ok: false,
      format: null,
      findings: [
        {
          code: 'REFERRAL_FORMAT_UNKNOWN',
          severity: 'error',
          path: '$',
          message: `not a referral in any known form (${REFERRAL_FORMATS.join(', ')}): name the format, or check the file holds one referral object`,
        },
      ],
    };
  }
  switch (chosen) {
    case 'canonical': {
      const parsed = InboundReferral.safeParse(payload);
      return parsed.success
        ? { ok: true, format: chosen, referral: parsed.data, findings: [] }
        : { ok: false, format: chosen, findings: canonicalFindings(parsed.error) };
    }
    case 'aws': {
      if (!isObject(payload))
        return {
          ok: false,
          format: chosen,
          findings: [
            {
              code: 'REFERRAL_INVALID',
              severity: 'error',
              path: '$',
              message: 'an engagement invitation is a JSON object',
            },
          ],
        };
      const { referral, findings } = referralFromInvitation(
        payload as unknown as GetEngagementInvitationOutput,
        options,
      );
      return referral
        ? { ok: true, format: chosen, referral, findings }
        : { ok: false, format: chosen, findings };
    }
    case 'microsoft': {
      const result = parseIncomingReferral(payload);
      return result.ok
        ? { ok: true, format: chosen, referral: result.referral, findings: result.findings }
        : { ok: false, format: chosen, findings: result.findings };
    }
    case 'google': {
      const result = parseGoogleOpportunity(payload, options);
      return result.ok
        ? { ok: true, format: chosen, referral: result.referral, findings: result.findings }
        : { ok: false, format: chosen, findings: result.findings };
    }
  }
}
