/** Keys and data: who this device is, the pinned log key, the FHIR export, the key backup, forgetting the keys. */
import { authorizeDevice, type DeviceRequest } from '../../app/devices';
import { forgetIdentity, keysAreSealed } from '../../app/keystore';
import { bundle } from '../../entries/fhir';
import type { App } from '../app';
import { download, field, h } from '../dom';
import { t } from '../i18n';
import { downloadBackup } from './start';

export async function settings(app: App): Promise<HTMLElement> {
  const identity = app.identity!;
  const exportButton = h('button', { type: 'button', class: 'primary', 'data-test': 'export-fhir' }, t('settings.export'));
  exportButton.addEventListener('click', () => void app.act(exportButton, async () => {
    app.say(t('settings.exporting'));
    const opened = (await app.notebook!.openAll(await app.notebook!.list())).filter((o) => 'entry' in o);
    const fhir = bundle(identity.accountId, identity.displayName, opened.map((o) => ({ recordId: o.view.recordId, entry: o.entry })));
    download(`techo-${identity.accountId}-fhir-bundle.json`, 'application/fhir+json', JSON.stringify(fhir, null, 2));
    app.clear();
  }));
  const forget = h('button', { type: 'button', class: 'danger' }, t('settings.forget'));
  forget.addEventListener('click', () => void app.act(forget, async () => {
    if (confirm(t('settings.forgetConfirm'))) {
      await forgetIdentity();
      app.identity = undefined;
      app.lock();
      app.go('/');
    }
  }));
  const deviceInput = h('textarea', { rows: 4, 'data-test': 'authorize-request' });
  const authorize = h('button', { type: 'button', 'data-test': 'authorize-device' }, t('device.authorize'));
  authorize.addEventListener('click', () => void app.act(authorize, async () => {
    const count = await authorizeDevice(app.session!, app.notebook!, JSON.parse(deviceInput.value) as DeviceRequest);
    app.say(t('device.authorized', { count }));
  }));
  const logKey = identity.role === 'patient' ? await app.notebook!.pinnedLogKey() : identity.logKey ?? '—';
  return h('section', { 'aria-labelledby': 'set-h' },
    h('h1', { id: 'set-h' }, t('settings.heading')),
    h('dl', {},
      h('dt', {}, t('settings.account')), h('dd', { 'data-test': 'account-id' }, identity.accountId),
      h('dt', {}, t('settings.signingKey')), h('dd', { class: 'mono' }, identity.keys.signing.keyId),
      h('dt', {}, t('settings.logKey')), h('dd', { class: 'mono' }, logKey)),
    keysAreSealed(identity.keys) ? h('p', {}, t('settings.sealed')) : null,
    h('div', { class: 'actions' },
      identity.role === 'patient' ? exportButton : null,
      h('button', { type: 'button', onclick: downloadBackup }, t('settings.kit')),
      forget),
    identity.role === 'patient'
      ? h('section', { 'aria-labelledby': 'dev-auth-h' }, h('h2', { id: 'dev-auth-h' }, t('device.authorizeHeading')),
        field(t('device.authorizeInput'), deviceInput), authorize)
      : null);
}
