/**
 * UI strings in two languages (English, 简体中文). Strings live in bundles, one per area of the
 * lab (`bundles/<area>.ts`), each holding both languages side by side so a translation is never
 * far from its source; keys are namespaced `<area>.<name>`. The language is a URL parameter
 * (`lang`), so a shared link opens in the language it was made in.
 *
 * `{name}` placeholders are filled from `vars`; a key missing from a language falls back to
 * English, and a key missing everywhere prints as itself (tests check neither happens).
 */
import { useMemo } from 'react';
import { useParam } from '../store';
import { BUNDLES, type Lang } from './bundles';
import type { Msg, Vars } from './msg';

export { LANGS, type Lang } from './bundles';

export { msg, raw, type Msg, type Vars } from './msg';

const tables: Record<Lang, Map<string, string>> = { en: new Map(), zh: new Map() };
for (const bundle of BUNDLES)
  for (const lang of Object.keys(tables) as Lang[])
    for (const [k, v] of Object.entries(bundle[lang])) tables[lang].set(k, v);

/** Every key of a language (for the completeness test). */
export const keysOf = (lang: Lang): string[] => [...tables[lang].keys()];

export function translate(lang: Lang, key: string, vars?: Vars): string {
  const text = tables[lang].get(key) ?? tables.en.get(key) ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = vars[name];
    if (v === undefined) return m;
    return typeof v === 'object' ? translate(lang, v.key, v.vars) : String(v);
  });
}

export type T = (key: string, vars?: Vars) => string;

/** English text of a message (logs, tests). */
export const english = (m: Msg): string => translate('en', m.key, m.vars);

/** React hook: the translator for the current language. */
export function useT(): T {
  const lang = useParam('lang');
  return useMemo<T>(() => (key, vars) => translate(lang, key, vars), [lang]);
}
