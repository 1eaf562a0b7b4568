// The REST `/composite` resource of the local org: up to 25 subrequests run in order as one API call,
// each able to use an earlier one's answer through `@{referenceId.path}` in its url or body
// (`.field` and `[index]`). Subrequests the org serves: sObject create (POST
// `/sobjects/<Object>`), update and delete (PATCH, DELETE `/sobjects/<Object>/<Id>`) and SOQL
// (GET `/query?q=`). With allOrNone a failure rolls every subrequest back and the others answer
// PROCESSING_HALTED; without it, only subrequests that refer to a failed one are not run.
import type { RecordError } from './org.js';

export const COMPOSITE_LIMIT = 25;

export interface CompositeOperations {
  create(
    object: string,
    fields: Record<string, unknown>,
  ): { id: string } | { errors: RecordError[] };
  update(
    object: string,
    id: string,
    fields: Record<string, unknown>,
  ): { id: string } | { errors: RecordError[] };
  remove(object: string, id: string): RecordError | null;
  /** Runs SOQL; throws a SoqlError-like `{ errorCode, message }` for a query the org refuses. */
  query(soql: string): Array<Record<string, unknown>>;
  /** Runs the work so that a false `commit` undoes every write it made. */
  transaction<T>(work: () => { commit: boolean; result: T }): T;
}

export interface SubrequestResult {
  body: unknown;
  httpHeaders: Record<string, string>;
  httpStatusCode: number;
  referenceId: string;
}

type Subrequest = { method: string; url: string; referenceId: string; body?: unknown };

export class CompositeRequestError extends Error {
  constructor(
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
  }
}

const REFERENCE = /@\{([A-Za-z0-9_]+)((?:\.[A-Za-z0-9_]+|\[\d+\])*)\}/g;

class UnresolvedReference extends Error {}

/** The value at `.a[0].b` in an earlier answer, or an UnresolvedReference. */
function lookUp(
  answers: Map<string, SubrequestResult>,
  referenceId: string,
  path: string,
): unknown {
  const answer = answers.get(referenceId);
  if (!answer || answer.httpStatusCode >= 400)
    throw new UnresolvedReference(
      `Invalid reference specified. No value for ${referenceId}${path} found in ${referenceId}.`,
    );
  let value: unknown = answer.body;
  for (const step of path.match(/\.[A-Za-z0-9_]+|\[\d+\]/g) ?? []) {
    const key = step.startsWith('.') ? step.slice(1) : Number(step.slice(1, -1));
    value =
      value !== null && typeof value === 'object'
        ? (value as Record<string | number, unknown>)[key]
        : undefined;
  }
  if (value === undefined)
    throw new UnresolvedReference(
      `Invalid reference specified. No value for ${referenceId}${path} found in ${referenceId}.`,
    );
  return value;
}

/** Replaces references in a string (the whole string when it is one reference, keeping its type). */
function resolveText(text: string, answers: Map<string, SubrequestResult>): unknown {
  const whole = new RegExp(`^${REFERENCE.source}$`).exec(text);
  if (whole) return lookUp(answers, whole[1]!, whole[2] ?? '');
  return text.replace(REFERENCE, (_, id: string, path: string) =>
    String(lookUp(answers, id, path ?? '')),
  );
}

function resolve(value: unknown, answers: Map<string, SubrequestResult>): unknown {
  if (typeof value === 'string') return resolveText(value, answers);
  if (Array.isArray(value)) return value.map((item) => resolve(item, answers));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, resolve(item, answers)]),
    );
  return value;
}

const failure = (status: number, errorCode: string, message: string, fields: string[] = []) => ({
  status,
  body: [{ errorCode, message, ...(fields.length ? { fields } : {}) }],
});

/** Checks the request's shape before anything runs (a bad one is a 400 for the whole call). */
function parse(body: unknown, version: string): { allOrNone: boolean; subrequests: Subrequest[] } {
  const input = body as { allOrNone?: unknown; compositeRequest?: unknown } | null;
  if (!input || !Array.isArray(input.compositeRequest))
    throw new CompositeRequestError(
      'JSON_PARSER_ERROR',
      'The request needs a compositeRequest array',
    );
  if (input.compositeRequest.length > COMPOSITE_LIMIT)
    throw new CompositeRequestError(
      'INVALID_INPUT',
      `A composite request takes at most ${COMPOSITE_LIMIT} subrequests`,
    );
  const seen = new Set<string>();
  const subrequests = input.compositeRequest.map((entry: unknown, index: number) => {
    const sub = entry as Partial<Subrequest> | null;
    if (
      !sub ||
      typeof sub.method !== 'string' ||
      typeof sub.url !== 'string' ||
      typeof sub.referenceId !== 'string' ||
      !/^[A-Za-z0-9_]+$/.test(sub.referenceId)
    ) {
      throw new CompositeRequestError(
        'INVALID_INPUT',
        `Subrequest ${index} needs method, url and a referenceId of letters, digits and underscores`,
      );
    }
    if (seen.has(sub.referenceId))
      throw new CompositeRequestError('INVALID_INPUT', `Duplicate referenceId ${sub.referenceId}`);
    seen.add(sub.referenceId);
    if (!sub.url.startsWith(`/services/data/v${version}/`))
      throw new CompositeRequestError(
        'INVALID_INPUT',
        `Subrequest ${sub.referenceId}: url must start with /services/data/v${version}/`,
      );
    return sub as Subrequest;
  });
  return { allOrNone: input.allOrNone === true, subrequests };
}

/** One subrequest against the org: its status and body as the resource itself would answer. */
function run(
  sub: Subrequest,
  url: string,
  body: unknown,
  ops: CompositeOperations,
  version: string,
): { status: number; body: unknown } {
  const [path, search = ''] = url.slice(`/services/data/v${version}`.length).split('?');
  const parts = path!.split('/').filter(Boolean);
  if (parts[0] === 'query' && parts.length === 1 && sub.method === 'GET') {
    const soql = new URLSearchParams(search).get('q') ?? '';
    try {
      const records = ops.query(soql);
      return { status: 200, body: { totalSize: records.length, done: true, records } };
    } catch (error) {
      const refused = error as { errorCode?: string; message?: string };
      if (typeof refused.errorCode === 'string')
        return failure(400, refused.errorCode, refused.message ?? 'query refused');
      throw error;
    }
  }
  if (parts[0] === 'sobjects' && (parts.length === 2 || parts.length === 3)) {
    const object = parts[1]!;
    const fields = (body ?? {}) as Record<string, unknown>;
    const errors = (list: RecordError[]) => ({
      status: 400,
      body: list.map((error) => ({
        errorCode: error.statusCode,
        message: error.message,
        fields: error.fields,
      })),
    });
    if (parts.length === 2 && sub.method === 'POST') {
      const outcome = ops.create(object, fields);
      return 'errors' in outcome
        ? errors(outcome.errors)
        : { status: 201, body: { id: outcome.id, success: true, errors: [] } };
    }
    if (parts.length === 3 && sub.method === 'PATCH') {
      const outcome = ops.update(object, parts[2]!, fields);
      return 'errors' in outcome ? errors(outcome.errors) : { status: 204, body: null };
    }
    if (parts.length === 3 && sub.method === 'DELETE') {
      const error = ops.remove(object, parts[2]!);
      return error ? errors([error]) : { status: 204, body: null };
    }
  }
  return failure(
    400,
    'NOT_FOUND',
    `The local org does not serve ${sub.method} ${path} inside a composite request`,
  );
}

/** Runs a composite request; throws CompositeRequestError for a request that cannot run at all. */
export function runComposite(
  body: unknown,
  version: string,
  ops: CompositeOperations,
): { compositeResponse: SubrequestResult[] } {
  const { allOrNone, subrequests } = parse(body, version);
  return ops.transaction(() => {
    const answers = new Map<string, SubrequestResult>();
    const results: SubrequestResult[] = [];
    let failed = false;
    for (const sub of subrequests) {
      let outcome: { status: number; body: unknown };
      if (failed && allOrNone)
        outcome = failure(
          400,
          'PROCESSING_HALTED',
          'Not run: another subrequest failed and the request is all or none.',
        );
      else {
        try {
          outcome = run(
            sub,
            String(resolve(sub.url, answers)),
            resolve(sub.body, answers),
            ops,
            version,
          );
        } catch (error) {
          if (!(error instanceof UnresolvedReference)) throw error;
          outcome = failure(400, 'PROCESSING_HALTED', error.message);
        }
      }
      if (outcome.status >= 400) failed = true;
      const httpHeaders: Record<string, string> =
        outcome.status === 201
          ? { Location: `${sub.url}/${(outcome.body as { id: string }).id}` }
          : {};
      const result: SubrequestResult = {
        body: outcome.body,
        httpHeaders,
        httpStatusCode: outcome.status,
        referenceId: sub.referenceId,
      };
      answers.set(sub.referenceId, result);
      results.push(result);
    }
    if (!allOrNone || !failed) return { commit: true, result: { compositeResponse: results } };
    // Everything rolls back: what had succeeded says so.
    const rolledBack = failure(
      400,
      'PROCESSING_HALTED',
      'Rolled back: another subrequest failed and the request is all or none.',
    ).body;
    const halted = results.map((result) =>
      result.httpStatusCode < 400
        ? {
            body: rolledBack,
            httpHeaders: {},
            httpStatusCode: 400,
            referenceId: result.referenceId,
          }
        : result,
    );
    return { commit: false, result: { compositeResponse: halted } };
  });
}
