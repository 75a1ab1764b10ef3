import { describe, expect, it } from 'vitest';
import { keysOf, LANGS, translate } from '.';

describe('i18n', () => {
  it('every key exists in every language, and no string is empty', () => {
    const en = keysOf('en').sort();
    for (const lang of LANGS) {
      expect(keysOf(lang).sort()).toEqual(en);
      for (const k of en) expect(translate(lang, k).trim(), `${lang} ${k}`).not.toBe('');
    }
  });
  it('placeholders are filled, and every placeholder of English exists in each translation', () => {
    expect(translate('en', 'app.language')).toBe('Language');
    expect(translate('zh', 'app.language')).toBe('语言');
    const holes = (s: string): string[] => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const k of keysOf('en'))
      for (const lang of LANGS)
        expect(holes(translate(lang, k)), `${lang} ${k}`).toEqual(holes(translate('en', k)));
  });
  it('an unknown key prints as itself', () => {
    expect(translate('zh', 'no.such.key')).toBe('no.such.key');
  });
});
