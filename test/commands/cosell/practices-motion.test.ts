// The practice rules of the co-sell motion from the CLI: maturity from an export and the evidence,
// open loops and the feedback check from the service, each held to its published --json schema.
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import FeedbackCheck, {
  type FeedbackCheckResult,
} from '../../../middleware/src/commands/cosell/feedback/check.js';
import Loops, { type LoopsResult } from '../../../middleware/src/commands/cosell/loops.js';
import Maturity, { type MaturityResult } from '../../../middleware/src/commands/cosell/maturity.js';
import { feedbackLoopReport } from '../../../middleware/src/core/feedback/index.js';
import { InboundReferral } from '../../../middleware/src/core/model.js';
import { runCommand } from '../../support/cli.js';
import { $$, failure, scratchFolder, useCommandSandbox, ux } from './support/command-context.js';
import { SERVICE_URL, fakeService } from './support/fake-service.js';
import { schemaIssues } from './support/json-schema.js';

const { file } = scratchFolder('cosell-practices-');
const EXPORT = join(process.cwd(), 'test', 'fixtures', 'opportunities-export.csv');
const NOW = '2026-11-26T09:00:00Z';

describe('practice commands', () => {
  useCommandSandbox();

  describe('cosell maturity', () => {
    it('stages the motion from an export and the evidence, showing every marker and its source', async () => {
      const evidence = file('readiness.json', [
        {
          cloud: 'AWS',
          tenancyArchetype: 'Customer-deployed',
          listing: { live: true },
          pdmCadence: 'fortnightly',
        },
      ]);
      const result = (await runCommand(Maturity, [
        '--file',
        EXPORT,
        '--evidence',
        evidence,
        '--now',
        NOW,
        '--rate',
        'EUR=1.08',
        '--rate',
        'GBP=1.27',
        '--json',
      ])) as MaturityResult;
      expect(schemaIssues('cosell maturity', result)).toEqual([]);
      expect(result.metrics).toMatchObject({
        listingLive: true,
        pdmRhythm: true,
        namedPdm: null,
        tenancyArchetype: 'Customer-deployed',
      });
      // No org, so no named counterparts: month 1 is unknown, never assumed.
      expect(result.assessment.level).toBe(0);
      expect(result.assessment.next?.gaps[0]).toMatchObject({
        marker: 'first PDM relationship named',
        actual: null,
      });
      expect(result.assessment.evidence.map((stage) => stage.typicalMonth)).toEqual([
        'month 1',
        'month 3',
        'month 6',
        'month 12',
        'month 18',
        'month 24+',
      ]);
      const month12 = result.assessment.evidence[3]?.markers.find(
        (marker) => marker.marker === 'marketplace transactions per quarter',
      );
      expect(month12).toMatchObject({
        target: 2,
        note: '2 a quarter is the marker for a Customer-deployed product',
      });
    });

    it('needs a source of deals, and names a bad evidence field', async () => {
      expect((await failure(runCommand(Maturity, ['--now', NOW]))).message).toMatch(
        /--file with an export, or --target-org/,
      );
      const bad = file('bad-evidence.json', { cloud: 'AWS', pdmCadence: 'daily' });
      expect(
        (await failure(runCommand(Maturity, ['--file', EXPORT, '--evidence', bad]))).message,
      ).toMatch(/bad-evidence.json is invalid at pdmCadence/);
    });

    it('refuses evidence that is not JSON in the words of cosell readiness', async () => {
      const notJson = file('not-json.json', 'cloud: AWS');
      const garbled = await failure(
        runCommand(Maturity, ['--file', EXPORT, '--evidence', notJson]),
      );
      expect(garbled.message).toMatch(/^The evidence file .*not-json.json is not JSON: /);
      expect(garbled.exitCode).toBe(1);
    });
  });

  describe('cosell loops', () => {
    it('shows every open loop and the referrers at risk, exiting 1', async () => {
      const referral = (portalId: string, receivedAt: string) =>
        InboundReferral.parse({
          cloud: 'Google',
          portalId,
          receivedAt,
          // Text from a portal: escape sequences in it must never reach the terminal.
          customerName: `Customer \u001b[2J${portalId}`,
          sourceLayer: 'Partner Program',
          responseDue: '2026-11-20T17:00:00Z',
          referrer: { name: 'Lena Fischer', email: 'lena.fischer@google.com', title: 'PDM' },
        });
      const report = feedbackLoopReport(
        [referral('g-1', '2026-11-18T10:00:00Z'), referral('g-2', '2026-11-19T10:00:00Z')],
        { now: NOW, debriefDays: 7 },
      );
      const sent = fakeService($$, { 'GET /api/v1/feedback-loops': { status: 200, body: report } });
      const result = (await runCommand(Loops, [
        '--service-url',
        SERVICE_URL,
        '--token',
        't',
        '--cloud',
        'google',
        '--debrief-days',
        '3',
      ])) as LoopsResult;
      expect(sent[0]?.url.search).toBe('?cloud=Google&debriefDays=3');
      const loops = ux.table.firstCall.args[0] as { data: Array<Record<string, string>> };
      expect(loops.data.map((row) => row.customer)).toEqual([
        'Customer  [2Jg-1',
        'Customer  [2Jg-2',
      ]);
      expect(schemaIssues('cosell loops', result)).toEqual([]);
      expect(result.referrers[0]).toMatchObject({ silences: 2, risk: 'at risk' });
      expect(process.exitCode).toBe(1);
    });
  });

  describe('cosell feedback check', () => {
    it('refuses generic feedback with exit 1, through the same rule the service runs', async () => {
      const result = (await runCommand(FeedbackCheck, [
        '--cloud',
        'google',
        '--text',
        'Not the right fit at this time.',
        '--json',
      ])) as FeedbackCheckResult;
      expect(schemaIssues('cosell feedback check', result)).toEqual([]);
      expect(result.ok).toBe(false);
      expect(process.exitCode).toBe(1);
    });

    it('checks the whole decline when a reason is given', async () => {
      const result = (await runCommand(FeedbackCheck, [
        '--cloud',
        'aws',
        '--reason',
        'Because',
        '--text',
        'x',
        '--json',
      ])) as FeedbackCheckResult;
      expect(result.findings.map((finding) => finding.code)).toContain('FEEDBACK_REASON_UNKNOWN');
    });
  });
});
