import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { fromBase64, fromUtf8, randomBytes, toBase64, utf8 } from '../../src/crypto/bytes';
import { canonicalize, type Json } from '../../src/crypto/jcs';
import { generateDeviceKeys, importKeyPair, sign, verify, type DeviceKeys } from '../../src/crypto/keys';
import { verifyConfirmation, type ChainData, type Confirmation } from '../../src/log/confirmation';
import { parseVerifierKey } from '../../src/log/note';
import { wrapDataKey } from '../../src/protocol/envelope';
import { openRecord, recordHeader, refOf, sealRecord, type RecordView } from '../../src/protocol/record';
import { grantBytes, keyAddedBytes, loginMessage, registrationBytes, type Grant } from '../../src/protocol/signed';
import { uuidV7 } from '../../src/protocol/uuid';

/**
 * Both directions of byte-for-byte interoperability with the Java implementation (module common):
 * opens and verifies what JavaVectorsTest wrote, and writes objects for BrowserVectorsIT to open and verify.
 */
const DIR = 'target/interop';
const JAVA = `${DIR}/java-vectors.json`;

interface JavaVectors {
  patient: { accountId: string; signingPrivate: string; signingPublic: string; encryptionPrivate: string; encryptionPublic: string };
  javaRecipient: { accountId: string; encryptionPublic: string };
  records: (RecordView & { plaintext: string; header: string })[];
  grants: (Grant & { canonical: string; signature: string })[];
  registration: { registrationId: string; accountId: string; signingKeyId: string; encryptionKeyId: string; challenge: string; canonical: string; signature: string };
  jcs: { input: string; canonical: string }[];
  anchored: { verifierKey: string; record: RecordView; confirmation: Confirmation; chain: ChainData };
}

if (!existsSync(JAVA)) {
  throw new Error(`${JAVA} is missing: the Maven test phase (JavaVectorsTest) writes it`);
}
const java = JSON.parse(readFileSync(JAVA, 'utf8')) as JavaVectors;
const out: Record<string, unknown> = {};

async function javaPatientKeys(): Promise<DeviceKeys> {
  const p = java.patient;
  return {
    signing: await importKeyPair('Ed25519', fromBase64(p.signingPrivate), fromBase64(p.signingPublic), false),
    encryption: await importKeyPair('X25519', fromBase64(p.encryptionPrivate), fromBase64(p.encryptionPublic), false),
  };
}

describe('objects made by the Java side', () => {
  it('opens and verifies every record, byte for byte', async () => {
    const keys = await javaPatientKeys();
    for (const record of java.records) {
      expect(fromUtf8(recordHeader(refOf(record), record.ciphertextSha256, record.signerKeyId))).toBe(record.header);
      const plaintext = await openRecord(record, keys, fromBase64(java.patient.signingPublic));
      expect(toBase64(plaintext)).toBe(record.plaintext);
    }
    expect(java.records).toHaveLength(3);
  });

  it('refuses a record whose ciphertext, header or AAD was changed', async () => {
    const keys = await javaPatientKeys();
    const record = java.records[0]!;
    const flipped = fromBase64(record.ciphertext!);
    flipped[20] = flipped[20]! ^ 1;
    await expect(openRecord({ ...record, ciphertext: toBase64(flipped) }, keys, fromBase64(java.patient.signingPublic))).rejects.toThrow(/hash/);
    await expect(openRecord({ ...record, category: 'glucose' }, keys, fromBase64(java.patient.signingPublic))).rejects.toThrow(/signature/);
  });

  it('rebuilds and verifies the signed grants and the registration object', async () => {
    const signingPublic = fromBase64(java.patient.signingPublic);
    for (const grant of java.grants) {
      const bytes = grantBytes(grant);
      expect(fromUtf8(bytes)).toBe(grant.canonical);
      expect(await verify(signingPublic, fromBase64(grant.signature), bytes)).toBe(true);
    }
    const r = java.registration;
    const bytes = registrationBytes(r.registrationId, r.accountId, r.signingKeyId, r.encryptionKeyId, fromBase64(r.challenge));
    expect(fromUtf8(bytes)).toBe(r.canonical);
    expect(await verify(signingPublic, fromBase64(r.signature), bytes)).toBe(true);
  });

  it('canonicalizes like the Java JCS', () => {
    for (const c of java.jcs) {
      expect(canonicalize(JSON.parse(c.input) as Json)).toBe(c.canonical);
    }
    expect(java.jcs.length).toBeGreaterThan(4);
  });

  it('verifies the anchored record: ciphertext, object, leaf, inclusion, checkpoint, chain', async () => {
    const a = java.anchored;
    const key = await parseVerifierKey(a.verifierKey);
    const results = await verifyConfirmation(a.confirmation, key, a.chain, fromBase64(a.record.ciphertext!));
    expect(results.map((r) => [r.name, r.ok])).toEqual([
      ['ciphertext', true], ['leaf-data', true], ['object', true], ['checkpoint', true], ['inclusion', true], ['chain', true]]);
    const movedLeaf = await verifyConfirmation({ ...a.confirmation, leafIndex: a.confirmation.leafIndex - 1 }, key, a.chain, null);
    expect(movedLeaf.find((r) => r.name === 'inclusion')?.ok).toBe(false);
    const otherRoot = { ...a.chain, tx: { ...a.chain.tx, status: 'PACKED' } };
    expect((await verifyConfirmation(a.confirmation, key, otherRoot, null)).find((r) => r.name === 'chain')?.ok).toBe(false);
    const wrongKey = await parseVerifierKey('techo.example/log+418b62bc+AddamAGCsQq31Uv+08lkBzoO4XLz2qYjJa8CGmj3B1Ea');
    expect((await verifyConfirmation(a.confirmation, wrongKey, a.chain, null)).find((r) => r.name === 'checkpoint')?.ok).toBe(false);
  });
});

describe('objects for the Java side', () => {
  it('seals records for the owner and for a Java recipient, signs grants, registration, key and login objects', async () => {
    const keys = await generateDeviceKeys(false);
    const owner = 'pat-browser';
    const plaintexts = [utf8('{"kind":"glucose","value":5.4,"unit":"mmol/L","note":"食後 2 時間"}'), randomBytes(3000), new Uint8Array(0)];
    const records: unknown[] = [];
    for (const [i, plaintext] of plaintexts.entries()) {
      const sealed = await sealRecord(keys, owner, ['glucose', 'attachment', 'note'][i]!, plaintext);
      const forJava = await wrapDataKey(sealed.dataKey, java.javaRecipient.accountId, fromBase64(java.javaRecipient.encryptionPublic), sealed.ref);
      records.push({ ...sealed.request, ownerId: owner, plaintext: toBase64(plaintext), javaEnvelope: { ...forJava } });
    }
    const grant: Grant = {
      grantId: uuidV7(), patientId: owner, granteeId: java.javaRecipient.accountId, recordIds: [uuidV7()],
      categories: ['glucose', 'blood-pressure'], purpose: 'TREAT', notBefore: '2026-11-24T10:00:00Z',
      notAfter: '2026-12-24T10:00:00.120Z', signerKeyId: keys.signing.keyId,
    };
    const challenge = randomBytes(32);
    const registrationId = uuidV7();
    const loginChallenge = 'eyJhbGciOi.challenge-' + toBase64(randomBytes(8));
    Object.assign(out, {
      signingPublic: toBase64(keys.signing.publicRaw),
      encryptionPublic: toBase64(keys.encryption.publicRaw),
      signingKeyId: keys.signing.keyId,
      encryptionKeyId: keys.encryption.keyId,
      records,
      grant: { ...grant, signature: toBase64(await sign(keys.signing.privateKey, grantBytes(grant))) },
      registration: {
        registrationId, accountId: owner, challenge: toBase64(challenge),
        signature: toBase64(await sign(keys.signing.privateKey, registrationBytes(registrationId, owner, keys.signing.keyId, keys.encryption.keyId, challenge))),
      },
      keyAdded: { partyId: owner, keyId: keys.encryption.keyId, use: 'ENCRYPTION', signature: toBase64(await sign(keys.signing.privateKey, keyAddedBytes(owner, keys.encryption.keyId, 'ENCRYPTION'))) },
      login: { challenge: loginChallenge, signature: toBase64(await sign(keys.signing.privateKey, loginMessage(loginChallenge))) },
      jcs: java.jcs.map((c) => ({ input: c.input, canonical: canonicalize(JSON.parse(c.input) as Json) })),
    });
    expect(records).toHaveLength(3);
  });
});

afterAll(() => {
  mkdirSync(DIR, { recursive: true });
  writeFileSync(`${DIR}/browser-vectors.json`, JSON.stringify(out, null, 2));
});
