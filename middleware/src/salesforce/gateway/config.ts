// The integration user's Salesforce settings, read from `SF_*` environment variables and checked at
// startup, so a misconfigured deployment stops with the variable at fault named instead of failing
// on its first sync.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** Environment variables the gateway reads; the README's connected-mode table lists the same names. */
export const SALESFORCE_ENV = {
  loginUrl: 'SF_LOGIN_URL',
  clientId: 'SF_CLIENT_ID',
  username: 'SF_USERNAME',
  privateKey: 'SF_PRIVATE_KEY',
  privateKeyFile: 'SF_PRIVATE_KEY_FILE',
  instanceUrl: 'SF_INSTANCE_URL',
} as const;

const PEM_PRIVATE_KEY =
  /-----BEGIN (?:RSA )?PRIVATE KEY-----[\s\S]+-----END (?:RSA )?PRIVATE KEY-----/;

const SalesforceEnv = z.object({
  SF_LOGIN_URL: z
    .url({
      protocol: /^https?$/,
      error:
        'must be the login URL, e.g. https://login.salesforce.com or https://test.salesforce.com',
    })
    .default('https://login.salesforce.com'),
  SF_CLIENT_ID: z
    .string({ error: 'is required: the connected app consumer key' })
    .trim()
    .min(1, 'must not be blank: the connected app consumer key'),
  SF_USERNAME: z.email({
    error: "must be the integration user's username (an email-shaped login)",
  }),
  SF_PRIVATE_KEY: z.string().optional(),
  SF_PRIVATE_KEY_FILE: z.string().optional(),
  SF_INSTANCE_URL: z
    .url({
      protocol: /^https?$/,
      error: "must be the org's instance URL, e.g. https://acme.my.salesforce.com",
    })
    .optional(),
});

export interface SalesforceConfig {
  loginUrl: string;
  clientId: string;
  username: string;
  /** PEM text of the key whose certificate is uploaded to the connected app. */
  privateKey: string;
  /** Optional: the token response names the instance; this overrides it (e.g. behind a proxy). */
  instanceUrl: string | null;
}

export class SalesforceConfigError extends Error {
  /** The environment variables at fault. */
  readonly keys: string[];
  constructor(problems: Array<{ key: string; message: string }>) {
    super(
      `Salesforce is misconfigured: ${problems.map((p) => `${p.key} ${p.message}`).join('; ')}`,
    );
    this.name = 'SalesforceConfigError';
    this.keys = problems.map((p) => p.key);
  }
}

/** True when any `SF_*` variable is set: the service then runs connected and the config must be complete. */
export function wantsSalesforce(env: Record<string, string | undefined>): boolean {
  return Object.values(SALESFORCE_ENV).some((key) => (env[key] ?? '').trim() !== '');
}

/**
 * Reads and validates the configuration. The key comes from `SF_PRIVATE_KEY` (PEM text; `\n`
 * escapes allowed, as secret stores often flatten newlines) or from the file `SF_PRIVATE_KEY_FILE`.
 */
export function loadSalesforceConfig(
  env: Record<string, string | undefined>,
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): SalesforceConfig {
  const blankToUndefined = Object.fromEntries(
    Object.values(SALESFORCE_ENV).map((key) => [
      key,
      env[key]?.trim() === '' ? undefined : env[key],
    ]),
  );
  const parsed = SalesforceEnv.safeParse(blankToUndefined);
  if (!parsed.success) {
    throw new SalesforceConfigError(
      parsed.error.issues.map((issue) => ({
        key: String(issue.path[0] ?? 'SF_*'),
        message: issue.message,
      })),
    );
  }
  const values = parsed.data;
  if (values.SF_PRIVATE_KEY && values.SF_PRIVATE_KEY_FILE) {
    throw new SalesforceConfigError([
      {
        key: SALESFORCE_ENV.privateKey,
        message: `and ${SALESFORCE_ENV.privateKeyFile} are both set: keep one`,
      },
    ]);
  }
  let privateKey: string;
  let keySource: string;
  if (values.SF_PRIVATE_KEY) {
    privateKey = values.SF_PRIVATE_KEY.replace(/\\n/g, '\n');
    keySource = SALESFORCE_ENV.privateKey;
  } else if (values.SF_PRIVATE_KEY_FILE) {
    keySource = SALESFORCE_ENV.privateKeyFile;
    try {
      privateKey = readFile(values.SF_PRIVATE_KEY_FILE);
    } catch (error) {
      throw new SalesforceConfigError([
        {
          key: keySource,
          message: `cannot be read (${error instanceof Error ? error.message : String(error)})`,
        },
      ]);
    }
  } else {
    throw new SalesforceConfigError([
      {
        key: SALESFORCE_ENV.privateKey,
        message: `or ${SALESFORCE_ENV.privateKeyFile} is required: the JWT bearer flow signs with the integration key`,
      },
    ]);
  }
  if (!PEM_PRIVATE_KEY.test(privateKey)) {
    throw new SalesforceConfigError([
      {
        key: keySource,
        message:
          'does not hold a PEM private key (-----BEGIN PRIVATE KEY----- ... -----END PRIVATE KEY-----)',
      },
    ]);
  }
  return {
    loginUrl: values.SF_LOGIN_URL.replace(/\/+$/, ''),
    clientId: values.SF_CLIENT_ID,
    username: values.SF_USERNAME,
    privateKey,
    instanceUrl: values.SF_INSTANCE_URL?.replace(/\/+$/, '') ?? null,
  };
}
