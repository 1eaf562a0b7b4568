// Flags shared by several `cosell` commands, so every command spells clouds and formats alike.
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Messages } from '@salesforce/core';
import { Flags } from '@salesforce/sf-plugins-core';
import { CLOUDS, type Cloud } from '../core/model.js';
import { PORTALS, type PortalName } from '../portals/portal.js';
import { EXIT_CODES } from './exit-codes.js';

const CLOUD_BY_FLAG: Record<string, Cloud> = {
  aws: 'AWS',
  microsoft: 'Microsoft',
  google: 'Google',
};

/**
 * `--cloud aws|microsoft|google` in any case (AWS, Microsoft...), parsed to the canonical cloud name.
 * No oclif `options`: oclif compares those case-sensitively before parse runs.
 */
export const cloudFlag = Flags.custom<Cloud>({
  char: 'c',
  helpValue: Object.keys(CLOUD_BY_FLAG).join('|'),
  parse: async (input: string) => {
    const cloud = CLOUD_BY_FLAG[input.toLowerCase()];
    if (!cloud)
      throw new Error(
        `Unknown cloud "${input}": use one of ${Object.keys(CLOUD_BY_FLAG).join(', ')}`,
      );
    return cloud;
  },
});

/** `--portal aws|microsoft|google` in any case, parsed to the portal's name. */
export const portalFlag = Flags.custom<PortalName>({
  char: 'p',
  helpValue: PORTALS.join('|'),
  parse: async (input: string) => {
    const portal = PORTALS.find((name) => name === input.trim().toLowerCase());
    if (!portal) throw new Error(`Unknown portal "${input}": use one of ${PORTALS.join(', ')}`);
    return portal;
  },
});

/** Canonical cloud name → its flag spelling. */
export function cloudFlagValue(cloud: Cloud): string {
  return cloud.toLowerCase();
}

export const SUPPORTED_CLOUDS = CLOUDS;

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('plugin-cosell', 'cosell.flags');

/** `--service-url` and `--token`: where the co-sell service runs and the bearer token for it (flag, else env). */
export const serviceFlags = {
  'service-url': Flags.string({
    summary: messages.getMessage('flags.service-url.summary'),
    description: messages.getMessage('flags.service-url.description'),
    parse: async (input: string) => {
      let url: URL;
      try {
        url = new URL(input);
      } catch {
        throw messages.createError('error.badServiceUrl', [input]);
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:')
        throw messages.createError('error.badServiceUrl', [input]);
      return input;
    },
  }),
  token: Flags.string({
    summary: messages.getMessage('flags.token.summary'),
    description: messages.getMessage('flags.token.description'),
  }),
};

/** `--now`: a fixed ISO date or datetime for repeatable runs. */
export const nowFlag = Flags.string({
  summary: messages.getMessage('flags.now.summary'),
  parse: async (input: string) => {
    if (!/^\d{4}-\d{2}-\d{2}(T.*)?$/.test(input) || Number.isNaN(Date.parse(input)))
      throw messages.createError('error.badNow', [input]);
    return input;
  },
});

/** `--where`: an operator's SOQL condition on Opportunity, for commands reading an org. */
export const whereFlag = Flags.custom<string>({
  summary: messages.getMessage('flags.where.summary'),
  description: messages.getMessage('flags.where.description'),
  parse: async (input: string) => {
    const trimmed = input.trim();
    if (trimmed === '') throw messages.createError('error.emptyWhere');
    if (/^\s*where\b/i.test(trimmed)) throw messages.createError('error.whereKeyword', [input]);
    if (/\b(limit|order\s+by|from|select)\b/i.test(trimmed.replace(/'(?:[^'\\]|\\.)*'/g, "''")))
      throw messages.createError('error.whereClause', [input]);
    return trimmed;
  },
});

export type ReportFormat = 'table' | 'csv' | 'json';

/**
 * `--output`: a file the command writes. Its folder must exist and take files, and the path must
 * not be a folder: checked as the flags are parsed, so a long run never ends by failing to write.
 */
export function outputFlag(summary: string) {
  return Flags.file({
    summary,
    parse: async (input: string) => {
      const path = resolve(input);
      if (statSync(path, { throwIfNoEntry: false })?.isDirectory())
        throw messages.createError('error.outputIsFolder', [input]);
      const folder = dirname(path);
      if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory())
        throw messages.createError('error.outputFolder', [input, folder]);
      try {
        accessSync(folder, constants.W_OK);
      } catch {
        throw messages.createError('error.outputNotWritable', [input, folder]);
      }
      return input;
    },
  });
}

/** `--format` and `--output` for commands that print reports. */
export const reportFlags = {
  format: Flags.option({
    options: ['table', 'csv', 'json'] as const,
    summary: messages.getMessage('flags.format.summary'),
  })(),
  output: outputFlag(messages.getMessage('flags.output.summary')),
};

/** Output file extensions and the format each one means; a file without an extension takes --format (CSV by default). */
const FORMAT_BY_EXTENSION: Record<string, 'csv' | 'json'> = { csv: 'csv', json: 'json' };

/**
 * The format to render: as asked, else the output file's (`.csv` or `.json`), else a table for the
 * terminal. A table cannot go to a file, and a file named for a format the commands cannot write
 * (`.xlsx`, `.xml`...) or for another format than --format is refused rather than filled with CSV.
 */
export function reportFormat(flags: { format?: ReportFormat; output?: string }): ReportFormat {
  if (!flags.output) return flags.format ?? 'table';
  if (flags.format === 'table')
    throw messages.createError('error.tableToFile', [flags.output], [], EXIT_CODES.badFlags);
  const extension = /\.([^./\\]+)$/.exec(flags.output)?.[1]?.toLowerCase();
  if (extension === undefined) return flags.format ?? 'csv';
  const implied = FORMAT_BY_EXTENSION[extension];
  if (!implied)
    throw messages.createError(
      'error.outputFormat',
      [flags.output, extension.toUpperCase()],
      [],
      EXIT_CODES.badFlags,
    );
  if (flags.format && flags.format !== implied)
    throw messages.createError(
      'error.outputMismatch',
      [flags.output, flags.format],
      [],
      EXIT_CODES.badFlags,
    );
  return implied;
}

/** Ids of the service's own records (referrals, sync jobs): positive whole numbers. */
export function serviceRowIdFlag(options: { char?: 'r' | 'j'; summary: string }) {
  return Flags.string({
    ...(options.char ? { char: options.char } : {}),
    summary: options.summary,
    required: true,
    parse: async (input: string) => {
      if (!/^[1-9]\d{0,17}$/.test(input.trim()))
        throw messages.createError('error.badRowId', [input]);
      return input.trim();
    },
  });
}

/** `--referral` (-r): the service's id of a referral, for the commands that act on one. */
export const referralFlag = serviceRowIdFlag({
  char: 'r',
  summary: messages.getMessage('flags.referral.summary'),
});

/** Key prefixes of the records that can own a referral: a user or a queue. */
const OWNER_PREFIXES = { '005': 'user', '00G': 'queue' } as const;

/** `--owner`: the Id of a Salesforce user (005…) or queue (00G…), 15 or 18 characters. */
export const ownerFlag = Flags.custom<string>({
  parse: async (input: string) => {
    const id = input.trim();
    if (!/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(id) || !(id.slice(0, 3) in OWNER_PREFIXES))
      throw messages.createError('error.badOwner', [input]);
    return id;
  },
});

/** `EUR=1.08`: reporting-currency units per one unit of the code. */
const RATE = /^[A-Z]{3}=\d+(?:\.\d+)?$/;

/** `--currency` (USD unless given) and `--rate CODE=number`, repeatable, for the reports that convert money. */
export function currencyFlags(bundle: Messages<string>) {
  return {
    currency: Flags.string({
      default: 'USD',
      summary: bundle.getMessage('flags.currency.summary'),
    }),
    rate: Flags.string({
      multiple: true,
      summary: bundle.getMessage('flags.rate.summary'),
      parse: async (input: string) => {
        if (!RATE.test(input.trim()) || !(Number(input.split('=')[1]) > 0))
          throw bundle.createError('error.badRate', [input]);
        return input.trim();
      },
    }),
  };
}

/** `--rate` values as the attribution report takes them: `['EUR=1.08']` → `{ EUR: 1.08 }`. */
export function ratesOf(rates: readonly string[] | undefined): Record<string, number> {
  return Object.fromEntries((rates ?? []).map((rate) => [rate.slice(0, 3), Number(rate.slice(4))]));
}
