import { describe, expect, it } from '@jest/globals';
import {
  LocaleError,
  figureFormat,
  posixLocaleTag,
  terminalIsUnicode,
  userLocale,
} from '../../middleware/src/cli/locale-format.js';
import { ASCII_MARKERS } from '../../middleware/src/cli/attribution-tables.js';

const plain = (text: string) => text.replace(/[\u00a0\u202f\u2009]/g, ' ');

describe('userLocale', () => {
  it('takes --locale first, then LC_ALL, LC_MONETARY and LANG, skipping C and POSIX', () => {
    const env = { LC_ALL: 'fr_FR.UTF-8', LC_MONETARY: 'de_DE.UTF-8@euro', LANG: 'en_GB.UTF-8' };
    expect(userLocale('ja-JP', env)).toBe('ja-JP');
    expect(userLocale(undefined, env)).toBe('fr-FR');
    expect(userLocale(undefined, { ...env, LC_ALL: 'C' })).toBe('de-DE');
    expect(userLocale(undefined, { LANG: 'en_GB.UTF-8' })).toBe('en-GB');
    expect(userLocale(undefined, { LANG: 'POSIX' })).toBe('en-US');
    expect(userLocale(undefined, {})).toBe('en-US');
  });

  it('refuses a --locale it cannot format for, but passes over a broken environment value', () => {
    expect(() => userLocale('not a locale!', {})).toThrow(LocaleError);
    expect(userLocale(undefined, { LC_ALL: '!!', LANG: 'de_AT.UTF-8' })).toBe('de-AT');
  });

  it('reads POSIX names as BCP 47 tags', () => {
    expect(posixLocaleTag('pt_BR.ISO-8859-1')).toBe('pt-BR');
    expect(posixLocaleTag('')).toBeNull();
    expect(posixLocaleTag(undefined)).toBeNull();
  });
});

describe('figureFormat', () => {
  it("writes money, counts, rates and period dates the locale's way, and a missing figure as a dash", () => {
    const us = figureFormat('en-US', 'USD');
    expect(us.money(1_147_031_733.2)).toBe('$1,147,031,733');
    expect(us.percent(0.4256)).toBe('42.6%');
    expect(us.count(null)).toBe('–');
    expect(us.signedPoints(41.6667)).toBe('+41.7');
    expect(plain(us.dateRange('2026-10-01', '2026-12-31'))).toBe('Oct 1 – Dec 31, 2026');
    const de = figureFormat('de-DE', 'EUR');
    expect(plain(de.money(1_147_031_733.2))).toBe('1.147.031.733 €');
    expect(plain(de.percent(0.4256))).toBe('42,6 %');
  });
});

describe('terminal markers', () => {
  it('falls back to ASCII markers outside a UTF-8 terminal', () => {
    expect(terminalIsUnicode({ LANG: 'en_US.UTF-8' }, 'linux')).toBe(true);
    expect(terminalIsUnicode({ LANG: 'C' }, 'linux')).toBe(false);
    expect(terminalIsUnicode({ WT_SESSION: '1' }, 'win32')).toBe(true);
    expect(Object.values(ASCII_MARKERS).every((marker) => /^[\x20-\x7e]$/.test(marker))).toBe(true);
  });
});
