// Reading ACE payloads defensively and stating findings about them: the ACE rules run on payloads
// the wire schema may have rejected, so every read tolerates a missing or mistyped member.
import type { Finding, Severity } from '../../core/model.js';

export type Json = Record<string, unknown>;

export function finding(code: string, severity: Severity, path: string, message: string): Finding {
  return { code, severity, message, cloud: 'AWS', path };
}

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a member defensively: rules also run on payloads the wire schema rejected. */
export function read(payload: unknown, ...path: string[]): unknown {
  let node = payload;
  for (const key of path) {
    if (!isRecord(node)) return undefined;
    node = node[key];
  }
  return node;
}

export function filled(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}
