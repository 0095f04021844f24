// The fields of a RecordDialog and the PATCH body of an edit: only what
// changed, with the version the user saw (the server refuses a stale one).
export interface FieldDef {
  key: string;
  /** Catalogue key of the label. */
  label: string;
  type?: 'text' | 'number' | 'region' | 'bool' | 'select' | 'multi' | 'textarea' | 'date';
  required?: boolean;
  precision?: number;
  min?: number;
  /** Choices of a select (may depend on the other fields). */
  options?: (form: Record<string, unknown>) => { value: string | number; label: string }[];
  /** A select that also takes typed values. */
  create?: boolean;
  wide?: boolean;
  /** Value of a new record. */
  initial?: unknown;
  /** Value when the record has none. */
  empty?: unknown;
  /** Reads the field from a record (when it is not record[key]). */
  from?: (rec: Record<string, unknown>) => unknown;
  /** Server field names whose messages show at this field (assignments -> villages). */
  aliases?: string[];
  /** Only sent when creating. */
  createOnly?: boolean;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? '') === JSON.stringify(b ?? '');
}

/** The changed fields of an edit, with the version. */
export function editBody(
  fields: FieldDef[],
  original: Record<string, unknown>,
  now: Record<string, unknown>,
  version: number,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const d of fields) {
    if (d.createOnly) continue;
    if (!same(original[d.key], now[d.key])) out[d.key] = now[d.key];
  }
  out.version = version;
  return out;
}
