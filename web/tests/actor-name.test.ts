// The server's own actors (the re-check's "system", a CLI import ...) are
// shown in the user's language; a login is shown as it is. The household
// page said "更新时间 2026-12-06 19:39 · import" and task histories "· system".
import { describe, expect, it } from 'vitest';
import { i18n } from '@/i18n';
import { actorName } from '@/lib/format';

describe('actorName', () => {
  it('names the programs in Chinese by default and in English when chosen', () => {
    i18n.global.locale.value = 'zh-CN';
    expect(actorName('system')).toBe('系统');
    expect(actorName('import')).toBe('批量导入');
    expect(actorName('cli')).toBe('命令行');
    i18n.global.locale.value = 'zh-TW';
    expect(actorName('import')).toBe('批次匯入');
    i18n.global.locale.value = 'en';
    expect(actorName('system')).toBe('system');
    expect(actorName('cli')).toBe('command line');
    i18n.global.locale.value = 'zh-CN';
  });
  it('keeps logins and empties as they are', () => {
    expect(actorName('wjg')).toBe('wjg');
    expect(actorName('importer')).toBe('importer');
    expect(actorName('')).toBe('');
    expect(actorName(null)).toBe('');
  });
});
