import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/app/api';
import { dictionariesForTest, setLanguage, t } from '../../src/ui/i18n';

const PROBLEM_KINDS = ['malformed-request', 'invalid-field', 'unauthenticated', 'forbidden', 'consent-denied', 'not-found',
  'proof-not-final', 'method-not-allowed', 'not-acceptable', 'conflict', 'erased', 'payload-too-large', 'too-many-requests',
  'unsupported-media-type', 'invalid-signature', 'hash-mismatch', 'idempotency-key-reused', 'unavailable', 'internal'];

describe('messages', () => {
  it('has every message in Japanese and English, with the same placeholders', () => {
    const { en, ja } = dictionariesForTest;
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(ja[key], key).toBeTruthy();
      const vars = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort().join();
      expect(vars(ja[key]), key).toBe(vars(en[key]));
    }
  });

  it('has a message for every problem type the API returns (common ProblemKind)', () => {
    for (const kind of PROBLEM_KINDS) {
      expect(dictionariesForTest.en, kind).toHaveProperty(`problem.${kind}`);
    }
  });
});

describe('error messages shown to users', () => {
  it('translate problem kinds and reasons, never the raw answer', async () => {
    (globalThis as { document?: unknown }).document = { documentElement: {} };
    const { messageFor } = await import('../../src/ui/errors');
    setLanguage('en');
    expect(messageFor(new ApiError(403, 'consent-denied', 'GRANT_REVOKED'))).toBe("The patient's consent does not allow this read. (the grant was revoked)");
    expect(messageFor(new ApiError(429, 'too-many-requests', undefined, 7))).toBe('Too many requests. Please wait 7 seconds.');
    expect(messageFor(new ApiError(0, 'network'))).toBe(t('error.network'));
    expect(messageFor(new ApiError(418, 'teapot'))).toBe(t('error.generic'));
    setLanguage('ja');
    expect(messageFor(new ApiError(410, 'erased'))).toBe('この記録は削除されています。');
  });
});
