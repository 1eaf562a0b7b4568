// What the maturity section shows: the stage reached, when it was assessed, then every stage with each
// marker's status, figure against target and source, as text in the user's locale.
import { formatLabel } from 'c/coSellUtils';
import { maturityView } from './maturityStages';
import { formatNumber, formatPercent, formatWhen } from './figures';

import maturityReachedLabel from '@salesforce/label/c.CoSell_Attribution_Maturity_Reached';
import maturityNotStartedLabel from '@salesforce/label/c.CoSell_Attribution_Maturity_Not_Started';
import maturityAssessedLabel from '@salesforce/label/c.CoSell_Attribution_Maturity_Assessed';
import maturityFigureLabel from '@salesforce/label/c.CoSell_Attribution_Maturity_Figure';
import maturityMetLabel from '@salesforce/label/c.CoSell_Attribution_Maturity_Met';
import maturityNotMetLabel from '@salesforce/label/c.CoSell_Attribution_Maturity_Not_Met';
import maturityStageReachedLabel from '@salesforce/label/c.CoSell_Attribution_Maturity_Stage_Reached';
import maturityStageNotReachedLabel from '@salesforce/label/c.CoSell_Attribution_Maturity_Stage_Not_Reached';
import maturityYesLabel from '@salesforce/label/c.CoSell_Attribution_Maturity_Yes';
import maturityNoLabel from '@salesforce/label/c.CoSell_Attribution_Maturity_No';
import maturityNotRecordedLabel from '@salesforce/label/c.CoSell_Attribution_Maturity_Not_Recorded';

/** The latest assessment of these marker records, ready for the template; null when there is none. */
export function maturityDisplay(markers) {
  const view = maturityView(markers);
  if (!view) {
    return null;
  }
  return {
    reachedText: view.reached
      ? formatLabel(maturityReachedLabel, view.reached.stage)
      : maturityNotStartedLabel,
    assessedText: view.computedAt
      ? formatLabel(maturityAssessedLabel, formatWhen(view.computedAt))
      : null,
    stages: view.stages.map((stage) => ({
      key: `stage-${stage.level}`,
      level: stage.level,
      name: stage.stage,
      statusText: stage.reached ? maturityStageReachedLabel : maturityStageNotReachedLabel,
      className: stage.reached ? 'stage reached' : 'stage not-reached',
      markers: stage.markers.map((m) => ({
        key: m.key || m.id,
        marker: m.marker,
        statusText: m.met ? maturityMetLabel : maturityNotMetLabel,
        statusClass: m.met
          ? 'status met slds-text-color_success'
          : 'status not-met slds-text-color_error',
        figure: formatLabel(
          maturityFigureLabel,
          markerFigure(m.value, m.unit),
          markerFigure(m.target, m.unit),
        ),
        source: m.note ? `${m.source}; ${m.note}` : m.source,
      })),
    })),
  };
}

// Yes/No facts are stored as 1 or 0 and unknown as empty; shares are ratios; the rest plain numbers.
function markerFigure(value, unit) {
  if (unit === 'Yes/No') {
    if (value === null || value === undefined) {
      return maturityNotRecordedLabel;
    }
    return value >= 1 ? maturityYesLabel : maturityNoLabel;
  }
  if (unit === 'Share') {
    return formatPercent(value);
  }
  return formatNumber(value, 2);
}
