// Reads one cloud's named counterparts from the org, for the readiness checklist's PDM-rhythm item.
import type { Cloud } from '../../core/model.js';
import {
  addCounterpartRecord,
  counterpartSoql,
  type OrgCounterparts,
} from '../counterpart-reader.js';
import { queryAll, type OrgConnection } from './org-connection.js';

export async function readOrgCounterparts(
  connection: OrgConnection,
  cloud: Cloud,
): Promise<OrgCounterparts> {
  const result: OrgCounterparts = { counterparts: [], skipped: [] };
  for await (const record of queryAll(connection, counterpartSoql(cloud)))
    addCounterpartRecord(result, record);
  return result;
}
