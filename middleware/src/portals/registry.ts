// Portal name → everything the engine, the service and the CLI need for that portal: its wire
// format and its mapper (built from config/mapping/<portal>.json), so callers never branch on portals.
import type { Cloud } from '../core/model.js';
import { createAwsMapper } from './aws/map.js';
import { awsWireFormat } from './aws/schema.js';
import { createGoogleMapper, type GoogleMapperOptions } from './google/map.js';
import { googleWireFormat } from './google/wire-format.js';
import { compileMapping } from './mapping/compile.js';
import { loadMapping } from './mapping/load.js';
import { withOrgValueMaps, type OrgValueMaps } from './mapping/org-value-maps.js';
import type { PortalMapper } from './mapping/portal-mapper.js';
import { createMicrosoftMapper, type MicrosoftMapperOptions } from './microsoft/map.js';
import { microsoftWireFormat } from './microsoft/wire-format.js';
import { PORTAL_CLOUD, PORTALS, type PortalName, type PortalWireFormat } from './portal.js';

export type PortalBinding = {
  portal: PortalName;
  cloud: Cloud;
  wireFormat: PortalWireFormat;
  mapper: PortalMapper;
};

export type RegistryOptions = {
  /** Where the mapping configurations live; default: this package's config/mapping/. */
  mappingDirectory?: string;
  microsoft?: MicrosoftMapperOptions;
  google?: GoogleMapperOptions;
  /** The org's CoSell_Value_Map__mdt pairs, laid over the shipped value maps. */
  valueMaps?: OrgValueMaps;
};

const WIRE_FORMATS: Record<PortalName, PortalWireFormat> = {
  aws: awsWireFormat,
  microsoft: microsoftWireFormat,
  google: googleWireFormat,
};

export function isPortalName(value: string): value is PortalName {
  return (PORTALS as readonly string[]).includes(value);
}

/** Builds one portal's binding, reading and checking its mapping configuration (fails fast on a bad one). */
export function createPortalBinding(
  portal: PortalName,
  options: RegistryOptions = {},
): PortalBinding {
  const shipped = loadMapping(portal, options.mappingDirectory);
  const mapping = options.valueMaps
    ? compileMapping(withOrgValueMaps(shipped.config, options.valueMaps))
    : shipped;
  const mapper =
    portal === 'aws'
      ? createAwsMapper(mapping)
      : portal === 'microsoft'
        ? createMicrosoftMapper(mapping, options.microsoft)
        : createGoogleMapper(mapping, options.google);
  return { portal, cloud: PORTAL_CLOUD[portal], wireFormat: WIRE_FORMATS[portal], mapper };
}

const defaults = new Map<PortalName, PortalBinding>();

/** The binding with default settings, built once per process. */
export function portalBinding(portal: PortalName): PortalBinding {
  let binding = defaults.get(portal);
  if (!binding) {
    binding = createPortalBinding(portal);
    defaults.set(portal, binding);
  }
  return binding;
}
