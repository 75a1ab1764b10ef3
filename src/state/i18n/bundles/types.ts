import type { LANG_OPTIONS } from '../../schema';

export type Lang = (typeof LANG_OPTIONS)[number];
/** One area's strings, both languages side by side. */
export type Bundle = Record<Lang, Record<string, string>>;
