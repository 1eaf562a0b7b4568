// Turns the maturity marker rows of CoSell_Metric__c (Metric__c = 'Maturity Marker', written by the
// co-sell service from its maturity assessment) into the stages RevOps reads: each stage reached or
// not, and every marker's figure against its target with where the figure comes from.

export const MATURITY_METRIC = 'Maturity Marker';

export function isMaturityNode(node) {
  return Boolean(node.Metric__c) && node.Metric__c.value === MATURITY_METRIC;
}

/** Reads one GraphQL node of a maturity marker into a plain record. */
export function toMaturityMarker(node) {
  const value = (field) => (node[field] ? node[field].value : null);
  return {
    id: node.Id,
    fiscalPeriod: value('Fiscal_Period__c'),
    level: value('Stage_Level__c'),
    stage: value('Stage__c'),
    stageReached: value('Stage_Reached__c') === true,
    marker: value('Marker__c'),
    met: value('Met__c') === true,
    value: value('Value__c'),
    target: value('Target__c'),
    unit: value('Unit__c'),
    source: value('Source__c'),
    note: value('Note__c'),
    computedAt: value('Computed_At__c'),
    key: value('Metric_Key__c'),
  };
}

/**
 * The latest assessment (the newest quarter's markers), stages in order with their markers in the
 * order the service wrote them (the key ends with level.position), and the highest stage reached.
 */
export function maturityView(markers) {
  const periods = [...new Set(markers.map((m) => m.fiscalPeriod).filter((p) => p))].sort();
  const latest = periods[periods.length - 1];
  if (!latest) {
    return null;
  }
  const current = markers.filter((m) => m.fiscalPeriod === latest);
  const byLevel = new Map();
  current.forEach((m) => {
    if (!byLevel.has(m.level)) {
      byLevel.set(m.level, {
        level: m.level,
        stage: m.stage,
        reached: m.stageReached,
        markers: [],
      });
    }
    byLevel.get(m.level).markers.push(m);
  });
  const stages = [...byLevel.values()].sort((a, b) => a.level - b.level);
  stages.forEach((stage) => stage.markers.sort((a, b) => position(a) - position(b)));
  const reached = stages.filter((stage) => stage.reached);
  return {
    fiscalPeriod: latest,
    computedAt: current.reduce(
      (at, m) => (m.computedAt && (!at || m.computedAt > at) ? m.computedAt : at),
      null,
    ),
    reached: reached.length > 0 ? reached[reached.length - 1] : null,
    stages,
  };
}

function position(marker) {
  const match = /\|\d+\.(\d+)$/.exec(marker.key || '');
  return match ? Number(match[1]) : 0;
}
