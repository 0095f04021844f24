// Form state helpers around problem+json errors.
import { ref } from 'vue';
import { splitErrors, type FieldErrors } from '@/api/problem';

export function useFormErrors(known: (field: string) => boolean) {
  const fieldErrs = ref<FieldErrors>({});
  const otherErrs = ref<string[]>([]);
  function clear() {
    fieldErrs.value = {};
    otherErrs.value = [];
  }
  function show(e: unknown) {
    const { byField, other } = splitErrors(e, known);
    fieldErrs.value = byField;
    otherErrs.value = other;
  }
  return { fieldErrs, otherErrs, clear, show };
}

/** Only the fields that differ from the original (for PATCH). */
export function changedFields<T extends Record<string, unknown>>(orig: T, now: T): Partial<T> {
  const out: Partial<T> = {};
  for (const k of Object.keys(now) as (keyof T)[]) {
    if ((now[k] ?? '') !== (orig[k] ?? '')) out[k] = now[k];
  }
  return out;
}
