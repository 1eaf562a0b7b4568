// The public surface of the practice rules from the CLI: maturity, open loops, account mapping,
// relationship coverage, triage preview and the feedback check, each held to its published --json schema.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { TestContext } from '@salesforce/core/testSetup';
import { stubSfCommandUx } from '@salesforce/sf-plugins-core';
import AccountsMap, {
  type AccountsMapResult,
} from '../../../middleware/src/commands/cosell/accounts/map.js';
import Coverage, { type CoverageResult } from '../../../middleware/src/commands/cosell/coverage.js';
import FeedbackCheck, {
  type FeedbackCheckResult,
} from '../../../middleware/src/commands/cosell/feedback/check.js';
import Loops, { type LoopsResult } from '../../../middleware/src/commands/cosell/loops.js';
import Maturity, { type MaturityResult } from '../../../middleware/src/commands/cosell/maturity.js';
import TriagePreview, {
  type TriagePreviewResult,
} from '../../../middleware/src/commands/cosell/triage/preview.js';
import { feedbackLoopReport } from '../../../middleware/src/core/feedback/index.js';
import { InboundReferral } from '../../../middleware/src/core/model.js';
import { runCommand } from '../../support/cli.js';
import { SERVICE_URL, fakeService } from './support/fake-service.js';
import { schemaIssues } from './support/json-schema.js';

const scratch = mkdtempSync(join(tmpdir(), 'cosell-practices-'));
const file = (name: string, content: unknown) => {
  const path = join(scratch, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
};
const EXPORT = join(process.cwd(), 'test', 'fixtures', 'opportunities-export.csv');
const NOW = '2026-11-26T09:00:00Z';
type SfErrorLike = Error & { exitCode: number };
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the command to fail');
    },
    (error: unknown) => error as SfErrorLike,
  );

describe('practice commands', () => {
  const $$ = new TestContext();
  let ux: ReturnType<typeof stubSfCommandUx>;

  beforeEach(() => {
    ux = stubSfCommandUx($$.SANDBOX);
  });
  afterEach(() => {
    $$.restore();
    process.exitCode = undefined;
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

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
          customerName: `Customer ${portalId}`,
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
        '--json',
      ])) as LoopsResult;
      expect(sent[0]?.url.search).toBe('?cloud=Google&debriefDays=3');
      expect(schemaIssues('cosell loops', result)).toEqual([]);
      expect(result.referrers[0]).toMatchObject({ silences: 2, risk: 'at risk' });
      expect(process.exitCode).toBe(1);
    });
  });

  describe('cosell accounts map', () => {
    const ace = file(
      'ace.csv',
      'Customer Company Name,Customer Website,AWS Account Manager\n"Northwind Health, Inc.",https://www.northwind-health.com,Marcus Lee\nFabrikam Health,,Jonas Berg\nWoodgrove Bank,woodgrovebank.com,Priya Raman\n',
    );
    const targets = file(
      'targets.csv',
      'Account Name,Website,Owner\nWoodgrove Bank,woodgrovebank.com,Leo Brandt\n',
    );
    const accounts = file(
      'accounts.csv',
      'Id,Name,Website,Owner Name,Type\n001Hs00000Nwh01AAA,Northwind Health,northwind-health.com,Dana Whitfield,Customer\n001Hs00000Fab01AAA,Fabrikam Health Group,,Leo Brandt,Prospect\n',
    );

    it('writes the joint pursuit list, lists weak matches for review and records the run date in the evidence file', async () => {
      const output = join(scratch, 'pursuits.csv');
      const evidence = file('evidence-map.json', [
        { cloud: 'AWS', listing: { live: true } },
        { cloud: 'Microsoft' },
      ]);
      const result = (await runCommand(AccountsMap, [
        '--cloud',
        'aws',
        '--hyperscaler-list',
        ace,
        '--target-list',
        targets,
        '--accounts',
        accounts,
        '--output',
        output,
        '--evidence',
        evidence,
        '--now',
        NOW,
        '--json',
      ])) as AccountsMapResult;
      expect(schemaIssues('cosell accounts map', result)).toEqual([]);
      expect(result.pursuits.map((pursuit) => [pursuit.accountName, pursuit.relationship])).toEqual(
        [
          ['Woodgrove Bank', 'not in Salesforce'],
          ['Northwind Health', 'customer'],
        ],
      );
      expect(result.review.map((match) => [match.name, match.reviewKey])).toEqual([
        ['Fabrikam Health', 'hyperscaler:fabrikam health@'],
      ]);
      expect(readFileSync(output, 'utf8').split('\n')[0]).toBe(
        'accountName,accountId,domain,cloud,relationship,onTargetList,hyperscalerOwner,hyperscalerOwnerEmail,isvOwner,confidence,nextStep',
      );
      expect(JSON.parse(readFileSync(evidence, 'utf8'))[0]).toEqual({
        cloud: 'AWS',
        listing: { live: true },
        accountMapping: { lastRunOn: '2026-11-26', jointPursuitListDefined: true },
      });
      expect(process.exitCode).toBe(1);

      const decisions = file('decisions.json', [
        { reviewKey: 'hyperscaler:fabrikam health@', accountId: '001Hs00000Fab01AAA' },
      ]);
      const confirmed = (await runCommand(AccountsMap, [
        '--cloud',
        'aws',
        '--hyperscaler-list',
        ace,
        '--accounts',
        accounts,
        '--decisions',
        decisions,
        '--now',
        NOW,
        '--json',
      ])) as AccountsMapResult;
      expect(confirmed.review).toEqual([]);
      expect(confirmed.pursuits.map((pursuit) => pursuit.accountName)).toContain(
        'Fabrikam Health Group',
      );
    });

    it('changes no file when the evidence has no entry for the cloud, and names a list without a name column', async () => {
      const output = join(scratch, 'untouched.csv');
      const evidence = file('evidence-ms.json', { cloud: 'Microsoft' });
      const error = await failure(
        runCommand(AccountsMap, [
          '--cloud',
          'aws',
          '--hyperscaler-list',
          ace,
          '--accounts',
          accounts,
          '--output',
          output,
          '--evidence',
          evidence,
        ]),
      );
      expect(error.message).toMatch(/has no entry for AWS/);
      expect(() => readFileSync(output)).toThrow();
      expect(JSON.parse(readFileSync(evidence, 'utf8'))).toEqual({ cloud: 'Microsoft' });
      const noName = file('no-name.csv', 'Id,Revenue\n1,2\n');
      expect(
        (
          await failure(
            runCommand(AccountsMap, [
              '--cloud',
              'aws',
              '--hyperscaler-list',
              noName,
              '--accounts',
              accounts,
            ]),
          )
        ).message,
      ).toMatch(/^hyperscaler list: no company name column/);
    });
  });

  describe('cosell coverage', () => {
    it('sends the records file and prints coverage per cloud with the archetype warning', async () => {
      const records = file('relationships.json', {
        jointAccountPlans: [{ cloud: 'AWS', account: 'Northwind Health' }],
        qbrs: [],
      });
      const body = {
        clouds: [
          {
            cloud: 'AWS',
            layers: {
              'Executive/Industry': [],
              'Regional/Segment': [],
              'Account Team': [],
              Specialist: [],
              'Partner Program': ['Priya Raman'],
            },
            covered: ['Partner Program'],
            missing: ['Executive/Industry', 'Regional/Segment', 'Account Team', 'Specialist'],
            coverage: 0.2,
            topAccounts: { considered: 1, withPlan: 1, share: 1, withoutPlan: [] },
            qbr: { lastHeldOn: null, daysSince: null, heldLast12Months: 0, onRhythm: false },
            findings: [
              {
                code: 'LINT_ARCHETYPE_MISMATCH',
                severity: 'warning',
                cloud: 'AWS',
                field: 'CoSell_Counterpart__c.Layer__c',
                message: 'AWS: only the PDM',
                evidence: {},
                opportunityId: null,
              },
            ],
          },
        ],
      };
      const sent = fakeService($$, { 'POST /api/v1/relationship-coverage': { status: 200, body } });
      const result = (await runCommand(Coverage, [
        '--service-url',
        SERVICE_URL,
        '--token',
        't',
        '--records',
        records,
        '--tenancy-archetype',
        'Customer-deployed',
        '--json',
      ])) as CoverageResult;
      expect(sent[0]?.body).toEqual({
        jointAccountPlans: [{ cloud: 'AWS', account: 'Northwind Health' }],
        qbrs: [],
        topAccounts: 50,
        tenancyArchetype: 'Customer-deployed',
      });
      expect(schemaIssues('cosell coverage', result)).toEqual([]);
      expect(ux.warn.getCalls().map((call) => call.args[0])).toContain('AWS: only the PDM');
    });
  });

  describe('cosell triage preview', () => {
    const invitation = {
      Catalog: 'AWS',
      Id: 'engi-0a1b2c3d4e5f6',
      PayloadType: 'OpportunityInvitation',
      Status: 'PENDING',
      InvitationDate: '2026-11-25T16:20:00Z',
      ExpirationDate: '2026-12-10T16:20:00Z',
      Payload: {
        OpportunityInvitation: {
          SenderContacts: [
            {
              Email: 'marcus.lee@amazon.com',
              FirstName: 'Marcus',
              LastName: 'Lee',
              BusinessTitle: 'Account Manager',
            },
          ],
          ReceiverResponsibilities: ['Software Partner'],
          Customer: { CompanyName: 'Northwind Analytics', CountryCode: 'US' },
          Project: { Title: 'Lakehouse migration' },
        },
      },
    };

    it('reads an AWS invitation, triages it under the shipped rules and shows why', async () => {
      const result = (await runCommand(TriagePreview, [
        '--referral',
        file('invitation.json', invitation),
        '--json',
      ])) as TriagePreviewResult;
      expect(schemaIssues('cosell triage preview', result)).toEqual([]);
      expect(result).toMatchObject({
        format: 'aws',
        rules: 'shipped',
        referral: { sourceLayer: 'Account Team' },
        decision: { sourceLayer: 'Account Team' },
      });
      expect(['Urgent', 'High']).toContain(result.decision.priority);
    });

    it('applies a configuration to try, and refuses an unreadable referral or a bad configuration', async () => {
      const canonical = file('canonical.json', {
        cloud: 'AWS',
        portalId: 'ref-1',
        receivedAt: '2026-11-25T10:00:00Z',
        customerName: 'Contoso',
        sourceLayer: 'Partner Program',
      });
      // Override the shipped PDM rule: this quarter PDM referrals are answered next business day.
      const config = file('triage-config.json', {
        rules: [
          {
            id: 'Partner_Program',
            sourceLayer: 'Partner Program',
            tenancyArchetype: 'any',
            priority: 'High',
            response: { unit: 'business-days', amount: 1 },
            responder: 'Alliance manager',
            ownerQueue: 'CoSell_Alliance_Ops',
            rationale: 'PDM referrals answered next day this quarter',
          },
        ],
      });
      const shipped = (await runCommand(TriagePreview, [
        '--referral',
        canonical,
        '--json',
      ])) as TriagePreviewResult;
      expect(shipped.decision).toMatchObject({ priority: 'Standard', ruleId: 'Partner_Program' });
      const tried = (await runCommand(TriagePreview, [
        '--referral',
        canonical,
        '--config',
        config,
        '--json',
      ])) as TriagePreviewResult;
      expect(tried).toMatchObject({
        rules: 'given',
        decision: { priority: 'High', ruleId: 'Partner_Program', responder: 'Alliance manager' },
      });
      expect(
        (
          await failure(
            runCommand(TriagePreview, ['--referral', file('junk.json', { hello: 'world' })]),
          )
        ).message,
      ).toMatch(/could not be read as any known format/);
      expect(
        (
          await failure(
            runCommand(TriagePreview, [
              '--referral',
              canonical,
              '--config',
              file('bad-config.json', { disable: ['nope'] }),
            ]),
          )
        ).message,
      ).toMatch(/disable.0: no default rule nope/);
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
