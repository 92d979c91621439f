/** The clinician's side: what patients shared and until when, their entries, and break-glass emergency reads. */
import { fromUtf8 } from '../crypto/bytes';
import { openRecord, type RecordView } from '../protocol/record';
import { parseEntry } from '../entries/kinds';
import type { Directory } from './directory';
import type { OpenedRecord } from './notebook';
import { allPages } from './notebook';
import type { Session } from './session';
import type { GrantView } from './sharing';

export interface ReadPurpose {
  readonly purpose: 'TREAT' | 'ETREAT' | string;
  readonly breakGlassReason?: string;
}

/**
 * HTTP header values are Latin-1: a reason in Japanese is percent-encoded (UTF-8), which the patient's access log
 * decodes for display; plain ASCII travels as typed.
 */
export function headerSafe(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : encodeURIComponent(text);
}

export class Clinic {
  constructor(private readonly session: Session, private readonly directory: Directory) {}

  grants(): Promise<GrantView[]> {
    return allPages<GrantView>(this.session, '/api/v1/grants');
  }

  /** The patient's entries whose keys were wrapped for this clinician. */
  records(patientId: string): Promise<RecordView[]> {
    return allPages<RecordView>(this.session, '/api/v1/records', { ownerId: patientId });
  }

  /** Reads (decided by consent, logged in the patient's access log) and decrypts one entry. */
  async read(recordId: string, how: ReadPurpose): Promise<OpenedRecord> {
    const headers: Record<string, string> = how.breakGlassReason === undefined ? {} : { 'X-Break-Glass-Reason': headerSafe(how.breakGlassReason) };
    const view = await this.session.get<RecordView>(`/api/v1/records/${recordId}`, { purpose: how.purpose }, headers);
    const signer = await this.directory.signingKey(view.ownerId, view.signerKeyId);
    const plaintext = await openRecord(view, this.session.identity.keys, signer);
    return { view, entry: parseEntry(fromUtf8(plaintext)) };
  }
}
