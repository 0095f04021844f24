// Which kinds of file a user may import, as the server's may_import
// (src/http/handlers/imports.cc) decides: the page offers only those, and the
// menu entry shows when there is at least one. The server checks anyway.
import type { Scope } from '@/api/types';
import { isPointOperator } from '@/views/livelihood/lib';

export const IMPORT_KINDS = ['households', 'key_persons', 'passages', 'follow_ups', 'purchases', 'listings', 'labourers', 'cooperatives', 'poverty_register'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

interface LhScope {
  livelihood?: boolean;
  livelihood_write?: boolean;
  livelihood_command?: boolean;
}

export function importKinds(role: string, scope: Scope): ImportKind[] {
  const lh = scope as Scope & LhScope;
  const notPaired = !scope.paired_only;
  const may: Record<ImportKind, boolean> = {
    households: scope.registry_write && notPaired,
    key_persons: !!scope.epidemic_write && notPaired,
    follow_ups: !!scope.epidemic_write && notPaired,
    passages: role === 'checkpoint_staff' || (!!scope.epidemic_write && notPaired),
    purchases: isPointOperator(role, scope) || (!!lh.livelihood && !!lh.livelihood_write && !!lh.livelihood_command && notPaired),
    listings: !!lh.livelihood && !!lh.livelihood_write && notPaired,
    labourers: !!lh.livelihood && !!lh.livelihood_write && notPaired,
    cooperatives: !!lh.livelihood && !!lh.livelihood_write && !!lh.livelihood_command && notPaired,
    poverty_register: scope.registry_write && notPaired,  // as PUT /households/{id}/poverty/status
  };
  return IMPORT_KINDS.filter((k) => may[k]);
}
