// What `cosell attribution report` shows in a terminal: the report's rows or the trend's quarters as
// formatted cells, keeping the columns that matter most when the terminal is too narrow for all of them.
import type { AttributionTrend, ReportCell, TrendDirection } from '../core/attribution/index.js';
import type { FigureFormat } from './locale-format.js';

export interface TableColumn {
  key: string;
  name: string;
  /** Lower is kept first when the terminal is narrow; 0 is always kept. */
  priority: number;
  align: 'left' | 'right';
}

/** The oclif table options this module fills: the columns kept and their formatted cells. */
export interface TerminalTable {
  columns: Array<{ key: string; name: string; horizontalAlignment: 'left' | 'right' }>;
  data: Array<Record<string, string>>;
}

/** Width to fit when stdout is not a terminal (piped, redirected): COLUMNS if set, else a wide default. */
export const PIPED_WIDTH = 120;
/** Narrower than this nothing useful fits; the table is laid out for this width and the terminal wraps. */
const MIN_WIDTH = 40;

/** The terminal's width, or COLUMNS, or PIPED_WIDTH when output goes to a pipe or file. */
export function terminalWidth(
  stdout: { isTTY?: boolean; columns?: number } = process.stdout,
  env: NodeJS.ProcessEnv = process.env,
): number {
  const fromEnv = Number(env.COLUMNS);
  const width =
    stdout.isTTY && stdout.columns
      ? stdout.columns
      : Number.isInteger(fromEnv) && fromEnv > 0
        ? fromEnv
        : PIPED_WIDTH;
  return Math.max(MIN_WIDTH, width);
}

const visibleLength = (text: string) => [...text].length;

/** Columns drawn with a one-space pad each side and a border between: `│ a │ b │`. */
function drawnWidth(widths: number[]): number {
  return widths.reduce((sum, width) => sum + width + 3, 1);
}

/** The columns that fit `width`, most important first, shown in their original order. */
export function fitColumns(
  columns: readonly TableColumn[],
  data: ReadonlyArray<Record<string, string>>,
  width: number,
): TableColumn[] {
  const natural = new Map(
    columns.map((column) => [
      column.key,
      Math.max(
        visibleLength(column.name),
        ...data.map((row) => visibleLength(row[column.key] ?? '')),
      ),
    ]),
  );
  const kept = new Set<string>();
  for (const column of [...columns].sort((a, b) => a.priority - b.priority)) {
    const widths = [...kept, column.key].map((key) => natural.get(key)!);
    if (column.priority === 0 || drawnWidth(widths) <= width) kept.add(column.key);
  }
  return columns.filter((column) => kept.has(column.key));
}

function table(
  columns: readonly TableColumn[],
  data: Array<Record<string, string>>,
  width: number,
): TerminalTable {
  return {
    columns: fitColumns(columns, data, width).map((column) => ({
      key: column.key,
      name: column.name,
      horizontalAlignment: column.align,
    })),
    data,
  };
}

const REPORT_COLUMNS: TableColumn[] = [
  { key: 'scope', name: 'Cloud', priority: 0, align: 'left' },
  { key: 'period', name: 'Period', priority: 0, align: 'left' },
  { key: 'opportunities', name: 'Deals', priority: 7, align: 'right' },
  { key: 'sourcedCount', name: 'Sourced #', priority: 4, align: 'right' },
  { key: 'sourcedValue', name: 'Sourced', priority: 1, align: 'right' },
  { key: 'influencedCount', name: 'Influenced #', priority: 5, align: 'right' },
  { key: 'influencedValue', name: 'Influenced', priority: 2, align: 'right' },
  { key: 'coSellOpenValue', name: 'Open co-sell', priority: 6, align: 'right' },
  { key: 'winRateUpliftPoints', name: 'Win-rate uplift', priority: 3, align: 'left' },
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
  return table(REPORT_COLUMNS, data, width);
}

export type DirectionMarkers = Record<'up' | 'down' | 'flat' | 'none', string>;
export const UNICODE_MARKERS: DirectionMarkers = { up: '▲', down: '▼', flat: '▬', none: ' ' };
export const ASCII_MARKERS: DirectionMarkers = { up: '^', down: 'v', flat: '=', none: ' ' };

const TREND_COLUMNS: TableColumn[] = [
  { key: 'period', name: 'Quarter', priority: 0, align: 'left' },
  { key: 'dates', name: 'Dates', priority: 4, align: 'left' },
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
  return table(TREND_COLUMNS, data, width);
}
