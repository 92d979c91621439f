/**
 * The key backup (recovery kit): the device's private keys, encrypted with AES-256-GCM under a key derived from a
 * high-entropy recovery code (HKDF-SHA256; 30 random base32 characters = 150 bits, so no slow KDF is needed) or, for
 * an export the user protects with a passphrase, PBKDF2-SHA256 with 600,000 iterations. The private keys are
 * extractable only while the backup is made at onboarding; afterwards the device keeps them non-extractable.
 */
import { fromBase64, randomBytes, toBase64, utf8, fromUtf8 } from '../crypto/bytes';
import { canonicalBytes } from '../crypto/jcs';
import { exportPrivateRaw, importKeyPair, type DeviceKeys } from '../crypto/keys';
import type { Role } from './keystore';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 30;
const PBKDF2_ITERATIONS = 600_000;

export interface KeyBackup {
  format: 'techo-key-backup-v1';
  kdf: 'hkdf-sha256' | 'pbkdf2-sha256';
  iterations?: number;
  salt: string;
  nonce: string;
  ciphertext: string;
  accountId: string;
  role: Role;
  displayName: string;
}

interface BackupSecrets {
  signingPrivate: string;
  signingPublic: string;
  encryptionPrivate: string;
  encryptionPublic: string;
}

/** 30 characters from a 32-letter alphabet without look-alikes, shown in groups of five. */
export function newRecoveryCode(): string {
  const bytes = randomBytes(CODE_LENGTH);
  return Array.from(bytes, (b) => ALPHABET[b & 31]).join('').replace(/(.{5})(?=.)/g, '$1-');
}

export function normalizeRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

async function wrappingKey(secret: string, kdf: KeyBackup['kdf'], salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', utf8(secret), kdf === 'hkdf-sha256' ? 'HKDF' : 'PBKDF2', false, ['deriveKey']);
  const params = kdf === 'hkdf-sha256'
    ? { name: 'HKDF', hash: 'SHA-256', salt, info: utf8('techo-v1/key-backup') }
    : { name: 'PBKDF2', hash: 'SHA-256', salt, iterations };
  return crypto.subtle.deriveKey(params, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

function aadOf(backup: Pick<KeyBackup, 'format' | 'kdf' | 'accountId' | 'role'>): Uint8Array<ArrayBuffer> {
  return canonicalBytes({ accountId: backup.accountId, format: backup.format, kdf: backup.kdf, role: backup.role });
}

/** Encrypts extractable keys; with a recovery code (HKDF) or a passphrase (PBKDF2). */
export async function createBackup(keys: DeviceKeys, who: { accountId: string; role: Role; displayName: string },
  secret: { recoveryCode: string } | { passphrase: string }): Promise<KeyBackup> {
  const kdf = 'recoveryCode' in secret ? 'hkdf-sha256' : 'pbkdf2-sha256';
  const text = 'recoveryCode' in secret ? normalizeRecoveryCode(secret.recoveryCode) : secret.passphrase;
  const salt = randomBytes(16);
  const nonce = randomBytes(12);
  const secrets: BackupSecrets = {
    signingPrivate: toBase64(await exportPrivateRaw(keys.signing.privateKey)),
    signingPublic: toBase64(keys.signing.publicRaw),
    encryptionPrivate: toBase64(await exportPrivateRaw(keys.encryption.privateKey)),
    encryptionPublic: toBase64(keys.encryption.publicRaw),
  };
  const header = { format: 'techo-key-backup-v1' as const, kdf: kdf as KeyBackup['kdf'], ...who };
  const key = await wrappingKey(text, kdf, salt, PBKDF2_ITERATIONS);
  const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce, additionalData: aadOf(header) }, key,
    utf8(JSON.stringify(secrets)));
  return {
    ...header,
    ...(kdf === 'pbkdf2-sha256' ? { iterations: PBKDF2_ITERATIONS } : {}),
    salt: toBase64(salt), nonce: toBase64(nonce), ciphertext: toBase64(new Uint8Array(ciphertext)),
  };
}

export class WrongSecretError extends Error {}

/** Decrypts a backup into non-extractable keys; a wrong code or passphrase is a WrongSecretError. */
export async function restoreBackup(backup: KeyBackup, secret: string): Promise<DeviceKeys> {
  if (backup.format !== 'techo-key-backup-v1') {
    throw new Error('not a Techo key backup');
  }
  const text = backup.kdf === 'hkdf-sha256' ? normalizeRecoveryCode(secret) : secret;
  const key = await wrappingKey(text, backup.kdf, fromBase64(backup.salt), backup.iterations ?? PBKDF2_ITERATIONS);
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(backup.nonce), additionalData: aadOf(backup) }, key,
      fromBase64(backup.ciphertext));
  } catch {
    throw new WrongSecretError('the code or passphrase does not open this backup');
  }
  const secrets = JSON.parse(fromUtf8(new Uint8Array(plain))) as BackupSecrets;
  return {
    signing: await importKeyPair('Ed25519', fromBase64(secrets.signingPrivate), fromBase64(secrets.signingPublic), false),
    encryption: await importKeyPair('X25519', fromBase64(secrets.encryptionPrivate), fromBase64(secrets.encryptionPublic), false),
  };
}

/** The same keys, re-imported non-extractable: what the device keeps once the backup is written. */
export async function sealKeys(keys: DeviceKeys): Promise<DeviceKeys> {
  return {
    signing: await importKeyPair('Ed25519', await exportPrivateRaw(keys.signing.privateKey), keys.signing.publicRaw, false),
    encryption: await importKeyPair('X25519', await exportPrivateRaw(keys.encryption.privateKey), keys.encryption.publicRaw, false),
  };
}
