// `npm start`: the co-sell desk. With no environment set it runs fully embedded (PGlite in
// .cosell-data/, a local Salesforce org, the three portals as local sandbox emulators, demo data)
// and prints the URLs and tokens. `npm start -- --reset` starts afresh. Ctrl-C stops it cleanly.
import { ConfigError, loadConfig } from './config.js';
import { startDesk } from './desk.js';
import { createServiceLogger } from './logging.js';

const logger = createServiceLogger({ level: process.env.LOG_LEVEL ?? 'info' });

let config;
try {
  config = loadConfig({ ...process.env, ...(process.argv.includes('--reset') ? { COSELL_RESET: 'true' } : {}) });
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}

const desk = await startDesk({ config, logger });
const modes = `AWS ${config.AWS_MODE}, Microsoft ${config.MS_MODE}, Google ${config.GOOGLE_MODE}, store ${desk.store.kind}`;
console.log(`\nCo-sell desk running at ${desk.url} (${modes})`);
console.log(`Lightning preview: ${desk.url}/lightning`);
console.log(`Admin token: ${desk.adminToken}`);
if (desk.localOrg) {
  console.log(`Local Salesforce org: ${desk.localOrg.instanceUrl} (user ${desk.localOrg.admin.username})`);
  console.log(`Org access token: ${desk.localOrg.admin.accessToken}  (also in ${config.COSELL_DATA_DIR}/local-org.json)`);
}
console.log(`Try: curl -H "Authorization: Bearer ${desk.adminToken}" ${desk.url}/api/v1/referrals\n`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'stopping');
  await desk.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
