/**
 * RFC 8785 JSON Canonicalization Scheme (docs/protocol.md §2). ECMAScript's own JSON serialization of strings and
 * numbers is what RFC 8785 prescribes; members are sorted by UTF-16 code units, which is JavaScript's default order.
 */
import { utf8 } from './bytes';

export type Json = null | boolean | number | string | Json[] | { [member: string]: Json };

export function canonicalize(value: Json): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new Error('JCS cannot encode ' + String(value));
    }
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return '[' + value.map(canonicalize).join(',') + ']';
  }
  const members = Object.keys(value)
    .filter((key) => value[key] !== undefined)
    .sort()
    .map((key) => JSON.stringify(key) + ':' + canonicalize(value[key]!));
  return '{' + members.join(',') + '}';
}

export function canonicalBytes(value: Json): Uint8Array<ArrayBuffer> {
  return utf8(canonicalize(value));
}
