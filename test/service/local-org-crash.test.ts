// Proof: the embedded desk (`npm start`, a child process) is SIGKILLed five times while AE Submits
// made in the local org travel to ACE; after the last restart every deal is on ACE exactly once,
// counted in the org and in ACE's persisted account, and the change-event replay id and the sync
// cursor carried on across the restarts.
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Connection } from 'jsforce';
import { SALESFORCE_API_VERSION } from '../../middleware/src/salesforce/gateway/index.js';
import { openStore } from '../../middleware/src/store/database.js';
import { loadSandboxState } from '../../middleware/src/store/sandbox-state.js';
import { ACE_STATE } from '../../middleware/src/service/desk.js';
import type { AceAccountState } from '../../middleware/src/sandbox/aws/emulator-state.js';
import { TS_EXEC_ARGV } from '../support/ts-child.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = join(ROOT, 'middleware/src/service/main.ts');
const DEALS = 6;
const KILLS = 5;

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the embedded desk killed mid-sync', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cosell-crash-org-'));
  let child: ChildProcess | null = null;
  afterAll(() => {
    child?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Starts `npm start`'s entry point and returns a connection to its local org once it is up. */
  async function start(): Promise<Connection> {
    const startedAt = Date.now();
    child = spawn(process.execPath, [...TS_EXEC_ARGV, MAIN], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        PORT: '0',
        COSELL_DATA_DIR: dataDir,
        COSELL_DEMO: 'false',
        COSELL_POLL_INTERVAL_MS: '1000',
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    await until(
      'the desk to start',
      async () =>
        out.includes('Co-sell desk running') &&
        statSync(join(dataDir, 'local-org.json')).mtimeMs >= startedAt - 1000,
      60_000,
    );
    const { instanceUrl, accessToken } = JSON.parse(
      readFileSync(join(dataDir, 'local-org.json'), 'utf8'),
    ) as { instanceUrl: string; accessToken: string };
    return new Connection({ instanceUrl, accessToken, version: SALESFORCE_API_VERSION });
  }

  async function kill(): Promise<void> {
    const dying = child!;
    const exited = new Promise((resolve) => dying.once('exit', resolve));
    dying.kill('SIGKILL');
    await exited;
  }

  it(`loses and doubles nothing across ${KILLS} SIGKILLs`, async () => {
    let org = await start();
    const engagements: string[] = [];
    for (let index = 0; index < DEALS; index++) {
      const account = (await org.sobject('Account').create({
        Name: `Crash ${index} Ltd`,
        Website: `https://www.crash-${index}.example.com`,
        Industry: 'Retail',
        BillingStreet: '1 Harbour Way',
        BillingCity: 'Seattle',
        BillingState: 'WA',
        BillingPostalCode: '98101',
        BillingCountry: 'US',
      })) as { id: string };
      const opportunity = (await org.sobject('Opportunity').create({
        Name: `Crash ${index} - lakehouse migration`,
        AccountId: account.id,
        Amount: 300000 + index,
        CurrencyIsoCode: 'USD',
        StageName: 'Qualification',
        CloseDate: '2027-09-30',
        Description: 'Managed lakehouse migration on AWS.',
        CoSell_Clouds__c: 'AWS',
        CoSell_Origin__c: 'Partner-led',
        CoSell_Help_Needed__c: 'Architecture validation',
        CoSell_Help_Details__c: 'Sizing review.',
        Marketplace_Route__c: 'Private offer',
        Commit_Drawdown__c: 'AWS EDP',
        Tenancy_Archetype__c: 'Customer-deployed',
        CoSell_Expected_Monthly_Spend__c: 20000,
        CoSell_Use_Case__c: 'Data platform modernisation',
      })) as { id: string };
      const contact = (await org.sobject('Contact').create({
        FirstName: 'Sam',
        LastName: `Crash${index}`,
        Email: `sam${index}@crash.example.com`,
        AccountId: account.id,
      })) as { id: string };
      await org
        .sobject('OpportunityContactRole')
        .create({ OpportunityId: opportunity.id, ContactId: contact.id, Role: 'Decision Maker' });
      engagements.push(
        (
          (await org.sobject('CoSell_Engagement__c').create({
            Opportunity__c: opportunity.id,
            Cloud__c: 'AWS',
            Status__c: 'Draft',
            Engagement_Key__c: `${opportunity.id}:AWS`,
          })) as { id: string }
        ).id,
      );
    }
    // The org lives in the desk's process, so Submits are spread over the runs, each run killed at a
    // different moment after its batch (mid-sync: CDC, the outbox or an ACE call may be under way).
    const perRun = Math.ceil(DEALS / KILLS);
    for (let run = 0; run < KILLS; run++) {
      const batch = engagements.slice(run * perRun, (run + 1) * perRun);
      if (batch.length > 0)
        await org
          .sobject('CoSell_Engagement__c')
          .update(batch.map((Id) => ({ Id, Requested_Action__c: 'Submit' })));
      await new Promise((resolve) => setTimeout(resolve, 300 + ((run * 397) % 1200)));
      await kill();
      org = await start();
    }
    const records = await until(
      'every Submit answered in the org',
      async () => {
        const result = await org.query<{
          Id: string;
          Portal_Id__c: string | null;
          Requested_Action__c: string | null;
          Status__c: string | null;
        }>(`SELECT Id, Portal_Id__c, Requested_Action__c, Status__c FROM CoSell_Engagement__c`);
        return result.records.length === DEALS &&
          result.records.every((r) => r.Portal_Id__c && !r.Requested_Action__c)
          ? result.records
          : null;
      },
      150_000,
    );
    const portalIds = records.map((r) => r.Portal_Id__c);
    expect(new Set(portalIds).size).toBe(DEALS);
    // Every submission ran to its end (the portal id may show before the engagement is started).
    for (const record of records)
      expect(record.Status__c).toMatch(/^(Submitted|In review|Accepted)$/);

    const stopped = new Promise((resolve) => child!.once('exit', resolve));
    child!.kill('SIGTERM');
    await stopped;
    child = null;
    const store = await openStore({ url: undefined, dataDir: join(dataDir, 'pglite') });
    try {
      const ace = await loadSandboxState<AceAccountState>(store.db, ACE_STATE);
      const onAce = ace!.opportunities.map(([, stored]) => stored.record);
      expect(onAce).toHaveLength(DEALS);
      expect(new Set(onAce.map((record) => record.PartnerOpportunityIdentifier)).size).toBe(DEALS);
      expect(onAce.map((record) => record.Id).sort()).toEqual([...portalIds].sort());
      for (const record of onAce)
        expect(
          (record.LifeCycle as { ReviewStatus?: string } | undefined)?.ReviewStatus ??
            'Pending Submission',
        ).not.toBe('Pending Submission');
      const org = await loadSandboxState<{ streaming: { lastReplayId: number } }>(
        store.db,
        'salesforce-org',
      );
      // Every create and update of the run got a replay id, numbered on across the restarts.
      expect(org!.streaming.lastReplayId).toBeGreaterThan(DEALS * 5);
      const cursors = await store.db.selectFrom('sync_cursors').selectAll().execute();
      expect(cursors.length).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  }, 360_000);
});
