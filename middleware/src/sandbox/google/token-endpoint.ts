// The Cloud Channel emulator's OAuth token endpoint: a service-account JWT-bearer assertion in, an
// hour-long access token out, as Google's token endpoint answers it.
import { createPublicKey, createVerify, randomBytes } from 'node:crypto';
import { CLOUD_CHANNEL_SCOPE } from '../../portals/google/auth-constants.js';
import type { JsonReply } from '../rest-emulator-kit.js';
import { base64url } from './emulator-requests.js';
import type { GoogleEmulatorCounters } from './emulator-types.js';

export interface TokenEndpoint {
  /** Service accounts the endpoint knows: client_email → public key (PEM). */
  accounts: Record<string, string>;
  /** The `aud` values an assertion may name. */
  audiences: string[];
  /** Access tokens issued so far, with their holder and expiry. */
  issued: Map<string, { email: string; expiresAt: number }>;
  counters: Pick<GoogleEmulatorCounters, 'tokensIssued'>;
}

/** Answers a token request (its form-encoded body). */
export function issueToken(text: string, now: number, endpoint: TokenEndpoint): JsonReply {
  const form = new URLSearchParams(text);
  if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
    return {
      status: 400,
      body: {
        error: 'unsupported_grant_type',
        error_description: 'only the JWT bearer grant is supported',
      },
    };
  }
  const verdict = checkAssertion(
    form.get('assertion') ?? '',
    endpoint.accounts,
    endpoint.audiences,
    now,
  );
  if ('problem' in verdict)
    return { status: 400, body: { error: 'invalid_grant', error_description: verdict.problem } };
  const accessToken = `ya29.emulator-${randomBytes(18).toString('base64url')}`;
  endpoint.issued.set(accessToken, { email: verdict.email, expiresAt: now + 3_600_000 });
  endpoint.counters.tokensIssued += 1;
  return {
    status: 200,
    body: { access_token: accessToken, expires_in: 3600, token_type: 'Bearer' },
  };
}

/** Checks a JWT-bearer assertion as Google's token endpoint would: RS256, known signer, audience, scope, expiry. */
export function checkAssertion(
  assertion: string,
  accounts: Record<string, string>,
  audiences: string[],
  now: number,
): { email: string } | { problem: string } {
  const [head, claims, signature] = assertion.split('.');
  const header = head ? base64url(head) : null;
  const payload = claims ? base64url(claims) : null;
  if (!header || !payload || !signature) return { problem: 'the assertion is not a JWT' };
  if (header.alg !== 'RS256')
    return { problem: `the assertion must be signed RS256, not ${String(header.alg)}` };
  const email = String(payload.iss ?? '');
  const pem = accounts[email];
  if (!pem) return { problem: `service account ${email} is not known to this partner` };
  const verifier = createVerify('RSA-SHA256');
  verifier.update(`${head}.${claims}`);
  if (!verifier.verify(createPublicKey(pem), Buffer.from(signature, 'base64url')))
    return { problem: 'the assertion signature does not match the service account key' };
  if (!audiences.includes(String(payload.aud)))
    return { problem: `the assertion audience ${String(payload.aud)} is not this token endpoint` };
  if (
    !String(payload.scope ?? '')
      .split(' ')
      .includes(CLOUD_CHANNEL_SCOPE)
  )
    return { problem: `the assertion does not ask for ${CLOUD_CHANNEL_SCOPE}` };
  const exp = Number(payload.exp) * 1000;
  if (!(exp > now)) return { problem: 'the assertion has expired' };
  return { email };
}
