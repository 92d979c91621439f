/**
 * Consent from the patient's device: signed grants (docs/protocol.md §7) with the data keys of the covered entries
 * wrapped for the grantee, revocation, the emergency categories and who holds their keys in advance, the access log.
 */
import { toBase64 } from '../crypto/bytes';
import { sign } from '../crypto/keys';
import { grantBytes, javaInstant, type Grant } from '../protocol/signed';
import { uuidV7 } from '../protocol/uuid';
import { saveIdentity } from './keystore';
import { allPages } from './notebook';
import type { Session } from './session';

export interface GrantView {
  grantId: string;
  patientId: string;
  granteeId: string;
  granteeKind?: string;
  scope: { recordIds: string[]; categories: string[] };
  purpose: string;
  notBefore: string;
  notAfter: string;
  status: 'ACTIVE' | 'REVOKED' | 'EXPIRED';
  createdAt: string;
  revokedAt?: string;
}

export interface AccessEntry {
  accessId: string;
  accessorId: string;
  recordId: string;
  category: string;
  purpose: string;
  decision: 'PERMIT' | 'PERMIT_BREAK_GLASS' | 'DENY';
  reason: string;
  breakGlassReason?: string;
  decidedAt: string;
}

export const PURPOSES = ['TREAT', 'CAREMGT', 'PATRQT', 'FAMRQT', 'HRESCH', 'PUBHLTH'] as const;

export function isCurrent(grant: GrantView, now: number = Date.now()): boolean {
  return grant.status === 'ACTIVE' && Date.parse(grant.notBefore) <= now && now < Date.parse(grant.notAfter);
}

export class Sharing {
  constructor(private readonly session: Session) {}

  grants(): Promise<GrantView[]> {
    return allPages<GrantView>(this.session, '/api/v1/grants');
  }

  /** Signs and stores a grant from now until the end of `until` (UTC); returns its id. */
  async grant(granteeId: string, categories: string[], purpose: string, until: Date): Promise<string> {
    const { accountId, keys } = this.session.identity;
    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    const grant: Grant = {
      grantId: uuidV7(), patientId: accountId, granteeId, recordIds: [], categories, purpose,
      notBefore: javaInstant(now), notAfter: javaInstant(until), signerKeyId: keys.signing.keyId,
    };
    const signature = toBase64(await sign(keys.signing.privateKey, grantBytes(grant)));
    await this.session.post('/api/v1/grants', {
      grantId: grant.grantId, granteeId, scope: { recordIds: [], categories }, purpose,
      notBefore: grant.notBefore, notAfter: grant.notAfter, signerKeyId: grant.signerKeyId, signature,
    });
    return grant.grantId;
  }

  revoke(grantId: string): Promise<void> {
    return this.session.delete(`/api/v1/grants/${grantId}`);
  }

  accessLog(): Promise<AccessEntry[]> {
    return allPages<AccessEntry>(this.session, '/api/v1/access-log');
  }

  async emergencyCategories(): Promise<string[]> {
    const { accountId } = this.session.identity;
    return (await this.session.get<{ categories: string[] }>(`/api/v1/patients/${accountId}/emergency-categories`)).categories;
  }

  /** Designates the emergency categories and remembers which clinicians hold their keys in advance. */
  async setEmergency(categories: string[], readers: string[]): Promise<void> {
    const identity = this.session.identity;
    await this.session.call('PUT', `/api/v1/patients/${identity.accountId}/emergency-categories`, { body: { categories } });
    identity.emergencyReaders = readers;
    await saveIdentity(identity);
  }

  /** Everyone (besides the patient) a new entry of this kind must be wrapped for. */
  async recipientsFor(category: string): Promise<string[]> {
    const granted = (await this.grants()).filter((g) => isCurrent(g) && g.scope.categories.includes(category)).map((g) => g.granteeId);
    const readers = this.session.identity.emergencyReaders ?? [];
    const emergency = readers.length > 0 && (await this.emergencyCategories()).includes(category) ? readers : [];
    return [...new Set([...granted, ...emergency])];
  }
}
