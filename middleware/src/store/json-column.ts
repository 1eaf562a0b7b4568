// Decodes a JSON column where the store hands it over. A PostgreSQL server (pg) and PGlite both
// parse jsonb, but a value read through a raw `sql` query or an older text column can arrive as a
// string; repositories call this once, at the store's edge, so callers always get objects.
export function decodeJson<T = unknown>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
