// Canonical opportunity ⇄ ACE: the CreateOpportunity request from config/mapping/aws.json with its
// idempotency token, the UpdateOpportunity request as read-merge-write, and read-back → canonical.
import type { CoSellOpportunity, Finding } from '../../core/model.js';
import type { CompiledMapping } from '../mapping/compile.js';
import { mapToPortal, type MappingResult } from '../mapping/engine.js';
import { mapperFor, type MapContext, type PortalMapper } from '../mapping/portal-mapper.js';
import type { GetOpportunityOutput, UpdateOpportunityInput } from './generated/ace-schemas.js';
import { clientTokenFor } from './rules.js';
import { mergeForUpdate, type OpportunityChanges } from './update-merge.js';

export type AceMapContext = MapContext & {
  /** `Sandbox` while testing against AWS's sandbox catalog; the configuration's value (AWS) otherwise. */
  catalog?: string;
  /** Names the logical create so retries reuse one ClientToken; default `<opportunity id>/create`. */
  createKey?: string;
};

/** Members a create sets once that UpdateOpportunity does not take (or takes from the record read). */
const CREATE_ONLY = ['Catalog', 'ClientToken', 'Origin'] as const;

export function aceCreateRequest(
  mapping: CompiledMapping,
  opportunity: CoSellOpportunity,
  context: AceMapContext,
): MappingResult {
  const result = mapToPortal(mapping, opportunity, context.now);
  if (context.catalog !== undefined) result.payload.Catalog = context.catalog;
  result.payload.ClientToken = clientTokenFor(context.createKey ?? `${opportunity.id}/create`);
  return result;
}

/**
 * UpdateOpportunity replaces the whole record, so the mapped fields are merged into the opportunity
 * as last read (H4's `mergeForUpdate`): members the mapping does not own keep their AWS values.
 */
export function aceUpdateRequest(
  mapping: CompiledMapping,
  current: GetOpportunityOutput,
  opportunity: CoSellOpportunity,
  context: MapContext,
): { payload: UpdateOpportunityInput; findings: Finding[] } {
  const { payload, findings } = mapToPortal(mapping, opportunity, context.now);
  const changes: Record<string, unknown> = { ...payload };
  for (const key of CREATE_ONLY) delete changes[key];
  return { payload: mergeForUpdate(current, changes as OpportunityChanges), findings };
}

export function createAwsMapper(mapping: CompiledMapping): PortalMapper {
  return mapperFor('aws', mapping, 'CreateOpportunity', (opportunity, context) =>
    aceCreateRequest(mapping, opportunity, context),
  );
}
