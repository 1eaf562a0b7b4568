// The dashboard's three figure tables as lightning-datatable columns and rows (c-co-sell-metric-table):
// pipeline and health figures stay numbers, formatted by their column's type; uplifts carry their
// text and samples beside the number they sort by. Rows keep the fixed cloud order until a reader
// sorts a column.
import CURRENCY from '@salesforce/i18n/currency';
import { formatLabel } from 'c/coSellUtils';
import { pipelineRows, upliftRows, healthRows } from './metricTables';
import { noDataLabel, signed, signedPercent } from './figures';

import cloudLabel from '@salesforce/label/c.CoSell_Attribution_Cloud';
import allCloudsLabel from '@salesforce/label/c.CoSell_Attribution_All_Clouds';
import sourcedCountLabel from '@salesforce/label/c.CoSell_Attribution_Sourced_Count';
import sourcedValueLabel from '@salesforce/label/c.CoSell_Attribution_Sourced_Value';
import influencedCountLabel from '@salesforce/label/c.CoSell_Attribution_Influenced_Count';
import influencedValueLabel from '@salesforce/label/c.CoSell_Attribution_Influenced_Value';
import winRateLabel from '@salesforce/label/c.CoSell_Attribution_Win_Rate_Uplift';
import dealSizeLabel from '@salesforce/label/c.CoSell_Attribution_Deal_Size_Uplift';
import cycleLabel from '@salesforce/label/c.CoSell_Attribution_Cycle_Saved';
import pointsLabel from '@salesforce/label/c.CoSell_Attribution_Points';
import daysSavedLabel from '@salesforce/label/c.CoSell_Attribution_Days_Saved';
import sampleLabel from '@salesforce/label/c.CoSell_Attribution_Sample';
import lowConfidenceLabel from '@salesforce/label/c.CoSell_Attribution_Low_Confidence';
import acceptanceLabel from '@salesforce/label/c.CoSell_Attribution_Acceptance';
import hoursToAcceptLabel from '@salesforce/label/c.CoSell_Attribution_Hours_To_Accept';
import marketplaceLabel from '@salesforce/label/c.CoSell_Attribution_Marketplace';
import attachLabel from '@salesforce/label/c.CoSell_Attribution_Attach';

/** The row holding the cross-cloud figures; it stays last whichever way a column is sorted. */
const ALL_CLOUDS = 'All';

const COUNT = { formatStyle: 'decimal', maximumFractionDigits: 0 };
const MONEY = {
  formatStyle: 'currency',
  currencyCode: CURRENCY,
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
};
const PERCENT = { formatStyle: 'percent', maximumFractionDigits: 1 };
const HOURS = { formatStyle: 'decimal', maximumFractionDigits: 1 };

// Every column sorts, and every cell wraps, so no figure or sample is clipped (hence no "clip text"
// header action either).
function column(label, fieldName, type, typeAttributes) {
  return {
    label,
    fieldName,
    type,
    typeAttributes,
    sortable: true,
    wrapText: true,
    hideDefaultActions: true,
  };
}

const CLOUD_COLUMN = column(cloudLabel, 'cloud', 'text');

/** A figure column: the value is a number or null, `<fieldName>Missing` says "No data" is shown. */
function figureColumn(label, fieldName, format) {
  return column(label, fieldName, 'figure', {
    ...format,
    missing: { fieldName: `${fieldName}Missing` },
    missingText: noDataLabel,
  });
}

/** An uplift column: sorted by the number, shown as `<fieldName>Text` with its samples. */
function upliftColumn(label, fieldName) {
  return column(label, fieldName, 'uplift', {
    text: { fieldName: `${fieldName}Text` },
    detail: { fieldName: `${fieldName}Detail` },
    figureClass: { fieldName: `${fieldName}Class` },
  });
}

export const PIPELINE_COLUMNS = [
  CLOUD_COLUMN,
  figureColumn(sourcedCountLabel, 'sourcedCount', COUNT),
  figureColumn(sourcedValueLabel, 'sourcedValue', MONEY),
  figureColumn(influencedCountLabel, 'influencedCount', COUNT),
  figureColumn(influencedValueLabel, 'influencedValue', MONEY),
];

export const UPLIFT_COLUMNS = [
  CLOUD_COLUMN,
  upliftColumn(winRateLabel, 'winRate'),
  upliftColumn(dealSizeLabel, 'dealSize'),
  upliftColumn(cycleLabel, 'cycle'),
];

export const HEALTH_COLUMNS = [
  CLOUD_COLUMN,
  figureColumn(acceptanceLabel, 'acceptanceRate', PERCENT),
  figureColumn(hoursToAcceptLabel, 'medianHoursToAccept', HOURS),
  figureColumn(marketplaceLabel, 'marketplaceTransactions', COUNT),
  figureColumn(attachLabel, 'partnerAttachRate', PERCENT),
];

function cloudCells(cloud) {
  return { key: cloud, cloud: cloud === ALL_CLOUDS ? allCloudsLabel : cloud };
}

function figureCells(figures) {
  const cells = {};
  Object.entries(figures).forEach(([fieldName, value]) => {
    const missing = value === null || value === undefined;
    cells[fieldName] = missing ? null : value;
    cells[`${fieldName}Missing`] = missing;
  });
  return cells;
}

/** Sourced vs influenced pipeline rows for the period's records. */
export function pipelineTable(records) {
  return pipelineRows(records).map((row) => ({
    ...cloudCells(row.cloud),
    ...figureCells({
      sourcedCount: row.sourcedCount,
      sourcedValue: row.sourcedValue,
      influencedCount: row.influencedCount,
      influencedValue: row.influencedValue,
    }),
  }));
}

/** Portal health rows for the period's records. */
export function healthTable(records) {
  return healthRows(records).map((row) => ({
    ...cloudCells(row.cloud),
    ...figureCells({
      acceptanceRate: row.acceptanceRate.value,
      medianHoursToAccept: row.medianHoursToAccept.value,
      marketplaceTransactions: row.marketplaceTransactions.value,
      partnerAttachRate: row.partnerAttachRate.value,
    }),
  }));
}

// A small sample still shows its figure, marked low confidence; only a side with no deal has none.
function upliftCells(fieldName, measure, minimum, format) {
  let detail = formatLabel(sampleLabel, measure.coSoldSample, measure.directSample);
  let className = 'uplift';
  if (measure.insufficient) {
    className = 'uplift insufficient slds-text-color_weak';
  } else if (measure.lowConfidence) {
    detail = formatLabel(lowConfidenceLabel, minimum, measure.coSoldSample, measure.directSample);
    className = 'uplift low-confidence';
  }
  return {
    [fieldName]: measure.insufficient ? null : measure.value,
    [`${fieldName}Text`]: measure.insufficient ? noDataLabel : format(measure.value),
    [`${fieldName}Detail`]: detail,
    [`${fieldName}Class`]: className,
  };
}

/** Conversion uplift rows: each figure with the co-sold and direct-only samples behind it. */
export function upliftTable(records, minimum) {
  return upliftRows(records, minimum).map((row) => ({
    ...cloudCells(row.cloud),
    ...upliftCells('winRate', row.winRatePoints, minimum, (v) =>
      formatLabel(pointsLabel, signed(v, 1)),
    ),
    ...upliftCells('dealSize', row.dealSize, minimum, (v) => signedPercent(v)),
    ...upliftCells('cycle', row.cycleDaysSaved, minimum, (v) =>
      formatLabel(daysSavedLabel, signed(v, 0)),
    ),
  }));
}

function compareCells(a, b, factor) {
  const aMissing = a === null || a === undefined;
  const bMissing = b === null || b === undefined;
  if (aMissing || bMissing) {
    // Rows without a figure go last in either direction.
    return Number(aMissing) - Number(bMissing);
  }
  if (typeof a === 'string') {
    return a.localeCompare(b) * factor;
  }
  return (a - b) * factor;
}

/** The rows sorted by one column ('asc' or 'desc'), the all-clouds row kept last. */
export function sortRows(rows, fieldName, direction) {
  if (!fieldName) {
    return rows;
  }
  const factor = direction === 'desc' ? -1 : 1;
  const clouds = rows.filter((row) => row.key !== ALL_CLOUDS);
  const totals = rows.filter((row) => row.key === ALL_CLOUDS);
  return [...clouds.sort((a, b) => compareCells(a[fieldName], b[fieldName], factor)), ...totals];
}
