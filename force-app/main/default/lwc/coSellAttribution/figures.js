// How the dashboard writes a figure it formats itself (uplifts, maturity evidence, freshness): in the
// user's locale and currency, "No data" where the service has none.
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import noDataLabel from '@salesforce/label/c.CoSell_Attribution_No_Data';

export { noDataLabel };

export function formatNumber(value, fractionDigits) {
  if (value === null || value === undefined) {
    return noDataLabel;
  }
  return new Intl.NumberFormat(LOCALE, { maximumFractionDigits: fractionDigits }).format(value);
}

// Rates arrive as ratios (0.42 = 42 %), as the service's attribution rule computes them.
export function formatPercent(ratio) {
  if (ratio === null || ratio === undefined) {
    return noDataLabel;
  }
  return new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: 1 }).format(
    ratio,
  );
}

export function signed(value, fractionDigits) {
  return new Intl.NumberFormat(LOCALE, {
    maximumFractionDigits: fractionDigits,
    signDisplay: 'exceptZero',
  }).format(value);
}

export function signedPercent(ratio) {
  return new Intl.NumberFormat(LOCALE, {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(ratio);
}

/** A moment as the user reads it: medium date, short time, in the user's time zone. */
export function formatWhen(instant) {
  return new Intl.DateTimeFormat(LOCALE, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: TIME_ZONE,
  }).format(new Date(instant));
}
