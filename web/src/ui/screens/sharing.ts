/** Sharing with clinicians: directory search, signed grants, revocation, emergency access, the access log. */
import type { ClinicianEntry } from '../../app/directory';
import { isCurrent, PURPOSES, type AccessEntry, type GrantView } from '../../app/sharing';
import { KINDS } from '../../entries/kinds';
import type { App } from '../app';
import { field, h, replace } from '../dom';
import { UserError } from '../errors';
import { formatDate, formatTime, t, tr } from '../i18n';

function categoryBoxes(name: string): { element: HTMLElement; chosen: () => string[] } {
  const boxes = KINDS.map((k) => h('input', { type: 'checkbox', name, value: k, id: `${name}-${k}`, 'data-test': `${name}-${k}` }));
  const element = h('fieldset', {}, h('legend', {}, name === 'share' ? t('sharing.categories') : t('emergency.categories')),
    ...boxes.map((b) => h('div', { class: 'check' }, b, h('label', { for: b.id }, tr('kind', b.value)))));
  return { element, chosen: () => boxes.filter((b) => b.checked).map((b) => b.value) };
}

function defaultUntil(): string {
  return new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
}

function grantForm(app: App, clinician: ClinicianEntry, refreshGrants: () => Promise<void>): HTMLElement {
  const categories = categoryBoxes('share');
  const purpose = h('select', { 'data-test': 'purpose' }, ...PURPOSES.map((p) => h('option', { value: p }, tr('purpose', p))));
  const until = h('input', { type: 'date', required: true, value: defaultUntil(), min: new Date().toISOString().slice(0, 10), 'data-test': 'until' });
  const submit = h('button', { type: 'submit', class: 'primary', 'data-test': 'grant' }, t('sharing.submit'));
  const form: HTMLFormElement = h('form', {
    class: 'grant-form',
    onsubmit: (event) => {
      event.preventDefault();
      void app.act(submit, async () => {
        const chosen = categories.chosen();
        if (chosen.length === 0) {
          throw new UserError(t('sharing.pickCategory'));
        }
        await app.sharing!.grant(clinician.id, chosen, purpose.value, new Date(`${until.value}T23:59:59Z`));
        const count = await app.notebook!.shareExisting(chosen, clinician.id);
        await refreshGrants();
        app.say(t('sharing.done', { count }));
      });
    },
  }, h('h3', {}, t('sharing.choose', { name: clinician.displayName, facility: clinician.facilityName })),
  categories.element, field(t('sharing.purpose'), purpose), field(t('sharing.until'), until), submit);
  return form;
}

function searchForm(app: App, onResults: (found: ClinicianEntry[]) => void, withName = true): HTMLElement {
  const facility = h('input', { type: 'search', maxlength: 100, 'data-test': 'search-facility' });
  const name = h('input', { type: 'search', maxlength: 100, 'data-test': 'search-name' });
  const submit = h('button', { type: 'submit', 'data-test': 'search' }, t('sharing.search'));
  return h('form', {
    role: 'search',
    onsubmit: (event) => {
      event.preventDefault();
      void app.act(submit, async () => onResults(await app.directory!.searchClinicians(facility.value, withName ? name.value : '')));
    },
  }, field(withName ? t('sharing.facility') : t('emergency.facility'), facility), withName ? field(t('sharing.name'), name) : null, submit);
}

function grantTable(app: App, grants: GrantView[], names: Map<string, string>, refreshGrants: () => Promise<void>): HTMLElement {
  if (grants.length === 0) {
    return h('p', {}, t('sharing.noGrants'));
  }
  return h('table', { 'data-test': 'grants' },
    h('thead', {}, h('tr', {}, ...['grant.to', 'grant.scope', 'grant.purpose', 'grant.until', 'grant.status'].map((k) => h('th', { scope: 'col' }, t(k as 'grant.to'))), h('td', {}))),
    h('tbody', {}, ...grants.map((g) => {
      const revoke = h('button', { type: 'button', class: 'danger', 'data-test': 'revoke' }, t('sharing.revoke'));
      revoke.addEventListener('click', () => void app.act(revoke, async () => {
        if (confirm(t('sharing.revokeConfirm'))) {
          await app.sharing!.revoke(g.grantId);
          await refreshGrants();
          app.say(t('sharing.revoked'));
        }
      }));
      return h('tr', { 'data-test': 'grant-row', 'data-grantee': g.granteeId },
        h('td', { title: g.granteeId }, names.get(g.granteeId) ?? g.granteeId), h('td', {}, g.scope.categories.map((c) => tr('kind', c)).join(', ')),
        h('td', {}, tr('purpose', g.purpose)), h('td', {}, formatDate(g.notAfter)), h('td', { 'data-test': 'grant-status' }, tr('status', g.status)),
        h('td', {}, isCurrent(g) ? revoke : null));
    })));
}

export async function sharing(app: App): Promise<HTMLElement> {
  const results = h('div', { class: 'results', 'aria-live': 'polite' });
  const showResults = (found: ClinicianEntry[]) => {
    if (found.length === 0) {
      replace(results, h('p', {}, t('sharing.noResults')));
      return;
    }
    replace(results, h('ul', { class: 'clinicians' }, ...found.map((c) => h('li', {},
      h('button', { type: 'button', 'data-test': 'choose-clinician', onclick: () => replace(results, grantForm(app, c, refreshGrants)) },
        `${c.displayName} — ${c.facilityName}`)))));
  };
  // only the table is redrawn after a grant or a revocation, so nothing the user is typing elsewhere is lost
  const table = h('div', { 'aria-live': 'polite' });
  const refreshGrants = async (): Promise<void> => {
    const grants = await app.sharing!.grants();
    replace(table, grantTable(app, grants, await app.directory!.displayNames(grants.map((g) => g.granteeId)), refreshGrants));
  };
  await refreshGrants();
  return h('section', { 'aria-labelledby': 'share-h' },
    h('h1', { id: 'share-h' }, t('sharing.heading')),
    searchForm(app, showResults), results,
    h('h2', {}, t('sharing.grants')), table,
    await emergency(app));
}

async function emergency(app: App): Promise<HTMLElement> {
  const current = await app.sharing!.emergencyCategories();
  const categories = categoryBoxes('emergency');
  categories.element.querySelectorAll('input').forEach((box) => { box.checked = current.includes(box.value); });
  const status = h('div', { 'aria-live': 'polite' });
  const save = async (found: ClinicianEntry[]) => {
    const chosen = categories.chosen();
    if (chosen.length === 0) {
      throw new UserError(t('sharing.pickCategory'));
    }
    const readers = found.map((c) => c.id);
    await app.sharing!.setEmergency(chosen, readers);
    for (const reader of readers) {
      await app.notebook!.shareExisting(chosen, reader);
    }
    replace(status, h('p', { role: 'status' }, t('emergency.saved', { count: readers.length })));
  };
  return h('section', { 'aria-labelledby': 'em-h', class: 'emergency' },
    h('h2', { id: 'em-h' }, t('emergency.heading')),
    h('p', {}, t('emergency.explain')),
    categories.element,
    searchForm(app, (found) => void app.act(null, () => save(found)), false),
    status);
}

export async function accessLog(app: App): Promise<HTMLElement> {
  const entries: AccessEntry[] = await app.sharing!.accessLog();
  const names = await app.directory!.displayNames(entries.map((e) => e.accessorId));
  const section = h('section', { 'aria-labelledby': 'access-h' }, h('h1', { id: 'access-h' }, t('access.heading')));
  if (entries.length === 0) {
    section.append(h('p', {}, t('access.empty')));
    return section;
  }
  section.append(h('table', { 'data-test': 'access-log' },
    h('thead', {}, h('tr', {}, ...(['access.when', 'access.who', 'access.what', 'access.purpose', 'access.decision'] as const).map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, ...entries.map((e) => h('tr', { 'data-test': 'access-row', 'data-decision': e.decision, class: e.decision === 'PERMIT_BREAK_GLASS' ? 'alert-row' : '' },
      h('td', {}, formatTime(e.decidedAt)), h('td', { title: e.accessorId }, names.get(e.accessorId) ?? e.accessorId), h('td', {}, tr('kind', e.category)),
      h('td', {}, tr('purpose', e.purpose), e.breakGlassReason ? h('div', { class: 'reason' }, readableReason(e.breakGlassReason)) : null),
      h('td', {}, tr('decision', e.decision), e.decision === 'DENY' ? ` (${tr('reason', e.reason)})` : ''))))));
  return section;
}

/** Break-glass reasons travel in an HTTP header; this client percent-encodes non-Latin-1 text there (clinic.ts). */
function readableReason(reason: string): string {
  try {
    return /%[0-9A-F]{2}/.test(reason) ? decodeURIComponent(reason) : reason;
  } catch {
    return reason;
  }
}
