/**
 * Basis & projection panel, pure part. At the cursor, the approximation over the memory window is
 * u ≈ Σ_n x_n φ_n(s) (core hippoBasis: s ∈ [0, 1] from the oldest end to now; for LagT the
 * argument is the age t − τ). This file gives the basis on a grid, the N weighted terms
 * x_n φ_n, their sum (= the signal panel's reconstruction), which terms carry the most, and the
 * error of the truncated sums Σ_{n<m} x_n φ_n for m = 1 … N.
 */
import { hippoBasis, type Measure, type Normalization } from '../../core/index';
import { methodMsg } from '../../state/derived';
import { msg, type Msg } from '../../state/i18n/msg';
import { RECON_POINTS, signalAt, type MemoryView } from '../signal/signal.model';

export interface BasisGrid {
  /** Number of grid points over the window. */
  G: number;
  N: number;
  /** Position in the window, 0 = oldest … 1 = now. */
  s: Float64Array;
  /** φ_n(s_j), term-major: phi[n·G + j]. */
  phi: Float64Array;
  /** Per n over the grid: root mean square, least and greatest value of φ_n. */
  phiRms: Float64Array;
  phiMin: Float64Array;
  phiMax: Float64Array;
}

/**
 * Grid points for drawing N terms: enough to follow the highest term (about four points per
 * zero of φ_{N−1}), never fewer than the signal panel's 241, at most 1025.
 */
export function gridSize(N: number): number {
  return Math.min(1025, Math.max(RECON_POINTS, 4 * N + 1));
}

/** The argument of hippoBasis at window position s: s itself, or for LagT the age (1 − s)·span. */
export function basisArgument(measure: Measure, s: number, span: number): number {
  return measure === 'lagt' ? (1 - s) * span : s;
}

/** φ_0 … φ_{N−1} on G evenly spaced window positions; `span` = t − start (used by LagT only). */
export function basisGrid(
  measure: Measure,
  N: number,
  normalization: Normalization,
  G: number,
  span: number,
): BasisGrid {
  const s = new Float64Array(G);
  const phi = new Float64Array(N * G);
  const col = new Float64Array(N);
  for (let j = 0; j < G; j++) {
    s[j] = G > 1 ? j / (G - 1) : 1;
    hippoBasis(measure, N, basisArgument(measure, s[j]!, span), normalization, col);
    for (let n = 0; n < N; n++) phi[n * G + j] = col[n]!;
  }
  const phiRms = new Float64Array(N);
  const phiMin = new Float64Array(N).fill(Infinity);
  const phiMax = new Float64Array(N).fill(-Infinity);
  for (let n = 0; n < N; n++) {
    let ss = 0;
    for (let j = 0; j < G; j++) {
      const v = phi[n * G + j]!;
      ss += v * v;
      phiMin[n] = Math.min(phiMin[n]!, v);
      phiMax[n] = Math.max(phiMax[n]!, v);
    }
    phiRms[n] = Math.sqrt(ss / G);
  }
  return { G, N, s, phi, phiRms, phiMin, phiMax };
}

/**
 * What the panel needs of the N terms x_n φ_n(s_j) at each step, without forming them (a term is
 * x_n·phi[n·G + j]; the canvas forms them where it draws them, see termsCanvas.ts).
 */
export interface BasisTerms {
  /** Σ_n x_n φ_n(s_j), summed in the order n = 0 … N−1 (as the signal panel). */
  sum: Float64Array;
  /** Root mean square of each term over the window, |x_n|·rms(φ_n): how much it carries. */
  rms: Float64Array;
}

export function basisTerms(grid: BasisGrid, coeffs: Float64Array): BasisTerms {
  const { G, N, phi } = grid;
  const sum = new Float64Array(G);
  const rms = new Float64Array(N);
  for (let n = 0; n < N; n++) {
    const c = coeffs[n]!;
    const o = n * G;
    for (let j = 0; j < G; j++) sum[j] = sum[j]! + c * phi[o + j]!;
    rms[n] = Math.abs(c) * grid.phiRms[n]!;
  }
  return { sum, rms };
}

/** The least and greatest value of the term x_n φ_n over the grid. */
export function termRange(grid: BasisGrid, coeffs: Float64Array, n: number): [number, number] {
  const a = coeffs[n]! * grid.phiMin[n]!;
  const b = coeffs[n]! * grid.phiMax[n]!;
  return a <= b ? [a, b] : [b, a];
}

/** Indices of the k largest values (descending), ignoring non-finite ones. */
export function strongest(rms: Float64Array, k: number): number[] {
  const idx: number[] = [];
  for (let n = 0; n < rms.length; n++) if (Number.isFinite(rms[n]!)) idx.push(n);
  idx.sort((a, b) => rms[b]! - rms[a]! || a - b);
  return idx.slice(0, Math.max(0, k));
}

/**
 * err[m − 1] = mean squared error over the window of the truncated reconstruction
 * Σ_{n<m} x_n φ_n, m = 1 … N, on the signal panel's grid (RECON_POINTS positions) and with its
 * weights (1; e^{−age} for LagT), so err[N − 1] is exactly the signal panel's MSE.
 * For LegS and LagT (triangular A) the first m coefficients are exactly those of an m-state
 * system; for LegT, LMU and FouT they are not (the closure at the window edge couples them).
 */
export function truncationErrors(
  measure: Measure,
  normalization: Normalization,
  view: MemoryView,
): Float64Array {
  const N = view.coeffs.length;
  const se = new Float64Array(N);
  const phi = new Float64Array(N);
  let count = 0;
  const P = view.times.length;
  for (let j = 0; j < P; j++) {
    const s = P > 1 ? j / (P - 1) : 1;
    const tau = view.times[j]!;
    hippoBasis(measure, N, measure === 'lagt' ? view.t - tau : s, normalization, phi);
    const truth = view.truth[j]!;
    if (!Number.isFinite(truth)) continue;
    const w = measure === 'lagt' ? Math.exp(-(view.t - tau)) : 1;
    let acc = 0;
    for (let n = 0; n < N; n++) {
      acc += view.coeffs[n]! * phi[n]!;
      se[n]! += w * (acc - truth) ** 2;
    }
    count += w;
  }
  for (let n = 0; n < N; n++) se[n] = count > 0 ? se[n]! / count : NaN;
  return se;
}

/** Start of the memory window ending at t (as the signal panel: LagT draws the last 8 time units). */
export function windowStart(measure: Measure, t: number, theta: number): number {
  if (measure === 'legs') return 0;
  if (measure === 'lagt') return Math.max(0, t - 8);
  return t - theta;
}

export interface WindowGrid {
  P: number;
  N: number;
  /** φ_n at the P window positions, point-major: phi[j·N + n]. */
  phi: Float64Array;
}

/**
 * φ_0 … φ_{N−1} at the signal panel's RECON_POINTS window positions, with exactly its arguments
 * (s = j/(P−1); for LagT the age t − τ, τ = start + s(t − start)), so that it can be cached: it
 * depends on the cursor only for LagT.
 */
export function windowGrid(
  measure: Measure,
  N: number,
  normalization: Normalization,
  start: number,
  t: number,
): WindowGrid {
  const P = RECON_POINTS;
  const phi = new Float64Array(P * N);
  const col = new Float64Array(N);
  for (let j = 0; j < P; j++) {
    const s = j / (P - 1);
    const tau = start + s * (t - start);
    hippoBasis(measure, N, measure === 'lagt' ? t - tau : s, normalization, col);
    phi.set(col, j * N);
  }
  return { P, N, phi };
}

export interface WindowView extends MemoryView {
  /** errs[m − 1]: MSE of the first m terms, m = 1 … N (errs[N − 1] = mse). */
  errs: Float64Array;
}

/**
 * The signal panel's memoryView (same window, grid, weights and arithmetic order, so the same
 * numbers bit for bit) from a cached basis grid, plus the errors of the truncated sums.
 */
export function windowView(
  measure: Measure,
  theta: number,
  dt: number,
  u: Float64Array,
  X: Float64Array,
  N: number,
  k: number,
  grid: WindowGrid,
): WindowView {
  const coeffs = X.slice(k * N, (k + 1) * N);
  const t = (k + 1) * dt;
  const start = windowStart(measure, t, theta);
  const P = grid.P;
  const times = new Float64Array(P);
  const recon = new Float64Array(P);
  const truth = new Float64Array(P);
  const se = new Float64Array(N);
  let seAll = 0;
  let count = 0;
  for (let j = 0; j < P; j++) {
    const s = j / (P - 1);
    const tau = start + s * (t - start);
    const o = j * N;
    const tr = signalAt(u, dt, Math.min(tau, t - dt / 2));
    const ok = Number.isFinite(tr);
    const w = measure === 'lagt' ? Math.exp(-(t - tau)) : 1;
    let v = 0;
    for (let n = 0; n < N; n++) {
      v += coeffs[n]! * grid.phi[o + n]!;
      if (ok) se[n]! += w * (v - tr) ** 2;
    }
    times[j] = tau;
    recon[j] = v;
    truth[j] = tr;
    if (ok) {
      seAll += w * (v - tr) ** 2;
      count += w;
    }
  }
  const errs = new Float64Array(N);
  for (let n = 0; n < N; n++) errs[n] = count > 0 ? se[n]! / count : NaN;
  return {
    t,
    start,
    end: t,
    times,
    recon,
    truth,
    mse: count > 0 ? seAll / count : NaN,
    coeffs,
    errs,
  };
}

/** Whether truncating the N coefficients to the first m is exactly the m-term projection. */
export function truncationIsExact(measure: Measure): boolean {
  return measure === 'legs' || measure === 'lagt';
}

/** Index of the term x_n φ_n whose curve passes nearest to value y at grid column j (hovering). */
export function nearestTerm(grid: BasisGrid, coeffs: Float64Array, j: number, y: number): number {
  const { G, N, phi } = grid;
  let best = -1;
  let bestD = Infinity;
  const jj = Math.min(G - 1, Math.max(0, j));
  for (let n = 0; n < N; n++) {
    const d = Math.abs(coeffs[n]! * phi[n * G + jj]! - y);
    if (d < bestD) {
      bestD = d;
      best = n;
    }
  }
  return best;
}

/** max |v| over the finite entries (0 if none). */
export function maxAbsFinite(v: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) {
    const a = Math.abs(v[i]!);
    if (Number.isFinite(a) && a > m) m = a;
  }
  return m;
}

/**
 * A plain-words warning when the coefficients are finite but absurdly large for the input
 * (more than 10⁶ × uMax = max |u|): e.g. LegS with forward Euler, whose first steps amplify by ~N/k.
 */
export function blowUpWarning(coeffs: ArrayLike<number>, uMax: number, method: string): Msg | null {
  const cx = maxAbsFinite(coeffs);
  const cu = Math.max(1e-12, uMax);
  if (!(cx > 1e6 * cu)) return null;
  return msg('basis.huge', {
    cx: cx.toExponential(1),
    cu: cu.toPrecision(2),
    method: methodMsg(method),
  });
}

/**
 * Label positions near `ys` (same order) at least `gap` apart and inside [lo, hi]: sorted, pushed
 * down past their upper neighbour, then the block shifted back up if it overflows `hi`.
 * Non-finite inputs are put at `lo`.
 */
export function spreadLabels(ys: number[], gap: number, lo: number, hi: number): number[] {
  const order = ys
    .map((y, i) => ({ y: Number.isFinite(y) ? Math.min(hi, Math.max(lo, y)) : lo, i }))
    .sort((a, b) => a.y - b.y || a.i - b.i);
  for (let j = 1; j < order.length; j++) order[j]!.y = Math.max(order[j]!.y, order[j - 1]!.y + gap);
  const over = order.length ? order[order.length - 1]!.y - hi : 0;
  if (over > 0) for (const o of order) o.y = Math.max(lo, o.y - over);
  const out = new Array<number>(ys.length);
  for (const o of order) out[o.i] = o.y;
  return out;
}
