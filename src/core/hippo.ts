/**
 * HiPPO transition matrices (DESIGN §3, REFERENCE §1) and the reconstruction of a signal from
 * its HiPPO coefficients. Sign folded into A: x' = A x + B u (LegS: x' = (A/t) x + (B/t) u).
 */
import type { ContinuousSSM, HippoOptions, Measure, Normalization } from './types';
import { checkFiniteArray, checkInt, checkOneOf, checkPositive, MAX_N } from './validate';

export const MEASURES: readonly Measure[] = ['legs', 'legt', 'lmu', 'lagt', 'fout'];

function options(
  measure: Measure,
  opts: HippoOptions | undefined,
): { theta: number; norm: Normalization } {
  const theta = opts?.theta ?? (measure === 'fout' ? 2 : 1);
  checkPositive('theta', theta);
  const norm = checkOneOf('normalization', opts?.normalization ?? 'paper', [
    'paper',
    'blog',
  ] as const);
  return { theta, norm };
}

/**
 * The HiPPO matrices:
 * - legs (HiPPO paper, S4 eq. 2): A_nk = −√((2n+1)(2k+1)) (n>k), −(n+1) (n=k), 0; B_n = √(2n+1)
 * - legt (window θ): A_nk = −√((2n+1)(2k+1))/θ · (1 if k≤n else (−1)^(n−k)); B_n = √(2n+1)/θ
 * - lmu (hippo-code 'lmu'): A_nk = (2n+1)/θ · (−1 if n<k else (−1)^(n−k+1)); B_n = (−1)^n (2n+1)/θ
 * - lagt (HiPPO paper LagT): A = −tril(1), B = 1
 * - fout (state-spaces 'fout', window 2, rescaled to window θ): A = (2/θ)(π skew(freq) − b bᵀ),
 *   B = (2/θ) b, b = [1, 0, √2, 0, √2, 0, …]; pairs (2k, 2k+1) rotate at frequency k. Even N.
 * 'blog' normalisation multiplies B by √2 for legs and legt (REFERENCE §0.2).
 */
export function hippo(measure: Measure, N: number, opts?: HippoOptions): ContinuousSSM {
  checkOneOf('measure', measure, MEASURES);
  checkInt('N', N, 1, MAX_N);
  const { theta, norm } = options(measure, opts);
  const A = new Float64Array(N * N);
  const B = new Float64Array(N);
  const r = (n: number): number => Math.sqrt(2 * n + 1);
  switch (measure) {
    case 'legs':
      for (let n = 0; n < N; n++) {
        for (let k = 0; k < n; k++) A[n * N + k] = -r(n) * r(k);
        A[n * N + n] = -(n + 1);
        B[n] = r(n);
      }
      break;
    case 'legt':
      for (let n = 0; n < N; n++) {
        for (let k = 0; k < N; k++) {
          const sign = k <= n ? 1 : (n - k) % 2 === 0 ? 1 : -1;
          A[n * N + k] = (-sign * r(n) * r(k)) / theta;
        }
        B[n] = r(n) / theta;
      }
      break;
    case 'lmu':
      for (let n = 0; n < N; n++) {
        for (let k = 0; k < N; k++) {
          const sign = n < k ? -1 : (n - k + 1) % 2 === 0 ? 1 : -1;
          A[n * N + k] = (sign * (2 * n + 1)) / theta;
        }
        B[n] = ((n % 2 === 0 ? 1 : -1) * (2 * n + 1)) / theta;
      }
      break;
    case 'lagt':
      for (let n = 0; n < N; n++) {
        for (let k = 0; k <= n; k++) A[n * N + k] = -1;
        B[n] = 1;
      }
      break;
    case 'fout': {
      if (N % 2 !== 0)
        throw new RangeError(
          `N must be an even integer in [2, ${MAX_N}] for measure 'fout', got ${N}`,
        );
      const s = 2 / theta;
      for (let n = 0; n < N; n++) B[n] = n === 0 ? 1 : n % 2 === 0 ? Math.SQRT2 : 0;
      for (let n = 0; n < N; n++) for (let k = 0; k < N; k++) A[n * N + k] = -B[n]! * B[k]!;
      for (let i = 2; i + 1 < N; i += 2) {
        const f = Math.PI * (i / 2);
        A[i * N + i + 1]! -= f;
        A[(i + 1) * N + i]! += f;
      }
      for (let i = 0; i < N * N; i++) A[i]! *= s;
      for (let n = 0; n < N; n++) B[n]! *= s;
      break;
    }
  }
  if (norm === 'blog' && (measure === 'legs' || measure === 'legt')) {
    for (let n = 0; n < N; n++) B[n]! *= Math.SQRT2;
  }
  return { N, A, B };
}

/** P_0(z) … P_{N−1}(z) by the three-term recurrence. */
export function legendreAll(
  N: number,
  z: number,
  out: Float64Array = new Float64Array(N),
): Float64Array {
  if (N > 0) out[0] = 1;
  if (N > 1) out[1] = z;
  for (let n = 1; n + 1 < N; n++)
    out[n + 1] = ((2 * n + 1) * z * out[n]! - n * out[n - 1]!) / (n + 1);
  return out;
}

/** Laguerre polynomials L_0(s) … L_{N−1}(s). */
export function laguerreAll(
  N: number,
  s: number,
  out: Float64Array = new Float64Array(N),
): Float64Array {
  if (N > 0) out[0] = 1;
  if (N > 1) out[1] = 1 - s;
  for (let n = 1; n + 1 < N; n++)
    out[n + 1] = ((2 * n + 1 - s) * out[n]! - n * out[n - 1]!) / (n + 1);
  return out;
}

/**
 * The basis functions φ_n(s) such that u ≈ Σ_n x_n φ_n(s) over the memory window, s ∈ [0, 1]
 * from the oldest end (0) to now (1); for lagt s is the age t − x ≥ 0.
 * - legs, legt: √(2n+1) P_n(2s−1) (paper); √((2n+1)/2) P_n(2s−1) (blog)
 * - lmu: P_n(1−2s) (hippo-code HiPPO_LegT.reconstruct)
 * - lagt: L_n(s) (measure e^{−s})
 * - fout: 1, 0, √2 cos 2πks, −√2 sin 2πks for the pairs (2k, 2k+1)
 */
export function hippoBasis(
  measure: Measure,
  N: number,
  s: number,
  norm: Normalization,
  out = new Float64Array(N),
): Float64Array {
  switch (measure) {
    case 'legs':
    case 'legt': {
      legendreAll(N, 2 * s - 1, out);
      const f = norm === 'blog' ? Math.SQRT1_2 : 1;
      for (let n = 0; n < N; n++) out[n] = out[n]! * Math.sqrt(2 * n + 1) * f;
      return out;
    }
    case 'lmu':
      return legendreAll(N, 1 - 2 * s, out);
    case 'lagt':
      return laguerreAll(N, s, out);
    case 'fout': {
      out.fill(0);
      out[0] = 1;
      for (let i = 2; i + 1 < N; i += 2) {
        const w = 2 * Math.PI * (i / 2) * s;
        out[i] = Math.SQRT2 * Math.cos(w);
        out[i + 1] = -Math.SQRT2 * Math.sin(w);
      }
      return out;
    }
  }
}

/** Value of the HiPPO approximation Σ_n x_n φ_n(s) at each s (see hippoBasis). */
export function hippoReconstruct(
  measure: Measure,
  x: Float64Array,
  s: Float64Array,
  opts?: HippoOptions,
): Float64Array {
  checkOneOf('measure', measure, MEASURES);
  checkFiniteArray('x', x);
  checkInt('x.length', x.length, 1, MAX_N);
  checkFiniteArray('s', s);
  const { norm } = options(measure, opts);
  const N = x.length;
  if (measure === 'fout' && N % 2 !== 0) {
    throw new RangeError(`x.length must be even for measure 'fout' (sine/cosine pairs), got ${N}`);
  }
  const phi = new Float64Array(N);
  const y = new Float64Array(s.length);
  for (let j = 0; j < s.length; j++) {
    hippoBasis(measure, N, s[j]!, norm, phi);
    let acc = 0;
    for (let n = 0; n < N; n++) acc += x[n]! * phi[n]!;
    y[j] = acc;
  }
  return y;
}
