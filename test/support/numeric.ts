/**
 * Independent numeric helpers for the invariant and property tests of src/core: a seeded RNG,
 * small dense linear algebra, Legendre/Laguerre evaluation, Gauss–Legendre quadrature, the exact
 * Legendre projection of a step input, a naive DFT, polynomial helpers and a worst-error log.
 *
 * Nothing here imports src/core: these are the "second algorithms" the core is checked against.
 */
import { relError, type ComplexLike } from './close';

// ------------------------------------------------------------------------------------------------
// Seeded random numbers (mulberry32 + Box–Muller)

export interface Rng {
  /** uniform in [0, 1) */
  uniform(): number;
  /** uniform in [lo, hi) */
  range(lo: number, hi: number): number;
  /** integer in [lo, hi] */
  int(lo: number, hi: number): number;
  /** standard normal */
  normal(): number;
  /** log-uniform in [lo, hi] */
  logUniform(lo: number, hi: number): number;
}

export function rng(seed: number): Rng {
  let s = seed >>> 0;
  const uniform = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    uniform,
    range: (lo, hi) => lo + (hi - lo) * uniform(),
    int: (lo, hi) => lo + Math.floor(uniform() * (hi - lo + 1)),
    normal: () => {
      const u1 = 1 - uniform();
      const u2 = uniform();
      return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    },
    logUniform: (lo, hi) => Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * uniform()),
  };
}

export function randn(r: Rng, n: number): Float64Array {
  return Float64Array.from({ length: n }, () => r.normal());
}

// ------------------------------------------------------------------------------------------------
// Dense real linear algebra (row-major n×n)

export function eye(n: number): Float64Array {
  const I = new Float64Array(n * n);
  for (let i = 0; i < n; i++) I[i * n + i] = 1;
  return I;
}

export function matmul(A: ArrayLike<number>, B: ArrayLike<number>, n: number): Float64Array {
  const C = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < n; k++) {
      const a = A[i * n + k]!;
      for (let j = 0; j < n; j++) C[i * n + j]! += a * B[k * n + j]!;
    }
  return C;
}

export function matvec(A: ArrayLike<number>, x: ArrayLike<number>, n: number): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += A[i * n + j]! * x[j]!;
    y[i] = s;
  }
  return y;
}

export function transpose(A: ArrayLike<number>, n: number): Float64Array {
  const T = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) T[j * n + i] = A[i * n + j]!;
  return T;
}

export function scale(A: ArrayLike<number>, s: number): Float64Array {
  return Float64Array.from(A, (v) => v * s);
}

export function trace(A: ArrayLike<number>, n: number): number {
  let t = 0;
  for (let i = 0; i < n; i++) t += A[i * n + i]!;
  return t;
}

/** Max absolute column sum (an upper bound of the spectral radius). */
export function norm1(A: ArrayLike<number>, n: number): number {
  let best = 0;
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += Math.abs(A[i * n + j]!);
    best = Math.max(best, s);
  }
  return best;
}

/** Determinant by Gaussian elimination with partial pivoting. */
export function det(A: ArrayLike<number>, n: number): number {
  const M = Float64Array.from(A);
  let d = 1;
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(M[i * n + k]!) > Math.abs(M[p * n + k]!)) p = i;
    if (M[p * n + k] === 0) return 0;
    if (p !== k) {
      d = -d;
      for (let j = 0; j < n; j++) {
        const t = M[k * n + j]!;
        M[k * n + j] = M[p * n + j]!;
        M[p * n + j] = t;
      }
    }
    const piv = M[k * n + k]!;
    d *= piv;
    for (let i = k + 1; i < n; i++) {
      const f = M[i * n + k]! / piv;
      for (let j = k; j < n; j++) M[i * n + j]! -= f * M[k * n + j]!;
    }
  }
  return d;
}

/** Solves A x = b by Gaussian elimination with partial pivoting. */
export function solve(A: ArrayLike<number>, b: ArrayLike<number>, n: number): Float64Array {
  const M = Float64Array.from(A);
  const x = Float64Array.from(b);
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(M[i * n + k]!) > Math.abs(M[p * n + k]!)) p = i;
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const t = M[k * n + j]!;
        M[k * n + j] = M[p * n + j]!;
        M[p * n + j] = t;
      }
      const t = x[k]!;
      x[k] = x[p]!;
      x[p] = t;
    }
    const piv = M[k * n + k]!;
    for (let i = k + 1; i < n; i++) {
      const f = M[i * n + k]! / piv;
      for (let j = k; j < n; j++) M[i * n + j]! -= f * M[k * n + j]!;
      x[i]! -= f * x[k]!;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i]!;
    for (let j = i + 1; j < n; j++) s -= M[i * n + j]! * x[j]!;
    x[i] = s / M[i * n + i]!;
  }
  return x;
}

/** Hadamard's bound Π_i ‖row_i‖₂ ≥ |det A| (the natural scale for a determinant error). */
export function hadamardBound(A: ArrayLike<number>, n: number): number {
  let p = 1;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += A[i * n + j]! ** 2;
    p *= Math.sqrt(s);
  }
  return p;
}

/** A random N×N matrix with spectral radius ≤ ‖A‖₁ = rho < 1 (a stable discrete system). */
export function stableMatrix(r: Rng, N: number, rho: number): Float64Array {
  const G = randn(r, N * N);
  return scale(G, rho / Math.max(norm1(G, N), 1e-300));
}

// ------------------------------------------------------------------------------------------------
// Orthogonal polynomials, quadrature, the exact LegS projection

/** P_0(z) … P_{n}(z) (length n + 1) by Bonnet's recurrence. */
export function legendreUpTo(n: number, z: number): Float64Array {
  const P = new Float64Array(n + 1);
  P[0] = 1;
  if (n >= 1) P[1] = z;
  for (let k = 1; k < n; k++) P[k + 1] = ((2 * k + 1) * z * P[k]! - k * P[k - 1]!) / (k + 1);
  return P;
}

/**
 * Antiderivatives F_n of P_n: F_0 = z, F_n = (P_{n+1} − P_{n−1})/(2n+1) (only their differences
 * are used, so the constant does not matter).
 */
function legendreAntiderivatives(N: number, z: number): Float64Array {
  const P = legendreUpTo(N, z);
  const F = new Float64Array(N);
  F[0] = z;
  for (let n = 1; n < N; n++) F[n] = (P[n + 1]! - P[n - 1]!) / (2 * n + 1);
  return F;
}

/**
 * Exact HiPPO-LegS (paper normalisation) coefficients of the step input u(t) = u_j on [j, j+1)
 * over the window [0, k]: c_n = √(2n+1)·½·Σ_{j<k} u_j [F_n(z_{j+1}) − F_n(z_j)], z_j = 2j/k − 1.
 */
export function legsProjection(N: number, u: ArrayLike<number>, k: number): Float64Array {
  const c = new Float64Array(N);
  let Fprev = legendreAntiderivatives(N, -1);
  for (let j = 0; j < k; j++) {
    const Fnext = legendreAntiderivatives(N, j + 1 === k ? 1 : (2 * (j + 1)) / k - 1);
    for (let n = 0; n < N; n++) c[n]! += u[j]! * (Fnext[n]! - Fprev[n]!);
    Fprev = Fnext;
  }
  for (let n = 0; n < N; n++) c[n] = c[n]! * Math.sqrt(2 * n + 1) * 0.5;
  return c;
}

/** Gauss–Legendre nodes and weights on [−1, 1] (Newton on P_m; exact for degree ≤ 2m − 1). */
export function gaussLegendre(m: number): { x: Float64Array; w: Float64Array } {
  const x = new Float64Array(m);
  const w = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (m + 0.5));
    let dp = 0;
    for (let it = 0; it < 100; it++) {
      const P = legendreUpTo(m, z);
      // P'_m(z) = m (z P_m − P_{m−1}) / (z² − 1)
      dp = (m * (z * P[m]! - P[m - 1]!)) / (z * z - 1);
      const dz = P[m]! / dp;
      z -= dz;
      if (Math.abs(dz) < 1e-16) break;
    }
    const P = legendreUpTo(m, z);
    dp = (m * (z * P[m]! - P[m - 1]!)) / (z * z - 1);
    x[i] = z;
    w[i] = 2 / ((1 - z * z) * dp * dp);
  }
  return { x, w };
}

/** Coefficients (ascending powers) of the Laguerre polynomial L_n(s) = Σ_k (−1)^k C(n,k) s^k/k!. */
export function laguerreCoefficients(n: number): Float64Array {
  const c = new Float64Array(n + 1);
  let binom = 1; // C(n, k)
  let fact = 1; // k!
  for (let k = 0; k <= n; k++) {
    if (k > 0) {
      binom = (binom * (n - k + 1)) / k;
      fact *= k;
    }
    c[k] = ((k % 2 === 0 ? 1 : -1) * binom) / fact;
  }
  return c;
}

/** Horner evaluation of Σ_k c_k s^k (ascending coefficients). */
export function polyvalAsc(c: ArrayLike<number>, s: number): number {
  let y = 0;
  for (let k = c.length - 1; k >= 0; k--) y = y * s + c[k]!;
  return y;
}

// ------------------------------------------------------------------------------------------------
// Discrete Fourier transform (naive O(n²), exact angle reduction)

export function naiveDft(
  re: ArrayLike<number>,
  im: ArrayLike<number>,
): { re: Float64Array; im: Float64Array } {
  const n = re.length;
  const outRe = new Float64Array(n);
  const outIm = new Float64Array(n);
  for (let l = 0; l < n; l++) {
    let sr = 0;
    let si = 0;
    for (let k = 0; k < n; k++) {
      const ang = (-2 * Math.PI * ((k * l) % n)) / n;
      const c = Math.cos(ang);
      const s = Math.sin(ang);
      sr += re[k]! * c - im[k]! * s;
      si += re[k]! * s + im[k]! * c;
    }
    outRe[l] = sr;
    outIm[l] = si;
  }
  return { re: outRe, im: outIm };
}

// ------------------------------------------------------------------------------------------------
// Polynomials with complex roots

/**
 * Monic polynomial Π (z − r_i) as z^n + c_0 z^{n−1} + … + c_{n−1} (returns c, length n). The roots
 * must be closed under conjugation (real pairs), so the result is real; the imaginary parts left
 * over from rounding are dropped.
 */
export function polyFromRoots(roots: ComplexLike): Float64Array {
  const n = roots.re.length;
  let pr = new Float64Array([1]);
  let pi = new Float64Array([0]);
  for (let i = 0; i < n; i++) {
    const rr = roots.re[i]!;
    const ri = roots.im[i]!;
    const qr = new Float64Array(pr.length + 1);
    const qi = new Float64Array(pr.length + 1);
    for (let k = 0; k < pr.length; k++) {
      qr[k]! += pr[k]!;
      qi[k]! += pi[k]!;
      qr[k + 1]! -= rr * pr[k]! - ri * pi[k]!;
      qi[k + 1]! -= rr * pi[k]! + ri * pr[k]!;
    }
    pr = qr;
    pi = qi;
  }
  return pr.slice(1);
}

// ------------------------------------------------------------------------------------------------
// Error measures and a log of the worst error seen per identity

/**
 * Order-independent distance between two complex multisets (greedy: largest expected modulus
 * first, each to the nearest unused actual value), relative to max |expected| — the measure of
 * close.ts's expectSameSet, returned instead of asserted.
 */
export function setError(actual: ComplexLike, expected: ComplexLike): number {
  const n = expected.re.length;
  if (actual.re.length !== n) return Infinity;
  let scaleE = 1e-300;
  for (let i = 0; i < n; i++)
    scaleE = Math.max(scaleE, Math.hypot(expected.re[i]!, expected.im[i]!));
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (i, j) =>
      Math.hypot(expected.re[j]!, expected.im[j]!) - Math.hypot(expected.re[i]!, expected.im[i]!),
  );
  const used = new Array<boolean>(n).fill(false);
  let worst = 0;
  for (const i of order) {
    let best = -1;
    let bestD = Infinity;
    for (let j = 0; j < n; j++) {
      if (used[j]) continue;
      const d = Math.hypot(actual.re[j]! - expected.re[i]!, actual.im[j]! - expected.im[i]!);
      if (best < 0 || d < bestD) {
        best = j;
        bestD = Number.isNaN(d) ? Infinity : d;
      }
    }
    used[best] = true;
    worst = Math.max(worst, bestD);
  }
  return worst / scaleE;
}

/** Relative error of complex vectors: max |a_i − e_i| / max |e_i|. */
export function complexError(actual: ComplexLike, expected: ComplexLike): number {
  const n = expected.re.length;
  if (actual.re.length !== n) return Infinity;
  let s = 1e-300;
  let worst = 0;
  for (let i = 0; i < n; i++) {
    s = Math.max(s, Math.hypot(expected.re[i]!, expected.im[i]!));
    const d = Math.hypot(actual.re[i]! - expected.re[i]!, actual.im[i]! - expected.im[i]!);
    worst = Number.isNaN(d) ? Infinity : Math.max(worst, d);
  }
  return worst / s;
}

/**
 * Keeps the worst relative error seen per identity, with the case it came from, and prints the
 * table (from an afterAll) so that a run documents the accuracy actually achieved.
 */
export class ErrorLog {
  private readonly worst = new Map<string, { err: number; where: string; tol: number }>();

  constructor(private readonly title: string) {}

  /** Records err for identity id (case `where`, tolerance tol) and returns err. */
  note(id: string, err: number, where: string, tol: number): number {
    const prev = this.worst.get(id);
    if (!prev || !(err <= prev.err)) this.worst.set(id, { err, where, tol });
    return err;
  }

  /** relError of real arrays, recorded. */
  real(
    id: string,
    actual: ArrayLike<number>,
    expected: ArrayLike<number>,
    where: string,
    tol: number,
  ): number {
    return this.note(id, relError(actual, expected).err, where, tol);
  }

  table(): string {
    const rows = [...this.worst.entries()].map(
      ([id, { err, where, tol }]) =>
        `  ${id.padEnd(58)} ${(err < 0.01 ? err.toExponential(2) : err.toPrecision(8)).padStart(10)}  (tol ${tol.toExponential(0)})  ${where}`,
    );
    return `${this.title}: worst relative error per identity\n${rows.join('\n')}`;
  }

  entries(): ReadonlyMap<string, { err: number; where: string; tol: number }> {
    return this.worst;
  }
}

// ------------------------------------------------------------------------------------------------
// Random polynomials

/**
 * n random roots closed under conjugation (complex pairs and real roots) with modulus in
 * [rMin, rMax]; if minSep > 0, every two roots are at least minSep apart (rejection sampling).
 */
export function randomRoots(
  r: Rng,
  n: number,
  rMin: number,
  rMax: number,
  minSep = 0,
): { re: Float64Array; im: Float64Array } {
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const re: number[] = [];
    const im: number[] = [];
    while (re.length < n) {
      const m = r.range(rMin, rMax);
      if (n - re.length >= 2 && r.uniform() < 0.6) {
        const th = r.range(0.05, Math.PI - 0.05);
        re.push(m * Math.cos(th), m * Math.cos(th));
        im.push(m * Math.sin(th), -m * Math.sin(th));
      } else {
        re.push(r.uniform() < 0.5 ? -m : m);
        im.push(0);
      }
    }
    let ok = true;
    for (let i = 0; ok && i < n; i++)
      for (let j = i + 1; ok && j < n; j++)
        if (Math.hypot(re[i]! - re[j]!, im[i]! - im[j]!) < minSep) ok = false;
    if (ok) return { re: Float64Array.from(re), im: Float64Array.from(im) };
  }
  throw new Error(`randomRoots: could not place ${n} roots ${minSep} apart`);
}

/** Random real a (length n) with Σ|a_i| = l1 exactly up to rounding (the Montel condition). */
export function montelCoefficients(r: Rng, n: number, l1: number): Float64Array {
  const a = randn(r, n);
  let s = 0;
  for (const v of a) s += Math.abs(v);
  return s === 0 ? a : a.map((v) => (v * l1) / s);
}

/**
 * Like close.ts's expectClose, but the error is measured against max(floor, max |expected|):
 * for identities whose rounding error is set by the size of the inputs rather than of the
 * result (a convolution that cancels to nearly zero, a projection of an input that averages
 * out), floor is that input scale, e.g. ‖K‖₂‖u‖₂ for a convolution.
 */
export function expectCloseScaled(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tol: number,
  floor: number,
  label: string,
): number {
  if (actual.length !== expected.length) {
    throw new Error(`${label}: length ${actual.length}, expected ${expected.length}`);
  }
  let s = Math.max(floor, 1e-300);
  for (let i = 0; i < expected.length; i++) s = Math.max(s, Math.abs(expected[i]!));
  let worst = 0;
  let index = 0;
  for (let i = 0; i < expected.length; i++) {
    const d = Math.abs(actual[i]! - expected[i]!);
    if (!(d <= worst)) {
      worst = Number.isNaN(d) ? Infinity : d;
      index = i;
    }
  }
  const err = worst / s;
  if (!(err <= tol)) {
    throw new Error(
      `${label}: relative error ${err} > tol ${tol} at index ${index} (of ${expected.length}):` +
        ` actual ${actual[index]}, expected ${expected[index]} (scale max(floor ${floor}, max|expected|) = ${s})`,
    );
  }
  return err;
}

/** Euclidean norm. */
export function norm2(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! ** 2;
  return Math.sqrt(s);
}
