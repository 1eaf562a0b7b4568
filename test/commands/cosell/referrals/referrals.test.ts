import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import ReferralsAccept from '../../../../middleware/src/commands/cosell/referrals/accept.js';
import ReferralsAssign from '../../../../middleware/src/commands/cosell/referrals/assign.js';
import ReferralsDecline from '../../../../middleware/src/commands/cosell/referrals/decline.js';
import ReferralsList, {
  type ReferralsListResult,
} from '../../../../middleware/src/commands/cosell/referrals/list.js';
import { runCommand } from '../../../support/cli.js';
import { SERVICE_URL, closedPortUrl, fakeService, problem } from '../support/fake-service.js';
import { $$, failure, printed, useCommandSandbox, ux } from '../support/command-context.js';
import { schemaIssues } from '../support/json-schema.js';
import { CONTOSO_PDM_REFERRAL, LITWARE_FIELD_REFERRAL } from '../support/referrals.js';

const SPECIFIC_FEEDBACK =
  'Contoso Pharmaceuticals needs the clinical trial lakehouse hosted in Switzerland North; our SaaS runs only in EU West and US regions today.';
const inbox = {
  status: 200,
  body: { referrals: [CONTOSO_PDM_REFERRAL, LITWARE_FIELD_REFERRAL], truncated: false },
};

describe('cosell referrals', () => {
  const service = ['--service-url', SERVICE_URL, '--token', 'ops-token-1'];
  useCommandSandbox();
  const clearEnvironment = () => {
    delete process.env.COSELL_TOKEN;
    delete process.env.COSELL_SERVICE_URL;
  };
  beforeEach(clearEnvironment);
  afterEach(clearEnvironment);

  describe('list', () => {
    it('passes the filters as the service names them and prints the inbox with overdue marked', async () => {
      const sent = fakeService($$, { 'GET /api/v1/referrals': inbox });
      const result = (await runCommand(ReferralsList, [
        ...service,
        '--cloud',
        'microsoft',
        '--priority',
        'Urgent',
        '--no-overdue',
        '--limit',
        '20',
      ])) as ReferralsListResult;
      expect(sent[0]?.url.searchParams.toString()).toBe(
        'cloud=Microsoft&priority=Urgent&overdue=false&limit=20',
      );
      expect(sent[0]?.headers.authorization).toBe('Bearer ops-token-1');
      expect(sent[0]?.headers['idempotency-key']).toBeUndefined();
      expect(result.referrals.map((referral) => referral.id)).toEqual(['42', '43']);
      const table = ux.table.firstCall.args[0] as { data: Array<Record<string, string>> };
      expect(table.data[1]).toMatchObject({
        id: '43',
        due: '2026-11-07 17:00Z OVERDUE',
        from: 'Account Team: Jordan Lee',
      });
      expect(printed()).toContain('2 referrals, 1 overdue.');
      expect(schemaIssues('cosell referrals list', result)).toEqual([]);
    });

    it('reads the service URL and token from the environment', async () => {
      process.env.COSELL_SERVICE_URL = `${SERVICE_URL}/`;
      process.env.COSELL_TOKEN = 'env-token-9';
      const sent = fakeService($$, {
        'GET /api/v1/referrals': { status: 200, body: { referrals: [], truncated: false } },
      });
      await runCommand(ReferralsList, []);
      expect(sent[0]?.url.origin).toBe(SERVICE_URL);
      expect(sent[0]?.headers.authorization).toBe('Bearer env-token-9');
      expect(printed()).toContain('No referrals match.');
    });

    it('turns a 401 problem into an error that says how to pass a token', async () => {
      fakeService($$, {
        'GET /api/v1/referrals': problem(
          401,
          'unauthorized',
          'missing bearer token: send Authorization: Bearer <token>',
        ),
      });
      const error = await failure(runCommand(ReferralsList, ['--service-url', SERVICE_URL]));
      expect(error.message).toContain('HTTP 401');
      expect(error.actions?.join(' ')).toContain('COSELL_TOKEN');
      expect(error.exitCode).toBe(4);
    });

    it('refuses an answer in a shape the CLI does not know', async () => {
      fakeService($$, {
        'GET /api/v1/referrals': { status: 200, body: { referrals: [{ id: 'x' }] } },
      });
      await expect(runCommand(ReferralsList, service)).rejects.toThrow(
        /The service answered the request to list referrals in a shape this CLI does not understand/,
      );
    });

    it('refuses bad flags before calling the service', async () => {
      const sent = fakeService($$, {});
      await expect(
        runCommand(ReferralsList, [...service, '--priority', 'Critical']),
      ).rejects.toThrow(/Urgent, High, Standard/);
      await expect(runCommand(ReferralsList, [...service, '--limit', '0'])).rejects.toThrow(
        /limit/,
      );
      await expect(
        runCommand(ReferralsList, ['--service-url', 'ftp://cosell.test']),
      ).rejects.toThrow(/not an http or https URL/);
      expect(sent).toEqual([]);
    });

    it('says the service is unreachable at its URL when nothing listens', async () => {
      const url = await closedPortUrl();
      const error = await failure(runCommand(ReferralsList, ['--service-url', url]));
      expect(error.message).toBe(`The co-sell service is unreachable at ${url} (ECONNREFUSED).`);
      expect(error.name).toBe('ServiceUnreachable');
      expect(error.exitCode).toBe(5);
    });
  });

  describe('accept and assign', () => {
    it('accepts with an Idempotency-Key and returns the queued job', async () => {
      const sent = fakeService($$, {
        'POST /api/v1/referrals/42/accept': {
          status: 202,
          body: { referralId: '42', decision: 'accept', jobId: '981', warnings: [] },
        },
      });
      const result = await runCommand(ReferralsAccept, [...service, '--referral', '42', '--json']);
      expect(result).toEqual({ referralId: '42', decision: 'accept', jobId: '981', warnings: [] });
      expect(sent[0]?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
      expect(sent[0]?.body).toEqual({});
      expect(schemaIssues('cosell referrals accept', result)).toEqual([]);
    });

    it('reports a conflict when the referral was already decided', async () => {
      fakeService($$, {
        'POST /api/v1/referrals/43/accept': problem(
          409,
          'conflict',
          'referral 43 is already Declined',
        ),
      });
      const error = await failure(runCommand(ReferralsAccept, [...service, '--referral', '43']));
      expect(error.message).toContain('referral 43 is already Declined');
      expect(error.data?.status).toBe(409);
      // In the user's words, not the route's internal name.
      expect(error.message).toMatch(/^The service refused to accept referral 43 \(HTTP 409 /);
      expect(error.message).not.toContain('acceptReferral');
    });

    it('refuses a referral id that is not a service record id', async () => {
      await expect(
        runCommand(ReferralsAccept, [...service, '--referral', 'a0BHs00000Ref01']),
      ).rejects.toThrow(/not a service record id/);
    });

    it('assigns to a Salesforce user and names the previous owner', async () => {
      const sent = fakeService($$, {
        'POST /api/v1/referrals/43/assign': {
          status: 202,
          body: {
            referralId: '43',
            ownerId: '005Hs00000Emea1AAA',
            previousOwnerId: '005Hs00000Ops01AAA',
            jobId: '982',
          },
        },
      });
      const result = await runCommand(ReferralsAssign, [
        ...service,
        '--referral',
        '43',
        '--owner',
        '005Hs00000Emea1AAA',
      ]);
      expect(sent[0]?.body).toEqual({ ownerId: '005Hs00000Emea1AAA' });
      expect(printed()).toContain(
        'Referral 43 now belongs to 005Hs00000Emea1AAA (was 005Hs00000Ops01AAA)',
      );
      expect(schemaIssues('cosell referrals assign', result)).toEqual([]);
      await expect(
        runCommand(ReferralsAssign, [...service, '--referral', '43', '--owner', 'megan']),
      ).rejects.toThrow(/owner/);
    });
    it('says so when the referral already belongs to that owner', async () => {
      fakeService($$, {
        'POST /api/v1/referrals/43/assign': {
          status: 200,
          body: {
            referralId: '43',
            ownerId: '005Hs00000Emea1AAA',
            previousOwnerId: '005Hs00000Emea1AAA',
            jobId: null,
          },
        },
      });
      const result = await runCommand(ReferralsAssign, [
        ...service,
        '--referral',
        '43',
        '--owner',
        '005Hs00000Emea1AAA',
      ]);
      expect(printed()).toContain('Referral 43 already belongs to 005Hs00000Emea1AAA');
      expect(result.jobId).toBeNull();
      expect(schemaIssues('cosell referrals assign', result)).toEqual([]);
    });
  });

  describe('decline', () => {
    it('sends specific feedback and the listed reason', async () => {
      const sent = fakeService($$, {
        'GET /api/v1/referrals': inbox,
        'POST /api/v1/referrals/42/decline': {
          status: 202,
          body: { referralId: '42', decision: 'decline', jobId: '983', warnings: [] },
        },
      });
      const result = await runCommand(ReferralsDecline, [
        ...service,
        '--referral',
        '42',
        '--reason',
        'Region or compliance not supported',
        '--feedback',
        SPECIFIC_FEEDBACK,
        '--json',
      ]);
      expect(sent.map((request) => `${request.method} ${request.url.pathname}`)).toEqual([
        'GET /api/v1/referrals',
        'POST /api/v1/referrals/42/decline',
      ]);
      expect(sent[1]?.body).toEqual({
        reason: 'Region or compliance not supported',
        feedback: SPECIFIC_FEEDBACK,
      });
      expect(schemaIssues('cosell referrals decline', result)).toEqual([]);
    });

    it('refuses generic feedback locally, like the inbox UI, and sends no decline', async () => {
      const sent = fakeService($$, { 'GET /api/v1/referrals': inbox });
      const error = await failure(
        runCommand(ReferralsDecline, [
          ...service,
          '--referral',
          '42',
          '--reason',
          'Product not relevant to workload',
          '--feedback',
          'Not a fit right now, timing is not right for us this quarter, maybe later on',
        ]),
      );
      expect(error.message).toContain('Not declining referral 42');
      expect(error.actions?.join(' ')).toContain('Contoso Pharmaceuticals');
      expect(error.exitCode).toBe(1);
      expect(sent.filter((request) => request.method === 'POST')).toEqual([]);
    });

    it('judges specificity, not length: refuses the polite reworded decline, sends a short specific one', async () => {
      const sent = fakeService($$, {
        'GET /api/v1/referrals': inbox,
        'POST /api/v1/referrals/42/decline': {
          status: 202,
          body: { referralId: '42', decision: 'decline', jobId: '984', warnings: [] },
        },
      });
      const polite = await failure(
        runCommand(ReferralsDecline, [
          ...service,
          '--referral',
          '42',
          '--reason',
          'Below commercial threshold',
          '--feedback',
          "Isn't a fit for us right now, keep them coming!",
        ]),
      );
      expect(
        (polite.data as { findings: Array<{ code: string }> }).findings.map(
          (finding) => finding.code,
        ),
      ).toEqual(['FEEDBACK_NO_CONCRETE_REASON', 'FEEDBACK_NOT_SPECIFIC']);
      await runCommand(ReferralsDecline, [
        ...service,
        '--referral',
        '42',
        '--reason',
        'Below commercial threshold',
        '--feedback',
        'Contoso is a 12k pilot, below our 50k threshold.',
      ]);
      expect(sent.filter((request) => request.method === 'POST')).toHaveLength(1);
    });

    it('checks what it can when the referral is not in the open inbox, and lets the service judge the rest', async () => {
      const sent = fakeService($$, {
        'GET /api/v1/referrals': { status: 200, body: { referrals: [], truncated: false } },
        'POST /api/v1/referrals/77/decline': problem(
          422,
          'unprocessable',
          'decline refused: Feedback says nothing about Fabrikam or its workload',
          {
            errors: [
              {
                field: 'body.feedback',
                message: 'Feedback says nothing about Fabrikam or its workload',
                code: 'FEEDBACK_NOT_SPECIFIC',
              },
            ],
          },
        ),
      });
      await expect(
        runCommand(ReferralsDecline, [
          ...service,
          '--referral',
          '77',
          '--reason',
          'Customer unresponsive',
          '--feedback',
          'too short',
        ]),
      ).rejects.toThrow(/Not declining/);
      const error = await failure(
        runCommand(ReferralsDecline, [
          ...service,
          '--referral',
          '77',
          '--reason',
          'Customer unresponsive',
          '--feedback',
          SPECIFIC_FEEDBACK,
        ]),
      );
      expect(error.actions).toEqual([
        'body.feedback: Feedback says nothing about Fabrikam or its workload',
      ]);
      expect(error.exitCode).toBe(4);
      expect(sent.filter((request) => request.method === 'POST')).toHaveLength(1);
    });

    it('refuses a reason off the list and missing feedback as flag errors', async () => {
      const sent = fakeService($$, {});
      await expect(
        runCommand(ReferralsDecline, [
          ...service,
          '--referral',
          '42',
          '--reason',
          'Not a fit',
          '--feedback',
          SPECIFIC_FEEDBACK,
        ]),
      ).rejects.toThrow(/Expected --reason=Not a fit to be one of/);
      await expect(
        runCommand(ReferralsDecline, [
          ...service,
          '--referral',
          '42',
          '--reason',
          'Customer unresponsive',
        ]),
      ).rejects.toThrow(/feedback/);
      expect(sent).toEqual([]);
    });

    it('says the service is unreachable before judging anything', async () => {
      const url = await closedPortUrl();
      await expect(
        runCommand(ReferralsDecline, [
          '--service-url',
          url,
          '--referral',
          '42',
          '--reason',
          'Customer unresponsive',
          '--feedback',
          SPECIFIC_FEEDBACK,
        ]),
      ).rejects.toThrow(`unreachable at ${url}`);
    });
  });
});
