/**
 * C2SP signed notes and tlog-checkpoints verified against one pinned Ed25519 verifier key
 * (`<name>+<8 hex key hash>+<base64(0x01 ‖ key)>`, golang.org/x/mod/sumdb/note), as docs/protocol.md §9 specifies.
 */
import { concat, equalBytes, fromBase64, sha256, toHex, utf8 } from '../crypto/bytes';
import { verify } from '../crypto/keys';

export interface PinnedKey {
  readonly name: string;
  readonly keyHash: Uint8Array;
  readonly publicKey: Uint8Array<ArrayBuffer>;
}

export interface Checkpoint {
  readonly origin: string;
  readonly size: bigint;
  readonly root: Uint8Array<ArrayBuffer>;
}

const MAX_NOTE = 64 * 1024;
const MAX_SIGNATURES = 100;
const NAME = /^[^\s+]+$/;

async function keyHashOf(name: string, typedKey: Uint8Array): Promise<Uint8Array> {
  return (await sha256(concat(utf8(name + '\n'), typedKey))).slice(0, 4);
}

export async function parseVerifierKey(vkey: string): Promise<PinnedKey> {
  const first = vkey.indexOf('+');
  const second = vkey.indexOf('+', first + 1);
  const parts = first < 0 || second < 0 ? [] : [vkey.slice(0, first), vkey.slice(first + 1, second), vkey.slice(second + 1)];
  if (parts.length !== 3 || !NAME.test(parts[0]!) || !/^[0-9a-f]{8}$/.test(parts[1]!)) {
    throw new Error('a verifier key is <name>+<8 hex key hash>+<base64 key>');
  }
  const typed = fromBase64(parts[2]!);
  if (typed.length !== 33 || typed[0] !== 1) {
    throw new Error('only Ed25519 verifier keys are supported');
  }
  const keyHash = await keyHashOf(parts[0]!, typed);
  if (toHex(keyHash) !== parts[1]) {
    throw new Error("the verifier key's hash does not match its name and key");
  }
  return { name: parts[0]!, keyHash, publicKey: typed.slice(1) };
}

/** Verifies the note's signature by the pinned key and returns its text (up to and including the last body line). */
export async function verifyNote(note: string, key: PinnedKey): Promise<string> {
  if (utf8(note).length > MAX_NOTE) {
    throw new Error('the note is larger than 64 KiB');
  }
  if (/[\u0000-\u0009\u000b-\u001f\u007f]/.test(note)) {
    throw new Error('the note has control characters');
  }
  const split = note.indexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) {
    throw new Error('the note has no blank line before its signatures');
  }
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2, -1).split('\n');
  if (lines.length === 0 || lines.length > MAX_SIGNATURES) {
    throw new Error('the note has no or too many signatures');
  }
  for (const line of lines) {
    const match = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/.exec(line);
    if (match === null) {
      throw new Error('malformed signature line');
    }
    const blob = fromBase64(match[2]!);
    if (match[1] !== key.name || blob.length < 4 || !equalBytes(blob.slice(0, 4), key.keyHash)) {
      continue;
    }
    if (blob.length !== 68 || !(await verify(key.publicKey, blob.slice(4), utf8(text)))) {
      throw new Error('the checkpoint signature by the pinned log key does not verify');
    }
    return text;
  }
  throw new Error('the note has no signature by the pinned log key');
}

export async function verifyCheckpoint(note: string, key: PinnedKey): Promise<Checkpoint> {
  const lines = (await verifyNote(note, key)).split('\n');
  if (lines.length < 4 || !/^(0|[1-9][0-9]{0,18})$/.test(lines[1]!)) {
    throw new Error('the checkpoint body is malformed');
  }
  const root = fromBase64(lines[2]!);
  if (root.length !== 32) {
    throw new Error('the checkpoint root is not a SHA-256 hash');
  }
  return { origin: lines[0]!, size: BigInt(lines[1]!), root };
}
