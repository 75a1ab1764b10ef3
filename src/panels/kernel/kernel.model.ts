/**
 * Kernel panel, pure part: comparison of the five kernels with the naive one (max |difference|,
 * per-tap log error), the decimated polylines that draw them at one point pair per pixel
 * column, and the table rows in words.
 */
import type { KernelMethod, KernelResult } from '../../state/derived.kernels';
import { msg, raw, type Msg } from '../../state/i18n/msg';

export const METHOD_LABEL: Record<KernelMethod, string> = {
  naive: 'naive (powering)',
  generating: 'generating function',
  dplr: 'DPLR (Cauchy + Woodbury)',
  s4d: 'S4D-LegS (diagonal)',
  rtf: 'RTF (state-free FFT)',
};

export const METHOD_SHORT: Record<KernelMethod, string> = {
  naive: 'naive',
  generating: 'generating',
  dplr: 'DPLR',
  s4d: 'S4D',
  rtf: 'RTF',
};

/** max_k |a_k − b_k| over the common length (NaN if either is missing or non-finite). */
export function maxAbsDiff(
  a: ArrayLike<number> | undefined,
  b: ArrayLike<number> | undefined,
): number {
  if (!a || !b) return NaN;
  const n = Math.min(a.length, b.length);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const d = Math.abs(a[i]! - b[i]!);
    if (!Number.isFinite(d)) return NaN;
    if (d > m) m = d;
  }
  return m;
}

export function maxAbs(a: ArrayLike<number> | undefined): number {
  if (!a) return NaN;
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]!));
  return m;
}

/** Floor of the log-error strip: differences below it (incl. exact zeros) sit on the floor. */
export const LOG_FLOOR = -18;

/** log10 |a_k − b_k|, floored at LOG_FLOOR. */
export function logError(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  const n = Math.min(a.length, b.length);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = Math.abs(a[i]! - b[i]!);
    out[i] = d > 0 && Number.isFinite(d) ? Math.max(LOG_FLOOR, Math.log10(d)) : LOG_FLOOR;
  }
  return out;
}

/**
 * Pixel-column decimation (min/max per column, in index order): at most two points per column
 * plus the ends, a polyline that looks the same as the full one at that width. Non-finite
 * values are skipped. Returns [index, value] pairs.
 */
export function decimate(y: ArrayLike<number>, columns: number): [number, number][] {
  const n = y.length;
  const out: [number, number][] = [];
  if (n === 0) return out;
  if (n <= 2 * columns) {
    for (let i = 0; i < n; i++) if (Number.isFinite(y[i])) out.push([i, y[i]!]);
    return out;
  }
  const per = n / columns;
  if (Number.isFinite(y[0])) out.push([0, y[0]!]);
  for (let c = 0; c < columns; c++) {
    const i0 = Math.floor(c * per);
    const i1 = Math.min(n, Math.floor((c + 1) * per));
    let lo = -1;
    let hi = -1;
    let vlo = Infinity;
    let vhi = -Infinity;
    for (let i = i0; i < i1; i++) {
      const v = y[i]!;
      if (v < vlo) {
        vlo = v;
        lo = i;
      }
      if (v > vhi) {
        vhi = v;
        hi = i;
      }
    }
    if (lo < 0) continue;
    if (lo === hi) out.push([lo, vlo]);
    else if (lo < hi) out.push([lo, vlo], [hi, vhi]);
    else out.push([hi, vhi], [lo, vlo]);
  }
  const last = n - 1;
  if (Number.isFinite(y[last]) && out[out.length - 1]?.[0] !== last) out.push([last, y[last]!]);
  return out;
}

/** A pixel coordinate for path data: 2 decimals, without toFixed's cost. */
const px = (v: number): number => Math.round(v * 100) / 100;

/** SVG path data of a polyline of pixel points (2 decimals); '' when empty. */
export function polyline(pts: [number, number][]): string {
  const parts: string[] = [];
  for (let i = 0; i < pts.length; i++) {
    const [x, y] = pts[i]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    parts.push(`${parts.length ? 'L' : 'M'}${px(x)},${px(y)}`);
  }
  return parts.join('');
}

export type RowState = 'ok' | 'computing' | 'unavailable' | 'failed';

export interface KernelRow {
  method: KernelMethod;
  state: RowState;
  /** max |K_method − K_naive| (NaN until both exist). */
  maxDiff: number;
  /** The same relative to max |K_naive|. */
  relDiff: number;
  ms: number;
  /** In words: why unavailable / failed, or a remark. */
  note: Msg;
}

/**
 * One table row. `result` is undefined while the method is still computing; `naive` is the
 * reference kernel (undefined while it computes).
 */
export function kernelRow(
  method: KernelMethod,
  result: KernelResult | undefined,
  naive: Float64Array | undefined,
  unavailable: Msg | undefined,
): KernelRow {
  if (unavailable)
    return { method, state: 'unavailable', maxDiff: NaN, relDiff: NaN, ms: NaN, note: unavailable };
  if (!result)
    return {
      method,
      state: 'computing',
      maxDiff: NaN,
      relDiff: NaN,
      ms: NaN,
      note: msg('panel.computing'),
    };
  if (result.error || !result.K)
    return {
      method,
      state: 'failed',
      maxDiff: NaN,
      relDiff: NaN,
      ms: result.ms,
      note: result.error ?? msg('kernel.noKernel'),
    };
  const maxDiff = method === 'naive' ? 0 : maxAbsDiff(result.K, naive);
  const ref = maxAbs(naive);
  return {
    method,
    state: 'ok',
    maxDiff,
    relDiff: ref > 0 ? maxDiff / ref : NaN,
    ms: result.ms,
    note: result.note ?? (method === 'naive' ? msg('kernel.note.naive') : raw('')),
  };
}

/**
 * The y-range of the kernel plot from the reference kernels only (naive, else DPLR), so that a
 * method that failed numerically (RTF at large N) cannot flatten the others; it is clipped.
 */
export function kernelDomain(...refs: (ArrayLike<number> | undefined)[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of refs) {
    if (!r) continue;
    for (let i = 0; i < r.length; i++) {
      const v = r[i]!;
      if (!Number.isFinite(v)) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    if (Number.isFinite(lo)) break;
  }
  if (!Number.isFinite(lo)) return [-1, 1];
  if (hi - lo < 1e-300) return [lo - 1, hi + 1];
  const pad = 0.06 * (hi - lo);
  return [Math.min(lo - pad, 0), Math.max(hi + pad, 0)];
}

/** Words about the wrap-around, from ‖C Ā^L‖ and the kernel's size. */
export function wrapWords(correction: boolean, wrap: number, kmax: number, L: number): Msg | null {
  if (!Number.isFinite(wrap) || !Number.isFinite(kmax) || kmax <= 0) return null;
  const rel = wrap / kmax;
  const size = rel >= 1e-3 && rel < 1e4 ? String(+rel.toPrecision(2)) : rel.toExponential(1);
  if (correction) return msg('kernel.wrap.corrected', { size });
  return msg(rel < 1e-6 ? 'kernel.wrap.tiny' : 'kernel.wrap.visible', { size, L });
}

/** Largest value per pixel column (for error envelopes), as [index, value] pairs. */
export function columnMax(y: ArrayLike<number>, columns: number): [number, number][] {
  const n = y.length;
  const out: [number, number][] = [];
  if (n === 0) return out;
  const cols = Math.max(1, Math.min(columns, n));
  const per = n / cols;
  for (let c = 0; c < cols; c++) {
    const i0 = Math.floor(c * per);
    const i1 = Math.max(i0 + 1, Math.min(n, Math.floor((c + 1) * per)));
    let best = -1;
    for (let i = i0; i < i1; i++) {
      if (!Number.isFinite(y[i])) continue;
      if (best < 0 || y[i]! > y[best]!) best = i;
    }
    if (best >= 0) out.push([best, y[best]!]);
  }
  return out;
}
