/**
 * Typed warnings of the derived values: a selector that cannot give a finite result says why as
 * an i18n key with its variables (`faults.*` in i18n/bundles/faults.ts), translated where a
 * panel shows it. Panels keep their last finite drawing beside it (Panel.tsx useLastGood).
 */
import { msg, type Msg } from './i18n/msg';

/** A warning is a message (i18n/msg.ts) that says why nothing finite can be drawn. */
export type LabWarning = Msg;
export const labWarning = msg;

export function isWarning(x: unknown): x is LabWarning {
  return typeof x === 'object' && x !== null && typeof (x as { key?: unknown }).key === 'string';
}

/** Index of the first non-finite entry, or −1. */
export function firstNonFinite(x: ArrayLike<number>): number {
  for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i])) return i;
  return -1;
}
