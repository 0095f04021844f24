// Labels of the epidemic front's vocabularies (epidemic.vocab.* in the
// catalogues): elabel('category', 'close_contact') -> 密切接触者.
import { useI18n } from 'vue-i18n';

export function useEpidemicLabels() {
  const { t, te } = useI18n();
  const elabel = (kind: string, value: string | null | undefined): string => {
    if (!value) return '';
    const k = `epidemic.vocab.${kind}.${value}`;
    return te(k) ? t(k) : value;
  };
  const symptomsText = (s: string[] | null | undefined): string =>
    s && s.length ? s.map((x) => elabel('symptom', x)).join('、') : t('epidemic.noSymptoms');
  return { elabel, symptomsText };
}
