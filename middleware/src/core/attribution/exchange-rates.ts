// Multi-currency orgs report in one currency: amounts convert with supplied rates, and a currency
// without a rate stops the report instead of silently counting as zero.
import { z } from 'zod';
import { CurrencyCode } from '../model.js';

export class MissingExchangeRateError extends Error {
  readonly code = 'MISSING_EXCHANGE_RATE';
  readonly currency: string;
  readonly opportunityId: string;

  constructor(currency: string, opportunityId: string, reportingCurrency: string) {
    super(
      `no exchange rate from ${currency} to ${reportingCurrency} for opportunity ${opportunityId} ` +
        `(CurrencyIsoCode ${currency}): supply a rate for ${currency}`,
    );
    this.name = 'MissingExchangeRateError';
    this.currency = currency;
    this.opportunityId = opportunityId;
  }
}

export class ExchangeRateSettingError extends Error {
  readonly code = 'INVALID_EXCHANGE_RATES';
  constructor(message: string) {
    super(message);
    this.name = 'ExchangeRateSettingError';
  }
}

const RateTable = z.record(
  CurrencyCode,
  z.number().positive('must be a positive number of reporting-currency units').finite(),
);

/** Converts opportunity amounts into the reporting currency. */
export interface CurrencyConverter {
  readonly reportingCurrency: string;
  /** Amount in the reporting currency; throws MissingExchangeRateError when the currency has no rate. */
  toReporting(amount: number, currency: string, opportunityId: string): number;
}

/**
 * Builds a converter from `rates` (units of the reporting currency per one unit of the keyed
 * currency). The reporting currency converts at 1 unless a rate says otherwise, which must then be 1.
 */
export function currencyConverter(
  reportingCurrency: string,
  rates: Record<string, number>,
): CurrencyConverter {
  const currency = CurrencyCode.safeParse(reportingCurrency);
  if (!currency.success) {
    throw new ExchangeRateSettingError(
      `reportingCurrency "${reportingCurrency}" must be a three-letter ISO 4217 currency code`,
    );
  }
  const parsed = RateTable.safeParse(rates);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = issue?.path.map(String).join('.') || '(rates)';
    throw new ExchangeRateSettingError(`rates.${key}: ${issue?.message ?? 'invalid rate'}`);
  }
  const table = new Map(Object.entries(parsed.data));
  const own = table.get(reportingCurrency);
  if (own !== undefined && own !== 1) {
    throw new ExchangeRateSettingError(
      `rates.${reportingCurrency} must be 1 (it is the reporting currency), got ${own}`,
    );
  }
  table.set(reportingCurrency, 1);
  return {
    reportingCurrency,
    toReporting(amount, from, opportunityId) {
      const rate = table.get(from);
      if (rate === undefined)
        throw new MissingExchangeRateError(from, opportunityId, reportingCurrency);
      return amount * rate;
    },
  };
}
