/** The other signed objects of docs/protocol.md: grants (§7), registration (§8), added keys (§8), login. */
import { toBase64, utf8 } from '../crypto/bytes';
import { canonicalBytes } from '../crypto/jcs';
import { SUITE } from '../crypto/keys';

export interface Grant {
  grantId: string;
  patientId: string;
  granteeId: string;
  recordIds: string[];
  categories: string[];
  purpose: string;
  notBefore: string;
  notAfter: string;
  signerKeyId: string;
}

export function grantBytes(g: Grant): Uint8Array<ArrayBuffer> {
  return canonicalBytes({
    grantId: g.grantId, granteeId: g.granteeId, notAfter: g.notAfter, notBefore: g.notBefore, patientId: g.patientId,
    purpose: g.purpose, scope: { categories: g.categories, recordIds: g.recordIds }, signerKeyId: g.signerKeyId,
    suite: SUITE, type: 'techo.consent.grant',
  });
}

export function registrationBytes(registrationId: string, accountId: string, signingKeyId: string, encryptionKeyId: string,
  challenge: Uint8Array): Uint8Array<ArrayBuffer> {
  return canonicalBytes({
    accountId, challenge: toBase64(challenge), encryptionKeyId, registrationId, signingKeyId, suite: SUITE,
    type: 'techo.party.registration',
  });
}

export function keyAddedBytes(partyId: string, keyId: string, use: 'SIGNING' | 'ENCRYPTION'): Uint8Array<ArrayBuffer> {
  return canonicalBytes({ keyId, partyId, suite: SUITE, type: 'techo.party.key-added', use });
}

/** What a device signs to log in: the domain line, LF, the challenge exactly as received. */
export function loginMessage(challenge: string): Uint8Array<ArrayBuffer> {
  return utf8('techo-v1/login\n' + challenge);
}

/**
 * An instant in Java's canonical Instant form (seconds precision when the fraction is zero, else the shortest of
 * 3/6/9 digits), which the consent-service requires because it rebuilds the signed bytes.
 */
export function javaInstant(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('.000Z') ? iso.slice(0, -5) + 'Z' : iso;
}
