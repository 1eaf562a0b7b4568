// Holds a command's --json result to the JSON Schema committed in schemas/, read back into zod, so
// the test fails when the output and the published schema disagree.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { schemaFileName } from '../../../../middleware/src/cli/result-schemas.js';
import { PROJECT_ROOT } from '../../../support/cli.js';

export function publishedSchema(commandId: string): z.ZodType {
  const json = JSON.parse(
    readFileSync(join(PROJECT_ROOT, 'schemas', schemaFileName(commandId)), 'utf8'),
  ) as Parameters<typeof z.fromJSONSchema>[0];
  return z.fromJSONSchema(json);
}

/** The issues of `result` against the command's published schema (empty when it conforms). */
export function schemaIssues(commandId: string, result: unknown): string[] {
  const parsed = publishedSchema(commandId).safeParse(JSON.parse(JSON.stringify(result)));
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}
