import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARAM_NAMES, schema, type EnumField } from '../schema';
import { english, keysOf, LANGS, msg, translate } from '.';

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

describe('every key the code asks for exists', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory()
        ? files(join(dir, e.name))
        : /\.tsx?$/.test(e.name) && !e.name.includes('.test.')
          ? [join(dir, e.name)]
          : [],
    );
  const known = new Set(keysOf('en'));
  const sources = files('src').map((f) => [f, readFileSync(f, 'utf8')] as const);

  it("t('…'), tr('…') and msg('…') with a literal key", () => {
    const missing: string[] = [];
    let seen = 0;
    for (const [f, text] of sources)
      for (const m of text.matchAll(/\b(?:t|tr|msg)\(\s*'([a-z][\w]*\.[\w.]+)'/g)) {
        seen++;
        if (!known.has(m[1]!)) missing.push(`${f}: ${m[1]}`);
      }
    expect(seen).toBeGreaterThan(300);
    expect(missing).toEqual([]);
  });

  it('keys built from a template: the fixed prefix names existing keys', () => {
    const missing: string[] = [];
    for (const [f, text] of sources)
      for (const m of text.matchAll(/\b(?:t|tr|msg)\(\s*`([a-z][\w.]*\.)\$\{/g))
        if (![...known].some((k) => k.startsWith(m[1]!))) missing.push(`${f}: ${m[1]}`);
    expect(missing).toEqual([]);
  });

  it('every parameter has a label and help, every enum option shown by name has one', () => {
    for (const name of PARAM_NAMES)
      for (const part of ['label', 'help'])
        expect(known, `param.${name}.${part}`).toContain(`param.${name}.${part}`);
    for (const name of ['disc', 'signal', 'normalization', 'rtfConvention'] as const)
      for (const o of (schema[name] as EnumField).options)
        expect(known, `option.${name}.${o}`).toContain(`option.${name}.${o}`);
    // The schema's English label stays the source of the English translation.
    for (const name of PARAM_NAMES)
      expect(translate('en', `param.${name}.label`)).toBe(schema[name].label);
  });

  it('a message in a message is translated into the same language', () => {
    const m = msg('state.unstable', { disc: msg('option.disc.forward'), dt: 0.5 });
    expect(translate('zh', m.key, m.vars)).toBe('前向欧拉离散化在 Δ = 0.5 时不稳定：状态发散了。');
    expect(english(m)).toBe(
      'The forward Euler discretisation is unstable at Δ = 0.5: the states blew up.',
    );
  });
});
