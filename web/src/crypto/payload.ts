/** Payload encryption (docs/protocol.md §3): AES-256-GCM under a fresh data key, AAD bound to the record. */
import { concat, randomBytes } from './bytes';
import { canonicalBytes } from './jcs';
import { SUITE } from './keys';

export interface RecordRef {
  readonly recordId: string;
  readonly version: number;
  readonly ownerId: string;
  readonly category: string;
}

export function recordAad(ref: RecordRef): Uint8Array<ArrayBuffer> {
  return canonicalBytes({ category: ref.category, ownerId: ref.ownerId, recordId: ref.recordId, suite: SUITE, version: ref.version });
}

export function newDataKey(): Uint8Array<ArrayBuffer> {
  return randomBytes(32);
}

function aesKey(dataKey: Uint8Array<ArrayBuffer>, usage: KeyUsage): Promise<CryptoKey> {
  if (dataKey.length !== 32) {
    throw new Error('a data key has 32 bytes');
  }
  return crypto.subtle.importKey('raw', dataKey, 'AES-GCM', false, [usage]);
}

/** nonce (12) ‖ ciphertext ‖ tag (16); the nonce is random unless a test vector fixes it. */
export async function sealPayload(dataKey: Uint8Array<ArrayBuffer>, aad: Uint8Array<ArrayBuffer>, plaintext: Uint8Array<ArrayBuffer>,
  nonce: Uint8Array<ArrayBuffer> = randomBytes(12)): Promise<Uint8Array<ArrayBuffer>> {
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce, additionalData: aad, tagLength: 128 },
    await aesKey(dataKey, 'encrypt'), plaintext);
  return concat(nonce, new Uint8Array(sealed));
}

export async function openPayload(dataKey: Uint8Array<ArrayBuffer>, aad: Uint8Array<ArrayBuffer>,
  sealed: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  if (sealed.length < 28) {
    throw new Error('the ciphertext is too short');
  }
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.slice(0, 12), additionalData: aad, tagLength: 128 },
    await aesKey(dataKey, 'decrypt'), sealed.slice(12));
  return new Uint8Array(plain);
}
