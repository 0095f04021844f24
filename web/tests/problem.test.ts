import { describe, expect, it } from 'vitest';
import { ApiError, fieldErrors, memberIndex, normalizeField, splitErrors, toApiError } from '@/api/problem';

// The body the server sends for POST /households with two bad members (see README).
const body = {
  type: 'urn:liangzhan:problem:validation',
  title: '填写有误',
  status: 422,
  detail: '有4处填写错误',
  code: 'validation',
  errors: [
    { field: 'members[0].id_number', code: 'id_number.checksum', message: '校验码错误' },
    { field: 'members[1].name', code: 'name.missing', message: '姓名不能为空' },
    { field: 'members[1].id_number', code: 'id_number.length', message: '应为18位' },
    { field: 'members', code: 'members.head', message: '须有且仅有一名户主' },
  ],
};

describe('problem+json errors', () => {
  it('keeps status, code, detail and field errors', () => {
    const e = toApiError(422, body, 'fallback');
    expect(e).toBeInstanceOf(ApiError);
    expect(e.status).toBe(422);
    expect(e.code).toBe('validation');
    expect(e.detail).toBe('有4处填写错误');
    expect(e.message).toBe('有4处填写错误');
    expect(e.errors).toHaveLength(4);
  });

  it('maps errors onto field paths', () => {
    const f = fieldErrors(toApiError(422, body, ''));
    expect(f['members[0].id_number']).toBe('校验码错误');
    expect(f['members[1].name']).toBe('姓名不能为空');
    expect(f['members[1].id_number']).toBe('应为18位');
    expect(f.members).toBe('须有且仅有一名户主');
  });

  it('joins two messages for one field', () => {
    const e = toApiError(422, { errors: [{ field: 'phone', code: 'a', message: 'A' }, { field: 'phone', code: 'b', message: 'B' }] }, '');
    expect(fieldErrors(e).phone).toBe('A；B');
  });

  it('normalises path spellings', () => {
    expect(normalizeField('members[1].id_number')).toBe('members[1].id_number');
    expect(normalizeField('members.1.id_number')).toBe('members[1].id_number');
    expect(normalizeField('members[1][id_number]')).toBe('members[1].id_number');
    expect(normalizeField('number')).toBe('number');
  });

  it('splits field errors the form shows from the rest', () => {
    const e = toApiError(422, body, '');
    const { byField, other } = splitErrors(e, (f) => f.startsWith('members[0]') || f === 'members');
    expect(Object.keys(byField).sort()).toEqual(['members', 'members[0].id_number']);
    expect(other).toEqual(['姓名不能为空', '应为18位']);
  });

  it('names the field of a summary message by its label', () => {
    const e = toApiError(422, {
      errors: [
        { field: 'members[1].id_number', label: '第2位成员的公民身份号码', code: 'x', message: '应为18位' },
        { field: 'capacity_jin', label: '日收购能力（斤）', code: 'y', message: '日收购能力（斤）应为数字' },
        { field: 'note', code: 'z', message: '太长' },
      ],
    }, '');
    expect(splitErrors(e, () => false).other).toEqual(['第2位成员的公民身份号码：应为18位', '日收购能力（斤）应为数字', '太长']);
  });

  it('uses the detail when no field is named (lockout, conflicts)', () => {
    const e = toApiError(429, { status: 429, code: 'session.locked', detail: '账号已锁定，请60秒后再试', errors: [] }, '', 60);
    expect(e.retryAfter).toBe(60);
    expect(splitErrors(e, () => true)).toEqual({ byField: {}, other: ['账号已锁定，请60秒后再试'] });
  });

  it('recognises a stale version (409)', () => {
    const stale = toApiError(409, { code: 'version.stale', errors: [{ field: 'version', code: 'version.stale', message: 'x' }] }, '');
    expect(stale.isStale).toBe(true);
    expect(toApiError(409, { code: 'household.duplicate_number', errors: [] }, '').isStale).toBe(false);
  });

  it('survives a body that is not a problem', () => {
    const e = toApiError(502, '<html>Bad gateway</html>', 'System error (502)');
    expect(e.detail).toBe('<html>Bad gateway</html>');
    expect(toApiError(500, null, 'System error (500)').detail).toBe('System error (500)');
    expect(fieldErrors(new Error('x'))).toEqual({});
  });

  it('finds the member a field is about', () => {
    expect(memberIndex('members[2].name')).toBe(2);
    expect(memberIndex('members.3.phone')).toBe(3);
    expect(memberIndex('members')).toBeNull();
    expect(memberIndex('number')).toBeNull();
  });
});
