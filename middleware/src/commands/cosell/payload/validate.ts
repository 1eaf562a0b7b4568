// `cosell payload validate`: checks a payload in a portal's own wire format and lists findings by JSON path.
import { Messages } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import {
  MAX_PAYLOAD_BYTES,
  byteSize,
  readJsonFile,
  type PayloadFileError,
} from '../../../cli/payload-file.js';
import { EXIT_CODES } from '../../../cli/exit-codes.js';
import type { Finding } from '../../../core/model.js';
import type { PortalName } from '../../../portals/portal.js';
import { portalFlag } from '../../../cli/flags.js';
import { portalBinding } from '../../../portals/registry.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('plugin-cosell', 'cosell.payload.validate');

export type PayloadValidateResult = {
  portal: PortalName;
  operation: string;
  file: string;
  valid: boolean;
  errors: number;
  warnings: number;
  findings: Finding[];
};

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

export default class PayloadValidate extends SfCommand<PayloadValidateResult> {
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
    let payload: unknown;
    try {
      payload = readJsonFile(flags.file);
    } catch (error) {
      const problem = error as PayloadFileError;
      throw messages.createError(
        `error.${problem.reason}`,
        [flags.file, problem.detail, byteSize(MAX_PAYLOAD_BYTES)],
        [],
        problem.exitCode,
      );
    }
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
        errors,
        warnings,
      ]),
    );
    if (errors > 0) process.exitCode = EXIT_CODES.findings;
    return result;
  }
}
