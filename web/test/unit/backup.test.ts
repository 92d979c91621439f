import { describe, expect, it } from 'vitest';
import { createBackup, newRecoveryCode, normalizeRecoveryCode, restoreBackup, sealKeys, WrongSecretError } from '../../src/app/backup';
import { utf8 } from '../../src/crypto/bytes';
import { generateDeviceKeys, sign, verify } from '../../src/crypto/keys';

const who = { accountId: 'pat-1', role: 'patient' as const, displayName: 'Hanako' };

describe('key backup and recovery kit', () => {
  it('makes 150-bit codes in groups of five from an alphabet without look-alikes', () => {
    const code = newRecoveryCode();
    expect(code).toMatch(/^([A-HJ-NP-Z2-9]{5}-){5}[A-HJ-NP-Z2-9]{5}$/);
    expect(newRecoveryCode()).not.toBe(code);
    expect(normalizeRecoveryCode(' abcde-fghjk ')).toBe('ABCDEFGHJK');
  });

  it('restores the same keys from the recovery code, non-extractable, and refuses a wrong code', async () => {
    const keys = await generateDeviceKeys(true);
    const code = newRecoveryCode();
    const backup = await createBackup(keys, who, { recoveryCode: code });
    expect(JSON.stringify(backup)).not.toContain(code.replace(/-/g, ''));
    const restored = await restoreBackup(backup, code.toLowerCase());
    expect(restored.signing.keyId).toBe(keys.signing.keyId);
    expect(restored.encryption.keyId).toBe(keys.encryption.keyId);
    expect(restored.signing.privateKey.extractable).toBe(false);
    const message = utf8('restored');
    expect(await verify(keys.signing.publicRaw, await sign(restored.signing.privateKey, message), message)).toBe(true);
    await expect(restoreBackup(backup, newRecoveryCode())).rejects.toBeInstanceOf(WrongSecretError);
    await expect(restoreBackup({ ...backup, accountId: 'pat-2' }, code)).rejects.toBeInstanceOf(WrongSecretError);
  });

  it('protects an export with a passphrase (PBKDF2)', async () => {
    const keys = await generateDeviceKeys(true);
    const backup = await createBackup(keys, who, { passphrase: 'correct horse battery staple' });
    expect(backup.kdf).toBe('pbkdf2-sha256');
    expect(backup.iterations).toBe(600_000);
    expect((await restoreBackup(backup, 'correct horse battery staple')).signing.keyId).toBe(keys.signing.keyId);
    await expect(restoreBackup(backup, 'wrong horse battery staple')).rejects.toBeInstanceOf(WrongSecretError);
  });

  it('keeps the device keys non-extractable after onboarding', async () => {
    const sealed = await sealKeys(await generateDeviceKeys(true));
    expect(sealed.signing.privateKey.extractable).toBe(false);
    expect(sealed.encryption.privateKey.extractable).toBe(false);
  });
});
