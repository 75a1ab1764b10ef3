/**
 * Invariant tests of the float64 core (REFERENCE §6 "Identities asserted"): every identity is
 * checked against a second, independent algorithm — the recurrence against the FFT convolution,
 * the three S4 kernel methods against each other, the NPLR factors against a dense eigensolver,
 * the exact LegS recursion against an exact Legendre projection written here, the RTF FFT kernel
 * against the impulse response, expm against a Taylor-stepping ODE solution, fft against a naive
 * DFT, and so on.
 *
 * Errors are relative to the largest magnitude of the reference (test/support/close.ts); the worst
 * error seen per identity is printed at the end of the run (ErrorLog).
 */
import { afterAll, describe, expect, it } from 'vitest';

import {
  expectClose,
  expectCloseComplex,
  expectSameSet,
  type ComplexLike,
} from '../../test/support/close';
import {
  complexError,
  det,
  ErrorLog,
  eye,
  gaussLegendre,
  hadamardBound,
  laguerreCoefficients,
  legendreUpTo,
  legsProjection,
  matmul,
  matvec,
  montelCoefficients,
  naiveDft,
  norm1,
  polyFromRoots,
  polyvalAsc,
  randn,
  randomRoots,
  rng,
  scale,
  setError,
  solve,
  stableMatrix,
  trace,
} from '../../test/support/numeric';
import {
  causalConv,
  companion,
  discretize,
  eigenvalues,
  expm,
  fft,
  hippo,
  hippoReconstruct,
  kernel,
  legsRun,
  nplr,
  polyRoots,
  recurrence,
  rtfCorrect,
  rtfImpulse,
  rtfKernel,
  s4dInit,
  s4dKernel,
  s4Kernel,
  ssToTf,
} from './index';

type DiscreteSSM = Parameters<typeof kernel>[0];
type Disc = Parameters<typeof discretize>[2];

/** Direct formulas, one rounding chain (REFERENCE §6: 1e-12). */
const TOL_DIRECT = 1e-12;
/** Results through an FFT or a long recursion (REFERENCE §6: 1e-10). */
const TOL_FFT = 1e-10;
/** Through a matrix exponential or an eigenvalue problem (REFERENCE §6: 1e-9 / the oracle's 1e-8). */
const TOL_EIG = 1e-8;

const log = new ErrorLog('src/core/invariants.test.ts');
afterAll(() => {
  console.log(log.table());
});

function check(
  id: string,
  actual: ArrayLike<number> | number,
  expected: ArrayLike<number> | number,
  tol: number,
  where: string,
): void {
  const a = typeof actual === 'number' ? [actual] : actual;
  const e = typeof expected === 'number' ? [expected] : expected;
  log.real(id, a, e, where, tol);
  expectClose(a, e, tol, `${id} [${where}]`);
}

function checkComplex(
  id: string,
  actual: ComplexLike,
  expected: ComplexLike,
  tol: number,
  where: string,
): void {
  log.note(id, complexError(actual, expected), where, tol);
  expectCloseComplex(actual, expected, tol, `${id} [${where}]`);
}

function checkSet(
  id: string,
  actual: ComplexLike,
  expected: ComplexLike,
  tol: number,
  where: string,
): void {
  log.note(id, setError(actual, expected), where, tol);
  expectSameSet(actual, expected, tol, `${id} [${where}]`);
}

/** Records a scalar error already normalised by the caller, and asserts it. */
function checkErr(id: string, err: number, tol: number, where: string): void {
  log.note(id, err, where, tol);
  if (!(err <= tol)) throw new Error(`${id} [${where}]: relative error ${err} > tol ${tol}`);
}

function complex(
  re: ArrayLike<number>,
  im: ArrayLike<number>,
): { re: Float64Array; im: Float64Array } {
  return { re: Float64Array.from(re), im: Float64Array.from(im) };
}

function randomStableSystem(seed: number, N: number): DiscreteSSM {
  const r = rng(seed);
  return {
    N,
    Ab: stableMatrix(r, N, r.range(0.3, 0.98)),
    Bb: randn(r, N),
    C: randn(r, N),
    D: r.normal(),
  };
}

// ------------------------------------------------------------------------------------------------
describe('conv = recurrence (REFERENCE §3.4)', () => {
  const Ls = [1, 2, 3, 7, 8, 64, 100, 257, 1024];

  it.each(Ls)(
    'causalConv(kernel(d, L), u) = recurrence(d, u) − D·u for random stable systems, L = %i',
    (L) => {
      for (const N of [1, 2, 3, 5, 8, 16]) {
        for (let trial = 0; trial < 3; trial++) {
          const seed = 10_000 * L + 100 * N + trial;
          const d = randomStableSystem(seed, N);
          const u = randn(rng(seed + 7), L);
          const y = recurrence(d, u);
          const ref = y.map((v, k) => v - d.D * u[k]!);
          const conv = causalConv(kernel(d, L), u);
          check('conv = recurrence (random stable)', conv, ref, TOL_FFT, `N=${N} L=${L} #${trial}`);
        }
      }
    },
  );

  it.each<[string, Disc]>([
    ['bilinear', 'bilinear'],
    ['zoh', 'zoh'],
    ['backward', 'backward'],
  ])('also for discretised HiPPO systems (%s)', (_name, method) => {
    const r = rng(77);
    for (const measure of ['legs', 'legt', 'lagt', 'fout'] as const) {
      for (const N of [2, 8, 16]) {
        const d = discretize({ ...hippo(measure, N), C: randn(r, N), D: 0.5 }, 0.05, method);
        for (const L of [1, 33, 256]) {
          const u = randn(r, L);
          const ref = recurrence(d, u).map((v, k) => v - 0.5 * u[k]!);
          check(
            'conv = recurrence (HiPPO)',
            causalConv(kernel(d, L), u),
            ref,
            TOL_FFT,
            `${measure} N=${N} L=${L} ${String(method)}`,
          );
        }
      }
    }
  });

  it('recurrence of an impulse is the kernel plus D at tap 0', () => {
    const d = randomStableSystem(5, 6);
    const L = 40;
    const u = new Float64Array(L);
    u[0] = 1;
    const K = kernel(d, L);
    K[0]! += d.D;
    check('recurrence(δ) = kernel + D δ', recurrence(d, u), K, TOL_DIRECT, 'N=6 L=40');
  });
});

// ------------------------------------------------------------------------------------------------
describe('S4 kernel: naive = generating = dplr (REFERENCE §3.6, §3.11)', () => {
  const Ls = [1, 2, 3, 7, 8, 100, 257];
  const dts = [1e-3, 0.05, 0.5, 2];

  it.each([1, 2, 3, 5, 8, 16, 32])('legs, N = %i, all L × dt', (N) => {
    const r = rng(300 + N);
    for (const L of Ls) {
      for (const dt of dts) {
        const C = randn(r, N);
        const naive = s4Kernel('legs', N, C, dt, L, 'naive');
        const where = `legs N=${N} L=${L} dt=${dt}`;
        check(
          's4Kernel generating = naive (legs)',
          s4Kernel('legs', N, C, dt, L, 'generating'),
          naive,
          TOL_FFT,
          where,
        );
        check(
          's4Kernel dplr = naive (legs)',
          s4Kernel('legs', N, C, dt, L, 'dplr'),
          naive,
          TOL_FFT,
          where,
        );
      }
    }
  });

  it.each([
    ['legt', 1],
    ['legt', 5],
    ['legt', 16],
    ['lagt', 1],
    ['lagt', 4],
    ['lagt', 16],
    ['fout', 2],
    ['fout', 8],
    ['fout', 16],
  ] as const)('%s, N = %i: generating = naive', (measure, N) => {
    const r = rng(400 + N);
    for (const L of Ls) {
      for (const dt of dts) {
        const C = randn(r, N);
        const naive = s4Kernel(measure, N, C, dt, L, 'naive');
        check(
          `s4Kernel generating = naive (${measure})`,
          s4Kernel(measure, N, C, dt, L, 'generating'),
          naive,
          TOL_FFT,
          `${measure} N=${N} L=${L} dt=${dt}`,
        );
      }
    }
  });

  it('naive = C Ā^k B̄ of discretize(hippo, bilinear) by explicit powering', () => {
    const N = 6;
    const C = randn(rng(9), N);
    const { Ab, Bb } = discretize(hippo('legs', N), 0.1, 'bilinear');
    const L = 20;
    const ref = new Float64Array(L);
    let v: Float64Array = Float64Array.from(Bb);
    for (let k = 0; k < L; k++) {
      ref[k] = C.reduce((s, c, i) => s + c * v[i]!, 0);
      v = matvec(Ab, v, N);
    }
    check(
      's4Kernel naive = C Ā^k B̄',
      s4Kernel('legs', N, C, 0.1, L, 'naive'),
      ref,
      TOL_DIRECT,
      'legs N=6 L=20',
    );
  });
});

// ------------------------------------------------------------------------------------------------
describe('DPLR = dense: NPLR factors of LegS (REFERENCE §3.9)', () => {
  it.each([1, 2, 3, 4, 5, 8, 16, 32, 64])(
    'N = %i: eig(A + PPᵀ) = Λ, Re Λ = −½ exactly, tr A = Σ Re Λ − Σ P²',
    (N) => {
      const { Lambda, P } = nplr(N);
      const { A } = hippo('legs', N);
      expect(Lambda.re.length).toBe(N);
      expect(P.length).toBe(N);
      for (let n = 0; n < N; n++) {
        expect(Lambda.re[n], `Re Λ[${n}]`).toBe(-0.5);
        expect(P[n], `P[${n}]`).toBeCloseTo(Math.sqrt(n + 0.5), 14);
      }
      const AP = Float64Array.from(A);
      for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) AP[i * N + j]! += P[i]! * P[j]!;
      // A + PPᵀ + ½I is skew-symmetric.
      let skew = 0;
      for (let i = 0; i < N; i++)
        for (let j = 0; j < N; j++)
          skew = Math.max(skew, Math.abs(AP[i * N + j]! + AP[j * N + i]! + (i === j ? 1 : 0)));
      checkErr('A + PPᵀ + ½I skew-symmetric', skew / N, TOL_DIRECT, `N=${N}`);
      checkSet('eig(A + PPᵀ) = Λ', eigenvalues(AP, N), Lambda, TOL_EIG, `N=${N}`);
      // Λ is closed under conjugation.
      checkSet(
        'Λ = conj(Λ)',
        Lambda,
        complex(
          Lambda.re,
          Lambda.im.map((v) => -v),
        ),
        TOL_DIRECT,
        `N=${N}`,
      );
      let sumRe = 0;
      let sumP2 = 0;
      for (let n = 0; n < N; n++) {
        sumRe += Lambda.re[n]!;
        sumP2 += P[n]! ** 2;
      }
      check('tr A = Σ Re Λ − Σ P²', sumRe - sumP2, trace(A, N), TOL_DIRECT, `N=${N}`);
      check('tr A = −N(N+1)/2', trace(A, N), (-N * (N + 1)) / 2, 0, `N=${N}`);
    },
  );

  it('N = 4 and 8 match the oracle values (REFERENCE §3.9)', () => {
    const w4 = [0.5565011151, 4.6032930071];
    const w8 = [0.4274887123, 1.9577941509, 5.354208515, 19.857410371];
    for (const [N, w] of [
      [4, w4],
      [8, w8],
    ] as const) {
      const im = [...w.map((v) => -v), ...w];
      checkSet(
        'nplr Λ = oracle',
        nplr(N).Lambda,
        complex(new Array(N).fill(-0.5), im),
        1e-10,
        `N=${N}`,
      );
    }
  });
});

// ------------------------------------------------------------------------------------------------
describe('LegS exact recursion = exact Legendre projection (REFERENCE §1.6, §2.3)', () => {
  it.each([1, 4, 8, 12])('N = %i: every row k of legsRun(exact) = projection over [0, k]', (N) => {
    const r = rng(500 + N);
    for (const L of [1, 2, 5, 17, 60]) {
      const u = randn(r, L);
      const X = legsRun(N, u, 'exact');
      expect(X.length).toBe(L * N);
      for (let k = 1; k <= L; k++) {
        check(
          'legsRun exact = Legendre projection',
          X.subarray((k - 1) * N, k * N),
          legsProjection(N, u, k),
          1e-11,
          `N=${N} L=${L} k=${k}`,
        );
      }
    }
  });

  it('the oracle example (N = 4, u = [1, 0.5, −0.25, 2, 0])', () => {
    const u = Float64Array.of(1, 0.5, -0.25, 2, 0);
    const X = legsRun(4, u, 'exact');
    check(
      'legsRun exact = Legendre projection',
      X.subarray(16, 20),
      legsProjection(4, u, 5),
      TOL_EIG,
      'oracle',
    );
    check(
      'legsRun exact = oracle §6.4',
      X.subarray(16, 20),
      [0.65, -0.0692820323, 0, -0.4021541993],
      1e-9,
      'oracle',
    );
  });

  it.each(['exact', 'bilinear', 'forward'] as const)(
    "'blog' normalisation = √2 × 'paper' (%s)",
    (scheme) => {
      const r = rng(600);
      for (const N of [1, 3, 8]) {
        const u = randn(r, 25);
        const paper = legsRun(N, u, scheme);
        const blog = legsRun(N, u, scheme, { normalization: 'blog' });
        check(
          'legsRun blog = √2 paper',
          blog,
          scale(paper, Math.SQRT2),
          TOL_DIRECT,
          `${scheme} N=${N}`,
        );
        check(
          'legsRun default = paper',
          legsRun(N, u, scheme, { normalization: 'paper' }),
          paper,
          0,
          `${scheme} N=${N}`,
        );
      }
    },
  );

  it('x_1 = u_0 e_0 (paper) for every scheme', () => {
    for (const scheme of ['exact', 'bilinear', 'forward'] as const) {
      for (const N of [1, 2, 7, 16]) {
        for (const u0 of [1, -2.5, 0.3]) {
          const X = legsRun(N, Float64Array.of(u0, 1, 2), scheme);
          const e0 = new Float64Array(N);
          e0[0] = u0;
          check('legsRun x_1 = u_0 e_0', X.subarray(0, N), e0, 1e-15, `${scheme} N=${N} u0=${u0}`);
        }
      }
    }
  });
});

// ------------------------------------------------------------------------------------------------
describe('RTF: FFT kernel = impulse response once corrected (REFERENCE §4.3, §4.5)', () => {
  const oracle = {
    a: Float64Array.of(-1.1, 0.03, 0.135),
    b: Float64Array.of(0.5, -0.2, 0.1),
    h0: 0.3,
  };

  /** Random stable (a, b, h0) of order n: poles with modulus ≤ rMax. */
  function randomRtf(seed: number, n: number, rMax: number) {
    const r = rng(seed);
    const a = polyFromRoots(randomRoots(r, n, 0, rMax));
    return { a, b: randn(r, n), h0: r.normal() };
  }

  const cases: [number, number[]][] = [
    [1, [2, 3, 16, 17, 100]],
    [2, [3, 4, 16, 17, 100]],
    [3, [4, 5, 16, 17, 255, 256]],
    [5, [6, 7, 32, 33, 200]],
    [8, [9, 10, 64, 65, 200]],
    [12, [13, 14, 64, 127, 256]],
  ];

  it.each(cases)('paper: taps 1..L−1 = h_1..h_{L−1}, tap 0 = h0 + h_L (n = %i)', (n, Ls) => {
    for (const L of Ls) {
      for (let trial = 0; trial < 3; trial++) {
        const { a, b, h0 } = randomRtf(1000 * n + L + trial, n, 0.95);
        const K = rtfKernel(a, rtfCorrect(a, b, L), h0, L);
        const h = rtfImpulse(a, b, h0, L + 1);
        const expected = h.slice(0, L);
        expected[0] = h0 + h[L]!;
        check(
          'rtfKernel(b̃) = impulse response (paper, tap-0 wrap)',
          K,
          expected,
          TOL_FFT,
          `n=${n} L=${L} #${trial}`,
        );
      }
    }
  });

  it.each(cases)(
    'blog: rtfKernel(a, b̃, 0, L, blog) = kernel(companion(a, b, 0), L) (n = %i)',
    (n, Ls) => {
      for (const L of Ls) {
        for (let trial = 0; trial < 3; trial++) {
          const { a, b } = randomRtf(2000 * n + L + trial, n, 0.95);
          const K = rtfKernel(a, rtfCorrect(a, b, L), 0, L, { convention: 'blog' });
          check(
            'rtfKernel(b̃, blog) = companion kernel',
            K,
            kernel(companion(a, b, 0), L),
            TOL_FFT,
            `n=${n} L=${L} #${trial}`,
          );
        }
      }
    },
  );

  it('uncorrected FFT kernel = aliased response Σ_m h_{t+mL} (+ h0 at tap 0)', () => {
    const systems: { name: string; a: Float64Array; b: Float64Array; h0: number }[] = [
      { ...oracle, name: 'oracle' },
    ];
    for (const n of [1, 2, 4, 7]) systems.push({ ...randomRtf(3000 + n, n, 0.6), name: `n=${n}` });
    for (const { a, b, h0, name } of systems) {
      for (const L of [a.length + 1, 16, 17, 64]) {
        const periods = Math.ceil(1200 / L) + 1; // |pole| ≤ 0.9: 0.9^1200 ≪ 1e-16
        const h = rtfImpulse(a, b, 0, periods * L);
        const expected = new Float64Array(L);
        for (let t = 0; t < periods * L; t++) expected[t % L]! += h[t]!;
        expected[0]! += h0;
        check(
          'rtfKernel(b) = aliased response (paper)',
          rtfKernel(a, b, h0, L),
          expected,
          TOL_FFT,
          `${name} L=${L}`,
        );
        // blog convention: the aliased response of h_{t+1}
        const blog = new Float64Array(L);
        for (let t = 1; t < periods * L; t++) blog[(t - 1) % L]! += h[t]!;
        check(
          'rtfKernel(b) = aliased response (blog)',
          rtfKernel(a, b, h0, L, { convention: 'blog' }),
          blog,
          TOL_FFT,
          `${name} L=${L}`,
        );
      }
    }
  });

  it('the oracle example (REFERENCE §6.6)', () => {
    const { a, b, h0 } = oracle;
    const L = 16;
    check(
      'rtfImpulse = oracle §6.6',
      rtfImpulse(a, b, h0, 6),
      [0.3, 0.5, 0.35, 0.47, 0.439, 0.42155],
      TOL_DIRECT,
      'oracle',
    );
    check(
      'rtfCorrect = oracle §6.6',
      rtfCorrect(a, b, L),
      [0.3745410509, -0.1749105933, 0.1188181266],
      1e-9,
      'oracle',
    );
    const K = rtfKernel(a, rtfCorrect(a, b, L), h0, L);
    const h = rtfImpulse(a, b, h0, L + 1);
    check('rtf tap-0 wrap = h_16 = 0.13939353', K[0]! - h[0]!, 0.13939353, 1e-8, 'oracle');
  });

  it.each([1, 2, 3, 5, 8, 12])(
    'kernel(companion(a, b, h0), L)_k = rtfImpulse(a, b, h0, L+1)_{k+1} (n = %i)',
    (n) => {
      for (const L of [1, 2, 5, 50, 200]) {
        const { a, b, h0 } = randomRtf(4000 + 10 * n + L, n, 0.98);
        const d = companion(a, b, h0);
        expect(d.D).toBe(h0);
        check(
          'kernel(companion) = rtfImpulse shifted',
          kernel(d, L),
          rtfImpulse(a, b, h0, L + 1).subarray(1),
          TOL_DIRECT,
          `n=${n} L=${L}`,
        );
      }
    },
  );
});

// ------------------------------------------------------------------------------------------------
describe('ssToTf ∘ companion round trip (REFERENCE §4.2, §4.5)', () => {
  it.each([1, 2, 3, 5, 8, 12])('ssToTf(companion(a, b, h0)) = (a, b, h0), n = %i', (n) => {
    const r = rng(5000 + n);
    for (let trial = 0; trial < 5; trial++) {
      const a = polyFromRoots(randomRoots(r, n, 0.1, 1.2));
      const b = randn(r, n);
      const h0 = r.normal();
      const d = companion(a, b, h0);
      const tf = ssToTf(d.Ab, d.Bb, d.C, d.D, d.N);
      check('ssToTf(companion) a', tf.a, a, TOL_DIRECT, `n=${n} #${trial}`);
      check('ssToTf(companion) b', tf.b, b, TOL_DIRECT, `n=${n} #${trial}`);
      expect(tf.h0).toBe(h0);
    }
  });

  it.each([1, 2, 3, 4, 6, 8])(
    'companion(ssToTf(A, B, C, D)) has the kernel and D of (A, B, C, D), N = %i',
    (N) => {
      for (let trial = 0; trial < 10; trial++) {
        const d = randomStableSystem(6000 + 10 * N + trial, N);
        if (trial >= 5) {
          // non-normal: a Gaussian matrix rescaled to spectral radius 0.97 (‖Ā‖ may exceed 1)
          const G = randn(rng(6100 + 10 * N + trial), N * N);
          const e = eigenvalues(G, N);
          const rho = Math.max(...Array.from(e.re, (re, i) => Math.hypot(re, e.im[i]!)));
          d.Ab = scale(G, 0.97 / rho);
        }
        const tf = ssToTf(d.Ab, d.Bb, d.C, d.D, N);
        expect(tf.a.length).toBe(N);
        expect(tf.b.length).toBe(N);
        const c = companion(tf.a, tf.b, tf.h0);
        expect(c.D).toBe(d.D);
        check(
          'kernel(companion(ssToTf(d))) = kernel(d)',
          kernel(c, 64),
          kernel(d, 64),
          1e-9,
          `N=${N} #${trial}`,
        );
        // and a = the characteristic polynomial: its roots are eig(A)
        checkSet(
          'polyRoots(ssToTf(d).a) = eig(A)',
          polyRoots(tf.a),
          eigenvalues(d.Ab, N),
          1e-7,
          `N=${N} #${trial}`,
        );
      }
    },
  );
});

// ------------------------------------------------------------------------------------------------
describe('polyRoots (REFERENCE §4.6)', () => {
  it('Σ|a| < 1 ⇒ every root of z^n + a_1 z^{n−1} + … + a_n lies strictly inside the unit circle', () => {
    const r = rng(7000);
    let maxModulus = 0;
    for (let draw = 0; draw < 2000; draw++) {
      const n = r.int(1, 24);
      const l1 = draw % 4 === 0 ? 0.999 : r.range(0, 0.999);
      const a = montelCoefficients(r, n, l1);
      const roots = polyRoots(a);
      expect(roots.re.length).toBe(n);
      for (let i = 0; i < n; i++) {
        const m = Math.hypot(roots.re[i]!, roots.im[i]!);
        maxModulus = Math.max(maxModulus, m);
        expect(m, `draw ${draw}: n=${n} Σ|a|=${l1} a=[${Array.from(a).join(', ')}]`).toBeLessThan(
          1,
        );
      }
    }
    // The extreme case: all weight on a_n, roots on the circle of radius (Σ|a|)^(1/n).
    for (const n of [1, 2, 5, 12, 24]) {
      const a = new Float64Array(n);
      a[n - 1] = 0.999;
      const roots = polyRoots(a);
      for (let i = 0; i < n; i++) {
        const m = Math.hypot(roots.re[i]!, roots.im[i]!);
        maxModulus = Math.max(maxModulus, m);
        expect(m).toBeLessThan(1);
        check('|roots of z^n + 0.999| = 0.999^(1/n)', m, 0.999 ** (1 / n), 1e-10, `n=${n}`);
      }
    }
    log.note('Montel draws: max |root| seen (must be < 1)', maxModulus, '2000 draws', 1);
  });

  it('polyRoots(poly(roots)) recovers well-separated chosen roots', () => {
    const r = rng(7100);
    for (let draw = 0; draw < 300; draw++) {
      const n = r.int(1, 12);
      const roots = randomRoots(r, n, 0.2, 1.5, 0.3);
      checkSet(
        'polyRoots(poly(roots)) = roots',
        polyRoots(polyFromRoots(roots)),
        roots,
        1e-9,
        `n=${n} #${draw}`,
      );
    }
  });

  it('polyRoots of the oracle denominator = 0.9, 0.5, −0.3', () => {
    checkSet(
      'polyRoots = oracle poles',
      polyRoots(Float64Array.of(-1.1, 0.03, 0.135)),
      complex([0.9, 0.5, -0.3], [0, 0, 0]),
      TOL_EIG,
      'oracle',
    );
  });
});

// ------------------------------------------------------------------------------------------------
describe('eigenvalues (REFERENCE §2.6, §3.7)', () => {
  it('trace = Σλ and det = Πλ for random matrices', () => {
    const r = rng(8000);
    for (let draw = 0; draw < 150; draw++) {
      const N = r.int(1, 24);
      const A = scale(randn(r, N * N), r.logUniform(0.01, 100));
      const e = eigenvalues(A, N);
      expect(e.re.length).toBe(N);
      let sr = 0;
      let si = 0;
      let pr = 1;
      let pi = 0;
      let frob = 0;
      for (let i = 0; i < N * N; i++) frob += A[i]! ** 2;
      frob = Math.sqrt(frob);
      for (let i = 0; i < N; i++) {
        sr += e.re[i]!;
        si += e.im[i]!;
        const t = pr * e.re[i]! - pi * e.im[i]!;
        pi = pr * e.im[i]! + pi * e.re[i]!;
        pr = t;
      }
      const where = `N=${N} #${draw}`;
      checkErr(
        'Σλ = tr A (error / ‖A‖_F)',
        Math.hypot(sr - trace(A, N), si) / frob,
        TOL_DIRECT * N,
        where,
      );
      checkErr(
        'Πλ = det A (error / Hadamard bound)',
        Math.hypot(pr - det(A, N), pi) / hadamardBound(A, N),
        1e-11,
        where,
      );
    }
  });

  it('a real matrix has its complex eigenvalues in conjugate pairs', () => {
    const r = rng(8100);
    for (const N of [2, 5, 10, 20]) {
      const e = eigenvalues(randn(r, N * N), N);
      checkSet(
        'eig closed under conjugation',
        e,
        complex(
          e.re,
          e.im.map((v) => -v),
        ),
        1e-12,
        `N=${N}`,
      );
    }
  });

  // LegS is lower triangular with diagonal −1 … −N; its eigenvectors are catastrophically
  // conditioned (REFERENCE §3.7), so only an eigensolver that uses the triangular structure gets
  // the eigenvalues right. numpy (LAPACK gebal with permutations) returns them exactly.
  it.each([1, 2, 3, 4, 8, 12, 16, 24, 32, 64])(
    'LegS eigenvalues are exactly −1 … −N, N = %i',
    (N) => {
      const expected = complex(
        Array.from({ length: N }, (_, i) => -(i + 1)),
        new Array(N).fill(0),
      );
      checkSet(
        'eig(LegS A) = {−1 … −N}',
        eigenvalues(hippo('legs', N).A, N),
        expected,
        TOL_EIG,
        `N=${N}`,
      );
    },
  );

  // LagT (A = −tril(1)) is one Jordan block of size N for −1: a general QR eigensolver returns
  // −1 + O(ε^(1/N)); the triangular structure gives it exactly (as numpy/LAPACK gebal does).
  it.each([1, 2, 4, 8])('LagT eigenvalues are exactly −1 (N-fold), N = %i', (N) => {
    const expected = complex(new Array(N).fill(-1), new Array(N).fill(0));
    checkSet(
      'eig(LagT A) = {−1 × N}',
      eigenvalues(hippo('lagt', N).A, N),
      expected,
      TOL_EIG,
      `N=${N}`,
    );
  });

  it.each([2, 4, 8, 12, 16, 32])(
    'forward Euler LegS with Δ > 2/N leaves the unit circle; bilinear, zoh, backward stay inside (N = %i)',
    (N) => {
      const ssm = hippo('legs', N);
      const rho = (Ab: Float64Array): number => {
        const e = eigenvalues(Ab, N);
        return Math.max(...Array.from(e.re, (re, i) => Math.hypot(re, e.im[i]!)));
      };
      for (const dt of [2.2 / N, 4 / N, 1, 3]) {
        if (dt <= 2 / N) continue;
        const fwd = rho(discretize(ssm, dt, 'forward').Ab);
        expect(fwd, `forward Δ=${dt}: ρ(Ā) = ${fwd}`).toBeGreaterThan(1);
        check('ρ(forward Ā) = |1 − ΔN|', fwd, Math.abs(1 - dt * N), TOL_EIG, `N=${N} Δ=${dt}`);
        for (const method of ['bilinear', 'zoh', 'backward'] as const) {
          const v = rho(discretize(ssm, dt, method).Ab);
          expect(v, `${method} Δ=${dt}: ρ(Ā) = ${v}`).toBeLessThan(1);
        }
      }
      const small = rho(discretize(ssm, 1.5 / N, 'forward').Ab);
      expect(small, `forward Δ=1.5/N: ρ(Ā) = ${small}`).toBeLessThan(1);
    },
  );
});

// ------------------------------------------------------------------------------------------------
describe('discretize: eigenvalue maps and GBT (REFERENCE §2.2)', () => {
  const cmul = (ar: number, ai: number, br: number, bi: number): [number, number] => [
    ar * br - ai * bi,
    ar * bi + ai * br,
  ];
  const cdiv = (ar: number, ai: number, br: number, bi: number): [number, number] => {
    const d = br * br + bi * bi;
    return [(ar * br + ai * bi) / d, (ai * br - ar * bi) / d];
  };
  const maps: Record<string, (dt: number, re: number, im: number) => [number, number]> = {
    bilinear: (dt, re, im) =>
      cdiv(1 + (dt * re) / 2, (dt * im) / 2, 1 - (dt * re) / 2, (-dt * im) / 2),
    zoh: (dt, re, im) => cmul(Math.exp(dt * re), 0, Math.cos(dt * im), Math.sin(dt * im)),
    forward: (dt, re, im) => [1 + dt * re, dt * im],
    backward: (dt, re, im) => cdiv(1, 0, 1 - dt * re, -dt * im),
  };

  function systems(): { name: string; N: number; A: Float64Array; B: Float64Array }[] {
    const r = rng(9000);
    const out = [];
    for (const N of [2, 4, 8]) out.push({ name: `legt N=${N}`, ...hippo('legt', N) });
    out.push({ name: 'fout N=8', ...hippo('fout', 8) });
    for (const N of [1, 3, 6, 10]) {
      const G = randn(r, N * N);
      const A = scale(G, 1 / Math.sqrt(N));
      for (let i = 0; i < N; i++) A[i * N + i]! -= 1.5;
      out.push({ name: `random N=${N}`, N, A, B: randn(r, N) });
    }
    return out;
  }

  it.each(Object.keys(maps))('%s: eig(Ā) = map(eig(A))', (method) => {
    for (const { name, N, A, B } of systems()) {
      const e = eigenvalues(A, N);
      for (const dt of [0.01, 0.1, 1]) {
        const mapped = Array.from(e.re, (re, i) => maps[method]!(dt, re, e.im[i]!));
        const expected = complex(
          mapped.map((z) => z[0]),
          mapped.map((z) => z[1]),
        );
        const { Ab } = discretize({ N, A, B }, dt, method as Disc);
        checkSet(
          `eig(Ā ${method}) = map(eig A)`,
          eigenvalues(Ab, N),
          expected,
          TOL_EIG,
          `${name} Δ=${dt}`,
        );
      }
    }
  });

  it.each<[string, Disc, Disc]>([
    ['{gbt: 0.5} = bilinear', { gbt: 0.5 }, 'bilinear'],
    ['{gbt: 0} = forward', { gbt: 0 }, 'forward'],
    ['{gbt: 1} = backward', { gbt: 1 }, 'backward'],
  ])('%s', (name, gbt, method) => {
    for (const { name: sys, N, A, B } of systems()) {
      for (const dt of [0.01, 0.3]) {
        const x = discretize({ N, A, B }, dt, gbt);
        const y = discretize({ N, A, B }, dt, method);
        check(`${name} (Ā)`, x.Ab, y.Ab, 1e-15, `${sys} Δ=${dt}`);
        check(`${name} (B̄)`, x.Bb, y.Bb, 1e-15, `${sys} Δ=${dt}`);
      }
    }
  });

  it('GBT α: Ā = (I − αΔA)⁻¹(I + (1−α)ΔA), B̄ = Δ(I − αΔA)⁻¹B by an independent solve', () => {
    for (const { name, N, A, B } of systems()) {
      for (const alpha of [0, 0.25, 0.5, 0.8, 1]) {
        const dt = 0.2;
        const { Ab, Bb } = discretize({ N, A, B }, dt, { gbt: alpha });
        const lhs = eye(N);
        const rhs = eye(N);
        for (let i = 0; i < N * N; i++) {
          lhs[i]! -= alpha * dt * A[i]!;
          rhs[i]! += (1 - alpha) * dt * A[i]!;
        }
        const expected = new Float64Array(N * N);
        for (let j = 0; j < N; j++) {
          const col = solve(
            lhs,
            Array.from({ length: N }, (_, i) => rhs[i * N + j]!),
            N,
          );
          for (let i = 0; i < N; i++) expected[i * N + j] = col[i]!;
        }
        check('GBT Ā = solve', Ab, expected, TOL_DIRECT * 10, `${name} α=${alpha}`);
        check(
          'GBT B̄ = solve',
          Bb,
          scale(solve(lhs, B, N), dt),
          TOL_DIRECT * 10,
          `${name} α=${alpha}`,
        );
      }
    }
  });

  it('zoh: B̄ = A⁻¹(Ā − I)B for invertible A; closed forms for singular A', () => {
    for (const { name, N, A, B } of systems()) {
      if (Math.abs(det(A, N)) <= 1e-8 * hadamardBound(A, N)) continue; // fout: the dummy state makes A singular
      for (const dt of [0.01, 0.5]) {
        const { Ab, Bb } = discretize({ N, A, B }, dt, 'zoh');
        const AmI = Float64Array.from(Ab);
        for (let i = 0; i < N; i++) AmI[i * N + i]! -= 1;
        check(
          'zoh B̄ = A⁻¹(Ā − I)B',
          Bb,
          solve(A, matvec(AmI, B, N), N),
          TOL_EIG,
          `${name} Δ=${dt}`,
        );
        check('zoh Ā = expm(ΔA)', Ab, expm(scale(A, dt), N), TOL_DIRECT, `${name} Δ=${dt}`);
      }
    }
    // A = 0: Ā = I, B̄ = ΔB.
    const B = Float64Array.of(1, -2, 3);
    const zero = discretize({ N: 3, A: new Float64Array(9), B }, 0.7, 'zoh');
    check('zoh A=0: Ā = I', zero.Ab, eye(3), 1e-15, 'A=0');
    check('zoh A=0: B̄ = ΔB', zero.Bb, scale(B, 0.7), 1e-15, 'A=0');
    // Nilpotent A = [[0, 1], [0, 0]]: Ā = I + ΔA, B̄ = (ΔI + Δ²A/2)B.
    const dt = 0.4;
    const J = discretize(
      { N: 2, A: Float64Array.of(0, 1, 0, 0), B: Float64Array.of(2, 5) },
      dt,
      'zoh',
    );
    check('zoh nilpotent: Ā = I + ΔA', J.Ab, [1, dt, 0, 1], 1e-15, 'J2');
    check(
      'zoh nilpotent: B̄ = (ΔI + Δ²A/2)B',
      J.Bb,
      [dt * 2 + (dt * dt * 5) / 2, dt * 5],
      1e-15,
      'J2',
    );
  });

  it('C and D pass through unchanged', () => {
    const ssm = { ...hippo('legt', 4), C: Float64Array.of(1, 2, 3, 4), D: 0.25 };
    for (const method of ['forward', 'backward', 'bilinear', 'zoh', { gbt: 0.3 }] as Disc[]) {
      const d = discretize(ssm, 0.1, method);
      expect(Array.from(d.C)).toEqual([1, 2, 3, 4]);
      expect(d.D).toBe(0.25);
    }
  });
});

// ------------------------------------------------------------------------------------------------
describe('expm (scaling and squaring Padé) against independent identities', () => {
  /**
   * e^{tA} by m sequential steps X ← X·T with T the degree-q Taylor polynomial of e^{(t/m)A}
   * (the ODE X' = AX integrated by a Taylor method with many small steps; no squaring).
   */
  function expmByTaylorSteps(
    A: Float64Array,
    n: number,
    t: number,
    m: number,
    q: number,
  ): Float64Array {
    const h = t / m;
    const T = eye(n);
    let term = eye(n);
    for (let k = 1; k <= q; k++) {
      term = scale(matmul(term, A, n), h / k);
      for (let i = 0; i < n * n; i++) T[i]! += term[i]!;
    }
    let X = eye(n);
    for (let s = 0; s < m; s++) X = matmul(X, T, n);
    return X;
  }

  it('expm(0) = I', () => {
    for (const n of [1, 2, 3, 8, 17]) {
      expect(Array.from(expm(new Float64Array(n * n), n)), `n=${n}`).toEqual(Array.from(eye(n)));
    }
  });

  it('expm(A)·expm(−A) = I and expm(2A) = expm(A)² for random A', () => {
    const r = rng(10_000);
    for (let draw = 0; draw < 40; draw++) {
      const n = r.int(1, 12);
      const A = scale(randn(r, n * n), r.logUniform(1e-3, 3) / Math.sqrt(n));
      const E = expm(A, n);
      const where = `n=${n} ‖A‖₁=${norm1(A, n).toFixed(3)}`;
      check('expm(A) expm(−A) = I', matmul(E, expm(scale(A, -1), n), n), eye(n), 1e-12, where);
      check('expm(2A) = expm(A)²', expm(scale(A, 2), n), matmul(E, E, n), 1e-12, where);
    }
  });

  it('expm of a diagonal = diag(e^d), entry by entry', () => {
    const r = rng(10_100);
    for (const n of [1, 4, 9]) {
      const d = Float64Array.from({ length: n }, () => r.range(-30, 8));
      const D = new Float64Array(n * n);
      for (let i = 0; i < n; i++) D[i * n + i] = d[i]!;
      const E = expm(D, n);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          if (i !== j) expect(E[i * n + j], `off-diagonal (${i},${j})`).toBe(0);
        }
        check(
          'expm(diag d) = diag(e^d) (per entry)',
          E[i * n + i]!,
          Math.exp(d[i]!),
          1e-13,
          `n=${n} d=${d[i]}`,
        );
      }
    }
  });

  it('expm of a nilpotent Jordan block = the truncated series Σ_{k<n} J^k/k!', () => {
    for (const n of [2, 3, 6, 10]) {
      for (const c of [1, 5, 50]) {
        const J = new Float64Array(n * n);
        for (let i = 0; i + 1 < n; i++) J[i * n + i + 1] = c;
        const expected = new Float64Array(n * n);
        let fact = 1;
        for (let k = 0; k < n; k++) {
          if (k > 0) fact *= k;
          for (let i = 0; i + k < n; i++) expected[i * n + i + k] = c ** k / fact;
        }
        check(
          'expm(Jordan nilpotent) = truncated series',
          expm(J, n),
          expected,
          1e-13,
          `n=${n} c=${c}`,
        );
        // with a shift λI: e^{λI + J} = e^λ e^J
        const shifted = Float64Array.from(J);
        for (let i = 0; i < n; i++) shifted[i * n + i] = -2;
        check(
          'expm(−2I + J) = e^−2 expm(J)',
          expm(shifted, n),
          scale(expected, Math.exp(-2)),
          1e-12,
          `n=${n} c=${c}`,
        );
      }
    }
  });

  it.each([
    [8, 1],
    [16, 3],
    [8, 10],
    [32, 1],
  ])(
    'expm(t·LegS) (N = %i, t = %i) = Taylor-stepped ODE solution (no scaling and squaring)',
    (N, t) => {
      const { A } = hippo('legs', N);
      const ref = expmByTaylorSteps(A, N, t, Math.ceil(20 * t * norm1(A, N)), 12);
      check(
        'expm(t LegS) = Taylor-stepped ODE',
        expm(scale(A, t), N),
        ref,
        TOL_EIG,
        `N=${N} t=${t}`,
      );
      // e^{tA} is lower triangular (up to the rounding of the pivoted Padé solve) with diagonal
      // e^{−t(n+1)}
      const E = expm(scale(A, t), N);
      const upper = [];
      for (let i = 0; i < N; i++) for (let j = i + 1; j < N; j++) upper.push(E[i * N + j]!);
      checkErr(
        'expm(t LegS) lower triangular (max |upper| / max |E|)',
        Math.max(0, ...upper.map(Math.abs)) / Math.max(...Array.from(E, Math.abs)),
        1e-14,
        `N=${N} t=${t}`,
      );
      check(
        'diag expm(t LegS) = e^{−t(n+1)}',
        Array.from({ length: N }, (_, i) => E[i * N + i]! / Math.exp(-t * (i + 1))),
        new Array(N).fill(1),
        1e-11,
        `N=${N} t=${t}`,
      );
    },
  );
});

// ------------------------------------------------------------------------------------------------
describe('fft (REFERENCE §3.5: numpy signs)', () => {
  const lengths = [...Array.from({ length: 70 }, (_, i) => i + 1), 4096, 4097, 10007];

  it('ifft(fft(x)) = x for lengths 1…70, 4096, 4097, 10007', () => {
    const r = rng(11_000);
    for (const n of lengths) {
      const re = randn(r, n);
      const im = randn(r, n);
      const X = fft(re, im);
      const back = fft(X.re, X.im, true);
      checkComplex('ifft(fft(x)) = x', back, { re, im }, 1e-13, `n=${n}`);
      const fwd = fft(fft(re, im, true).re, fft(re, im, true).im);
      checkComplex('fft(ifft(x)) = x', fwd, { re, im }, 1e-13, `n=${n}`);
    }
  });

  it('Parseval: Σ|x|² = (1/n) Σ|X|²', () => {
    const r = rng(11_100);
    for (const n of lengths) {
      const re = randn(r, n);
      const im = randn(r, n);
      const X = fft(re, im);
      let ex = 0;
      let eX = 0;
      for (let k = 0; k < n; k++) {
        ex += re[k]! ** 2 + im[k]! ** 2;
        eX += X.re[k]! ** 2 + X.im[k]! ** 2;
      }
      check('Parseval', eX / n, ex, 1e-12, `n=${n}`);
    }
  });

  it('linearity: fft(αx + βy) = α fft(x) + β fft(y)', () => {
    const r = rng(11_200);
    for (const n of lengths) {
      const [xr, xi, yr, yi] = [randn(r, n), randn(r, n), randn(r, n), randn(r, n)];
      const alpha = r.normal();
      const beta = r.normal();
      const lhs = fft(
        xr.map((v, k) => alpha * v + beta * yr[k]!),
        xi.map((v, k) => alpha * v + beta * yi[k]!),
      );
      const X = fft(xr, xi);
      const Y = fft(yr, yi);
      const rhs = complex(
        X.re.map((v, k) => alpha * v + beta * Y.re[k]!),
        X.im.map((v, k) => alpha * v + beta * Y.im[k]!),
      );
      checkComplex('fft linear', lhs, rhs, 1e-13, `n=${n}`);
    }
  });

  it('fft of a real signal is Hermitian: X_{n−k} = conj(X_k)', () => {
    const r = rng(11_300);
    for (const n of lengths) {
      const X = fft(randn(r, n), new Float64Array(n));
      const mirrored = complex(
        Array.from({ length: n }, (_, k) => X.re[(n - k) % n]!),
        Array.from({ length: n }, (_, k) => -X.im[(n - k) % n]!),
      );
      checkComplex('fft real ⇒ Hermitian', X, mirrored, 1e-13, `n=${n}`);
      let worstIm0 = Math.abs(X.im[0]!);
      if (n % 2 === 0) worstIm0 = Math.max(worstIm0, Math.abs(X.im[n / 2]!));
      const s = Math.max(...Array.from(X.re, (v, k) => Math.hypot(v, X.im[k]!)));
      checkErr('fft real: Im X_0 = Im X_{n/2} = 0', worstIm0 / s, 1e-13, `n=${n}`);
    }
  });

  it('agrees with a naive O(n²) DFT for n ≤ 64 (forward and inverse)', () => {
    const r = rng(11_400);
    for (let n = 1; n <= 64; n++) {
      const re = randn(r, n);
      const im = randn(r, n);
      checkComplex('fft = naive DFT', fft(re, im), naiveDft(re, im), 1e-13, `n=${n}`);
      // inverse: conj(DFT(conj x))/n
      const d = naiveDft(
        re,
        im.map((v) => -v),
      );
      const inv = complex(
        d.re.map((v) => v / n),
        d.im.map((v) => -v / n),
      );
      checkComplex('ifft = naive inverse DFT', fft(re, im, true), inv, 1e-13, `n=${n}`);
    }
  });

  it('δ ↦ all ones, ones ↦ n δ, e^{2πi k m/n} ↦ n δ_m', () => {
    for (const n of [1, 2, 5, 16, 97, 4097]) {
      const delta = new Float64Array(n);
      delta[0] = 1;
      const D = fft(delta, new Float64Array(n));
      checkComplex(
        'fft(δ) = 1',
        D,
        complex(new Array(n).fill(1), new Array(n).fill(0)),
        1e-14,
        `n=${n}`,
      );
      const m = Math.floor(n / 3);
      const re = Float64Array.from({ length: n }, (_, k) =>
        Math.cos((2 * Math.PI * ((k * m) % n)) / n),
      );
      const im = Float64Array.from({ length: n }, (_, k) =>
        Math.sin((2 * Math.PI * ((k * m) % n)) / n),
      );
      const expected = new Float64Array(n);
      expected[m] = n;
      checkComplex(
        'fft(e^{2πikm/n}) = n δ_m',
        fft(re, im),
        complex(expected, new Float64Array(n)),
        1e-13,
        `n=${n}`,
      );
    }
  });
});

// ------------------------------------------------------------------------------------------------
describe('S4D (REFERENCE §3.13)', () => {
  /** Σ over the full conjugate-closed system of C_n B̄_n Ā_n^l by direct powering (complex). */
  function fullSystemKernel(
    Lambda: ComplexLike,
    B: ComplexLike,
    C: ComplexLike,
    dt: number,
    L: number,
    disc: 'zoh' | 'bilinear',
  ): { re: Float64Array; im: Float64Array } {
    const M = Lambda.re.length;
    const Kre = new Float64Array(L);
    const Kim = new Float64Array(L);
    for (let n = 0; n < 2 * M; n++) {
      const conj = n >= M ? -1 : 1;
      const i = n % M;
      const lr = Lambda.re[i]!;
      const li = conj * Lambda.im[i]!;
      let ar: number;
      let ai: number;
      let gr: number; // B̄/B
      let gi: number;
      if (disc === 'zoh') {
        ar = Math.exp(dt * lr) * Math.cos(dt * li);
        ai = Math.exp(dt * lr) * Math.sin(dt * li);
        const d = lr * lr + li * li;
        // (Ā − 1)/λ
        gr = ((ar - 1) * lr + ai * li) / d;
        gi = (ai * lr - (ar - 1) * li) / d;
      } else {
        const dr = 1 - (dt * lr) / 2;
        const di = (-dt * li) / 2;
        const dd = dr * dr + di * di;
        const nr = 1 + (dt * lr) / 2;
        const ni = (dt * li) / 2;
        ar = (nr * dr + ni * di) / dd;
        ai = (ni * dr - nr * di) / dd;
        gr = (dt * dr) / dd;
        gi = (-dt * di) / dd;
      }
      const br = B.re[i]!;
      const bi = conj * B.im[i]!;
      const cr = C.re[i]!;
      const ci = conj * C.im[i]!;
      const bbr = br * gr - bi * gi;
      const bbi = br * gi + bi * gr;
      let wr = cr * bbr - ci * bbi;
      let wi = cr * bbi + ci * bbr;
      for (let l = 0; l < L; l++) {
        Kre[l]! += wr;
        Kim[l]! += wi;
        const t = wr * ar - wi * ai;
        wi = wr * ai + wi * ar;
        wr = t;
      }
    }
    return { re: Kre, im: Kim };
  }

  it.each(['zoh', 'bilinear'] as const)(
    '2 Re(half) = full conjugate system by direct powering (%s)',
    (disc) => {
      const r = rng(12_000);
      for (const M of [1, 2, 4, 16]) {
        for (const dt of [0.01, 0.1, 1]) {
          for (const L of [1, 7, 64, 500]) {
            const Lambda = complex(
              Array.from({ length: M }, () => -r.logUniform(0.01, 2)),
              Array.from({ length: M }, () => r.range(-20, 20)),
            );
            const B = complex(randn(r, M), randn(r, M));
            const C = complex(randn(r, M), randn(r, M));
            const full = fullSystemKernel(Lambda, B, C, dt, L, disc);
            const where = `${disc} M=${M} dt=${dt} L=${L}`;
            const s = Math.max(...Array.from(full.re, Math.abs));
            checkErr(
              'S4D full system is real (max |Im| / max |Re|)',
              Math.max(...Array.from(full.im, Math.abs)) / s,
              1e-13,
              where,
            );
            check(
              's4dKernel = full conjugate system',
              s4dKernel(Lambda, B, C, dt, L, disc),
              full.re,
              1e-11,
              where,
            );
          }
        }
      }
    },
  );

  it('zoh at λ = 0 gives B̄ = ΔB (and is continuous as λ → 0)', () => {
    const dt = 0.3;
    const zero = complex([0], [0]);
    const one = complex([1], [0]);
    check(
      's4dKernel zoh λ=0: K = 2Δ',
      s4dKernel(zero, one, one, dt, 5, 'zoh'),
      new Array(5).fill(2 * dt),
      1e-15,
      'B=C=1',
    );
    const B = complex([0.7], [-0.4]);
    const C = complex([-1.3], [0.25]);
    // 2 Re(C Δ B)
    const k = 2 * dt * (C.re[0]! * B.re[0]! - C.im[0]! * B.im[0]!);
    check(
      's4dKernel zoh λ=0: K = 2 Re(C Δ B)',
      s4dKernel(zero, B, C, dt, 3, 'zoh'),
      [k, k, k],
      1e-15,
      'complex B, C',
    );
    for (const eps of [1e-6, 1e-10, 1e-14]) {
      const tiny = complex([-eps], [eps]);
      check(
        's4dKernel zoh λ→0 continuous',
        s4dKernel(tiny, B, C, dt, 3, 'zoh'),
        [k, k, k],
        10 * eps + 1e-15,
        `λ=${eps}(−1+i)`,
      );
    }
  });

  it.each([2, 4, 8, 16, 64])(
    "s4dInit('legs', N) = the negative-imaginary half of nplr(N).Lambda, N = %i",
    (N) => {
      const init = s4dInit('legs', N);
      const { Lambda } = nplr(N);
      const idx = Array.from({ length: N }, (_, i) => i).filter((i) => Lambda.im[i]! < 0);
      expect(idx.length).toBe(N / 2);
      expect(init.re.length).toBe(N / 2);
      const half = complex(
        idx.map((i) => Lambda.re[i]!),
        idx.map((i) => Lambda.im[i]!),
      );
      checkSet("s4dInit('legs') = Im<0 half of nplr Λ", init, half, 1e-15, `N=${N}`);
      for (let i = 0; i < N / 2; i++) expect(init.im[i]).toBeLessThan(0);
    },
  );
});

// ------------------------------------------------------------------------------------------------
describe('hippoReconstruct recovers polynomials from their exact HiPPO coefficients (REFERENCE §1)', () => {
  const grid = Float64Array.from({ length: 41 }, (_, i) => i / 40);

  /** Random polynomial p(s) = Σ_k q_k s^k of degree < N (ascending q). */
  function randomPoly(seed: number, N: number): Float64Array {
    return randn(rng(seed), N);
  }

  /** ∫_0^1 f(s) ds by m-point Gauss–Legendre. */
  function integrate01(f: (s: number) => number, m: number): number {
    const { x, w } = gaussLegendre(m);
    let s = 0;
    for (let i = 0; i < m; i++) s += 0.5 * w[i]! * f((x[i]! + 1) / 2);
    return s;
  }

  it.each([1, 2, 5, 10, 16])('legs/legt (paper and blog), lmu: N = %i', (N) => {
    const q = randomPoly(13_000 + N, N);
    const p = (s: number): number => polyvalAsc(q, s);
    const truth = grid.map(p);
    const m = N + 2;
    // paper: c_n = ∫_0^1 p(s) √(2n+1) P_n(2s − 1) ds (probability measure on the window)
    const paper = Float64Array.from({ length: N }, (_, n) =>
      integrate01((s) => p(s) * Math.sqrt(2 * n + 1) * legendreUpTo(n, 2 * s - 1)[n]!, m),
    );
    for (const measure of ['legs', 'legt'] as const) {
      check(
        `hippoReconstruct ${measure} paper = p`,
        hippoReconstruct(measure, paper, grid),
        truth,
        1e-12,
        `N=${N}`,
      );
      check(
        `hippoReconstruct ${measure} blog (c √2) = p`,
        hippoReconstruct(measure, scale(paper, Math.SQRT2), grid, { normalization: 'blog' }),
        truth,
        1e-12,
        `N=${N}`,
      );
    }
    // lmu: basis P_n(1 − 2s), c_n = (2n+1) ∫_0^1 p(s) P_n(1 − 2s) ds
    const lmu = Float64Array.from({ length: N }, (_, n) =>
      integrate01((s) => p(s) * (2 * n + 1) * legendreUpTo(n, 1 - 2 * s)[n]!, m),
    );
    check('hippoReconstruct lmu = p', hippoReconstruct('lmu', lmu, grid), truth, 1e-12, `N=${N}`);
  });

  it.each([1, 2, 5, 10])(
    'lagt: c_n = ∫_0^∞ p(s) L_n(s) e^{−s} ds by exact moments k!, N = %i',
    (N) => {
      const q = randomPoly(13_100 + N, N);
      const ages = Float64Array.from({ length: 41 }, (_, i) => i / 4);
      const truth = ages.map((s) => polyvalAsc(q, s));
      const c = new Float64Array(N);
      for (let n = 0; n < N; n++) {
        const l = laguerreCoefficients(n);
        // ∫ s^{j+k} e^{−s} ds = (j+k)!
        for (let j = 0; j < q.length; j++)
          for (let k = 0; k < l.length; k++) {
            let f = 1;
            for (let t = 2; t <= j + k; t++) f *= t;
            c[n]! += q[j]! * l[k]! * f;
          }
      }
      check('hippoReconstruct lagt = p', hippoReconstruct('lagt', c, ages), truth, 1e-10, `N=${N}`);
    },
  );

  it.each([2, 4, 8, 16])(
    'fout: a trigonometric polynomial of degree < N/2 is recovered, N = %i',
    (N) => {
      const r = rng(13_200 + N);
      const K = N / 2 - 1; // frequencies 1 … K
      const a0 = r.normal();
      const al = randn(r, K);
      const be = randn(r, K);
      const f = (s: number): number => {
        let y = a0;
        for (let k = 1; k <= K; k++)
          y +=
            Math.SQRT2 *
            (al[k - 1]! * Math.cos(2 * Math.PI * k * s) -
              be[k - 1]! * Math.sin(2 * Math.PI * k * s));
        return y;
      };
      // project with the uniform rule (exact for trigonometric polynomials of degree < m)
      const m = 4 * N;
      const c = new Float64Array(N);
      for (let j = 0; j < m; j++) {
        const s = j / m;
        const v = f(s) / m;
        c[0]! += v;
        for (let k = 1; k <= K; k++) {
          c[2 * k]! += v * Math.SQRT2 * Math.cos(2 * Math.PI * k * s);
          c[2 * k + 1]! += -v * Math.SQRT2 * Math.sin(2 * Math.PI * k * s);
        }
      }
      check(
        'fout projection = chosen coefficients',
        c.subarray(2).filter((_, i) => i % 2 === 0),
        al,
        1e-13,
        `N=${N}`,
      );
      check(
        'hippoReconstruct fout = f',
        hippoReconstruct('fout', c, grid),
        grid.map(f),
        1e-12,
        `N=${N}`,
      );
    },
  );

  it('legsRun exact of a constant input reconstructs that constant on the whole window', () => {
    for (const N of [1, 4, 12]) {
      const u = new Float64Array(30).fill(-1.75);
      const X = legsRun(N, u, 'exact');
      const x = X.subarray(29 * N, 30 * N);
      check(
        'reconstruct(legsRun(const)) = const',
        hippoReconstruct('legs', x, grid),
        grid.map(() => -1.75),
        TOL_EIG,
        `N=${N}`,
      );
    }
  });
});
