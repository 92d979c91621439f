/** The clinician's screens: patients who shared (what, until when), their entries, and break-glass. */
import { ApiError } from '../../app/api';
import type { GrantView } from '../../app/sharing';
import { isCurrent } from '../../app/sharing';
import type { ReadPurpose } from '../../app/clinic';
import type { RecordView } from '../../protocol/record';
import type { App } from '../app';
import { field, h, replace } from '../dom';
import { messageFor, UserError } from '../errors';
import { formatDate, formatTime, t, tr } from '../i18n';
import { anchorBadge, entryBody } from './notebook';

function recordList(app: App, records: RecordView[], how: () => ReadPurpose): HTMLElement {
  if (records.length === 0) {
    return h('p', {}, t('clinic.noEntries'));
  }
  return h('ul', { class: 'timeline', 'data-test': 'patient-records' }, ...records.map((view) => {
    const body = h('div', { 'aria-live': 'polite' });
    const open = h('button', { type: 'button', 'data-test': 'open-entry' }, t('entry.open'));
    open.addEventListener('click', () => void app.act(open, async () => {
      try {
        replace(body, entryBody(await app.clinic!.read(view.recordId, how())));
      } catch (e) {
        replace(body, h('p', { class: 'error', role: 'alert', 'data-test': 'read-error', 'data-kind': e instanceof ApiError ? e.kind : 'error' }, messageFor(e)));
      }
    }));
    return h('li', { class: 'entry', 'data-test': 'entry', 'data-kind': view.category },
      h('div', { class: 'entry-head' }, h('strong', {}, tr('kind', view.category)), ' ', h('time', { datetime: view.createdAt }, formatTime(view.createdAt)), ' ', anchorBadge(view)),
      open, body);
  }));
}

export async function patients(app: App): Promise<HTMLElement> {
  const grants = await app.clinic!.grants();
  const byPatient = new Map<string, GrantView[]>();
  for (const g of grants) {
    byPatient.set(g.patientId, [...(byPatient.get(g.patientId) ?? []), g]);
  }
  const names = await app.directory!.displayNames(byPatient.keys());
  const section = h('section', { 'aria-labelledby': 'pat-h' }, h('h1', { id: 'pat-h' }, t('clinic.heading')));
  if (byPatient.size === 0) {
    section.append(h('p', {}, t('clinic.empty')));
  }
  for (const [patientId, list] of byPatient) {
    section.append(h('article', { class: 'patient', 'data-test': 'shared-patient', 'data-patient': patientId },
      h('h2', { title: patientId }, `${t('clinic.patient')}: ${names.get(patientId) ?? patientId}`),
      h('ul', {}, ...list.map((g) => h('li', { 'data-test': 'shared-grant' },
        `${g.scope.categories.map((c) => tr('kind', c)).join(', ')} — ${tr('purpose', g.purpose)} — ${t('grant.until')} ${formatDate(g.notAfter)} — ${tr('status', g.status)}`))),
      h('a', { href: `#/clinic/${encodeURIComponent(patientId)}`, class: 'button', 'data-test': 'open-patient' }, t('clinic.open'))));
  }
  return section;
}

export async function patientEntries(app: App, patientId: string): Promise<HTMLElement> {
  const grants = (await app.clinic!.grants()).filter((g) => g.patientId === patientId);
  const purpose = grants.find((g) => isCurrent(g))?.purpose ?? grants[0]?.purpose ?? 'TREAT';
  const records = await app.clinic!.records(patientId);
  const name = await app.directory!.displayName(patientId);
  return h('section', { 'aria-labelledby': 'pe-h' },
    h('h1', { id: 'pe-h', title: patientId }, t('clinic.entries', { patient: name })),
    h('a', { href: '#/clinic' }, t('common.back')),
    recordList(app, records, () => ({ purpose })));
}

export function breakGlass(app: App): HTMLElement {
  const patient = h('input', { type: 'text', required: true, maxlength: 64, 'data-test': 'bg-patient' });
  const reason = h('textarea', { required: true, rows: 3, maxlength: 300, 'data-test': 'bg-reason' });
  const list = h('div', {});
  const submit = h('button', { type: 'submit', class: 'danger', 'data-test': 'bg-list' }, t('breakglass.list'));
  const form = h('form', {
    onsubmit: (event) => {
      event.preventDefault();
      void app.act(submit, async () => {
        if (reason.value.trim() === '') {
          reason.focus();
          throw new UserError(t('add.required', { field: t('breakglass.reason') }));
        }
        const records = await app.clinic!.records(patient.value.trim());
        replace(list, recordList(app, records, () => ({ purpose: 'ETREAT', breakGlassReason: reason.value.trim() })));
      });
    },
  }, field(t('breakglass.patient'), patient), field(t('breakglass.reason'), reason), submit);
  return h('section', { 'aria-labelledby': 'bg-h', class: 'break-glass' },
    h('h1', { id: 'bg-h' }, t('breakglass.heading')),
    h('p', { class: 'warning', role: 'note' }, '⚠ ', t('breakglass.warning')),
    form, list);
}
