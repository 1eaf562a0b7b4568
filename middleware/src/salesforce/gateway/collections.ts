// Writes records with sObject Collections: at most 200 records a call, allOrNone=false so one bad
// record never blocks the other 199, per-record results returned in input order, and records that
// lost a row-lock race retried on their own after a jittered pause.
import { ERROR_CODES, type SalesforceApi } from './api.js';

/** Salesforce's cap on records in one sObject Collections request. */
export const COLLECTION_LIMIT = 200;

export interface SalesforceRecordError {
  statusCode: string;
  message: string;
  fields: string[];
}

export type RecordWriteResult =
  | { ok: true; id: string; created: boolean }
  | { ok: false; errors: SalesforceRecordError[] };

interface CollectionResponseItem {
  id?: string | null;
  success: boolean;
  created?: boolean;
  errors?: Array<{ statusCode?: string; errorCode?: string; message?: string; fields?: string[] }>;
}

export type SObjectRecord = Record<string, unknown>;

export interface CollectionTarget {
  object: string;
  /** Upsert on this external id field; absent = update by Id. */
  externalIdField?: string;
}

function normaliseErrors(item: CollectionResponseItem): SalesforceRecordError[] {
  return (item.errors ?? []).map((error) => ({
    statusCode: error.statusCode ?? error.errorCode ?? 'UNKNOWN_EXCEPTION',
    message: error.message ?? 'no message',
    fields: error.fields ?? [],
  }));
}

function isLockFailure(result: RecordWriteResult): boolean {
  return !result.ok && result.errors.some((error) => error.statusCode === ERROR_CODES.lock);
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    chunks.push(items.slice(start, start + size));
  return chunks;
}

export class CollectionsWriter {
  constructor(
    private readonly api: SalesforceApi,
    private readonly lockRetries = 3,
  ) {}

  /** One request for at most 200 records; results in input order. */
  private async send(
    target: CollectionTarget,
    records: readonly SObjectRecord[],
  ): Promise<RecordWriteResult[]> {
    if (records.length > COLLECTION_LIMIT)
      throw new RangeError(
        `sObject Collections takes at most ${COLLECTION_LIMIT} records, got ${records.length}`,
      );
    const url = target.externalIdField
      ? `/composite/sobjects/${target.object}/${target.externalIdField}`
      : '/composite/sobjects';
    const body = {
      allOrNone: false,
      records: records.map((record) => ({ attributes: { type: target.object }, ...record })),
    };
    const items = await this.api.request<CollectionResponseItem[]>({ method: 'PATCH', url, body });
    return records.map((_, index) => {
      const item = items[index];
      if (!item)
        return {
          ok: false,
          errors: [
            {
              statusCode: 'MISSING_RESULT',
              message: 'Salesforce returned no result for this record',
              fields: [],
            },
          ],
        };
      return item.success
        ? { ok: true, id: String(item.id), created: item.created === true }
        : { ok: false, errors: normaliseErrors(item) };
    });
  }

  /**
   * Writes any number of records in 200-record calls, in order. Records refused with
   * UNABLE_TO_LOCK_ROW are sent again (together, after a pause) up to `lockRetries` times.
   */
  async write(
    target: CollectionTarget,
    records: readonly SObjectRecord[],
  ): Promise<RecordWriteResult[]> {
    const results: RecordWriteResult[] = [];
    for (const part of chunk(records, COLLECTION_LIMIT))
      results.push(...(await this.send(target, part)));
    for (let attempt = 1; attempt <= this.lockRetries; attempt++) {
      const locked = results.flatMap((result, index) => (isLockFailure(result) ? [index] : []));
      if (locked.length === 0) break;
      await this.api.pauseForLockRetry(attempt, locked.length);
      for (const indexes of chunk(locked, COLLECTION_LIMIT)) {
        const retried = await this.send(
          target,
          indexes.map((index) => records[index]!),
        );
        indexes.forEach((index, position) => {
          results[index] = retried[position]!;
        });
      }
    }
    return results;
  }
}

interface Pending {
  record: SObjectRecord;
  resolve: (result: RecordWriteResult) => void;
  reject: (error: unknown) => void;
}

/**
 * Gathers single-record writes (the sync worker writes one engagement per job, several jobs at a
 * time) into shared collection calls: a batch goes out when 200 records are waiting or when the
 * short window after the first one closes, and each caller gets its own record's result.
 */
export class CoalescingWriter {
  private readonly queues = new Map<
    string,
    { target: CollectionTarget; pending: Pending[]; timer: NodeJS.Timeout | null }
  >();

  constructor(
    private readonly writer: CollectionsWriter,
    private readonly windowMs = 15,
  ) {}

  write(target: CollectionTarget, record: SObjectRecord): Promise<RecordWriteResult> {
    const key = `${target.object}|${target.externalIdField ?? 'Id'}`;
    let queue = this.queues.get(key);
    if (!queue) {
      queue = { target, pending: [], timer: null };
      this.queues.set(key, queue);
    }
    const entry = queue;
    return new Promise<RecordWriteResult>((resolve, reject) => {
      entry.pending.push({ record, resolve, reject });
      if (entry.pending.length >= COLLECTION_LIMIT) {
        this.flush(key);
      } else if (!entry.timer) {
        entry.timer = setTimeout(() => this.flush(key), this.windowMs);
      }
    });
  }

  private flush(key: string): void {
    const queue = this.queues.get(key);
    if (!queue || queue.pending.length === 0) return;
    if (queue.timer) clearTimeout(queue.timer);
    queue.timer = null;
    const batch = queue.pending.splice(0, COLLECTION_LIMIT);
    if (queue.pending.length > 0) queue.timer = setTimeout(() => this.flush(key), this.windowMs);
    this.writer
      .write(
        queue.target,
        batch.map((entry) => entry.record),
      )
      .then(
        (results) => batch.forEach((entry, index) => entry.resolve(results[index]!)),
        (error: unknown) => batch.forEach((entry) => entry.reject(error)),
      );
  }
}
