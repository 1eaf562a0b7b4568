// The local org `npm start` runs when no Salesforce org is configured: the sandbox Salesforce server
// on its own bare origin, a connected app trusting a freshly generated key, the integration and
// admin users and the queues triage routes to, so the production gateway logs in as to a real org.
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { SalesforceConfig } from '../../salesforce/gateway/config.js';
import { loadSandboxState } from '../../store/sandbox-state.js';
import { createStateSaver } from '../state-saver.js';
import type { Database } from '../../store/schema.js';
import { JWT_BEARER_GRANT, signJwtAssertion } from '../../salesforce/gateway/jwt-bearer.js';
import { loadPackageModel } from './force-app.js';
import type { InMemoryOrg, SRecord } from './org.js';
import {
  SalesforceTestServer,
  type OrgUserSeed,
  type SalesforceTestServerOptions,
} from './server.js';
import type { ChangeEventLogState } from './streaming.js';

/** Name of the org's document in the store's sandbox state. */
export const LOCAL_ORG_STATE = 'salesforce-org';

interface PersistedOrg {
  records: Record<string, SRecord[]>;
  streaming: ChangeEventLogState;
}

export const LOCAL_ORG_CLIENT_ID = '3MVG9LocalOrgCoSellIntegration';
export const LOCAL_ORG_INTEGRATION_USERNAME = 'cosell.integration@cosell.local';
export const LOCAL_ORG_ADMIN_USERNAME = 'admin@cosell.local';
export const LOCAL_ORG_DEFAULTS = {
  clientId: LOCAL_ORG_CLIENT_ID,
  adminUsername: LOCAL_ORG_ADMIN_USERNAME,
  integrationUsername: LOCAL_ORG_INTEGRATION_USERNAME,
} as const;
/** The queues the default triage rules hand referrals to. */
export const LOCAL_ORG_QUEUES = [
  'CoSell_Senior_Alliance_Managers',
  'CoSell_Alliance_Managers',
  'CoSell_Alliance_Leadership',
  'CoSell_Alliance_Ops',
];

/** The personas the preview can act as, each a Standard User with the package's permission set for the role. */
export const DEMO_PERSONAS = {
  ae: {
    username: 'ae@cosell.local',
    firstName: 'Priya',
    lastName: 'Raman',
    profile: 'Standard User',
    permissionSets: ['CoSell_AE'],
  },
  'alliance-ops': {
    username: 'alliances@cosell.local',
    firstName: 'Tomas',
    lastName: 'Lindqvist',
    profile: 'Standard User',
    permissionSets: ['CoSell_Alliance_Ops'],
  },
  revops: {
    username: 'revops@cosell.local',
    firstName: 'Ines',
    lastName: 'Moreau',
    profile: 'Standard User',
    permissionSets: ['CoSell_RevOps'],
  },
} satisfies Record<string, OrgUserSeed>;
export type DemoPersona = keyof typeof DEMO_PERSONAS;

/** Demo users: an AE, an alliance manager and a RevOps analyst. */
export const DEMO_USERS: OrgUserSeed[] = Object.values(DEMO_PERSONAS).map((seed) => ({
  ...seed,
  permissionSets: [...seed.permissionSets],
}));

/** A persona's session in the local org, as local-org.json lists it for the preview. */
export interface PersonaSession {
  username: string;
  userId: string;
  name: string;
  accessToken: string;
}

export interface LocalOrg {
  server: SalesforceTestServer;
  /** The records, and `onChange` for Change Data Capture. */
  org: InMemoryOrg;
  /** The bare origin clients append `/services/...` to. */
  instanceUrl: string;
  /** The integration user's JWT bearer settings, as SF_* variables would give them for a real org. */
  config: SalesforceConfig;
  admin: { username: string; userId: string; accessToken: string };
  /** Sessions of the demo personas (none when `users` replaced the demo users). */
  personas: Partial<Record<DemoPersona, PersonaSession>>;
  integration: {
    username: string;
    userId: string;
    clientId: string;
    privateKeyPem: string;
    publicKeyPem: string;
  };
  stop(): Promise<void>;
}

export interface LocalOrgOptions {
  /** Port of the bare origin (0 or absent: any free port). */
  port?: number;
  host?: string;
  /** Where `local-org.json` (instance URL, admin token, username) is written; none when absent. */
  dataDir?: string;
  clock?: () => Date;
  streaming?: SalesforceTestServerOptions['streaming'];
  /** Store that keeps the org's records and change-event log across restarts; in memory only when absent. */
  db?: Kysely<Database>;
  /** How long writes gather before one save (the org saves after every burst of changes). */
  saveDelayMs?: number;
  /** The force-app directory to read (default: the repository's). */
  forceAppDir?: string;
  clientId?: string;
  adminUsername?: string;
  integrationUsername?: string;
  /** The integration user's key pair (PEM); generated when absent. */
  integrationKey?: { privateKeyPem: string; publicKeyPem: string };
  /** Extra users (default: the demo personas). */
  users?: OrgUserSeed[];
  apiVersion?: string;
  apiLimit?: number;
}

/** Queues an org has before any co-sell data: those triage routes referrals to. */
function bootstrap(server: SalesforceTestServer): void {
  for (const name of LOCAL_ORG_QUEUES) {
    if (!server.org.findByField('Group', 'DeveloperName', name))
      server.org.seed('Group', {
        Type: 'Queue',
        DeveloperName: name,
        Name: name.replace(/_/g, ' '),
      });
  }
}

/** A session for `username` through the org's own token endpoint (the JWT bearer flow). */
async function login(
  instanceUrl: string,
  clientId: string,
  username: string,
  privateKey: string,
  now: Date,
): Promise<string> {
  const assertion = signJwtAssertion(
    { clientId, username, loginUrl: instanceUrl, privateKey },
    now,
  );
  const response = await fetch(`${instanceUrl}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: JWT_BEARER_GRANT, assertion }),
  });
  const body = (await response.json()) as { access_token?: string; error_description?: string };
  if (!response.ok || !body.access_token)
    throw new Error(
      `local org refused the login of ${username}: ${body.error_description ?? response.status}`,
    );
  return body.access_token;
}

export async function startLocalOrg(options: LocalOrgOptions = {}): Promise<LocalOrg> {
  const clock = options.clock ?? (() => new Date());
  const { schema, policy, staticResources } = await loadPackageModel(
    ...(options.forceAppDir ? [options.forceAppDir] : []),
  );
  const persisted = options.db
    ? await loadSandboxState<PersistedOrg>(options.db, LOCAL_ORG_STATE)
    : null;
  const key =
    options.integrationKey ??
    (() => {
      const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
      return {
        privateKeyPem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      };
    })();
  const clientId = options.clientId ?? LOCAL_ORG_CLIENT_ID;
  const adminUsername = options.adminUsername ?? LOCAL_ORG_ADMIN_USERNAME;
  const integrationUsername = options.integrationUsername ?? LOCAL_ORG_INTEGRATION_USERNAME;
  const server = new SalesforceTestServer({
    schema,
    policy,
    staticResources,
    publicKeyPem: key.publicKeyPem,
    clientId,
    usernames: [integrationUsername, adminUsername],
    users: [
      // The admin seeds the demo, whose closed quarter keeps its history dates: Salesforce lets only a
      // user with "Set Audit Fields upon Record Creation" give CreatedDate on insert.
      {
        username: adminUsername,
        firstName: 'Org',
        lastName: 'Admin',
        profile: 'System Administrator',
        permissionSets: [],
        userPermissions: ['CreateAuditFields'],
      },
      {
        username: integrationUsername,
        firstName: 'Co-Sell',
        lastName: 'Integration',
        profile: 'Minimum Access - API Only Integrations',
        permissionSets: ['CoSell_Integration'],
      },
      ...(options.users ?? DEMO_USERS),
    ],
    clock,
    streaming: { ...options.streaming, ...(persisted ? { restored: persisted.streaming } : {}) },
    ...(options.apiVersion ? { apiVersion: options.apiVersion } : {}),
    ...(options.apiLimit ? { apiLimit: options.apiLimit } : {}),
  });
  // Users keep their Ids across restarts (derived from the username), so restored owners still resolve.
  if (persisted) server.org.restore(persisted.records);
  // The org saves shortly after each burst of writes, and before it answers one, as a real org
  // commits before it replies: an acknowledged write survives a crash of the service.
  const db = options.db;
  const saver = db
    ? createStateSaver(
        db,
        LOCAL_ORG_STATE,
        (): PersistedOrg => ({ records: server.org.dump(), streaming: server.streaming.state() }),
        clock,
        options.saveDelayMs ?? 100,
      )
    : null;
  const stopSaving = saver ? server.org.onChange(() => saver.touch()) : null;
  if (saver) server.beforeAnswer = () => saver.flush();
  const instanceUrl = await server.start(options.port ?? 0, options.host ?? '127.0.0.1');
  bootstrap(server);
  const admin = server.userByName(adminUsername)!;
  const integration = server.userByName(integrationUsername)!;
  const accessToken = await login(instanceUrl, clientId, adminUsername, key.privateKeyPem, clock());
  // Each persona gets a session of its own, as if the user had logged in to Lightning, so the preview
  // acting as them meets their field-level security and object access, not the admin's.
  const personas: Partial<Record<DemoPersona, PersonaSession>> = {};
  for (const [persona, seed] of Object.entries(DEMO_PERSONAS) as Array<
    [DemoPersona, OrgUserSeed]
  >) {
    const user = server.userByName(seed.username);
    if (user)
      personas[persona] = {
        username: seed.username,
        userId: user.Id,
        name: `${seed.firstName} ${seed.lastName}`,
        accessToken: server.issueToken(user.Id),
      };
  }
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    writeFileSync(
      join(options.dataDir, 'local-org.json'),
      `${JSON.stringify({ instanceUrl, accessToken, username: adminUsername, userId: admin.Id, personas }, null, 2)}\n`,
      { mode: 0o600 },
    );
  }
  return {
    server,
    org: server.org,
    instanceUrl,
    config: {
      loginUrl: instanceUrl,
      clientId,
      username: integrationUsername,
      privateKey: key.privateKeyPem,
      instanceUrl: null,
    },
    admin: { username: adminUsername, userId: admin.Id, accessToken },
    personas,
    integration: { username: integrationUsername, userId: integration.Id, clientId, ...key },
    async stop() {
      await saver?.flush();
      stopSaving?.();
      saver?.stop();
      await server.stop();
    },
  };
}
