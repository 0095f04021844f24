// Sending a file to import: small files (at most 4 MiB) in one POST
// /imports; larger ones in slices (POST /imports/uploads, PUT each slice at
// its offset, POST .../start), so no request holds the whole file and a weak
// phone connection resumes where it stopped: a slice that fails (network,
// 5xx, timeout) is retried after a pause, from the offset the server says it
// has (GET /imports/uploads/{id}); so does a gap answered 409. Progress is
// reported as bytes the server has. Pure of Vue, so it is unit-tested
// (tests/imports.test.ts).
import { request } from '@/api/http';
import { ApiError, isApiError } from '@/api/problem';

export const SINGLE_SHOT_MAX = 4 * 1024 * 1024;

export interface ImportJob {
  id: number;
  kind: string;
  mode: string;
  dry_run: boolean;
  format: string;
  file_name: string;
  size_bytes: number;
  received_bytes: number;
  uploaded_by: string;
  state: 'uploading' | 'queued' | 'running' | 'done' | 'failed';
  rows_read: number;
  progress: number;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  summary: ImportSummary | null;
  error: { code: string; field: string; row: number; message: string } | null;
  chunk_size?: number;
}

export interface ImportRefusal {
  row: number;
  column: string | null;
  column_name: string;
  value: string;
  code: string;
  reason: string;
}

export interface ImportSummary {
  rows_read: number;
  added: number;
  updated: number;
  unchanged: number;
  refused: number;
  /** Rows read but neither added nor refused: the template's example row left in. */
  skipped?: number;
  skipped_rows?: { row: number; reason: string }[];
  /** Of a workbook: the sheet read, and what the user must know (its other sheets with rows, not read). */
  sheet?: string;
  notes?: string[];
  committed: boolean;
  dry_run: boolean;
  refusals: ImportRefusal[];
  [k: string]: unknown;
}

export interface UploadRequest {
  kind: string;
  mode: 'all-or-nothing' | 'good-rows';
  dryRun: boolean;
  file: Blob;
  fileName: string;
  /** Bytes the server has, of all. */
  onProgress?: (sent: number, total: number) => void;
  /** A slice is tried this many times before the upload gives up. */
  attempts?: number;
  /** Pause before a retry (ms; doubles each time). */
  pauseMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Worth retrying: no answer at all (status 0), a timeout, or the server's trouble. */
function transient(e: unknown): boolean {
  return isApiError(e) && (e.status === 0 || e.status === 408 || e.status === 429 || e.status >= 500);
}

function contentType(name: string): string {
  return /\.xlsx$/i.test(name) ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
}

/** Uploads the file and starts its import; the job as GET /imports/{id} gives it. */
export async function uploadForImport(req: UploadRequest): Promise<ImportJob> {
  const total = req.file.size;
  const query = { kind: req.kind, mode: req.mode, dry_run: req.dryRun, file_name: req.fileName };
  if (total <= SINGLE_SHOT_MAX) {
    const job = await request<ImportJob>('POST', '/imports', { query, raw: req.file, headers: { 'Content-Type': contentType(req.fileName) } });
    req.onProgress?.(total, total);
    return job;
  }
  const sleep = req.sleep ?? defaultSleep;
  const attempts = req.attempts ?? 6;
  const begun = await request<ImportJob>('POST', '/imports/uploads', {
    body: { kind: req.kind, mode: req.mode, dry_run: req.dryRun, file_name: req.fileName, size: total },
  });
  const id = begun.id;
  const chunk = begun.chunk_size ?? SINGLE_SHOT_MAX;
  let offset = 0;
  let failures = 0;
  req.onProgress?.(0, total);
  while (offset < total) {
    try {
      const r = await request<ImportJob>('PUT', `/imports/uploads/${id}`, {
        query: { offset },
        raw: req.file.slice(offset, Math.min(total, offset + chunk)),
      });
      offset = r.received_bytes;
      failures = 0;
      req.onProgress?.(offset, total);
    } catch (e) {
      const gap = isApiError(e) && e.status === 409 && e.code === 'upload.gap';
      if (!gap) {
        if (!transient(e) || ++failures >= attempts) throw e;
        await sleep((req.pauseMs ?? 1000) * 2 ** (failures - 1));
      }
      // Where to go on: what the server has (the slice may have arrived, its answer not).
      try {
        const now = await request<ImportJob>('GET', `/imports/uploads/${id}`);
        offset = now.received_bytes;
        req.onProgress?.(offset, total);
      } catch (e2) {
        if (!transient(e2)) throw e2;
      }
    }
  }
  return request<ImportJob>('POST', `/imports/uploads/${id}/start`, { body: {} });
}

export function isFinished(job: ImportJob): boolean {
  return job.state === 'done' || job.state === 'failed';
}

export { ApiError };
