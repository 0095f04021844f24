// The import page's upload (views/imports/upload.ts): a small file in one
// POST, a large one in slices; a slice lost on the network is retried from
// what the server says it has; a gap resumes the same way; a refusal stops.
// And which kinds each role is offered (kinds.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SINGLE_SHOT_MAX, uploadForImport } from '@/views/imports/upload';
import { importKinds } from '@/views/imports/kinds';
import type { Scope } from '@/api/types';

afterEach(() => vi.unstubAllGlobals());

type Call = { method: string; url: string; body: unknown };
/** A fake server for chunked uploads; `fail` decides per call whether to drop it. */
function server(size: number, fail: (c: Call, n: number) => 'network' | 'gap' | 'refuse' | null = () => null) {
  let received = 0;
  const calls: Call[] = [];
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status < 300 ? 'application/json' : 'application/problem+json' } });
  const f = vi.fn(async (url: string, init: RequestInit) => {
    const c = { method: init.method ?? 'GET', url, body: init.body };
    calls.push(c);
    const what = fail(c, calls.length);
    if (what === 'network') throw new TypeError('Failed to fetch');
    if (what === 'refuse') return json(422, { code: 'file.empty', detail: 'empty' });
    if (c.method === 'POST' && url === '/api/v1/imports/uploads') return json(201, { id: 7, chunk_size: SINGLE_SHOT_MAX, received_bytes: 0, state: 'uploading' });
    if (c.method === 'PUT') {
      const offset = Number(new URL(url, 'http://x').searchParams.get('offset'));
      if (what === 'gap' || offset > received) return json(409, { code: 'upload.gap', detail: 'gap', expected_offset: received });
      received = Math.max(received, offset + (c.body as Blob).size);
      return json(200, { id: 7, received_bytes: received, state: 'uploading' });
    }
    if (c.method === 'GET') return json(200, { id: 7, received_bytes: received, state: 'uploading' });
    if (url.endsWith('/start')) return json(202, { id: 7, state: 'queued', size_bytes: size });
    return json(202, { id: 8, state: 'queued' });
  });
  vi.stubGlobal('fetch', f);
  return { calls, received: () => received };
}
const file = (n: number) => new Blob([new Uint8Array(n)]);
const base = { kind: 'households', mode: 'good-rows' as const, dryRun: false, fileName: 'a.csv', sleep: async () => undefined };

describe('import upload', () => {
  it('sends a small file in one request', async () => {
    const s = server(100);
    const job = await uploadForImport({ ...base, file: file(100) });
    expect(job.id).toBe(8);
    expect(s.calls.map((c) => c.method + ' ' + c.url)).toEqual(['POST /api/v1/imports?kind=households&mode=good-rows&dry_run=false&file_name=a.csv']);
  });

  it('sends a large file in slices and starts it', async () => {
    const size = SINGLE_SHOT_MAX * 2 + 10;
    const s = server(size);
    const progress: number[] = [];
    const job = await uploadForImport({ ...base, file: file(size), onProgress: (n) => progress.push(n) });
    expect(job.id).toBe(7);
    expect(s.calls.map((c) => c.method + ' ' + c.url.replace('/api/v1', ''))).toEqual([
      'POST /imports/uploads',
      'PUT /imports/uploads/7?offset=0',
      `PUT /imports/uploads/7?offset=${SINGLE_SHOT_MAX}`,
      `PUT /imports/uploads/7?offset=${SINGLE_SHOT_MAX * 2}`,
      'POST /imports/uploads/7/start',
    ]);
    expect(progress).toEqual([0, SINGLE_SHOT_MAX, SINGLE_SHOT_MAX * 2, size]);
  });

  it('retries a slice lost on the network from what the server has', async () => {
    const size = SINGLE_SHOT_MAX + 10;
    const s = server(size, (_c, n) => (n === 3 ? 'network' : null));
    await uploadForImport({ ...base, file: file(size) });
    expect(s.calls.map((c) => c.method + ' ' + c.url.replace('/api/v1', ''))).toEqual([
      'POST /imports/uploads',
      'PUT /imports/uploads/7?offset=0',
      `PUT /imports/uploads/7?offset=${SINGLE_SHOT_MAX}`, // lost
      'GET /imports/uploads/7',
      `PUT /imports/uploads/7?offset=${SINGLE_SHOT_MAX}`, // again
      'POST /imports/uploads/7/start',
    ]);
    expect(s.received()).toBe(size);
  });

  it('resumes after a gap from what the server has', async () => {
    const size = SINGLE_SHOT_MAX + 10;
    const s = server(size, (_c, n) => (n === 2 ? 'gap' : null));
    await uploadForImport({ ...base, file: file(size) });
    expect(s.calls.map((c) => c.method + ' ' + c.url.replace('/api/v1', ''))).toEqual([
      'POST /imports/uploads',
      'PUT /imports/uploads/7?offset=0', // 409 upload.gap
      'GET /imports/uploads/7',
      'PUT /imports/uploads/7?offset=0',
      `PUT /imports/uploads/7?offset=${SINGLE_SHOT_MAX}`,
      'POST /imports/uploads/7/start',
    ]);
  });

  it('stops on a refusal, and after too many network failures', async () => {
    server(SINGLE_SHOT_MAX + 1, (c) => (c.method === 'PUT' ? 'refuse' : null));
    await expect(uploadForImport({ ...base, file: file(SINGLE_SHOT_MAX + 1) })).rejects.toMatchObject({ status: 422 });
    const s = server(SINGLE_SHOT_MAX + 1, (c) => (c.method === 'PUT' ? 'network' : null));
    await expect(uploadForImport({ ...base, file: file(SINGLE_SHOT_MAX + 1), attempts: 3 })).rejects.toMatchObject({ status: 0 });
    expect(s.calls.filter((c) => c.method === 'PUT').length).toBe(3);
  });
});

describe('import kinds by role', () => {
  const scope = (s: Partial<Scope> & Record<string, unknown>) =>
    ({ region_prefix: '430281', registry: true, registry_write: false, paired_only: false, full_phone: false, may_reveal: false, manage_accounts: false, manage_roles: false, read_audit: false, ...s }) as Scope;
  it('follows the server', () => {
    expect(importKinds('county_admin', scope({ registry_write: true, epidemic_write: true, livelihood: true, livelihood_write: true, livelihood_command: true }))).toEqual([
      'households', 'key_persons', 'passages', 'follow_ups', 'purchases', 'listings', 'labourers', 'cooperatives', 'poverty_register',
    ]);
    expect(importKinds('checkpoint_staff', scope({ registry: false, checkpoint_id: 3 }))).toEqual(['passages']);
    expect(importKinds('paired_cadre', scope({ registry_write: true, paired_only: true, epidemic_write: true }))).toEqual([]);
    expect(importKinds('audit_admin', scope({ registry: false, read_audit: true }))).toEqual([]);
  });
});
