// Reads the org's Accounts for account mapping: name, website, owner and type (customer or prospect).
import type { SalesforceAccountRecord } from '../../core/account-mapping/index.js';
import { queryAll, type OrgConnection } from './org-connection.js';

export const ACCOUNT_MAPPING_SOQL =
  'SELECT Id, Name, Website, Owner.Name, Type FROM Account ORDER BY Id';

export async function readOrgAccounts(
  connection: OrgConnection,
): Promise<SalesforceAccountRecord[]> {
  const accounts: SalesforceAccountRecord[] = [];
  for await (const record of queryAll(connection, ACCOUNT_MAPPING_SOQL)) {
    const owner = record.Owner as { Name?: unknown } | null | undefined;
    accounts.push({
      id: String(record.Id),
      name: String(record.Name),
      website: typeof record.Website === 'string' ? record.Website : null,
      ownerName: typeof owner?.Name === 'string' ? owner.Name : null,
      type: typeof record.Type === 'string' ? record.Type : null,
    });
  }
  return accounts;
}
