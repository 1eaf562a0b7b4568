// `cosell payload map`: shows the portal payload a canonical opportunity maps to, with its findings.
import { Flags } from '@salesforce/sf-plugins-core';
import { CoSellOpportunity, type Finding } from '../../../core/model.js';
import { jsonPath } from '../../../portals/findings.js';
import { mapAndValidate } from '../../../portals/mapping/checked-payload.js';
import type { PortalName } from '../../../portals/portal.js';
import { portalBinding } from '../../../portals/registry.js';
import { payloadFlags, readPayloadFile } from '../../../cli/payload-file.js';
import { findingLines } from './validate.js';
import { commandMessages, cosellCommand } from '../../../cli/cosell-command.js';
import { counted } from '../../../cli/counted.js';

const messages = commandMessages('cosell.payload.map');

export type PayloadMapResult = {
  portal: PortalName;
  operation: string;
  now: string;
  payload: Record<string, unknown>;
  errors: number;
  warnings: number;
  findings: Finding[];
};

export default class PayloadMap extends cosellCommand(messages)<PayloadMapResult> {
  public static readonly flags = {
    ...payloadFlags(messages),
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
    const raw = readPayloadFile(messages, flags.file);
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
      messages.getMessage('info.summary', [
        flags.portal,
        checked.operation,
        counted(errors, 'error'),
        counted(warnings, 'warning'),
      ]),
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
