/**
 * The live claims of the lessons: each computes, from the current parameters and with the f64
 * core (or the lab's selectors), the numbers a lesson step's sentence is about. A claim returns
 * `values` (the raw numbers, written into the page as data for tests) and `vars` (formatted, for
 * the sentence's {placeholders}). Each is memoised on the few inputs it reads.
 */
import { translate } from '../../state/i18n';
import {
  discretize,
  eigenvalues,
  hippo,
  kernel,
  companion,
  legsRun,
  nplr,
  polyRoots,
  charPoly,
  recurrenceStates,
  rtfCorrect,
  rtfImpulse,
  rtfKernel,
  s4dInit,
  s4Kernel,
  signalPreset,
  type Complex,
} from '../../core/index';
import { fmt } from '../../panels/Panel';
import { readoutOf } from '../../state/derived';
import { condOf } from '../../state/derived.kernels';
import { rtfSystemOf } from '../../state/derived.rtf';
import { memo } from '../../state/memo';
import type { Params } from '../../state/schema';

export interface ClaimResult {
  values: number[];
  vars: Record<string, string | number>;
}
export type Claim = (p: Params) => ClaimResult;

/** A short list: all values up to 6, else the first 3, …, the last 2. */
export function list(xs: ArrayLike<number>, digits = 4): string {
  const a = Array.from(xs, (x) => fmt(x, digits));
  return a.length <= 6 ? a.join(', ') : `${a.slice(0, 3).join(', ')}, …, ${a.slice(-2).join(', ')}`;
}
const maxAbs = (xs: ArrayLike<number>): number => {
  let m = 0;
  for (let i = 0; i < xs.length; i++) m = Math.max(m, Math.abs(xs[i]!));
  return m;
};
const maxDiff = (x: ArrayLike<number>, y: ArrayLike<number>, from = 0): number => {
  let m = 0;
  for (let i = from; i < Math.min(x.length, y.length); i++)
    m = Math.max(m, Math.abs(x[i]! - y[i]!));
  return m;
};
const radius = (z: Complex): number => {
  let r = 0;
  for (let i = 0; i < z.re.length; i++) r = Math.max(r, Math.hypot(z.re[i]!, z.im[i]!));
  return r;
};
const at = (A: Float64Array, n: number, i: number, j: number): number => A[i * n + j]!;

// ---------------------------------------------------------------------------------------------
// Chapter 1: linear systems and HiPPO

/** The state has N numbers whatever the number of samples seen. */
export const stateSize: Claim = (p) => {
  const k = Math.round(p.cursor * (p.L - 1)) + 1;
  return { values: [p.N, k], vars: { N: p.N, k } };
};

const legsMatrix = memo((N: number) => hippo('legs', N));

/** A_10 = −√3, A_21 = −√15, diagonal −1, −2, …, B_n = √(2n+1). */
export const legsEntries: Claim = (p) => {
  const n = Math.max(3, p.N);
  const { A } = legsMatrix(n);
  const diag = Array.from({ length: n }, (_, i) => at(A, n, i, i));
  const a10 = at(A, n, 1, 0);
  const a21 = at(A, n, 2, 1);
  return {
    values: [a10, a21, ...diag],
    vars: {
      a10: fmt(a10),
      a21: fmt(a21),
      s3: fmt(-Math.sqrt(3)),
      s15: fmt(-Math.sqrt(15)),
      diag: list(diag, 3),
    },
  };
};

const legsEig = memo((N: number): number[] => {
  const { A } = legsMatrix(N);
  const z = eigenvalues(A, N);
  return [Array.from(z.re).sort((a, b) => b - a), [maxAbs(z.im)]].flat();
});

/** Eigenvalues of the LegS matrix, sorted from −1 down; the last value is max |Im|. */
export const legsEigenvalues: Claim = (p) => {
  const v = legsEig(p.N);
  const re = v.slice(0, p.N);
  return { values: v, vars: { N: p.N, eig: list(re), im: fmt(v[p.N]!, 2) } };
};

/** B of LegS in the current normalisation against √(2n+1) (× √2 for the blog's). */
export const legsB: Claim = (p) => {
  const n = Math.min(p.N, 4);
  const { B } = hippo('legs', Math.max(p.N, 1), { normalization: p.normalization });
  const s = p.normalization === 'blog' ? Math.SQRT2 : 1;
  const got = Array.from(B.subarray(0, n));
  const want = Array.from({ length: n }, (_, i) => s * Math.sqrt(2 * i + 1));
  return {
    values: [...got, ...want],
    vars: { got: list(got), want: list(want), norm: p.normalization },
  };
};

const legtEig = memo((N: number, theta: number): number[] => {
  const { A } = hippo('legt', N, { theta });
  const z = eigenvalues(A, N);
  let sum = 0;
  for (const x of z.re) sum += x;
  return [sum, -(N * N) / theta, maxAbs(z.im), Math.max(...z.re)];
});

/** LegT: eigenvalues sum to trace A = −N²/θ, come in complex pairs, all in the left half-plane. */
export const legtTrace: Claim = (p) => {
  const [sum, trace, im, reMax] = legtEig(p.N, p.theta) as [number, number, number, number];
  return {
    values: [sum, trace, im, reMax],
    vars: {
      N: p.N,
      theta: fmt(p.theta, 3),
      sum: fmt(sum, 6),
      trace: fmt(trace, 6),
      im: fmt(im),
      reMax: fmt(reMax),
    },
  };
};

// ---------------------------------------------------------------------------------------------
// Chapter 2: discretisation

const discEig = memo((N: number, dt: number, disc: Params['disc']) => {
  const d = discretize(legsMatrix(N), dt, disc);
  const z = eigenvalues(d.Ab, N);
  const got = Array.from(z.re).sort((a, b) => a - b);
  const map = (l: number): number =>
    disc === 'forward'
      ? 1 + dt * l
      : disc === 'backward'
        ? 1 / (1 - dt * l)
        : disc === 'bilinear'
          ? (1 + (dt * l) / 2) / (1 - (dt * l) / 2)
          : Math.exp(dt * l);
  const want = Array.from({ length: N }, (_, j) => map(-(j + 1))).sort((a, b) => a - b);
  return { got, want, rho: radius(z), im: maxAbs(z.im) };
});

/** Eigenvalues of Ā for LegS (N ≤ 64) against the scheme's map of −1 … −N. */
export const discreteEigenvalues: Claim = (p) => {
  const N = Math.min(p.N, 64);
  const { got, want, rho } = discEig(N, p.dt, p.disc);
  const err = maxDiff(got, want);
  return {
    values: [rho, err, ...got],
    vars: {
      N,
      dt: fmt(p.dt, 3),
      disc: p.disc,
      got: list(got),
      want: list(want),
      err: fmt(err, 2),
      rho: fmt(rho, 5),
    },
  };
};

/**
 * Timescale equivariance: feed LegS (exact scheme) the input stretched by 2 (each sample twice);
 * its state at t = 2k equals the original state at t = k.
 */
const equivariance = memo((N: number, signal: Params['signal'], seed: number) => {
  const K = 256;
  const u = signalPreset(signal === 'drawn' ? 'sines' : signal, K, seed);
  const u2 = Float64Array.from({ length: 2 * K }, (_, i) => u[i >> 1]!);
  const X = legsRun(N, u, 'exact');
  const X2 = legsRun(N, u2, 'exact');
  let err = 0;
  let norm = 0;
  for (let k = 1; k <= K; k++)
    for (let n = 0; n < N; n++) {
      const a = X[(k - 1) * N + n]!;
      err = Math.max(err, Math.abs(a - X2[(2 * k - 1) * N + n]!));
      norm = Math.max(norm, Math.abs(a));
    }
  return [err, norm];
});

export const legsEquivariance: Claim = (p) => {
  const N = Math.min(p.N, 32);
  const [err, norm] = equivariance(N, p.signal, p.seed) as [number, number];
  return { values: [err, norm], vars: { N, err: fmt(err, 2), norm: fmt(norm, 3) } };
};

/**
 * Memory decay after an impulse at time 0: L·‖x_L‖ for LegS (exact, time-varying) levels off —
 * polynomial decay; the LTI form S4 uses (bilinear, Δ) decays exponentially.
 */
const decay = memo((N: number, dt: number) => {
  const Ls = [10, 100, 1000];
  const u = new Float64Array(1000);
  u[0] = 1;
  const X = legsRun(N, u, 'exact');
  const norm = (M: Float64Array, k: number) =>
    Math.hypot(...Array.from(M.subarray((k - 1) * N, k * N)));
  const legs = Ls.map((L) => L * norm(X, L));
  const d = discretize({ ...legsMatrix(N), C: new Float64Array(N) }, dt, 'bilinear');
  const Y = recurrenceStates(d, u);
  const lti = Ls.map((L) => L * norm(Y, L));
  return [...legs, ...lti];
});

export const polynomialMemory: Claim = (p) => {
  const N = Math.min(p.N, 16);
  const v = decay(N, p.dt);
  return {
    values: v,
    vars: { N, dt: fmt(p.dt, 3), legs: list(v.slice(0, 3), 3), lti: list(v.slice(3), 3) },
  };
};

/**
 * The blog's Fourier basis over the whole history (REFERENCE §2.5): A_nk = −n/(n−k) (k ≠ n),
 * iπn − 1 on the diagonal, |n|, |k| ≤ M. Its eigenvalues, through the real 2(2M+1) embedding
 * [[Re, −Im], [Im, Re]] (which has λ and λ̄), all have real part −1.
 */
const fourierEig = memo((M: number) => {
  const n = 2 * M + 1;
  const R = new Float64Array(4 * n * n);
  const w = 2 * n;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const ni = i - M;
      const nj = j - M;
      const re = i === j ? -1 : -ni / (ni - nj);
      const im = i === j ? Math.PI * ni : 0;
      R[i * w + j] = re;
      R[(i + n) * w + j + n] = re;
      R[i * w + j + n] = -im;
      R[(i + n) * w + j] = im;
    }
  const z = eigenvalues(R, w);
  return [Math.min(...z.re), Math.max(...z.re), maxAbs(z.im)];
});

export const fourierExercise: Claim = (p) => {
  const M = Math.max(1, Math.min(16, Math.floor(p.N / 2)));
  const [lo, hi, im] = fourierEig(M) as [number, number, number];
  return {
    values: [lo, hi, im],
    vars: { size: 2 * M + 1, lo: fmt(lo, 6), hi: fmt(hi, 6), im: fmt(im, 3) },
  };
};

// ---------------------------------------------------------------------------------------------
// Chapter 3: S4

/** S4's LTI LegS, bilinear: ρ(Ā) = (1 − Δ/2)/(1 + Δ/2), and ρ^L sets the wrap-around. */
export const s4Radius: Claim = (p) => {
  const N = Math.min(p.N, 64);
  const { rho } = discEig(N, p.dt, 'bilinear');
  const want = (1 - p.dt / 2) / (1 + p.dt / 2);
  const rhoL = rho ** p.L;
  return {
    values: [rho, want, rhoL],
    vars: { N, dt: fmt(p.dt, 3), L: p.L, rho: fmt(rho, 6), want: fmt(want, 6), rhoL: fmt(rhoL, 3) },
  };
};

/** cond(V) of LegS's eigenvectors, and the largest entry C(4i, 2i) of S4's explicit V. */
export const eigenvectorCondition: Claim = (p) => {
  const c = condOf('legs', p.N);
  const i = Math.floor((p.N - 1) / 3);
  let binom = 1;
  for (let k = 1; k <= 2 * i; k++) binom = (binom * (2 * i + k)) / k;
  return {
    values: [c.log10 ?? NaN, binom],
    vars: {
      N: p.N,
      cond:
        c.log10 === null
          ? translate(p.lang, c.words.key, c.words.vars)
          : `10^${c.log10.toFixed(1)}`,
      binom: fmt(binom, 3),
      i,
    },
  };
};

const nplrOf = memo((N: number) => nplr(N));

/** NPLR: Λ = −½ + iω. */
export const nplrLambda: Claim = (p) => {
  const N = Math.max(2, p.N - (p.N % 2));
  const { Lambda } = nplrOf(N);
  // One ω per conjugate pair.
  const im = Array.from(Lambda.im, Math.abs)
    .sort((a, b) => a - b)
    .filter((_, i) => i % 2 === 0);
  const re = Array.from(Lambda.re);
  return {
    values: [Math.min(...re), Math.max(...re), ...im],
    vars: { N, re: fmt(Math.max(...re.map((x) => Math.abs(x + 0.5))), 2), im: list(im, 6) },
  };
};

const s4Diff = memo(
  (N: number, C: Float64Array, dt: number, L: number, method: 'dplr' | 'generating') => {
    const naive = s4Kernel('legs', N, C, dt, L, 'naive');
    const other = s4Kernel('legs', N, C, dt, L, method);
    return [maxDiff(naive, other), maxAbs(naive)];
  },
);

/** The DPLR kernel (Cauchy + Woodbury) or the generating-function kernel against powering. */
const kernelAgreement =
  (method: 'dplr' | 'generating'): Claim =>
  (p) => {
    const N = Math.min(p.N - (p.N % 2) || 2, 64);
    const L = Math.min(p.L, 4096);
    const [err, kmax] = s4Diff(N, readoutOf(N, p.seed), p.dt, L, method) as [number, number];
    return { values: [err, kmax], vars: { N, L, err: fmt(err, 2), kmax: fmt(kmax, 3) } };
  };
export const dplrAgreement = kernelAgreement('dplr');
export const generatingAgreement = kernelAgreement('generating');

/** S4D-Lin: λ_n = −½ + iπn. */
export const s4dLin: Claim = (p) => {
  const N = Math.max(2, p.N - (p.N % 2));
  const z = s4dInit('lin', N);
  const re = Array.from(z.re);
  const im = Array.from(z.im);
  return {
    values: [...re.slice(0, 3), ...im.slice(0, 3)],
    vars: { N, re: list(re.slice(0, 3)), im: list(im.slice(0, 3)) },
  };
};

// ---------------------------------------------------------------------------------------------
// Chapter 4: RTF

/** The transfer function's denominator is det(zI − Ā): its roots are Ā's eigenvalues. */
export const rationalPoles: Claim = (p) => {
  const N = Math.min(p.N, 8);
  const d = discretize(legsMatrix(N), p.dt, p.disc);
  const a = charPoly(d.Ab, N);
  const roots = Array.from(polyRoots(a).re).sort((x, y) => x - y);
  const eig = Array.from(eigenvalues(d.Ab, N).re).sort((x, y) => x - y);
  const err = maxDiff(roots, eig);
  return { values: [err, ...a], vars: { N, a: list(a), err: fmt(err, 2) } };
};

const rtfSys = (p: Params) => rtfSystemOf(p.rtfA, p.rtfB, p.rtfH0);

/** The FFT kernel of (a, b) is aliased; with b̃ = b(I − A^L) it is exact (taps 1 … L − 1). */
export const stateFree: Claim = (p) => {
  const s = rtfSys(p);
  const L = Math.min(p.L, 4096);
  if (L <= s.n) return { values: [NaN, NaN], vars: { L, aliased: '—', corrected: '—' } };
  const h = rtfImpulse(s.a, s.b, s.h0, L);
  const aliased = maxDiff(rtfKernel(s.a, s.b, s.h0, L), h, 1);
  const corrected = maxDiff(rtfKernel(s.a, rtfCorrect(s.a, s.b, L), s.h0, L), h, 1);
  return {
    values: [aliased, corrected],
    vars: { L, aliased: fmt(aliased, 3), corrected: fmt(corrected, 2) },
  };
};

/** The companion realisation: kernel(companion(a, b, h0), L)_k = h_(k+1). */
export const companionAgreement: Claim = (p) => {
  const s = rtfSys(p);
  const L = Math.min(p.L, 256);
  const h = rtfImpulse(s.a, s.b, s.h0, L + 1);
  const k = kernel(companion(s.a, s.b, s.h0), L);
  const err = maxDiff(k, h.subarray(1));
  return { values: [err, s.n], vars: { n: s.n, L, err: fmt(err, 2) } };
};

/** The impulse response's first taps: with a = 0, h = (h0, b1, …, bn, 0, …). */
export const firstTaps: Claim = (p) => {
  const s = rtfSys(p);
  const h = Array.from(rtfImpulse(s.a, s.b, s.h0, s.n + 3));
  return { values: h, vars: { h: list(h, 3) } };
};

/** Montel: Σ|a_i| < 1 ⇒ every pole inside the unit circle (sufficient, not necessary). */
export const montel: Claim = (p) => {
  const s = rtfSys(p);
  let sum = 0;
  for (const x of s.a) sum += Math.abs(x);
  const r = radius(polyRoots(s.a));
  return { values: [sum, r], vars: { sum: fmt(sum), r: fmt(r) } };
};
