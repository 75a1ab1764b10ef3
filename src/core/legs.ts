/**
 * HiPPO-LegS as a time-varying system x' = (A/t) x + (B/t) u over a piecewise-constant input
 * u(t) = u_k on [k, k+1) (REFERENCE §2.3), and O(N) products and solves with the LegS matrix
 * (blog part 2: (Av)_n = −(n+1) v_n − √(2n+1) Σ_{k<n} √(2k+1) v_k).
 */
import { expm } from './expm';
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

export type LegsScheme = 'exact' | 'bilinear' | 'forward';

/**
 * States x_1 … x_L (L×N row-major) of time-varying LegS driven by u_0 … u_{L−1}, t = k:
 * - x_1 = −A⁻¹B u_0 (the projection of a constant, = u_0 e_0 with paper normalisation);
 * - exact: x_{k+1} = e^{hA} x_k + A⁻¹(e^{hA} − I) B u_k with h = ln((k+1)/k), the log-time ZOH
 *   (LegS is LTI in τ = ln t), both terms from one Padé exponential of [[hA, hB], [0, 0]];
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
  const { A, B } = hippo(
    'legs',
    N,
    opts?.normalization ? { normalization: opts.normalization } : {},
  );
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
  const M = N + 1;
  const Z = new Float64Array(M * M);
  for (let k = 1; k < L; k++) {
    x.set(X.subarray((k - 1) * N, k * N));
    const uk = u[k]!;
    const out = X.subarray(k * N, (k + 1) * N);
    if (scheme === 'exact') {
      const h = Math.log1p(1 / k);
      for (let i = 0; i < N; i++) {
        for (let j = 0; j < N; j++) Z[i * M + j] = h * A[i * N + j]!;
        Z[i * M + N] = h * B[i]!;
      }
      const E = expm(Z, M);
      for (let i = 0; i < N; i++) {
        let s = E[i * M + N]! * uk;
        for (let j = 0; j <= i; j++) s += E[i * M + j]! * x[j]!; // e^{hA} is lower triangular
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
