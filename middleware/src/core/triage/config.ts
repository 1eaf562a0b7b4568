// An admin's triage configuration (custom metadata or a settings file) validated and merged over the
// defaults, so a bad setting fails at startup with the key at fault instead of mis-routing referrals.
import { z } from 'zod';
import {
  SOURCE_LAYERS,
  TENANCY_ARCHETYPES,
  type SourceLayer,
  type TenancyArchetype,
} from '../model.js';
import { BusinessCalendar, DEFAULT_BUSINESS_CALENDAR } from './business-calendar.js';
import { DEFAULT_TRIAGE_RULES, TriageRule, TriageRuleId, selectTriageRule } from './rules.js';

export const TriageConfig = z
  .object({
    /** Rules whose id matches a default replace it; new ids are added. */
    rules: z.array(TriageRule).default([]),
    /** Ids of default rules to drop. */
    disable: z.array(TriageRuleId).default([]),
    /** Start from no defaults at all: `rules` must then cover every case on its own. */
    replaceDefaults: z.boolean().default(false),
    calendar: BusinessCalendar.optional(),
  })
  .strict();
export type TriageConfig = z.infer<typeof TriageConfig>;
export type TriageConfigInput = z.input<typeof TriageConfig>;

export interface TriageConfigIssue {
  /** Dotted key of the setting at fault, e.g. "rules.2.priority". */
  path: string;
  message: string;
}

export class TriageConfigError extends Error {
  readonly issues: TriageConfigIssue[];

  constructor(issues: TriageConfigIssue[]) {
    super(
      `invalid triage configuration: ${issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; ')}`,
    );
    this.name = 'TriageConfigError';
    this.issues = issues;
  }
}

export interface ResolvedTriageConfig {
  rules: TriageRule[];
  calendar: BusinessCalendar;
}

function describeLayer(layer: SourceLayer | null | 'any'): string {
  return layer === null
    ? 'unknown source'
    : layer === 'any'
      ? 'any source layer'
      : `source layer ${layer}`;
}

/** Every referral shape triage can meet must have a rule, or it would be silently unrouted. */
function coverageIssues(rules: readonly TriageRule[]): TriageConfigIssue[] {
  const issues: TriageConfigIssue[] = [];
  const layers: Array<SourceLayer | null> = [...SOURCE_LAYERS, null];
  const archetypes: Array<TenancyArchetype | null> = [...TENANCY_ARCHETYPES, null];
  for (const layer of layers) {
    for (const archetype of archetypes) {
      if (!selectTriageRule(rules, layer, archetype)) {
        issues.push({
          path: 'rules',
          message: `no rule covers ${describeLayer(layer)} × archetype ${archetype ?? 'unknown'}: add one (tenancyArchetype "any" covers unknown)`,
        });
      }
    }
  }
  return issues;
}

function overlapIssues(rules: readonly TriageRule[]): TriageConfigIssue[] {
  const issues: TriageConfigIssue[] = [];
  const byKey = new Map<string, string>();
  for (const rule of rules) {
    const key = `${String(rule.sourceLayer)}|${rule.tenancyArchetype}`;
    const earlier = byKey.get(key);
    if (earlier) {
      issues.push({
        path: 'rules',
        message: `rules ${earlier} and ${rule.id} both cover ${describeLayer(rule.sourceLayer)} × archetype ${rule.tenancyArchetype}: change one or disable it`,
      });
    } else {
      byKey.set(key, rule.id);
    }
  }
  return issues;
}

/**
 * Validates a configuration and merges it over `defaults`. Throws a TriageConfigError naming every
 * bad key; nothing is partially applied.
 */
export function resolveTriageConfig(
  input: unknown,
  defaults: readonly TriageRule[] = DEFAULT_TRIAGE_RULES,
): ResolvedTriageConfig {
  const parsed = TriageConfig.safeParse(input ?? {});
  if (!parsed.success) {
    throw new TriageConfigError(
      parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    );
  }
  const config = parsed.data;
  const issues: TriageConfigIssue[] = [];

  const seenIds = new Set<string>();
  config.rules.forEach((rule, index) => {
    if (seenIds.has(rule.id))
      issues.push({ path: `rules.${index}.id`, message: `rule id ${rule.id} appears twice` });
    seenIds.add(rule.id);
  });
  const base = config.replaceDefaults ? [] : defaults;
  const knownIds = new Set(base.map((rule) => rule.id));
  config.disable.forEach((id, index) => {
    if (!knownIds.has(id)) {
      issues.push({
        path: `disable.${index}`,
        message: `no default rule ${id} to disable (known: ${[...knownIds].join(', ') || 'none'})`,
      });
    } else if (seenIds.has(id)) {
      issues.push({
        path: `disable.${index}`,
        message: `rule ${id} is both disabled and redefined in rules: keep one`,
      });
    }
  });
  if (issues.length > 0) throw new TriageConfigError(issues);

  const disabled = new Set(config.disable);
  const overrides = new Map(config.rules.map((rule) => [rule.id, rule]));
  const merged = base
    .filter((rule) => !disabled.has(rule.id))
    .map((rule) => overrides.get(rule.id) ?? rule);
  const added = config.rules.filter((rule) => !knownIds.has(rule.id));
  const rules = [...merged, ...added];

  const ruleIssues = [...overlapIssues(rules), ...coverageIssues(rules)];
  if (ruleIssues.length > 0) throw new TriageConfigError(ruleIssues);
  return { rules, calendar: config.calendar ?? DEFAULT_BUSINESS_CALENDAR };
}
