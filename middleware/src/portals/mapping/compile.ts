// Turns a checked mapping configuration into ready-to-run rules once, so mapping an opportunity is
// plain lookups: paths pre-split, value maps as Maps (both ways), transforms resolved.
import type { Cloud } from '../../core/model.js';
import { PORTAL_CLOUD, type PortalName } from '../portal.js';
import type {
  ContactFieldRule,
  Expression,
  FieldRule,
  MappingConfig,
  Transform,
} from './config.js';
import { countryResolver } from './countries.js';
import {
  jsonPathOf,
  parsePath,
  pathReader,
  pathWriter,
  type PathReader,
  type PathStep,
  type PathWriter,
} from './paths.js';
import { contactField, opportunityField, type SalesforceField } from './salesforce-labels.js';
import {
  TRANSFORM_IMPLEMENTATIONS,
  type TransformContext,
  type ValueTransform,
} from './transforms.js';

export type CompiledField = {
  kind: 'field';
  portalPath: string;
  portalSteps: PathStep[];
  jsonPath: string;
  /** Canonical source (relative to the contact for list fields); undefined for constants. */
  canonicalPath?: string;
  canonicalSteps?: PathStep[];
  /** Reads the canonical source value (precompiled from `canonicalSteps`). */
  readCanonical: PathReader;
  /** Reads the portal value back (precompiled from `portalSteps`). */
  readPortal: PathReader;
  /** Writes the portal value (precompiled from `portalSteps`). */
  writePortal: PathWriter;
  field?: SalesforceField;
  hasConstant: boolean;
  constant: unknown;
  transformName: Transform;
  transform: ValueTransform;
  context: TransformContext;
  valueMapName?: string;
  required: boolean;
  severity: FieldRule['severity'];
  why?: string;
  guard?: 'dateNotInPast';
  expression?: Expression;
  expressionField?: SalesforceField;
  expressionSteps?: PathStep[];
  hasDefault: boolean;
  defaultValue: unknown;
  otherSteps?: PathStep[];
  minLength?: number;
  maxLength?: number;
  truncate: boolean;
  onlyWith?: string;
  /** A later rule's `onlyWith` names this path, so the engine records when it is written. */
  awaited: boolean;
};

export type CompiledContactList = {
  kind: 'contacts';
  portalPath: string;
  portalSteps: PathStep[];
  jsonPath: string;
  single: boolean;
  maxItems?: number;
  minItems: number;
  severity: FieldRule['severity'];
  why?: string;
  fields: CompiledField[];
  /** A later rule's `onlyWith` names this list's path, so the engine records when it is written. */
  awaited: boolean;
};

export type CompiledMapping = {
  portal: PortalName;
  cloud: Cloud;
  config: MappingConfig;
  rules: Array<CompiledField | CompiledContactList>;
};

function compileField(
  rule: FieldRule | ContactFieldRule,
  config: MappingConfig,
  country: TransformContext['country'],
  fieldOf: (path: string) => SalesforceField,
): CompiledField {
  const portalSteps = parsePath(rule.path);
  const valueMap = rule.valueMap === undefined ? undefined : config.valueMaps[rule.valueMap];
  const forward = valueMap ? new Map(Object.entries(valueMap)) : undefined;
  // The first Salesforce value listed for a portal value is the one read back.
  const reverse = valueMap ? new Map<string, string>() : undefined;
  if (valueMap && reverse)
    for (const [crm, portal] of Object.entries(valueMap))
      if (!reverse.has(portal)) reverse.set(portal, crm);
  const field = rule.from === undefined ? undefined : fieldOf(rule.from);
  const expression = rule.expression;
  const fromField = expression?.kind === 'fromField' ? expression.from : undefined;
  // Every property is set here, in one order, so all compiled rules share one object shape and the
  // engine's property reads stay monomorphic.
  const compiled: CompiledField = {
    kind: 'field',
    portalPath: rule.path,
    portalSteps,
    jsonPath: jsonPathOf(portalSteps),
    canonicalPath: rule.from,
    canonicalSteps: rule.from === undefined ? undefined : parsePath(rule.from),
    readCanonical: pathReader(rule.from === undefined ? [] : parsePath(rule.from)),
    readPortal: pathReader(portalSteps),
    writePortal: pathWriter(portalSteps),
    field: field && rule.label ? { ...field, label: rule.label } : field,
    hasConstant: rule.value !== undefined,
    constant: rule.value,
    transformName: rule.transform,
    transform: TRANSFORM_IMPLEMENTATIONS[rule.transform],
    context: {
      valueMap: forward,
      reverseMap: reverse,
      passThrough: rule.unmapped === 'passThrough',
      country,
    },
    valueMapName: rule.valueMap,
    required: rule.required,
    severity: rule.severity,
    why: rule.why,
    guard: rule.guard,
    expression,
    expressionField: fromField === undefined ? undefined : opportunityField(fromField),
    expressionSteps: fromField === undefined ? undefined : parsePath(fromField),
    hasDefault: rule.default !== undefined,
    defaultValue: rule.default,
    otherSteps: rule.otherPath === undefined ? undefined : parsePath(rule.otherPath),
    minLength: rule.minLength,
    maxLength: rule.maxLength,
    truncate: rule.truncate,
    onlyWith: rule.onlyWith,
    awaited: false,
  };
  return compiled;
}

/** Compiles a checked configuration. Pure; the configuration's own checks already ran in `parseMappingConfig`. */
export function compileMapping(config: MappingConfig): CompiledMapping {
  const country = countryResolver(config.countryAliases);
  const rules = config.rules.map((rule): CompiledField | CompiledContactList => {
    if ('fromList' in rule) {
      const portalSteps = parsePath(rule.path);
      const list: CompiledContactList = {
        kind: 'contacts',
        portalPath: rule.path,
        portalSteps,
        jsonPath: jsonPathOf(portalSteps),
        single: rule.single,
        minItems: rule.minItems,
        severity: rule.severity,
        fields: rule.fields.map((field) => compileField(field, config, country, contactField)),
        awaited: false,
      };
      if (rule.maxItems !== undefined) list.maxItems = rule.maxItems;
      if (rule.why !== undefined) list.why = rule.why;
      return list;
    }
    return compileField(rule, config, country, opportunityField);
  });
  const awaited = new Set(
    config.rules.flatMap((rule) =>
      'onlyWith' in rule && rule.onlyWith !== undefined ? [rule.onlyWith] : [],
    ),
  );
  for (const rule of rules) rule.awaited = awaited.has(rule.portalPath);
  return { portal: config.portal, cloud: PORTAL_CLOUD[config.portal], config, rules };
}
