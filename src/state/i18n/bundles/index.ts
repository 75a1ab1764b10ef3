/** The string bundles, one per area. Add a bundle here when an area gets its own file. */
import app from './app';
import exportBundle from './export';
import lessons from './lessons';
import teach from './teach';
import faults from './faults';
import basis from './basis';
import coefficients from './coefficients';
import eigenvalues from './eigenvalues';
import equivalence from './equivalence';
import frequency from './frequency';
import kernel from './kernel';
import matrices from './matrices';
import panels from './panels';
import params from './params';
import performance from './performance';
import rtf from './rtf';
import signal from './signal';
import state from './state';
import url from './url';
import type { Bundle } from './types';

export { LANG_OPTIONS as LANGS } from '../../schema';
export type { Bundle, Lang } from './types';

export const BUNDLES: readonly Bundle[] = [
  app,
  exportBundle,
  teach,
  lessons,
  faults,
  params,
  state,
  url,
  panels,
  signal,
  basis,
  coefficients,
  matrices,
  eigenvalues,
  kernel,
  frequency,
  equivalence,
  rtf,
  performance,
];
