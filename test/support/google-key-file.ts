// Google service-account key files for the Cloud Channel emulator: a fresh RSA key pair, its public
// half for the emulator to know, and the key file google-auth-library signs with, naming the
// emulator's token endpoint so nothing leaves the machine.
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratchFolder } from './scratch.js';

/** A new key pair: `publicPem` for the emulator's `serviceAccounts`, `keyFile(...)` for the client. */
export function serviceAccountKey(email: string): {
  publicPem: string;
  /** Writes the key file naming `tokenUri`, with any further members a console-issued file holds. */
  keyFile(tokenUri: string, more?: Record<string, string>): string;
} {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyFile(tokenUri, more = {}) {
      const file = join(scratchFolder('cosell-google-key-'), 'service-account.json');
      writeFileSync(
        file,
        JSON.stringify({
          type: 'service_account',
          ...more,
          private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
          client_email: email,
          token_uri: tokenUri,
        }),
      );
      return file;
    },
  };
}
