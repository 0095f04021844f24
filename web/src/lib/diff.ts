// Before/after of an audit entry as a list of changed fields.
export interface DiffRow {
  field: string;
  before: string;
  after: string;
  changed: boolean;
}

function text(v: unknown): string {
  if (v === undefined) return '';
  if (v === null) return '∅';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

function flatten(v: unknown, prefix: string, out: Map<string, unknown>): void {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) flatten(x, prefix ? `${prefix}.${k}` : k, out);
  } else if (Array.isArray(v) && v.some((x) => x && typeof x === 'object')) {
    v.forEach((x, i) => flatten(x, `${prefix}[${i}]`, out));
  } else if (prefix) {
    out.set(prefix, v);
  }
}

/**
 * Field-by-field comparison (nested objects and arrays of objects flattened to
 * paths like members[0].name). `onlyChanged` drops equal fields.
 */
export function diffRecords(before: unknown, after: unknown, onlyChanged = false): DiffRow[] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  flatten(before ?? {}, '', a);
  flatten(after ?? {}, '', b);
  const keys: string[] = [...a.keys()];
  for (const k of b.keys()) if (!a.has(k)) keys.push(k);
  const rows = keys.map((k) => {
    const x = text(a.get(k));
    const y = text(b.get(k));
    return { field: k, before: a.has(k) ? x : '', after: b.has(k) ? y : '', changed: a.has(k) !== b.has(k) || x !== y };
  });
  return onlyChanged ? rows.filter((r) => r.changed) : rows;
}
