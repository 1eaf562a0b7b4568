// What `cosell attribution report` shows in a terminal: the report's rows or the trend's quarters as
// formatted cells, keeping the columns that matter most when the terminal is too narrow for all of them.
import type { AttributionTrend, ReportCell, TrendDirection } from '../core/attribution/index.js';
import type { FigureFormat } from './locale-format.js';
import { fittedTable, type TableColumn, type TerminalTable } from './terminal-table.js';

const REPORT_COLUMNS: TableColumn[] = [
  { key: 'scope', name: 'Cloud' },
  { key: 'period', name: 'Period' },
  { key: 'opportunities', name: 'Deals', priority: 7, align: 'right' },
  { key: 'sourcedCount', name: 'Sourced #', priority: 4, align: 'right' },
  { key: 'sourcedValue', name: 'Sourced', priority: 1, align: 'right' },
  { key: 'influencedCount', name: 'Influenced #', priority: 5, align: 'right' },
  { key: 'influencedValue', name: 'Influenced', priority: 2, align: 'right' },
  { key: 'coSellOpenValue', name: 'Open co-sell', priority: 6, align: 'right' },
  { key: 'winRateUpliftPoints', name: 'Win-rate uplift', priority: 3 },
  { key: 'marketplaceTransactions', name: 'Marketplace', priority: 8, align: 'right' },
  { key: 'partnerAttachRateByCount', name: 'Attach rate', priority: 9, align: 'right' },
];

const MONEY = new Set(['sourcedValue', 'influencedValue', 'coSellOpenValue']);
const COUNTS = new Set([
  'opportunities',
  'sourcedCount',
  'influencedCount',
  'marketplaceTransactions',
]);

const numberOrNull = (cell: ReportCell | undefined): number | null =>
  typeof cell === 'number' ? cell : null;

/** The win-rate uplift with its samples, marked when either side is below the minimum: `+41.7 pts (3/4 closed, low confidence)`. */
export function winRateCell(row: Record<string, ReportCell>, format: FigureFormat): string {
  const value = row.winRateUpliftPoints;
  const samples = `${format.count(numberOrNull(row.coSoldClosed))}/${format.count(numberOrNull(row.directOnlyClosed))} closed`;
  if (typeof value !== 'number') return `${value ?? ''} (${samples})`;
  const figure = `${format.signedPoints(value)} pts`;
  return row.winRateUpliftConfidence === 'low'
    ? `${figure} (${samples}, low confidence)`
    : `${figure} (${samples})`;
}

/** The report's rows as the terminal shows them: money and rates in the locale, the widest columns dropped first. */
export function reportTable(
  rows: ReadonlyArray<Record<string, ReportCell>>,
  format: FigureFormat,
  width: number,
): TerminalTable {
  const data = rows.map((row) =>
    Object.fromEntries(
      REPORT_COLUMNS.map(({ key }) => {
        const cell = row[key];
        if (key === 'winRateUpliftPoints') return [key, winRateCell(row, format)];
        if (MONEY.has(key)) return [key, format.money(numberOrNull(cell))];
        if (COUNTS.has(key)) return [key, format.count(numberOrNull(cell))];
        if (key === 'partnerAttachRateByCount') return [key, format.percent(numberOrNull(cell))];
        return [key, String(cell ?? '')];
      }),
    ),
  );
  return fittedTable(REPORT_COLUMNS, data, width);
}

export type DirectionMarkers = Record<'up' | 'down' | 'flat' | 'none', string>;
export const UNICODE_MARKERS: DirectionMarkers = { up: '▲', down: '▼', flat: '▬', none: ' ' };
export const ASCII_MARKERS: DirectionMarkers = { up: '^', down: 'v', flat: '=', none: ' ' };

const TREND_COLUMNS: TableColumn[] = [
  { key: 'period', name: 'Quarter' },
  { key: 'dates', name: 'Dates', priority: 4 },
  { key: 'sourced', name: 'Sourced', priority: 1, align: 'right' },
  { key: 'influenced', name: 'Influenced', priority: 2, align: 'right' },
  { key: 'acceptance', name: 'Acceptance', priority: 3, align: 'right' },
  { key: 'hoursToAccept', name: 'Median hours to accept', priority: 5, align: 'right' },
  { key: 'marketplace', name: 'Marketplace', priority: 6, align: 'right' },
];

/**
 * The trend's quarters, oldest first, each figure followed by the way it moved since the quarter before,
 * and each rate by its sample (flagged when below the report's minimum: shown, never hidden).
 */
export function trendTable(
  trend: AttributionTrend,
  format: FigureFormat,
  width: number,
  markers: DirectionMarkers,
): TerminalTable {
  const marker = (direction: TrendDirection) => markers[direction ?? 'none'];
  const sample = (size: number, small: boolean) =>
    `(n=${format.count(size)}${small ? ', small' : ''})`;
  const data = trend.points.map((point) => ({
    period: point.period,
    dates: format.dateRange(point.periodStart, point.periodEnd),
    sourced: `${format.count(point.sourced.count)} · ${format.money(point.sourced.value)} ${marker(point.direction.sourcedValue)}`,
    influenced: `${format.count(point.influenced.count)} · ${format.money(point.influenced.value)} ${marker(point.direction.influencedValue)}`,
    acceptance: `${format.percent(point.acceptanceRate.value)} ${marker(point.direction.acceptanceRate)} ${sample(point.acceptanceRate.sample, point.acceptanceRate.smallSample)}`,
    hoursToAccept: `${format.number(point.medianHoursToAccept.value, 1)} ${marker(point.direction.medianHoursToAccept)} ${sample(point.medianHoursToAccept.sample, point.medianHoursToAccept.smallSample)}`,
    marketplace: `${format.count(point.marketplaceTransactions.count)} ${marker(point.direction.marketplaceTransactions)}`,
  }));
  return fittedTable(TREND_COLUMNS, data, width);
}
