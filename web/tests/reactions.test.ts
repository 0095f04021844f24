import { describe, expect, it } from 'vitest';
import { reactionLines } from '@/lib/reactions';

const t = (k: string, n?: Record<string, unknown>) => `${k}${n ? ` ${JSON.stringify(n)}` : ''}`;

describe('reactions as message lines', () => {
  it('lists each kind of reaction, and skipped ones with the reason', () => {
    expect(
      reactionLines(
        {
          key_persons: [12, 13],
          risk_cases: [7],
          observations_extended: [],
          support_requests: [{ household_id: 1 }],
          skipped: [{ code: 'monitoring.already_open', message: '该户已在防返贫监测中' }],
        },
        t,
      ),
    ).toEqual([
      'epidemic.reactions.keyPersons {"n":2,"ids":"#12, #13"}',
      'epidemic.reactions.riskCases {"n":1,"ids":"#7"}',
      'epidemic.reactions.support {"n":1}',
      'epidemic.reactions.skipped {"reason":"该户已在防返贫监测中"}',
    ]);
  });
  it('nothing for no reactions', () => {
    expect(reactionLines(undefined, t)).toEqual([]);
    expect(reactionLines({ key_persons: [], skipped: [] }, t)).toEqual([]);
  });
});
