// Service-account authentication for Cloud Channel through google-auth-library: a token source
// from a key file, honouring the key's own token_uri (the sandbox's token endpoint).
import { readFileSync } from 'node:fs';
import { JWT } from 'google-auth-library';
import { CLOUD_CHANNEL_SCOPE, GOOGLE_TOKEN_URL } from './auth-constants.js';

/** A token source from a service-account key file, through google-auth-library. */
export function keyFileTokens(keyFile: string): () => Promise<string> {
  let key: {
    client_email?: string;
    private_key?: string;
    private_key_id?: string;
    token_uri?: string;
  };
  try {
    key = JSON.parse(readFileSync(keyFile, 'utf8')) as typeof key;
  } catch (error) {
    throw new Error(
      `the Google service-account key file ${keyFile} cannot be read as JSON: ${(error as Error).message}`,
    );
  }
  if (!key.client_email || !key.private_key)
    throw new Error(
      `the Google service-account key file ${keyFile} has no client_email or private_key`,
    );
  const jwt = new JWT({
    email: key.client_email,
    key: key.private_key,
    ...(key.private_key_id ? { keyId: key.private_key_id } : {}),
    scopes: [CLOUD_CHANNEL_SCOPE],
  });
  const tokenUri = key.token_uri;
  if (tokenUri && tokenUri !== GOOGLE_TOKEN_URL) {
    // google-auth-library always posts to Google's endpoint; honour the key's own token_uri (the sandbox's).
    jwt.transporter.interceptors.request.add({
      resolved: async (request) => {
        if (String(request.url) === GOOGLE_TOKEN_URL) request.url = new URL(tokenUri);
        return request;
      },
    });
  }
  return async () => {
    const { token } = await jwt.getAccessToken();
    if (!token) throw new Error(`no access token for ${key.client_email}`);
    return token;
  };
}
