import { english, type Msg } from '../../state/i18n';
import { describe, expect, it } from 'vitest';
import { hippo, discretize, kernel, polyRoots, rtfImpulse, rtfKernel } from '../../core/index';
import {
  companionCheckOf,
  rtfKernelsOf,
  rtfPolesOf,
  rtfSystemOf,
  rtfZerosOf,
  s4ToRtf,
} from '../../state/derived.rtf';
import {
  errorPath,
  errorScale,
  formatCoeffs,
  handlesOf,
  kernelPath,
  maxAbsDiff,
  montelOf,
  montelWords,
  movePole,
  moveZero,
  pairRoots,
  parseCoeffs,
  placeRoot,
  polyFromRoots,
  stabilityOf,
  tapPixels,
  tapScale,
  transferTex,
  type Root,
} from './rtf.model';

const A0 = [-1.1, 0.03, 0.135];
const B0 = [0.5, -0.2, 0.1];

function sortedRoots(r: Root[]): number[][] {
  return r.map((q) => [q.re, q.im]).sort((p, q) => p[0]! - q[0]! || p[1]! - q[1]!);
}
function expectSameRoots(a: Root[], b: Root[], tol = 1e-7) {
  expect(a.length).toBe(b.length);
  const x = sortedRoots(a);
  const y = sortedRoots(b);
  x.forEach((p, i) => {
    expect(Math.abs(p[0]! - y[i]![0]!)).toBeLessThan(tol);
    expect(Math.abs(p[1]! - y[i]![1]!)).toBeLessThan(tol);
  });
}

describe('roots as handles', () => {
  it('pairRoots finds the default poles 0.9, 0.5, −0.3 as real roots and polyFromRoots rebuilds a', () => {
    const roots = pairRoots(polyRoots(Float64Array.from(A0)));
    expect(roots.map((r) => r.pair)).toEqual([false, false, false]);
    expect(roots.map((r) => +r.re.toFixed(9))).toEqual([-0.3, 0.5, 0.9]);
    const a = polyFromRoots(roots);
    A0.forEach((v, i) => expect(a[i]).toBeCloseTo(v, 12));
  });

  it('a conjugate pair is one root with two handles, and rebuilds real coefficients', () => {
    const roots: Root[] = [
      { re: 0.5, im: 0.5, pair: true },
      { re: -0.3, im: 0, pair: false },
    ];
    const a = polyFromRoots(roots);
    expect(a.length).toBe(3);
    const back = pairRoots(polyRoots(a));
    expectSameRoots(back, roots);
    const h = handlesOf('pole', back);
    expect(h.length).toBe(3);
    expect(h.filter((q) => q.pair).map((q) => Math.sign(q.im))).toEqual([1, -1]);
  });

  it('placeRoot keeps reals real and pairs complex (mirrored from the lower half)', () => {
    expect(placeRoot({ re: 0, im: 0, pair: false }, 0.4, 0.7)).toEqual({
      re: 0.4,
      im: 0,
      pair: false,
    });
    expect(placeRoot({ re: 0, im: 0.2, pair: true }, 0.4, -0.7)).toEqual({
      re: 0.4,
      im: 0.7,
      pair: true,
    });
    expect(placeRoot({ re: 0, im: 0.2, pair: true }, 0.4, 0).im).toBeGreaterThan(0);
  });
});

describe('dragging rewrites the coefficients consistently', () => {
  it('paper: moving a pole sets a = poly(poles) and keeps the zeros and h0 (b = c − h0·a)', () => {
    const sys = rtfSystemOf(A0, B0, 0.3);
    const z = rtfZerosOf(sys, 'paper');
    const poles = pairRoots(rtfPolesOf(sys));
    const i = poles.findIndex((p) => Math.abs(p.re - 0.9) < 1e-9);
    const next = movePole(sys, z, poles, i, { re: 0.95, im: 0, pair: false }, 'paper');
    expect(next.rtfH0).toBe(0.3);
    const sys2 = rtfSystemOf(next.rtfA, next.rtfB, next.rtfH0);
    expectSameRoots(pairRoots(rtfPolesOf(sys2)), [
      { re: -0.3, im: 0, pair: false },
      { re: 0.5, im: 0, pair: false },
      { re: 0.95, im: 0, pair: false },
    ]);
    expectSameRoots(pairRoots(rtfZerosOf(sys2, 'paper').zeros), pairRoots(z.zeros), 1e-6);
  });

  it('paper: moving a zero keeps a, h0 and the gain; the zero lands where it was put', () => {
    const sys = rtfSystemOf(A0, B0, 0.3);
    const z = rtfZerosOf(sys, 'paper');
    const zeros = pairRoots(z.zeros);
    const to = placeRoot(zeros[0]!, -0.2, 0.3);
    const next = moveZero(sys, z, zeros, 0, to, 'paper');
    expect(next.rtfA).toEqual(A0);
    const sys2 = rtfSystemOf(next.rtfA, next.rtfB, next.rtfH0);
    const z2 = rtfZerosOf(sys2, 'paper');
    expect(z2.gain).toBeCloseTo(z.gain, 12);
    const found = pairRoots(z2.zeros).some(
      (r) => Math.abs(r.re - to.re) < 1e-6 && Math.abs(r.im - to.im) < 1e-6,
    );
    expect(found).toBe(true);
  });

  it('blog: zeros are the roots of b plus a fixed zero at 0; moving one rewrites b only', () => {
    const sys = rtfSystemOf(A0, B0, 0.3);
    const z = rtfZerosOf(sys, 'blog');
    expect(z.fixedAtOrigin).toBe(true);
    expect(z.zeros.re.length).toBe(2); // b(z) = 0.5 z² − 0.2 z + 0.1
    const zeros = pairRoots(z.zeros);
    const next = moveZero(sys, z, zeros, 0, { re: 0.1, im: 0.6, pair: true }, 'blog');
    expect(next.rtfA).toEqual(A0);
    expect(next.rtfB[0]).toBeCloseTo(0.5, 12);
    expect(next.rtfB[1]).toBeCloseTo(-0.5 * 0.2, 9);
    expect(next.rtfB[2]).toBeCloseTo(0.5 * (0.01 + 0.36), 9);
    const poles = pairRoots(rtfPolesOf(sys));
    const moved = movePole(sys, z, poles, 0, { re: -0.1, im: 0, pair: false }, 'blog');
    expect(moved.rtfB).toEqual(B0);
  });

  it('h0 = 0 in the paper convention leaves one zero at infinity and keeps it there', () => {
    const sys = rtfSystemOf(A0, B0, 0);
    const z = rtfZerosOf(sys, 'paper');
    expect(z.lead).toBe(1);
    expect(z.atInfinity).toBe(1);
    expect(z.zeros.re.length).toBe(2);
    const next = moveZero(sys, z, pairRoots(z.zeros), 0, { re: 0.2, im: 0.4, pair: true }, 'paper');
    expect(next.rtfH0).toBe(0);
    expect(next.rtfB[0]).toBeCloseTo(0.5, 12);
  });

  it('pads the shorter coefficient array with zeros and says which', () => {
    const sys = rtfSystemOf([0.5], [1, 2], 0);
    expect(sys.n).toBe(2);
    expect(Array.from(sys.a)).toEqual([0.5, 0]);
    expect(sys.padded).toBe('a');
  });
});

describe('Montel bound and stability', () => {
  it('Σ|a| = 1.265 gives no guarantee, yet the default poles are inside: sufficient, not necessary', () => {
    const sys = rtfSystemOf(A0, B0, 0.3);
    const m = montelOf(sys.a);
    expect(m.sum).toBeCloseTo(1.265, 12);
    expect(m.guaranteed).toBe(false);
    const s = stabilityOf(rtfPolesOf(sys));
    expect(s.stable).toBe(true);
    expect(s.radius).toBeCloseTo(0.9, 9);
    expect(english(montelWords(m, s))).toMatch(/stable without the bound’s guarantee/);
  });

  it('flags poles with |p| ≥ 1 and guarantees stability when Σ|a| < 1', () => {
    const s = stabilityOf(polyRoots(Float64Array.of(-1.02)));
    expect(s.stable).toBe(false);
    expect(s.unstable[0]!.mod).toBeCloseTo(1.02, 12);
    expect(montelOf(Float64Array.of(0.2, -0.3)).guaranteed).toBe(true);
  });
});

describe('state-free kernel, aliasing and the correction', () => {
  it('paper: the FFT kernel is aliased by Σ h_{t+mL}; b̃ makes taps 1…L−1 exact, tap 0 carries h_L', () => {
    const L = 16;
    const sys = rtfSystemOf(A0, B0, 0.3);
    const k = rtfKernelsOf(sys, L, 'paper');
    expect(k.error).toBeNull();
    const long = rtfImpulse(sys.a, sys.b, sys.h0, 40 * L);
    for (let t = 0; t < L; t++) {
      let s = 0;
      for (let m = 1; m < 40; m++) s += long[t + m * L]!;
      expect(k.fft![t]! - k.exact[t]!).toBeCloseTo(s, 12);
    }
    expect(maxAbsDiff(k.fft!, k.exact)).toBeGreaterThan(0.03);
    expect(maxAbsDiff(k.corrected!, k.exact, 1)).toBeLessThan(1e-13);
    expect(k.corrected![0]! - k.exact[0]!).toBeCloseTo(k.h[L]!, 13);
    expect(Array.from(k.fft!)).toEqual(Array.from(rtfKernel(sys.a, sys.b, sys.h0, L)));
  });

  it('blog: the corrected kernel equals h_1 … h_L on every tap', () => {
    const L = 16;
    const sys = rtfSystemOf(A0, B0, 0.3);
    const k = rtfKernelsOf(sys, L, 'blog');
    expect(maxAbsDiff(k.corrected!, k.exact)).toBeLessThan(1e-13);
    expect(k.exact[0]).toBeCloseTo(0.5, 14);
  });

  it('a pole at z = 1 (a root of unity) becomes words, not an exception', () => {
    const sys = rtfSystemOf([-1], [1], 0);
    const k = rtfKernelsOf(sys, 64, 'paper');
    expect(k.fft).toBeNull();
    expect(english(k.error!)).toMatch(/unit circle/);
    expect(k.exact.every(Number.isFinite)).toBe(true);
  });

  it('kernel(companion(a, b, h0)) equals the impulse response after h0', () => {
    const c = companionCheckOf(rtfSystemOf(A0, B0, 0.3), 2048);
    expect(c.maxAbs).toBeLessThan(1e-14);
    expect(c.D).toBe(0.3);
  });
});

describe('S4 → RTF', () => {
  const disc = (N: number, dt: number) => {
    const C = Float64Array.from({ length: N }, (_, i) => Math.cos(i + 1) / Math.sqrt(N));
    return discretize({ ...hippo('legs', N), C }, dt, 'bilinear');
  };
  it('converts a small S4 system whose RTF response after h0 is the S4 kernel', () => {
    const d = disc(4, 0.1);
    const r = s4ToRtf(d, 256);
    expect(r.ok).toBe(true);
    expect(r.a!.length).toBe(4);
    expect(r.h0).toBe(0);
    expect(r.kernelMatch!).toBeLessThan(1e-12);
    const K = kernel(d, 256);
    const h = rtfImpulse(Float64Array.from(r.a!), Float64Array.from(r.b!), 0, 257);
    expect(maxAbsDiff(K, h.subarray(1))).toBeLessThan(1e-12);
  });
  it('refuses N > 32 and coefficients outside ±100, in words', () => {
    expect(english(s4ToRtf(disc(40, 0.01), 64).message)).toMatch(/N ≤ 32/);
    const r = s4ToRtf(disc(16, 0.01), 64);
    expect(r.ok).toBe(false);
    expect(english(r.message)).toMatch(/±100/);
  });
});

describe('words, parsing, paths', () => {
  it('parses and formats coefficient lists', () => {
    expect(parseCoeffs('0.5, −0.2 0.1')).toEqual([0.5, -0.2, 0.1]);
    const words = (r: number[] | Msg) => (Array.isArray(r) ? '' : english(r));
    expect(words(parseCoeffs(''))).toMatch(/at least one/);
    expect(words(parseCoeffs('1, x'))).toMatch(/not a number/);
    expect(words(parseCoeffs('1, 200'))).toMatch(/outside/);
    expect(formatCoeffs([0.5, -0.2])).toBe('0.5, -0.2');
  });

  it('paths never contain NaN, even for overflowing responses', () => {
    const v = Float64Array.from({ length: 300 }, (_, k) => (k > 200 ? Infinity : 1.5 ** k));
    const x = tapPixels(300, 500);
    expect(x[299]).toBeCloseTo(tapScale(300, 500)(299), 12);
    const y = (q: number) => 200 - q / 1e10;
    const d = kernelPath(v, x, y, 200);
    expect(d).not.toMatch(/NaN|Infinity/);
    const e = errorPath(v, new Float64Array(300), x, errorScale(100, 1));
    expect(e).not.toMatch(/NaN|Infinity/);
    expect(d.length).toBeGreaterThan(10);
  });

  it('writes H(z) with the live coefficients', () => {
    const t = transferTex(rtfSystemOf(A0, B0, 0.3), 'paper');
    expect(t).toContain('0.3+');
    expect(t).toContain('1.1\\,z^{-1}');
    expect(t).toContain('0.135\\,z^{-3}');
    expect(transferTex(rtfSystemOf(A0, B0, 0.3), 'blog')).toContain('\\tilde b');
  });
});
