// The Cloud Channel client's service-account sign-in: google-auth-library signs a JWT with the key
// file's private key and trades it at the token_uri the key names (the emulator's token endpoint,
// so nothing leaves the machine); a key the endpoint does not know is an auth error.
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { createGoogleClient } from '../../../middleware/src/portals/google/client.js';
import {
  startGoogleEmulator,
  type GoogleEmulator,
} from '../../../middleware/src/sandbox/google/emulator.js';
import { NOW, northwindDataPlatform } from '../mapping/opportunity-fixture.js';
import { failure } from '../../support/portal-failure.js';
import { scratchFolder } from '../../support/scratch.js';

const SUBMIT_KEY = 'Google:submit:006Hs00001NwDpLAAV:2026-11-20T16:45:00Z';
const PARTNER = 'C04x9kq2mn';
let emulator: GoogleEmulator;

afterEach(async () => {
  await emulator?.stop();
});

describe('Google client: service-account auth', () => {
  it('signs in with a key file through google-auth-library against the token_uri the key names (nothing leaves the machine)', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const email = 'cosell-integrator@streamlake-cosell.iam.gserviceaccount.com';
    emulator = await startGoogleEmulator({
      now: () => NOW,
      partnerId: PARTNER,
      requireIssuedTokens: true,
      serviceAccounts: { [email]: publicKey.export({ type: 'spki', format: 'pem' }).toString() },
    });
    const keyFile = path.join(scratchFolder('cosell-google-'), 'service-account.json');
    writeFileSync(
      keyFile,
      JSON.stringify({
        type: 'service_account',
        project_id: 'streamlake-cosell',
        private_key_id: '3f1c9e0b7a2d4c6e8f0a1b2c3d4e5f6a7b8c9d0e',
        private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        client_email: email,
        client_id: '104729384756102938475',
        token_uri: emulator.tokenUri,
      }),
    );
    const client = createGoogleClient({
      baseUrl: emulator.url,
      partnerId: PARTNER,
      auth: { keyFile },
      productFamily: ['GOOGLE_CLOUD_PLATFORM'],
    });
    const state = await client.submit({
      opportunity: northwindDataPlatform(),
      idempotencyKey: SUBMIT_KEY,
      now: NOW,
    });
    expect(state.status).toBe('Submitted');
    expect(emulator.counters.tokensIssued).toBe(1);
    expect(emulator.control.opportunity(state.portalId)).toMatchObject({ creatorEmail: email });
  });

  it('a key the token endpoint does not know is an auth error', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    emulator = await startGoogleEmulator({
      now: () => NOW,
      requireIssuedTokens: true,
      serviceAccounts: {},
    });
    const keyFile = path.join(scratchFolder('cosell-google-'), 'unknown.json');
    writeFileSync(
      keyFile,
      JSON.stringify({
        type: 'service_account',
        client_email: 'stranger@elsewhere.iam.gserviceaccount.com',
        private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        token_uri: emulator.tokenUri,
      }),
    );
    const client = createGoogleClient({
      baseUrl: emulator.url,
      partnerId: PARTNER,
      auth: { keyFile },
    });
    expect((await failure(client.fetch('opportunities/0001abcdef'))).kind).toBe('auth');
  });
});
