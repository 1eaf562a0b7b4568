// Loads the org's CoSell_Value_Map__mdt records: the pairs the customer's admin keeps over the shipped
// value maps of config/mapping, which the service's portal mappers then apply.
import { loadMapping } from '../../portals/mapping/load.js';
import {
  orgValueMapsFromRecords,
  valueMapQuery,
  type OrgValueMaps,
  type ValueMapRecord,
} from '../../portals/mapping/org-value-maps.js';
import { PORTALS } from '../../portals/portal.js';
import type { SalesforceApi } from './api.js';

export class ValueMapSource {
  constructor(private readonly api: SalesforceApi) {}

  /** The org's pairs; throws ValueMapRecordError naming each bad record and field. */
  async load(): Promise<OrgValueMaps> {
    const records = await this.api.queryAll<ValueMapRecord>(valueMapQuery());
    const known = Object.fromEntries(
      PORTALS.map((portal) => [portal, Object.keys(loadMapping(portal).config.valueMaps)]),
    );
    return orgValueMapsFromRecords(records, known);
  }
}
