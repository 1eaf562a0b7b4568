// What each portal's map.ts offers: canonical opportunity → the portal's create request, and the
// portal's read-back → canonical fields, both driven by that portal's mapping configuration.
import type { Cloud, CoSellOpportunity } from '../../core/model.js';
import type { PortalName } from '../portal.js';
import type { CompiledMapping } from './compile.js';
import type { CanonicalReadBack, MappingResult } from './engine.js';

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
