/**
 * S4 convolution kernels of HiPPO systems (REFERENCE §3.6–3.11) and S4D diagonal kernels
 * (§3.13). Every method returns the same K_k = C Ā^k B̄, k < L, with the bilinear Ā, B̄ of
 * hippo(measure, N) (paper normalisation) and C̄ = C.
 */
import { discretize } from './discretize';
import { skewEig } from './eig';
import { dftInterleaved } from './fft';
import { hessenberg, hessenbergResolvent, matpow, vecmat } from './linalg';
import { hippo } from './hippo';
import { legsApplyT, legsSolveT } from './legs';
import { kernel } from './ssm';
import type { Complex, Measure, S4dInitKind, S4Method } from './types';
import {
  checkComplex,
  checkFiniteArray,
  checkInt,
  checkOneOf,
  checkPositive,
  MAX_L,
  MAX_N,
} from './validate';

const S4_MEASURES = ['legs', 'legt', 'lagt', 'fout'] as const;

/** Real sequence from its DFT values at j = 0 … ⌊L/2⌋ (Hermitian symmetry fills the rest). */
function inverseFromHalf(re: Float64Array, im: Float64Array, L: number): Float64Array {
  const spec = new Float64Array(2 * L);
  for (let j = 0; j <= L >> 1; j++) {
    spec[2 * j] = re[j]!;
    spec[2 * j + 1] = im[j]!;
    if (j > 0 && j < L - j) {
      spec[2 * (L - j)] = re[j]!;
      spec[2 * (L - j) + 1] = -im[j]!;
    }
  }
  // Tap 0 (and L/2 for even L) of a real kernel's DFT are real: drop round-off in their imaginary part.
  spec[1] = 0;
  if (L % 2 === 0) spec[L + 1] = 0;
  const out = dftInterleaved(spec, L, true);
  const K = new Float64Array(L);
  for (let k = 0; k < L; k++) K[k] = out[2 * k]!;
  return K;
}

/**
 * 'generating' (S4 Lemma C.2/C.3): K̂(z) = C̃ (I − Āz)⁻¹ B̄ at z_j = e^{−2πij/L} with
 * C̃ = C(I − Ā^L), then K = iFFT(K̂). Ā is reduced once to Hessenberg form Ā = Q H Qᵀ so that
 * each of the ⌊L/2⌋+1 nodes costs one O(N²) Hessenberg solve (conjugate symmetry gives the rest).
 */
function kernelGenerating(
  Ab: Float64Array,
  Bb: Float64Array,
  C: Float64Array,
  N: number,
  L: number,
): Float64Array {
  const AL = matpow(Ab, N, L);
  const CAL = vecmat(C, AL, N);
  const Ct = C.map((c, i) => c - CAL[i]!);
  const { H, Q } = hessenberg(Ab, N);
  const c = vecmat(Ct, Q, N); // (C̃ Q)
  const b = new Float64Array(N); // Qᵀ B̄
  for (let i = 0; i < N; i++) for (let a = 0; a < N; a++) b[i]! += Q[a * N + i]! * Bb[a]!;
  const half = (L >> 1) + 1;
  const Kre = new Float64Array(half);
  const Kim = new Float64Array(half);
  const resolvent = hessenbergResolvent(H, N);
  for (let j = 0; j < half; j++) {
    const ang = (-2 * Math.PI * j) / L;
    // K̂(z) = c · (1·I − z·H)⁻¹ b
    const [re, im] = resolvent(1, 0, Math.cos(ang), Math.sin(ang), b, c);
    Kre[j] = re;
    Kim[j] = im;
  }
  return inverseFromHalf(Kre, Kim, L);
}

interface NplrFactors {
  N: number;
  lamRe: Float64Array; // Λ, ascending imaginary part
  lamIm: Float64Array;
  Vre: Float64Array; // unitary V, columns = eigenvectors of the normal part
  Vim: Float64Array;
  P: Float64Array;
}
const nplrCache = new Map<number, NplrFactors>();

/**
 * NPLR of LegS (S4 Theorem 1, REFERENCE §3.9): A = V diag(Λ) V* − P Pᵀ, P_n = √(n+½),
 * A + PPᵀ = −½I + S with S skew-symmetric, so Λ = −½ + iω from a unitary (well-conditioned)
 * eigendecomposition of S. Cached per N.
 */
function nplrFactors(N: number): NplrFactors {
  let f = nplrCache.get(N);
  if (f) return f;
  const { A } = hippo('legs', N);
  const P = Float64Array.from({ length: N }, (_, n) => Math.sqrt(n + 0.5));
  const S = new Float64Array(N * N);
  for (let i = 0; i < N; i++)
    for (let j = 0; j < N; j++) S[i * N + j] = A[i * N + j]! + P[i]! * P[j]! + (i === j ? 0.5 : 0);
  // Exact skew-symmetry (the diagonal is exactly 0 in exact arithmetic).
  for (let i = 0; i < N; i++) {
    S[i * N + i] = 0;
    for (let j = 0; j < i; j++) S[j * N + i] = -S[i * N + j]!;
  }
  const { omega, Vre, Vim } = skewEig(S, N);
  f = { N, lamRe: new Float64Array(N).fill(-0.5), lamIm: omega, Vre, Vim, P };
  if (nplrCache.size > 8) nplrCache.clear();
  nplrCache.set(N, f);
  return f;
}

export function nplr(N: number): { Lambda: Complex; P: Float64Array } {
  checkInt('N', N, 1, MAX_N);
  const f = nplrFactors(N);
  return {
    Lambda: { re: Float64Array.from(f.lamRe), im: Float64Array.from(f.lamIm) },
    P: Float64Array.from(f.P),
  };
}

/**
 * 'dplr' (S4 Algorithm 1 in the singularity-free form of REFERENCE §3.11): in the eigenbasis of
 * the normal part, A = Λ − p p*, and at ω = e^{−2πij/L}, with α = (2/Δ)(1−ω), β = 1+ω,
 *   k_ab = Σ_i conj(a_i) b_i · 2/(α − λ_i β),   K̂ = k_00 − k_01 k_10 β / (2 + β k_11),
 * (a, b) ∈ {C̃, p} × {B, p}; valid at ω = −1 (even L). Conjugate eigenvalue pairs carry
 * conjugate weights, so each pair is summed at once:
 *   w r(λ) + w̄ r(λ̄) = 4 (Re(w) α − Re(w λ̄) β) / (α² − 2Re(λ) αβ + |λ|² β²).
 * C̃ = C(I − Ā^L) comes from L row-vector steps with the O(N) LegS structure.
 */
function kernelDplr(N: number, C: Float64Array, dt: number, L: number): Float64Array {
  const f = nplrFactors(N);
  const { B } = hippo('legs', N);
  // w = C Ā^L with Āᵀ = (I − hAᵀ)⁻¹(I + hAᵀ), h = Δ/2.
  const h = dt / 2;
  let w: Float64Array = Float64Array.from(C);
  const t = new Float64Array(N);
  let cmax = 0;
  for (const c of C) cmax = Math.max(cmax, Math.abs(c));
  for (let k = 0; k < L; k++) {
    legsApplyT(w, N, t);
    for (let i = 0; i < N; i++) t[i] = w[i]! + h * t[i]!;
    w = legsSolveT(h, t, N, w);
    // Once C Ā^k is below the rounding of C it cannot change C̃ = C − C Ā^L (and would only
    // sink into subnormal, slow arithmetic): stop.
    if ((k & 63) === 63) {
      let wmax = 0;
      for (const v of w) wmax = Math.max(wmax, Math.abs(v));
      if (wmax < 1e-20 * cmax) {
        w.fill(0);
        break;
      }
    }
  }
  const Ct = C.map((c, i) => c - w[i]!);
  // Project onto the eigenvectors: x_i = Σ_a conj(V_ai) v_a for v ∈ {C̃, B, P}.
  const proj = (v: Float64Array): [Float64Array, Float64Array] => {
    const re = new Float64Array(N);
    const im = new Float64Array(N);
    for (let a = 0; a < N; a++) {
      const va = v[a]!;
      if (va === 0) continue;
      for (let i = 0; i < N; i++) {
        re[i]! += f.Vre[a * N + i]! * va;
        im[i]! -= f.Vim[a * N + i]! * va;
      }
    }
    return [re, im];
  };
  const [cr, ci] = proj(Ct);
  const [br, bi] = proj(B);
  const [pr, pi] = proj(f.P);
  // Weights conj(a) b for the four Cauchy sums, per eigenvalue.
  const weight = (
    ar: Float64Array,
    ai: Float64Array,
    xr: Float64Array,
    xi: Float64Array,
    i: number,
  ): [number, number] => [ar[i]! * xr[i]! + ai[i]! * xi[i]!, ar[i]! * xi[i]! - ai[i]! * xr[i]!];
  const pairs = N >> 1; // i < pairs have ω_i < 0, partner N−1−i
  const single = N % 2 === 1 ? pairs : -1;
  // Per pair: Re(w), Re(w λ̄) for the four weights; |λ|², Re λ.
  const W = new Float64Array(pairs * 8);
  const lamRe = new Float64Array(pairs);
  const lamAbs2 = new Float64Array(pairs);
  const ws = [
    [cr, ci, br, bi],
    [cr, ci, pr, pi],
    [pr, pi, br, bi],
    [pr, pi, pr, pi],
  ] as const;
  for (let i = 0; i < pairs; i++) {
    const lr = f.lamRe[i]!;
    const li = f.lamIm[i]!;
    lamRe[i] = lr;
    lamAbs2[i] = lr * lr + li * li;
    ws.forEach(([ar, ai, xr, xi], q) => {
      const [wr, wi] = weight(ar, ai, xr, xi, i);
      W[i * 8 + 2 * q] = wr;
      W[i * 8 + 2 * q + 1] = wr * lr + wi * li; // Re(w · conj(λ))
    });
  }
  const singleW = single >= 0 ? ws.map(([ar, ai, xr, xi]) => weight(ar, ai, xr, xi, single)) : [];
  const half = (L >> 1) + 1;
  const Kre = new Float64Array(half);
  const Kim = new Float64Array(half);
  const k = new Float64Array(8);
  for (let j = 0; j < half; j++) {
    const ang = (-2 * Math.PI * j) / L;
    const or = Math.cos(ang);
    const oi = Math.sin(ang);
    const alr = (2 / dt) * (1 - or);
    const ali = (-2 / dt) * oi;
    const ber = 1 + or;
    const bei = oi;
    const a2r = alr * alr - ali * ali;
    const a2i = 2 * alr * ali;
    const abr = alr * ber - ali * bei;
    const abi = alr * bei + ali * ber;
    const b2r = ber * ber - bei * bei;
    const b2i = 2 * ber * bei;
    k.fill(0);
    for (let i = 0; i < pairs; i++) {
      const dr = a2r - 2 * lamRe[i]! * abr + lamAbs2[i]! * b2r;
      const di = a2i - 2 * lamRe[i]! * abi + lamAbs2[i]! * b2i;
      const dd = 4 / (dr * dr + di * di);
      const invr = dr * dd;
      const invi = -di * dd;
      const o = i * 8;
      for (let q = 0; q < 4; q++) {
        const rw = W[o + 2 * q]!;
        const rl = W[o + 2 * q + 1]!;
        const nr = rw * alr - rl * ber;
        const ni = rw * ali - rl * bei;
        k[2 * q]! += nr * invr - ni * invi;
        k[2 * q + 1]! += nr * invi + ni * invr;
      }
    }
    if (single >= 0) {
      // r = 2/(α − λβ) for the real eigenvalue λ = −½ (odd N).
      const lr = f.lamRe[single]!;
      const li = f.lamIm[single]!;
      const dr = alr - (lr * ber - li * bei);
      const di = ali - (lr * bei + li * ber);
      const dd = 2 / (dr * dr + di * di);
      const rr = dr * dd;
      const ri = -di * dd;
      singleW.forEach(([wr, wi], q) => {
        k[2 * q]! += wr * rr - wi * ri;
        k[2 * q + 1]! += wr * ri + wi * rr;
      });
    }
    // K̂ = k00 − k01 k10 β / (2 + β k11)
    const k00r = k[0]!,
      k00i = k[1]!,
      k01r = k[2]!,
      k01i = k[3]!;
    const k10r = k[4]!,
      k10i = k[5]!,
      k11r = k[6]!,
      k11i = k[7]!;
    const pr2 = k01r * k10r - k01i * k10i;
    const pi2 = k01r * k10i + k01i * k10r;
    const nr = pr2 * ber - pi2 * bei;
    const ni = pr2 * bei + pi2 * ber;
    const dr = 2 + ber * k11r - bei * k11i;
    const di = ber * k11i + bei * k11r;
    const dd = dr * dr + di * di;
    Kre[j] = k00r - (nr * dr + ni * di) / dd;
    Kim[j] = k00i - (ni * dr - nr * di) / dd;
  }
  return inverseFromHalf(Kre, Kim, L);
}

/**
 * The S4 kernel K_k = C Ā^k B̄ (k < L) of hippo(measure, N) discretised with the bilinear
 * transform at step dt, by one of three methods that must agree:
 * 'naive' (powering), 'generating' (truncated generating function at the roots of unity + iFFT),
 * 'dplr' (NPLR + Cauchy + Woodbury + iFFT; LegS only).
 */
export function s4Kernel(
  measure: 'legs' | 'legt' | 'lagt' | 'fout',
  N: number,
  C: Float64Array,
  dt: number,
  L: number,
  method: S4Method,
): Float64Array {
  checkOneOf('measure', measure, S4_MEASURES);
  checkInt('N', N, 1, MAX_N);
  checkFiniteArray('C', C, N);
  checkPositive('dt', dt);
  checkInt('L', L, 1, MAX_L);
  checkOneOf('method', method, ['naive', 'generating', 'dplr'] as const);
  if (method === 'dplr') {
    if (measure !== 'legs') {
      throw new RangeError(
        `measure must be 'legs' for method 'dplr' (the NPLR form implemented here is LegS's), got '${measure}'`,
      );
    }
    return kernelDplr(N, C, dt, L);
  }
  const d = discretize({ ...hippo(measure as Measure, N), C }, dt, 'bilinear');
  if (method === 'naive') return kernel(d, L);
  const r = dropDecoupled(d.Ab, d.Bb, d.C, N);
  return kernelGenerating(r.Ab, r.Bb, r.C, r.N, L);
}

/**
 * Removes states that the input never reaches and that touch no other state (B̄_i = 0, row and
 * column i of Ā zero off the diagonal): they add nothing to the kernel, but one with Ā_ii = 1
 * (fout's dummy state, an eigenvalue 0 of A) makes I − Āz singular at the node z = 1.
 */
function dropDecoupled(
  Ab: Float64Array,
  Bb: Float64Array,
  C: Float64Array,
  N: number,
): { Ab: Float64Array; Bb: Float64Array; C: Float64Array; N: number } {
  const keep: number[] = [];
  for (let i = 0; i < N; i++) {
    let coupled = Bb[i] !== 0;
    for (let j = 0; j < N && !coupled; j++)
      coupled = j !== i && (Ab[i * N + j] !== 0 || Ab[j * N + i] !== 0);
    if (coupled) keep.push(i);
  }
  if (keep.length === N || keep.length === 0) return { Ab, Bb, C, N };
  const n = keep.length;
  const A2 = new Float64Array(n * n);
  keep.forEach((i, p) => keep.forEach((j, q) => (A2[p * n + q] = Ab[i * N + j]!)));
  return {
    Ab: A2,
    Bb: Float64Array.from(keep, (i) => Bb[i]!),
    C: Float64Array.from(keep, (i) => C[i]!),
    N: n,
  };
}

/**
 * S4D kernel K_l = 2 Re Σ_n C_n B̄_n Ā_n^l (one eigenvalue per conjugate pair stored):
 * zoh Ā = e^{Δλ}, B̄ = (e^{Δλ} − 1)/λ · B (= ΔB at λ = 0); bilinear Ā = (1 + Δλ/2)/(1 − Δλ/2),
 * B̄ = Δ/(1 − Δλ/2) · B. Powers Ā^l = exp(l log Ā) exactly every 32 steps, by multiplication
 * in between (error ≤ 32 ulp).
 */
export function s4dKernel(
  Lambda: Complex,
  B: Complex,
  C: Complex,
  dt: number,
  L: number,
  disc: 'zoh' | 'bilinear',
): Float64Array {
  checkComplex('Lambda', Lambda);
  const M = Lambda.re.length;
  checkInt('Lambda.length', M, 1, MAX_N);
  checkComplex('B', B, M);
  checkComplex('C', C, M);
  checkPositive('dt', dt);
  checkInt('L', L, 1, MAX_L);
  checkOneOf('disc', disc, ['zoh', 'bilinear'] as const);
  const K = new Float64Array(L);
  for (let n = 0; n < M; n++) {
    const zr = dt * Lambda.re[n]!;
    const zi = dt * Lambda.im[n]!;
    let logR: number; // log Ā = logR + i logI
    let logI: number;
    let gr: number; // B̄_n / B_n
    let gi: number;
    if (disc === 'zoh') {
      logR = zr;
      logI = zi;
      // (e^z − 1)/λ = Δ (e^z − 1)/z; e^z − 1 = expm1(x) cos y − 2 sin²(y/2) + i e^x sin y.
      const er = Math.expm1(zr) * Math.cos(zi) - 2 * Math.sin(zi / 2) ** 2;
      const ei = Math.exp(zr) * Math.sin(zi);
      const lr = Lambda.re[n]!;
      const li = Lambda.im[n]!;
      const l2 = lr * lr + li * li;
      if (l2 === 0) {
        gr = dt;
        gi = 0;
      } else {
        gr = (er * lr + ei * li) / l2;
        gi = (ei * lr - er * li) / l2;
      }
    } else {
      const dr = 1 - zr / 2;
      const di = -zi / 2;
      const dd = dr * dr + di * di;
      const nr = 1 + zr / 2;
      const ni = zi / 2;
      const ar = (nr * dr + ni * di) / dd;
      const ai = (ni * dr - nr * di) / dd;
      logR = Math.log(Math.hypot(ar, ai));
      logI = Math.atan2(ai, ar);
      gr = (dt * dr) / dd;
      gi = (-dt * di) / dd;
    }
    // w = C_n B̄_n
    const bR = B.re[n]! * gr - B.im[n]! * gi;
    const bI = B.re[n]! * gi + B.im[n]! * gr;
    const wr = C.re[n]! * bR - C.im[n]! * bI;
    const wi = C.re[n]! * bI + C.im[n]! * bR;
    const stepR = Math.exp(logR) * Math.cos(logI);
    const stepI = Math.exp(logR) * Math.sin(logI);
    let pr = 1;
    let pi = 0;
    for (let l = 0; l < L; l++) {
      if ((l & 31) === 0 && l > 0) {
        const m = Math.exp(l * logR);
        pr = m * Math.cos(l * logI);
        pi = m * Math.sin(l * logI);
      }
      K[l]! += 2 * (wr * pr - wi * pi);
      const t = pr * stepR - pi * stepI;
      pi = pr * stepI + pi * stepR;
      pr = t;
    }
  }
  return K;
}

/**
 * S4D initialisations, N/2 eigenvalues, n = 0 … N/2 − 1 (state-spaces dplr.py):
 * lin −½ + iπn; inv −½ + i(N/π)(N/(2n+1) − 1); real −(n+1); legs the LegS normal-part
 * eigenvalues with negative imaginary part, ascending.
 */
export function s4dInit(kind: S4dInitKind, N: number): Complex {
  checkOneOf('kind', kind, ['legs', 'lin', 'inv', 'real'] as const);
  if (!Number.isInteger(N) || N < 2 || N > MAX_N || N % 2 !== 0) {
    throw new RangeError(`N must be an even integer in [2, ${MAX_N}], got ${String(N)}`);
  }
  const M = N / 2;
  const re = new Float64Array(M);
  const im = new Float64Array(M);
  if (kind === 'legs') {
    const f = nplrFactors(N);
    re.set(f.lamRe.subarray(0, M));
    im.set(f.lamIm.subarray(0, M));
    return { re, im };
  }
  for (let n = 0; n < M; n++) {
    if (kind === 'real') {
      re[n] = -(n + 1);
    } else {
      re[n] = -0.5;
      im[n] = kind === 'lin' ? Math.PI * n : (N / Math.PI) * (N / (2 * n + 1) - 1);
    }
  }
  return { re, im };
}
