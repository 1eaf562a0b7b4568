// `cosell payload validate`: checks a payload in a portal's own wire format and lists findings by JSON path.
import { readFileSync } from 'node:fs';
import { Messages } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import type { Finding } from '../../../core/model.js';
import { PORTALS, type PortalName } from '../../../portals/portal.js';
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

/** Why a payload file could not be used; each command words it in its own messages. */
export class PayloadFileError extends Error {
  constructor(
    readonly reason: 'unreadable' | 'notJson',
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'PayloadFileError';
  }
}

export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new PayloadFileError('unreadable', file, (error as NodeJS.ErrnoException).code ?? (error as Error).message);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new PayloadFileError('notJson', file, (error as Error).message);
  }
}

/** One line per finding, errors first, as a rep or admin reads them in a terminal. */
export function findingLines(findings: readonly Finding[]): string[] {
  const order = { error: 0, warning: 1, info: 2 } as const;
  return [...findings]
    .sort((a, b) => order[a.severity] - order[b.severity])
    .map((f) => `${f.severity.toUpperCase().padEnd(7)} ${f.path ?? '$'}  ${f.code}${f.field ? `  [${f.field}]` : ''}\n        ${f.message}`);
}

export default class PayloadValidate extends SfCommand<PayloadValidateResult> {
  public static readonly summary = messages.getMessage('summary');
  public static readonly description = messages.getMessage('description');
  public static readonly examples = messages.getMessages('examples');

  public static readonly flags = {
    portal: Flags.option({ char: 'p', summary: messages.getMessage('flags.portal.summary'), options: PORTALS, required: true })(),
    file: Flags.string({ char: 'f', summary: messages.getMessage('flags.file.summary'), required: true }),
    operation: Flags.string({ char: 'o', summary: messages.getMessage('flags.operation.summary') }),
  };

  public async run(): Promise<PayloadValidateResult> {
    const { flags } = await this.parse(PayloadValidate);
    const { wireFormat } = portalBinding(flags.portal);
    const operation = flags.operation ?? wireFormat.defaultOperation;
    if (!(operation in wireFormat.operations)) {
      throw messages.createError('error.unknownOperation', [operation, flags.portal, Object.keys(wireFormat.operations).join(', ')]);
    }
    let payload: unknown;
    try {
      payload = readJsonFile(flags.file);
    } catch (error) {
      const problem = error as PayloadFileError;
      throw messages.createError(problem.reason === 'notJson' ? 'error.notJson' : 'error.unreadable', [flags.file, problem.detail]);
    }
    const findings = wireFormat.validate(operation, payload);
    const errors = findings.filter((finding) => finding.severity === 'error').length;
    const warnings = findings.filter((finding) => finding.severity === 'warning').length;
    const result: PayloadValidateResult = { portal: flags.portal, operation, file: flags.file, valid: errors === 0, errors, warnings, findings };
    for (const line of findingLines(findings)) this.log(line);
    this.log(messages.getMessage(errors === 0 ? 'info.valid' : 'info.invalid', [flags.file, flags.portal, operation, errors, warnings]));
    if (errors > 0) process.exitCode = 1;
    return result;
  }
}
