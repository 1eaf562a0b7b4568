// CSV of the metric rows on screen, for RevOps to take into a spreadsheet (RFC 4180 quoting).
const COLUMNS = [
  ['Cloud', 'cloud'],
  ['Fiscal period', 'fiscalPeriod'],
  ['Metric', 'metric'],
  ['Segment', 'segment'],
  ['Value', 'value'],
  ['Sample size', 'sampleSize'],
  ['Computed at', 'computedAt'],
];

function cell(value) {
  if (value === null || value === undefined) {
    return '';
  }
  let text = String(value);
  // A text cell starting with a formula character would run as a formula in a spreadsheet.
  if (typeof value === 'string' && /^[=+@]/.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function metricsCsv(records) {
  const lines = [COLUMNS.map(([header]) => cell(header)).join(',')];
  records.forEach((record) => {
    lines.push(COLUMNS.map(([, key]) => cell(record[key])).join(','));
  });
  return `${lines.join('\r\n')}\r\n`;
}

/** A link target the browser downloads without any server round trip. */
export function csvDataUri(csv) {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`;
}
