// The attribution trend as charts: CoSell_Metric__c rows (one figure per cloud, fiscal quarter, metric
// and segment, written by the co-sell service with each quarter's first and last day) shaped into the
// three charts RevOps reads, each with its text alternative, and into Chart.js configurations. Pure
// functions, so the figures a chart draws are the ones its table and its tooltips state.

/** Two years of quarters, as the service's trend (middleware/src/core/attribution/trend.ts) writes them. */
export const TREND_QUARTERS = 8;

const CLOUD_ORDER = ['All', 'AWS', 'Microsoft', 'Google'];

/** Series colours: SLDS palette styling hooks, with the token's value when the page does not define it. */
export const SERIES_COLOURS = {
  sourced: ['--slds-g-color-palette-blue-50', '#0176d3'],
  influenced: ['--slds-g-color-palette-teal-50', '#0b827c'],
  acceptance: ['--slds-g-color-palette-purple-50', '#9050e9'],
  hoursToAccept: ['--slds-g-color-palette-orange-60', '#dd7a01'],
  marketplace: ['--slds-g-color-palette-indigo-50', '#5867e8'],
  text: ['--slds-g-color-neutral-base-30', '#444444'],
  grid: ['--slds-g-color-neutral-base-90', '#e5e5e5'],
};

/** Clouds with trend figures, all clouds first. */
export function trendClouds(records) {
  const present = new Set(records.filter((r) => r.periodStart).map((r) => r.cloud));
  return CLOUD_ORDER.filter((cloud) => present.has(cloud));
}

function latest(values) {
  return values.reduce((best, value) => (value && (!best || value > best) ? value : best), null);
}

/**
 * One cloud's last quarters, oldest first: only quarters that had begun when the figures were
 * computed (open pipeline closing next quarter is a forecast, not a trend point).
 */
export function trendPoints(records, cloud, quarters = TREND_QUARTERS) {
  const own = records.filter((r) => r.cloud === cloud && r.periodStart && r.periodEnd);
  const computedDay = (latest(own.map((r) => r.computedAt)) || '').slice(0, 10);
  const byPeriod = new Map();
  own.forEach((r) => {
    if (computedDay && r.periodStart > computedDay) {
      return;
    }
    if (!byPeriod.has(r.fiscalPeriod)) {
      byPeriod.set(r.fiscalPeriod, {
        period: r.fiscalPeriod,
        periodStart: r.periodStart,
        periodEnd: r.periodEnd,
        figures: new Map(),
      });
    }
    byPeriod.get(r.fiscalPeriod).figures.set(`${r.metric}|${r.segment}`, r);
  });
  return [...byPeriod.values()]
    .sort((a, b) => (a.periodStart < b.periodStart ? -1 : 1))
    .slice(-quarters)
    .map(({ period, periodStart, periodEnd, figures }) => {
      const pick = (metric, segment) => {
        const r = figures.get(`${metric}|${segment}`);
        return {
          value: r && r.value !== undefined ? r.value : null,
          sample: r && r.sampleSize !== null && r.sampleSize !== undefined ? r.sampleSize : null,
        };
      };
      return {
        period,
        periodStart,
        periodEnd,
        sourcedCount: pick('Pipeline Count', 'Sourced').value,
        sourcedValue: pick('Pipeline Value', 'Sourced').value,
        influencedCount: pick('Pipeline Count', 'Influenced').value,
        influencedValue: pick('Pipeline Value', 'Influenced').value,
        acceptanceRate: pick('Acceptance Rate', 'All'),
        hoursToAccept: pick('Median Hours To Accept', 'All'),
        marketplaceTransactions: pick('Marketplace Transactions', 'All').value,
      };
    });
}

/** Formatters for one locale and currency; a missing figure reads as `noData`. */
export function figureFormatter(locale, currency, noData) {
  const formats = {
    money: new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }),
    count: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
    percent: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }),
    hours: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }),
  };
  const days = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return {
    format(kind, value) {
      return value === null || value === undefined ? noData : formats[kind].format(value);
    },
    dates(start, end) {
      return days.formatRange(new Date(`${start}T00:00:00Z`), new Date(`${end}T00:00:00Z`));
    },
  };
}

function series(key, label, kind, axis, format, values, samples, smallSamples) {
  return { key, label, kind, axis, format, colourKey: key, values, samples, smallSamples };
}

function describeSeries(dataset, labels, formatter) {
  const known = dataset.values
    .map((value, i) => ({ value, period: labels[i] }))
    .filter((p) => p.value !== null);
  if (!known.length) {
    return `${dataset.label}: ${formatter.format(dataset.format, null)}.`;
  }
  const first = known[0];
  const last = known[known.length - 1];
  const highest = known.reduce((best, p) => (p.value > best.value ? p : best), first);
  const f = (value) => formatter.format(dataset.format, value);
  return `${dataset.label}: ${f(first.value)} in ${first.period}, ${f(last.value)} in ${last.period}; highest ${f(highest.value)} in ${highest.period}.`;
}

/**
 * The three charts for a cloud's points: pipeline (value bars, deal-count lines), portal health
 * (acceptance rate and median hours to accept) and marketplace transactions. `text` holds the labels.
 */
export function trendCharts(points, { formatter, text, minimumSampleSize }) {
  const labels = points.map((p) => p.period);
  const dates = points.map((p) => formatter.dates(p.periodStart, p.periodEnd));
  const small = (samples) => samples.map((s) => s !== null && s < minimumSampleSize);
  const sourcedDeals = points.map((p) => p.sourcedCount);
  const influencedDeals = points.map((p) => p.influencedCount);
  const acceptanceSamples = points.map((p) => p.acceptanceRate.sample);
  const hoursSamples = points.map((p) => p.hoursToAccept.sample);
  const none = points.map(() => null);
  const unflagged = points.map(() => false);
  const charts = [
    {
      key: 'pipeline',
      title: text.pipeline,
      datasets: [
        series(
          'sourced',
          text.sourcedValue,
          'bar',
          'y',
          'money',
          points.map((p) => p.sourcedValue),
          sourcedDeals,
          small(sourcedDeals),
        ),
        series(
          'influenced',
          text.influencedValue,
          'bar',
          'y',
          'money',
          points.map((p) => p.influencedValue),
          influencedDeals,
          small(influencedDeals),
        ),
        // A deal count is its own sample.
        {
          ...series(
            'sourced',
            text.sourcedCount,
            'line',
            'y1',
            'count',
            sourcedDeals,
            none,
            unflagged,
          ),
          key: 'sourcedCount',
        },
        {
          ...series(
            'influenced',
            text.influencedCount,
            'line',
            'y1',
            'count',
            influencedDeals,
            none,
            unflagged,
          ),
          key: 'influencedCount',
        },
      ],
    },
    {
      key: 'health',
      title: text.health,
      datasets: [
        series(
          'acceptance',
          text.acceptance,
          'line',
          'y',
          'percent',
          points.map((p) => p.acceptanceRate.value),
          acceptanceSamples,
          small(acceptanceSamples),
        ),
        series(
          'hoursToAccept',
          text.hoursToAccept,
          'line',
          'y1',
          'hours',
          points.map((p) => p.hoursToAccept.value),
          hoursSamples,
          small(hoursSamples),
        ),
      ],
    },
    {
      key: 'marketplace',
      title: text.marketplace,
      datasets: [
        series(
          'marketplace',
          text.marketplaceSeries,
          'bar',
          'y',
          'count',
          points.map((p) => p.marketplaceTransactions),
          none,
          unflagged,
        ),
      ],
    },
  ];
  return charts.map((chart) => {
    const describe = (dataset, i) => {
      const figure = formatter.format(dataset.format, dataset.values[i]);
      const sample = dataset.samples[i];
      if (sample === null) {
        return figure;
      }
      return `${figure} (${text.sample.replace('{0}', formatter.format('count', sample))}${dataset.smallSamples[i] ? `, ${text.smallSample}` : ''})`;
    };
    return {
      ...chart,
      labels,
      dates,
      description: [
        `${chart.title}, ${labels[0] || ''}–${labels[labels.length - 1] || ''}.`,
        ...chart.datasets.map((d) => describeSeries(d, labels, formatter)),
      ].join(' '),
      columns: [
        { label: text.quarter, fieldName: 'period' },
        { label: text.dates, fieldName: 'dates' },
        ...chart.datasets.map((d) => ({ label: d.label, fieldName: d.key })),
      ],
      rows: labels.map((period, i) => ({
        period,
        dates: dates[i],
        ...Object.fromEntries(chart.datasets.map((d) => [d.key, describe(d, i)])),
      })),
      tooltips: chart.datasets.map((d) => labels.map((_, i) => describe(d, i))),
    };
  });
}

/** Reads each series colour from the page's styling hooks, falling back to the token's value. */
export function resolveColours(readProperty) {
  return Object.fromEntries(
    Object.entries(SERIES_COLOURS).map(([key, [token, fallback]]) => [
      key,
      (readProperty(token) || '').trim() || fallback,
    ]),
  );
}

/** A Chart.js configuration for one chart: axes formatted, each tooltip with the quarter's dates and sample. */
export function chartJsConfig(chart, colours, formatter) {
  const axisFormat = (axis) => (chart.datasets.find((d) => d.axis === axis) || {}).format;
  const scale = (axis, position) => ({
    type: 'linear',
    position,
    beginAtZero: true,
    grid: { color: colours.grid, drawOnChartArea: position === 'left' },
    // Counts step in whole deals; without a precision Chart.js ticks 0.1, 0.2... and they round to repeats.
    ticks: {
      color: colours.text,
      precision: axisFormat(axis) === 'count' ? 0 : undefined,
      callback: (value) => formatter.format(axisFormat(axis), value),
    },
  });
  // Quarters are category labels, never a time axis: Chart.js's time scales need a date adapter the
  // bundle leaves out (its built-in one only throws), and the static resource ships none.
  const scales = {
    x: { type: 'category', ticks: { color: colours.text }, grid: { display: false } },
    y: scale('y', 'left'),
  };
  if (chart.datasets.some((d) => d.axis === 'y1')) {
    scales.y1 = scale('y1', 'right');
  }
  return {
    type: 'bar',
    data: {
      labels: chart.labels,
      datasets: chart.datasets.map((d) => ({
        type: d.kind,
        label: d.label,
        data: d.values,
        yAxisID: d.axis,
        backgroundColor: colours[d.colourKey],
        borderColor: colours[d.colourKey],
        borderWidth: d.kind === 'line' ? 2 : 0,
        // A small sample is drawn like the rest, its point hollow so the reader knows to weigh it lightly.
        pointBackgroundColor: d.smallSamples.map((isSmall) =>
          isSmall ? '#ffffff' : colours[d.colourKey],
        ),
        pointRadius: d.kind === 'line' ? 4 : 0,
        spanGaps: false,
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'index', intersect: false },
      scales,
      plugins: {
        legend: { position: 'bottom', labels: { color: colours.text } },
        tooltip: {
          callbacks: {
            title: (items) =>
              items.length
                ? `${chart.labels[items[0].dataIndex]} (${chart.dates[items[0].dataIndex]})`
                : '',
            label: (item) =>
              `${chart.datasets[item.datasetIndex].label}: ${chart.tooltips[item.datasetIndex][item.dataIndex]}`,
          },
        },
      },
    },
  };
}
