// Flags shared by several `cosell` commands, so every command spells clouds and formats alike.
import { Messages } from '@salesforce/core';
import { Flags } from '@salesforce/sf-plugins-core';
import { CLOUDS, type Cloud } from '../core/model.js';

const CLOUD_BY_FLAG: Record<string, Cloud> = { aws: 'AWS', microsoft: 'Microsoft', google: 'Google' };

/** `--cloud aws|microsoft|google`, parsed to the canonical cloud name. */
export const cloudFlag = Flags.custom<Cloud>({
  char: 'c',
  options: Object.keys(CLOUD_BY_FLAG),
  parse: async (input: string) => {
    const cloud = CLOUD_BY_FLAG[input.toLowerCase()];
    if (!cloud) throw new Error(`Unknown cloud "${input}": use one of ${Object.keys(CLOUD_BY_FLAG).join(', ')}`);
    return cloud;
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
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw messages.createError('error.badServiceUrl', [input]);
      return input;
    },
  }),
  token: Flags.string({ summary: messages.getMessage('flags.token.summary'), description: messages.getMessage('flags.token.description') }),
};

/** `--now`: a fixed ISO date or datetime for repeatable runs. */
export const nowFlag = Flags.string({
  summary: messages.getMessage('flags.now.summary'),
  parse: async (input: string) => {
    if (!/^\d{4}-\d{2}-\d{2}(T.*)?$/.test(input) || Number.isNaN(Date.parse(input))) throw messages.createError('error.badNow', [input]);
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
    if (/\b(limit|order\s+by|from|select)\b/i.test(trimmed.replace(/'(?:[^'\\]|\\.)*'/g, "''"))) throw messages.createError('error.whereClause', [input]);
    return trimmed;
  },
});

export type ReportFormat = 'table' | 'csv' | 'json';

/** `--format` and `--output` for commands that print reports. */
export const reportFlags = {
  format: Flags.option({ options: ['table', 'csv', 'json'] as const, summary: messages.getMessage('flags.format.summary') })(),
  output: Flags.file({ summary: messages.getMessage('flags.output.summary') }),
};

/**
 * The format to render: as asked; else JSON for an `.json` output file, CSV for any other file, a table
 * for the terminal. A table cannot go to a file.
 */
export function reportFormat(flags: { format?: ReportFormat; output?: string }): ReportFormat {
  if (flags.format === 'table' && flags.output) throw messages.createError('error.tableToFile', [flags.output]);
  if (flags.format) return flags.format;
  if (flags.output) return flags.output.toLowerCase().endsWith('.json') ? 'json' : 'csv';
  return 'table';
}

/** Ids of the service's own records (referrals, sync jobs): positive whole numbers. */
export function serviceRowIdFlag(options: { char?: 'r' | 'j'; summary: string }) {
  return Flags.string({
    ...(options.char ? { char: options.char } : {}),
    summary: options.summary,
    required: true,
    parse: async (input: string) => {
      if (!/^[1-9]\d{0,17}$/.test(input.trim())) throw messages.createError('error.badRowId', [input]);
      return input.trim();
    },
  });
}
