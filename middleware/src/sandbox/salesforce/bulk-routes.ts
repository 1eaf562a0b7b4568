// The local org's Bulk API 2.0 routes: query jobs with paged CSV results, and ingest jobs whose
// rows go through the shared write path.
import type { ServerResponse } from 'node:http';
import type { IngestJob } from './bulk.js';
import {
  sendMethodNotAllowed,
  sendNotFound,
  type DataCall,
  type RouteHost as Host,
} from './route-host.js';
import { writeRecord } from './record-writes.js';
import { runQuery, SoqlError } from './soql.js';

export function bulkQuery(host: Host, res: ServerResponse, call: DataCall): void {
  const { method, rest, body, version, caller, params } = call;
  const parts = rest.split('/').filter(Boolean); // jobs, query, [id, [results]]
  if (method === 'POST' && parts.length === 2) {
    const operation =
      body?.operation === 'queryAll' ? 'queryAll' : body?.operation === 'query' ? 'query' : null;
    if (!operation || typeof body?.query !== 'string')
      return host.send(res, 400, [
        {
          errorCode: 'INVALIDJOB',
          message: 'A query job needs operation query or queryAll and a query',
        },
      ]);
    try {
      const rows = runQuery(host.org, body.query, version, host.scopeFor(caller));
      const object = /\bFROM\s+(\w+)/i.exec(body.query)?.[1] ?? '';
      const job = host.bulkQueries.create(
        operation,
        object,
        rows,
        caller.Id,
        new Date(host.clock()).toISOString().replace('Z', '+0000'),
        [],
      );
      host.limits.queryJobCreated();
      return host.send(res, 200, {
        ...host.bulkQueries.info(job, version),
        state: 'UploadComplete',
      });
    } catch (error) {
      if (error instanceof SoqlError)
        return host.send(res, 400, [{ errorCode: error.errorCode, message: error.message }]);
      throw error;
    }
  }
  const job = parts[2] ? host.bulkQueries.jobs.get(parts[2]) : undefined;
  if (!job || job.createdById !== caller.Id) return sendNotFound(host, res);
  if (method === 'GET' && parts.length === 3)
    return host.send(res, 200, host.bulkQueries.info(job, version));
  if (method === 'DELETE' && parts.length === 3) {
    host.bulkQueries.jobs.delete(job.id);
    return host.send(res, 204, undefined);
  }
  if (method === 'GET' && parts[3] === 'results') {
    const maxRecords = Number(params.get('maxRecords') ?? host.bulkQueryPageSize);
    if (!Number.isInteger(maxRecords) || maxRecords < 1)
      return host.send(res, 400, [
        { errorCode: 'INVALIDJOB', message: 'maxRecords must be a positive whole number' },
      ]);
    const page = host.bulkQueries.page(job, params.get('locator'), maxRecords);
    res.setHeader('Sforce-Locator', page.next);
    res.setHeader('Sforce-NumberOfRecords', String(page.count));
    return host.send(res, 200, page.csv, 'text/csv');
  }
  sendMethodNotAllowed(host, res, method);
}

export function bulkIngest(host: Host, res: ServerResponse, call: DataCall): void {
  const { method, rest, body, raw, context } = call;
  const parts = rest.split('/').filter(Boolean); // jobs, ingest, [id, [batches|results]]
  const job: IngestJob | undefined = parts[2] ? host.bulk.jobs.get(parts[2]) : undefined;
  if (method === 'POST' && parts.length === 2) {
    const created = host.bulk.create(body as never);
    host.send(res, 200, host.bulk.info(created));
    return;
  }
  if (!job) {
    sendNotFound(host, res);
    return;
  }
  if (method === 'PUT' && parts[3] === 'batches') {
    job.csv += raw;
    host.send(res, 201, '', 'text/plain');
    return;
  }
  if (method === 'PATCH' && parts.length === 3) {
    if (body?.state === 'UploadComplete') {
      host.bulk.complete(job, (current, row) => {
        const mode =
          current.operation === 'upsert'
            ? { kind: 'upsert' as const, externalIdField: current.externalIdFieldName! }
            : current.operation === 'insert'
              ? { kind: 'create' as const }
              : { kind: 'update' as const };
        const outcome = writeRecord(host, current.object, row, mode, context);
        if ('errors' in outcome)
          return {
            error: outcome.errors
              .map(
                (error) =>
                  `${error.statusCode}:${error.message}${error.fields.length ? ` fields: [${error.fields.join(', ')}]` : ''}`,
              )
              .join('; '),
          };
        return outcome;
      });
      host.limits.ingestJobProcessed(job.successful.length + job.failed.length);
    } else if (body?.state === 'Aborted') {
      job.state = 'Aborted';
    }
    host.send(res, 200, host.bulk.info(job));
    return;
  }
  if (method === 'GET' && parts.length === 3) {
    host.send(res, 200, host.bulk.info(job));
    return;
  }
  if (
    method === 'GET' &&
    (parts[3] === 'successfulResults' ||
      parts[3] === 'failedResults' ||
      parts[3] === 'unprocessedrecords')
  ) {
    host.send(res, 200, host.bulk.results(job, parts[3]), 'text/csv');
    return;
  }
  sendMethodNotAllowed(host, res, method);
}
