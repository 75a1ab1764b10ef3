/** The string bundles, one per area. Add a bundle here when an area gets its own file. */
import app from './app';
import params from './params';
import type { Bundle } from './types';

export { LANG_OPTIONS as LANGS } from '../../schema';
export type { Bundle, Lang } from './types';

export const BUNDLES: readonly Bundle[] = [app, params];
