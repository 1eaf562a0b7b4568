// Idempotency-Key with Stripe's semantics, kept in the store so every instance sees the same keys:
// the first request with a key runs and its response is saved; the same key with the same request
// replays that response; with a different request it is refused (422); while the first is still
// running a duplicate is refused (409) and may retry. Keys expire after the TTL (24 h).
import { createHash } from 'node:crypto';

/** Stripe accepts keys up to 255 characters. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/** JSON with object keys sorted, so the same request hashes the same however its fields were ordered. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Identifies the request a key was used for: method, path and body. */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method.toUpperCase()} ${path}\n${canonicalJson(body)}`)
    .digest('hex');
}
