// The payload commands' file: their --portal and --file flags, and the read, which refuses what no
// portal would take before reading it: a 50 MB file once took almost 2 GB of memory to parse only
// to be rejected.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Messages } from '@salesforce/core';
import { Flags } from '@salesforce/sf-plugins-core';
import { portalFlag } from './flags.js';
import { EXIT_CODES } from './exit-codes.js';

/**
 * The largest payload file the commands read: 1 MiB. One opportunity in any portal's wire format
 * is a few kilobytes (its longest text fields are a few thousand characters each), and the
 * service's own API takes request bodies of at most 256 KB; a bigger file is not one payload.
 */
export const MAX_PAYLOAD_BYTES = 1024 * 1024;

export type PayloadFileProblem = 'unreadable' | 'notFile' | 'tooLarge' | 'notJson';

/** Why a payload file could not be used; each command words it in its own messages. */
export class PayloadFileError extends Error {
  constructor(
    readonly reason: PayloadFileProblem,
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'PayloadFileError';
  }

  /** A file that cannot be taken at all is a bad --file flag; a file that is not JSON is bad data. */
  get exitCode(): number {
    return this.reason === 'notJson' ? EXIT_CODES.findings : EXIT_CODES.badFlags;
  }
}

/** `--portal` and `--file` (-f), both required: the portal whose format is meant and the payload file. */
export function payloadFlags(messages: Messages<string>) {
  return {
    portal: portalFlag({ summary: messages.getMessage('flags.portal.summary'), required: true }),
    file: Flags.string({
      char: 'f',
      summary: messages.getMessage('flags.file.summary'),
      required: true,
    }),
  };
}

/** The system's error code in words a user knows. */
function osReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const words: Record<string, string> = {
    ENOENT: 'no such file',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'a folder',
    ELOOP: 'too many symbolic links',
  };
  return (code && words[code]) ?? code ?? (error as Error).message;
}

/** Human size: 52428800 → "50 MB". */
export function byteSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** The file's JSON, or a PayloadFileError saying why not; an oversized or special file is never read. */
export function readJsonFile(file: string): unknown {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw new PayloadFileError('unreadable', file, osReason(error));
  }
  let text: string;
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile())
      throw new PayloadFileError(
        'notFile',
        file,
        stat.isDirectory() ? 'a folder' : 'a device, pipe or socket',
      );
    if (stat.size > MAX_PAYLOAD_BYTES)
      throw new PayloadFileError('tooLarge', file, byteSize(stat.size));
    // Read at most one byte past the limit, so a file growing while read is refused too.
    const buffer = Buffer.alloc(Math.min(stat.size, MAX_PAYLOAD_BYTES) + 1);
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > MAX_PAYLOAD_BYTES)
      throw new PayloadFileError('tooLarge', file, `more than ${byteSize(MAX_PAYLOAD_BYTES)}`);
    text = buffer.subarray(0, length).toString('utf8');
  } catch (error) {
    if (error instanceof PayloadFileError) throw error;
    throw new PayloadFileError('unreadable', file, osReason(error));
  } finally {
    closeSync(fd);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new PayloadFileError('notJson', file, (error as Error).message);
  }
}

/**
 * The file's JSON, or the command's own error for why not: its bundle words `error.unreadable`,
 * `error.notFile`, `error.tooLarge` and `error.notJson` with the file, the detail and the limit.
 */
export function readPayloadFile(messages: Messages<string>, file: string): unknown {
  try {
    return readJsonFile(file);
  } catch (error) {
    if (!(error instanceof PayloadFileError)) throw error;
    throw messages.createError(
      `error.${error.reason}`,
      [file, error.detail, byteSize(MAX_PAYLOAD_BYTES)],
      [],
      error.exitCode,
    );
  }
}
