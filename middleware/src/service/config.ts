// The service's configuration, from environment variables only. With none set, everything runs
// embedded: PGlite in a local data folder, the three portals as local sandbox emulators, demo data.
// Each portal and Salesforce switch to live independently when their variables are present.
import { z } from 'zod';
import { DEFAULT_PRODUCT_FAMILIES } from '../portals/google/map.js';
import { idList } from '../portals/id-list.js';
import { MIN_TOKEN_LENGTH, PERSONAS, PERSONAS_ACTING_AS_A_USER, USER_ID } from './auth.js';
import { apiTokenProblems } from './token-config-problems.js';

const Mode = z.enum(['sandbox', 'live']);
const PORT_WORDS = 'must be a port number from 0 to 65535 (0 picks a free port)';
const Port = z.coerce
  .number({ error: PORT_WORDS })
  .int(PORT_WORDS)
  .min(0, PORT_WORDS)
  .max(65_535, PORT_WORDS);
const Bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Every variable the service reads, with its meaning (the README's table is built from the same words). */
export const ENVIRONMENT = z.object({
  PORT: Port.default(3000).describe('HTTP port'),
  HOST: z
    .string()
    .min(1)
    .default('127.0.0.1')
    .describe('Interface to listen on (0.0.0.0 to serve other machines)'),
  DATABASE_URL: z
    .string()
    .url('must be a PostgreSQL URL such as postgres://cosell:secret@db.example.com:5432/cosell')
    .optional()
    .describe('PostgreSQL server; absent = embedded PGlite'),
  COSELL_DATA_DIR: z
    .string()
    .min(1)
    .default('.cosell-data')
    .describe('Folder for the embedded database and the generated admin token'),
  COSELL_API_TOKENS: z
    .string()
    .optional()
    .describe(
      'JSON list of {"token","persona","name","userId"}; persona one of ae, alliance-ops, revops, admin, portal-webhook; userId the Salesforce User the token acts for (required for ae, alliance-ops, revops)',
    ),
  COSELL_LOCAL_ORG_PORT: Port.optional().describe(
    'Port of the local Salesforce org when no SF_* variables are set (default: PORT + 1)',
  ),
  COSELL_RESET: Bool.optional().describe(
    'Start the embedded desk afresh: drop the local org, sandbox portals and demo store',
  ),
  COSELL_DEMO: Bool.optional().describe(
    'Seed demo data (default: on when Salesforce is not configured)',
  ),
  COSELL_WEBHOOK_SECRETS: z
    .string()
    .optional()
    .describe('Comma-separated HMAC secrets for portal webhooks (two during rotation)'),
  COSELL_TRIAGE_CONFIG: z
    .string()
    .optional()
    .describe('Path to a JSON triage configuration overriding the defaults'),
  COSELL_TRUST_PROXY: z
    .string()
    .regex(
      /^(true|false|\d{1,2}|[0-9a-fA-F:.,/ ]+|loopback|linklocal|uniquelocal)$/,
      'use false, true, a hop count, or the proxy addresses (comma-separated)',
    )
    .optional()
    .describe(
      'Behind a reverse proxy: its hop count or addresses, so rate limits count the client, not the proxy (default false)',
    ),
  COSELL_POLL_INTERVAL_MS: z.coerce
    .number({ error: 'must be a number of milliseconds, at least 1000' })
    .int('must be a whole number of milliseconds')
    .min(1_000, 'must be at least 1000 milliseconds')
    .default(60_000)
    .describe('How often portal status and inbound catch-up run'),
  SF_LOGIN_URL: z
    .string()
    .url()
    .optional()
    .describe('Salesforce login URL (https://login.salesforce.com or a My Domain)'),
  SF_CLIENT_ID: z
    .string()
    .optional()
    .describe('Connected app consumer key for the JWT bearer flow'),
  SF_USERNAME: z.string().optional().describe('Integration user username'),
  SF_PRIVATE_KEY: z.string().optional().describe('PEM private key for the JWT bearer flow'),
  SF_PRIVATE_KEY_FILE: z
    .string()
    .optional()
    .describe('Path to the PEM private key (instead of SF_PRIVATE_KEY)'),
  AWS_MODE: Mode.default('sandbox').describe(
    'sandbox = local ACE emulator; live = AWS Partner Central',
  ),
  AWS_CATALOG: z
    .enum(['Sandbox', 'AWS'])
    .default('Sandbox')
    .describe('Partner Central catalog for live mode'),
  AWS_REGION: z
    .literal('us-east-1')
    .default('us-east-1')
    .describe('Partner Central Selling API region'),
  AWS_SOLUTION_ID: z
    .string()
    .optional()
    .describe('Solution to associate with submitted opportunities (S-...)'),
  AWS_ENDPOINT_URL: z.string().url().optional().describe('Override the Partner Central endpoint'),
  MS_MODE: Mode.default('sandbox').describe(
    'sandbox = local Partner Center emulator; live = Partner Center',
  ),
  MS_BASE_URL: z
    .string()
    .url()
    .default('https://api.partnercenter.microsoft.com')
    .describe('Partner Center API base URL'),
  MS_ACCESS_TOKEN: z.string().optional().describe('Bearer token for Partner Center (live mode)'),
  MS_SOLUTION_IDS: z
    .string()
    .optional()
    .transform((value) => idList(value))
    .describe(
      'Comma-separated Partner Center co-sell solution ids sent with every referral shared with Microsoft (live mode)',
    ),
  GOOGLE_MODE: Mode.default('sandbox').describe(
    'sandbox = local Cloud Channel emulator; live = Cloud Channel API',
  ),
  GOOGLE_PARTNER_ID: z.string().optional().describe('Cloud Channel partner account id (live mode)'),
  GOOGLE_PRODUCT_FAMILIES: z
    .string()
    .optional()
    .transform((value) => {
      const families = idList(value);
      return families.length > 0 ? families : [...DEFAULT_PRODUCT_FAMILIES];
    })
    .describe(
      'Comma-separated Cloud Channel product families sent with every Google submission (default GOOGLE_CLOUD_PLATFORM)',
    ),
  GOOGLE_APPLICATION_CREDENTIALS: z
    .string()
    .optional()
    .describe('Service-account key file (live mode)'),
  GOOGLE_BASE_URL: z
    .string()
    .url()
    .default('https://cloudchannel.googleapis.com')
    .describe('Cloud Channel API base URL'),
});
export type ServiceConfig = z.infer<typeof ENVIRONMENT>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and checks the environment; every problem is named with the variable and the fix. */
export function loadConfig(env: NodeJS.ProcessEnv): ServiceConfig {
  const known = Object.fromEntries(
    Object.keys(ENVIRONMENT.shape)
      .filter((key) => env[key] !== undefined && env[key] !== '')
      .map((key) => [key, env[key]]),
  );
  const parsed = ENVIRONMENT.safeParse(known);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const config = parsed.data;
  const problems: string[] = [];
  const salesforceKeys = ['SF_LOGIN_URL', 'SF_CLIENT_ID', 'SF_USERNAME'] as const;
  const someSalesforce =
    salesforceKeys.some((key) => config[key]) ||
    config.SF_PRIVATE_KEY ||
    config.SF_PRIVATE_KEY_FILE;
  if (someSalesforce) {
    for (const key of salesforceKeys)
      if (!config[key])
        problems.push(`${key}: required to connect Salesforce (the other SF_* variables are set)`);
    if (!config.SF_PRIVATE_KEY && !config.SF_PRIVATE_KEY_FILE)
      problems.push('SF_PRIVATE_KEY or SF_PRIVATE_KEY_FILE: required for the JWT bearer flow');
  }
  if (config.AWS_MODE === 'live' && !config.AWS_SOLUTION_ID)
    problems.push(
      'AWS_SOLUTION_ID: required in live mode (the solution AWS reviews with each opportunity)',
    );
  if (config.MS_MODE === 'live' && !config.MS_ACCESS_TOKEN)
    problems.push('MS_ACCESS_TOKEN: required in live mode');
  if (config.MS_MODE === 'live' && config.MS_SOLUTION_IDS.length === 0)
    problems.push(
      'MS_SOLUTION_IDS: required in live mode (Partner Center refuses to share a referral with Microsoft without a co-sell-ready solution)',
    );
  if (config.GOOGLE_MODE === 'live') {
    if (!config.GOOGLE_PARTNER_ID) problems.push('GOOGLE_PARTNER_ID: required in live mode');
    if (!config.GOOGLE_APPLICATION_CREDENTIALS)
      problems.push('GOOGLE_APPLICATION_CREDENTIALS: required in live mode');
  }
  if (config.COSELL_API_TOKENS)
    problems.push(
      ...apiTokenProblems(
        config.COSELL_API_TOKENS,
        ApiTokens,
        Object.keys(ApiTokens.element.shape),
      ),
    );
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

export const ApiTokens = z
  .array(
    z
      .strictObject({
        token: z
          .string()
          .min(MIN_TOKEN_LENGTH, `tokens must be at least ${MIN_TOKEN_LENGTH} characters`),
        persona: z.enum(PERSONAS),
        name: z.string().min(1),
        userId: z
          .string()
          .regex(USER_ID, 'userId must be the 18-character Id of a Salesforce User (005...)')
          .optional(),
      })
      .refine(
        (grant) => grant.userId !== undefined || !PERSONAS_ACTING_AS_A_USER.includes(grant.persona),
        {
          message: `userId is required for personas ${PERSONAS_ACTING_AS_A_USER.join(', ')}: the Salesforce User whose access the token has`,
          path: ['userId'],
        },
      ),
  )
  .superRefine((grants, context) => {
    // Names are what the audit log records as the actor: two callers under one name could not be told apart.
    const seen = new Map<string, number>();
    const tokens = new Set<string>();
    grants.forEach((grant, index) => {
      if (seen.has(grant.name))
        context.addIssue({
          code: 'custom',
          path: [index, 'name'],
          message: `name "${grant.name}" is already used by entry ${seen.get(grant.name)}; names must be unique`,
        });
      else seen.set(grant.name, index);
      if (tokens.has(grant.token))
        context.addIssue({
          code: 'custom',
          path: [index, 'token'],
          message: 'this token is already given to another entry; each caller needs its own token',
        });
      tokens.add(grant.token);
    });
  });

/** Express's `trust proxy` value from COSELL_TRUST_PROXY. */
export function trustProxySetting(config: ServiceConfig): boolean | number | string {
  const value = config.COSELL_TRUST_PROXY;
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** Whether Salesforce is connected (otherwise the embedded stand-in holds the Salesforce side). */
export function salesforceConnected(config: ServiceConfig): boolean {
  return Boolean(config.SF_LOGIN_URL && config.SF_CLIENT_ID && config.SF_USERNAME);
}
