import { useI18n } from 'vue-i18n';
import { labelKey } from './enums';
import { povertyLabelKey } from './poverty';

/**
 * Labels of the registry's and the poverty front's vocabularies:
 * plabel('cause', 'illness') -> 因病, plabel('rule', 'housing.safe') -> 住房安全有保障.
 */
export function usePovertyLabels() {
  const { t } = useI18n();
  const label = (kind: string, value: string | null | undefined): string => {
    const k = labelKey(kind, value);
    return k ? t(k) : (value ?? '');
  };
  const plabel = (kind: string, value: string | null | undefined): string => {
    const k = povertyLabelKey(kind, value);
    return k ? t(k) : (value ?? '');
  };
  return { label, plabel };
}
