/**
 * Verifies an anchor confirmation in the browser (docs/protocol.md §9, steps 1–6): ciphertext, committed object,
 * leaf data, inclusion, checkpoint signature by the pinned log key, and the IOST transaction as a node reports it.
 */
import { fromBase64, fromUtf8, sha256Hex, toHex } from '../crypto/bytes';
import { canonicalize } from '../crypto/jcs';
import { leafHash, verifyInclusion } from './merkle';
import { verifyCheckpoint, type PinnedKey } from './note';

export interface AnchorRef {
  chainId: number;
  contract: string;
  txHash: string;
  blockNumber: number;
  status: string;
  origin: string;
  size: number;
  rootHex: string;
  prevSize: number;
}

export interface Confirmation {
  logEventId: string;
  logEventType: string;
  subject: string;
  leafIndex: number;
  leafData: string;
  object?: string | null;
  auditPath: string[];
  checkpoint: string;
  anchor: AnchorRef;
}

/** An IOST node's getTxByHash and getTxReceiptByTxHash answers (snake_case, int64 as strings). */
export interface ChainData {
  tx: {
    status: string;
    block_number: string | number;
    transaction: { hash: string; chain_id: number; actions: { contract: string; action_name: string; data: string }[] };
  };
  receipt: { tx_hash: string; status_code: string; receipts?: { func_name: string; content: string }[] } | null;
}

export type CheckName = 'ciphertext' | 'object' | 'leaf-data' | 'inclusion' | 'checkpoint' | 'chain';

export interface CheckResult {
  readonly name: CheckName;
  readonly ok: boolean;
  readonly detail: string;
}

const LEAF_MEMBERS = ['eventId', 'objectSha256', 'salt', 'subject', 'time', 'type', 'v'];
const JAVA_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.(\d{3}|\d{6}|\d{9}))?Z$/;

function pass(name: CheckName, detail: string): CheckResult {
  return { name, ok: true, detail };
}

function fail(name: CheckName, detail: string): CheckResult {
  return { name, ok: false, detail };
}

/** The leaf data's members, when they are exactly the seven strings in canonical form. */
export function parseLeafData(bytes: Uint8Array): Record<string, string> {
  const text = fromUtf8(bytes);
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('leaf data is not an object');
  }
  const members = parsed as Record<string, unknown>;
  const keys = Object.keys(members).sort();
  if (keys.join() !== LEAF_MEMBERS.join() || keys.some((k) => typeof members[k] !== 'string')) {
    throw new Error('leaf data has other members than the seven strings of techo-leaf-v1');
  }
  const leaf = members as Record<string, string>;
  if (leaf.v !== 'techo-leaf-v1' || !/^[0-9a-f]{64}$/.test(leaf.objectSha256!) || fromBase64(leaf.salt!).length !== 16
    || !JAVA_INSTANT.test(leaf.time!) || canonicalize(leaf) !== text) {
    throw new Error('leaf data is not canonical techo-leaf-v1');
  }
  return leaf;
}

function chainCheck(anchor: AnchorRef, origin: string, size: bigint, rootHex: string, chain: ChainData): CheckResult {
  const problems: string[] = [];
  const tx = chain.tx.transaction;
  if (tx.hash !== anchor.txHash) problems.push(`the node's data is about tx ${tx.hash}`);
  if (chain.tx.status !== 'IRREVERSIBLE') problems.push(`the tx is ${chain.tx.status}, not IRREVERSIBLE`);
  else if (Number(chain.tx.block_number) !== anchor.blockNumber) problems.push(`the tx is in block ${chain.tx.block_number}`);
  if (tx.chain_id !== anchor.chainId) problems.push(`the tx is for chain ${tx.chain_id}`);
  const expected = [origin, Number(size), rootHex, anchor.prevSize];
  if (tx.actions.length !== 1) {
    problems.push(`the tx makes ${tx.actions.length} calls, not one`);
  } else {
    const action = tx.actions[0]!;
    if (action.contract !== anchor.contract || action.action_name !== 'anchor') problems.push('the tx does not call anchor on the contract');
    if (JSON.stringify(JSON.parse(action.data)) !== JSON.stringify(expected)) problems.push(`the call anchors ${action.data}`);
  }
  const receipt = chain.receipt;
  if (receipt === null || receipt.status_code !== 'SUCCESS' || receipt.tx_hash !== anchor.txHash) {
    problems.push('there is no successful receipt for the tx');
  } else {
    const records = (receipt.receipts ?? []).filter((r) => r.func_name === `${anchor.contract}/anchor`);
    const content = records.length === 1 ? (JSON.parse(records[0]!.content) as Record<string, unknown>) : null;
    if (content === null || Object.keys(content).length !== 4 || content.origin !== origin || content.size !== Number(size)
      || content.root !== rootHex || content.prev_size !== anchor.prevSize) {
      problems.push("the contract's receipt does not record this checkpoint");
    }
  }
  return problems.length === 0
    ? pass('chain', `tx ${tx.hash} is IRREVERSIBLE in block ${chain.tx.block_number} and anchors this checkpoint`)
    : fail('chain', problems.join('; '));
}

/** Runs every check; a failed check does not stop the others, so the report says everything that is wrong. */
export async function verifyConfirmation(c: Confirmation, key: PinnedKey, chain: ChainData | null,
  ciphertext: Uint8Array<ArrayBuffer> | null): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const leafData = fromBase64(c.leafData);
  const object = c.object ? fromBase64(c.object) : null;
  if (ciphertext !== null) {
    const header = object === null ? null : (JSON.parse(fromUtf8(object)) as { ciphertextSha256?: string });
    const hash = await sha256Hex(ciphertext);
    results.push(header?.ciphertextSha256 === hash ? pass('ciphertext', `SHA-256 ${hash}`)
      : fail('ciphertext', 'the ciphertext does not match the signed record header'));
  }
  let leaf: Record<string, string> | null = null;
  try {
    leaf = parseLeafData(leafData);
    const named = leaf.eventId === c.logEventId && leaf.type === c.logEventType && leaf.subject === c.subject;
    results.push(named ? pass('leaf-data', `event ${leaf.eventId} at ${leaf.time}`) : fail('leaf-data', 'the leaf names another event'));
  } catch (e) {
    results.push(fail('leaf-data', (e as Error).message));
  }
  if (object !== null && leaf !== null) {
    results.push((await sha256Hex(object)) === leaf.objectSha256 ? pass('object', 'the leaf commits to the record header')
      : fail('object', 'the leaf commits to another object'));
  }
  try {
    const checkpoint = await verifyCheckpoint(c.checkpoint, key);
    const rootHex = toHex(checkpoint.root);
    const matches = checkpoint.origin === c.anchor.origin && checkpoint.size === BigInt(c.anchor.size) && rootHex === c.anchor.rootHex;
    results.push(matches ? pass('checkpoint', `signed by ${key.name}, size ${checkpoint.size}`)
      : fail('checkpoint', 'the checkpoint differs from the anchor'));
    const included = await verifyInclusion(BigInt(c.leafIndex), checkpoint.size, await leafHash(leafData), c.auditPath.map(fromBase64), checkpoint.root)
      .catch(() => false);
    results.push(included ? pass('inclusion', `leaf ${c.leafIndex} of ${checkpoint.size}`) : fail('inclusion', 'the audit path does not lead to the root'));
    results.push(chain === null ? fail('chain', 'no chain data') : chainCheck(c.anchor, checkpoint.origin, checkpoint.size, rootHex, chain));
  } catch (e) {
    results.push(fail('checkpoint', (e as Error).message));
  }
  return results;
}
