// Decides how an inbound referral is handled: which rule applies, how urgent it is, when the
// response is due in business time, who responds and which queue owns it, and why.
import type { InboundReferral, Priority, SourceLayer } from '../model.js';
import { SOURCE_LAYERS } from '../model.js';
import {
  addBusinessTime,
  isWithinBusinessHours,
  type BusinessCalendar,
  type BusinessTimeBudget,
} from './business-calendar.js';
import { selectTriageRule, type TriageRule } from './rules.js';
import { inferSourceLayer } from './source-layer.js';

/**
 * - `classify-source`: no usable source layer; a person must set it (the referral is High meanwhile).
 * - `source-inferred`: the layer was inferred from the referrer's title or email, not given; confirm it.
 * - `classify-archetype`: the tenancy archetype is unknown; the rule for "any" archetype applied.
 * - `acknowledge-out-of-hours`: arrived outside business hours under a rule that wants an
 *   acknowledgement within hours anyway (see `acknowledgeBy`).
 */
export type TriageFlag =
  | 'classify-source'
  | 'source-inferred'
  | 'classify-archetype'
  | 'acknowledge-out-of-hours';

export interface TriageDecision {
  priority: Priority;
  /** Response deadline (UTC ISO instant), always inside business hours. */
  responseDue: string;
  /** Elapsed-time acknowledgement deadline for out-of-hours arrivals, when the rule asks for one. */
  acknowledgeBy: string | null;
  responder: string;
  ownerQueue: string;
  ruleId: string;
  /** The layer triage used: the referral's own, or one inferred with high confidence. */
  sourceLayer: SourceLayer | null;
  /** Which rule matched and why, for the person working the inbox. */
  reason: string;
  flags: TriageFlag[];
}

export class TriageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TriageError';
  }
}

const PRIORITY_RANK: Record<Priority, number> = { Standard: 0, High: 1, Urgent: 2 };

function describeBudget(budget: BusinessTimeBudget): string {
  if (budget.unit === 'business-hours')
    return `within ${budget.amount} business hour${budget.amount === 1 ? '' : 's'}`;
  const floor =
    budget.minimumBusinessHours > 0
      ? ` (at least ${budget.minimumBusinessHours} business hours)`
      : '';
  if (budget.amount === 0) return `by close of the same business day${floor}`;
  return `by close of business ${budget.amount} business day${budget.amount === 1 ? '' : 's'} later${floor}`;
}

function layerName(layer: SourceLayer): string {
  return `${layer} (layer ${SOURCE_LAYERS.indexOf(layer) + 1})`;
}

/**
 * Triage one referral with validated rules (see resolveTriageConfig) and a business calendar.
 * The clock starts at `receivedAt`; nothing here reads the current time.
 */
export function triageReferral(
  referral: InboundReferral,
  rules: readonly TriageRule[],
  calendar: BusinessCalendar,
): TriageDecision {
  const flags: TriageFlag[] = [];
  const because: string[] = [];

  let layer: SourceLayer | null = referral.sourceLayer;
  if (layer) {
    because.push(`source ${layerName(layer)}`);
  } else {
    const guess = inferSourceLayer({
      title: referral.referrer.title,
      email: referral.referrer.email,
    });
    if (guess.layer && guess.confidence === 'high') {
      layer = guess.layer;
      flags.push('source-inferred');
      because.push(
        `source ${layerName(layer)} inferred from the referrer's ${guess.field} ("${guess.matched}"): confirm it`,
      );
    } else {
      flags.push('classify-source');
      const hint = guess.layer
        ? ` (the referrer's ${guess.field} weakly suggests ${guess.layer} via "${guess.matched}")`
        : '';
      because.push(
        `source unknown${hint}: classify it; until then it is handled as at least High, never Standard`,
      );
    }
  }

  const archetype = referral.tenancyArchetype;
  if (archetype) {
    because.push(`archetype ${archetype}`);
  } else {
    flags.push('classify-archetype');
    because.push('archetype unknown');
  }

  const rule = selectTriageRule(rules, layer, archetype);
  if (!rule) {
    throw new TriageError(
      `no triage rule covers ${layer ?? 'an unknown source'} × ${archetype ?? 'an unknown archetype'}: validate rules with resolveTriageConfig`,
    );
  }

  // Belt and braces: rules built without resolveTriageConfig could still route an unknown source to Standard.
  const priority: Priority =
    layer === null && PRIORITY_RANK[rule.priority] < PRIORITY_RANK.High ? 'High' : rule.priority;

  const responseDue = addBusinessTime(referral.receivedAt, rule.response, calendar).toISOString();

  let acknowledgeBy: string | null = null;
  if (
    rule.outOfHoursAcknowledgeHours !== null &&
    !isWithinBusinessHours(referral.receivedAt, calendar)
  ) {
    acknowledgeBy = new Date(
      Date.parse(referral.receivedAt) + rule.outOfHoursAcknowledgeHours * 3_600_000,
    ).toISOString();
    flags.push('acknowledge-out-of-hours');
  }

  const ruleScope = `${rule.sourceLayer === null ? 'unknown source' : rule.sourceLayer} × ${rule.tenancyArchetype}`;
  const parts = [
    `Rule ${rule.id} (${ruleScope}) matched: ${because.join(', ')}.`,
    `${priority}: respond ${describeBudget(rule.response)} in ${calendar.timeZone} business hours; ${rule.responder}.`,
  ];
  if (priority !== rule.priority)
    parts.push(`Raised from ${rule.priority} because the source is unknown.`);
  if (acknowledgeBy)
    parts.push(
      `Arrived out of hours: acknowledge within ${rule.outOfHoursAcknowledgeHours} hours.`,
    );
  if (rule.rationale) parts.push(`Why: ${rule.rationale}.`);

  return {
    priority,
    responseDue,
    acknowledgeBy,
    responder: rule.responder,
    ownerQueue: rule.ownerQueue,
    ruleId: rule.id,
    sourceLayer: layer,
    reason: parts.join(' '),
    flags,
  };
}
