/**
 * Derived values of the RTF, equivalence and performance panels, as memoised selectors of the
 * parameters (DESIGN §6; the same single-entry `memo` as derived.ts). Only core calls and the
 * bookkeeping around them live here; scales, paths and drag geometry are in the panels' models.
 *
 * RTF representation (REFERENCE §4.2, §0.2). With a(z) = zⁿ + a1 zⁿ⁻¹ + … + an (monic) and
 * b(z) = b1 zⁿ⁻¹ + … + bn:
 * - 'paper' (one-step delay): H(z) = h0 + b(z)/a(z) = c(z)/a(z), numerator
 *   c(z) = h0·a(z) + b(z), coefficients c = (h0, h0·a1 + b1, …, h0·an + bn). Its roots are the
 *   zeros; its leading non-zero coefficient is the gain.
 * - 'blog' (no delay, K_k = b̃ Āᵏ e1): H(z) = Σ K_k z⁻ᵏ = z·b(z)/a(z): a structural zero at
 *   z = 0, the other zeros are the roots of b(z); h0 is not used.
 * Poles are the roots of a(z) in both. All coefficients stay real: roots come in conjugate pairs.
 */
import {
  companion,
  kernel,
  polyRoots,
  rtfCorrect,
  rtfImpulse,
  rtfKernel,
  ssToTf,
  type Complex,
  type DiscreteSSM,
  type Measure,
  type Normalization,
  type RtfConvention,
} from '../core/index';
import { continuousOf, discreteOf, readoutOf, type Disc } from './derived';
import { msg, type Msg } from './i18n/msg';
import { memo } from './memo';
import { firstNonFinite, labWarning, type LabWarning } from './warnings';

/** The lab's coefficient range (schema: rtfA, rtfB, rtfH0 ∈ [−100, 100]). */
export const RTF_COEF_LIMIT = 100;
/** ssToTf conversions are offered up to this state size (the schema's 32 coefficients). */
export const RTF_MAX_ORDER = 32;

export interface RtfSystem {
  /** Denominator a1 … an and numerator b1 … bn, both of length n (the shorter is zero-padded). */
  a: Float64Array;
  b: Float64Array;
  h0: number;
  n: number;
  /** Which array was zero-padded to the common order, if any (said in the panel). */
  padded: 'a' | 'b' | null;
}

export const rtfSystemOf = memo((rtfA: number[], rtfB: number[], h0: number): RtfSystem => {
  const n = Math.max(rtfA.length, rtfB.length, 1);
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  a.set(rtfA.slice(0, n));
  b.set(rtfB.slice(0, n));
  const padded = rtfA.length < n ? 'a' : rtfB.length < n ? 'b' : null;
  return { a, b, h0, n, padded };
});

/** Poles: roots of zⁿ + a1 zⁿ⁻¹ + … + an (core.polyRoots). */
export const rtfPolesOf = memo((sys: RtfSystem): Complex => polyRoots(sys.a));

/**
 * The draggable numerator: 'paper' c = (h0, h0·a + b) (degree n); 'blog' c = b (degree n − 1).
 * Highest power first.
 */
export function rtfNumerator(sys: RtfSystem, convention: RtfConvention): Float64Array {
  if (convention === 'blog') return Float64Array.from(sys.b);
  const c = new Float64Array(sys.n + 1);
  c[0] = sys.h0;
  for (let i = 0; i < sys.n; i++) c[i + 1] = sys.h0 * sys.a[i]! + sys.b[i]!;
  return c;
}

export interface RtfZeros {
  /** Finite zeros of the draggable numerator (roots of c). */
  zeros: Complex;
  /** The numerator c, highest power first, and the index of its leading non-zero entry. */
  c: Float64Array;
  lead: number;
  /** Leading non-zero coefficient of c: H = gain·Π(z − zᵢ)/a(z) (times z in 'blog'). */
  gain: number;
  /** Zeros at z = ∞ (degree lost to leading zeros), relative to n. */
  atInfinity: number;
  /** 'blog': the structural zero at z = 0 (not draggable). */
  fixedAtOrigin: boolean;
  /** H(z) ≡ 0 (numerator identically zero). */
  identicallyZero: boolean;
}

export const rtfZerosOf = memo((sys: RtfSystem, convention: RtfConvention): RtfZeros => {
  const c = rtfNumerator(sys, convention);
  const scale = c.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  let lead = 0;
  while (lead < c.length && !(Math.abs(c[lead]!) > 1e-14 * scale)) lead++;
  const fixedAtOrigin = convention === 'blog';
  if (lead >= c.length) {
    return {
      zeros: { re: new Float64Array(0), im: new Float64Array(0) },
      c,
      lead,
      gain: 0,
      atInfinity: 0,
      fixedAtOrigin,
      identicallyZero: true,
    };
  }
  const gain = c[lead]!;
  const monic = c.slice(lead + 1).map((v) => v / gain);
  const zeros = polyRoots(monic);
  // Both numerators (c(z), z·b(z)) have degree ≤ n: each leading zero is a zero at infinity.
  return {
    zeros,
    c,
    lead,
    gain,
    atInfinity: lead,
    fixedAtOrigin,
    identicallyZero: false,
  };
});

export interface RtfKernels {
  L: number;
  convention: RtfConvention;
  /** Exact impulse response in the panel's convention: 'paper' h_0 … h_{L−1}; 'blog' h_1 … h_L. */
  exact: Float64Array;
  /** h_0 … h_L (paper indexing, length L + 1): the wrap h_L of the corrected paper kernel. */
  h: Float64Array;
  /** State-free FFT kernel of the given (a, b): the aliased response (null if it failed). */
  fft: Float64Array | null;
  /** b̃ = b (I − Aᴸ) and the FFT kernel of (a, b̃) (null if it failed). */
  bTilde: Float64Array | null;
  corrected: Float64Array | null;
  /** Plain-words reason when the FFT kernel cannot be formed (e.g. a pole on the unit circle). */
  /** The exact response overflows float64 (a pole outside the unit circle, large L): nothing
   * finite to draw for it, so the panel keeps its last good view. */
  warning: LabWarning | null;
  error: Msg | null;
}

/** Turns a core RangeError into words for the panel. */
export function rtfErrorWords(e: unknown, L: number, n: number): Msg {
  const text = e instanceof Error ? e.message : String(e);
  if (/unit circle|roots of unity/.test(text)) return msg('state.rtf.rootOfUnity', { L });
  if (/^L must/.test(text)) return msg('state.rtf.needTaps', { L, n });
  return msg('state.rtf.refused', { error: text });
}

export const rtfKernelsOf = memo(
  (sys: RtfSystem, L: number, convention: RtfConvention): RtfKernels => {
    const h = rtfImpulse(sys.a, sys.b, convention === 'blog' ? 0 : sys.h0, L + 1);
    const exact = convention === 'blog' ? h.slice(1) : h.slice(0, L);
    let fft: Float64Array | null = null;
    let bTilde: Float64Array | null = null;
    let corrected: Float64Array | null = null;
    let error: Msg | null = null;
    try {
      fft = rtfKernel(sys.a, sys.b, sys.h0, L, { convention });
      bTilde = rtfCorrect(sys.a, sys.b, L);
      corrected = rtfKernel(sys.a, bTilde, sys.h0, L, { convention });
    } catch (e) {
      error = rtfErrorWords(e, L, sys.n);
      // b̃ can overflow for far-out poles while the plain kernel is fine: keep what we have.
      if (fft && !corrected) bTilde = null;
    }
    const k = firstNonFinite(h);
    let warning: LabWarning | null = null;
    if (k >= 0) {
      const poles = polyRoots(sys.a);
      let radius = 0;
      for (let i = 0; i < poles.re.length; i++)
        radius = Math.max(radius, Math.hypot(poles.re[i]!, poles.im[i]!));
      warning = labWarning('faults.rtfOverflow', {
        k: convention === 'blog' ? Math.max(0, k - 1) : k,
        radius: radius.toPrecision(4),
      });
    }
    return { L, convention, exact, h, fft, bTilde, corrected, error, warning };
  },
);

export interface CompanionCheck {
  /** max_k |C Āᵏ B̄ − h_{k+1}|, k < L, with (Ā, B̄, C, D) = companion(a, b, h0). */
  maxAbs: number;
  /** The same relative to max |h_{k+1}|. */
  rel: number;
  D: number;
  ms: number;
  /** The companion powers Āᵏ overflow float64 (a pole outside the unit circle): no check. */
  warning: LabWarning | null;
}

/** core.kernel of the companion realisation against the exact response after h0. */
export const companionCheckOf = memo((sys: RtfSystem, L: number): CompanionCheck => {
  const t0 = performance.now();
  const d = companion(sys.a, sys.b, sys.h0);
  const K = kernel(d, L);
  const h = rtfImpulse(sys.a, sys.b, sys.h0, L + 1);
  let maxAbs = 0;
  let ref = 0;
  for (let k = 0; k < L; k++) {
    const e = Math.abs(K[k]! - h[k + 1]!);
    maxAbs = e > maxAbs || Number.isNaN(e) ? e : maxAbs;
    ref = Math.max(ref, Math.abs(h[k + 1]!));
  }
  const k = Number.isFinite(maxAbs) ? -1 : Math.max(firstNonFinite(K), firstNonFinite(h) - 1);
  return {
    maxAbs,
    rel: ref > 0 ? maxAbs / ref : NaN,
    D: d.D,
    ms: performance.now() - t0,
    warning: k < 0 ? null : labWarning('faults.companionOverflow', { k }),
  };
});

/** The current S4 discrete system (same selectors and arguments as the other panels). */
export function currentDiscrete(p: {
  measure: Measure;
  N: number;
  theta: number;
  normalization: Normalization;
  dt: number;
  disc: Disc;
  seed: number;
}): DiscreteSSM {
  return discreteOf(
    continuousOf(p.measure, p.N, p.theta, p.normalization),
    p.dt,
    p.disc,
    readoutOf(p.N, p.seed),
  );
}

export interface S4ToRtf {
  ok: boolean;
  /** Words for the panel: what was converted, or why not. */
  message: Msg;
  a?: number[];
  b?: number[];
  h0?: number;
  /** max_k |K_S4,k − h_{k+1}|: the RTF's response after h0 equals the S4 kernel. */
  kernelMatch?: number;
}

/**
 * core.ssToTf of the current discrete S4 system, checked: N ≤ 32 (the schema's arrays) and every
 * coefficient inside the lab's range ±100 (poles near z = 1 make a ≈ binomial coefficients).
 */
export function s4ToRtf(d: DiscreteSSM, L: number): S4ToRtf {
  if (d.N > RTF_MAX_ORDER)
    return {
      ok: false,
      message: msg('state.rtf.tooLarge', { max: RTF_MAX_ORDER, N: d.N }),
    };
  const tf = ssToTf(d.Ab, d.Bb, d.C, d.D, d.N);
  const big = Math.max(
    Math.abs(tf.h0),
    ...Array.from(tf.a, Math.abs),
    ...Array.from(tf.b, Math.abs),
  );
  if (!Number.isFinite(big) || big > RTF_COEF_LIMIT)
    return {
      ok: false,
      message: msg('state.rtf.tooBig', { big: big.toExponential(2), limit: RTF_COEF_LIMIT }),
    };
  const K = kernel(d, L);
  const h = rtfImpulse(tf.a, tf.b, tf.h0, L + 1);
  let kernelMatch = 0;
  for (let k = 0; k < L; k++) kernelMatch = Math.max(kernelMatch, Math.abs(K[k]! - h[k + 1]!));
  return {
    ok: true,
    message: msg('state.rtf.converted', { N: d.N }),
    a: Array.from(tf.a),
    b: Array.from(tf.b),
    h0: tf.h0,
    kernelMatch,
  };
}
