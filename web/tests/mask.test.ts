import { describe, expect, it } from 'vitest';
import { ageAt, formatIdNumber, isMasked, maskIdNumber, maskPhone, shownIdNumber, telHref } from '@/lib/mask';

describe('masking display helpers', () => {
  it('mask like the server', () => {
    expect(maskIdNumber('43028119900307123X')).toBe('430281********123X');
    expect(maskIdNumber('123')).toBe('******');
    expect(maskIdNumber('')).toBe('');
    expect(maskPhone('19912340121')).toBe('199****0121');
    expect(maskPhone('0731-2345678')).toBe('073****5678');
    expect(maskPhone('123')).toBe('****');
  });
  it('tell masked values apart', () => {
    expect(isMasked('430281********0596')).toBe(true);
    expect(isMasked('199****0121')).toBe(true);
    expect(isMasked('19912340121')).toBe(false);
    expect(isMasked('')).toBe(false);
    expect(isMasked(null)).toBe(false);
  });
  it('group ID numbers 6-8-4', () => {
    expect(formatIdNumber('430281********0596')).toBe('430281 ******** 0596');
    expect(formatIdNumber('43028119900307123X')).toBe('430281 19900307 123X');
    expect(formatIdNumber('12345')).toBe('12345');
    expect(formatIdNumber(undefined)).toBe('');
  });
  it('show the revealed number when there is one', () => {
    expect(shownIdNumber('430281********0596', null)).toBe('430281 ******** 0596');
    expect(shownIdNumber('430281********0596', '430281197912280596')).toBe('430281 19791228 0596');
  });
  it('dial only full phone numbers', () => {
    expect(telHref('199****0121')).toBeNull();
    expect(telHref('19912340121')).toBe('tel:19912340121');
    expect(telHref('0733-2345678')).toBe('tel:0733-2345678');
    expect(telHref('')).toBeNull();
  });
  it('compute completed years', () => {
    const d = new Date(2020, 1, 12);
    expect(ageAt('1979-12-28', d)).toBe(40);
    expect(ageAt('2000-02-12', d)).toBe(20);
    expect(ageAt('2000-02-13', d)).toBe(19);
    expect(ageAt('bad', d)).toBeNull();
  });
});
