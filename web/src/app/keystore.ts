/**
 * The device's identity in IndexedDB: account, role and the CryptoKeys themselves (structured clone keeps them
 * non-extractable), plus settings the patient chose on this device. One identity per browser profile.
 */
import type { DeviceKeyPair, DeviceKeys } from '../crypto/keys';

export type Role = 'patient' | 'clinician';

export interface Identity {
  accountId: string;
  role: Role;
  displayName: string;
  keys: DeviceKeys;
  /** The log's verifier key, pinned the first time this device saw it. */
  logKey?: string;
  /** Clinicians who hold, in advance, the keys of the emergency categories (patients only). */
  emergencyReaders?: string[];
}

const DB = 'techo';
const STORE = 'identity';
const KEY = 'current';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB is unavailable'));
  });
}

async function run<T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = action(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result as T);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB failed'));
    });
  } finally {
    db.close();
  }
}

export function loadIdentity(): Promise<Identity | undefined> {
  return run<Identity | undefined>('readonly', (store) => store.get(KEY));
}

export async function saveIdentity(identity: Identity): Promise<void> {
  await run('readwrite', (store) => store.put(identity, KEY));
}

export async function forgetIdentity(): Promise<void> {
  await run('readwrite', (store) => store.delete(KEY));
}

/** True when the private keys cannot be read out of this browser (the normal state after onboarding). */
export function keysAreSealed(keys: DeviceKeys): boolean {
  const pairs: DeviceKeyPair[] = [keys.signing, keys.encryption];
  return pairs.every((pair) => !pair.privateKey.extractable);
}
