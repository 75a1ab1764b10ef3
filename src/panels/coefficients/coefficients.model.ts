/**
 * Coefficients panel, pure part: the states x(t) (L×N, time-major) decimated to the pixel columns
 * of a heatmap, a robust symmetric colour range, a diverging colour table, and the RGBA pixels.
 * Also used by the matrices panel for its canvas heatmaps (N > 32).
 */
import { interpolateLab, piecewise, rgb } from 'd3';

/** Time of state row k: x_k summarises u_0 … u_k, i.e. time (k+1)Δ (as in the signal panel). */
export function timeOfRow(k: number, dt: number): number {
  return (k + 1) * dt;
}

/** The state row shown at time t (nearest, clamped to 0 … L−1). */
export function rowAtTime(t: number, dt: number, L: number): number {
  const k = Math.round(t / dt - 1);
  return Math.min(L - 1, Math.max(0, Number.isFinite(k) ? k : 0));
}

/** The cursor parameter (fraction of the sequence) that selects state row k. */
export function cursorOfRow(k: number, L: number): number {
  return L > 1 ? k / (L - 1) : 0;
}

/** The state row the cursor selects (as the signal panel: k = round(cursor·(L−1))). */
export function rowOfCursor(cursor: number, L: number): number {
  return Math.min(L - 1, Math.max(0, Math.round(cursor * (L - 1))));
}

export interface Decimated {
  /** N rows (n) × cols (time), row-major: D[n·cols + c] = X[k_c·N + n]. */
  D: Float64Array;
  /** The state row k_c shown in pixel column c (the row nearest the column's centre time). */
  ks: Int32Array;
  rows: number;
  cols: number;
}

/**
 * Picks one state row per pixel column (the one at the column's centre time), so that a heatmap
 * costs O(cols·N) whatever L is. Column c of `cols` spans t ∈ [c, c+1)·LΔ/cols.
 */
export function decimateStates(X: Float64Array, L: number, N: number, cols: number): Decimated {
  const C = Math.max(1, Math.floor(cols));
  const ks = new Int32Array(C);
  const D = new Float64Array(N * C);
  for (let c = 0; c < C; c++) {
    const k = Math.min(L - 1, Math.max(0, Math.round(((c + 0.5) * L) / C - 1)));
    ks[c] = k;
    const o = k * N;
    for (let n = 0; n < N; n++) D[n * C + c] = X[o + n]!;
  }
  return { D, ks, rows: N, cols: C };
}

/** k-th smallest (0-based) of a, in place (Hoare quickselect, O(n) expected). */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

/**
 * The q-quantile of |v| over the finite values (nearest rank: the value at index ⌈q·n⌉ − 1 of
 * the sorted |v|); NaN when there are none.
 */
export function quantileAbs(values: ArrayLike<number>, q: number): number {
  const a = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) a[n++] = Math.abs(v);
  }
  if (n === 0) return NaN;
  const idx = Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1));
  return select(a.subarray(0, n), idx);
}

/**
 * Symmetric colour range ±vmax of a diverging heatmap: the 99th percentile of |v| (robust to a
 * few large entries, which then saturate), falling back to max |v|, then to 1 for all-zero data.
 */
export function robustMax(values: ArrayLike<number>, q = 0.99): number {
  const r = quantileAbs(values, q);
  if (Number.isFinite(r) && r > 0) return r;
  const m = quantileAbs(values, 1);
  return Number.isFinite(m) && m > 0 ? m : 1;
}

/** 256 RGBA entries from `neg` (−vmax) through `mid` (0) to `pos` (+vmax), in Lab space. */
export function divergingLut(neg: string, mid: string, pos: string, size = 256): Uint8ClampedArray {
  const f = piecewise(interpolateLab, [neg, mid, pos]);
  const lut = new Uint8ClampedArray(size * 4);
  for (let i = 0; i < size; i++) {
    const c = rgb(f(i / (size - 1)));
    lut[4 * i] = c.r;
    lut[4 * i + 1] = c.g;
    lut[4 * i + 2] = c.b;
    lut[4 * i + 3] = 255;
  }
  return lut;
}

/** Position in [−1, 1] of v on the colour scale: linear v/vmax, clamped (NaN stays NaN). */
export function linearPosition(v: number, vmax: number): number {
  return Math.max(-1, Math.min(1, v / vmax));
}

/**
 * Signed-log position: sign(v)·(1 + log10(|v|/vmax)/decades), clamped to [−1, 1], so that entries
 * from vmax down to vmax·10^−decades get distinct colours (0 stays the centre).
 */
export function logPosition(v: number, vmax: number, decades = 6): number {
  if (v === 0) return 0;
  const a = Math.abs(v) / vmax;
  const t = Math.max(0, Math.min(1, 1 + Math.log10(a) / decades));
  return Math.sign(v) * t;
}

/**
 * RGBA pixels (w×h) of a rows×cols value matrix, nearest-neighbour: pixel (x, y) shows entry
 * (⌊y·rows/h⌋, ⌊x·cols/w⌋). Non-finite values become transparent pixels, never a colour.
 */
export function heatmapPixels(
  values: Float64Array,
  rows: number,
  cols: number,
  w: number,
  h: number,
  lut: Uint8ClampedArray,
  position: (v: number) => number,
  out: Uint8ClampedArray = new Uint8ClampedArray(w * h * 4),
): Uint8ClampedArray {
  const size = lut.length / 4;
  // Colour index of every entry once, then expand to pixels.
  const idx = new Int16Array(rows * cols);
  for (let i = 0; i < idx.length; i++) {
    const p = position(values[i]!);
    idx[i] = Number.isFinite(p) ? Math.round(((p + 1) / 2) * (size - 1)) : -1;
  }
  const colOf = new Int32Array(w);
  for (let x = 0; x < w; x++) colOf[x] = Math.min(cols - 1, Math.floor((x * cols) / w));
  for (let y = 0; y < h; y++) {
    const r = Math.min(rows - 1, Math.floor((y * rows) / h));
    const base = r * cols;
    let o = y * w * 4;
    for (let x = 0; x < w; x++, o += 4) {
      const i = idx[base + colOf[x]!]!;
      if (i < 0) {
        out[o + 3] = 0;
        continue;
      }
      out[o] = lut[4 * i]!;
      out[o + 1] = lut[4 * i + 1]!;
      out[o + 2] = lut[4 * i + 2]!;
      out[o + 3] = 255;
    }
  }
  return out;
}

/** Value of coefficient n at state row k of an L×N time-major state array. */
export function stateAt(X: Float64Array, N: number, k: number, n: number): number {
  return X[k * N + n]!;
}
