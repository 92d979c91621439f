/** What every screen needs: the identity, the logged-in session and the services built on it, plus status messages. */
import { Clinic } from '../app/clinic';
import { Directory } from '../app/directory';
import type { Identity } from '../app/keystore';
import type { DeviceKeys } from '../crypto/keys';
import { Notebook } from '../app/notebook';
import { Session } from '../app/session';
import { Sharing } from '../app/sharing';
import { h, replace } from './dom';
import { messageFor } from './errors';

export class App {
  identity: Identity | undefined;
  session: Session | undefined;
  directory: Directory | undefined;
  notebook: Notebook | undefined;
  sharing: Sharing | undefined;
  clinic: Clinic | undefined;
  /** Extractable keys kept in memory only while the recovery kit screen is open. */
  pendingBackupKeys: DeviceKeys | undefined;
  recoveryCode: string | undefined;

  constructor(readonly status: HTMLElement, readonly render: () => void) {}

  async signIn(identity: Identity): Promise<void> {
    const session = new Session(identity);
    await session.login();
    this.identity = identity;
    this.session = session;
    this.directory = new Directory(session);
    this.sharing = new Sharing(session);
    this.notebook = new Notebook(session, this.directory, this.sharing);
    this.clinic = new Clinic(session, this.directory);
  }

  lock(): void {
    this.session = undefined;
    this.notebook = undefined;
    this.sharing = undefined;
    this.clinic = undefined;
    this.directory = undefined;
  }

  say(message: string, kind: 'info' | 'error' = 'info'): void {
    replace(this.status, h('p', { class: kind, role: kind === 'error' ? 'alert' : 'status' }, message));
  }

  fail(error: unknown): void {
    this.say(messageFor(error), 'error');
  }

  clear(): void {
    replace(this.status);
  }

  go(route: string): void {
    if (location.hash === '#' + route) {
      this.render();
    } else {
      location.hash = route;
    }
  }

  /** Runs an action with the button disabled and any failure shown as a message. */
  async act(button: HTMLButtonElement | null, action: () => Promise<void>): Promise<void> {
    if (button !== null) {
      button.disabled = true;
    }
    this.clear();
    try {
      await action();
    } catch (error) {
      this.fail(error);
    } finally {
      if (button !== null) {
        button.disabled = false;
      }
    }
  }
}
