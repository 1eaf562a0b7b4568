// The local org's entry point for real clients and tests: one implementation lives in local-org.ts.
export {
  startLocalOrg,
  DEMO_PERSONAS,
  DEMO_USERS,
  LOCAL_ORG_DEFAULTS,
  type DemoPersona,
  type LocalOrg,
  type LocalOrgOptions,
  type PersonaSession,
} from './local-org.js';
export {
  SalesforceTestServer as LocalOrgServer,
  LOCAL_ORG_ID,
  type OrgUserSeed,
} from './server.js';
export type { OrgChange, OrgChangeListener, InMemoryOrg, SRecord } from './org.js';
