/**
 * The patient's notebook: entries are encrypted, signed and wrapped on this device (for the patient and for every
 * clinician who currently holds a grant on the entry's kind, or holds the emergency categories in advance), listed
 * with their anchor status, opened, verified against the log and the chain, erased, exported.
 */
import { fromBase64, fromUtf8, utf8 } from '../crypto/bytes';
import { verifyConfirmation, type ChainData, type CheckResult, type Confirmation } from '../log/confirmation';
import { parseVerifierKey } from '../log/note';
import { wrapDataKey } from '../protocol/envelope';
import { dataKeyOf, openRecord, refOf, sealRecord, type RecordView } from '../protocol/record';
import { ApiError } from './api';
import type { Directory } from './directory';
import { saveIdentity } from './keystore';
import type { Session } from './session';
import { parseEntry, type Entry } from '../entries/kinds';
import type { Sharing } from './sharing';

export interface OpenedRecord {
  readonly view: RecordView;
  readonly entry: Entry;
}

export class LogKeyChangedError extends Error {}

const PAGE = 100;
const PARALLEL_READS = 6;

/** All pages of a cursor-paginated list. */
export async function allPages<T>(session: Session, path: string, query: Record<string, string | undefined> = {}): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await session.get<{ items: T[]; nextCursor?: string | null }>(path, { ...query, limit: String(PAGE), cursor });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return items;
}

/** Runs at most `limit` tasks at a time, keeping the order of the results. */
export async function inParallel<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  });
  await Promise.all(workers);
  return results;
}

export class Notebook {
  constructor(private readonly session: Session, private readonly directory: Directory, private readonly sharing: Sharing) {}

  private get identity() {
    return this.session.identity;
  }

  /** Encrypts and stores a new entry, then wraps its key for the clinicians who may read its kind. */
  async add(entry: Entry): Promise<RecordView> {
    const { accountId, keys } = this.identity;
    const sealed = await sealRecord(keys, accountId, entry.kind, utf8(JSON.stringify(entry)));
    const view = await this.session.post<RecordView>('/api/v1/records', sealed.request);
    for (const ownKey of await this.directory.otherOwnEncryptionKeys(accountId, keys.encryption.keyId)) {
      await this.session.post(`/api/v1/records/${sealed.ref.recordId}/envelopes`, await wrapDataKey(sealed.dataKey, accountId, ownKey, sealed.ref));
    }
    for (const recipient of await this.sharing.recipientsFor(entry.kind)) {
      const envelope = await wrapDataKey(sealed.dataKey, recipient, await this.directory.encryptionKey(recipient), sealed.ref);
      await this.session.post(`/api/v1/records/${sealed.ref.recordId}/envelopes`, envelope);
    }
    return view;
  }

  list(category?: string): Promise<RecordView[]> {
    return allPages<RecordView>(this.session, '/api/v1/records', { category });
  }

  read(recordId: string): Promise<RecordView> {
    return this.session.get<RecordView>(`/api/v1/records/${recordId}`);
  }

  async open(view: RecordView): Promise<OpenedRecord> {
    const full = view.ciphertext === undefined ? await this.read(view.recordId) : view;
    const signer = await this.directory.signingKey(full.ownerId, full.signerKeyId);
    const plaintext = await openRecord(full, this.identity.keys, signer);
    return { view: full, entry: parseEntry(fromUtf8(plaintext)) };
  }

  /** Opens many records, a few requests at a time; an entry that cannot be opened is reported, not fatal. */
  openAll(views: readonly RecordView[]): Promise<(OpenedRecord | { view: RecordView; error: unknown })[]> {
    return inParallel(views, PARALLEL_READS, (view) => this.open(view).catch((error: unknown) => ({ view, error })));
  }

  erase(recordId: string): Promise<void> {
    return this.session.delete(`/api/v1/records/${recordId}`);
  }

  /** Wraps the data keys of the owner's records of these categories for another party (after a grant). */
  async shareExisting(categories: readonly string[], recipientId: string): Promise<number> {
    const recipientKey = await this.directory.encryptionKey(recipientId);
    let shared = 0;
    for (const category of categories) {
      for (const summary of await this.list(category)) {
        const view = await this.read(summary.recordId);
        const envelope = await wrapDataKey(await dataKeyOf(view, this.identity.keys), recipientId, recipientKey, refOf(view));
        await this.session.post(`/api/v1/records/${view.recordId}/envelopes`, envelope);
        shared += 1;
      }
    }
    return shared;
  }

  /**
   * Checks the record's final proof in this browser: against the log key pinned the first time (a changed key is
   * refused), the record's ciphertext, and the IOST node's data fetched through the gateway.
   */
  async verify(recordId: string, readQuery: Record<string, string | undefined> = {}): Promise<CheckResult[]> {
    const confirmation = await this.session.get<Confirmation>(`/api/v1/records/${recordId}/proof`, readQuery);
    const view = await this.session.get<RecordView>(`/api/v1/records/${recordId}`, readQuery);
    const key = await parseVerifierKey(await this.pinnedLogKey());
    const chain = await this.chainData(confirmation.anchor.txHash);
    return verifyConfirmation(confirmation, key, chain, view.ciphertext === undefined ? null : fromBase64(view.ciphertext));
  }

  async pinnedLogKey(): Promise<string> {
    const { verifierKey } = await this.session.get<{ verifierKey: string }>('/api/v1/log/key');
    const pinned = this.identity.logKey;
    if (pinned === undefined) {
      this.identity.logKey = verifierKey;
      await saveIdentity(this.identity);
      return verifierKey;
    }
    if (pinned !== verifierKey) {
      throw new LogKeyChangedError('the log key differs from the pinned one');
    }
    return pinned;
  }

  /**
   * The node's data about the anchoring tx, through the gateway. A node that does not know the tx gives no data (the
   * chain check then fails); a node or gateway that is unavailable is an error to retry, not a failed proof.
   */
  private async chainData(txHash: string): Promise<ChainData | null> {
    try {
      const hash = encodeURIComponent(txHash);
      return {
        tx: await this.session.get<ChainData['tx']>(`/api/v1/chain/tx/${hash}`),
        receipt: await this.session.get<NonNullable<ChainData['receipt']>>(`/api/v1/chain/receipt/${hash}`),
      };
    } catch (e) {
      if (e instanceof ApiError && e.status >= 400 && e.status < 500 && e.status !== 401 && e.status !== 429) {
        return null;
      }
      throw e;
    }
  }
}
