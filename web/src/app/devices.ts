/**
 * A second device for the same account (docs/protocol.md §8, "a further device key"): the new browser makes its
 * keys and proves its signing key; an existing device authorizes both keys in the directory and wraps the data key
 * of every entry for the new encryption key, so the new device opens the whole notebook.
 */
import { fromBase64, toBase64 } from '../crypto/bytes';
import { keyId, sign, type DeviceKeys } from '../crypto/keys';
import { wrapDataKey } from '../protocol/envelope';
import { dataKeyOf, refOf } from '../protocol/record';
import { keyAddedBytes } from '../protocol/signed';
import type { Notebook } from './notebook';
import type { Session } from './session';

/** What the new device shows, for the existing one to authorize. */
export interface DeviceRequest {
  accountId: string;
  signingKey: string;
  encryptionKey: string;
  proof: string;
}

export async function deviceRequest(accountId: string, keys: DeviceKeys): Promise<DeviceRequest> {
  return {
    accountId,
    signingKey: toBase64(keys.signing.publicRaw),
    encryptionKey: toBase64(keys.encryption.publicRaw),
    proof: toBase64(await sign(keys.signing.privateKey, keyAddedBytes(accountId, keys.signing.keyId, 'SIGNING'))),
  };
}

/** On the existing device: registers both keys, authorized by this device's signing key; returns the entries shared. */
export async function authorizeDevice(session: Session, notebook: Notebook, request: DeviceRequest): Promise<number> {
  const { accountId, keys } = session.identity;
  if (request.accountId !== accountId) {
    throw new Error('the request is for another account');
  }
  const add = async (use: 'SIGNING' | 'ENCRYPTION', publicKey: string, proof?: string) => {
    const id = await keyId(fromBase64(publicKey));
    const authorization = toBase64(await sign(keys.signing.privateKey, keyAddedBytes(accountId, id, use)));
    await session.post(`/api/v1/parties/${accountId}/keys`, { use, publicKey, authorizingKeyId: keys.signing.keyId, authorization, proof });
  };
  await add('SIGNING', request.signingKey, request.proof);
  await add('ENCRYPTION', request.encryptionKey);
  const newKey = fromBase64(request.encryptionKey);
  let shared = 0;
  for (const summary of await notebook.list()) {
    const view = await notebook.read(summary.recordId);
    const envelope = await wrapDataKey(await dataKeyOf(view, keys), accountId, newKey, refOf(view));
    await session.post(`/api/v1/records/${view.recordId}/envelopes`, envelope);
    shared += 1;
  }
  return shared;
}
