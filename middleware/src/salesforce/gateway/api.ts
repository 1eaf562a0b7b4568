// Every Salesforce call the gateway makes goes through here: SOQL paging with queryMore, retries for
// row-lock timeouts, a back-off (reported, not hammered) when the org's API limit is hit, and the
// API usage Salesforce reports in `Sforce-Limit-Info`, for the service's /metrics.
import type { Connection, QueryResult } from 'jsforce';

/** Salesforce error codes the gateway treats specially. */
export const ERROR_CODES = {
  lock: 'UNABLE_TO_LOCK_ROW',
  limit: 'REQUEST_LIMIT_EXCEEDED',
  session: 'INVALID_SESSION_ID',
} as const;

export class SalesforceLimitError extends Error {
  /** When the gateway will try Salesforce again. */
  readonly retryAt: Date;
  constructor(message: string, retryAt: Date, options?: { cause?: unknown }) {
    super(
      `Salesforce API limit reached (${message}); calls paused until ${retryAt.toISOString()}`,
      options,
    );
    this.name = 'SalesforceLimitError';
    this.retryAt = retryAt;
  }
}

export interface SalesforceUsage {
  /** From the latest `Sforce-Limit-Info: api-usage=used/limit`; null before the first call. */
  apiUsage: { used: number; limit: number } | null;
  /** REQUEST_LIMIT_EXCEEDED answers received since start. */
  limitExceeded: number;
  /** Calls retried after UNABLE_TO_LOCK_ROW (whole requests or single records). */
  lockRetries: number;
  /** Set while the gateway holds off after REQUEST_LIMIT_EXCEEDED. */
  pausedUntil: string | null;
}

export interface SalesforceApiOptions {
  clock?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** 0..1, for jitter; injectable so tests are repeatable. */
  random?: () => number;
  /** Attempts after the first for a row-lock timeout (Salesforce waits 10 s for a lock each time). */
  lockRetries?: number;
  lockBaseDelayMs?: number;
  /** How long to stop calling after REQUEST_LIMIT_EXCEEDED (Salesforce sends no Retry-After). */
  limitPauseMs?: number;
  onLimitExceeded?: (event: { message: string; retryAt: Date }) => void;
}

/** The error code of a jsforce error (HttpApiError carries it as `errorCode` and `name`). */
export function errorCodeOf(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const candidate = (error as { errorCode?: unknown }).errorCode;
  return typeof candidate === 'string' ? candidate : null;
}

export interface QueryPage<T> {
  records: T[];
  totalSize: number;
}

export class SalesforceApi {
  readonly connection: Connection;
  private readonly clock: () => Date;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly lockRetries: number;
  private readonly lockBaseDelayMs: number;
  private readonly limitPauseMs: number;
  private readonly onLimitExceeded: SalesforceApiOptions['onLimitExceeded'];
  private pausedUntil: Date | null = null;
  private limitExceeded = 0;
  private lockRetryCount = 0;

  constructor(connection: Connection, options: SalesforceApiOptions = {}) {
    this.connection = connection;
    this.clock = options.clock ?? (() => new Date());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
    this.lockRetries = options.lockRetries ?? 4;
    this.lockBaseDelayMs = options.lockBaseDelayMs ?? 250;
    this.limitPauseMs = options.limitPauseMs ?? 5 * 60_000;
    this.onLimitExceeded = options.onLimitExceeded;
  }

  usage(): SalesforceUsage {
    const apiUsage = this.connection.limitInfo?.apiUsage;
    return {
      apiUsage: apiUsage ? { used: apiUsage.used, limit: apiUsage.limit } : null,
      limitExceeded: this.limitExceeded,
      lockRetries: this.lockRetryCount,
      pausedUntil:
        this.pausedUntil && this.pausedUntil > this.clock() ? this.pausedUntil.toISOString() : null,
    };
  }

  /** Full-jitter exponential delay before lock retry `attempt` (1-based). */
  lockDelayMs(attempt: number): number {
    return Math.round(this.lockBaseDelayMs * 2 ** (attempt - 1) * (0.5 + this.random() / 2));
  }

  /** Waits before record-level lock retry `attempt` of `records` records (the collections writer retries records, not requests). */
  async pauseForLockRetry(attempt: number, records: number): Promise<void> {
    this.lockRetryCount += records;
    await this.sleep(this.lockDelayMs(attempt));
  }

  /**
   * Runs one Salesforce call. A row-lock timeout is retried with jittered backoff; the org's API
   * limit pauses every call for `limitPauseMs` and fails them with SalesforceLimitError meanwhile,
   * so a stuck org is asked again later rather than hammered. jsforce itself already retries GETs
   * on 5xx/429 and re-authorises on 401, so those are not retried again here.
   */
  async call<T>(run: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const now = this.clock();
      if (this.pausedUntil && this.pausedUntil > now) {
        throw new SalesforceLimitError('still backing off', this.pausedUntil);
      }
      try {
        return await run();
      } catch (error) {
        const code = errorCodeOf(error);
        if (code === ERROR_CODES.limit) {
          this.limitExceeded++;
          const retryAt = new Date(this.clock().getTime() + this.limitPauseMs);
          this.pausedUntil = retryAt;
          const message = error instanceof Error ? error.message : String(error);
          this.onLimitExceeded?.({ message, retryAt });
          throw new SalesforceLimitError(message, retryAt, { cause: error });
        }
        if (code === ERROR_CODES.lock && attempt < this.lockRetries) {
          this.lockRetryCount++;
          await this.sleep(this.lockDelayMs(attempt + 1));
          continue;
        }
        throw error;
      }
    }
  }

  /** Yields a query's result one page (up to 2,000 rows) at a time: one API call per page. */
  async *queryPages<T>(soql: string): AsyncGenerator<QueryPage<T>> {
    type Row = T & Record<string, unknown>;
    let page: QueryResult<Row> = await this.call(
      async () =>
        (await this.connection.query<Row>(soql, { autoFetch: false })) as QueryResult<Row>,
    );
    yield { records: page.records as T[], totalSize: page.totalSize };
    while (!page.done && page.nextRecordsUrl) {
      const locator = page.nextRecordsUrl;
      page = await this.call(
        async () => (await this.connection.queryMore<Row>(locator)) as QueryResult<Row>,
      );
      yield { records: page.records as T[], totalSize: page.totalSize };
    }
  }

  async queryAll<T>(soql: string): Promise<T[]> {
    const records: T[] = [];
    for await (const page of this.queryPages<T>(soql)) records.push(...page.records);
    return records;
  }

  /** A raw REST call relative to the versioned data URL, e.g. `/composite/sobjects`. */
  request<T>(request: {
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
    url: string;
    body?: unknown;
  }): Promise<T> {
    return this.call(() =>
      this.connection.request<T>({
        method: request.method,
        url: request.url,
        ...(request.body === undefined
          ? {}
          : {
              body: JSON.stringify(request.body),
              headers: { 'content-type': 'application/json' },
            }),
      }),
    );
  }
}
