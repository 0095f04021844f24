// Display helpers for masked personal data. The server masks ID numbers for
// every role (430281********1234) and phones for roles without full_phone
// (199****0121); the full values come only from POST /persons/{id}/reveal.

export function isMasked(value: string | null | undefined): boolean {
  return !!value && value.includes('*');
}

/** Same rule as the server: keep the 6-digit division and the last 4. */
export function maskIdNumber(id: string): string {
  if (!id) return '';
  return id.length === 18 ? `${id.slice(0, 6)}********${id.slice(14)}` : '******';
}

export function maskPhone(phone: string): string {
  if (!phone) return '';
  const digits = phone.replace(/\s/g, '');
  if (digits.length < 7) return '****';
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** 430281 ******** 1234 (or the full number grouped 6-8-4) for easier reading. */
export function formatIdNumber(id: string | null | undefined): string {
  if (!id) return '';
  const s = id.replace(/\s/g, '');
  if (s.length !== 18) return s;
  return `${s.slice(0, 6)} ${s.slice(6, 14)} ${s.slice(14)}`;
}

/** A tel: link for a phone the user may see in full, else null. */
export function telHref(phone: string | null | undefined): string | null {
  if (!phone || isMasked(phone)) return null;
  const s = phone.replace(/[^\d+-]/g, '');
  return s.length >= 5 ? `tel:${s}` : null;
}

/** Age in completed years at `asOf` (YYYY-MM-DD dates). */
export function ageAt(birth: string, asOf: Date = new Date()): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birth ?? '');
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  let age = asOf.getFullYear() - y;
  const md = (asOf.getMonth() + 1) * 100 + asOf.getDate();
  if (md < mo * 100 + d) age -= 1;
  return age >= 0 ? age : null;
}

/** Which text to show for a person's ID number: revealed in this page, else the masked one. */
export function shownIdNumber(masked: string, revealed?: string | null): string {
  return formatIdNumber(revealed || masked);
}
