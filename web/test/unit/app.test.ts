import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { headerSafe } from '../../src/app/clinic';
import { forgetIdentity, keysAreSealed, loadIdentity, saveIdentity } from '../../src/app/keystore';
import { inParallel } from '../../src/app/notebook';
import { isCurrent, type GrantView } from '../../src/app/sharing';
import { utf8 } from '../../src/crypto/bytes';
import { generateDeviceKeys, sign, verify } from '../../src/crypto/keys';
import { bundle } from '../../src/entries/fhir';
import { parseEntry, summary, type Entry } from '../../src/entries/kinds';
import { javaInstant } from '../../src/protocol/signed';
import { uuidV7 } from '../../src/protocol/uuid';

describe('keystore', () => {
  it('keeps non-extractable CryptoKeys in IndexedDB and they still sign', async () => {
    const keys = await generateDeviceKeys(false);
    await saveIdentity({ accountId: 'pat-1', role: 'patient', displayName: 'Hanako', keys });
    const loaded = await loadIdentity();
    expect(loaded?.accountId).toBe('pat-1');
    expect(keysAreSealed(loaded!.keys)).toBe(true);
    const message = utf8('stored');
    expect(await verify(keys.signing.publicRaw, await sign(loaded!.keys.signing.privateKey, message), message)).toBe(true);
    await forgetIdentity();
    expect(await loadIdentity()).toBeUndefined();
  });
});

describe('protocol helpers', () => {
  it('makes UUIDv7 ids in time order', () => {
    const a = uuidV7(1_700_000_000_000);
    const b = uuidV7(1_700_000_000_001);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a < b).toBe(true);
  });

  it("writes instants in Java's canonical form", () => {
    expect(javaInstant(new Date('2026-11-24T10:00:00.000Z'))).toBe('2026-11-24T10:00:00Z');
    expect(javaInstant(new Date('2026-11-24T10:00:00.120Z'))).toBe('2026-11-24T10:00:00.120Z');
  });

  it('percent-encodes a break-glass reason only when a header cannot carry it', () => {
    expect(headerSafe('unconscious, allergy check')).toBe('unconscious, allergy check');
    expect(headerSafe('意識なし')).toBe('%E6%84%8F%E8%AD%98%E3%81%AA%E3%81%97');
  });

  it('runs tasks with bounded concurrency, keeping order', async () => {
    let running = 0;
    let peak = 0;
    const out = await inParallel([5, 1, 4, 2, 3], 2, async (n) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, n));
      running -= 1;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
  });

  it('knows when a grant is in force', () => {
    const grant = { status: 'ACTIVE', notBefore: '2026-01-01T00:00:00Z', notAfter: '2026-02-01T00:00:00Z' } as GrantView;
    expect(isCurrent(grant, Date.parse('2026-01-15T00:00:00Z'))).toBe(true);
    expect(isCurrent(grant, Date.parse('2026-02-01T00:00:00Z'))).toBe(false);
    expect(isCurrent({ ...grant, status: 'REVOKED' }, Date.parse('2026-01-15T00:00:00Z'))).toBe(false);
  });
});

describe('entries', () => {
  const bp: Entry = { kind: 'blood-pressure', takenAt: '2026-11-24T07:00:00.000Z', values: { systolic: 128, diastolic: 82 } };

  it('parses only notebook entries and summarizes them', () => {
    expect(summary(parseEntry(JSON.stringify(bp)))).toBe('128/82 mmHg');
    expect(() => parseEntry('{"kind":"x","takenAt":"t","values":{}}')).toThrow();
    expect(() => parseEntry('[]')).toThrow();
  });

  it('exports a FHIR R4 Bundle with LOINC-coded observations and the attachment', () => {
    const pdf: Entry = { kind: 'attachment', takenAt: bp.takenAt, values: { title: 'Lab' }, attachment: { name: 'lab.pdf', mediaType: 'application/pdf', data: 'JVBERg==' } };
    const fhir = bundle('pat-1', 'Hanako', [{ recordId: 'r1', entry: bp }, { recordId: 'r2', entry: pdf }]) as { resourceType: string; type: string; entry: { resource: Record<string, unknown> }[] };
    expect(fhir.resourceType).toBe('Bundle');
    expect(fhir.type).toBe('collection');
    expect(fhir.entry.map((e) => e.resource.resourceType)).toEqual(['Patient', 'Observation', 'DocumentReference']);
    const observation = JSON.stringify(fhir.entry[1]!.resource);
    expect(observation).toContain('"code":"85354-9"');
    expect(observation).toContain('"code":"8480-6"');
    expect(observation).toContain('"value":128');
    expect(JSON.stringify(fhir.entry[2]!.resource)).toContain('"data":"JVBERg=="');
  });
});
