import { describe, expect, it } from 'vitest';
import { fromBase64, toHex, utf8 } from '../../src/crypto/bytes';
import { parseLeafData } from '../../src/log/confirmation';
import { leafHash, nodeHash, verifyInclusion } from '../../src/log/merkle';
import { parseVerifierKey, verifyCheckpoint } from '../../src/log/note';

/** The worked log vector of docs/protocol.md §9. */
const LEAF = '{"eventId":"019ab5e2-8000-7000-8000-000000000001","objectSha256":"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad","salt":"AAECAwQFBgcICQoLDA0ODw==","subject":"019ab5e2-7c3d-7b1e-9f00-3c4d5e6f7a8b","time":"2026-11-24T10:00:00Z","type":"techo.record.stored","v":"techo-leaf-v1"}';
const VKEY = 'techo.example/log+418b62bc+AddamAGCsQq31Uv+08lkBzoO4XLz2qYjJa8CGmj3B1Ea';
const NOTE = 'techo.example/log\n2\nHpZzs/CbjHSWskS2n89AvdFTTqpqd5IFDwzPCQrgii0=\n\n'
  + '\u2014 techo.example/log QYtivFQxu3zye0plAB4ey08PqROS3Vnzs+twMNJNEooMXV5aFwdu4pbeRYW9PiQrYTUJuybERdGIc1etGEGQwz/17A0=\n';

describe('log proofs', () => {
  it('hashes the worked leaf and the 2-leaf tree', async () => {
    const leaf = await leafHash(utf8(LEAF));
    expect(toHex(leaf)).toBe('f0f549f69817bdf6f90e515fbc65daae293b908906196c26b45e8f1fff97795c');
    const second = await leafHash(utf8('second'));
    const root = await nodeHash(leaf, second);
    expect(toHex(root)).toBe('1e9673b3f09b8c7496b244b69fcf40bdd1534eaa6a7792050f0ccf090ae08a2d');
    expect(toHex(fromBase64('qU3U08LG0lSMpOVg1ycnurXXlVABkfW4VXkTDdOxRgM='))).toBe(toHex(second));
    expect(await verifyInclusion(0n, 2n, leaf, [second], root)).toBe(true);
    expect(await verifyInclusion(1n, 2n, leaf, [second], root)).toBe(false);
    await expect(verifyInclusion(0n, 2n, leaf, [second, second], root)).rejects.toThrow(/needs 1/);
    await expect(verifyInclusion(2n, 2n, leaf, [second], root)).rejects.toThrow(/not in a tree/);
  });

  it('verifies the signed checkpoint with the pinned key and refuses a changed one', async () => {
    const key = await parseVerifierKey(VKEY);
    const checkpoint = await verifyCheckpoint(NOTE, key);
    expect(checkpoint.origin).toBe('techo.example/log');
    expect(checkpoint.size).toBe(2n);
    expect(toHex(checkpoint.root)).toBe('1e9673b3f09b8c7496b244b69fcf40bdd1534eaa6a7792050f0ccf090ae08a2d');
    await expect(verifyCheckpoint(NOTE.replace('\n2\n', '\n3\n'), key)).rejects.toThrow(/does not verify/);
    await expect(verifyCheckpoint(NOTE.replace('\u2014 techo.example/log', '\u2014 other/log'), key)).rejects.toThrow(/no signature/);
    await expect(parseVerifierKey(VKEY.replace('418b62bc', '418b62bd'))).rejects.toThrow(/hash/);
  });

  it('parses leaf data strictly', () => {
    expect(parseLeafData(utf8(LEAF)).eventId).toBe('019ab5e2-8000-7000-8000-000000000001');
    expect(() => parseLeafData(utf8(LEAF.replace('"v":', ' "v":')))).toThrow(/canonical/);
    expect(() => parseLeafData(utf8(LEAF.replace('10:00:00Z', '10:00:00.0Z')))).toThrow(/canonical/);
    expect(() => parseLeafData(utf8(LEAF.replace('"salt":"AAECAwQFBgcICQoLDA0ODw=="', '"salt":"AAEC"')))).toThrow(/canonical/);
  });
});
