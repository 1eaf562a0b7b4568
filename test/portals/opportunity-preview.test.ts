import { describe, expect, it } from '@jest/globals';
import { createAceClient } from '../../middleware/src/portals/aws/client.js';
import { startAceEmulator } from '../../middleware/src/sandbox/aws/emulator.js';
import { createGoogleClient } from '../../middleware/src/portals/google/client.js';
import { startGoogleEmulator } from '../../middleware/src/sandbox/google/emulator.js';
import { portalBinding } from '../../middleware/src/portals/registry.js';
import { PortalError } from '../../middleware/src/engine/portal-client.js';
import { previewOpportunity } from '../../middleware/src/portals/opportunity-preview.js';
import type { CoSellOpportunity } from '../../middleware/src/core/model.js';
import { failure } from '../support/portal-failure.js';
import { NOW, northwindDataPlatform } from './mapping/opportunity-fixture.js';

/** What the Google client refuses `opportunity` for: before any call to Google (asserted). */
async function googleRefusal(opportunity: CoSellOpportunity): Promise<PortalError> {
  const emulator = await startGoogleEmulator({ now: () => NOW });
  try {
    const client = createGoogleClient({
      baseUrl: emulator.url,
      partnerId: 'C01preview',
      auth: { getAccessToken: async () => 'ya29.preview' },
    });
    const refusal = await failure(
      client.submit({ opportunity, idempotencyKey: `Google:submit:${opportunity.id}`, now: NOW }),
    );
    expect(emulator.counters.callsByOperation).toEqual({});
    return refusal;
  } finally {
    await emulator.stop();
  }
}

describe('opportunity preview', () => {
  it('judges a Google deal as the Google client submits it: with the product families, and what its review needs', async () => {
    // Ready only because the body carries a product family, as the submitted body must.
    const [ready] = previewOpportunity(northwindDataPlatform(), ['Google'], portalBinding, NOW);
    expect(ready).toMatchObject({ cloud: 'Google', valid: true, errors: 0 });

    const withoutDescription = northwindDataPlatform((input) => void (input.description = null));
    const [google] = previewOpportunity(withoutDescription, ['Google'], portalBinding, NOW);
    const previewed = google!.findings
      .filter((finding) => finding.severity === 'error' && finding.code.startsWith('GOOGLE_'))
      .map((finding) => `${finding.code} ${finding.path}`);
    // Once, in Salesforce terms: the review's own need for a description is the same path.
    expect(previewed).toEqual(['GOOGLE_MAP_REQUIRED_MISSING $.opportunityInfo.description']);

    // The client refuses the same deal before any call, for exactly what the preview showed.
    const refusal = await googleRefusal(withoutDescription);
    expect(refusal).toBeInstanceOf(PortalError);
    expect(refusal.findings.map((finding) => `${finding.code} ${finding.path}`)).toEqual(previewed);
  });

  it('reports a Google field once: a past close date is the mapping finding on CloseDate, not also a missing wire member', async () => {
    const late = northwindDataPlatform((input) => void (input.closeDate = '2026-01-15'));
    const [google] = previewOpportunity(late, ['Google'], portalBinding, NOW);
    const atCloseDate = google!.findings.filter(
      (finding) => finding.path === '$.qualificationInfo.estimatedCloseDate',
    );
    expect(atCloseDate.map((finding) => [finding.code, finding.field])).toEqual([
      ['GOOGLE_MAP_VALUE_INVALID', 'CloseDate'],
    ]);

    const refusal = await googleRefusal(late);
    expect(
      refusal.findings
        .filter((finding) => finding.path === '$.qualificationInfo.estimatedCloseDate')
        .map((finding) => finding.code),
    ).toEqual(['GOOGLE_MAP_VALUE_INVALID']);
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
