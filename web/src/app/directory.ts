/** The consent-service directory as a device uses it: registration with proof of both keys, key lookups, search. */
import { fromBase64, toBase64, utf8 } from '../crypto/bytes';
import { hpkeOpen, REGISTRATION_INFO } from '../crypto/hpke';
import { sign, type DeviceKeys } from '../crypto/keys';
import { registrationBytes } from '../protocol/signed';
import { request } from './api';
import type { Session } from './session';

/** The directory's answer to a started registration: a challenge sealed to the new encryption key. */
export interface RegistrationChallenge {
  registrationId: string;
  accountId: string;
  enc: string;
  sealedChallenge: string;
}

export interface PartyKey {
  keyId: string;
  use: 'SIGNING' | 'ENCRYPTION';
  publicKey: string;
  status: 'ACTIVE' | 'RETIRED';
}

export interface Party {
  id: string;
  kind: string;
  displayName: string;
  facilityId?: string;
  keys: PartyKey[];
}

export interface ClinicianEntry {
  id: string;
  displayName: string;
  facilityId: string;
  facilityName: string;
}

/** What a device sends to start a registration (a clinician hands it to the operator who enrols them). */
export function registrationRequest(displayName: string, keys: DeviceKeys): { displayName: string; signingKey: string; encryptionKey: string } {
  return { displayName, signingKey: toBase64(keys.signing.publicRaw), encryptionKey: toBase64(keys.encryption.publicRaw) };
}

/** Opens the sealed challenge (proving the X25519 key) and signs the registration object (proving the Ed25519 key). */
export async function confirmRegistration(challenge: RegistrationChallenge, keys: DeviceKeys): Promise<string> {
  const answer = await hpkeOpen(keys.encryption, REGISTRATION_INFO, utf8(challenge.registrationId),
    { enc: fromBase64(challenge.enc), ciphertext: fromBase64(challenge.sealedChallenge) });
  const signed = registrationBytes(challenge.registrationId, challenge.accountId, keys.signing.keyId, keys.encryption.keyId, answer);
  const party = await request<{ id: string }>('POST', `/api/v1/registrations/${encodeURIComponent(challenge.registrationId)}/confirmation`, {
    body: { challenge: toBase64(answer), signature: toBase64(await sign(keys.signing.privateKey, signed)) },
  });
  return party.id;
}

export async function registerPatient(displayName: string, keys: DeviceKeys): Promise<string> {
  const challenge = await request<RegistrationChallenge>('POST', '/api/v1/registrations', { body: registrationRequest(displayName, keys) });
  return confirmRegistration(challenge, keys);
}

/** Parties' keys change rarely; one lookup per party and page load. */
export class Directory {
  private readonly parties = new Map<string, Promise<Party>>();

  constructor(private readonly session: Session) {}

  party(id: string): Promise<Party> {
    let found = this.parties.get(id);
    if (found === undefined) {
      found = this.session.get<Party>(`/api/v1/parties/${encodeURIComponent(id)}`);
      found.catch(() => this.parties.delete(id));
      this.parties.set(id, found);
    }
    return found;
  }

  /** A party's display name for the screens; its id when the directory cannot say. */
  async displayName(id: string): Promise<string> {
    try {
      return (await this.party(id)).displayName;
    } catch {
      return id;
    }
  }

  /** Display names of several parties, by id. */
  async displayNames(ids: Iterable<string>): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    const names = await Promise.all(unique.map((id) => this.displayName(id)));
    return new Map(unique.map((id, i) => [id, names[i]!]));
  }

  /** The party's key with this id, active or retired (old signatures stay checkable). */
  async signingKey(partyId: string, keyId: string): Promise<Uint8Array<ArrayBuffer>> {
    const key = (await this.party(partyId)).keys.find((k) => k.keyId === keyId && k.use === 'SIGNING');
    if (key === undefined) {
      throw new Error('unknown signing key');
    }
    return fromBase64(key.publicKey);
  }

  async encryptionKey(partyId: string): Promise<Uint8Array<ArrayBuffer>> {
    const keys = (await this.party(partyId)).keys.filter((k) => k.use === 'ENCRYPTION' && k.status === 'ACTIVE');
    const newest = keys[keys.length - 1];
    if (newest === undefined) {
      throw new Error('the party has no active encryption key');
    }
    return fromBase64(newest.publicKey);
  }

  /** The account's other active encryption keys (its other devices), fresh from the directory. */
  async otherOwnEncryptionKeys(accountId: string, thisKeyId: string): Promise<Uint8Array<ArrayBuffer>[]> {
    this.parties.delete(accountId);
    return (await this.party(accountId)).keys.filter((k) => k.use === 'ENCRYPTION' && k.status === 'ACTIVE' && k.keyId !== thisKeyId)
      .map((k) => fromBase64(k.publicKey));
  }

  async searchClinicians(facility: string, name: string): Promise<ClinicianEntry[]> {
    return (await this.session.get<{ items: ClinicianEntry[] }>('/api/v1/parties', { kind: 'CLINICIAN', facility, name })).items;
  }
}
