/** The patient's notebook: timeline with charts, a new entry, verification of an entry's anchor, erasure. */
import type { OpenedRecord } from '../../app/notebook';
import { fromBase64, toBase64 } from '../../crypto/bytes';
import { FIELDS, KINDS, MAX_ATTACHMENT_BYTES, SERIES, summary, type Entry, type Kind } from '../../entries/kinds';
import type { CheckResult } from '../../log/confirmation';
import type { RecordView } from '../../protocol/record';
import { ApiError } from '../../app/api';
import type { App } from '../app';
import { lineChart, type Point } from '../chart';
import { download, field, h, replace } from '../dom';
import { UserError } from '../errors';
import { formatTime, t, tr } from '../i18n';

export function anchorBadge(view: RecordView): HTMLElement {
  const status = view.anchor?.status ?? 'PENDING';
  return h('span', { class: `badge anchor-${status.toLowerCase()}`, title: t('anchor.explain'), 'data-test': 'anchor-status' }, tr('anchor', status));
}

/** The decrypted content of an entry; attachments offer their file, images are previewed from a blob URL. */
export function entryBody(opened: OpenedRecord): HTMLElement {
  const { entry } = opened;
  const body = h('div', { class: 'entry-body' }, h('p', { class: 'summary' }, summary(entry)));
  if (entry.attachment !== undefined) {
    const attachment = entry.attachment;
    const bytes = fromBase64(attachment.data);
    if (attachment.mediaType.startsWith('image/')) {
      body.append(h('img', { src: URL.createObjectURL(new Blob([bytes], { type: attachment.mediaType })), alt: attachment.name, class: 'preview' }));
    }
    body.append(h('button', { type: 'button', onclick: () => download(attachment.name, attachment.mediaType, bytes) },
      `${t('entry.download')}: ${attachment.name}`));
  }
  return body;
}

function charts(opened: readonly OpenedRecord[]): HTMLElement {
  const section = h('section', { 'aria-labelledby': 'charts-h', class: 'charts' }, h('h2', { id: 'charts-h' }, t('notebook.charts')));
  for (const kind of Object.keys(SERIES) as Kind[]) {
    const names = SERIES[kind]!;
    const points: Point[] = opened.filter((o) => o.entry.kind === kind)
      .map((o) => ({ time: Date.parse(o.entry.takenAt), values: names.map((n) => Number(o.entry.values[n])) }));
    if (points.length > 0) {
      const unit = FIELDS[kind].find((f) => f.name === names[0])?.unit ?? '';
      section.append(h('figure', { 'data-test': `chart-${kind}` }, lineChart(tr('kind', kind), unit, names.map((n) => tr('field', n)), points),
        h('figcaption', {}, tr('kind', kind))));
    }
  }
  return section;
}

export function verificationReport(results: readonly CheckResult[]): HTMLElement {
  const ok = results.length > 0 && results.every((r) => r.ok);
  return h('div', { class: ok ? 'verified ok' : 'verified failed', role: 'status', 'data-test': 'verify-result' },
    h('p', {}, ok ? t('verify.ok') : t('verify.failed')),
    h('ul', {}, ...results.map((r) => h('li', { class: r.ok ? 'ok' : 'failed' }, `${r.ok ? '✓' : '✗'} ${tr('check', r.name)}`,
      r.ok ? null : h('small', {}, ` — ${r.detail}`)))));
}

function entryItem(app: App, item: OpenedRecord | { view: RecordView; error: unknown }): HTMLElement {
  const { view } = item;
  const result = h('div', { class: 'result' });
  const verify = h('button', { type: 'button', 'data-test': 'verify' }, t('entry.verify'));
  verify.addEventListener('click', () => void app.act(verify, async () => {
    try {
      replace(result, verificationReport(await app.notebook!.verify(view.recordId)));
    } catch (e) {
      if (e instanceof ApiError && e.kind === 'proof-not-final') {
        replace(result, h('p', { role: 'status' }, t('verify.notFinal')));
        return;
      }
      throw e;
    }
  }));
  const erase = h('button', { type: 'button', class: 'danger', 'data-test': 'erase' }, t('entry.erase'));
  erase.addEventListener('click', () => void app.act(erase, async () => {
    if (confirm(t('entry.eraseConfirm'))) {
      await app.notebook!.erase(view.recordId);
      app.say(t('entry.erased'));
      app.render();
    }
  }));
  const kind = 'entry' in item ? item.entry.kind : view.category;
  const when = 'entry' in item ? item.entry.takenAt : view.createdAt;
  return h('li', { class: 'entry', 'data-test': 'entry', 'data-record': view.recordId, 'data-kind': kind },
    h('div', { class: 'entry-head' }, h('strong', {}, tr('kind', kind)), ' ', h('time', { datetime: when }, formatTime(when)), ' ', anchorBadge(view)),
    'entry' in item ? entryBody(item) : h('p', { class: 'error' }, t('notebook.unreadable')),
    h('div', { class: 'actions' }, verify, erase), result);
}

export async function notebook(app: App): Promise<HTMLElement> {
  const views = await app.notebook!.list();
  const section = h('section', { 'aria-labelledby': 'nb-h' }, h('h1', { id: 'nb-h' }, t('notebook.heading')));
  if (views.length === 0) {
    section.append(h('p', {}, t('notebook.empty')), h('a', { href: '#/add', class: 'button primary' }, t('nav.add')));
    return section;
  }
  app.say(t('notebook.loading', { count: views.length }));
  const items = await app.notebook!.openAll(views);
  app.clear();
  const opened = items.filter((i): i is OpenedRecord => 'entry' in i);
  items.sort((a, b) => Date.parse('entry' in b ? b.entry.takenAt : b.view.createdAt) - Date.parse('entry' in a ? a.entry.takenAt : a.view.createdAt));
  section.append(charts(opened),
    h('h2', {}, t('notebook.timeline')),
    h('ol', { class: 'timeline', 'data-test': 'timeline' }, ...items.map((i) => entryItem(app, i))));
  return section;
}

function control(kind: Kind, spec: (typeof FIELDS)[Kind][number]): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement {
  const common = { name: spec.name, required: spec.required, 'data-test': `field-${spec.name}` };
  if (spec.type === 'select') {
    return h('select', common, ...(spec.options ?? []).map((o) => h('option', { value: o }, kind === 'glucose' ? tr('option', o) : o)));
  }
  if (spec.type === 'textarea') {
    return h('textarea', { ...common, rows: 4, maxlength: 10000 });
  }
  return h('input', { ...common, type: spec.type, min: spec.min, max: spec.max, step: spec.step, inputmode: spec.type === 'number' ? 'decimal' : undefined, maxlength: 500 });
}

function localNow(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

export function addEntry(app: App): HTMLElement {
  const kind = h('select', { name: 'kind', 'data-test': 'kind' }, ...KINDS.map((k) => h('option', { value: k }, tr('kind', k))));
  const takenAt = h('input', { type: 'datetime-local', required: true, value: localNow(), 'data-test': 'taken-at' });
  const fields = h('div', { class: 'fields' });
  const file = h('input', { type: 'file', accept: 'application/pdf,image/*', 'data-test': 'file' });
  const fileField = field(t('add.file'), file);
  const submit = h('button', { type: 'submit', class: 'primary', 'data-test': 'save-entry' }, t('add.save'));
  let controls: HTMLElement[] = [];
  const showFields = () => {
    const k = kind.value as Kind;
    controls = FIELDS[k].map((spec) => control(k, spec));
    replace(fields, ...FIELDS[k].map((spec, i) => field(tr('field', spec.name) + (spec.unit ? ` (${spec.unit})` : ''), controls[i] as HTMLInputElement)));
    fileField.hidden = k !== 'attachment';
    file.required = k === 'attachment';
  };
  kind.addEventListener('change', showFields);
  showFields();
  const form = h('form', {
    onsubmit: (event) => {
      event.preventDefault();
      void app.act(submit, async () => {
        const k = kind.value as Kind;
        const values: Record<string, string | number> = {};
        FIELDS[k].forEach((spec, i) => {
          const value = (controls[i] as HTMLInputElement).value.trim();
          if (spec.required && value === '') {
            throw new UserError(t('add.required', { field: tr('field', spec.name) }));
          }
          if (value !== '') {
            values[spec.name] = spec.type === 'number' ? Number(value) : value;
          }
        });
        const entry: Entry = { kind: k, takenAt: new Date(takenAt.value).toISOString(), values };
        if (k === 'attachment') {
          const chosen = file.files?.[0];
          if (chosen === undefined) {
            throw new UserError(t('add.required', { field: t('add.file') }));
          }
          if (chosen.size > MAX_ATTACHMENT_BYTES) {
            throw new UserError(t('add.tooLarge'));
          }
          entry.attachment = { name: chosen.name, mediaType: chosen.type || 'application/octet-stream', data: toBase64(new Uint8Array(await chosen.arrayBuffer())) };
        }
        await app.notebook!.add(entry);
        form.reset();
        takenAt.value = localNow();
        showFields();
        app.say(t('add.saved'));
      });
    },
  }, field(t('add.kind'), kind), field(t('add.takenAt'), takenAt), fields, fileField, submit);
  return h('section', { 'aria-labelledby': 'add-h' }, h('h1', { id: 'add-h' }, t('add.heading')), form);
}

