// Who may call the desk's API: the callers COSELL_API_TOKENS names, or, while it names none, one
// local admin whose token is generated once and kept in the data folder (the owner's alone).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TokenGrant } from './auth.js';
import { ApiTokens, type ServiceConfig } from './config.js';

function localAdminToken(dataDir: string): string {
  const file = join(dataDir, 'admin-token');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const token = randomBytes(32).toString('hex');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return token;
}

/** The token grants, and the local admin token when there is one (null once callers are configured). */
export function deskTokenGrants(config: ServiceConfig): {
  grants: TokenGrant[];
  adminToken: string | null;
} {
  // The generated admin token exists only while nobody configured callers: once COSELL_API_TOKENS
  // names them, a token lying in the data folder must open nothing.
  const configured = config.COSELL_API_TOKENS
    ? ApiTokens.parse(JSON.parse(config.COSELL_API_TOKENS))
    : [];
  const adminToken = configured.length === 0 ? localAdminToken(config.COSELL_DATA_DIR) : null;
  const grants: TokenGrant[] = adminToken
    ? [{ token: adminToken, subject: 'local-admin', persona: 'admin' }]
    : [];
  for (const grant of configured)
    grants.push({
      token: grant.token,
      subject: grant.name,
      persona: grant.persona,
      userId: grant.userId ?? null,
    });
  return { grants, adminToken };
}
