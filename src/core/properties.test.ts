/**
 * Property tests (fast-check, fixed seeds) of the core's invariants over random sizes and
 * parameters: conv = recurrence, S4 naive = DPLR, RTF corrected FFT kernel = impulse response,
 * ssToTf ∘ companion round trip, fft round trip, the Montel bound, and LegS exact recursion =
 * exact Legendre projection. Each property is the randomised counterpart of a deterministic
 * test in invariants.test.ts; a failure prints the shrunk counterexample and the seed.
 *
 * Errors are relative to the largest magnitude of the reference (test/support/close.ts).
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';

import { expectClose, expectCloseComplex } from '../../test/support/close';
import {
  complexError,
  ErrorLog,
  expectCloseScaled,
  legsProjection,
  matvec,
  norm1,
  norm2,
} from '../../test/support/numeric';
import {
  causalConv,
  companion,
  discretize,
  fft,
  hippo,
  kernel,
  legsRun,
  polyRoots,
  recurrence,
  rtfCorrect,
  rtfImpulse,
  rtfKernel,
  s4Kernel,
  ssToTf,
} from './index';

/** Fixed seed (override with FC_SEED=<n> to explore other draws locally). */
const SEED = Number(process.env.FC_SEED ?? 42);
const TOL_DIRECT = 1e-12;
const TOL_FFT = 1e-10;

/**
 * A double in [−m, m] on a grid of 2^31 + 1 points (fast-check's integer bias gives 0, ±m and
 * small values often; no subnormals, NaN or infinities, which the core rejects or which make a
 * relative error meaningless).
 */
const GRID = 2 ** 30;
const real = (m = 1): fc.Arbitrary<number> =>
  fc.integer({ min: -GRID, max: GRID }).map((i) => (m * i) / GRID);

/** A double in [lo, hi] on the same kind of grid. */
const interval = (lo: number, hi: number): fc.Arbitrary<number> =>
  fc.integer({ min: 0, max: GRID }).map((i) => lo + ((hi - lo) * i) / GRID);

const vector = (n: number, m = 1): fc.Arbitrary<Float64Array> =>
  fc.array(real(m), { minLength: n, maxLength: n }).map((v) => Float64Array.from(v));

/** log-uniform in [lo, hi] */
const logUniform = (lo: number, hi: number): fc.Arbitrary<number> =>
  interval(Math.log(lo), Math.log(hi)).map(Math.exp);

/** Rescales v to Σ|v_i| = l1 (v = 0 stays 0). */
function withL1(v: Float64Array, l1: number): Float64Array {
  let s = 0;
  for (const x of v) s += Math.abs(x);
  return s === 0 ? v : v.map((x) => (x * l1) / s);
}

/** A stable discrete system: Ā = G·ρ/‖G‖₁ (spectral radius ≤ ρ < 1). */
const stableSystem = (maxN: number) =>
  fc.integer({ min: 1, max: maxN }).chain((N) =>
    fc.record({
      N: fc.constant(N),
      G: vector(N * N),
      rho: interval(0, 0.99),
      Bb: vector(N),
      C: vector(N),
      D: real(2),
    }),
  );

function toSystem(s: {
  N: number;
  G: Float64Array;
  rho: number;
  Bb: Float64Array;
  C: Float64Array;
  D: number;
}) {
  const g = norm1(s.G, s.N);
  const Ab = g === 0 ? s.G : s.G.map((v) => (v * s.rho) / g);
  return { N: s.N, Ab, Bb: s.Bb, C: s.C, D: s.D };
}

const log = new ErrorLog(`src/core/properties.test.ts (seed ${SEED})`);
afterAll(() => {
  console.log(log.table());
});

/** expectClose (relative to max |expected|) that also records the error in the log. */
function close(
  id: string,
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tol: number,
  label: string,
): void {
  log.real(id, actual, expected, label, tol);
  expectClose(actual, expected, tol, `${id}: ${label}`);
}

/** expectCloseScaled (relative to max(floor, max |expected|)), recorded in the log. */
function closeScaled(
  id: string,
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tol: number,
  floor: number,
  label: string,
): void {
  let s = floor;
  for (let i = 0; i < expected.length; i++) s = Math.max(s, Math.abs(expected[i]!));
  let d = 0;
  for (let i = 0; i < expected.length; i++) d = Math.max(d, Math.abs(actual[i]! - expected[i]!));
  log.note(id, d / s, label, tol);
  expectCloseScaled(actual, expected, tol, floor, `${id}: ${label}`);
}

describe(`properties of the float64 core (fast-check, seed ${SEED})`, () => {
  it('conv = recurrence: causalConv(kernel(d, L), u) = recurrence(d, u) − D·u', () => {
    fc.assert(
      fc.property(
        stableSystem(12),
        fc.integer({ min: 1, max: 300 }).chain((L) => vector(L, 10)),
        (sys, u) => {
          const d = toSystem(sys);
          const L = u.length;
          const K = kernel(d, L);
          // The D·u term: recurrence(d) − recurrence(d with D = 0) = D·u (scale: max |y|).
          const y0 = recurrence({ ...d, D: 0 }, u);
          const y = recurrence(d, u);
          closeScaled(
            'recurrence D·u term',
            y.map((v, k) => v - y0[k]!),
            u.map((v) => d.D * v),
            TOL_DIRECT,
            Math.max(...Array.from(y, Math.abs)),
            `N=${d.N} L=${L}`,
          );
          // FFT rounding scales with ‖K‖₂‖u‖₂ (≥ every |y_k|), not with a result that may cancel.
          closeScaled(
            'conv = recurrence',
            causalConv(K, u),
            y0,
            TOL_FFT,
            norm2(K) * norm2(u),
            `N=${d.N} L=${L}`,
          );
        },
      ),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('S4 LegS kernel: naive = dplr = generating (N ∈ [1, 24], L ∈ [1, 300], dt ∈ [1e-3, 1] log-uniform)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 24 }).chain((N) => vector(N, 3)),
        fc.integer({ min: 1, max: 300 }),
        logUniform(1e-3, 1),
        (C, L, dt) => {
          const N = C.length;
          const naive = s4Kernel('legs', N, C, dt, L, 'naive');
          const where = `N=${N} L=${L} dt=${dt} C=[${Array.from(C).join(', ')}]`;
          // K_k = C·(Ā^k B̄): an inner product, so the rounding scale is ‖C‖₂ max_k ‖Ā^k B̄‖₂ (a
          // sparse C can make K itself far smaller than the terms the methods add up).
          const { Ab, Bb } = discretize(hippo('legs', N), dt, 'bilinear');
          let v = Bb;
          let vmax = 0;
          for (let k = 0; k < L; k++) {
            vmax = Math.max(vmax, norm2(v));
            v = matvec(Ab, v, N);
          }
          const floor = norm2(C) * vmax;
          closeScaled(
            's4Kernel dplr = naive',
            s4Kernel('legs', N, C, dt, L, 'dplr'),
            naive,
            TOL_FFT,
            floor,
            where,
          );
          closeScaled(
            's4Kernel generating = naive',
            s4Kernel('legs', N, C, dt, L, 'generating'),
            naive,
            TOL_FFT,
            floor,
            where,
          );
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

  // a with Σ|a| < 1 (Montel): the poles are inside the unit circle and 1 + Σ a_i z^−i ≠ 0 on it.
  const montel = (maxN: number) =>
    fc
      .integer({ min: 1, max: maxN })
      .chain((n) =>
        fc.record({
          a: vector(n),
          l1: interval(0, 0.99),
          b: vector(n, 2),
          h0: real(2),
        }),
      )
      .map(({ a, l1, b, h0 }) => ({ a: withL1(a, l1), b, h0 }));

  it('RTF: FFT kernel of b̃ = rtfCorrect(a, b, L) = impulse response (n ∈ [1, 12], L ∈ [n+1, 200])', () => {
    fc.assert(
      fc.property(
        montel(12).chain((sys) =>
          fc.record({ sys: fc.constant(sys), L: fc.integer({ min: sys.a.length + 1, max: 200 }) }),
        ),
        ({ sys: { a, b, h0 }, L }) => {
          const where = `n=${a.length} L=${L} a=[${Array.from(a).join(', ')}]`;
          const bt = rtfCorrect(a, b, L);
          // paper: taps 1..L−1 exact, tap L wraps onto tap 0
          const h = rtfImpulse(a, b, h0, L + 1);
          const expected = h.slice(0, L);
          expected[0] = h0 + h[L]!;
          close(
            'rtfKernel(b̃) = impulse response (paper)',
            rtfKernel(a, bt, h0, L),
            expected,
            TOL_FFT,
            where,
          );
          // blog: exact on all taps
          close(
            'rtfKernel(b̃, blog) = companion kernel',
            rtfKernel(a, bt, 0, L, { convention: 'blog' }),
            kernel(companion(a, b, 0), L),
            TOL_FFT,
            where,
          );
        },
      ),
      { seed: SEED, numRuns: 600 },
    );
  });

  it('ssToTf(companion(a, b, h0)) = (a, b, h0) for any real a (n ∈ [1, 8])', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }).chain((n) => fc.tuple(vector(n, 2), vector(n, 2), real(2))),
        ([a, b, h0]) => {
          const d = companion(a, b, h0);
          const tf = ssToTf(d.Ab, d.Bb, d.C, d.D, d.N);
          close('ssToTf(companion).a', tf.a, a, TOL_DIRECT, `n=${a.length}`);
          close('ssToTf(companion).b', tf.b, b, TOL_DIRECT, `n=${a.length}`);
          expect(tf.h0).toBe(h0);
        },
      ),
      { seed: SEED, numRuns: 600 },
    );
  });

  it('companion(ssToTf(A, B, C, D)) has the kernel and D of (A, B, C, D) (N ∈ [1, 8])', () => {
    fc.assert(
      fc.property(stableSystem(8), (sys) => {
        const d = toSystem(sys);
        const tf = ssToTf(d.Ab, d.Bb, d.C, d.D, d.N);
        const c = companion(tf.a, tf.b, tf.h0);
        expect(c.D).toBe(d.D);
        close(
          'kernel(companion(ssToTf(d))) = kernel(d)',
          kernel(c, 48),
          kernel(d, 48),
          1e-9,
          `N=${d.N}`,
        );
      }),
      { seed: SEED, numRuns: 600 },
    );
  });

  it('fft round trip: ifft(fft(x)) = x (length ∈ [1, 600])', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 600 }).chain((n) => fc.tuple(vector(n, 1e3), vector(n, 1e3))),
        ([re, im]) => {
          const X = fft(re, im);
          const back = fft(X.re, X.im, true);
          log.note('ifft(fft(x)) = x', complexError(back, { re, im }), `n=${re.length}`, 1e-13);
          expectCloseComplex(back, { re, im }, 1e-13, `ifft(fft(x)) = x: n=${re.length}`);
        },
      ),
      { seed: SEED, numRuns: 600 },
    );
  });

  it('Σ|a| < 1 ⇒ every root of z^n + a_1 z^{n−1} + … + a_n has |z| < 1 (n ∈ [1, 24])', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 24 }).chain((n) => vector(n)),
        interval(0, 0.999),
        (v, l1) => {
          const a = withL1(v, l1);
          const roots = polyRoots(a);
          expect(roots.re.length).toBe(a.length);
          for (let i = 0; i < a.length; i++) {
            const m = Math.hypot(roots.re[i]!, roots.im[i]!);
            log.note('Montel: max |root| (must be < 1)', m, `n=${a.length} Σ|a|=${l1}`, 1);
            expect(m, `root ${i} of a=[${Array.from(a).join(', ')}]`).toBeLessThan(1);
          }
        },
      ),
      { seed: SEED, numRuns: 1500 },
    );
  });

  it('legsRun(exact) = exact Legendre projection of the step input on [0, k], every k (N ∈ [1, 10], L ∈ [1, 30])', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 30 }).chain((L) => vector(L, 10)),
        (N, u) => {
          const X = legsRun(N, u, 'exact');
          for (let k = 1; k <= u.length; k++) {
            // |c_n| ≤ √(2n+1) max|u|: the input scale bounds the rounding, even when c cancels
            closeScaled(
              'legsRun exact = Legendre projection',
              X.subarray((k - 1) * N, k * N),
              legsProjection(N, u, k),
              1e-11,
              Math.max(...Array.from(u, Math.abs)),
              `N=${N} L=${u.length} k=${k}`,
            );
          }
        },
      ),
      { seed: SEED, numRuns: 400 },
    );
  });
});
