// NextToken paging in the ACE emulator: a token is base64 of the operation and the next offset, and
// a token another operation issued is refused as ACE refuses it.
import { validationError } from './emulator-records.js';

export function paginate<T>(
  rows: T[],
  size: number,
  token: string | null | undefined,
  operation: string,
): { page: T[]; next: string | null } {
  let offset = 0;
  if (token) {
    const decoded = /^([A-Za-z]+):(\d+)$/.exec(Buffer.from(token, 'base64').toString('utf8'));
    if (!decoded || decoded[1] !== operation) {
      throw validationError(
        [
          {
            code: 'AWS_WIRE_INVALID_FORMAT',
            severity: 'error',
            cloud: 'AWS',
            path: '$.NextToken',
            message: 'NextToken is not a token this operation issued.',
          },
        ],
        'REQUEST_VALIDATION_FAILED',
      );
    }
    offset = Number(decoded[2]);
  }
  const page = rows.slice(offset, offset + size);
  const nextOffset = offset + page.length;
  return {
    page,
    next:
      nextOffset < rows.length
        ? Buffer.from(`${operation}:${nextOffset}`).toString('base64')
        : null,
  };
}
