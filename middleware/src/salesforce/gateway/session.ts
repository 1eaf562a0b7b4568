// Opens the integration user's jsforce connection: API version pinned, JWT bearer authorisation, and
// re-authorisation when Salesforce answers INVALID_SESSION_ID (the flow issues no refresh token, so
// "refresh" means signing a fresh assertion).
import { Connection, type TokenResponse } from 'jsforce';
import type { SalesforceConfig } from './config.js';
import { JWT_BEARER_GRANT, signJwtAssertion } from './jwt-bearer.js';

/** Every call the service makes speaks this API version (collections need 42+, upsert collections 46+). */
export const SALESFORCE_API_VERSION = '63.0';

export class SalesforceAuthError extends Error {
  /** The OAuth error code from the token endpoint, e.g. `invalid_grant`. */
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(
      `Salesforce refused the integration user's JWT bearer login (${code}): ${message}`,
      options,
    );
    this.name = 'SalesforceAuthError';
    this.code = code;
  }
}

export interface SalesforceSession {
  readonly connection: Connection;
  /** How many access tokens were issued (first login plus re-authorisations). */
  readonly authorisations: number;
}

async function requestToken(
  connection: Connection,
  config: SalesforceConfig,
  clock: () => Date,
): Promise<TokenResponse> {
  try {
    return await connection.oauth2.requestToken({
      grant_type: JWT_BEARER_GRANT,
      assertion: signJwtAssertion(config, clock()),
    });
  } catch (error) {
    const err = error as Error & { name?: string };
    throw new SalesforceAuthError(
      err.name && err.name !== 'Error' ? err.name : 'token_request_failed',
      err.message,
      { cause: error },
    );
  }
}

/**
 * Logs the integration user in and returns a connection that re-authorises on expiry by itself
 * (jsforce calls the refresh function on a 401 and replays the request once).
 */
export async function openSalesforceSession(
  config: SalesforceConfig,
  clock: () => Date = () => new Date(),
): Promise<SalesforceSession> {
  let authorisations = 0;
  const connection = new Connection({
    loginUrl: config.loginUrl,
    version: SALESFORCE_API_VERSION,
    refreshFn: (conn, callback) => {
      requestToken(conn, config, clock).then(
        (token) => {
          authorisations++;
          callback(null, token.access_token, token);
        },
        (error: unknown) => callback(error as Error),
      );
    },
  });
  const token = await requestToken(connection, config, clock);
  authorisations++;
  connection.instanceUrl = config.instanceUrl ?? token.instance_url;
  connection.accessToken = token.access_token;
  return {
    connection,
    get authorisations() {
      return authorisations;
    },
  };
}
