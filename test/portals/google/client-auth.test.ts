// The Cloud Channel client's service-account sign-in: google-auth-library signs a JWT with the key
// file's private key and trades it at the token_uri the key names (the emulator's token endpoint,
// so nothing leaves the machine); a key the endpoint does not know is an auth error.
import { afterEach, describe, expect, it } from '@jest/globals';
import { createGoogleClient } from '../../../middleware/src/portals/google/client.js';
import {
  startGoogleEmulator,
  type GoogleEmulator,
} from '../../../middleware/src/sandbox/google/emulator.js';
import { NOW, northwindDataPlatform } from '../mapping/opportunity-fixture.js';
import { failure } from '../../support/portal-failure.js';
import { serviceAccountKey } from '../../support/google-key-file.js';

const SUBMIT_KEY = 'Google:submit:006Hs00001NwDpLAAV:2026-11-20T16:45:00Z';
const PARTNER = 'C04x9kq2mn';
let emulator: GoogleEmulator;

afterEach(async () => {
  await emulator?.stop();
});

describe('Google client: service-account auth', () => {
  it('signs in with a key file through google-auth-library against the token_uri the key names (nothing leaves the machine)', async () => {
    const email = 'cosell-integrator@streamlake-cosell.iam.gserviceaccount.com';
    const key = serviceAccountKey(email);
    emulator = await startGoogleEmulator({
      now: () => NOW,
      partnerId: PARTNER,
      requireIssuedTokens: true,
      serviceAccounts: { [email]: key.publicPem },
    });
    const keyFile = key.keyFile(emulator.tokenUri, {
      project_id: 'streamlake-cosell',
      private_key_id: '3f1c9e0b7a2d4c6e8f0a1b2c3d4e5f6a7b8c9d0e',
      client_id: '104729384756102938475',
    });
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
    emulator = await startGoogleEmulator({
      now: () => NOW,
      requireIssuedTokens: true,
      serviceAccounts: {},
    });
    const keyFile = serviceAccountKey('stranger@elsewhere.iam.gserviceaccount.com').keyFile(
      emulator.tokenUri,
    );
    const client = createGoogleClient({
      baseUrl: emulator.url,
      partnerId: PARTNER,
      auth: { keyFile },
    });
    expect((await failure(client.fetch('opportunities/0001abcdef'))).kind).toBe('auth');
  });
});
