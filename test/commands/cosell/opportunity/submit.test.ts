import { describe, expect, it } from '@jest/globals';
import OpportunitySubmit, {
  type OpportunitySubmitResult,
} from '../../../../middleware/src/commands/cosell/opportunity/submit.js';
import { runCommand } from '../../../support/cli.js';
import { SERVICE_URL, closedPortUrl, fakeService, problem } from '../support/fake-service.js';
import { schemaIssues } from '../support/json-schema.js';
import { $$, printed, useCommandSandbox, ux } from '../support/command-context.js';

const ID = '006Hs00001Nwh01AAA';
const ENGAGEMENTS = `GET /api/v1/opportunities/${ID}/engagements`;
const SUBMIT = `POST /api/v1/opportunities/${ID}/submit`;
const draft = {
  cloud: 'Microsoft',
  status: 'Draft',
  portalId: null,
  findings: [],
  submittedAt: null,
  acceptedAt: null,
  lastSyncedAt: null,
  syncError: null,
  changesWaiting: false,
};
const engagements = (...views: object[]) => ({
  status: 200,
  body: { opportunityId: ID, engagements: views },
});
const queued = {
  status: 202,
  body: { opportunityId: ID, cloud: 'Microsoft', jobId: '5120', queued: true, status: 'pending' },
};
const submit = async (argv: string[]) =>
  (await runCommand(OpportunitySubmit, [
    '--service-url',
    SERVICE_URL,
    '--token',
    'ae-token',
    '--poll-interval',
    '0',
    ...argv,
  ])) as OpportunitySubmitResult;

describe('cosell opportunity submit', () => {
  useCommandSandbox();

  it('queues the submission and follows the engagement until Partner Center gives it an id', async () => {
    const sent = fakeService($$, {
      [ENGAGEMENTS]: [
        engagements(draft),
        engagements({ ...draft, status: 'Draft' }),
        engagements({
          ...draft,
          status: 'Submitted',
          portalId: '7f3c9a52-1d4e-4b8a-9f20-6c1e2d3b4a5f',
          submittedAt: '2026-11-10T09:01:10.000Z',
          lastSyncedAt: '2026-11-10T09:01:10.000Z',
        }),
      ],
      [SUBMIT]: queued,
    });
    const result = await submit(['--opportunity', ID, '--cloud', 'microsoft', '--json']);
    expect(result).toMatchObject({
      outcome: 'shared',
      jobId: '5120',
      queued: true,
      engagement: { status: 'Submitted', portalId: '7f3c9a52-1d4e-4b8a-9f20-6c1e2d3b4a5f' },
    });
    expect(sent.find((request) => request.method === 'POST')?.body).toEqual({ cloud: 'Microsoft' });
    expect(sent.filter((request) => request.method === 'GET')).toHaveLength(3);
    expect(process.exitCode).toBeUndefined();
    expect(schemaIssues('cosell opportunity submit', result)).toEqual([]);
  });

  it('shows the portal findings and exits 1 when the portal wants changes', async () => {
    const findings = [
      {
        code: 'MSFT_CUSTOMER_CONTACT_REQUIRED',
        severity: 'error',
        message: 'Partner Center needs a customer contact',
        field: 'OpportunityContactRole',
      },
    ];
    fakeService($$, {
      [ENGAGEMENTS]: [
        engagements(draft),
        engagements({
          ...draft,
          status: 'Action required',
          findings,
          lastSyncedAt: '2026-11-10T09:02:00.000Z',
        }),
      ],
      [SUBMIT]: queued,
    });
    const result = await submit(['--opportunity', ID, '--cloud', 'microsoft']);
    expect(result.outcome).toBe('refused');
    expect(process.exitCode).toBe(1);
    expect(ux.table.firstCall.args[0]).toMatchObject({
      data: [
        {
          severity: 'error',
          field: 'OpportunityContactRole',
          code: 'MSFT_CUSTOMER_CONTACT_REQUIRED',
        },
      ],
    });
  });

  it('reports a submission the service refuses at once, with its findings and exit 1, without waiting', async () => {
    const findings = [
      {
        code: 'AWS_MAP_VALUE_INVALID',
        severity: 'error',
        message: 'Close Date 2026-10-31 is in the past',
        field: 'CloseDate',
      },
      {
        code: 'LINT_NO_HYPERSCALER_ASK',
        severity: 'error',
        message: 'No ask of the hyperscaler',
        field: 'CoSell_Help_Needed__c',
      },
    ];
    const sent = fakeService($$, {
      [ENGAGEMENTS]: [engagements(draft)],
      [SUBMIT]: problem(422, 'unprocessable', '2 finding(s) block the AWS submission', {
        findings,
      }),
    });
    const result = await submit(['--opportunity', ID, '--cloud', 'aws', '--json']);
    expect(result).toMatchObject({ outcome: 'refused', jobId: null, findings });
    expect(process.exitCode).toBe(1);
    expect(sent.filter((request) => request.method === 'GET')).toHaveLength(1);
    expect(schemaIssues('cosell opportunity submit', result)).toEqual([]);
  });

  it('says at once that the portal already holds the deal, with its portal id', async () => {
    const sent = fakeService($$, {
      [ENGAGEMENTS]: [
        engagements({ ...draft, cloud: 'AWS', status: 'In review', portalId: 'O7781234' }),
      ],
      [SUBMIT]: {
        status: 200,
        body: {
          opportunityId: ID,
          cloud: 'AWS',
          portalId: 'O7781234',
          engagementStatus: 'In review',
        },
      },
    });
    const result = await submit(['--opportunity', ID, '--cloud', 'aws']);
    expect(result).toMatchObject({ outcome: 'shared', jobId: null, queued: false });
    expect(printed()).toContain('O7781234');
    expect(process.exitCode).toBeUndefined();
    expect(sent.filter((request) => request.method === 'GET')).toHaveLength(1);
  });

  it('reports a delivery failure from the sync error', async () => {
    fakeService($$, {
      [ENGAGEMENTS]: [
        engagements(),
        engagements({
          ...draft,
          cloud: 'AWS',
          status: 'Submitted',
          syncError: 'ACE rejected the request: ValidationException on Customer.Account.WebsiteUrl',
        }),
      ],
      [SUBMIT]: { status: 202, body: { ...queued.body, cloud: 'AWS' } },
    });
    const result = await submit(['--opportunity', ID, '--cloud', 'aws']);
    expect(result.outcome).toBe('failed');
    expect(printed()).toContain('ValidationException on Customer.Account.WebsiteUrl');
    expect(process.exitCode).toBe(1);
  });

  it('returns at once with --wait 0, saying an unchanged version was already queued', async () => {
    fakeService($$, {
      [ENGAGEMENTS]: engagements(draft),
      [SUBMIT]: { status: 202, body: { ...queued.body, queued: false } },
    });
    const queuedOnly = await submit(['--opportunity', ID, '--cloud', 'microsoft', '--wait', '0']);
    expect(queuedOnly).toMatchObject({ outcome: 'queued', queued: false, waitedSeconds: 0 });
    expect(printed()).toContain('was already queued');
    expect(process.exitCode).toBeUndefined();
  });

  it('gives up after --wait minutes with exit code 3, the submission still queued', async () => {
    let clock = Date.parse('2026-11-10T09:00:00Z');
    // Every clock read moves 25 s on, so a one-minute wait runs out after a few polls.
    $$.SANDBOX.stub(Date, 'now').callsFake(() => (clock += 25_000));
    const sent = fakeService($$, { [ENGAGEMENTS]: engagements(draft), [SUBMIT]: queued });
    const result = await submit(['--opportunity', ID, '--cloud', 'microsoft', '--wait', '1']);
    expect(result.outcome).toBe('waiting');
    expect(result.engagement?.status).toBe('Draft');
    expect(process.exitCode).toBe(3);
    expect(sent.filter((request) => request.method === 'GET').length).toBeLessThan(6);
    expect(ux.warn.firstCall.args[0]).toContain(
      'has not answered yet; the submission stays queued',
    );
  });

  it('reports an opportunity the service has not mirrored', async () => {
    fakeService($$, {
      [ENGAGEMENTS]: problem(
        404,
        'not-found',
        `opportunity ${ID} is not in the service's mirror of Salesforce`,
      ),
    });
    await expect(submit(['--opportunity', ID, '--cloud', 'google'])).rejects.toThrow(
      /not in the service's mirror/,
    );
  });

  it('refuses bad flags before calling the service', async () => {
    const sent = fakeService($$, {});
    await expect(submit(['--opportunity', ID, '--cloud', 'oracle'])).rejects.toThrow(
      /aws, microsoft, google/,
    );
    await expect(submit(['--opportunity', '001Hs00000Nwh01AAA', '--cloud', 'aws'])).rejects.toThrow(
      /006/,
    );
    await expect(submit(['--opportunity', ID])).rejects.toThrow(/cloud/);
    await expect(submit(['--opportunity', ID, '--cloud', 'aws', '--wait', '-1'])).rejects.toThrow(
      /wait/,
    );
    expect(sent).toEqual([]);
  });

  it('says the service is unreachable at its URL', async () => {
    const url = await closedPortUrl();
    const error = (await runCommand(OpportunitySubmit, [
      '--service-url',
      url,
      '--opportunity',
      ID,
      '--cloud',
      'aws',
    ]).catch((caught: unknown) => caught)) as Error & { exitCode: number };
    expect(error.message).toContain(`unreachable at ${url}`);
    expect(error.exitCode).toBe(5);
  });
});
