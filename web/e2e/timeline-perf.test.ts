/**
 * Measurement, not a check (runs only with TECHO_E2E_PERF=<entries>): a patient with that many entries restores
 * their keys in a fresh Chromium profile; the time from "Restore" to the timeline showing every entry decrypted is
 * written to test-results/timeline-perf.json. The entries are made outside the browser with the same code.
 */
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createBackup, newRecoveryCode } from '../src/app/backup';
import { registerPatient } from '../src/app/directory';
import { setApiBase } from '../src/app/api';
import { Session } from '../src/app/session';
import { utf8 } from '../src/crypto/bytes';
import { generateDeviceKeys } from '../src/crypto/keys';
import { inParallel } from '../src/app/notebook';
import { sealRecord } from '../src/protocol/record';

const COUNT = Number(process.env.TECHO_E2E_PERF ?? 0);
const GATEWAY = process.env.TECHO_E2E_GATEWAY ?? '';

describe.skipIf(COUNT <= 0)('timeline first render', () => {
  it(`decrypts and renders ${COUNT} entries`, async () => {
    setApiBase(GATEWAY);
    const keys = await generateDeviceKeys(true);
    const accountId = await registerPatient('Perf', keys);
    const session = new Session({ accountId, role: 'patient', displayName: 'Perf', keys });
    await inParallel(Array.from({ length: COUNT }, (_, i) => i), 4, async (i) => {
      const entry = { kind: 'blood-pressure', takenAt: new Date(Date.now() - i * 3_600_000).toISOString(), values: { systolic: 110 + (i % 40), diastolic: 70 + (i % 20) } };
      const sealed = await sealRecord(keys, accountId, 'blood-pressure', utf8(JSON.stringify(entry)));
      await session.post('/api/v1/records', sealed.request);
    });
    const code = newRecoveryCode();
    writeFileSync('test-results/perf-backup.json', JSON.stringify(await createBackup(keys, { accountId, role: 'patient', displayName: 'Perf' }, { recoveryCode: code })));
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'] });
    const page = await (await browser.newContext()).newPage();
    await page.goto(GATEWAY + '/');
    await page.getByRole('button', { name: 'Restore from a recovery kit' }).click();
    await page.setInputFiles('input[type=file]', 'test-results/perf-backup.json');
    await page.fill('input[type=password]', code);
    const start = Date.now();
    await page.getByRole('button', { name: 'Restore' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-test=entry] .summary').length === n, COUNT, { timeout: 600_000, polling: 500 });
    const millis = Date.now() - start;
    writeFileSync('test-results/timeline-perf.json', JSON.stringify({ entries: COUNT, firstRenderMillis: millis, chromium: browser.version() }, null, 2));
    await browser.close();
    expect(millis).toBeGreaterThan(0);
  }, 900_000);
});
