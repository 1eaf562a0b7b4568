// Maps an opportunity for one portal and checks the result against that portal's wire format, so a
// rep sees one list of findings, each pointing at the Salesforce field behind the portal path.
import type { CoSellOpportunity, Finding } from '../../core/model.js';
import type { PortalName, PortalWireFormat } from '../portal.js';
import type { CompiledMapping } from './compile.js';
import type { PortalPayload } from './engine.js';
import { jsonPathOf } from './paths.js';
import type { MapContext, PortalMapper } from './portal-mapper.js';

export type CheckedPayload = {
  portal: PortalName;
  operation: string;
  payload: PortalPayload;
  findings: Finding[];
};

/** `$.Customer.Contacts[3].Email` and `$.Customer.Contacts[0].Email` are the same mapped field. */
function withoutIndexes(path: string): string {
  return path.replace(/\[\d+\]/g, '[]');
}

const fieldIndexes = new WeakMap<CompiledMapping, Map<string, string>>();

/** Portal path (indexes dropped) → Salesforce API name, from the mapping's rules; built once per mapping. */
export function salesforceFieldIndex(mapping: CompiledMapping): Map<string, string> {
  let index = fieldIndexes.get(mapping);
  if (index) return index;
  index = new Map();
  for (const rule of mapping.rules) {
    if (rule.kind === 'contacts') {
      const base = rule.single ? rule.jsonPath : `${rule.jsonPath}[]`;
      for (const field of rule.fields)
        if (field.field)
          index.set(withoutIndexes(`${base}${field.jsonPath.slice(1)}`), field.field.apiName);
    } else if (rule.field) {
      index.set(withoutIndexes(rule.jsonPath), rule.field.apiName);
      if (rule.otherSteps)
        index.set(withoutIndexes(jsonPathOf(rule.otherSteps)), rule.field.apiName);
    }
  }
  fieldIndexes.set(mapping, index);
  return index;
}

const fieldsByWirePath = new WeakMap<CompiledMapping, Map<string, string | null>>();

/** The Salesforce field behind a wire path (or its nearest mapped parent); remembered per mapping, since paths repeat. */
function salesforceFieldAt(mapping: CompiledMapping, wirePath: string): string | undefined {
  let known = fieldsByWirePath.get(mapping);
  if (!known) {
    known = new Map();
    fieldsByWirePath.set(mapping, known);
  }
  const remembered = known.get(wirePath);
  if (remembered !== undefined) return remembered ?? undefined;
  const index = salesforceFieldIndex(mapping);
  let path = withoutIndexes(wirePath);
  let field = index.get(path);
  while (field === undefined && path.includes('.')) {
    path = path.slice(0, path.lastIndexOf('.'));
    field = index.get(path);
  }
  // Bounded: payloads that fail validation can carry arbitrary paths (list indexes, unknown keys).
  if (known.size < 10_000) known.set(wirePath, field ?? null);
  return field;
}

/**
 * Wire findings gain the Salesforce field of the portal path (or of its nearest mapped parent);
 * a wire finding at a path the mapping already reported as an error is dropped as a duplicate.
 */
export function mergeFindings(
  mapping: CompiledMapping,
  mappingFindings: Finding[],
  wireFindings: Finding[],
): Finding[] {
  const merged = mappingFindings.slice();
  if (wireFindings.length === 0) return merged;
  let reported: Set<string | undefined> | undefined;
  for (const finding of mappingFindings)
    if (finding.severity === 'error') (reported ??= new Set()).add(finding.path);
  for (const finding of wireFindings) {
    if (finding.path !== undefined && reported?.has(finding.path)) continue;
    if (finding.field === undefined && finding.path !== undefined) {
      const field = salesforceFieldAt(mapping, finding.path);
      merged.push(field === undefined ? finding : { ...finding, field });
    } else merged.push(finding);
  }
  return merged;
}

export function mapAndValidate(
  mapper: PortalMapper,
  wireFormat: PortalWireFormat,
  opportunity: CoSellOpportunity,
  context: MapContext,
): CheckedPayload {
  const { payload, findings } = mapper.toWire(opportunity, context);
  const wireFindings = wireFormat.validate(mapper.operation, payload);
  return {
    portal: mapper.portal,
    operation: mapper.operation,
    payload,
    findings: mergeFindings(mapper.mapping, findings, wireFindings),
  };
}
