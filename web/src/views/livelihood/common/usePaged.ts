// A paged list whose filters and page live in the URL (lib/listQuery): loads
// on every change of the query, drops answers of superseded requests.
import { ref, shallowRef, watch } from 'vue';
import type { Page } from '@/api/types';
import type { Query } from '@/api/http';
import { isApiError } from '@/api/problem';
import { useListQuery } from '@/lib/listQuery';

export function usePaged<T, F extends Record<string, string>>(
  defaults: F,
  fetch: (q: Query, signal: AbortSignal) => Promise<Page<T>>,
  opts: { size?: number; extra?: () => Query } = {},
) {
  const lq = useListQuery(defaults, opts.size ?? 20);
  const items = shallowRef<T[]>([]);
  const total = ref(0);
  const loading = ref(false);
  const error = ref('');
  let ctrl: AbortController | null = null;
  async function load() {
    ctrl?.abort();
    ctrl = new AbortController();
    loading.value = true;
    error.value = '';
    try {
      const q: Query = { ...opts.extra?.(), limit: lq.paging.size, offset: (lq.paging.page - 1) * lq.paging.size };
      for (const [k, v] of Object.entries(lq.filters)) if (v) q[k] = v;
      const p = await fetch(q, ctrl.signal);
      items.value = p.items;
      total.value = p.total;
    } catch (e) {
      if ((e as Error).name === 'AbortError') return;
      error.value = isApiError(e) ? e.detail : String(e);
      items.value = [];
      total.value = 0;
    } finally {
      loading.value = false;
    }
  }
  watch(() => lq.route.query, load, { immediate: true });
  return { ...lq, items, total, loading, error, load };
}

/** A one-shot load with loading and error state (detail pages). */
export function useLoad<T>(fetch: () => Promise<T>) {
  const data = shallowRef<T | null>(null);
  const loading = ref(false);
  const error = ref('');
  async function load() {
    loading.value = true;
    error.value = '';
    try {
      data.value = await fetch();
    } catch (e) {
      error.value = isApiError(e) ? e.detail : String(e);
    } finally {
      loading.value = false;
    }
  }
  return { data, loading, error, load };
}

/** The message of a refused request. */
export function errorText(e: unknown): string {
  return isApiError(e) ? e.detail : e instanceof Error ? e.message : String(e);
}
