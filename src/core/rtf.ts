/**
 * Rational transfer functions (RTF; REFERENCE §4). Paper convention:
 * H(z) = h0 + (b1 z⁻¹ + … + bn z⁻ⁿ)/(1 + a1 z⁻¹ + … + an z⁻ⁿ), impulse response h_0 = h0,
 * h_t = C A^{t−1} B for the companion realisation (A first row −a, ones below the diagonal,
 * B = e1, C = b). Blog convention: no delay, K̄_k = b̃ A^k e1.
 */
import { eigenvalues } from './eig';
import { dftInterleaved, realSpectrum } from './fft';
import { hessenberg, matvec } from './linalg';
import type { Complex, DiscreteSSM, RtfConvention } from './types';
import {
  checkFiniteArray,
  checkFiniteNumber,
  checkInt,
  checkOneOf,
  MAX_L,
  MAX_N,
} from './validate';

function checkAB(a: Float64Array, b: Float64Array): number {
  checkFiniteArray('a', a);
  const n = a.length;
  checkInt('a.length', n, 0, MAX_L - 1);
  checkFiniteArray('b', b, n);
  return n;
}

/**
 * RTF Algorithm 1, O(L log L) whatever the order n: with ā = (1, a1…an, 0…) and
 * b̄ = (0, b1…bn, 0…) ('paper') or (b1…bn, 0…) ('blog'), both of length L,
 * K = iFFT_L(FFT_L(b̄)/FFT_L(ā)) (+ h0 at tap 0 for 'paper'). This is the L-periodic (aliased)
 * impulse response Σ_m h_{t+mL}; rtfCorrect gives the b̃ that makes it exact.
 * Requires L > n; throws if the denominator vanishes at an L-th root of unity.
 */
export function rtfKernel(
  a: Float64Array,
  b: Float64Array,
  h0: number,
  L: number,
  opts?: { convention?: RtfConvention },
): Float64Array {
  const n = checkAB(a, b);
  checkFiniteNumber('h0', h0);
  checkInt('L', L, n + 1, MAX_L);
  const convention = checkOneOf('convention', opts?.convention ?? 'paper', [
    'paper',
    'blog',
  ] as const);
  const den = new Float64Array(n + 1);
  den[0] = 1;
  den.set(a, 1);
  const num = new Float64Array(n + 1);
  num.set(b, convention === 'paper' ? 1 : 0);
  const A = realSpectrum(den, L);
  const Bs = realSpectrum(num, L);
  // |den(ω)| at the rounding level of the FFT means a root on the unit circle at a node.
  let l1 = 0;
  for (const v of den) l1 += Math.abs(v);
  const floor = (64 * Number.EPSILON * l1) ** 2;
  for (let i = 0; i < 2 * L; i += 2) {
    const ar = A[i]!;
    const ai = A[i + 1]!;
    const d = ar * ar + ai * ai;
    if (!(d > floor) || !Number.isFinite(d)) {
      throw new RangeError(
        `a must keep 1 + a1 z⁻¹ + … + an z⁻ⁿ nonzero on the ${L}-th roots of unity (a pole lies on the unit circle)`,
      );
    }
    const br = Bs[i]!;
    const bi = Bs[i + 1]!;
    Bs[i] = (br * ar + bi * ai) / d;
    Bs[i + 1] = (bi * ar - br * ai) / d;
  }
  const out = dftInterleaved(Bs, L, true);
  const K = new Float64Array(L);
  for (let k = 0; k < L; k++) K[k] = out[2 * k]!;
  if (convention === 'paper') K[0]! += h0;
  return K;
}

/** Exact h_0 … h_{L−1} by the recursion h_t = num_t − Σ_i a_i h_{t−i} (lfilter of an impulse). */
export function rtfImpulse(a: Float64Array, b: Float64Array, h0: number, L: number): Float64Array {
  const n = checkAB(a, b);
  checkFiniteNumber('h0', h0);
  checkInt('L', L, 1, MAX_L);
  const h = new Float64Array(L);
  for (let t = 0; t < L; t++) {
    // numerator of H = h0·(1, a) + (0, b)
    let s = t === 0 ? h0 : t <= n ? h0 * a[t - 1]! + b[t - 1]! : 0;
    for (let i = 1; i <= Math.min(n, t); i++) s -= a[i - 1]! * h[t - i]!;
    h[t] = s;
  }
  return h;
}

/**
 * b̃ = b (I − A^L) with the companion A (row vector): the numerator whose FFT kernel is the
 * truncated, not aliased, response. Computed with L O(n) steps w ← wA:
 * (wA)_k = −w_0 a_k + w_{k+1}.
 */
export function rtfCorrect(a: Float64Array, b: Float64Array, L: number): Float64Array {
  const n = checkAB(a, b);
  checkInt('L', L, 1, MAX_L);
  let w = Float64Array.from(b);
  let next = new Float64Array(n);
  for (let step = 0; step < L; step++) {
    const w0 = w[0] ?? 0;
    for (let k = 0; k < n; k++) next[k] = -w0 * a[k]! + (k + 1 < n ? w[k + 1]! : 0);
    [w, next] = [next, w];
  }
  return b.map((v, k) => v - w[k]!);
}

/** Ā = companion of a (first row −a, ones below the diagonal), B̄ = e1, C = b, D = h0. */
export function companion(a: Float64Array, b: Float64Array, h0: number): DiscreteSSM {
  const n = checkAB(a, b);
  checkInt('a.length', n, 1, MAX_N);
  checkFiniteNumber('h0', h0);
  const Ab = new Float64Array(n * n);
  for (let k = 0; k < n; k++) Ab[k] = -a[k]!;
  for (let i = 1; i < n; i++) Ab[i * n + i - 1] = 1;
  const Bb = new Float64Array(n);
  Bb[0] = 1;
  return { N: n, Ab, Bb, C: Float64Array.from(b), D: h0 };
}

/**
 * Characteristic polynomial det(λI − A) = λⁿ + c_1 λⁿ⁻¹ + … + c_n (returns c_1 … c_n).
 * Orthogonal reduction to Hessenberg H, then the recurrence on its leading principal minors
 * p_k(λ) = (λ − h_kk) p_{k−1} − Σ_{i<k} h_ik (Π_{m=i+1}^{k} h_{m,m−1}) p_{i−1}.
 */
export function charPoly(A: Float64Array, N: number): Float64Array {
  const { H } = hessenberg(A, N);
  // p[k] holds the coefficients of p_k, highest degree first, length k+1.
  const p: Float64Array[] = [Float64Array.of(1)];
  for (let k = 1; k <= N; k++) {
    const prev = p[k - 1]!;
    const cur = new Float64Array(k + 1);
    const hkk = H[(k - 1) * N + (k - 1)]!;
    for (let j = 0; j < k; j++) {
      cur[j]! += prev[j]!;
      cur[j + 1]! -= hkk * prev[j]!;
    }
    let prod = 1;
    for (let i = k - 1; i >= 1; i--) {
      prod *= H[i * N + (i - 1)]!; // h_{i+1,i} in 1-based terms
      const coef = H[(i - 1) * N + (k - 1)]! * prod;
      if (coef === 0) continue;
      const q = p[i - 1]!;
      const off = k - (i - 1);
      for (let j = 0; j < q.length; j++) cur[j + off]! -= coef * q[j]!;
    }
    p.push(cur);
  }
  return p[N]!.slice(1);
}

/**
 * Transfer function of the discrete system (A, B, C, D): H(z) = D + C(zI − A)⁻¹B
 * = h0 + (b1 z⁻¹ + … + bN z⁻ᴺ)/(1 + a1 z⁻¹ + … + aN z⁻ᴺ) (RTF eq. 5). a from the characteristic
 * polynomial; the strictly proper b from the Markov parameters h_t = C A^{t−1} B:
 * b_j = Σ_{i<j} a_i h_{j−i} (a_0 = 1).
 */
export function ssToTf(
  A: Float64Array,
  B: Float64Array,
  C: Float64Array,
  D: number,
  N: number,
): { a: Float64Array; b: Float64Array; h0: number } {
  checkInt('N', N, 1, MAX_N);
  checkFiniteArray('A', A, N * N);
  checkFiniteArray('B', B, N);
  checkFiniteArray('C', C, N);
  checkFiniteNumber('D', D);
  const a = charPoly(A, N);
  const h = new Float64Array(N + 1); // h[t] = C A^{t−1} B, t = 1…N
  let v: Float64Array = Float64Array.from(B);
  for (let t = 1; t <= N; t++) {
    let s = 0;
    for (let i = 0; i < N; i++) s += C[i]! * v[i]!;
    h[t] = s;
    if (t < N) v = matvec(A, v, N);
  }
  const b = new Float64Array(N);
  for (let j = 1; j <= N; j++) {
    let s = h[j]!;
    for (let i = 1; i < j; i++) s += a[i - 1]! * h[j - i]!;
    b[j - 1] = s;
  }
  return { a, b, h0: D };
}

/** Roots of the monic zⁿ + c_0 zⁿ⁻¹ + … + c_{n−1}: eigenvalues of its companion matrix. */
export function polyRoots(c: Float64Array): Complex {
  checkFiniteArray('c', c);
  const n = c.length;
  checkInt('c.length', n, 0, MAX_N);
  if (n === 0) return { re: new Float64Array(0), im: new Float64Array(0) };
  const M = new Float64Array(n * n);
  for (let k = 0; k < n; k++) M[k] = -c[k]!;
  for (let i = 1; i < n; i++) M[i * n + i - 1] = 1;
  return eigenvalues(M, n);
}
