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

export { LANGS, type Lang } from './bundles';

/** Placeholder values; a Msg value is translated into the same language. */
export type Vars = { [name: string]: string | number | Msg };

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

/** A message in no language yet: what models and selectors return instead of English text. */
export interface Msg {
  key: string;
  vars?: Vars;
}
export const msg = (key: string, vars?: Vars): Msg => (vars ? { key, vars } : { key });
/** Text that stays as it is in every language (a core error message, a number with units). */
export const raw = (text: string): Msg => msg('app.raw', { text });
/** English text of a message (logs, tests). */
export const english = (m: Msg): string => translate('en', m.key, m.vars);

/** React hook: the translator for the current language. */
export function useT(): T {
  const lang = useParam('lang');
  return useMemo<T>(() => (key, vars) => translate(lang, key, vars), [lang]);
}
