// The test server's OAuth 2.0 token endpoint for the JWT bearer grant: checks the assertion's RS256
// signature against the connected app's certificate key and its iss/sub/aud/exp claims, and answers
// with Salesforce's success and error shapes.
import { createPublicKey, verify } from 'node:crypto';

export interface JwtBearerPolicy {
  publicKeyPem: string;
  clientId: string;
  usernames: readonly string[];
  /** The login URL the `aud` claim must name. */
  audience: string;
  /** Other accepted spellings of the audience (the `sf` CLI adds a trailing slash). */
  audiences?: readonly string[];
  now: () => Date;
}

export type TokenDecision =
  | { ok: true; username: string }
  | { ok: false; error: string; description: string };

function decodePart(part: string | undefined): Record<string, unknown> | null {
  if (!part) return null;
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** Salesforce answers every bad assertion with `invalid_grant`; the description says which check failed. */
export function checkJwtBearer(form: URLSearchParams, policy: JwtBearerPolicy): TokenDecision {
  if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
    return { ok: false, error: 'unsupported_grant_type', description: 'grant type not supported' };
  }
  const assertion = form.get('assertion') ?? '';
  const [headerPart, claimsPart, signaturePart] = assertion.split('.');
  const header = decodePart(headerPart);
  const claims = decodePart(claimsPart);
  if (!header || !claims || !signaturePart)
    return { ok: false, error: 'invalid_grant', description: 'invalid assertion' };
  if (header.alg !== 'RS256')
    return { ok: false, error: 'invalid_grant', description: 'invalid assertion algorithm' };
  const signed = verify(
    'RSA-SHA256',
    Buffer.from(`${headerPart}.${claimsPart}`),
    createPublicKey(policy.publicKeyPem),
    Buffer.from(signaturePart, 'base64url'),
  );
  if (!signed)
    return { ok: false, error: 'invalid_grant', description: 'invalid assertion signature' };
  if (claims.iss !== policy.clientId)
    return { ok: false, error: 'invalid_client_id', description: 'client identifier invalid' };
  if (claims.aud !== policy.audience && !(policy.audiences ?? []).includes(String(claims.aud)))
    return { ok: false, error: 'invalid_grant', description: 'audience is invalid' };
  const exp = typeof claims.exp === 'number' ? claims.exp : NaN;
  const nowSeconds = Math.floor(policy.now().getTime() / 1000);
  if (!(exp > nowSeconds))
    return { ok: false, error: 'invalid_grant', description: 'expired authorization code' };
  if (typeof claims.sub !== 'string' || !policy.usernames.includes(claims.sub))
    return { ok: false, error: 'invalid_grant', description: "user hasn't approved this consumer" };
  return { ok: true, username: claims.sub };
}
