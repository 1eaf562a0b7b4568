import { describe, expect, it } from '@jest/globals';
import { createAceClient } from '../../middleware/src/portals/aws/client.js';
import { startAceEmulator } from '../../middleware/src/sandbox/aws/emulator.js';
import { portalBinding } from '../../middleware/src/portals/registry.js';
import { PortalError } from '../../middleware/src/engine/portal-client.js';
import { previewOpportunity } from '../../middleware/src/portals/opportunity-preview.js';
import { NOW, northwindDataPlatform } from './mapping/opportunity-fixture.js';

describe('opportunity preview', () => {
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
