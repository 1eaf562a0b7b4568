// Portal webhooks are signed the Stripe way: HMAC-SHA256 over `timestamp.portal.rawBody`, sent as
// `CoSell-Signature: t=<unix seconds>,v1=<hex>`. Naming the portal in the signed content means a
// delivery signed for one webhook route is refused on another (the relays may share a secret).
// A delivery is genuine when one v1 matches one of the portal's secrets (two during rotation) in
// constant time and its timestamp is within the tolerance. A replay is the same delivery (timestamp
// and body digest) again, whichever of its signatures it carries, so rotation cannot reopen it.
// Before the portal was signed in, the content was `timestamp.rawBody`; such signatures are refused.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { SIGNATURE_HEADER } from '../api-contract/webhooks.js';

export function signatureOf(
  secret: string,
  portal: string,
  timestamp: number,
  rawBody: Buffer | string,
): string {
  return createHmac('sha256', secret)
    .update(`${timestamp}.${portal}.`)
    .update(rawBody)
    .digest('hex');
}

/** The header value a relay sends to `portal`'s route; one v1 per secret when it signs with both during rotation. */
export function signatureHeader(
  secrets: readonly string[],
  timestamp: number,
  rawBody: Buffer | string,
  portal: string,
): string {
  return [
    `t=${timestamp}`,
    ...secrets.map((secret) => `v1=${signatureOf(secret, portal, timestamp, rawBody)}`),
  ].join(',');
}

/** What identifies one delivery for replay purposes: its timestamp and the digest of its body. */
export function deliveryKey(timestamp: number, rawBody: Buffer): string {
  return `${timestamp}.${createHash('sha256').update(rawBody).digest('hex')}`;
}

export type SignatureCheck =
  | { ok: true; timestamp: number; signature: string }
  | { ok: false; reason: string };

const HEX_SHA256 = /^[0-9a-f]{64}$/;

export function verifyWebhookSignature(check: {
  portal: string;
  header: string | undefined;
  rawBody: Buffer;
  secrets: readonly string[];
  now: Date;
  toleranceSeconds: number;
}): SignatureCheck {
  if (check.secrets.length === 0)
    return { ok: false, reason: 'no signing secret is configured for this portal' };
  if (!check.header) return { ok: false, reason: `missing ${SIGNATURE_HEADER} header` };
  let timestamp: number | null = null;
  const candidates: string[] = [];
  for (const part of check.header.split(',')) {
    const [name, value] = part.trim().split('=', 2);
    if (name === 't' && value && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (name === 'v1' && value && HEX_SHA256.test(value)) candidates.push(value);
  }
  if (timestamp === null)
    return { ok: false, reason: `${SIGNATURE_HEADER} has no timestamp (t=<unix seconds>)` };
  if (candidates.length === 0)
    return { ok: false, reason: `${SIGNATURE_HEADER} has no v1 signature` };
  const ageSeconds = Math.abs(check.now.getTime() / 1000 - timestamp);
  if (ageSeconds > check.toleranceSeconds) {
    return {
      ok: false,
      reason: `timestamp is ${Math.round(ageSeconds)} s away from now; the tolerance is ${check.toleranceSeconds} s`,
    };
  }
  for (const secret of check.secrets) {
    const expected = Buffer.from(
      signatureOf(secret, check.portal, timestamp, check.rawBody),
      'hex',
    );
    for (const candidate of candidates) {
      // Both buffers are 32 bytes (checked by the hex pattern), as timingSafeEqual requires.
      if (timingSafeEqual(expected, Buffer.from(candidate, 'hex')))
        return { ok: true, timestamp, signature: candidate };
    }
  }
  return { ok: false, reason: 'signature does not match' };
}
