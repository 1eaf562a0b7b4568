// What `cosell maturity` shows in a terminal: each marker of each stage with its status, its figure
// against the target in the unit the dashboard uses (yes/no, a share, a number) and where the figure
// comes from; the sentences wrap rather than being cut.
import { markerUnit } from '../core/attribution/metric-summary.js';
import type { MaturityAssessment, MaturityMarker } from '../core/readiness/index.js';
import type { FigureFormat } from './locale-format.js';
import { fittedTable, type TableColumn, type TerminalTable } from './terminal-table.js';

const COLUMNS: TableColumn[] = [
  { key: 'stage', name: 'Stage', wrapsAt: 12 },
  { key: 'marker', name: 'Marker', wrapsAt: 20 },
  { key: 'status', name: 'Status' },
  { key: 'figure', name: 'Figure vs target', wrapsAt: 14 },
  { key: 'source', name: 'Source', priority: 1, wrapsAt: 20 },
];

/** One figure of a marker: `yes`, `42.5%`, `0.47`, or `unknown` when nothing is recorded. */
export function markerFigure(
  value: number | boolean | null,
  marker: Pick<MaturityMarker, 'target'>,
  format: FigureFormat,
): string {
  if (value === null) return 'unknown';
  const unit = markerUnit(marker);
  if (unit === 'Yes/No') return value === true || value === 1 ? 'yes' : 'no';
  const number = Number(value);
  return unit === 'Share' ? format.percent(number) : format.number(number, 2);
}

export function maturityTable(
  assessment: MaturityAssessment,
  format: FigureFormat,
  width?: number,
): TerminalTable {
  const rows = assessment.evidence.flatMap((stage) =>
    stage.markers.map((marker) => ({
      stage: `${stage.typicalMonth} ${stage.name}`,
      marker: marker.marker,
      status: marker.met ? 'met' : 'not met',
      figure: `${markerFigure(marker.actual, marker, format)} (target ${markerFigure(marker.target, marker, format)})`,
      source: marker.note ? `${marker.source}; ${marker.note}` : marker.source,
    })),
  );
  return fittedTable(COLUMNS, rows, width);
}
