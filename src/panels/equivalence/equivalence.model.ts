/**
 * Recurrent ⇄ convolutional, pure part (REFERENCE §3.4): the same input through the sequential
 * recurrence x_k = Ā x_{k−1} + B̄ u_k, y_k = C x_k (core.recurrence, O(L N²)) and through the
 * causal FFT convolution y = K * u with K_k = C Āᵏ B̄ (core.kernel + core.causalConv), and the
 * equivalence meter: max |y_rec − y_conv| and the relative error max|Δ| / max|y_rec|.
 * Also the envelope paths and the meter's log scale. Runs in Node, in the panel's worker, and
 * on the main thread as a fallback.
 */
import { msg, type Msg } from '../../state/i18n/msg';
import { scaleLinear, scaleLog } from 'd3';
import { causalConv, kernel, recurrence, type DiscreteSSM } from '../../core/index';

export interface Comparison {
  /** max_k |ref_k − test_k| */
  maxAbs: number;
  /** maxAbs / max_k |ref_k| (NaN when ref ≡ 0) */
  rel: number;
  /** max_k |ref_k| */
  refMax: number;
  /** the k of maxAbs */
  at: number;
}

/** Compares two outputs over their common length; a non-finite entry makes maxAbs Infinity. */
export function compare(ref: ArrayLike<number>, test: ArrayLike<number>): Comparison {
  const n = Math.min(ref.length, test.length);
  let maxAbs = 0;
  let refMax = 0;
  let at = 0;
  for (let k = 0; k < n; k++) {
    const r = ref[k]!;
    const e = Math.abs(r - test[k]!);
    if (!Number.isFinite(e)) return { maxAbs: Infinity, rel: Infinity, refMax: NaN, at: k };
    if (e > maxAbs) {
      maxAbs = e;
      at = k;
    }
    refMax = Math.max(refMax, Math.abs(r));
  }
  return { maxAbs, rel: refMax > 0 ? maxAbs / refMax : NaN, refMax, at };
}

export interface EquivalenceResult {
  yRec: Float64Array;
  yConv: Float64Array;
  K: Float64Array;
  cmp: Comparison | null;
  /** Wall time of each stage (ms), measured where it ran. */
  ms: { recurrence: number; kernel: number; conv: number };
  /** Words when the comparison is meaningless (an unstable discretisation blew up). */
  problem: Msg | null;
}

function allFinite(x: Float64Array): boolean {
  for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i])) return false;
  return true;
}

/**
 * Both routes with the core, timed: y_rec = core.recurrence(d with D = 0, u),
 * K = core.kernel(d, L), y_conv = core.causalConv(K, u).
 */
export function equivalenceRun(
  d: DiscreteSSM,
  u: Float64Array,
  now: () => number = () => performance.now(),
): EquivalenceResult {
  const sys = d.D === 0 ? d : { ...d, D: 0 };
  const L = u.length;
  let t = now();
  const yRec = recurrence(sys, u);
  const tRec = now() - t;
  t = now();
  const K = kernel(sys, L);
  const tKer = now() - t;
  const ms = { recurrence: tRec, kernel: tKer, conv: 0 };
  if (!allFinite(K) || !allFinite(yRec)) {
    return {
      yRec,
      yConv: new Float64Array(L),
      K,
      cmp: null,
      ms,
      problem: msg('eq.unstable'),
    };
  }
  t = now();
  const yConv = causalConv(K, u);
  ms.conv = now() - t;
  return { yRec, yConv, K, cmp: compare(yRec, yConv), ms, problem: null };
}

/** A few small untimed runs (N = 8, L = 512) so that later timings are of compiled code. */
export function warmUp(): void {
  const N = 8;
  const Ab = new Float64Array(N * N);
  for (let i = 0; i < N; i++) Ab[i * N + i] = 0.9;
  const d: DiscreteSSM = {
    N,
    Ab,
    Bb: new Float64Array(N).fill(1),
    C: new Float64Array(N).fill(1),
    D: 0,
  };
  const u = Float64Array.from({ length: 512 }, (_, k) => Math.sin(k / 9));
  for (let i = 0; i < 3; i++) equivalenceRun(d, u);
}

/** The cache key of one computation: everything the system and the input depend on. */
export function equivalenceKey(p: {
  measure: string;
  N: number;
  theta: number;
  normalization: string;
  dt: number;
  disc: string;
  seed: number;
  signal: string;
  L: number;
  drawn: number[];
}): string {
  const drawn = p.signal === 'drawn' ? p.drawn.join(',') : '';
  return [
    p.measure,
    p.N,
    p.theta,
    p.normalization,
    p.dt,
    p.disc,
    p.seed,
    p.signal,
    p.L,
    drawn,
  ].join('|');
}

// ---------------------------------------------------------------------------------------------
// Paths and scales

/** Smallest error the meter and the error strip show (below f64 resolution of O(1) values). */
export const ERR_FLOOR = 1e-18;
export const EPS64 = 2 ** -52;
export const EPS32 = 2 ** -23;

/**
 * SVG path data built directly (no per-point objects): coordinates to 0.1 px, `M` after every
 * break. Long signals draw in well under a millisecond this way.
 */
export class PathBuilder {
  private d = '';
  private pen = false;
  move(x: number, y: number): void {
    this.d += `${this.pen ? 'L' : 'M'}${Math.round(x * 10) / 10},${Math.round(y * 10) / 10}`;
    this.pen = true;
  }
  lift(): void {
    this.pen = false;
  }
  toString(): string {
    return this.d;
  }
}

/**
 * Line through (x(k), y(v_k)) with at most two points (min, max) per pixel column, so a long
 * signal draws as its envelope; non-finite values break the line.
 */
export function envelopePath(
  v: ArrayLike<number>,
  x: (k: number) => number,
  y: (v: number) => number,
): string {
  const out = new PathBuilder();
  let col = Number.NaN;
  let loX = 0;
  let loY = Number.NaN; // largest y (lowest on screen) in the column
  let hiX = 0;
  let hiY = Number.NaN;
  const flush = () => {
    if (Number.isNaN(loY)) return;
    if (loX === hiX && loY === hiY) out.move(loX, loY);
    else if (loX <= hiX) {
      out.move(loX, loY);
      out.move(hiX, hiY);
    } else {
      out.move(hiX, hiY);
      out.move(loX, loY);
    }
    loY = hiY = Number.NaN;
  };
  for (let k = 0; k < v.length; k++) {
    const px = x(k);
    const py = y(v[k]!);
    const c = Math.floor(px);
    if (c !== col) {
      flush();
      col = c;
    }
    if (!Number.isFinite(py) || !Number.isFinite(px)) {
      flush();
      out.lift();
      continue;
    }
    if (Number.isNaN(loY) || py > loY) {
      loX = px;
      loY = py;
    }
    if (Number.isNaN(hiY) || py < hiY) {
      hiX = px;
      hiY = py;
    }
  }
  flush();
  return out.toString();
}

/** |a_k − b_k| (floored at ERR_FLOOR) on a log scale, as an upper envelope per pixel. */
export function errorEnvelopePath(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  x: (k: number) => number,
  y: (e: number) => number,
): string {
  const n = Math.min(a.length, b.length);
  const out = new PathBuilder();
  let col = Number.NaN;
  let best = -1;
  let bestX = 0;
  const flush = () => {
    if (best < 0) return;
    const py = y(Math.max(ERR_FLOOR, best));
    if (Number.isFinite(py)) out.move(bestX, py);
    best = -1;
  };
  for (let k = 0; k < n; k++) {
    const px = x(k);
    const c = Math.floor(px);
    if (c !== col) {
      flush();
      col = c;
    }
    const e = Math.abs(a[k]! - b[k]!);
    if (!Number.isFinite(e)) {
      flush();
      out.lift();
      continue;
    }
    if (e > best) {
      best = e;
      bestX = px;
    }
  }
  flush();
  return out.toString();
}

/** Log scale for the equivalence meter: relative error from ERR_FLOOR to 1. */
export function meterScale(width: number) {
  return scaleLog().domain([ERR_FLOOR, 1]).range([0, width]).clamp(true);
}

/** Position on the meter; values ≤ the floor (an exact match) sit at the left end. */
export function meterX(rel: number, width: number): number {
  if (!(rel > 0)) return 0;
  if (!Number.isFinite(rel)) return width;
  return meterScale(width)(rel);
}

export function timeScale(L: number, width: number) {
  return scaleLinear()
    .domain([0, Math.max(1, L - 1)])
    .range([0, width]);
}

/** "matches to 15 digits" and the like, for the meter's words. */
export function digitsWords(rel: number): Msg {
  // compare() gives NaN only when the reference output is identically zero.
  if (Number.isNaN(rel)) return msg('eq.digits.zero');
  if (!Number.isFinite(rel)) return msg('eq.digits.overflow');
  if (rel === 0) return msg('eq.digits.identical');
  const digits = Math.max(0, Math.floor(-Math.log10(rel)));
  return msg(digits === 1 ? 'eq.digits.one' : 'eq.digits.many', { n: digits });
}
