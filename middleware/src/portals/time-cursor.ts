// The REST portals' inbound cursor: the newest change time already reported, as the portal wrote it
// (Partner Center's updatedDateTime, Cloud Channel's updateTime). Anything else was not issued here.
import type { Cloud } from '../core/model.js';
import { PortalError } from '../engine/portal-client.js';

/** The cursor when it is null or a time; a validation PortalError naming the portal's field otherwise. */
export function checkedTimeCursor(
  cloud: Cloud,
  label: string,
  field: string,
  cursor: string | null,
): string | null {
  if (cursor !== null && Number.isNaN(Date.parse(cursor)))
    throw new PortalError(
      cloud,
      'validation',
      `the ${label} inbound cursor ${JSON.stringify(cursor)} is not an ${field} this client issued`,
    );
  return cursor;
}
