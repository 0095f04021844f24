import { computed, onBeforeUnmount, ref } from 'vue';

const PHONE = '(max-width: 767px)';
const phone = ref(typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(PHONE).matches : false);
let listening = 0;
let mql: MediaQueryList | null = null;
const onChange = (e: MediaQueryListEvent) => (phone.value = e.matches);

/** True on a phone-sized screen (under 768 px wide). */
export function useIsPhone() {
  if (typeof window !== 'undefined' && window.matchMedia) {
    if (listening++ === 0) {
      mql = window.matchMedia(PHONE);
      phone.value = mql.matches;
      mql.addEventListener('change', onChange);
    }
    onBeforeUnmount(() => {
      if (--listening === 0 && mql) mql.removeEventListener('change', onChange);
    });
  }
  const dialogWidth = computed(() => (phone.value ? '94%' : '640px'));
  return { isPhone: phone, dialogWidth };
}
