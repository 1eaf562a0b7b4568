// The slice of a Salesforce connection the CLI's org reads use: SOQL with paging and describes. A
// narrow interface so the queries are typed against what they need, and tests need no real org;
// orgConnection adapts the authenticated `--target-org` connection to it.
import type { Connection } from '@salesforce/core';

/** One page of a SOQL answer; `nextRecordsUrl` is set while more pages remain. */
export interface SoqlPage {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: Array<Record<string, unknown>>;
}

export interface DescribedField {
  name: string;
  /** A picklist's values, as the describe lists them (inactive ones included). */
  picklistValues?: Array<{ value: string; active?: boolean }>;
}

export interface DescribedObject {
  name: string;
  fields: DescribedField[];
  childRelationships?: Array<{ relationshipName: string | null }>;
}

export interface OrgConnection {
  query(soql: string): PromiseLike<SoqlPage>;
  queryMore(locator: string): PromiseLike<SoqlPage>;
  describe(sobject: string): PromiseLike<DescribedObject>;
}

/** Every record of a query, page by page (queryMore), so a large org never sits in memory twice. */
export async function* queryAll(
  connection: OrgConnection,
  soql: string,
): AsyncGenerator<Record<string, unknown>> {
  let page = await connection.query(soql);
  for (;;) {
    yield* page.records;
    if (page.done || !page.nextRecordsUrl) return;
    page = await connection.queryMore(page.nextRecordsUrl);
  }
}

/** Salesforce's answer when an object or field does not exist for this user (not installed, or hidden). */
export function isNotFound(error: unknown): boolean {
  const candidate = error as { errorCode?: unknown; name?: unknown; statusCode?: unknown } | null;
  return (
    candidate?.errorCode === 'NOT_FOUND' ||
    candidate?.name === 'NOT_FOUND' ||
    candidate?.errorCode === 'INVALID_TYPE' ||
    candidate?.statusCode === 404
  );
}

/** A describe, or null when the object is absent from the org. */
export async function describeIfPresent(
  connection: OrgConnection,
  sobject: string,
): Promise<DescribedObject | null> {
  try {
    return await connection.describe(sobject);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** The `--target-org` connection (@salesforce/core) as the narrow OrgConnection the reads use. */
export function orgConnection(connection: Connection): OrgConnection {
  return {
    query: async (soql) => (await connection.query(soql)) as unknown as SoqlPage,
    queryMore: async (locator) => (await connection.queryMore(locator)) as unknown as SoqlPage,
    describe: async (sobject) => (await connection.describe(sobject)) as unknown as DescribedObject,
  };
}
