import { describe, expect, it } from 'vitest';
import { fromBase64, fromHex, fromUtf8, sha256Hex, toBase64, toHex, utf8 } from '../../src/crypto/bytes';
import { canonicalize } from '../../src/crypto/jcs';
import { importKeyPair, sign, verify } from '../../src/crypto/keys';
import { openPayload, recordAad, sealPayload } from '../../src/crypto/payload';
import { unwrapDataKey } from '../../src/protocol/envelope';
import { recordHeader } from '../../src/protocol/record';

/** The worked vectors of docs/protocol.md "Test vectors", which the Java side asserts too. */
const ref = { recordId: '019ab5e2-7c3d-7b1e-9f00-3c4d5e6f7a8b', version: 1, ownerId: 'pat-0001', category: 'blood-pressure' };
const DEVICE_SEED = fromHex('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60');
const DEVICE_PUBLIC = fromHex('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
const SEALED = '0f0e0d0c0b0a090807060504df12c22528a3c0c282bc936509a8b12d4b027601bc2d9e083f2a8cc50a38cd7947e6db37ffa00d7670997ca16f34cf';
const CIPHERTEXT_SHA256 = '63ea82d581030957a1c75e266b95df1b5c7db82aa054d58e34ae13e4ab80ed9f';

describe('docs/protocol.md test vectors', () => {
  it('builds the AAD', () => {
    expect(fromUtf8(recordAad(ref))).toBe(
      '{"category":"blood-pressure","ownerId":"pat-0001","recordId":"019ab5e2-7c3d-7b1e-9f00-3c4d5e6f7a8b","suite":"techo-v1","version":1}');
  });

  it('seals the payload with the fixed nonce byte for byte, and opens it', async () => {
    const dataKey = fromHex('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f');
    const sealed = await sealPayload(dataKey, recordAad(ref), utf8('{"systolic":128,"diastolic":82}'), fromHex('0f0e0d0c0b0a090807060504'));
    expect(toHex(sealed)).toBe(SEALED);
    expect(await sha256Hex(sealed)).toBe(CIPHERTEXT_SHA256);
    expect(fromUtf8(await openPayload(dataKey, recordAad(ref), sealed))).toBe('{"systolic":128,"diastolic":82}');
    await expect(openPayload(dataKey, recordAad({ ...ref, version: 2 }), sealed)).rejects.toThrow();
  });

  it('signs the header as the Java side does (Ed25519 is deterministic)', async () => {
    const device = await importKeyPair('Ed25519', DEVICE_SEED, DEVICE_PUBLIC, false);
    expect(device.keyId).toBe('21fe31dfa154a261626bf854046fd2271b7bed4b6abe45aa58877ef47f9721b9');
    const header = recordHeader(ref, CIPHERTEXT_SHA256, device.keyId);
    expect(await sha256Hex(header)).toBe('6f6a5460e2da56e5f84d930c6551689c25df5b23dd867418a262d52643ec16bd');
    const signature = await sign(device.privateKey, header);
    expect(toBase64(signature)).toBe('HgeRsvlEG2HnPeECcOfnMbjIX1fQ0lt1tQck9pvNpWVQ/WRsjQAM2il+0I3DP36EGj4RBX0Ug15ScpQtv2AOBQ==');
    expect(await verify(DEVICE_PUBLIC, signature, header)).toBe(true);
    header[10] = header[10]! ^ 1;
    expect(await verify(DEVICE_PUBLIC, signature, header)).toBe(false);
  });

  it('opens the worked envelope with the recipient key of RFC 9180 A.1', async () => {
    const skR = fromHex('4612c550263fc8ad58375df3f557aac531d26850903e55a9f23f21d8534e8ac8');
    const pkR = fromHex('3948cfe0ad1ddb695d780e59077195da6c56506b027329794ab02bca80815c4d');
    const recipient = await importKeyPair('X25519', skR, pkR, false);
    expect(recipient.keyId).toBe('8b228cd75ab70badbec1beb5233f068a684fe81c7c6261c0c8a7af320e9d841b');
    const envelope = {
      suite: 'techo-v1', recipientId: 'pat-0001', recipientKeyId: recipient.keyId,
      enc: toBase64(fromHex('37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431')),
      wrappedKey: toBase64(fromHex('7e1fc2015bceaae55e0734bf228d59d919ecd1b9d7142576eeaf5ab0b7fb696076a31222fcd44b3ed53d73eb8680b3fe')),
    };
    expect(toHex(await unwrapDataKey(envelope, recipient, ref))).toBe('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f');
    await expect(unwrapDataKey(envelope, recipient, { ...ref, category: 'glucose' })).rejects.toThrow();
  });
});

describe('RFC 8785', () => {
  it('sorts by UTF-16 code units and writes ECMAScript numbers', () => {
    expect(canonicalize({ '\u20ac': 1, '\r': 2, '\ud83d\ude00': 3, '1': 4, '\u00f6': 5 }))
      .toBe('{"\\r":2,"1":4,"\u00f6":5,"\u20ac":1,"\ud83d\ude00":3}');
    expect(canonicalize([1e21, 1e-7, -0, 0.000001, 333333333.3333333, 1e23])).toBe('[1e+21,1e-7,0,0.000001,333333333.3333333,1e+23]');
    expect(canonicalize({ a: 'line\nbreak "q" \u0007', b: [true, false, null] })).toBe('{"a":"line\\nbreak \\"q\\" \\u0007","b":[true,false,null]}');
  });

  it('refuses what JSON cannot carry', () => {
    expect(() => canonicalize(Number.NaN)).toThrow();
  });
});

describe('bytes', () => {
  it('refuses base64 that is not standard', () => {
    expect(() => fromBase64('AB-_')).toThrow();
    expect(toHex(fromBase64('AAECAwQFBgcICQoLDA0ODw=='))).toBe('000102030405060708090a0b0c0d0e0f');
  });
});
