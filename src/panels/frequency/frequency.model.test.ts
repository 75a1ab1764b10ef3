/**
 * Frequency panel: the exact evaluation 2C(αI − βA)⁻¹B against two independent routes — the
 * FFT of a long core kernel (bins where the kernel has decayed) and a dense complex solve of
 * C(I − zĀ)⁻¹B̄ with core.discretize's Ā, B̄ — for every measure; the DC gain; the unwrapped
 * phase; readouts, domains, ticks and paths.
 */
import { describe, expect, it } from 'vitest';
import { discretize, fft, hippo, kernel, type Measure } from '../../core/index';
import { readoutOf } from '../../state/derived';
import {
  bilinearOf,
  omegaGrid,
  omegaMin,
  responseOf,
  transferOf,
  unwrap,
} from '../../state/derived.kernels';
import {
  dbDomain,
  decadeText,
  frequencyTex,
  nearestIndex,
  phaseDomain,
  phaseTicks,
  piText,
  readoutsOf,
  responsePath,
  toDb,
} from './frequency.model';

const MEASURES: Measure[] = ['legs', 'legt', 'lmu', 'lagt', 'fout'];

/** C (I − zĀ)⁻¹ B̄ by dense complex Gaussian elimination (independent of the panel's solver). */
function denseH(
  measure: Measure,
  N: number,
  theta: number,
  dt: number,
  w: number,
): [number, number] {
  const n = measure === 'fout' && N % 2 ? N - 1 : N;
  const C = readoutOf(n, 5);
  const d = discretize({ ...hippo(measure, n, { theta }), C }, dt, 'bilinear');
  const zr = Math.cos(w);
  const zi = -Math.sin(w);
  // M = I − zĀ, rhs B̄ — as a real 2n×2n system [[Re, −Im], [Im, Re]].
  const m = 2 * n;
  const M = Array.from({ length: m }, () => new Float64Array(m + 1));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const ar = (i === j ? 1 : 0) - zr * d.Ab[i * n + j]!;
      const ai = -zi * d.Ab[i * n + j]!;
      M[i]![j] = ar;
      M[i]![j + n] = -ai;
      M[i + n]![j] = ai;
      M[i + n]![j + n] = ar;
    }
    M[i]![m] = d.Bb[i]!;
  }
  for (let k = 0; k < m; k++) {
    let p = k;
    for (let i = k + 1; i < m; i++) if (Math.abs(M[i]![k]!) > Math.abs(M[p]![k]!)) p = i;
    [M[k], M[p]] = [M[p]!, M[k]!];
    for (let i = k + 1; i < m; i++) {
      const f = M[i]![k]! / M[k]![k]!;
      for (let j = k; j <= m; j++) M[i]![j]! -= f * M[k]![j]!;
    }
  }
  const x = new Float64Array(m);
  for (let i = m - 1; i >= 0; i--) {
    let s = M[i]![m]!;
    for (let j = i + 1; j < m; j++) s -= M[i]![j]! * x[j]!;
    x[i] = s / M[i]![i]!;
  }
  let hr = 0;
  let hi = 0;
  for (let i = 0; i < n; i++) {
    hr += C[i]! * x[i]!;
    hi += C[i]! * x[i + n]!;
  }
  return [hr, hi];
}

describe('transferOf: exact H(e^{iω}) of the bilinear system', () => {
  for (const measure of MEASURES) {
    it(`${measure}: equals a dense solve of C(I − zĀ)⁻¹B̄, and the FFT of a long kernel`, () => {
      const N = 10;
      const theta = 0.8;
      const dt = 0.05;
      const tf = transferOf(measure, N, theta, 'paper', 5);
      const omegas = [0, 1e-3, 0.2, 1.1, 2.9, Math.PI];
      const H = tf.evaluate(omegas, dt);
      omegas.forEach((w, j) => {
        if (measure === 'fout' && w === 0) return; // I − Ā singular on the decoupled state
        const [hr, hi] = denseH(measure, N, theta, dt, w);
        const scale = Math.max(1, Math.hypot(hr, hi));
        expect(Math.abs(H.re[j]! - hr) / scale).toBeLessThan(1e-10);
        expect(Math.abs(H.im[j]! - hi) / scale).toBeLessThan(1e-10);
      });
      // FFT of the kernel, zero-padded: K has decayed by k = P (LΔ = 409.6).
      const P = 8192;
      const K = kernel(bilinearOf(measure, N, theta, 'paper', dt, 5), P);
      const F = fft(K, new Float64Array(P));
      const bins = [0, 3, 100, 2048, 4096];
      const Hb = tf.evaluate(
        bins.map((b) => (2 * Math.PI * b) / P),
        dt,
      );
      bins.forEach((b, j) => {
        const scale = Math.max(1e-3, Math.hypot(F.re[b]!, F.im[b]!));
        expect(Math.hypot(Hb.re[j]! - F.re[b]!, Hb.im[j]! - F.im[b]!) / scale).toBeLessThan(1e-8);
      });
      // DC gain −CA⁻¹B = Σ K_k (bilinear keeps it).
      let sum = 0;
      for (const v of K) sum += v;
      expect(tf.dc).toBeCloseTo(sum, 10);
    });
  }

  it('LegS DC gain is C_0 for every Δ (A⁻¹B = −e_0: constants are remembered exactly)', () => {
    const tf = transferOf('legs', 64, 1, 'paper', 1);
    expect(tf.dc).toBeCloseTo(readoutOf(64, 1)[0]!, 12);
    expect(tf.evaluate([0], 0.3).re[0]).toBeCloseTo(tf.dc, 12);
  });

  it('at ω = π the gain is (Δ/2)·CB (bilinear maps s = ∞ there)', () => {
    const tf = transferOf('legs', 16, 1, 'blog', 2);
    const { B } = hippo('legs', 16, { normalization: 'blog' });
    const C = readoutOf(16, 2);
    let cb = 0;
    for (let i = 0; i < 16; i++) cb += C[i]! * B[i]!;
    const h = tf.evaluate([Math.PI], 0.02);
    expect(h.re[0]).toBeCloseTo(0.01 * cb, 12);
    expect(Math.abs(h.im[0]!)).toBeLessThan(1e-12);
  });
});

describe('responseOf', () => {
  it('log grid from a decade under Δ to π, phase unwrapped (no jump > π), finite', () => {
    const r = responseOf('legs', 64, 1, 'paper', 1, 0.01, 'log');
    expect(r.omega[0]).toBeCloseTo(omegaMin(0.01), 12);
    expect(r.omega[r.omega.length - 1]).toBe(Math.PI);
    for (let j = 1; j < r.omega.length; j++) {
      expect(r.omega[j]!).toBeGreaterThan(r.omega[j - 1]!);
      expect(Math.abs(r.phase[j]! - r.phase[j - 1]!)).toBeLessThan(Math.PI);
    }
    expect([...r.re, ...r.im, ...r.phase].every(Number.isFinite)).toBe(true);
    expect(r.dc).toBe(transferOf('legs', 64, 1, 'paper', 1).dc);
  });

  it('linear grid starts at 0; dense measures use fewer points', () => {
    const r = responseOf('legt', 64, 1, 'paper', 1, 0.01, 'linear');
    expect(r.omega[0]).toBe(0);
    expect(r.omega.length).toBeLessThan(200);
    expect(omegaGrid('linear', 0.1, 5)[4]).toBe(Math.PI);
  });

  it('unwrap folds 2π jumps', () => {
    const ph = [3, -3, 2.9, -3.1];
    const re = ph.map(Math.cos);
    const im = ph.map(Math.sin);
    const u = unwrap(re, im);
    for (let j = 1; j < u.length; j++) expect(Math.abs(u[j]! - u[j - 1]!)).toBeLessThan(Math.PI);
    expect(u[1]).toBeCloseTo(-3 + 2 * Math.PI, 12);
  });
});

describe('readouts and drawing', () => {
  it('readoutsOf: DC, peak, −3 dB point (interpolated), Nyquist', () => {
    const omega = [0.01, 0.1, 1, Math.PI];
    const db = [0, -1, -5, -20];
    const r = readoutsOf(omega, db, [0, -0.1, -1, -2], 1);
    expect(r.dcDb).toBe(0);
    expect(r.peakDb).toBe(0);
    expect(r.peakOmega).toBe(0.01);
    // −3 dB between ω = 0.1 (−1 dB) and 1 (−5 dB), halfway in log ω.
    expect(r.cutoffOmega).toBeCloseTo(Math.sqrt(0.1), 12);
    expect(r.nyquistDb).toBe(-20);
    expect(r.nyquistPhase).toBe(-2);
  });

  it('toDb, domains and ticks', () => {
    const db = toDb([1, 0, 0.1], [0, 0, 0]);
    expect(db[0]).toBe(0);
    expect(db[1]).toBe(-Infinity);
    expect(db[2]).toBeCloseTo(-20, 12);
    expect(dbDomain(db)).toEqual([-20, 10]);
    expect(dbDomain([NaN])).toEqual([-60, 0]);
    const pd = phaseDomain([0, -7]);
    expect(pd[0]).toBeLessThanOrEqual(-7);
    expect(phaseTicks(pd).length).toBeLessThanOrEqual(7);
    expect(piText(Math.PI)).toBe('π');
    expect(piText(-Math.PI / 2)).toBe('−π/2');
    expect(piText(-3 * Math.PI)).toBe('−3π');
    expect(piText(0)).toBe('0');
    expect(decadeText(1e-4)).toBe('10⁻⁴');
    expect(decadeText(0.01)).toBe('0.01');
    expect(decadeText(1)).toBe('1');
  });

  it('responsePath floors −∞, breaks at NaN, never writes NaN', () => {
    const d = responsePath(
      [1, 2, 3, 4],
      [0, -Infinity, NaN, 1],
      (w) => w * 10,
      (v) => -v,
      -50,
    );
    expect(d).toBe('M10,0L20,50M40,-1');
    expect(d).not.toMatch(/NaN|Infinity/);
    expect(nearestIndex([0.1, 0.2, 0.4], 0.31)).toBe(2);
  });

  it('frequencyTex binds 2/Δ and H(1)', () => {
    const t = frequencyTex(0.01, 0.0903557);
    expect(t).toContain('200(1-e^{-i\\omega})');
    expect(t).toContain('0.09036');
  });
});
