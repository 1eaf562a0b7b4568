// Per-org value maps: the customer's admin keeps Salesforce-value → portal-value pairs as
// CoSell_Value_Map__mdt records; they override the shipped maps of config/mapping entry by entry, and
// the picklist values of the org that map to nothing are listed for `cosell setup check`.
import {
  OPPORTUNITY_FIELDS,
  VALUE_MAP_FIELDS,
  VALUE_MAP_OBJECT,
} from '../../core/salesforce-fields.js';
import type { PortalName } from '../portal.js';
import type { MappingConfig } from './config.js';

export type ValueMapRecord = Record<string, unknown>;

/** Portal__c values, as the picklist spells them, and the portal each names. */
export const VALUE_MAP_PORTALS: Record<string, PortalName> = {
  AWS: 'aws',
  Microsoft: 'microsoft',
  Google: 'google',
};

/** Per portal, per value map name, Salesforce value → portal value. */
export type OrgValueMaps = Partial<Record<PortalName, Record<string, Record<string, string>>>>;

export class ValueMapRecordError extends Error {
  constructor(readonly issues: string[]) {
    super(`${VALUE_MAP_OBJECT} records are invalid: ${issues.join('; ')}`);
    this.name = 'ValueMapRecordError';
  }
}

export function valueMapQuery(): string {
  return `SELECT DeveloperName, ${Object.values(VALUE_MAP_FIELDS).join(', ')} FROM ${VALUE_MAP_OBJECT} ORDER BY DeveloperName`;
}

function text(record: ValueMapRecord, field: string): string | null {
  const value = record[field];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/**
 * Reads records into value maps, refusing the whole set (naming each record and field) when one is
 * bad: a half-applied mapping would send some values one way and some another.
 */
export function orgValueMapsFromRecords(
  records: readonly ValueMapRecord[],
  knownMaps: Partial<Record<PortalName, readonly string[]>> = {},
): OrgValueMaps {
  const maps: OrgValueMaps = {};
  const issues: string[] = [];
  const seen = new Map<string, string>();
  for (const record of records) {
    const name = text(record, 'DeveloperName') ?? '(unnamed record)';
    const portalLabel = text(record, VALUE_MAP_FIELDS.portal);
    const portal = portalLabel ? VALUE_MAP_PORTALS[portalLabel] : undefined;
    const mapName = text(record, VALUE_MAP_FIELDS.valueMap);
    const from = text(record, VALUE_MAP_FIELDS.salesforceValue);
    const to = text(record, VALUE_MAP_FIELDS.portalValue);
    if (!portal)
      issues.push(
        `${name}.${VALUE_MAP_FIELDS.portal}: ${JSON.stringify(portalLabel)} is not one of ${Object.keys(VALUE_MAP_PORTALS).join(', ')}`,
      );
    if (!mapName) issues.push(`${name}.${VALUE_MAP_FIELDS.valueMap}: empty`);
    else if (portal && knownMaps[portal] && !knownMaps[portal]!.includes(mapName)) {
      issues.push(
        `${name}.${VALUE_MAP_FIELDS.valueMap}: "${mapName}" is not a ${portalLabel} value map (known: ${knownMaps[portal]!.join(', ')})`,
      );
    }
    if (!from) issues.push(`${name}.${VALUE_MAP_FIELDS.salesforceValue}: empty`);
    if (!to) issues.push(`${name}.${VALUE_MAP_FIELDS.portalValue}: empty`);
    if (!portal || !mapName || !from || !to) continue;
    const key = `${portal}|${mapName}|${from}`;
    const earlier = seen.get(key);
    if (earlier)
      issues.push(
        `${name}: maps ${portalLabel} ${mapName} "${from}" again (already in ${earlier})`,
      );
    seen.set(key, name);
    ((maps[portal] ??= {})[mapName] ??= {})[from] = to;
  }
  if (issues.length > 0) throw new ValueMapRecordError(issues);
  return maps;
}

/** The shipped configuration with the org's pairs laid over it: an org pair replaces the shipped one for the same value. */
export function withOrgValueMaps(config: MappingConfig, org: OrgValueMaps): MappingConfig {
  const overrides = org[config.portal as PortalName];
  if (!overrides) return config;
  const valueMaps = { ...config.valueMaps };
  for (const [name, pairs] of Object.entries(overrides))
    valueMaps[name] = { ...(valueMaps[name] ?? {}), ...pairs };
  return { ...config, valueMaps };
}

/** A picklist the mapping reads: its Salesforce field (`Object.Field`) and the value map that translates it. */
export interface MappedPicklist {
  field: string;
  valueMap: string;
}

const PICKLIST_TRANSFORMS = new Set(['picklist', 'picklistList', 'picklistFirst']);

/** Every Salesforce picklist a portal's mapping translates through a value map, as `Object.Field`. */
export function mappedPicklists(config: MappingConfig): MappedPicklist[] {
  const found = new Map<string, MappedPicklist>();
  for (const rule of config.rules as Array<{
    from?: string;
    transform?: string;
    valueMap?: string;
  }>) {
    if (!rule.from || !rule.valueMap || !PICKLIST_TRANSFORMS.has(rule.transform ?? '')) continue;
    const column = (OPPORTUNITY_FIELDS as Record<string, string>)[rule.from];
    if (!column) continue;
    const field = column.includes('.') ? column : `Opportunity.${column}`;
    found.set(`${field}|${rule.valueMap}`, { field, valueMap: rule.valueMap });
  }
  return [...found.values()];
}

/** The org's values of each mapped picklist that the (org-overridden) value map leaves with no portal value. */
export function unmappedPicklistValues(
  config: MappingConfig,
  picklistValues: Readonly<Record<string, readonly string[]>>,
): Array<MappedPicklist & { values: string[] }> {
  return mappedPicklists(config).flatMap((picklist) => {
    const values = picklistValues[picklist.field];
    if (!values) return [];
    const map = config.valueMaps[picklist.valueMap] ?? {};
    const missing = values.filter((value) => !(value in map));
    return missing.length > 0 ? [{ ...picklist, values: missing }] : [];
  });
}
