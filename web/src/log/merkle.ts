/** RFC 9162 §2.1 hashing and inclusion proof verification, with exact proof lengths (docs/protocol.md §9). */
import { concat, equalBytes, sha256 } from '../crypto/bytes';

export function leafHash(leafData: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  return sha256(concat(new Uint8Array([0]), leafData));
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  return sha256(concat(new Uint8Array([1]), left, right));
}

function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

function popCount(n: bigint): number {
  return n.toString(2).replace(/0/g, '').length;
}

/** The root an inclusion proof implies; throws when index, hash lengths or proof length do not fit the size. */
export async function rootFromInclusionProof(index: bigint, size: bigint, leaf: Uint8Array, proof: readonly Uint8Array[]): Promise<Uint8Array> {
  if (index < 0n || index >= size) {
    throw new Error(`leaf index ${index} is not in a tree of size ${size}`);
  }
  if (leaf.length !== 32 || proof.some((p) => p.length !== 32)) {
    throw new Error('hashes are 32 bytes');
  }
  const inner = bitLength(index ^ (size - 1n));
  const border = popCount(index >> BigInt(inner));
  if (proof.length !== inner + border) {
    throw new Error(`the proof has ${proof.length} hashes, a leaf ${index} of ${size} needs ${inner + border}`);
  }
  let hash: Uint8Array = leaf;
  for (let i = 0; i < inner; i++) {
    hash = ((index >> BigInt(i)) & 1n) === 0n ? await nodeHash(hash, proof[i]!) : await nodeHash(proof[i]!, hash);
  }
  for (let i = inner; i < proof.length; i++) {
    hash = await nodeHash(proof[i]!, hash);
  }
  return hash;
}

export async function verifyInclusion(index: bigint, size: bigint, leaf: Uint8Array, proof: readonly Uint8Array[], root: Uint8Array): Promise<boolean> {
  return equalBytes(await rootFromInclusionProof(index, size, leaf, proof), root);
}
