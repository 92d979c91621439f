/** Every failure becomes one translated sentence; raw answers, stacks and JSON are never shown. */
import { ApiError } from '../app/api';
import { WrongSecretError } from '../app/backup';
import { LogKeyChangedError } from '../app/notebook';
import { t, tr, type MessageKey } from './i18n';

/** A failure the user can fix, already worded for them. */
export class UserError extends Error {}

export function messageFor(error: unknown): string {
  if (error instanceof UserError) {
    return error.message;
  }
  if (error instanceof ApiError) {
    if (error.kind === 'network') {
      return t('error.network');
    }
    const key = `problem.${error.kind}` as MessageKey;
    const base = tr('problem', error.kind) === error.kind ? t('error.generic') : t(key, { seconds: error.retryAfterSeconds ?? 1 });
    return error.reason === undefined ? base : `${base} (${tr('reason', error.reason)})`;
  }
  if (error instanceof WrongSecretError) {
    return t('restore.secret') + ' ✗';
  }
  if (error instanceof LogKeyChangedError) {
    return t('verify.keyChanged');
  }
  if (error instanceof DOMException || (error instanceof Error && /decrypt|signature|envelope|ciphertext|hash|key/i.test(error.message))) {
    return t('error.crypto');
  }
  console.error(error);
  return t('error.generic');
}
