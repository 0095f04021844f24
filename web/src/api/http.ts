// The fetch wrapper: JSON in and out, the session cookie (same origin) plus the
// bearer token kept in memory, Accept-Language from the UI's language, and
// problem+json errors as ApiError. A 401 on any call but sign-in ends the
// session and sends the user back to the login page (see session.ts).
import { ApiError, toApiError } from './problem';
import { apiLanguage, currentLocale, t } from '@/i18n';

let token: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setToken(v: string | null): void {
  token = v;
}
export function hasToken(): boolean {
  return token !== null;
}
export function setUnauthorizedHandler(fn: (() => void) | null): void {
  onUnauthorized = fn;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function buildQuery(q?: Query): string {
  if (!q) return '';
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === null || v === '') continue;
    p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Bytes sent as they are (a file or a slice of it), instead of a JSON body. */
  raw?: Blob;
  headers?: Record<string, string>;
  /** Do not treat 401 as "session ended" (sign-in itself). */
  allow401?: boolean;
  signal?: AbortSignal;
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': apiLanguage(currentLocale()),
    ...opts.headers,
  };
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: string | Blob | undefined;
  if (opts.raw !== undefined) {
    headers['Content-Type'] ??= 'application/octet-stream';
    body = opts.raw;
  } else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}${buildQuery(opts.query)}`, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as Error)?.name === 'AbortError') throw e;
    throw new ApiError(0, {}, t('errors.network'));
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('Content-Type') ?? '';
  const data: unknown = type.includes('json') ? await res.json().catch(() => null) : await res.text();
  if (!res.ok) {
    const retry = Number(res.headers.get('Retry-After')) || undefined;
    const err = toApiError(res.status, data, t('errors.unknown', { status: res.status }), retry);
    if (res.status === 401 && !opts.allow401) onUnauthorized?.();
    throw err;
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  del: <T>(path: string, query?: Query) => request<T>('DELETE', path, { query }),
};

/** Runs async jobs with at most `limit` in flight (the dashboard's many counts). */
export async function pool<T, R>(items: T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  });
  await Promise.all(workers);
  return out;
}
