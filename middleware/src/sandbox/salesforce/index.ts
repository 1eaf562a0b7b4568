// The local org's entry point: starts a Salesforce org on a bare loopback origin with the package's
// schema and permission sets, an admin user with an access token, an integration user whose
// connected-app certificate is generated here, and demo AEs, for the desk and real clients to use.
import { generateKeyPairSync } from 'node:crypto';
import { loadPackageModel } from './force-app.js';
import type { InMemoryOrg } from './org.js';
import { SalesforceTestServer, type OrgUserSeed } from './server.js';

export { SalesforceTestServer as LocalOrgServer, LOCAL_ORG_ID, type OrgUserSeed } from './server.js';
export type { OrgChange, OrgChangeListener, InMemoryOrg, SRecord } from './org.js';

export interface LocalOrgOptions {
  /** Port of the bare origin `http://127.0.0.1:<port>` (0: any free port). */
  port?: number;
  /** The force-app directory to read (default: the repository's). */
  forceAppDir?: string;
  /** The connected app's client id the JWT `iss` must name. */
  clientId?: string;
  adminUsername?: string;
  integrationUsername?: string;
  /** The integration user's key pair (PEM); generated when absent. */
  integrationKey?: { privateKeyPem: string; publicKeyPem: string };
  /** Extra users (demo AEs, alliance ops...). */
  users?: OrgUserSeed[];
  apiVersion?: string;
  apiLimit?: number;
  clock?: () => Date;
}

export interface LocalOrg {
  /** The bare origin clients append `/services/...` to. */
  instanceUrl: string;
  admin: { username: string; userId: string; accessToken: string };
  integration: { username: string; userId: string; clientId: string; privateKeyPem: string; publicKeyPem: string };
  /** The server (fault controls, call counts, users). */
  server: SalesforceTestServer;
  /** The records, and `onChange` for Change Data Capture. */
  org: InMemoryOrg;
  stop(): Promise<void>;
}

export const LOCAL_ORG_DEFAULTS = {
  clientId: '3MVG9LocalOrgCoSellIntegration',
  adminUsername: 'admin@cosell.local',
  integrationUsername: 'cosell.integration@cosell.local',
} as const;

/** Demo users: an AE and an alliance manager, each with the package's permission set for the role. */
export const DEMO_USERS: OrgUserSeed[] = [
  { username: 'ae@cosell.local', firstName: 'Priya', lastName: 'Raman', profile: 'Standard User', permissionSets: ['CoSell_AE'] },
  { username: 'alliances@cosell.local', firstName: 'Tomas', lastName: 'Lindqvist', profile: 'Standard User', permissionSets: ['CoSell_Alliance_Ops'] },
];

export async function startLocalOrg(options: LocalOrgOptions = {}): Promise<LocalOrg> {
  const { schema, policy } = await loadPackageModel(...(options.forceAppDir ? [options.forceAppDir] : []));
  const key =
    options.integrationKey ??
    (() => {
      const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
      return { privateKeyPem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString() };
    })();
  const clientId = options.clientId ?? LOCAL_ORG_DEFAULTS.clientId;
  const adminUsername = options.adminUsername ?? LOCAL_ORG_DEFAULTS.adminUsername;
  const integrationUsername = options.integrationUsername ?? LOCAL_ORG_DEFAULTS.integrationUsername;
  const server = new SalesforceTestServer({
    schema,
    policy,
    publicKeyPem: key.publicKeyPem,
    clientId,
    usernames: [integrationUsername, adminUsername],
    users: [
      { username: adminUsername, firstName: 'Org', lastName: 'Admin', profile: 'System Administrator', permissionSets: [] },
      { username: integrationUsername, firstName: 'Co-Sell', lastName: 'Integration', profile: 'Minimum Access - API Only Integrations', permissionSets: ['CoSell_Integration'] },
      ...(options.users ?? DEMO_USERS),
    ],
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.apiVersion ? { apiVersion: options.apiVersion } : {}),
    ...(options.apiLimit ? { apiLimit: options.apiLimit } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const instanceUrl = await server.start();
  const admin = server.userByName(adminUsername)!;
  const integration = server.userByName(integrationUsername)!;
  return {
    instanceUrl,
    admin: { username: adminUsername, userId: admin.Id, accessToken: server.issueToken(admin.Id) },
    integration: { username: integrationUsername, userId: integration.Id, clientId, ...key },
    server,
    org: server.org,
    stop: () => server.stop(),
  };
}
