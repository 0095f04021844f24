// The livelihood edit dialogs' PATCH body: only the changed fields, with the
// version the user saw; create-only fields never sent on an edit.
import { describe, expect, it } from 'vitest';
import { editBody, type FieldDef } from '@/views/livelihood/common/recordFields';

const fields: FieldDef[] = [
  { key: 'name', label: 'x' },
  { key: 'capacity_jin', label: 'x', type: 'number' },
  { key: 'villages', label: 'x', type: 'multi' },
  { key: 'active', label: 'x', type: 'bool' },
  { key: 'secret', label: 'x', createOnly: true },
];

describe('editBody', () => {
  it('sends only what changed, with the version', () => {
    const before = { name: '石亭收购点', capacity_jin: 1000, villages: ['430281122201'], active: true, secret: 'a' };
    const now = { ...before, capacity_jin: 1200, villages: ['430281122201', '430281122202'], secret: 'b' };
    expect(editBody(fields, before, now, 4)).toEqual({ capacity_jin: 1200, villages: ['430281122201', '430281122202'], version: 4 });
  });
  it('treats empty text and null alike, and sends a switch turned off', () => {
    const before = { name: null, capacity_jin: 5, villages: [], active: true };
    const now = { name: '', capacity_jin: 5, villages: [], active: false };
    expect(editBody(fields, before, now, 1)).toEqual({ active: false, version: 1 });
  });
});
