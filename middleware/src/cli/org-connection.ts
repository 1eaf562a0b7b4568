// Adapts the authenticated org from `--target-org` (an @salesforce/core Connection) to the narrow
// OrgConnection the salesforce-query module reads through.
import type { Connection } from '@salesforce/core';
import type {
  DescribedObject,
  OrgConnection,
  SoqlPage,
} from '../salesforce-query/org-connection.js';

export function orgConnection(connection: Connection): OrgConnection {
  return {
    query: async (soql) => (await connection.query(soql)) as unknown as SoqlPage,
    queryMore: async (locator) => (await connection.queryMore(locator)) as unknown as SoqlPage,
    describe: async (sobject) => (await connection.describe(sobject)) as unknown as DescribedObject,
  };
}
