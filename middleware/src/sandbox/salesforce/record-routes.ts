// The local org's record routes: sObject CRUD and describe, sObject Collections, /composite and
// the UI API, all through the shared write and read paths (record-writes.ts).
import type { ServerResponse } from 'node:http';
import { CompositeRequestError, runComposite } from './composite.js';
import { describeObject } from './describe.js';
import type { RecordError, WriteContext } from './org.js';
import type { OrgUser } from './permissions.js';
import { deleteRecord, objectOfId, visibleRecord, writeRecord } from './record-writes.js';
import { relatedListRecords, type RelatedListOrg } from './related-list.js';
import {
  sendMethodNotAllowed,
  sendNotFound,
  type DataCall,
  type RouteHost as Host,
} from './route-host.js';
import { runQuery } from './soql.js';
import { uiApi as uiApiReply } from './ui-api.js';

export function collections(host: Host, res: ServerResponse, call: DataCall): void {
  const { method, rest, body, context, params } = call;
  if (method === 'DELETE') return collectionDelete(host, res, params, context);
  const records = (body?.records ?? []) as Array<Record<string, unknown>>;
  if (records.length > 200) {
    host.send(res, 400, [
      { message: 'Maximum number of records allowed is 200', errorCode: 'EXCEEDED_ID_LIMIT' },
    ]);
    return;
  }
  host.collectionSizes.push(records.length);
  host.collectionAllOrNone.push(body?.allOrNone);
  const allOrNone = body?.allOrNone === true;
  const parts = rest.split('/').filter(Boolean); // composite, sobjects, [type, extField]
  const upsert = parts.length === 4 ? { object: parts[2]!, externalIdField: parts[3]! } : null;
  // allOrNone: one failure rolls every record back, and the others say so.
  const results = host.org.transaction(() => {
    const outcomes = records.map((record) => {
      const object =
        upsert?.object ?? String((record.attributes as { type?: string } | undefined)?.type ?? '');
      const mode = upsert
        ? { kind: 'upsert' as const, externalIdField: upsert.externalIdField }
        : method === 'POST'
          ? { kind: 'create' as const }
          : { kind: 'update' as const };
      const outcome = writeRecord(host, object, record, mode, context);
      if ('errors' in outcome) return { success: false, errors: outcome.errors };
      return {
        id: outcome.id,
        success: true,
        errors: [] as RecordError[],
        ...(mode.kind === 'update' ? {} : { created: outcome.created }),
      };
    });
    return allOrNoneOutcome(outcomes, allOrNone, () => null);
  });
  host.send(res, 200, results);
}

/** `/composite`: subrequests through the same write and query paths, one transaction (composite.ts). */
export function composite(
  host: Host,
  res: ServerResponse,
  body: Record<string, unknown> | null,
  version: string,
  context: WriteContext & { user?: OrgUser },
  caller: OrgUser,
): void {
  try {
    host.send(
      res,
      200,
      runComposite(body, version, {
        create: (object, fields) => writeRecord(host, object, fields, { kind: 'create' }, context),
        update: (object, id, fields) =>
          writeRecord(host, object, { ...fields, Id: id }, { kind: 'update' }, context),
        remove: (object, id) => deleteRecord(host, object, id, context),
        query: (soql) => runQuery(host.org, soql, version, host.scopeFor(caller)),
        transaction: (work) => host.org.transaction(work),
      }),
    );
  } catch (error) {
    if (error instanceof CompositeRequestError)
      return host.send(res, 400, [{ errorCode: error.errorCode, message: error.message }]);
    throw error;
  }
}

export function collectionDelete(
  host: Host,
  res: ServerResponse,
  params: URLSearchParams,
  context: WriteContext & { user?: OrgUser },
): void {
  const ids = (params.get('ids') ?? '').split(',').filter(Boolean);
  if (ids.length > 200)
    return host.send(res, 400, [
      { message: 'Maximum number of records allowed is 200', errorCode: 'EXCEEDED_ID_LIMIT' },
    ]);
  const allOrNone = params.get('allOrNone') === 'true';
  const results = host.org.transaction(() => {
    const outcomes = ids.map((id) => {
      const error = deleteRecord(host, objectOfId(host, id), id, context);
      return error ? { id, success: false, errors: [error] } : { id, success: true, errors: [] };
    });
    return allOrNoneOutcome(outcomes, allOrNone, (outcome) => outcome.id);
  });
  host.send(res, 200, results);
}

export function sobject(host: Host, res: ServerResponse, call: DataCall): void {
  const { method, rest, body, version, context, params } = call;
  const [, , rawObject, id, extra] = rest.split('/');
  const { schema, policy } = host.options;
  const known = rawObject && schema ? schema.object(rawObject) : undefined;
  const object = known?.name ?? rawObject;
  if (
    !object ||
    (schema && (!known || (policy && !policy.objectAccess(context.user, known.name).read)))
  ) {
    sendNotFound(host, res);
    return;
  }
  if (method === 'GET' && id === 'describe' && known && schema) {
    const objectAccess = policy
      ? policy.objectAccess(context.user, known.name)
      : { create: true, edit: true, delete: true };
    host.send(
      res,
      200,
      describeObject(
        schema,
        known,
        version,
        (name, field) =>
          policy
            ? policy.fieldAccess(context.user, name, field)
            : { read: true, edit: !field.system && !field.calculated },
        objectAccess,
      ),
    );
    return;
  }
  if (method === 'GET' && !id && known) {
    host.send(res, 200, {
      objectDescribe: {
        name: known.name,
        label: known.label,
        labelPlural: known.labelPlural,
        keyPrefix: known.keyPrefix,
        custom: known.custom,
      },
      recentItems: [],
    });
    return;
  }
  if (extra) {
    // /sobjects/X/<externalIdField>/<value>: upsert (PATCH) or read by external id.
    const field = id!;
    if (method === 'PATCH') {
      const outcome = writeRecord(
        host,
        object,
        { ...(body ?? {}), [field]: decodeURIComponent(extra) },
        { kind: 'upsert', externalIdField: field },
        context,
      );
      if ('errors' in outcome) host.send(res, 400, restErrors(outcome.errors));
      else
        host.send(res, outcome.created ? 201 : 200, {
          id: outcome.id,
          success: true,
          errors: [],
          created: outcome.created,
        });
      return;
    }
    const record = host.org.findByField(object, field, decodeURIComponent(extra));
    if (method === 'GET' && record)
      return host.send(res, 200, visibleRecord(host, object, record, version, context.user));
    return sendNotFound(host, res);
  }
  if (method === 'GET' && id) {
    const record = host.org.get(object, id);
    if (!record) sendNotFound(host, res);
    else
      host.send(
        res,
        200,
        visibleRecord(
          host,
          object,
          record,
          version,
          context.user,
          params
            .get('fields')
            ?.split(',')
            .map((name) => name.trim()),
        ),
      );
    return;
  }
  if (method === 'POST' && !id) {
    const outcome = writeRecord(host, object, body ?? {}, { kind: 'create' }, context);
    if ('errors' in outcome) host.send(res, 400, restErrors(outcome.errors));
    else host.send(res, 201, { id: outcome.id, success: true, errors: [] });
    return;
  }
  if (method === 'PATCH' && id) {
    const outcome = writeRecord(
      host,
      object,
      { ...(body ?? {}), Id: id },
      { kind: 'update' },
      context,
    );
    if ('errors' in outcome)
      host.send(
        res,
        outcome.errors[0]?.statusCode === 'ENTITY_IS_DELETED' ? 404 : 400,
        restErrors(outcome.errors),
      );
    else host.send(res, 204, undefined);
    return;
  }
  if (method === 'DELETE' && id) {
    const error = deleteRecord(host, object, id, context);
    if (!error) host.send(res, 204, undefined);
    else
      host.send(res, error.statusCode === 'ENTITY_IS_DELETED' ? 404 : 400, [
        { errorCode: error.statusCode, message: error.message, fields: error.fields },
      ]);
    return;
  }
  sendMethodNotAllowed(host, res, method);
}

export function uiApi(host: Host, res: ServerResponse, call: DataCall): void {
  const { method, rest, params, body, version, context } = call;
  const org: RelatedListOrg = {
    all: (object) => host.org.all(object),
    schema: host.options.schema!,
    policy: host.options.policy!,
    objectOfId: (id) => objectOfId(host, id),
    get: (object, id) => host.org.get(object, id),
    write: (object, fields, id) => {
      const outcome = writeRecord(
        host,
        object,
        id ? { ...fields, Id: id } : fields,
        id ? { kind: 'update' } : { kind: 'create' },
        context,
      );
      return 'errors' in outcome ? outcome : { id: outcome.id };
    },
  };
  const reply =
    relatedListRecords(org, context.user, method, rest, params) ??
    uiApiReply(org, context.user, method, rest, params, body, version);
  host.send(res, reply.status, reply.body);
}

const ROLLED_BACK: RecordError = {
  statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
  message:
    'Record rolled back because not all records were valid and the request was using AllOrNone header',
  fields: [],
};

/**
 * A Collections transaction's end: every outcome commits, unless allOrNone is set and one failed;
 * then nothing commits and each record that had succeeded says it was rolled back.
 */
function allOrNoneOutcome<O extends { success: boolean }>(
  outcomes: O[],
  allOrNone: boolean,
  idOf: (outcome: O) => string | null,
): {
  commit: boolean;
  result: Array<O | { id: string | null; success: false; errors: RecordError[] }>;
} {
  const failed = outcomes.some((outcome) => !outcome.success);
  if (!allOrNone || !failed) return { commit: true, result: outcomes };
  return {
    commit: false,
    result: outcomes.map((outcome) =>
      outcome.success ? { id: idOf(outcome), success: false, errors: [ROLLED_BACK] } : outcome,
    ),
  };
}

/** Record errors as the REST sObject resource answers them. */
function restErrors(
  errors: RecordError[],
): Array<{ message: string; errorCode: string; fields: string[] }> {
  return errors.map((error) => ({
    message: error.message,
    errorCode: error.statusCode,
    fields: error.fields,
  }));
}
