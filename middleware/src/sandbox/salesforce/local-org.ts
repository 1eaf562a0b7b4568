// The local org `npm start` runs when no Salesforce org is configured: the sandbox Salesforce server
// on its own bare origin, a connected app trusting a freshly generated key, the integration and
// admin users and the queues triage routes to, so the production gateway logs in as to a real org.
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SalesforceConfig } from '../../salesforce/config.js';
import { JWT_BEARER_GRANT, signJwtAssertion } from '../../salesforce/jwt-bearer.js';
import { loadPackageModel } from './force-app.js';
import { DEMO_USERS } from './index.js';
import { ADMIN_USER_ID } from './org.js';
import { SalesforceTestServer, type SalesforceTestServerOptions } from './server.js';

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
}

/** The queues triage routes to (the users are the server's seeds). */
function bootstrap(server: SalesforceTestServer): void {
  const org = server.org;
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
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKey = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  // The package's schema and permission sets make the org check writes and serve the UI API the preview calls.
  const { schema, policy } = await loadPackageModel();
  const server = new SalesforceTestServer({
    schema,
    policy,
    users: [
      { id: ADMIN_USER_ID, username: LOCAL_ORG_ADMIN_USERNAME, firstName: 'Alex', lastName: 'Morgan', email: 'alex.morgan@acme-analytics.example.com', profile: 'System Administrator', permissionSets: [] },
      { username: LOCAL_ORG_INTEGRATION_USERNAME, firstName: 'Co-Sell', lastName: 'Integration', profile: 'Minimum Access - API Only Integrations', permissionSets: ['CoSell_Integration'] },
      ...DEMO_USERS,
    ],
    publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    clientId: LOCAL_ORG_CLIENT_ID,
    usernames: [LOCAL_ORG_INTEGRATION_USERNAME, LOCAL_ORG_ADMIN_USERNAME],
    clock,
    ...(options.streaming ? { streaming: options.streaming } : {}),
  });
  const instanceUrl = await server.start(options.port, options.host ?? '127.0.0.1');
  bootstrap(server);
  const accessToken = await login(instanceUrl, LOCAL_ORG_ADMIN_USERNAME, privateKey, clock());
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    writeFileSync(join(options.dataDir, 'local-org.json'), `${JSON.stringify({ instanceUrl, accessToken, username: LOCAL_ORG_ADMIN_USERNAME, userId: ADMIN_USER_ID }, null, 2)}\n`, { mode: 0o600 });
  }
  return {
    server,
    instanceUrl,
    config: { loginUrl: instanceUrl, clientId: LOCAL_ORG_CLIENT_ID, username: LOCAL_ORG_INTEGRATION_USERNAME, privateKey, instanceUrl: null },
    admin: { username: LOCAL_ORG_ADMIN_USERNAME, accessToken },
    stop: () => server.stop(),
  };
}
