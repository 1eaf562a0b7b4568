// `cosell payload map`: shows the portal payload a canonical opportunity maps to, with its findings.
import { Messages } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import { CoSellOpportunity, type Finding } from '../../../core/model.js';
import { jsonPath } from '../../../portals/findings.js';
import { mapAndValidate } from '../../../portals/mapping/checked-payload.js';
import type { PortalName } from '../../../portals/portal.js';
import { portalFlag } from '../../../cli/flags.js';
import { portalBinding } from '../../../portals/registry.js';
import {
  MAX_PAYLOAD_BYTES,
  byteSize,
  readJsonFile,
  type PayloadFileError,
} from '../../../cli/payload-file.js';
import { findingLines } from './validate.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('plugin-cosell', 'cosell.payload.map');

export type PayloadMapResult = {
  portal: PortalName;
  operation: string;
  now: string;
  payload: Record<string, unknown>;
  errors: number;
  warnings: number;
  findings: Finding[];
};

export default class PayloadMap extends SfCommand<PayloadMapResult> {
  public static readonly summary = messages.getMessage('summary');
  public static readonly description = messages.getMessage('description');
  public static readonly examples = messages.getMessages('examples');

  public static readonly flags = {
    portal: portalFlag({ summary: messages.getMessage('flags.portal.summary'), required: true }),
    file: Flags.string({
      char: 'f',
      summary: messages.getMessage('flags.file.summary'),
      required: true,
    }),
    now: Flags.string({
      summary: messages.getMessage('flags.now.summary'),
      parse: async (input: string) => {
        if (
          !/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2}))?$/.test(input) ||
          Number.isNaN(Date.parse(input))
        ) {
          throw messages.createError('error.badNow', [input]);
        }
        return input;
      },
    }),
  };

  public async run(): Promise<PayloadMapResult> {
    const { flags } = await this.parse(PayloadMap);
    let raw: unknown;
    try {
      raw = readJsonFile(flags.file);
    } catch (error) {
      const problem = error as PayloadFileError;
      throw messages.createError(
        `error.${problem.reason}`,
        [flags.file, problem.detail, byteSize(MAX_PAYLOAD_BYTES)],
        [],
        problem.exitCode,
      );
    }
    const parsed = CoSellOpportunity.safeParse(raw);
    if (!parsed.success) {
      const problems = parsed.error.issues
        .map((issue) => `${jsonPath(issue.path)}: ${issue.message}`)
        .join('; ');
      throw messages.createError('error.notCanonical', [flags.file, problems]);
    }
    // The command is the edge: it reads the clock once unless --now pins it.
    const now = new Date(flags.now ?? Date.now());
    const checked = mapAndValidate(
      portalBinding(flags.portal).mapper,
      portalBinding(flags.portal).wireFormat,
      parsed.data,
      { now },
    );
    const errors = checked.findings.filter((finding) => finding.severity === 'error').length;
    const warnings = checked.findings.filter((finding) => finding.severity === 'warning').length;
    this.log(JSON.stringify(checked.payload, null, 2));
    for (const line of findingLines(checked.findings)) this.log(line);
    this.log(
      messages.getMessage('info.summary', [flags.portal, checked.operation, errors, warnings]),
    );
    if (errors > 0) process.exitCode = 1;
    return {
      portal: flags.portal,
      operation: checked.operation,
      now: now.toISOString(),
      payload: checked.payload,
      errors,
      warnings,
      findings: checked.findings,
    };
  }
}
