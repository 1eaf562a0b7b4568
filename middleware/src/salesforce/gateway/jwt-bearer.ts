// The OAuth 2.0 JWT bearer assertion the integration user signs to get an access token: jsforce has
// no signer, and node:crypto's RS256 is all the flow needs.
import { createPrivateKey, createSign } from 'node:crypto';
import type { SalesforceConfig } from './config.js';

export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/** Salesforce accepts assertions that expire within a few minutes; ours lives three. */
export const ASSERTION_LIFETIME_SECONDS = 180;

function base64url(input: string | Buffer): string {
  return Buffer.from(input).toString('base64url');
}

/**
 * Signs the assertion: `iss` = consumer key, `sub` = integration username, `aud` = the login URL
 * (Salesforce wants the login host, not the instance), `exp` = now + three minutes.
 */
export function signJwtAssertion(
  config: Pick<SalesforceConfig, 'clientId' | 'username' | 'loginUrl' | 'privateKey'>,
  now: Date,
): string {
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
  const claims = base64url(
    JSON.stringify({
      iss: config.clientId,
      sub: config.username,
      aud: config.loginUrl,
      exp: Math.floor(now.getTime() / 1000) + ASSERTION_LIFETIME_SECONDS,
    }),
  );
  const signer = createSign('RSA-SHA256');
  signer.update(`${header}.${claims}`);
  const signature = signer.sign(createPrivateKey(config.privateKey)).toString('base64url');
  return `${header}.${claims}.${signature}`;
}
