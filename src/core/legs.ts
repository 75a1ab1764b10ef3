/**
 * HiPPO-LegS as a time-varying system x' = (A/t) x + (B/t) u over a piecewise-constant input
 * u(t) = u_k on [k, k+1) (REFERENCE §2.3), and O(N) products and solves with the LegS matrix
 * (blog part 2: (Av)_n = −(n+1) v_n − √(2n+1) Σ_{k<n} √(2k+1) v_k).
 */
import { hippo } from './hippo';
import type { Normalization } from './types';
import { checkFiniteArray, checkInt, checkOneOf, MAX_L, MAX_N } from './validate';

const sqrt2n1 = (n: number): number => Math.sqrt(2 * n + 1);

/** out = A v for the LegS A, in O(N). */
export function legsApply(
  v: ArrayLike<number>,
  N: number,
  out: Float64Array = new Float64Array(N),
): Float64Array {
  let s = 0; // Σ_{k<n} √(2k+1) v_k
  for (let n = 0; n < N; n++) {
    const r = sqrt2n1(n);
    const vn = v[n]!;
    out[n] = -(n + 1) * vn - r * s;
    s += r * vn;
  }
  return out;
}

/** out = Aᵀ v (equivalently the row vector vᵀA), in O(N). */
export function legsApplyT(
  v: ArrayLike<number>,
  N: number,
  out: Float64Array = new Float64Array(N),
): Float64Array {
  let s = 0; // Σ_{n>k} √(2n+1) v_n
  for (let k = N - 1; k >= 0; k--) {
    const r = sqrt2n1(k);
    const vk = v[k]!;
    out[k] = -(k + 1) * vk - r * s;
    s += r * vk;
  }
  return out;
}

/** Solves (I − cA) z = y for the LegS A (lower triangular: forward substitution), O(N). */
export function legsSolve(
  c: number,
  y: ArrayLike<number>,
  N: number,
  out: Float64Array = new Float64Array(N),
): Float64Array {
  let s = 0; // Σ_{k<n} √(2k+1) z_k
  for (let n = 0; n < N; n++) {
    const r = sqrt2n1(n);
    const z = (y[n]! - c * r * s) / (1 + c * (n + 1));
    out[n] = z;
    s += r * z;
  }
  return out;
}

/** Solves (I − cAᵀ) z = y (upper triangular: back substitution), O(N). */
export function legsSolveT(
  c: number,
  y: ArrayLike<number>,
  N: number,
  out: Float64Array = new Float64Array(N),
): Float64Array {
  let s = 0; // Σ_{n>k} √(2n+1) z_n
  for (let k = N - 1; k >= 0; k--) {
    const r = sqrt2n1(k);
    const z = (y[k]! - c * r * s) / (1 + c * (k + 1));
    out[k] = z;
    s += r * z;
  }
  return out;
}

/**
 * The exact LegS propagator over one step in closed form. With r = k/(k+1),
 * e^{ln((k+1)/k)·A} = r·G(r) where G(r) maps the coefficients of a polynomial in the orthonormal
 * shifted-Legendre basis p_n(v) = √(2n+1) P_n(2v−1) to those of the dilated polynomial p_n(rv):
 * p_n(rv) = Σ_m G_nm p_m(v). Built row by row from the Legendre three-term recurrence in O(N²)
 * (instead of an O(N³) Padé exponential), and A⁻¹(e^{hA} − I)B = ∫_r^1 p_n(w) dw
 * = (P_{n−1}(z) − P_{n+1}(z)) / (2√(2n+1)), z = 2r − 1 (1 − r for n = 0). Both follow from
 * LegS being exact for the projection onto [0, t] (REFERENCE §1.6, §2.3).
 * Returns E (lower triangular, row-major) and F (for B_n = √(2n+1), paper normalisation).
 */
export function legsStep(N: number, k: number): { E: Float64Array; F: Float64Array } {
  const r = k / (k + 1);
  const E = new Float64Array(N * N);
  // g rows: coefficients of P̃_n(r v) in P̃_m(v) (unnormalised shifted Legendre).
  let prev = new Float64Array(N + 1);
  let cur = new Float64Array(N + 1);
  let next = new Float64Array(N + 1);
  cur[0] = 1;
  const zmul = new Float64Array(N + 1);
  for (let n = 0; n < N; n++) {
    // E_nm = r · √(2n+1)/√(2m+1) · g_nm
    const sn = Math.sqrt(2 * n + 1);
    for (let m = 0; m <= n; m++) E[n * N + m] = (r * sn * cur[m]!) / Math.sqrt(2 * m + 1);
    if (n + 1 === N) break;
    // (2y − 1)·q with y = rv: r·(z q) + (r − 1) q, z = 2v − 1, z P̃_m = ((m+1)P̃_{m+1} + m P̃_{m−1})/(2m+1)
    for (let j = 0; j <= n + 1; j++) {
      const a = j >= 1 ? (cur[j - 1]! * j) / (2 * j - 1) : 0;
      const b = j + 1 <= n ? (cur[j + 1]! * (j + 1)) / (2 * j + 3) : 0;
      zmul[j] = r * (a + b) + (r - 1) * cur[j]!;
    }
    for (let j = 0; j <= n + 1; j++)
      next[j] = ((2 * n + 1) * zmul[j]! - n * (j <= n - 1 ? prev[j]! : 0)) / (n + 1);
    [prev, cur, next] = [cur, next, prev];
    next.fill(0);
  }
  const F = new Float64Array(N);
  const z = 2 * r - 1;
  // P_0 … P_N at z
  const P = new Float64Array(N + 1);
  P[0] = 1;
  if (N >= 1) P[1] = z;
  for (let n = 1; n < N; n++) P[n + 1] = ((2 * n + 1) * z * P[n]! - n * P[n - 1]!) / (n + 1);
  F[0] = 1 - r;
  for (let n = 1; n < N; n++) F[n] = (P[n - 1]! - P[n + 1]!) / (2 * Math.sqrt(2 * n + 1));
  return { E, F };
}

export type LegsScheme = 'exact' | 'bilinear' | 'forward';

/**
 * States x_1 … x_L (L×N row-major) of time-varying LegS driven by u_0 … u_{L−1}, t = k:
 * - x_1 = −A⁻¹B u_0 (the projection of a constant, = u_0 e_0 with paper normalisation);
 * - exact: x_{k+1} = e^{hA} x_k + A⁻¹(e^{hA} − I) B u_k with h = ln((k+1)/k), the log-time ZOH
 *   (LegS is LTI in τ = ln t); the propagator comes from legsStep in closed form, equal to the
 *   scaling-and-squaring Padé exponential to rounding (tested), at O(N²) per step;
 * - bilinear (blog eq. legs-ode-bilinear): x_{k+1} = (I − A/(2(k+1)))⁻¹[(I + A/(2k)) x_k + B u_k/k];
 * - forward (HiPPO paper): x_{k+1} = (I + A/k) x_k + B u_k/k (unstable for the first steps).
 * The exact scheme reproduces the exact Legendre projection of the step function on [0, k].
 */
export function legsRun(
  N: number,
  u: Float64Array,
  scheme: LegsScheme,
  opts?: { normalization?: Normalization },
): Float64Array {
  checkInt('N', N, 1, MAX_N);
  checkFiniteArray('u', u);
  checkInt('u.length', u.length, 1, MAX_L);
  checkOneOf('scheme', scheme, ['exact', 'bilinear', 'forward'] as const);
  const norm = checkOneOf('normalization', opts?.normalization ?? 'paper', [
    'paper',
    'blog',
  ] as const);
  const { A, B } = hippo('legs', N, { normalization: norm });
  const bScale = norm === 'blog' ? Math.SQRT2 : 1;
  const L = u.length;
  const X = new Float64Array(L * N);
  // x_1 = −A⁻¹B u_0 (A is lower triangular: forward substitution).
  const z = new Float64Array(N);
  for (let n = 0; n < N; n++) {
    let s = B[n]!;
    for (let k = 0; k < n; k++) s -= A[n * N + k]! * z[k]!;
    z[n] = s / A[n * N + n]!;
  }
  for (let n = 0; n < N; n++) X[n] = -z[n]! * u[0]!;
  const x = new Float64Array(N);
  const tmp = new Float64Array(N);
  for (let k = 1; k < L; k++) {
    x.set(X.subarray((k - 1) * N, k * N));
    const uk = u[k]!;
    const out = X.subarray(k * N, (k + 1) * N);
    if (scheme === 'exact') {
      const { E, F } = legsStep(N, k);
      for (let i = 0; i < N; i++) {
        let s = bScale * F[i]! * uk;
        const r = i * N;
        for (let j = 0; j <= i; j++) s += E[r + j]! * x[j]!;
        out[i] = s;
      }
    } else if (scheme === 'bilinear') {
      legsApply(x, N, tmp);
      for (let i = 0; i < N; i++) tmp[i] = x[i]! + tmp[i]! / (2 * k) + (B[i]! * uk) / k;
      legsSolve(1 / (2 * (k + 1)), tmp, N, out);
    } else {
      legsApply(x, N, tmp);
      for (let i = 0; i < N; i++) out[i] = x[i]! + tmp[i]! / k + (B[i]! * uk) / k;
    }
  }
  return X;
}
