/**
 * Signal & memory panel, pure part: the memory window at the cursor, the HiPPO reconstruction
 * over it, and the mean squared error — from the states computed in src/state/derived.ts.
 */
import { hippoBasis, type Measure, type Normalization } from '../../core/index';

export interface MemoryView {
  /** End of the window: state row k summarises u_0 … u_k, i.e. time (k+1)Δ. */
  t: number;
  /** Window in time units; for LagT the span drawn (the measure is e^{−age}). */
  start: number;
  end: number;
  /** Reconstruction at times `times`. */
  times: Float64Array;
  recon: Float64Array;
  /** The signal at the same times (piecewise constant, u_j on [jΔ, (j+1)Δ)). */
  truth: Float64Array;
  mse: number;
  coeffs: Float64Array;
}

export const RECON_POINTS = 241;

/** u at time τ of the piecewise-constant signal (NaN outside [0, LΔ)). */
export function signalAt(u: Float64Array, dt: number, tau: number): number {
  const j = Math.floor(tau / dt + 1e-9);
  return j >= 0 && j < u.length ? u[j]! : NaN;
}

export function memoryView(
  measure: Measure,
  normalization: Normalization,
  theta: number,
  dt: number,
  u: Float64Array,
  X: Float64Array,
  N: number,
  k: number,
): MemoryView {
  const coeffs = X.slice(k * N, (k + 1) * N);
  // LegS is step-size free: its window is all of [0, t] whatever Δ is.
  const t = (k + 1) * dt;
  let start: number;
  if (measure === 'legs') start = 0;
  else if (measure === 'lagt') start = Math.max(0, t - 8);
  else start = t - theta;
  const times = new Float64Array(RECON_POINTS);
  const recon = new Float64Array(RECON_POINTS);
  const truth = new Float64Array(RECON_POINTS);
  const phi = new Float64Array(N);
  let se = 0;
  let count = 0;
  for (let j = 0; j < RECON_POINTS; j++) {
    const s = j / (RECON_POINTS - 1);
    const tau = start + s * (t - start);
    // hippoBasis: s ∈ [0, 1] oldest → now; for lagt the argument is the age t − τ.
    hippoBasis(measure, N, measure === 'lagt' ? t - tau : s, normalization, phi);
    let v = 0;
    for (let n = 0; n < N; n++) v += coeffs[n]! * phi[n]!;
    times[j] = tau;
    recon[j] = v;
    // The value at the window's right end belongs to the last sample u_k.
    truth[j] = signalAt(u, dt, Math.min(tau, t - dt / 2));
    const w = measure === 'lagt' ? Math.exp(-(t - tau)) : 1;
    if (Number.isFinite(truth[j]!)) {
      se += w * (v - truth[j]!) ** 2;
      count += w;
    }
  }
  return { t, start, end: t, times, recon, truth, mse: count > 0 ? se / count : NaN, coeffs };
}
