// `opportunities:query` in the Cloud Channel emulator: the AIP-160 filter subset, orderBy on a
// timestamp, and pages whose token is bound to the filter and order that made it.
import { byTimestamp } from '../rest-emulator-calls.js';
import type { JsonReply } from '../rest-emulator-kit.js';
import { base64url, finding, invalid, parseOpportunityFilter } from './emulator-requests.js';
import type { Json } from './emulator-types.js';

/** One page of `all` that the query's filter keeps, in its order. */
export function queryOpportunities(
  all: Json[],
  params: URLSearchParams,
  maxPageSize: number,
): JsonReply {
  const pageSizeText = params.get('pageSize');
  const pageSize = pageSizeText === null ? 50 : Number(pageSizeText);
  if (!Number.isInteger(pageSize) || pageSize < 1)
    throw invalid([
      finding(
        'PAGE_SIZE',
        '$.pageSize',
        `pageSize must be a positive whole number (got ${pageSizeText})`,
      ),
    ]);
  const filter = params.get('filter') ?? '';
  const orderBy = params.get('orderBy') ?? 'createTime';
  const [orderField = 'createTime', direction = 'asc'] = orderBy.trim().split(/\s+/);
  if (!['createTime', 'updateTime'].includes(orderField) || !['asc', 'desc'].includes(direction)) {
    throw invalid([
      finding(
        'ORDER_BY',
        '$.orderBy',
        `orderBy supports createTime or updateTime, asc or desc (got "${orderBy}")`,
      ),
    ]);
  }
  const token = params.get('pageToken');
  let offset = 0;
  if (token) {
    const decoded = base64url(token);
    if (
      !decoded ||
      decoded.filter !== filter ||
      decoded.orderBy !== orderBy ||
      !Number.isInteger(decoded.offset)
    ) {
      throw invalid([
        finding(
          'PAGE_TOKEN',
          '$.pageToken',
          'the page token does not belong to this query (filter and orderBy must stay the same)',
        ),
      ]);
    }
    offset = Number(decoded.offset);
  }
  const predicate = parseOpportunityFilter(filter);
  const sign = direction === 'desc' ? -1 : 1;
  const matches = all.filter(predicate).sort(byTimestamp(orderField, 'name', sign));
  const size = Math.min(pageSize, maxPageSize);
  const page = matches.slice(offset, offset + size);
  const body: Json = { opportunities: page };
  if (offset + size < matches.length)
    body.nextPageToken = Buffer.from(
      JSON.stringify({ filter, orderBy, offset: offset + size }),
    ).toString('base64url');
  return { status: 200, body };
}
