// The local Salesforce REST test server and the fixtures its tests share.
export { SalesforceTestServer, type CallKind, type Fault, type FaultKind } from './server.js';
export { InMemoryOrg, salesforceDateTime, type SRecord } from './org.js';
export { seedCoSellOrg, startSalesforceFixture, type SalesforceFixture } from './fixture.js';
