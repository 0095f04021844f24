import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildQuery, pool, request, setToken, setUnauthorizedHandler } from '@/api/http';
import { isApiError, type ApiError } from '@/api/problem';
import { setLocale } from '@/i18n';

function reply(status: number, body: unknown, type = 'application/problem+json') {
  return vi.fn(async () => new Response(body === null ? null : JSON.stringify(body), { status, headers: { 'Content-Type': type } }));
}

afterEach(() => {
  vi.unstubAllGlobals();
  setToken(null);
  setUnauthorizedHandler(null);
  setLocale('zh-CN');
});

describe('API client', () => {
  it('sends Accept-Language from the UI language and the bearer token', async () => {
    const f = reply(200, { ok: true }, 'application/json');
    vi.stubGlobal('fetch', f);
    setToken('tok');
    setLocale('en');
    await request('GET', '/session');
    setLocale('zh-TW');
    await request('GET', '/households', { query: { region: '430281', q: '', limit: 0 } });
    const [url1, init1] = f.mock.calls[0] as unknown as [string, RequestInit];
    const [url2, init2] = f.mock.calls[1] as unknown as [string, RequestInit];
    expect(url1).toBe('/api/v1/session');
    expect((init1.headers as Record<string, string>)['Accept-Language']).toBe('en');
    expect((init1.headers as Record<string, string>).Authorization).toBe('Bearer tok');
    expect(init1.credentials).toBe('same-origin');
    expect(url2).toBe('/api/v1/households?region=430281&limit=0');
    expect((init2.headers as Record<string, string>)['Accept-Language']).toBe('zh-CN');
  });

  it('turns problem+json into ApiError with field errors', async () => {
    vi.stubGlobal('fetch', reply(422, { status: 422, code: 'validation', detail: 'bad', errors: [{ field: 'members[1].id_number', code: 'x', message: 'm' }] }));
    const e = (await request('POST', '/households', { body: {} }).catch((x: unknown) => x)) as ApiError;
    expect(isApiError(e)).toBe(true);
    expect(e.status).toBe(422);
    expect(e.errors[0].field).toBe('members[1].id_number');
  });

  it('a 401 ends the session, except on sign-in', async () => {
    const onUnauth = vi.fn();
    setUnauthorizedHandler(onUnauth);
    vi.stubGlobal('fetch', reply(401, { status: 401, code: 'session.expired', detail: 'expired' }));
    await request('GET', '/households').catch(() => undefined);
    expect(onUnauth).toHaveBeenCalledTimes(1);
    await request('POST', '/session', { body: {}, allow401: true }).catch(() => undefined);
    expect(onUnauth).toHaveBeenCalledTimes(1);
  });

  it('reports a network failure in the user language', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    setLocale('en');
    const e = (await request('GET', '/session').catch((x: unknown) => x)) as ApiError;
    expect(e.status).toBe(0);
    expect(e.detail).toMatch(/Cannot reach the server/);
  });

  it('returns nothing for 204', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(null, { status: 204 })));
    expect(await request('DELETE', '/session')).toBeUndefined();
  });

  it('builds query strings without empty values', () => {
    expect(buildQuery({ a: 1, b: '', c: undefined, d: null, e: true })).toBe('?a=1&e=true');
    expect(buildQuery({})).toBe('');
  });

  it('runs jobs with bounded concurrency, keeping order', async () => {
    let running = 0;
    let peak = 0;
    const out = await pool([1, 2, 3, 4, 5, 6], 2, async (x) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      return x * 10;
    });
    expect(out).toEqual([10, 20, 30, 40, 50, 60]);
    expect(peak).toBe(2);
  });
});
