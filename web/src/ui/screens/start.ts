/** Screens before a notebook is open: welcome, patient onboarding, the recovery kit, restore, clinician enrolment. */
import { createBackup, newRecoveryCode, restoreBackup, sealKeys, type KeyBackup } from '../../app/backup';
import { confirmRegistration, registerPatient, registrationRequest, type RegistrationChallenge } from '../../app/directory';
import { deviceRequest } from '../../app/devices';
import { saveIdentity, type Identity, type Role } from '../../app/keystore';
import { generateDeviceKeys, type DeviceKeys } from '../../crypto/keys';
import type { App } from '../app';
import { download, field, h } from '../dom';
import { UserError } from '../errors';
import { t } from '../i18n';

const BACKUP_STORE = 'techo.backup';

export function welcome(app: App): HTMLElement {
  return h('section', { 'aria-labelledby': 'welcome-h' },
    h('h1', { id: 'welcome-h' }, t('welcome.heading')),
    h('p', {}, t('app.tagline')),
    h('div', { class: 'choices' },
      h('button', { type: 'button', class: 'primary', 'data-test': 'start-patient', onclick: () => app.go('/onboard') }, t('welcome.patient')),
      h('button', { type: 'button', 'data-test': 'start-clinician', onclick: () => app.go('/enrol') }, t('welcome.clinician')),
      h('button', { type: 'button', onclick: () => app.go('/restore') }, t('welcome.restore')),
      h('button', { type: 'button', 'data-test': 'start-device', onclick: () => app.go('/device') }, t('welcome.device'))));
}

/** Stores the identity with sealed (non-extractable) keys and keeps the extractable ones in memory for the kit. */
async function establish(app: App, keys: DeviceKeys, who: { accountId: string; role: Role; displayName: string }): Promise<void> {
  const recoveryCode = newRecoveryCode();
  const backup = await createBackup(keys, who, { recoveryCode });
  localStorage.setItem(BACKUP_STORE, JSON.stringify(backup));
  const identity: Identity = { ...who, keys: await sealKeys(keys) };
  await saveIdentity(identity);
  await app.signIn(identity);
  app.pendingBackupKeys = keys;
  app.recoveryCode = recoveryCode;
  app.go('/kit');
}

export function onboard(app: App): HTMLElement {
  const name = h('input', { type: 'text', required: true, maxlength: 200, autocomplete: 'name', 'data-test': 'display-name' });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('onboard.create'));
  const form = h('form', {
    onsubmit: (event) => {
      event.preventDefault();
      void app.act(submit, async () => {
        app.say(t('onboard.working'));
        const keys = await generateDeviceKeys(true);
        const accountId = await registerPatient(name.value.trim(), keys);
        await establish(app, keys, { accountId, role: 'patient', displayName: name.value.trim() });
      });
    },
  }, field(t('onboard.name'), name), submit);
  return h('section', { 'aria-labelledby': 'onboard-h' }, h('h1', { id: 'onboard-h' }, t('onboard.heading')), form);
}

export function enrolClinician(app: App): HTMLElement {
  const name = h('input', { type: 'text', required: true, maxlength: 200, 'data-test': 'display-name' });
  const request = h('textarea', { readonly: true, rows: 4, 'data-test': 'enrolment-request' });
  const answer = h('textarea', { rows: 4, required: true, 'data-test': 'enrolment-answer' });
  const create = h('button', { type: 'button', class: 'primary' }, t('clinician.create'));
  const confirm = h('button', { type: 'button', class: 'primary', 'data-test': 'enrolment-confirm' }, t('clinician.confirm'));
  const second = h('div', { hidden: true }, field(t('clinician.request'), request), field(t('clinician.challenge'), answer), confirm);
  let keys: DeviceKeys | undefined;
  create.addEventListener('click', () => void app.act(create, async () => {
    if (name.value.trim() === '') {
      name.focus();
      throw new UserError(t('add.required', { field: t('clinician.name') }));
    }
    keys = await generateDeviceKeys(true);
    request.value = JSON.stringify(registrationRequest(name.value.trim(), keys));
    second.hidden = false;
  }));
  confirm.addEventListener('click', () => void app.act(confirm, async () => {
    if (keys === undefined) {
      return;
    }
    const challenge = JSON.parse(answer.value) as RegistrationChallenge;
    const accountId = await confirmRegistration(challenge, keys);
    await establish(app, keys, { accountId, role: 'clinician', displayName: name.value.trim() });
  }));
  return h('section', { 'aria-labelledby': 'enrol-h' }, h('h1', { id: 'enrol-h' }, t('clinician.heading')),
    field(t('clinician.name'), name), create, second);
}

function storedBackup(): KeyBackup | undefined {
  const text = localStorage.getItem(BACKUP_STORE);
  return text === null ? undefined : (JSON.parse(text) as KeyBackup);
}

export function downloadBackup(): void {
  const backup = storedBackup();
  if (backup !== undefined) {
    download(`techo-key-backup-${backup.accountId}.json`, 'application/json', JSON.stringify(backup, null, 2));
  }
}

export function recoveryKit(app: App): HTMLElement {
  const identity = app.identity;
  const code = app.recoveryCode;
  if (identity === undefined || code === undefined) {
    app.go('/');
    return h('p', {});
  }
  const passphrase = h('input', { type: 'password', minlength: 12, autocomplete: 'new-password' });
  const exportButton = h('button', { type: 'button' }, t('kit.exportPassphrase'));
  exportButton.addEventListener('click', () => void app.act(exportButton, async () => {
    if (passphrase.value.length < 12 || app.pendingBackupKeys === undefined) {
      passphrase.focus();
      throw new UserError(t('kit.passphraseHint'));
    }
    const backup = await createBackup(app.pendingBackupKeys, identity, { passphrase: passphrase.value });
    download(`techo-key-backup-${identity.accountId}-passphrase.json`, 'application/json', JSON.stringify(backup, null, 2));
  }));
  const done = () => {
    app.pendingBackupKeys = undefined;
    app.recoveryCode = undefined;
    app.go(identity.role === 'patient' ? '/notebook' : '/clinic');
  };
  return h('section', { class: 'kit', 'aria-labelledby': 'kit-h' },
    h('h1', { id: 'kit-h' }, t('kit.heading')),
    h('p', {}, t('kit.explain')),
    h('dl', { class: 'printable' },
      h('dt', {}, t('kit.account')), h('dd', { 'data-test': 'account-id' }, identity.accountId),
      h('dt', {}, t('kit.code')), h('dd', { class: 'code', 'data-test': 'recovery-code' }, code)),
    h('div', { class: 'actions' },
      h('button', { type: 'button', onclick: () => window.print() }, t('kit.print')),
      h('button', { type: 'button', onclick: downloadBackup }, t('kit.download'))),
    h('details', {}, h('summary', {}, t('kit.passphrase')), field(t('restore.secret'), passphrase, t('kit.passphraseHint')), exportButton),
    h('button', { type: 'button', class: 'primary', 'data-test': 'kit-done', onclick: done }, t('kit.done')));
}

export function restore(app: App): HTMLElement {
  const file = h('input', { type: 'file', accept: 'application/json,.json', required: true });
  const secret = h('input', { type: 'password', required: true, autocomplete: 'off' });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('restore.submit'));
  const form = h('form', {
    onsubmit: (event) => {
      event.preventDefault();
      void app.act(submit, async () => {
        const chosen = file.files?.[0];
        if (chosen === undefined) {
          file.focus();
          return;
        }
        const backup = JSON.parse(await chosen.text()) as KeyBackup;
        const keys = await restoreBackup(backup, secret.value);
        const identity: Identity = { accountId: backup.accountId, role: backup.role, displayName: backup.displayName, keys };
        await saveIdentity(identity);
        if (backup.kdf === 'hkdf-sha256') {
          localStorage.setItem(BACKUP_STORE, JSON.stringify(backup));
        }
        await app.signIn(identity);
        app.go(identity.role === 'patient' ? '/notebook' : '/clinic');
      });
    },
  }, field(t('restore.file'), file), field(t('restore.secret'), secret), submit);
  return h('section', { 'aria-labelledby': 'restore-h' }, h('h1', { id: 'restore-h' }, t('restore.heading')), form);
}

export function addDevice(app: App): HTMLElement {
  const account = h('input', { type: 'text', required: true, maxlength: 64, 'data-test': 'device-account' });
  const request = h('textarea', { readonly: true, rows: 4, 'data-test': 'device-request' });
  const create = h('button', { type: 'button', class: 'primary' }, t('device.create'));
  const login = h('button', { type: 'button', class: 'primary', 'data-test': 'device-login' }, t('device.check'));
  const second = h('div', { hidden: true }, field(t('device.request'), request), login);
  let identity: Identity | undefined;
  create.addEventListener('click', () => void app.act(create, async () => {
    const accountId = account.value.trim();
    if (accountId === '') {
      account.focus();
      throw new UserError(t('add.required', { field: t('device.account') }));
    }
    const keys = await generateDeviceKeys(false);
    identity = { accountId, role: 'patient', displayName: accountId, keys };
    request.value = JSON.stringify(await deviceRequest(accountId, keys));
    second.hidden = false;
  }));
  login.addEventListener('click', () => void app.act(login, async () => {
    if (identity === undefined) {
      return;
    }
    await app.signIn(identity);
    await saveIdentity(identity);
    app.go('/notebook');
  }));
  return h('section', { 'aria-labelledby': 'dev-h' }, h('h1', { id: 'dev-h' }, t('device.heading')),
    field(t('device.account'), account), create, second);
}
