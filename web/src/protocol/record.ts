/** Records (docs/protocol.md §3, §5): encrypt, wrap for the owner, sign the canonical header; and the reverse. */
import { fromBase64, sha256Hex, toBase64 } from '../crypto/bytes';
import { canonicalBytes } from '../crypto/jcs';
import { sign, SUITE, verify, type DeviceKeys } from '../crypto/keys';
import { newDataKey, openPayload, recordAad, sealPayload, type RecordRef } from '../crypto/payload';
import { envelopeFor, unwrapDataKey, wrapDataKey, type EnvelopeJson } from './envelope';
import { uuidV7 } from './uuid';

export interface CreateRecordRequest {
  recordId: string;
  version: number;
  category: string;
  ciphertext: string;
  ciphertextSha256: string;
  envelope: EnvelopeJson;
  signature: string;
}

export function recordHeader(ref: RecordRef, ciphertextSha256: string, signerKeyId: string): Uint8Array<ArrayBuffer> {
  return canonicalBytes({
    category: ref.category, ciphertextSha256, ownerId: ref.ownerId, recordId: ref.recordId, signerKeyId,
    suite: SUITE, type: 'techo.record.header', version: ref.version,
  });
}

export const CATEGORY_PATTERN = /^[a-z][a-z0-9.-]{0,63}$/;

export interface SealedRecord {
  readonly request: CreateRecordRequest;
  readonly dataKey: Uint8Array<ArrayBuffer>;
  readonly ref: RecordRef;
}

/** Everything the device does before POST /api/v1/records. */
export async function sealRecord(keys: DeviceKeys, ownerId: string, category: string, plaintext: Uint8Array<ArrayBuffer>,
  recordId: string = uuidV7()): Promise<SealedRecord> {
  if (!CATEGORY_PATTERN.test(category)) {
    throw new Error(`invalid category ${category}`);
  }
  const ref: RecordRef = { recordId, version: 1, ownerId, category };
  const dataKey = newDataKey();
  const ciphertext = await sealPayload(dataKey, recordAad(ref), plaintext);
  const ciphertextSha256 = await sha256Hex(ciphertext);
  const signature = await sign(keys.signing.privateKey, recordHeader(ref, ciphertextSha256, keys.signing.keyId));
  const envelope = await wrapDataKey(dataKey, ownerId, keys.encryption.publicRaw, ref);
  return {
    request: { recordId, version: 1, category, ciphertext: toBase64(ciphertext), ciphertextSha256, envelope, signature: toBase64(signature) },
    dataKey,
    ref,
  };
}

/** What a record read returns (the fields the client uses). */
export interface RecordView {
  recordId: string;
  version: number;
  ownerId: string;
  category: string;
  ciphertextSha256: string;
  signerKeyId: string;
  signature: string;
  createdAt: string;
  ciphertext?: string;
  envelopes?: EnvelopeJson[];
  anchor?: { status: string; txHash?: string; blockNumber?: number };
}

export function refOf(view: RecordView): RecordRef {
  return { recordId: view.recordId, version: view.version, ownerId: view.ownerId, category: view.category };
}

/**
 * Opens a record read from the API: checks the ciphertext hash and the signer's signature over the header (with the
 * signer's public key from the directory), then unwraps this device's envelope and decrypts.
 */
export async function openRecord(view: RecordView, keys: DeviceKeys, signerPublicRaw: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  if (view.ciphertext === undefined) {
    throw new Error('the record has no ciphertext');
  }
  const ciphertext = fromBase64(view.ciphertext);
  if ((await sha256Hex(ciphertext)) !== view.ciphertextSha256) {
    throw new Error('the ciphertext does not match its hash');
  }
  const ref = refOf(view);
  if (!(await verify(signerPublicRaw, fromBase64(view.signature), recordHeader(ref, view.ciphertextSha256, view.signerKeyId)))) {
    throw new Error('the record signature does not verify');
  }
  const envelope = envelopeFor(view.envelopes, keys.encryption);
  if (envelope === undefined) {
    throw new Error('no key envelope for this device');
  }
  return openPayload(await unwrapDataKey(envelope, keys.encryption, ref), recordAad(ref), ciphertext);
}

/** Unwraps the data key of an owned record (to wrap it again for a grantee). */
export async function dataKeyOf(view: RecordView, keys: DeviceKeys): Promise<Uint8Array<ArrayBuffer>> {
  const envelope = envelopeFor(view.envelopes, keys.encryption);
  if (envelope === undefined) {
    throw new Error('no key envelope for this device');
  }
  return unwrapDataKey(envelope, keys.encryption, refOf(view));
}
