// Sends a rendered CSV or JSON report to the terminal or to the `--output` file, so every report
// command treats files the same way.
import { writeFileSync } from 'node:fs';
import { terminalSafeLines } from './terminal-safe.js';

export interface ReportSink {
  log(message: string): void;
}

/** Writes `text` to `output` (replacing it) or logs it; returns where it went. */
export function deliverReport(sink: ReportSink, text: string, output: string | undefined): 'terminal' | 'file' {
  if (output === undefined) {
    // Escape sequences from the data must not drive the terminal; a file keeps the data as it is.
    sink.log(terminalSafeLines(text));
    return 'terminal';
  }
  writeFileSync(output, text.endsWith('\n') ? text : `${text}\n`);
  return 'file';
}
