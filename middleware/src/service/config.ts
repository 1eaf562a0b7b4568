// The service's configuration, from environment variables only. With none set, everything runs
// embedded: PGlite in a local data folder, the three portals as local sandbox emulators, demo data.
// Each portal and Salesforce switch to live independently when their variables are present.
import { z } from 'zod';
import { MIN_TOKEN_LENGTH, PERSONAS } from './auth.js';

const Mode = z.enum(['sandbox', 'live']);
const Port = z.coerce.number().int().min(0).max(65_535);
const Bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Every variable the service reads, with its meaning (the README's table is built from the same words). */
export const ENVIRONMENT = z.object({
  PORT: Port.default(3000).describe('HTTP port'),
  HOST: z.string().min(1).default('127.0.0.1').describe('Interface to listen on (0.0.0.0 to serve other machines)'),
  DATABASE_URL: z.string().url().optional().describe('PostgreSQL server; absent = embedded PGlite'),
  COSELL_DATA_DIR: z.string().min(1).default('.cosell-data').describe('Folder for the embedded database and the generated admin token'),
  COSELL_API_TOKENS: z.string().optional().describe('JSON list of {"token","persona","name"}; persona one of ae, alliance-ops, revops, admin, portal-webhook'),
  COSELL_LOCAL_ORG_PORT: Port.optional().describe('Port of the local Salesforce org when no SF_* variables are set (default: PORT + 1)'),
  COSELL_RESET: Bool.optional().describe('Start the embedded desk afresh: drop the local org, sandbox portals and demo store'),
  COSELL_DEMO: Bool.optional().describe('Seed demo data (default: on when Salesforce is not configured)'),
  COSELL_WEBHOOK_SECRETS: z.string().optional().describe('Comma-separated HMAC secrets for portal webhooks (two during rotation)'),
  COSELL_TRIAGE_CONFIG: z.string().optional().describe('Path to a JSON triage configuration overriding the defaults'),
  COSELL_POLL_INTERVAL_MS: z.coerce.number().int().min(1_000).default(60_000).describe('How often portal status and inbound catch-up run'),
  SF_LOGIN_URL: z.string().url().optional().describe('Salesforce login URL (https://login.salesforce.com or a My Domain)'),
  SF_CLIENT_ID: z.string().optional().describe('Connected app consumer key for the JWT bearer flow'),
  SF_USERNAME: z.string().optional().describe('Integration user username'),
  SF_PRIVATE_KEY: z.string().optional().describe('PEM private key for the JWT bearer flow'),
  SF_PRIVATE_KEY_FILE: z.string().optional().describe('Path to the PEM private key (instead of SF_PRIVATE_KEY)'),
  AWS_MODE: Mode.default('sandbox').describe('sandbox = local ACE emulator; live = AWS Partner Central'),
  AWS_CATALOG: z.enum(['Sandbox', 'AWS']).default('Sandbox').describe('Partner Central catalog for live mode'),
  AWS_REGION: z.literal('us-east-1').default('us-east-1').describe('Partner Central Selling API region'),
  AWS_SOLUTION_ID: z.string().optional().describe('Solution to associate with submitted opportunities (S-...)'),
  AWS_ENDPOINT_URL: z.string().url().optional().describe('Override the Partner Central endpoint'),
  MS_MODE: Mode.default('sandbox').describe('sandbox = local Partner Center emulator; live = Partner Center'),
  MS_BASE_URL: z.string().url().default('https://api.partnercenter.microsoft.com').describe('Partner Center API base URL'),
  MS_ACCESS_TOKEN: z.string().optional().describe('Bearer token for Partner Center (live mode)'),
  GOOGLE_MODE: Mode.default('sandbox').describe('sandbox = local Cloud Channel emulator; live = Cloud Channel API'),
  GOOGLE_PARTNER_ID: z.string().optional().describe('Cloud Channel partner account id (live mode)'),
  GOOGLE_APPLICATION_CREDENTIALS: z.string().optional().describe('Service-account key file (live mode)'),
  GOOGLE_BASE_URL: z.string().url().default('https://cloudchannel.googleapis.com').describe('Cloud Channel API base URL'),
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
  const known = Object.fromEntries(Object.keys(ENVIRONMENT.shape).filter((key) => env[key] !== undefined && env[key] !== '').map((key) => [key, env[key]]));
  const parsed = ENVIRONMENT.safeParse(known);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const config = parsed.data;
  const problems: string[] = [];
  const salesforceKeys = ['SF_LOGIN_URL', 'SF_CLIENT_ID', 'SF_USERNAME'] as const;
  const someSalesforce = salesforceKeys.some((key) => config[key]) || config.SF_PRIVATE_KEY || config.SF_PRIVATE_KEY_FILE;
  if (someSalesforce) {
    for (const key of salesforceKeys) if (!config[key]) problems.push(`${key}: required to connect Salesforce (the other SF_* variables are set)`);
    if (!config.SF_PRIVATE_KEY && !config.SF_PRIVATE_KEY_FILE) problems.push('SF_PRIVATE_KEY or SF_PRIVATE_KEY_FILE: required for the JWT bearer flow');
  }
  if (config.AWS_MODE === 'live' && !config.AWS_SOLUTION_ID) problems.push('AWS_SOLUTION_ID: required in live mode (the solution AWS reviews with each opportunity)');
  if (config.MS_MODE === 'live' && !config.MS_ACCESS_TOKEN) problems.push('MS_ACCESS_TOKEN: required in live mode');
  if (config.GOOGLE_MODE === 'live') {
    if (!config.GOOGLE_PARTNER_ID) problems.push('GOOGLE_PARTNER_ID: required in live mode');
    if (!config.GOOGLE_APPLICATION_CREDENTIALS) problems.push('GOOGLE_APPLICATION_CREDENTIALS: required in live mode');
  }
  if (config.COSELL_API_TOKENS) {
    try {
      ApiTokens.parse(JSON.parse(config.COSELL_API_TOKENS));
    } catch (error) {
      problems.push(`COSELL_API_TOKENS: must be a JSON list of {"token","persona","name"} (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

export const ApiTokens = z.array(
  z.strictObject({ token: z.string().min(MIN_TOKEN_LENGTH, `tokens must be at least ${MIN_TOKEN_LENGTH} characters`), persona: z.enum(PERSONAS), name: z.string().min(1) }),
);

/** Whether Salesforce is connected (otherwise the embedded stand-in holds the Salesforce side). */
export function salesforceConnected(config: ServiceConfig): boolean {
  return Boolean(config.SF_LOGIN_URL && config.SF_CLIENT_ID && config.SF_USERNAME);
}
