// The attribution report both deal reports that convert money (`attribution report`, `maturity`) fill
// from their read, with its refusals in the command's own words. The command's bundle holds
// `error.badOption` and `error.missingRate` (its actions, if any, take the deal's currency twice).
import type { Messages } from '@salesforce/core';
import {
  AttributionReportOptionError,
  ExchangeRateSettingError,
  MissingExchangeRateError,
  createAttributionReport,
  type AttributionReportOptions,
} from '../core/attribution/index.js';
import { wordedError } from './cosell-command.js';
import { EXIT_CODES } from './exit-codes.js';

export type AttributionBuilder = ReturnType<typeof createAttributionReport>;

/**
 * The report builder for `options`; a setting it refuses (a currency that is not an ISO code, a
 * rate that is not positive, an impossible period) is a bad flag: `error.badOption`, exit 2.
 */
export function attributionBuilder(
  messages: Messages<string>,
  options: AttributionReportOptions,
): AttributionBuilder {
  try {
    return createAttributionReport(options);
  } catch (error) {
    throw wordedError(
      messages,
      error,
      [AttributionReportOptionError, ExchangeRateSettingError],
      'error.badOption',
      EXIT_CODES.badFlags,
    );
  }
}

/**
 * A deal in a currency the rates do not cover as the command's `error.missingRate`, or the error
 * unchanged: the shape of OpportunityRead's `error` handling.
 */
export function missingRateError(
  messages: Messages<string>,
  reportingCurrency: string,
  error: unknown,
): unknown {
  if (!(error instanceof MissingExchangeRateError)) return error;
  return messages.createError(
    'error.missingRate',
    [error.opportunityId, error.currency, reportingCurrency],
    [error.currency, error.currency],
    error,
  );
}
