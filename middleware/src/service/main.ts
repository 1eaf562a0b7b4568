// `npm start`: the co-sell desk. With no environment set it runs fully embedded (PGlite in
// .cosell-data/, a local Salesforce org, the three portals as local sandbox emulators, demo data)
// and prints the URLs and tokens. `npm start -- --reset` starts afresh. Ctrl-C stops it cleanly.
import { ConfigError, loadConfig } from './config.js';
import { DataFolderInUseError } from './data-folder-lock.js';
import { seedDemoDesk } from '../demo/bootstrap.js';
import { startDesk, type Desk } from './desk.js';
import { PortUnavailableError } from './listener.js';
import { createServiceLogger } from './logging.js';

const logger = createServiceLogger({ level: process.env.LOG_LEVEL ?? 'info' });

let config;
try {
  config = loadConfig({
    ...process.env,
    ...(process.argv.includes('--reset') ? { COSELL_RESET: 'true' } : {}),
  });
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}

let desk: Desk;
try {
  // The application wiring, composed with the demo bootstrap (it seeds only the local org).
  desk = await startDesk({ config, logger, seed: seedDemoDesk });
} catch (error) {
  // Another instance or program holds what this one needs: say which, and exit having changed nothing.
  if (error instanceof PortUnavailableError || error instanceof DataFolderInUseError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
const modes = `AWS ${config.AWS_MODE}, Microsoft ${config.MS_MODE}, Google ${config.GOOGLE_MODE}, store ${desk.store.kind}`;
// Seconds since the process began (not since the build before it): what a person waits for.
const readyIn = (performance.now() / 1000).toFixed(1);
console.log(`\nCo-sell desk running at ${desk.url} (${modes}), ready in ${readyIn} s`);
console.log(`Lightning preview: ${desk.url}/lightning`);
if (desk.localOrg) {
  console.log(
    `Local Salesforce org: ${desk.localOrg.instanceUrl} (user ${desk.localOrg.admin.username})`,
  );
  console.log(
    `Org access token: ${desk.localOrg.admin.accessToken}  (also in ${config.COSELL_DATA_DIR}/local-org.json)`,
  );
  const personas = Object.keys(desk.localOrg.personas);
  if (personas.length > 0)
    console.log(
      `The preview acts as the org admin; as a persona: ${personas.map((key) => `${desk.url}/lightning?as=${key}`).join('  ')}`,
    );
}
// The token goes to the terminal only, never through the structured log.
if (desk.adminToken) {
  console.log(`Admin token: ${desk.adminToken}`);
  console.log(
    `Try: curl -H "Authorization: Bearer ${desk.adminToken}" ${desk.url}/api/v1/referrals\n`,
  );
} else {
  console.log('Callers: the tokens in COSELL_API_TOKENS (no local admin token while it is set)\n');
}

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
