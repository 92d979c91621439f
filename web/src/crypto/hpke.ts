/**
 * HPKE (RFC 9180) base mode, DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM, single shot — key envelopes
 * (docs/protocol.md §4) and the registration challenge (§8). The recipient's private key stays a CryptoKey.
 */
import { Aes256Gcm, CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from '@hpke/core';
import { utf8 } from './bytes';
import type { DeviceKeyPair } from './keys';

const suite = new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes256Gcm() });

export const ENVELOPE_INFO = utf8('techo-v1/key-envelope');
export const REGISTRATION_INFO = utf8('techo-v1/registration');

export interface HpkeSealed {
  readonly enc: Uint8Array<ArrayBuffer>;
  readonly ciphertext: Uint8Array<ArrayBuffer>;
}

export async function hpkeSeal(recipientPublicRaw: Uint8Array<ArrayBuffer>, info: Uint8Array<ArrayBuffer>,
  aad: Uint8Array<ArrayBuffer>, plaintext: Uint8Array<ArrayBuffer>): Promise<HpkeSealed> {
  const recipientPublicKey = await suite.kem.importKey('raw', recipientPublicRaw.slice().buffer, true);
  const sealed = await suite.seal({ recipientPublicKey, info }, plaintext, aad);
  return { enc: new Uint8Array(sealed.enc), ciphertext: new Uint8Array(sealed.ct) };
}

export async function hpkeOpen(recipient: DeviceKeyPair, info: Uint8Array<ArrayBuffer>, aad: Uint8Array<ArrayBuffer>,
  sealed: HpkeSealed): Promise<Uint8Array<ArrayBuffer>> {
  const recipientKey = { privateKey: recipient.privateKey, publicKey: recipient.publicKey };
  return new Uint8Array(await suite.open({ recipientKey, enc: sealed.enc, info }, sealed.ciphertext, aad));
}
