// The UI API related-list-records resource (what getRelatedListRecords calls): a parent's child
// records through a child relationship such as CoSell_Engagements__r, with the caller's security.
import type { SRecord } from './org.js';
import { recordRepresentation, type UiApiOrg, type UiApiReply } from './ui-api.js';
import type { OrgUser } from './permissions.js';

export interface RelatedListOrg extends UiApiOrg {
  all(object: string): SRecord[];
}

const DEFAULT_PAGE_SIZE = 50;

/** GET /ui-api/related-list-records/<parentRecordId>/<relatedListId>; null when the path is another resource. */
export function relatedListRecords(
  org: RelatedListOrg,
  user: OrgUser,
  method: string,
  path: string,
  params: URLSearchParams,
): UiApiReply | null {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[1] !== 'related-list-records' || method !== 'GET' || parts.length !== 4) return null;
  const [, , parentId, listId] = parts as [string, string, string, string];
  const parentObject = org.objectOfId(parentId);
  const parent = parentObject ? org.get(parentObject, parentId) : undefined;
  if (!parentObject || !parent || !org.policy.objectAccess(user, parentObject).read)
    return notFound('The requested resource does not exist');
  const relationship = org.schema
    .childRelationships(parentObject)
    .find((child) => child.relationshipName.toLowerCase() === listId.toLowerCase());
  if (!relationship) return notFound(`${listId} is not a related list of ${parentObject}`);
  const child = relationship.childSObject;
  if (!org.policy.objectAccess(user, child).read)
    return notFound('The requested resource does not exist');
  const names: string[] = [];
  for (const list of [params.get('fields'), params.get('optionalFields')]) {
    for (const qualified of (list ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean)) {
      const name = qualified.includes('.')
        ? qualified.slice(qualified.indexOf('.') + 1)
        : qualified;
      const field = org.schema.field(child, name);
      if (field && org.policy.fieldAccess(user, child, field).read && !names.includes(field.name))
        names.push(field.name);
      else if (list === params.get('fields') && !field)
        return {
          status: 400,
          body: [
            {
              errorCode: 'INVALID_FIELD',
              message: `Cannot find field ${qualified} (or it is not accessible to the user)`,
            },
          ],
        };
    }
  }
  if (!names.includes('Id')) names.unshift('Id');
  let rows = org.all(child).filter((record) => record[relationship.field] === parentId);
  // sortBy: comma-separated field names, a leading '-' for descending (default: newest first).
  const sortBy = (params.get('sortBy') ?? '-CreatedDate')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  rows = [...rows].sort((a, b) => {
    for (const key of sortBy) {
      const descending = key.startsWith('-');
      const name = org.schema.field(child, key.replace(/^-/, ''))?.name ?? key.replace(/^-/, '');
      const left = String(a[name] ?? '');
      const right = String(b[name] ?? '');
      if (left !== right) return (left < right ? -1 : 1) * (descending ? -1 : 1);
    }
    return 0;
  });
  const pageSize = Math.min(
    Math.max(Number(params.get('pageSize') ?? DEFAULT_PAGE_SIZE) || DEFAULT_PAGE_SIZE, 1),
    1999,
  );
  const page = rows.slice(0, pageSize);
  return {
    status: 200,
    body: {
      count: page.length,
      currentPageToken: '0',
      currentPageUrl: `/ui-api/related-list-records/${parentId}/${relationship.relationshipName}`,
      fields: names.map((name) => `${child}.${name}`),
      listInfoETag: '',
      listReference: {
        id: null,
        inContextOfRecordId: parentId,
        listViewApiName: null,
        objectApiName: child,
        parentObjectApiName: parentObject,
        recordTypeId: null,
        relatedListId: relationship.relationshipName,
        type: 'relatedList',
      },
      nextPageToken: rows.length > pageSize ? String(pageSize) : null,
      nextPageUrl: null,
      optionalFields: [],
      pageSize,
      previousPageToken: null,
      previousPageUrl: null,
      records: page.map((record) => recordRepresentation(org, user, child, record, names)),
      sortBy: sortBy.join(','),
    },
  };
}

function notFound(message: string): UiApiReply {
  return { status: 404, body: [{ errorCode: 'NOT_FOUND', message }] };
}
