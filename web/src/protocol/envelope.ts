/** Key envelopes (docs/protocol.md §4): the data key wrapped with HPKE for one recipient's X25519 key. */
import { fromBase64, toBase64 } from '../crypto/bytes';
import { ENVELOPE_INFO, hpkeOpen, hpkeSeal } from '../crypto/hpke';
import { keyId, SUITE, type DeviceKeyPair } from '../crypto/keys';
import { recordAad, type RecordRef } from '../crypto/payload';

/** The JSON form the API carries. */
export interface EnvelopeJson {
  suite: string;
  recipientId: string;
  recipientKeyId: string;
  enc: string;
  wrappedKey: string;
}

export async function wrapDataKey(dataKey: Uint8Array<ArrayBuffer>, recipientId: string,
  recipientPublicRaw: Uint8Array<ArrayBuffer>, record: RecordRef): Promise<EnvelopeJson> {
  const sealed = await hpkeSeal(recipientPublicRaw, ENVELOPE_INFO, recordAad(record), dataKey);
  return {
    suite: SUITE,
    recipientId,
    recipientKeyId: await keyId(recipientPublicRaw),
    enc: toBase64(sealed.enc),
    wrappedKey: toBase64(sealed.ciphertext),
  };
}

/** Opens the envelope addressed to this key; refuses another suite or another key's envelope. */
export async function unwrapDataKey(envelope: EnvelopeJson, recipient: DeviceKeyPair, record: RecordRef): Promise<Uint8Array<ArrayBuffer>> {
  if (envelope.suite !== SUITE) {
    throw new Error(`unsupported suite ${envelope.suite}`);
  }
  if (envelope.recipientKeyId !== recipient.keyId) {
    throw new Error('the envelope is for another key');
  }
  return hpkeOpen(recipient, ENVELOPE_INFO, recordAad(record),
    { enc: fromBase64(envelope.enc), ciphertext: fromBase64(envelope.wrappedKey) });
}

/** The envelope of a list that this device can open. */
export function envelopeFor(envelopes: readonly EnvelopeJson[] | undefined, recipient: DeviceKeyPair): EnvelopeJson | undefined {
  return envelopes?.find((e) => e.recipientKeyId === recipient.keyId);
}
