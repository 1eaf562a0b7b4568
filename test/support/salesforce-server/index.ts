// The local org's server (from the sandbox) and the fixtures its tests share.
export {
  SalesforceTestServer,
  type CallKind,
  type Fault,
  type FaultKind,
} from '../../../middleware/src/sandbox/salesforce/server.js';
export {
  InMemoryOrg,
  salesforceDateTime,
  type SRecord,
} from '../../../middleware/src/sandbox/salesforce/org.js';
export { seedCoSellOrg, startSalesforceFixture, type SalesforceFixture } from './fixture.js';
