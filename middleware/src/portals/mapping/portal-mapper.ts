// What each portal's map.ts offers: canonical opportunity → the portal's create request, and the
// portal's read-back → canonical fields, both driven by that portal's mapping configuration.
import type { Cloud, CoSellOpportunity } from '../../core/model.js';
import { PORTAL_CLOUD, type PortalName } from '../portal.js';
import type { CompiledMapping } from './compile.js';
import {
  mapFromPortal,
  mapToPortal,
  type CanonicalReadBack,
  type MappingResult,
} from './engine.js';

export type MapContext = {
  /** The moment of mapping: "today" for past-date fallbacks is its UTC calendar day. */
  now: Date;
};

export interface PortalMapper {
  portal: PortalName;
  cloud: Cloud;
  mapping: CompiledMapping;
  /** The wire operation `toWire` produces a request for (ACE `CreateOpportunity`, Microsoft `create`...). */
  operation: string;
  toWire(opportunity: CoSellOpportunity, context: MapContext): MappingResult;
  fromWire(payload: unknown): CanonicalReadBack;
}

/**
 * A portal's mapper over its own mapping: `toWire` maps by the mapping unless the portal shapes the
 * request itself; `fromWire` always reads back by the mapping. Refuses another portal's mapping.
 */
export function mapperFor(
  portal: PortalName,
  mapping: CompiledMapping,
  operation: string,
  toWire: PortalMapper['toWire'] = (opportunity, context) =>
    mapToPortal(mapping, opportunity, context.now),
): PortalMapper {
  if (mapping.portal !== portal)
    throw new Error(
      `the ${PORTAL_CLOUD[portal]} mapper needs the ${portal} mapping, not ${mapping.portal}`,
    );
  return {
    portal,
    cloud: PORTAL_CLOUD[portal],
    mapping,
    operation,
    toWire,
    fromWire: (payload) => mapFromPortal(mapping, payload),
  };
}
