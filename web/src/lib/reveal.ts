// Reveal a person's full ID number and phone (audited by the server). What was
// revealed is kept only by the page that asked, and only in memory.
import { reactive } from 'vue';
import { ElMessageBox } from 'element-plus';
import { personsApi } from '@/api/endpoints';
import type { Revealed } from '@/api/types';
import { isApiError } from '@/api/problem';
import { t } from '@/i18n';

export function useReveal() {
  const revealed = reactive(new Map<number, Revealed>());
  async function reveal(id: number, name: string): Promise<void> {
    let reason = '';
    try {
      const r = await ElMessageBox.prompt(t('person.revealNotice', { name }), t('person.revealTitle'), {
        confirmButtonText: t('common.confirm'),
        cancelButtonText: t('common.cancel'),
        inputPlaceholder: t('person.revealReason'),
        type: 'warning',
      });
      reason = String((r as { value?: string }).value ?? '');
    } catch {
      return; // cancelled
    }
    try {
      revealed.set(id, await personsApi.reveal(id, reason.trim() || undefined));
    } catch (e) {
      await ElMessageBox.alert(isApiError(e) ? e.detail : String(e), t('person.revealTitle'), { type: 'error' });
    }
  }
  function hide(id: number) {
    revealed.delete(id);
  }
  return { revealed, reveal, hide };
}
