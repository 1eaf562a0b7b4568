// The local org's SOQL routes: query (and queryAll) in pages, queryMore, and the `columns=true`
// metadata the `sf` CLI reads.
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { OrgUser } from './permissions.js';
import { queryUserRecordAccess, recordAccess } from './record-access.js';
import type { Cursor, RouteHost as Host } from './route-host.js';
import { runQuery, SoqlError } from './soql.js';

function page(host: Host, res: ServerResponse, cursorId: string, cursor: Cursor): void {
  const records = cursor.rows.slice(cursor.offset, cursor.offset + host.pageSize);
  const nextOffset = cursor.offset + records.length;
  const done = nextOffset >= cursor.rows.length;
  if (!done)
    host.cursors.set(`${cursorId}-${nextOffset}`, { rows: cursor.rows, offset: nextOffset });
  host.send(res, 200, {
    totalSize: cursor.rows.length,
    done,
    ...(done
      ? {}
      : { nextRecordsUrl: `/services/data/v${host.apiVersion}/query/${cursorId}-${nextOffset}` }),
    records,
  });
}

export function query(
  host: Host,
  res: ServerResponse,
  soql: string,
  version: string,
  caller: OrgUser,
  columns: boolean,
): void {
  try {
    const { schema, policy } = host.options;
    const rows =
      /\bFROM\s+UserRecordAccess\b/i.test(soql) && schema && policy
        ? queryUserRecordAccess(soql, version, (userId, recordId) => {
            const user = host.users.get(userId);
            return user
              ? recordAccess(host.org, schema, policy, user, recordId)
              : { read: false, edit: false };
          })
        : runQuery(host.org, soql, version, host.scopeFor(caller));
    if (columns) {
      host.send(res, 200, {
        columnMetadata: columnMetadata(rows[0] ?? {}),
        entityName: null,
        groupBy: false,
        idSelected: true,
        keyPrefix: null,
      });
      return;
    }
    page(host, res, `01g${randomBytes(6).toString('hex').toUpperCase()}`, { rows, offset: 0 });
  } catch (error) {
    if (error instanceof SoqlError) {
      host.send(res, 400, [{ message: error.message, errorCode: error.errorCode }]);
      return;
    }
    throw error;
  }
}

/** `columns=true`: the columns of a row, nested for parent fields, as the `sf` CLI reads them. */
function columnMetadata(row: Record<string, unknown>): Array<Record<string, unknown>> {
  return Object.entries(row)
    .filter(([key]) => key !== 'attributes')
    .map(([key, value]) => {
      const nested =
        value && typeof value === 'object' && 'attributes' in (value as object)
          ? columnMetadata(value as Record<string, unknown>)
          : [];
      return {
        aggregate: false,
        apexType: null,
        booleanType: false,
        columnName: key,
        custom: key.endsWith('__c'),
        displayName: key,
        foreignKeyName: null,
        insertable: true,
        joinColumns: nested,
        numberType: typeof value === 'number',
        textType: typeof value === 'string',
        updatable: true,
      };
    });
}

export function queryMore(host: Host, res: ServerResponse, locator: string): void {
  const cursor = host.cursors.get(locator);
  if (!cursor) {
    host.send(res, 400, [{ message: 'invalid query locator', errorCode: 'INVALID_QUERY_LOCATOR' }]);
    return;
  }
  host.cursors.delete(locator);
  page(host, res, locator.replace(/-\d+$/, ''), cursor);
}
