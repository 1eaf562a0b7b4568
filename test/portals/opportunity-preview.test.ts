import { describe, expect, it } from '@jest/globals';
import { createAceClient } from '../../middleware/src/portals/aws/client.js';
import { startAceEmulator } from '../../middleware/src/sandbox/aws/emulator.js';
import { createGoogleClient } from '../../middleware/src/portals/google/client.js';
import { startGoogleEmulator } from '../../middleware/src/sandbox/google/emulator.js';
import { portalBinding } from '../../middleware/src/portals/registry.js';
import { PortalError } from '../../middleware/src/engine/portal-client.js';
import { previewOpportunity } from '../../middleware/src/portals/opportunity-preview.js';
import { NOW, northwindDataPlatform } from './mapping/opportunity-fixture.js';

describe('opportunity preview', () => {
  it('judges a Google deal as the Google client submits it: with the product families, and its review needs', async () => {
    const [ready] = previewOpportunity(northwindDataPlatform(), ['Google'], portalBinding, NOW);
    expect(ready).toMatchObject({ cloud: 'Google', valid: true, errors: 0 });

    const withoutDescription = northwindDataPlatform((input) => void (input.description = null));
    const [google] = previewOpportunity(withoutDescription, ['Google'], portalBinding, NOW);
    const previewed = google!.findings.filter((finding) => finding.severity === 'error');
    expect(previewed.map((finding) => finding.code)).toContain('GOOGLE_SUBMIT_NEEDS_DESCRIPTION');

    // The client refuses the same deal before any call, with every error the preview showed.
    const emulator = await startGoogleEmulator({ now: () => NOW });
    try {
      const client = createGoogleClient({
        baseUrl: emulator.url,
        partnerId: 'C01preview',
        auth: { getAccessToken: async () => 'ya29.preview' },
      });
      const refusal = await client
        .submit({ opportunity: withoutDescription, idempotencyKey: 'Google:submit:x', now: NOW })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      expect(refusal).toBeInstanceOf(PortalError);
      const refused = new Set((refusal as PortalError).findings.map((finding) => finding.code));
      for (const finding of previewed.filter((one) => one.code.startsWith('GOOGLE_')))
        expect(refused).toContain(finding.code);
      expect(emulator.counters.callsByOperation).toEqual({});
    } finally {
      await emulator.stop();
    }
  });

  it('passes a deal AWS would review', () => {
    const [aws] = previewOpportunity(northwindDataPlatform(), ['AWS'], portalBinding, NOW);
    expect(aws).toMatchObject({ cloud: 'AWS', valid: true, errors: 0 });
  });

  it('refuses what the ACE submission refuses: a deal still at prospecting is an error, not a warning', async () => {
    const prospect = northwindDataPlatform((input) => {
      input.stageName = 'Prospecting';
    });
    const [aws] = previewOpportunity(prospect, ['AWS'], portalBinding, NOW);
    expect(aws!.valid).toBe(false);
    expect(aws!.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'AWS_STAGE_TOO_EARLY',
          severity: 'error',
          field: 'StageName',
        }),
      ]),
    );

    // The same deal submitted through the ACE client is refused with the same finding.
    const emulator = await startAceEmulator({ now: () => NOW });
    try {
      const client = createAceClient({
        catalog: 'Sandbox',
        endpoint: emulator.url,
        credentials: { accessKeyId: 'AKIAEMULATORPARTNER1', secretAccessKey: 'emulator-secret' },
      });
      const refusal = await client
        .submit({ opportunity: prospect, idempotencyKey: 'AWS:submit:prospect', now: NOW })
        .then(
          () => null,
          (error: unknown) => error as PortalError,
        );
      expect(refusal?.kind).toBe('validation');
      expect(refusal!.findings.map((f) => f.code)).toContain('AWS_STAGE_TOO_EARLY');
      expect(emulator.counters.created).toBe(0);
    } finally {
      await emulator.stop();
    }
  });
});
