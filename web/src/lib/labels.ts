import { useI18n } from 'vue-i18n';
import { labelKey } from './enums';

/** label('relationship', '01') -> 本人（户主）; unknown values are shown as they are. */
export function useLabels() {
  const { t } = useI18n();
  const label = (kind: string, value: string | null | undefined): string => {
    const k = labelKey(kind, value);
    return k ? t(k) : (value ?? '');
  };
  return { label };
}
