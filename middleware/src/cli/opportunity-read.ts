// The read every deal report (`cosell lint`, `attribution report`, `maturity`) starts with: the
// flags naming its source (an export with --file, or --target-org), the source itself, and the read
// with its progress and its failures in the command's own words. The command's bundle holds
// `info.progress`, `info.querying`, `error.missingColumns`, `error.unreadable`, `error.orgNotReady`
// (and `error.noSource`, `error.whereNeedsOrg` for chosenOrg).
import type { Messages, Org } from '@salesforce/core';
import { Flags, type Spinner } from '@salesforce/sf-plugins-core';
import { ExportFormatError, MissingColumnsError } from '../salesforce/exports/index.js';
import { OrgSchemaError, type OpportunityPurpose } from '../salesforce/org-reads/opportunities.js';
import { wordedError } from './cosell-command.js';
import { EXIT_CODES } from './exit-codes.js';
import { whereFlag } from './flags.js';
import {
  HEAP_GROWING_PERCENT,
  SEMI_SPACE_MB,
  UNBOUNDED_READ_BYTES,
  boundReadHeap,
} from './heap-budget.js';
import { orgConnection } from '../salesforce/org-reads/org-connection.js';
import {
  readMeter,
  readOpportunityBatches,
  type OpportunitySource,
  type SourcedRow,
} from './opportunity-source.js';
import { readProgress, type ProgressUx } from './read-progress.js';

export interface SourceFlags {
  file?: string;
  'target-org'?: Org;
  'api-version'?: string;
  where?: string;
}

/** Where a report's deals came from, as its result names it. */
export type ReadSource = {
  /** The export read, or null when the opportunities came from an org. */
  file: string | null;
  /** The org's username with --target-org, else null. */
  targetOrg: string | null;
};

export interface RowHandling {
  row(row: SourcedRow): void;
  /** After each batch of rows: where a command that writes as it reads waits for its output. */
  batchDone?(): Promise<void>;
  /** Further reads while the spinner still turns (their failures are worded the same way). */
  after?(): Promise<void>;
  /** The command's own wording of a failure, or the error unchanged; also the place to clean up. */
  error?(error: unknown): unknown;
}

/** An org without the package's objects or fields as the command's `error.orgNotReady` (exit 6). */
export function orgReadError(messages: Messages<string>, error: unknown): unknown {
  return wordedError(
    messages,
    error,
    [OrgSchemaError],
    'error.orgNotReady',
    EXIT_CODES.orgNotReady,
  );
}

/** One report's read of deals: the org or the export its flags name, and the rows as they come. */
export class OpportunityRead {
  /** `--file`, `--target-org`, `--api-version` and `--where`, in that order. */
  static flags(messages: Messages<string>) {
    return {
      file: Flags.file({
        char: 'f',
        exists: true,
        exclusive: ['target-org'],
        summary: messages.getMessage('flags.file.summary'),
      }),
      'target-org': Flags.optionalOrg({
        summary: messages.getMessage('flags.target-org.summary'),
      }),
      'api-version': Flags.orgApiVersion(),
      where: whereFlag(),
    };
  }

  /** The org to read, unless --file names an export; one of them is required, and --where needs the org. */
  static chosenOrg(flags: SourceFlags, messages: Messages<string>): Org | undefined {
    const org = flags.file ? undefined : flags['target-org'];
    if (!flags.file && !org)
      throw messages.createError('error.noSource', [], [], EXIT_CODES.badFlags);
    if (flags.file && flags.where)
      throw messages.createError('error.whereNeedsOrg', [], [], EXIT_CODES.badFlags);
    return org;
  }

  readonly source: OpportunitySource;
  private readonly heapGrowingPercent: number;
  private readonly semiSpaceMb: number | null;

  /** Reads `org` when given, else the --file export. */
  constructor(
    private readonly flags: SourceFlags,
    readonly org: Org | undefined,
    read: {
      purpose: OpportunityPurpose;
      requiredColumns: readonly string[];
      currency?: string;
      /** Heap growth allowed during the read (heap-budget.ts); the lint's bound by default. */
      heapGrowingPercent?: number;
      /** Young generation kept during the read, in MB (heap-budget.ts): the lint's cap by default, null for V8's own. */
      semiSpaceMb?: number | null;
    },
  ) {
    this.heapGrowingPercent = read.heapGrowingPercent ?? HEAP_GROWING_PERCENT;
    this.semiSpaceMb = read.semiSpaceMb === undefined ? SEMI_SPACE_MB : read.semiSpaceMb;
    this.source = org
      ? {
          kind: 'org',
          connection: orgConnection(org.getConnection(flags['api-version'])),
          purpose: read.purpose,
          ...(read.currency ? { defaultCurrency: read.currency } : {}),
          ...(flags.where ? { where: flags.where } : {}),
        }
      : { kind: 'file', file: flags.file as string, requiredColumns: read.requiredColumns };
  }

  get origin(): ReadSource {
    return { file: this.flags.file ?? null, targetOrg: this.org?.getUsername() ?? null };
  }

  /**
   * Reads every row into `handling.row`, with a progress bar or spinner for a person at the
   * terminal; a failure is thrown in the command's words.
   */
  async rows(
    command: ProgressUx & { spinner: Spinner },
    messages: Messages<string>,
    handling: RowHandling,
  ): Promise<void> {
    const meter = readMeter(this.source);
    // A long read: keep the heap near what it holds. A small export (an org's size is not known
    // ahead) cannot come near the memory goal, and is read faster without.
    if (meter.totalBytes === undefined || meter.totalBytes >= UNBOUNDED_READ_BYTES)
      boundReadHeap(this.heapGrowingPercent, this.semiSpaceMb);
    const progress = readProgress(command, meter, messages.getMessage('info.progress'));
    if (this.org)
      command.spinner.start(messages.getMessage('info.querying', [this.org.getUsername() ?? '']));
    try {
      for await (const rows of readOpportunityBatches(this.source, meter)) {
        progress.tick();
        for (const row of rows) handling.row(row);
        await handling.batchDone?.();
      }
      await handling.after?.();
    } catch (error) {
      const worded = handling.error ? handling.error(error) : error;
      if (worded instanceof MissingColumnsError)
        throw messages.createError('error.missingColumns', [worded.columns.join(', ')], [], worded);
      if (worded instanceof ExportFormatError)
        throw messages.createError('error.unreadable', [worded.message], [], worded);
      throw orgReadError(messages, worded);
    } finally {
      progress.stop();
      if (this.org) command.spinner.stop();
    }
  }
}
