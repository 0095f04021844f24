// Labels and number formats of the livelihood pages in the UI's language:
// produce kinds (the catalogue's, else the API's label), supply items and
// units, jin and yuan.
import { computed, shallowRef } from 'vue';
import { useI18n } from 'vue-i18n';
import { produceApi, type Label, type ProduceKind } from '@/api/livelihood';
import { formatJin, formatYuan } from '../lib';

const kinds = shallowRef<ProduceKind[]>([]);
let loading: Promise<void> | null = null;
/** The kinds of produce (GET /produce/kinds once per page load). */
export function loadKinds(): Promise<void> {
  loading ??= produceApi
    .kinds()
    .then((p) => {
      kinds.value = p.items;
    })
    .catch(() => {
      loading = null;
    });
  return loading;
}

export function useLh() {
  const { t, te, locale } = useI18n();
  const has = (k: string) => te(k) || te(k, 'zh-CN');
  function kindLabel(id: string, api?: Label | null): string {
    const k = `livelihood.kinds.${id}`;
    if (has(k)) return t(k);
    const l = api ?? kinds.value.find((x) => x.id === id);
    if (!l) return id;
    return locale.value === 'en' ? l.en : l.zh;
  }
  /** A label from a catalogue group, the id itself when unknown. */
  function label(group: string, id: string | null | undefined): string {
    if (!id) return '';
    const k = `livelihood.${group}.${id}`;
    return has(k) ? t(k) : id;
  }
  const unitLabel = (u: string) => label('units', u);
  const jin = (n: number | null | undefined) => formatJin(n, locale.value);
  const yuan = (n: number | null | undefined) => formatYuan(n, locale.value);
  const kindOptions = computed(() => kinds.value.map((k) => ({ value: k.id, label: kindLabel(k.id, k) })));
  return { t, locale, kindLabel, label, unitLabel, jin, yuan, kinds, kindOptions };
}
