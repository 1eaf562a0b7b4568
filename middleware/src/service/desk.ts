// The desk: the running product, assembled from its configuration (the application wiring). The
// store, the three portals (local sandbox emulators or the live APIs), the Salesforce side (the
// configured org, or the local org from the sandbox, both through the production gateway), the
// sync worker and its periodic work, and the HTTP API. `npm start` runs it through main.ts with the
// demo bootstrap (demo/bootstrap.ts); tests start it on an ephemeral port.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { CLOUDS, type Cloud, type CoSellOpportunity, type InboundReferral } from '../core/model.js';
import { resolveTriageConfig, triageReferral } from '../core/triage/index.js';
import type { Kysely } from 'kysely';
import { createPortalEventHandler } from '../engine/portal-events.js';
import { schedulePortalPolls } from '../engine/scheduler.js';
import { SyncWorker } from '../engine/worker.js';
import {
  connectSalesforceGateway,
  loadSalesforceConfig,
  type ChangeDrivenSync,
  type SalesforceGateway,
} from '../salesforce/gateway/index.js';
import { startLocalOrg, type LocalOrg } from '../sandbox/salesforce/local-org.js';
import { inboundCatchUp } from './desk-inbound.js';
import { loadOrgReference, publishOrgMetrics } from './desk-org-reference.js';
import { deskChecks } from './desk-checks.js';
import { startDeskPortals, subscribeToSandboxEvents, type DeskEmulators } from './desk-portals.js';
import { deskTokenGrants } from './desk-tokens.js';
import { workerEventRecorder } from './desk-worker-events.js';
import { openStore, type Store } from '../store/database.js';
import type { Database } from '../store/schema.js';
import { readReadinessEvidence } from '../store/readiness-evidence.js';
import { forgetSandboxState } from '../store/sandbox-state.js';
import { createApp } from './app.js';
import { staticTokenRegistry } from './auth.js';
import { salesforceConnected, trustProxySetting, type ServiceConfig } from './config.js';
import type { ServiceLimits } from './deps.js';
import { purgeExpiredIdempotencyKeys } from '../store/idempotency.js';
import { lockDataFolder, type DataFolderLock } from './data-folder-lock.js';
import { claimPort, type ClaimedPort } from './listener.js';
import { orgOwnerDirectory } from './owner-directory.js';
import { orgRecordAccess, type UserRecordAccessRow } from './record-access.js';
import { upsertByExternalId } from '../salesforce/gateway/keyed-upsert.js';
import { JOINT_PURSUIT_OBJECT } from '../core/salesforce-fields.js';
import { JOINT_PURSUIT_KEY_FIELD } from '../core/salesforce-keys.js';
import { defaultPreviewDist, readLocalOrgFile } from './preview.js';
import { createServiceLogger } from './logging.js';

export interface Desk {
  url: string;
  /** The generated local admin token; null when COSELL_API_TOKENS names the callers. */
  adminToken: string | null;
  store: Store;
  worker: SyncWorker;
  emulators: DeskEmulators;
  /** The local Salesforce org, when no org is configured. */
  localOrg?: LocalOrg;
  /** Runs the periodic work once now (status polls, inbound catch-up); the timer also runs it. */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

export interface DeskOptions {
  config: ServiceConfig;
  /** Environment the Salesforce gateway reads its SF_* settings from (default: process.env). */
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
  clock?: () => Date;
  /** API limits over the defaults (the fuzz run lifts the rate limit to reach the parsers). */
  limits?: Partial<ServiceLimits>;
  /** Sandbox review timings; the demo default moves a submission through review in about half a minute. */
  sandboxReview?: { inReviewAfterMs: number; decisionAfterMs: number };
  /**
   * Seeds demo data on the local org (demo/bootstrap.ts); run once the sides are connected, when
   * the demo is on and no org is configured.
   */
  seed?: (context: DeskSeedContext) => Promise<void>;
}

/** What a demo bootstrap is given to seed the desk's local sides. */
export interface DeskSeedContext {
  localOrg: LocalOrg;
  db: Kysely<Database>;
  clock: () => Date;
  logger: Logger;
  /** Whether a portal's checks would refuse the deal (the demo keeps a few such mistakes on purpose). */
  wouldRefuse: (opportunity: CoSellOpportunity, cloud: Cloud) => boolean;
  /** The sandbox portals when every portal is one (the demo's referrals arrive through them), else null. */
  sandboxPortals: Desk['emulators'] | null;
  /** Marks the sandbox portals' state changed, so what was seeded into them is saved. */
  touchSandbox(): void;
  /** Reads the org's counterparts and readiness evidence into the service again, at once. */
  reloadOrgReference(): Promise<void>;
}

export { ACE_STATE, GOOGLE_STATE, MICROSOFT_STATE } from './desk-portals.js';

/**
 * Starts the desk. The data folder's lock and the port come first, so a second instance or a port
 * in use stops here, before the data folder is reset, seeded or written.
 */
export async function startDesk(options: DeskOptions): Promise<Desk> {
  const { config } = options;
  // The folder holds the admin token and the embedded database: the owner's alone.
  mkdirSync(config.COSELL_DATA_DIR, { recursive: true, mode: 0o700 });
  // Instances sharing a PostgreSQL server may share a data folder; an embedded store may not.
  const lock = config.DATABASE_URL
    ? undefined
    : lockDataFolder(config.COSELL_DATA_DIR, options.clock);
  let listener: ClaimedPort | undefined;
  try {
    listener = await claimPort(config.PORT, config.HOST);
    return await assembleDesk(options, listener, lock);
  } catch (error) {
    await listener?.close();
    lock?.release();
    throw error;
  }
}

async function assembleDesk(
  options: DeskOptions,
  listener: ClaimedPort,
  lock: DataFolderLock | undefined,
): Promise<Desk> {
  const { config } = options;
  const logger = options.logger ?? createServiceLogger();
  const clock = options.clock ?? (() => new Date());
  const dataDir = config.COSELL_DATA_DIR;
  const demo = config.COSELL_DEMO ?? !salesforceConnected(config);
  const pgliteDir = join(dataDir, 'pglite');
  const local = !salesforceConnected(config);

  // The local org and the sandbox portals keep their records in the store too, so a restart resumes
  // where the last run stopped; a reset starts every side afresh together.
  if (!config.DATABASE_URL && config.COSELL_RESET && existsSync(pgliteDir)) {
    logger.info(
      { pgliteDir },
      'resetting the embedded store, the local org and the sandbox portals',
    );
    rmSync(pgliteDir, { recursive: true, force: true });
  }
  const store = await openStore({
    url: config.DATABASE_URL,
    dataDir: config.DATABASE_URL ? undefined : pgliteDir,
    initdbCache: join(dataDir, 'pglite-initdb'),
  });
  // A shared server keeps its data; a reset there forgets only the sandbox (local org and portals).
  if (config.DATABASE_URL && config.COSELL_RESET) await forgetSandboxState(store.db);
  let triageConfig = resolveTriageConfig(
    config.COSELL_TRIAGE_CONFIG
      ? JSON.parse(readFileSync(config.COSELL_TRIAGE_CONFIG, 'utf8'))
      : {},
  );
  const triage = (referral: InboundReferral) =>
    triageReferral(referral, triageConfig.rules, triageConfig.calendar);

  // Previews and submissions judge a deal with the same checks (desk-checks.ts).
  const checks = deskChecks(config);

  // Salesforce: the configured org, or the local org on its own origin; the same gateway either way.
  let localOrg: LocalOrg | undefined;
  let salesforceConfig;
  if (local) {
    localOrg = await startLocalOrg({
      port: config.COSELL_LOCAL_ORG_PORT ?? (config.PORT === 0 ? 0 : config.PORT + 1),
      host: config.HOST,
      dataDir,
      clock,
      db: store.db,
    });
    salesforceConfig = localOrg.config;
  } else {
    salesforceConfig = loadSalesforceConfig(options.env ?? process.env);
  }
  const gateway: SalesforceGateway = await connectSalesforceGateway(salesforceConfig, {
    db: store.db,
    clock,
    // Validate requests from the panel: the same preview the API's validate route gives.
    preview: (opportunity, cloud) => checks.findings(opportunity, cloud, clock()),
  });
  const salesforce = gateway.writeBack;
  // The org's value maps replace the shipped pairs they name; a bad record set keeps the shipped maps and says why.
  try {
    checks.applyValueMaps(await gateway.valueMaps.load());
  } catch (error) {
    logger.warn(
      { error: error instanceof Error ? error.message : String(error) },
      'the org value maps were not applied; the shipped maps stand',
    );
  }
  triageConfig = await gateway.triageRules.config();
  await loadOrgReference(gateway, logger);
  const salesforceSync: ChangeDrivenSync = gateway.changeDrivenSync({
    pollIntervalMs: config.COSELL_POLL_INTERVAL_MS,
    onError: (error) =>
      logger.warn(
        { error: error instanceof Error ? error.message : String(error) },
        'Salesforce sync pass failed; the next pass retries',
      ),
  });
  logger.info(
    { instanceUrl: gateway.session.connection.instanceUrl },
    localOrg ? 'connected to the local Salesforce org' : 'connected to Salesforce',
  );

  // Portals: a local emulator per sandboxed portal, the live API otherwise (desk-portals.ts).
  const { emulators, clients, microsoft, google, savers } = await startDeskPortals({
    config,
    db: store.db,
    clock,
    review: options.sandboxReview ?? { inReviewAfterMs: 10_000, decisionAfterMs: 20_000 },
    microsoftSolutions: checks.microsoftSolutions,
    mappingFor: checks.mappingFor,
  });

  const workerEvents = workerEventRecorder(logger);
  const worker = new SyncWorker({
    db: store.db,
    clients,
    salesforce,
    clock,
    // Error findings block a submission whichever way it was requested (API, CLI or Salesforce).
    preflight: (opportunity, cloud) => checks.findings(opportunity, cloud, clock()),
    onEvent: workerEvents.onEvent,
  });

  const catchUpNow = inboundCatchUp({
    db: store.db,
    clients,
    triage,
    clock,
    logger,
    nudge: () => worker.nudge(),
  });
  const handlePortalEvent = createPortalEventHandler({
    db: store.db,
    clock,
    triage,
    microsoft,
    google,
    catchUpSoon: (cloud) => void catchUpNow(cloud),
    nudge: () => worker.nudge(),
  });

  // In the sandbox, portal events arrive in process (the emulators do not sign webhooks).
  const unsubscribe = subscribeToSandboxEvents(emulators, handlePortalEvent);

  const reporting = { currency: 'USD', rates: { EUR: 1.08, GBP: 1.27 } };
  const tick = async () => {
    await loadOrgReference(gateway, logger);
    await schedulePortalPolls(store.db, clock(), config.COSELL_POLL_INTERVAL_MS);
    for (const cloud of CLOUDS) await catchUpNow(cloud);
    await purgeExpiredIdempotencyKeys(store.db, clock());
    worker.nudge();
    // The attribution page reads CoSell_Metric__c: refreshed on every tick.
    await publishOrgMetrics(gateway, { db: store.db, reporting, logger, now: clock() });
  };

  if (demo && localOrg && options.seed) {
    await options.seed({
      localOrg,
      db: store.db,
      clock,
      logger,
      wouldRefuse: (opportunity, cloud) => checks.wouldRefuse(opportunity, cloud, clock()),
      // Only when every portal is its sandbox emulator (the demo's referrals arrive through them).
      sandboxPortals: [config.AWS_MODE, config.MS_MODE, config.GOOGLE_MODE].every(
        (mode) => mode === 'sandbox',
      )
        ? emulators
        : null,
      touchSandbox: () => {
        for (const saver of savers) saver.touch();
      },
      reloadOrgReference: () => loadOrgReference(gateway, logger),
    });
  }

  const { grants, adminToken } = deskTokenGrants(config);
  // Who may read or edit a record, and who may own one, is the org's answer (the local org's too).
  const recordAccess = orgRecordAccess({
    query: (soql) => gateway.api.queryAll<UserRecordAccessRow>(soql),
    clock,
  });
  const owners = orgOwnerDirectory((soql) => gateway.api.queryAll<{ Id: string }>(soql));
  const secrets = (config.COSELL_WEBHOOK_SECRETS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const app = createApp({
    db: store.db,
    clock,
    portals: checks.portals,
    engine: {
      nudge: () => worker.nudge(),
      handleWebhook: (delivery) => handlePortalEvent(delivery.portal, delivery.payload),
    },
    tokens: staticTokenRegistry(grants),
    recordAccess,
    owners,
    limits: { trustProxy: trustProxySetting(config), ...options.limits },
    webhookSecrets: { aws: secrets, microsoft: secrets, google: secrets },
    logger,
    readinessEvidence: (cloud) => readReadinessEvidence(store.db, cloud),
    triageConfig: () => triageConfig,
    saveJointPursuits: (records) =>
      upsertByExternalId(gateway.api, JOINT_PURSUIT_OBJECT, JOINT_PURSUIT_KEY_FIELD, records),
    reporting,
    metrics: {
      portalErrors: workerEvents.portalErrors,
      salesforceApiUsage: () => {
        const usage = gateway.usage().apiUsage;
        return usage ? { used: usage.used, max: usage.limit } : null;
      },
    },
    // The local org's origin and token, as local-org.json holds them, for the preview's data modules.
    preview: {
      distDir: defaultPreviewDist(),
      localOrg: () => readLocalOrgFile(join(dataDir, 'local-org.json')),
    },
  });

  worker.start();
  const streaming = await salesforceSync.start();
  if (streaming.failed.length > 0)
    logger.info(
      { failed: streaming.failed },
      'change events unavailable on some channels; the cursor poll covers them',
    );
  await tick();
  const timer = setInterval(
    () =>
      void tick().catch((error) => logger.warn({ error: String(error) }, 'periodic sync failed')),
    config.COSELL_POLL_INTERVAL_MS,
  );
  listener.serve(app);
  const port = listener.port;
  // The Lightning preview's pages call the local org from the desk's origin: put it on the org's CORS allowlist.
  if (localOrg)
    for (const host of new Set([config.HOST, '127.0.0.1', 'localhost']))
      localOrg.server.cors.allow(`http://${host}:${port}`);

  return {
    url: `http://${config.HOST}:${port}`,
    adminToken,
    store,
    worker,
    emulators,
    ...(localOrg ? { localOrg } : {}),
    tick,
    async stop() {
      clearInterval(timer);
      for (const off of unsubscribe) off();
      // Idle keep-alive connections would hold close() open: the listener ends them.
      await listener.close();
      await salesforceSync.stop();
      await worker.stop();
      for (const saver of savers) {
        await saver.flush();
        saver.stop();
      }
      await Promise.all([
        emulators.aws?.stop(),
        emulators.microsoft?.stop(),
        emulators.google?.stop(),
        localOrg?.stop(),
      ]);
      await store.close();
      lock?.release();
    },
  };
}
