// Supply items (GET /supplies/items) once per page load.
import { shallowRef } from 'vue';
import { suppliesApi, type SupplyItem } from '@/api/livelihood';

export const supplyItems = shallowRef<SupplyItem[]>([]);
let loading: Promise<void> | null = null;
export function loadSupplyItems(): Promise<void> {
  loading ??= suppliesApi
    .items()
    .then((p) => {
      supplyItems.value = p.items;
    })
    .catch(() => {
      loading = null;
    });
  return loading;
}
