// The import rule of middleware/src (README "How it is built"), checked by `npm run lint:deps`
// (part of `npm test`). Each rule names the folders a layer must not reach into.
const SRC = '^middleware/src/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'core/ is the canonical model and pure rules: it imports nothing else of ours.',
      severity: 'error',
      from: { path: `${SRC}core/` },
      to: { path: SRC, pathNot: `${SRC}core/` },
    },
    {
      name: 'portal-adapters-apart',
      comment:
        'Each portal adapter (aws, microsoft, google) stands alone; what two share lives in portals/ itself.',
      severity: 'error',
      from: { path: `${SRC}portals/(aws|microsoft|google)/` },
      to: { path: `${SRC}portals/(aws|microsoft|google)/`, pathNot: `${SRC}portals/$1/` },
    },
    {
      name: 'cli-without-server',
      comment:
        'CLI commands talk to the service over HTTP (api-contract/) or read the org or a file (salesforce/org-reads, salesforce/exports, the shared salesforce/ top): they never load the engine, the service or the gateway.',
      severity: 'error',
      from: { path: `${SRC}(commands|cli)/` },
      to: { path: `${SRC}(service|engine|store|demo|sandbox|salesforce/gateway)/` },
    },
    {
      name: 'salesforce-roles-apart',
      comment:
        'The Salesforce adapter has three roles (gateway/, org-reads/, exports/) that share only what sits at salesforce/ top.',
      severity: 'error',
      from: { path: `${SRC}salesforce/(gateway|org-reads|exports)/` },
      to: {
        path: `${SRC}salesforce/(gateway|org-reads|exports)/`,
        pathNot: `${SRC}salesforce/$1/`,
      },
    },
    {
      name: 'salesforce-shared-pieces-stand-alone',
      comment: 'The shared pieces at salesforce/ top import no role folder.',
      severity: 'error',
      from: { path: `${SRC}salesforce/[^/]+$` },
      to: { path: `${SRC}salesforce/(gateway|org-reads|exports)/` },
    },
    {
      name: 'engine-behind-ports',
      comment:
        'The engine reaches portals and Salesforce through its ports (engine/portal-client.ts, engine/salesforce-sink.ts), never a concrete client.',
      severity: 'error',
      from: { path: `${SRC}engine/` },
      to: {
        path: `${SRC}(portals/(aws|microsoft|google)|salesforce|service|sandbox|demo)/`,
      },
    },
    {
      name: 'api-contract-is-plain',
      comment: 'The HTTP contract is schemas only: no server, database or engine behind it.',
      severity: 'error',
      from: { path: `${SRC}api-contract/` },
      to: {
        path: [
          `${SRC}(service|engine|store|salesforce|demo|sandbox|cli|commands)/`,
          '(^|/)node_modules/(express|kysely|pg|@electric-sql)/',
        ],
      },
    },
    {
      name: 'service-without-demo',
      comment:
        'The application wiring does not seed demo data; only the entry point (service/main.ts) composes the demo bootstrap.',
      severity: 'error',
      from: { path: `${SRC}service/`, pathNot: `${SRC}service/main\\.ts$` },
      to: { path: `${SRC}demo/` },
    },
    {
      name: 'sandbox-only-from-the-desk',
      comment:
        'The sandbox portals and the local org are stand-ins the desk starts when a side is not configured (service/desk.ts, its portals in service/desk-portals.ts); no other production module imports them.',
      severity: 'error',
      from: { path: SRC, pathNot: [`${SRC}sandbox/`, `${SRC}service/desk(-portals)?\\.ts$`] },
      to: { path: `${SRC}sandbox/` },
    },
    {
      name: 'sql-only-in-store',
      comment:
        'Every SQL statement lives in store/ (repository functions by aggregate); elsewhere the database handle is passed by type only.',
      severity: 'error',
      from: { path: SRC, pathNot: `${SRC}store/` },
      to: {
        path: '(^|/)node_modules/(kysely|pg|@electric-sql)/',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'no-circular',
      comment:
        'Import cycles make the layers above meaningless (a cycle through type-only imports loads nothing twice and is allowed).',
      severity: 'error',
      from: { path: SRC },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
