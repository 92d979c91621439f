/** The single-page app: a header with navigation and the language switch, hash routes, one screen at a time. */
import './styles.css';
import { loadIdentity } from './app/keystore';
import { App } from './ui/app';
import { h, replace } from './ui/dom';
import { language, setLanguage, t, type MessageKey } from './ui/i18n';
import { breakGlass, patientEntries, patients } from './ui/screens/clinic';
import { addEntry, notebook } from './ui/screens/notebook';
import { accessLog, sharing } from './ui/screens/sharing';
import { settings } from './ui/screens/settings';
import { addDevice, enrolClinician, onboard, recoveryKit, restore, welcome } from './ui/screens/start';

type Screen = (app: App, parameter: string) => HTMLElement | Promise<HTMLElement>;

const OPEN_ROUTES: Record<string, Screen> = { '/': welcome, '/onboard': onboard, '/enrol': enrolClinician, '/restore': restore, '/device': addDevice };
const PATIENT_ROUTES: Record<string, Screen> = {
  '/notebook': notebook, '/add': addEntry, '/sharing': sharing, '/access': accessLog, '/settings': settings, '/kit': recoveryKit,
};
const CLINICIAN_ROUTES: Record<string, Screen> = {
  '/clinic': patients, '/clinic/': patientEntries, '/emergency': breakGlass, '/settings': settings, '/kit': recoveryKit,
};
const NAV: Record<'patient' | 'clinician', [string, MessageKey][]> = {
  patient: [['/notebook', 'nav.notebook'], ['/add', 'nav.add'], ['/sharing', 'nav.sharing'], ['/access', 'nav.access'], ['/settings', 'nav.settings']],
  clinician: [['/clinic', 'nav.patients'], ['/emergency', 'nav.emergency'], ['/settings', 'nav.settings']],
};

const root = document.getElementById('app')!;
const nav = h('nav', { 'aria-label': 'Techo' });
const status = h('div', { class: 'status', 'aria-live': 'polite' });
const main = h('main', { id: 'main', tabindex: -1 });
const app = new App(status, () => void render());

function header(): HTMLElement {
  const toggle = h('button', { type: 'button', class: 'lang', lang: language() === 'ja' ? 'en' : 'ja', 'aria-label': t('lang.label'), 'data-test': 'language' }, t('lang.switch'));
  toggle.addEventListener('click', () => {
    setLanguage(language() === 'ja' ? 'en' : 'ja');
    void render();
  });
  return h('header', {}, h('a', { href: '#/', class: 'brand' }, 'Techo 手帳'), nav, toggle);
}

function find(path: string): { screen: Screen; parameter: string } | undefined {
  const role = app.identity?.role;
  const routes = role === 'patient' ? PATIENT_ROUTES : role === 'clinician' ? CLINICIAN_ROUTES : OPEN_ROUTES;
  if (routes[path] !== undefined) {
    return { screen: routes[path], parameter: '' };
  }
  const prefix = Object.keys(routes).find((r) => r.endsWith('/') && r.length > 1 && path.startsWith(r));
  return prefix === undefined ? undefined : { screen: routes[prefix]!, parameter: decodeURIComponent(path.slice(prefix.length)) };
}

let renders = 0;

async function render(): Promise<void> {
  const generation = ++renders;
  document.title = t('app.title');
  replace(root, h('a', { href: '#main', class: 'skip' }, '↓'), header(), status, main);
  const role = app.identity?.role;
  replace(nav, ...(role === undefined ? [] : NAV[role].map(([path, key]) =>
    h('a', { href: `#${path}`, 'aria-current': location.hash === `#${path}` ? 'page' : undefined }, t(key)))));
  const path = location.hash.slice(1) || '/';
  const route = find(path);
  if (route === undefined) {
    app.go(role === 'patient' ? '/notebook' : role === 'clinician' ? '/clinic' : '/');
    return;
  }
  try {
    const screen = await route.screen(app, route.parameter);
    if (generation !== renders) {
      return;
    }
    replace(main, screen);
    main.querySelector('h1')?.setAttribute('tabindex', '-1');
    main.querySelector<HTMLElement>('h1')?.focus();
  } catch (error) {
    replace(main);
    app.fail(error);
  }
}

async function start(): Promise<void> {
  setLanguage(language());
  const identity = await loadIdentity();
  if (identity !== undefined) {
    try {
      await app.signIn(identity);
    } catch (error) {
      app.identity = identity;
      replace(root, header(), status);
      app.fail(error);
      return;
    }
  }
  window.addEventListener('hashchange', () => {
    app.clear();
    void render();
  });
  await render();
}

void start();
