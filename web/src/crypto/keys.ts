/**
 * Device keys (docs/protocol.md §1): an Ed25519 signing key and an X25519 encryption key, as WebCrypto CryptoKeys.
 * Private keys are created extractable only long enough to write the encrypted backup, then kept non-extractable.
 */
import { concat, equalBytes, sha256Hex } from './bytes';

export const SUITE = 'techo-v1';
const ED25519 = { name: 'Ed25519' } as const;
const X25519 = { name: 'X25519' } as const;
/** DER prefixes of PKCS#8 for a 32-byte Ed25519 seed and an X25519 private key (RFC 8410). */
const PKCS8_PREFIX = {
  Ed25519: new Uint8Array([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]),
  X25519: new Uint8Array([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x04, 0x22, 0x04, 0x20]),
};

export type Curve = 'Ed25519' | 'X25519';

/** A key pair with its raw public key (32 bytes) and key id (hex SHA-256 of it). */
export interface DeviceKeyPair {
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  readonly publicRaw: Uint8Array<ArrayBuffer>;
  readonly keyId: string;
}

export interface DeviceKeys {
  readonly signing: DeviceKeyPair;
  readonly encryption: DeviceKeyPair;
}

/** A key's id: lowercase hex SHA-256 of its raw public key bytes. */
export function keyId(publicRaw: Uint8Array<ArrayBuffer>): Promise<string> {
  return sha256Hex(publicRaw);
}

function usages(curve: Curve): { priv: KeyUsage[]; pub: KeyUsage[] } {
  return curve === 'Ed25519' ? { priv: ['sign'], pub: ['verify'] } : { priv: ['deriveBits'], pub: [] };
}

async function complete(pair: CryptoKeyPair): Promise<DeviceKeyPair> {
  const publicRaw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  return { privateKey: pair.privateKey, publicKey: pair.publicKey, publicRaw, keyId: await keyId(publicRaw) };
}

export async function generateKeyPair(curve: Curve, extractable: boolean): Promise<DeviceKeyPair> {
  const pair = (await crypto.subtle.generateKey(curve === 'Ed25519' ? ED25519 : X25519, extractable,
    usages(curve).priv)) as CryptoKeyPair;
  return complete(pair);
}

export async function generateDeviceKeys(extractable: boolean): Promise<DeviceKeys> {
  return { signing: await generateKeyPair('Ed25519', extractable), encryption: await generateKeyPair('X25519', extractable) };
}

export function importPublicKey(curve: Curve, raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, curve === 'Ed25519' ? ED25519 : X25519, true, usages(curve).pub);
}

/** The 32-byte private scalar or seed of an extractable key (for the encrypted backup only). */
export async function exportPrivateRaw(key: CryptoKey): Promise<Uint8Array<ArrayBuffer>> {
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', key));
  return pkcs8.slice(pkcs8.length - 32);
}

/**
 * Rebuilds a key pair from its 32 private bytes and the public key they belong to; refuses a mismatch (a backup
 * restored with the wrong public half would sign with a key the directory does not know).
 */
export async function importKeyPair(curve: Curve, privateRaw: Uint8Array, publicRaw: Uint8Array<ArrayBuffer>,
  extractable: boolean): Promise<DeviceKeyPair> {
  const algorithm = curve === 'Ed25519' ? ED25519 : X25519;
  const pkcs8 = concat(PKCS8_PREFIX[curve], privateRaw);
  const privateKey = await crypto.subtle.importKey('pkcs8', pkcs8, algorithm, true, usages(curve).priv);
  const derived = await publicOf(curve, privateKey);
  if (!equalBytes(derived, publicRaw)) {
    throw new Error('the private key does not belong to the public key');
  }
  const kept = extractable ? privateKey : await crypto.subtle.importKey('pkcs8', pkcs8, algorithm, false, usages(curve).priv);
  return complete({ privateKey: kept, publicKey: await importPublicKey(curve, publicRaw) });
}

/** The public half of an extractable private key, through its JWK form (which carries x). */
async function publicOf(curve: Curve, privateKey: CryptoKey): Promise<Uint8Array<ArrayBuffer>> {
  const jwk = await crypto.subtle.exportKey('jwk', privateKey);
  if (jwk.x === undefined || jwk.crv !== curve) {
    throw new Error('cannot derive the public key');
  }
  const b64 = jwk.x.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export async function sign(key: CryptoKey, message: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.sign(ED25519, key, message));
}

export async function verify(publicRaw: Uint8Array<ArrayBuffer>, signature: Uint8Array<ArrayBuffer>,
  message: Uint8Array<ArrayBuffer>): Promise<boolean> {
  if (signature.length !== 64 || publicRaw.length !== 32) {
    return false;
  }
  return crypto.subtle.verify(ED25519, await importPublicKey('Ed25519', publicRaw), signature, message);
}
