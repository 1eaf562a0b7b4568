// `cosell payload validate`: checks a payload in a portal's own wire format and lists findings by JSON path.
import { Flags } from '@salesforce/sf-plugins-core';
import type { z } from 'zod';
import type { PayloadCheck } from '../../../api-contract/schemas.js';
import { payloadFlags, readPayloadFile } from '../../../cli/payload-file.js';
import { EXIT_CODES } from '../../../cli/exit-codes.js';
import type { Finding } from '../../../core/model.js';
import { portalBinding } from '../../../portals/registry.js';
import { commandMessages, cosellCommand } from '../../../cli/cosell-command.js';
import { counted } from '../../../cli/counted.js';

const messages = commandMessages('cosell.payload.validate');

/** The API's payload check (`POST /payloads/validate`), plus the file it read. */
export type PayloadValidateResult = z.output<typeof PayloadCheck> & { file: string };

export { PayloadFileError, readJsonFile } from '../../../cli/payload-file.js';

/** One line per finding, errors first, as a rep or admin reads them in a terminal. */
export function findingLines(findings: readonly Finding[]): string[] {
  const order = { error: 0, warning: 1, info: 2 } as const;
  return [...findings]
    .sort((a, b) => order[a.severity] - order[b.severity])
    .map(
      (f) =>
        `${f.severity.toUpperCase().padEnd(7)} ${f.path ?? '$'}  ${f.code}${f.field ? `  [${f.field}]` : ''}\n        ${f.message}`,
    );
}

export default class PayloadValidate extends cosellCommand(messages)<PayloadValidateResult> {
  public static readonly flags = {
    ...payloadFlags(messages),
    operation: Flags.string({ char: 'o', summary: messages.getMessage('flags.operation.summary') }),
  };

  public async run(): Promise<PayloadValidateResult> {
    const { flags } = await this.parse(PayloadValidate);
    const { wireFormat } = portalBinding(flags.portal);
    const operation = flags.operation ?? wireFormat.defaultOperation;
    if (!(operation in wireFormat.operations)) {
      throw messages.createError(
        'error.unknownOperation',
        [operation, flags.portal, Object.keys(wireFormat.operations).join(', ')],
        [],
        EXIT_CODES.badFlags,
      );
    }
    const payload = readPayloadFile(messages, flags.file);
    const findings = wireFormat.validate(operation, payload);
    const errors = findings.filter((finding) => finding.severity === 'error').length;
    const warnings = findings.filter((finding) => finding.severity === 'warning').length;
    const result: PayloadValidateResult = {
      portal: flags.portal,
      operation,
      file: flags.file,
      valid: errors === 0,
      errors,
      warnings,
      findings,
    };
    for (const line of findingLines(findings)) this.log(line);
    this.log(
      messages.getMessage(errors === 0 ? 'info.valid' : 'info.invalid', [
        flags.file,
        flags.portal,
        operation,
        counted(errors, 'error'),
        counted(warnings, 'warning'),
      ]),
    );
    if (errors > 0) process.exitCode = EXIT_CODES.findings;
    return result;
  }
}
