/**
 * A logged-in device: the challenge–response login of docs/protocol.md ("Login"), a short-lived token renewed
 * before it expires, and authorized calls that log in again once if the token was refused.
 */
import { toBase64 } from '../crypto/bytes';
import { sign } from '../crypto/keys';
import { loginMessage } from '../protocol/signed';
import { ApiError, request, type RequestOptions } from './api';
import type { Identity } from './keystore';

interface TokenAnswer {
  accessToken: string;
  expiresAt: string;
}

const RENEW_BEFORE_MS = 60_000;

export class Session {
  private token: string | undefined;
  private expiresAt = 0;

  constructor(readonly identity: Identity) {}

  async login(): Promise<void> {
    const { accountId, keys } = this.identity;
    const { challenge } = await request<{ challenge: string }>('POST', '/api/v1/auth/challenge', { body: { accountId } });
    const signature = toBase64(await sign(keys.signing.privateKey, loginMessage(challenge)));
    const answer = await request<TokenAnswer>('POST', '/api/v1/auth/token', {
      body: { accountId, challenge, signature, deviceKeyId: keys.signing.keyId },
    });
    this.token = answer.accessToken;
    this.expiresAt = Date.parse(answer.expiresAt);
  }

  async call<T>(method: string, path: string, options: Omit<RequestOptions, 'token'> = {}): Promise<T> {
    if (this.token === undefined || Date.now() > this.expiresAt - RENEW_BEFORE_MS) {
      await this.login();
    }
    try {
      return await request<T>(method, path, { ...options, token: this.token });
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        await this.login();
        return request<T>(method, path, { ...options, token: this.token });
      }
      throw e;
    }
  }

  get<T>(path: string, query?: Record<string, string | undefined>, headers?: Record<string, string>): Promise<T> {
    return this.call<T>('GET', path, { query, headers });
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.call<T>('POST', path, { body });
  }

  delete(path: string): Promise<void> {
    return this.call<void>('DELETE', path);
  }
}
