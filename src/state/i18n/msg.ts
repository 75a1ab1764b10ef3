/**
 * Messages in no language yet: what models, selectors and workers return instead of English
 * text; panels translate them with t(m.key, m.vars). No imports, so workers can use it.
 */

/** Placeholder values; a Msg value is translated into the same language. */
export type Vars = { [name: string]: string | number | Msg };

export interface Msg {
  key: string;
  vars?: Vars;
}

export const msg = (key: string, vars?: Vars): Msg => (vars ? { key, vars } : { key });

/** Text that stays as it is in every language (a core error message, a number with units). */
export const raw = (text: string): Msg => msg('app.raw', { text });
