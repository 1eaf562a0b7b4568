// Reading portal payloads defensively and stating findings about them. A portal's rules also run on
// payloads its wire schema rejected, so every read tolerates a missing or mistyped member.
import type { Cloud, Finding, Severity } from '../core/model.js';
import { jsonPath } from './findings.js';

export type Json = Record<string, unknown>;
/** A place in a payload, as keys and list indexes from its root. */
export type Path = ReadonlyArray<string | number>;

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value as an object, or null when it is not one (a list, a string, null...). */
export function recordOf(value: unknown): Json | null {
  return isRecord(value) ? value : null;
}

/** The member at `keys` below `value`, or undefined where the way there is not an object. */
export function memberAt(value: unknown, ...keys: string[]): unknown {
  return memberAtPath(value, keys);
}

/** `memberAt` for a path already held as a list (no spread into a call). */
export function memberAtPath(value: unknown, keys: ReadonlyArray<string>): unknown {
  let node = value;
  for (const key of keys) {
    if (!isRecord(node)) return undefined;
    node = node[key];
  }
  return node;
}

/** Whether a member holds something: not null or absent, not blank text, not an empty list. */
export function filled(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** One portal's finding maker: its cloud, its code prefix, and the path as keys or as a JSON path. */
export function findingMaker(cloud: Cloud, codePrefix: string) {
  return (code: string, severity: Severity, path: Path | string, message: string): Finding => ({
    code: `${codePrefix}${code}`,
    severity,
    message,
    cloud,
    path: typeof path === 'string' ? path : jsonPath(path),
  });
}
