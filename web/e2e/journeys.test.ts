/**
 * The patient's and the clinician's journeys in Debian's headless Chromium against the running system (started by
 * WebEndToEndIT, which passes the gateway URL and an operator key). Screenshots go to web/test-results/.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, setApiBase } from '../src/app/api';
import type { Identity } from '../src/app/keystore';
import { Session } from '../src/app/session';
import { fromBase64 } from '../src/crypto/bytes';
import { importKeyPair } from '../src/crypto/keys';

const GATEWAY = required('TECHO_E2E_GATEWAY');
const RESULTS = 'test-results';
const RUN = Date.now().toString(36);
/** Generous: five JVMs and Chromium share two cores with whatever else runs. */
const WAIT = { timeout: 30_000 };
const FACILITY = `Kyoto Web Hospital ${RUN}`;
const CANARY = {
  note: `canary-note-${RUN} 夜に頭痛`,
  medicine: `canary-medicine-${RUN}`,
  attachment: `canary-attachment-${RUN}`,
};

function required(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') {
    throw new Error(`${name} is not set: WebEndToEndIT starts the system and runs this`);
  }
  return value;
}

let browser: Browser;
let patient: Page;
let clinician: Page;
let operator: Session;
let patientId = '';
let clinicianId = '';
let recoveryCode = '';

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  page.on('dialog', (dialog) => void dialog.accept());
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(GATEWAY + '/');
  return page;
}

/** Navigates inside the app (a hash route); the same route again renders it afresh. */
async function show(page: Page, route: string): Promise<void> {
  await page.evaluate((r) => {
    if (location.hash === '#' + r) {
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } else {
      location.hash = r;
    }
  }, route);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${RESULTS}/${name}.png`, fullPage: true });
}

async function status(page: Page): Promise<string> {
  return (await page.locator('.status p').textContent({ timeout: 30_000 })) ?? '';
}

/** On the new-entry screen, which resets its form after each save; a click clears the previous message. */
async function addEntry(kind: string, takenAt: string, fields: Record<string, string>, file?: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  await patient.selectOption('[data-test=kind]', kind);
  await patient.fill('[data-test=taken-at]', takenAt);
  for (const [name, value] of Object.entries(fields)) {
    const control = patient.locator(`[data-test=field-${name}]`);
    if ((await control.evaluate((e) => e.tagName)) === 'SELECT') {
      await control.selectOption(value);
    } else {
      await control.fill(value);
    }
  }
  if (file !== undefined) {
    await patient.setInputFiles('[data-test=file]', file);
  }
  await patient.click('[data-test=save-entry]');
  await expect.poll(() => status(patient), { timeout: 30_000 }).toContain('Saved');
}

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  setApiBase(GATEWAY);
  const signing = await importKeyPair('Ed25519', fromBase64(required('TECHO_E2E_OPERATOR_KEY')), fromBase64(required('TECHO_E2E_OPERATOR_PUBLIC')), false);
  const identity: Identity = { accountId: required('TECHO_E2E_OPERATOR_ID'), role: 'clinician', displayName: 'operator', keys: { signing, encryption: signing } };
  operator = new Session(identity);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  patient = await newPage();
  clinician = await newPage();
});

afterAll(async () => {
  writeFileSync(`${RESULTS}/canaries.json`, JSON.stringify(Object.values(CANARY)));
  await browser?.close();
});

describe('the web client against the real system', () => {
  it('enrols a clinician through the operator', async () => {
    const facility = await operator.post<{ id: string }>('/api/v1/facilities', { displayName: FACILITY });
    await clinician.click('[data-test=start-clinician]');
    await clinician.fill('[data-test=display-name]', `Dr. Sato ${RUN}`);
    await clinician.getByRole('button', { name: 'Create keys' }).click();
    const enrolment = JSON.parse(await clinician.inputValue('[data-test=enrolment-request]')) as Record<string, string>;
    const challenge = await operator.post<unknown>('/api/v1/clinician-registrations', { ...enrolment, facilityId: facility.id });
    await clinician.fill('[data-test=enrolment-answer]', JSON.stringify(challenge));
    await clinician.click('[data-test=enrolment-confirm]');
    clinicianId = (await clinician.textContent('[data-test=account-id]')) ?? '';
    expect(await clinician.textContent('[data-test=recovery-code]')).toMatch(/^([A-Z2-9]{5}-){5}[A-Z2-9]{5}$/);
    await clinician.click('[data-test=kit-done]');
    await expect.poll(() => clinician.textContent('h1'), WAIT).toContain('Patients who shared with me');
  });

  it('onboards a patient with keys made in the browser and a recovery kit', async () => {
    await patient.click('[data-test=start-patient]');
    await patient.fill('[data-test=display-name]', `Hanako ${RUN}`);
    await patient.getByRole('button', { name: 'Create keys and register' }).click();
    await patient.waitForSelector('[data-test=recovery-code]');
    patientId = (await patient.textContent('[data-test=account-id]')) ?? '';
    recoveryCode = (await patient.textContent('[data-test=recovery-code]')) ?? '';
    expect(patientId).not.toBe('');
    const [backup] = await Promise.all([patient.waitForEvent('download'), patient.getByRole('button', { name: 'Download key backup' }).click()]);
    await backup.saveAs(`${RESULTS}/key-backup.json`);
    await shot(patient, '01-recovery-kit');
    await patient.click('[data-test=kit-done]');
    await expect.poll(() => patient.textContent('h1'), WAIT).toContain('My notebook');
  });

  it('adds entries of every kind, with an attachment', async () => {
    await patient.click('a[href="#/add"]');
    await patient.waitForSelector('[data-test=save-entry]');
    await addEntry('blood-pressure', '2026-11-20T07:30', { systolic: '128', diastolic: '82', pulse: '70' });
    await addEntry('blood-pressure', '2026-11-23T07:45', { systolic: '135', diastolic: '88' });
    await addEntry('glucose', '2026-11-21T07:00', { glucose: '104', timing: 'fasting' });
    await addEntry('weight', '2026-11-22T06:50', { weight: '61.5' });
    await addEntry('medication', '2026-11-23T08:00', { medicine: CANARY.medicine, dose: '5 mg' });
    await addEntry('note', '2026-11-23T21:00', { text: CANARY.note });
    await addEntry('attachment', '2026-11-24T10:00', { title: 'Lab report' }, { name: 'lab.pdf', mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4\n${CANARY.attachment}\n%%EOF`) });
    await show(patient, '/notebook');
    await expect.poll(() => patient.locator('[data-test=entry]').count(), { timeout: 30_000 }).toBe(7);
    expect(await patient.locator('[data-test=chart-blood-pressure] svg polyline').count()).toBe(2);
    expect(await patient.textContent('[data-test=timeline]')).toContain(CANARY.note);
    await shot(patient, '02-notebook');
  });

  it('sees the entries anchored and verifies one in the browser', async () => {
    await expect.poll(async () => {
      await patient.reload();
      await patient.waitForSelector('[data-test=entry]');
      return patient.locator('[data-test=anchor-status]', { hasText: 'Final' }).count();
    }, { timeout: 90_000, interval: 2000 }).toBe(7);
    const entry = patient.locator('[data-test=entry][data-kind=attachment]');
    // a busy machine may answer "temporarily unavailable" (a message, no report): the user, and this test, try again;
    // a report is final, whatever it says
    let report: string | null = null;
    for (let attempt = 0; attempt < 5 && report === null; attempt++) {
      await entry.locator('[data-test=verify]').click();
      await patient.waitForSelector('[data-test=entry][data-kind=attachment] [data-test=verify-result], .status p.error', WAIT);
      report = await entry.locator('[data-test=verify-result]').textContent({ timeout: 1000 }).catch(() => null);
    }
    expect(report).toContain('Verified in this browser');
    expect(await entry.locator('[data-test=verify-result] li.ok').count()).toBe(6);
    await shot(patient, '03-verified');
  });

  it('shares blood pressure with the clinician and sets up emergency access to medication', async () => {
    await show(patient, '/sharing');
    await patient.locator('form[role=search]').first().locator('[data-test=search-facility]').fill(FACILITY);
    await patient.locator('form[role=search]').first().locator('[data-test=search]').click();
    await patient.click('[data-test=choose-clinician]');
    await patient.check('[data-test=share-blood-pressure]');
    await patient.click('[data-test=grant]');
    await expect.poll(() => status(patient), { timeout: 30_000 }).toContain('2 existing entries');
    await patient.check('[data-test=emergency-medication]');
    await patient.locator('section.emergency [data-test=search-facility]').fill(FACILITY);
    await patient.locator('section.emergency [data-test=search]').click();
    await expect.poll(() => patient.locator('section.emergency').textContent(), { timeout: 30_000 }).toContain('1 clinicians hold');
    expect(await patient.locator('[data-test=grant-row]').count()).toBe(1);
    await shot(patient, '04-sharing');
  });

  it('lets the clinician read the shared entries', async () => {
    await show(clinician, '/clinic');
    await expect.poll(() => clinician.locator('[data-test=shared-patient]').count(), { timeout: 15_000 }).toBe(1);
    expect(await clinician.textContent('[data-test=shared-patient] h2')).toContain(`Hanako ${RUN}`);
    await shot(clinician, '05-clinician-patients');
    await clinician.click('[data-test=open-patient]');
    const bp = clinician.locator('[data-test=entry][data-kind=blood-pressure]');
    await expect.poll(() => bp.count(), { timeout: 15_000 }).toBe(2);
    for (const button of await bp.locator('[data-test=open-entry]').all()) {
      await button.click();
    }
    await expect.poll(() => bp.locator('.summary').allTextContents(), { timeout: 15_000 }).toEqual(expect.arrayContaining(['128/82 mmHg, 70/min', '135/88 mmHg']));
    await shot(clinician, '06-clinician-reads');
  });

  it("shows the clinician's reads in the patient's access log, then revokes", async () => {
    await show(patient, '/access');
    await expect.poll(() => patient.locator('[data-test=access-row][data-decision=PERMIT]').count(), { timeout: 15_000 }).toBe(2);
    expect(await patient.textContent('[data-test=access-log]')).toContain(`Dr. Sato ${RUN}`);
    expect(await patient.getAttribute('[data-test=access-row] td[title]', 'title')).toBe(clinicianId);
    await shot(patient, '07-access-log');
    await show(patient, '/sharing');
    await patient.click('[data-test=revoke]');
    await expect.poll(() => patient.locator('[data-test=grant-status]').first().textContent(), { timeout: 15_000 }).toBe('Revoked');
  });

  it('denies the clinician after the revocation', async () => {
    const bp = clinician.locator('[data-test=entry][data-kind=blood-pressure]').first();
    await bp.locator('[data-test=open-entry]').click();
    await expect.poll(() => bp.locator('[data-test=read-error]').getAttribute('data-kind'), { timeout: 15_000 }).toBe('consent-denied');
    await shot(clinician, '08-clinician-denied');
  });

  it('lets the clinician break the glass on the emergency category, logged for the patient', async () => {
    await show(clinician, '/emergency');
    await clinician.fill('[data-test=bg-patient]', patientId);
    await clinician.fill('[data-test=bg-reason]', 'unconscious on arrival, checking medication');
    await clinician.click('[data-test=bg-list]');
    const medication = clinician.locator('[data-test=entry][data-kind=medication]');
    await expect.poll(() => medication.count(), { timeout: 15_000 }).toBe(1);
    await medication.locator('[data-test=open-entry]').click();
    await expect.poll(() => medication.locator('.summary').textContent(), { timeout: 15_000 }).toContain(CANARY.medicine);
    await shot(clinician, '09-break-glass');
    await show(patient, '/access');
    await expect.poll(() => patient.locator('[data-test=access-row][data-decision=PERMIT_BREAK_GLASS]').count(), { timeout: 15_000 }).toBe(1);
    expect(await patient.textContent('[data-test=access-log]')).toContain('unconscious on arrival');
    await shot(patient, '10-access-log-break-glass');
  });

  it('adds a second device authorized by the first, which opens the whole notebook', async () => {
    const device = await newPage();
    await device.click('[data-test=start-device]');
    await device.fill('[data-test=device-account]', patientId);
    await device.getByRole('button', { name: 'Create keys for this browser' }).click();
    const deviceRequest = await device.inputValue('[data-test=device-request]');
    await show(patient, '/settings');
    await patient.fill('[data-test=authorize-request]', deviceRequest);
    await patient.click('[data-test=authorize-device]');
    await expect.poll(() => status(patient), { timeout: 60_000 }).toContain('7 entries were shared');
    await device.click('[data-test=device-login]');
    await expect.poll(() => device.locator('[data-test=entry] .summary').count(), { timeout: 60_000 }).toBe(7);
    expect(await device.textContent('[data-test=timeline]')).toContain(CANARY.note);
    await device.context().close();
  });

  it('restores the notebook on a new browser from the recovery kit', async () => {
    const fresh = await newPage();
    await fresh.getByRole('button', { name: 'Restore from a recovery kit' }).click();
    await fresh.setInputFiles('input[type=file]', `${RESULTS}/key-backup.json`);
    await fresh.fill('input[type=password]', recoveryCode.toLowerCase());
    await fresh.getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => fresh.locator('[data-test=entry] .summary').count(), { timeout: 60_000 }).toBe(7);
    await shot(fresh, '12-restored');
    await fresh.context().close();
  });

  it('exports everything as a FHIR R4 Bundle', async () => {
    await show(patient, '/settings');
    const [file] = await Promise.all([patient.waitForEvent('download', WAIT), patient.click('[data-test=export-fhir]')]);
    await file.saveAs(`${RESULTS}/fhir-bundle.json`);
    const bundle = JSON.parse(readFileSync(`${RESULTS}/fhir-bundle.json`, 'utf8')) as { resourceType: string; entry: { resource: { resourceType: string } }[] };
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.entry.map((e) => e.resource.resourceType).sort()).toEqual(
      ['DocumentReference', 'DocumentReference', 'MedicationStatement', 'Observation', 'Observation', 'Observation', 'Observation', 'Patient']);
  });

  it('erases an entry', async () => {
    await show(patient, '/notebook');
    const note = patient.locator('[data-test=entry][data-kind=note]');
    await note.locator('[data-test=erase]').click();
    await expect.poll(() => patient.locator('[data-test=entry][data-kind=note]').count(), { timeout: 30_000 }).toBe(0);
    expect(await patient.locator('[data-test=entry]').count()).toBe(6);
  });

  it('switches to Japanese', async () => {
    await show(patient, '/notebook');
    await patient.click('[data-test=language]');
    await expect.poll(() => patient.textContent('h1'), WAIT).toBe('わたしの手帳');
    await shot(patient, '11-notebook-ja');
  });

  it('serves problem+json that the client maps, never raw', async () => {
    await expect(request('GET', '/api/v1/records')).rejects.toMatchObject({ status: 401, kind: 'unauthenticated' });
  });
});
