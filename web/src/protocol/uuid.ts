/** UUIDv7 (RFC 9562): 48-bit Unix milliseconds, version 7, variant 10, random bits. */
import { randomBytes, toHex } from '../crypto/bytes';

export function uuidV7(now: number = Date.now()): string {
  const bytes = randomBytes(16);
  let millis = now;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = millis % 256;
    millis = Math.floor(millis / 256);
  }
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = toHex(bytes);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
