/**
 * HTTP to the gateway on the same origin. Errors become ApiError with the problem kind of the RFC 9457 body
 * (`urn:techo:problem:<kind>`), so screens show a translated message, never the raw answer.
 */
import { uuidV7 } from '../protocol/uuid';

const PROBLEM_PREFIX = 'urn:techo:problem:';
/** Empty in the browser (same origin); a gateway URL when the code runs outside one (the end-to-end operator). */
let base = '';

export function setApiBase(url: string): void {
  base = url.replace(/\/$/, '');
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly kind: string,
    readonly reason?: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(`${status} ${kind}${reason ? ' ' + reason : ''}`);
  }
}

export interface RequestOptions {
  readonly body?: unknown;
  readonly token?: string;
  readonly headers?: Record<string, string>;
  readonly query?: Record<string, string | undefined>;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...options.headers };
  if (options.token !== undefined) {
    headers.Authorization = `Bearer ${options.token}`;
  }
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (method === 'POST') {
    headers['Idempotency-Key'] ??= uuidV7();
  }
  const query = Object.entries(options.query ?? {}).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '');
  const url = base + path + (query.length === 0 ? '' : '?' + new URLSearchParams(query).toString());
  let response: Response;
  try {
    response = await fetch(url, { method, headers, body: options.body === undefined ? null : JSON.stringify(options.body), credentials: 'omit' });
  } catch {
    throw new ApiError(0, 'network');
  }
  if (response.ok) {
    return (response.status === 204 ? undefined : await response.json()) as T;
  }
  throw await problemOf(response);
}

async function problemOf(response: Response): Promise<ApiError> {
  const retryAfter = Number(response.headers.get('Retry-After') ?? NaN);
  const retry = Number.isFinite(retryAfter) ? retryAfter : undefined;
  try {
    const body = (await response.json()) as { type?: unknown; reason?: unknown };
    if (typeof body.type === 'string' && body.type.startsWith(PROBLEM_PREFIX)) {
      return new ApiError(response.status, body.type.slice(PROBLEM_PREFIX.length), typeof body.reason === 'string' ? body.reason : undefined, retry);
    }
  } catch {
    // not JSON: fall through to the status alone
  }
  return new ApiError(response.status, response.status >= 500 ? 'unavailable' : 'unexpected', undefined, retry);
}
