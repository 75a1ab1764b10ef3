/** The string bundles, one per area. Add a bundle here when an area gets its own file. */
import app from './app';
import exportBundle from './export';
import lessons from './lessons';
import teach from './teach';
import faults from './faults';
import type { Bundle } from './types';

export { LANG_OPTIONS as LANGS } from '../../schema';
export type { Bundle, Lang } from './types';

export const BUNDLES: readonly Bundle[] = [app, exportBundle, teach, lessons, faults];
