// The local org `npm start` runs when no Salesforce org is configured: the sandbox Salesforce server
// on its own bare origin, a connected app trusting a freshly generated key, the integration and
// admin users and the queues triage routes to, so the production gateway logs in as to a real org.
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { SalesforceConfig } from '../../salesforce/config.js';
import { loadSandboxState, saveSandboxState } from '../../store/sandbox-state.js';
import type { Database } from '../../store/schema.js';
import { JWT_BEARER_GRANT, signJwtAssertion } from '../../salesforce/jwt-bearer.js';
import { ADMIN_USER_ID, type SRecord } from './org.js';
import { SalesforceTestServer, type SalesforceTestServerOptions } from './server.js';
import type { ChangeEventLogState } from './streaming.js';

/** Name of the org's document in the store's sandbox state. */
export const LOCAL_ORG_STATE = 'salesforce-org';

interface PersistedOrg {
  records: Record<string, SRecord[]>;
  streaming: ChangeEventLogState;
}

export const LOCAL_ORG_CLIENT_ID = '3MVGlocalCoSellIntegrationApp';
export const LOCAL_ORG_INTEGRATION_USERNAME = 'cosell.integration@local-org.cosell.dev';
export const LOCAL_ORG_ADMIN_USERNAME = 'admin@local-org.cosell.dev';
/** The queues the default triage rules hand referrals to. */
export const LOCAL_ORG_QUEUES = ['CoSell_Senior_Alliance_Managers', 'CoSell_Alliance_Managers', 'CoSell_Alliance_Leadership', 'CoSell_Alliance_Ops'];

export interface LocalOrg {
  server: SalesforceTestServer;
  instanceUrl: string;
  /** The integration user's JWT bearer settings, as SF_* variables would give them for a real org. */
  config: SalesforceConfig;
  admin: { username: string; accessToken: string };
  stop(): Promise<void>;
}

export interface LocalOrgOptions {
  port: number;
  host?: string;
  /** Where `local-org.json` (instance URL, admin token, username) is written; none when absent. */
  dataDir?: string;
  clock?: () => Date;
  streaming?: SalesforceTestServerOptions['streaming'];
  /** Store that keeps the org's records and change-event log across restarts; in memory only when absent. */
  db?: Kysely<Database>;
  /** How long writes gather before one save (the org saves after every burst of changes). */
  saveDelayMs?: number;
}

/** Users and queues an org has before any co-sell data: the admin, the integration user, the queues. */
function bootstrap(server: SalesforceTestServer): void {
  const org = server.org;
  if (!org.get('User', ADMIN_USER_ID)) org.seed('User', { Id: ADMIN_USER_ID, Name: 'Alex Morgan', Username: LOCAL_ORG_ADMIN_USERNAME, Email: 'alex.morgan@acme-analytics.example.com', IsActive: true });
  if (!org.findByField('User', 'Username', LOCAL_ORG_INTEGRATION_USERNAME)) org.seed('User', { Name: 'Co-Sell Integration', Username: LOCAL_ORG_INTEGRATION_USERNAME, Email: LOCAL_ORG_INTEGRATION_USERNAME, IsActive: true });
  for (const name of LOCAL_ORG_QUEUES) {
    if (!org.findByField('Group', 'DeveloperName', name)) org.seed('Group', { Type: 'Queue', DeveloperName: name, Name: name.replace(/_/g, ' ') });
  }
}

/** A session for `username` through the org's own token endpoint (the JWT bearer flow). */
async function login(instanceUrl: string, username: string, privateKey: string, now: Date): Promise<string> {
  const assertion = signJwtAssertion({ clientId: LOCAL_ORG_CLIENT_ID, username, loginUrl: instanceUrl, privateKey }, now);
  const response = await fetch(`${instanceUrl}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: JWT_BEARER_GRANT, assertion }),
  });
  const body = (await response.json()) as { access_token?: string; error_description?: string };
  if (!response.ok || !body.access_token) throw new Error(`local org refused the login of ${username}: ${body.error_description ?? response.status}`);
  return body.access_token;
}

export async function startLocalOrg(options: LocalOrgOptions): Promise<LocalOrg> {
  const clock = options.clock ?? (() => new Date());
  const persisted = options.db ? await loadSandboxState<PersistedOrg>(options.db, LOCAL_ORG_STATE) : null;
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKey = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const server = new SalesforceTestServer({
    publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    clientId: LOCAL_ORG_CLIENT_ID,
    usernames: [LOCAL_ORG_INTEGRATION_USERNAME, LOCAL_ORG_ADMIN_USERNAME],
    clock,
    streaming: { ...options.streaming, ...(persisted ? { restored: persisted.streaming } : {}) },
  });
  if (persisted) server.org.restore(persisted.records);
  const saver = options.db ? persistOrg(server, options.db, clock, options.saveDelayMs ?? 100) : null;
  const instanceUrl = await server.start(options.port, options.host ?? '127.0.0.1');
  bootstrap(server);
  const accessToken = await login(instanceUrl, LOCAL_ORG_ADMIN_USERNAME, privateKey, clock());
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    writeFileSync(join(options.dataDir, 'local-org.json'), `${JSON.stringify({ instanceUrl, accessToken, username: LOCAL_ORG_ADMIN_USERNAME }, null, 2)}\n`, { mode: 0o600 });
  }
  return {
    server,
    instanceUrl,
    config: { loginUrl: instanceUrl, clientId: LOCAL_ORG_CLIENT_ID, username: LOCAL_ORG_INTEGRATION_USERNAME, privateKey, instanceUrl: null },
    admin: { username: LOCAL_ORG_ADMIN_USERNAME, accessToken },
    async stop() {
      await saver?.flush();
      saver?.stop();
      await server.stop();
    },
  };
}

/** Saves the org's records and change-event log shortly after each burst of writes, one save at a time. */
function persistOrg(server: SalesforceTestServer, db: Kysely<Database>, clock: () => Date, delayMs: number) {
  let timer: NodeJS.Timeout | null = null;
  let saving: Promise<void> = Promise.resolve();
  let dirty = false;
  const save = (): Promise<void> => {
    timer = null;
    if (!dirty) return saving;
    dirty = false;
    const state: PersistedOrg = { records: server.org.dump(), streaming: server.streaming.state() };
    saving = saving.then(() => saveSandboxState(db, LOCAL_ORG_STATE, state, clock()));
    return saving;
  };
  const off = server.org.onChange(() => {
    dirty = true;
    timer ??= setTimeout(() => void save().catch(() => (dirty = true)), delayMs);
  });
  return {
    flush: async () => {
      if (timer) clearTimeout(timer);
      await save();
    },
    stop: off,
  };
}
