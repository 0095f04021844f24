// RFC 9457 problem+json errors from the API, and their mapping onto form fields.
// The server names bad fields as paths ("members[1].id_number"); forms use the
// same paths as keys, so a message lands next to the field it is about.

export interface FieldError {
  field: string;
  /** The field's name in the user's language (公民身份号码, 第2位成员的姓名). */
  label?: string;
  code: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: FieldError[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldError[];
  readonly retryAfter?: number;

  constructor(status: number, p: Problem, fallback: string, retryAfter?: number) {
    super(p.detail || p.title || fallback);
    this.name = 'ApiError';
    this.status = status;
    this.code = p.code ?? (status === 0 ? 'network' : `http.${status}`);
    this.title = p.title ?? '';
    this.detail = p.detail || p.title || fallback;
    this.errors = Array.isArray(p.errors) ? p.errors.filter((e) => e && typeof e.message === 'string') : [];
    this.retryAfter = retryAfter;
  }

  /** 409 with a stale version: someone else changed the record. */
  get isStale(): boolean {
    return this.status === 409 && (this.code === 'version.stale' || this.errors.some((e) => e.field === 'version'));
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** Builds the error from a response body (parsed JSON or text). */
export function toApiError(status: number, body: unknown, fallback: string, retryAfter?: number): ApiError {
  if (body && typeof body === 'object') return new ApiError(status, body as Problem, fallback, retryAfter);
  const text = typeof body === 'string' && body.trim() && body.length < 300 ? body.trim() : '';
  return new ApiError(status, { detail: text || undefined }, fallback, retryAfter);
}

/** "members.1.id_number", "members[1].id_number" and "members[1][id_number]" all become "members[1].id_number". */
export function normalizeField(field: string): string {
  return field
    .replace(/\[([A-Za-z_][\w]*)\]/g, '.$1')
    .replace(/\.(\d+)(?=\.|$)/g, '[$1]')
    .replace(/^\./, '');
}

export type FieldErrors = Record<string, string>;

/** Field path -> message (several messages for one field are joined). */
export function fieldErrors(err: unknown): FieldErrors {
  const out: FieldErrors = {};
  if (!isApiError(err)) return out;
  for (const e of err.errors) {
    if (!e.field) continue;
    const f = normalizeField(e.field);
    out[f] = out[f] ? `${out[f]}；${e.message}` : e.message;
  }
  return out;
}

/**
 * Splits an error into the messages that belong to fields the form shows
 * (`known` decides) and the rest, which the form shows in a summary above.
 */
export function splitErrors(
  err: unknown,
  known: (field: string) => boolean,
): { byField: FieldErrors; other: string[] } {
  const byField: FieldErrors = {};
  const other: string[] = [];
  if (!isApiError(err)) {
    if (err instanceof Error) other.push(err.message);
    return { byField, other };
  }
  const all = fieldErrors(err);
  for (const [f, m] of Object.entries(all)) if (known(f)) byField[f] = m;
  // The rest go to the summary, each saying which field it is about.
  for (const e of err.errors) {
    if (!e.field || known(normalizeField(e.field))) continue;
    const label = e.label && e.label !== e.field && !e.message.includes(e.label) ? e.label : '';
    other.push(label ? `${label}：${e.message}` : e.message);
  }
  // A problem without field errors (or whose fields the form lacks) still says what went wrong.
  if (Object.keys(byField).length === 0 && other.length === 0) other.push(err.detail);
  return { byField, other };
}

/** Index of the member a field path is about ("members[2].name" -> 2), or null. */
export function memberIndex(field: string): number | null {
  const m = /^members\[(\d+)\]/.exec(normalizeField(field));
  return m ? Number(m[1]) : null;
}
