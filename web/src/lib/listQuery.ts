// List pages keep their filters and page in the URL query, so a drill-down
// link, the back button and a reload all show the same list.
import { reactive, watch } from 'vue';
import { useRoute, useRouter, type LocationQuery } from 'vue-router';

export function useListQuery<T extends Record<string, string>>(defaults: T, pageSize = 20) {
  const route = useRoute();
  const router = useRouter();
  const read = (q: LocationQuery) => {
    const f = { ...defaults } as T;
    for (const k of Object.keys(defaults)) {
      const v = q[k];
      if (typeof v === 'string') (f as Record<string, string>)[k] = v;
    }
    return f;
  };
  const filters = reactive(read(route.query)) as T;
  const paging = reactive({
    page: Math.max(1, Number(route.query.page) || 1),
    size: Number(route.query.size) || pageSize,
  });
  /** Writes the filters (back to page 1 unless keepPage) into the URL. */
  function apply(keepPage = false) {
    if (!keepPage) paging.page = 1;
    const q: Record<string, string> = {};
    for (const [k, v] of Object.entries(filters)) if (v) q[k] = v;
    if (paging.page > 1) q.page = String(paging.page);
    if (paging.size !== pageSize) q.size = String(paging.size);
    router.replace({ query: q });
  }
  function reset() {
    Object.assign(filters, defaults);
    apply();
  }
  // Outside changes of the URL (drill-down links, back button).
  watch(
    () => route.query,
    (q) => {
      Object.assign(filters, read(q));
      paging.page = Math.max(1, Number(q.page) || 1);
      paging.size = Number(q.size) || pageSize;
    },
  );
  return { filters, paging, apply, reset, route };
}
