import { describe, expect, it } from 'vitest';
import {
  hippoReconstruct,
  MEASURES,
  signalPreset,
  type Measure,
  type Normalization,
} from '../../core/index';
import { effectiveN, statesOf } from '../../state/derived';
import { memoryView, RECON_POINTS } from '../signal/signal.model';
import {
  basisArgument,
  basisGrid,
  basisTerms,
  gridSize,
  nearestTerm,
  termRange,
  spreadLabels,
  strongest,
  truncationErrors,
  truncationIsExact,
  windowGrid,
  windowStart,
  windowView,
} from './basis.model';

const L = 512;
const dt = 0.01;
const theta = 1;
const u = signalPreset('sines', L, 1);

function viewOf(measure: Measure, N: number, k: number, normalization: Normalization = 'paper') {
  const st = statesOf(measure, N, theta, normalization, dt, 'bilinear', u);
  return memoryView(measure, normalization, theta, dt, u, st.X, st.N, k);
}

describe('basisTerms', () => {
  it.each(MEASURES.map((m) => [m]))(
    'the sum of the N terms of %s equals core hippoReconstruct on the grid',
    (measure) => {
      const N = effectiveN(measure, 12);
      const v = viewOf(measure, N, 300);
      const span = v.end - v.start;
      const grid = basisGrid(measure, N, 'paper', gridSize(N), span);
      const { sum } = basisTerms(grid, v.coeffs);
      const s = Float64Array.from(grid.s, (sj) => basisArgument(measure, sj, span));
      const ref = hippoReconstruct(measure, v.coeffs, s, { theta });
      for (let j = 0; j < grid.G; j++) expect(sum[j]).toBeCloseTo(ref[j]!, 12);
    },
  );

  it('on the signal panel grid the sum is bit-identical to its reconstruction', () => {
    const N = 32;
    expect(gridSize(N)).toBe(RECON_POINTS);
    for (const measure of ['legs', 'legt', 'lmu'] as const) {
      const v = viewOf(measure, N, 400);
      const grid = basisGrid(measure, N, 'paper', RECON_POINTS, 0);
      const { sum } = basisTerms(grid, v.coeffs);
      expect(Array.from(sum)).toEqual(Array.from(v.recon));
    }
  });

  it('rms, range and ranking of the terms x_n φ_n, from the grid without forming the terms', () => {
    const N = 8;
    const v = viewOf('legs', N, 200);
    const grid = basisGrid('legs', N, 'paper', gridSize(N), 0);
    const t = basisTerms(grid, v.coeffs);
    for (let n = 0; n < N; n++) {
      const term = Array.from(
        { length: grid.G },
        (_, j) => v.coeffs[n]! * grid.phi[n * grid.G + j]!,
      );
      const ms = term.reduce((a, x) => a + x * x, 0) / grid.G;
      expect(t.rms[n]!).toBeCloseTo(Math.sqrt(ms), 14);
      expect(termRange(grid, v.coeffs, n)).toEqual([Math.min(...term), Math.max(...term)]);
    }
    const top = strongest(t.rms, 3);
    expect(top).toHaveLength(3);
    for (let n = 0; n < N; n++)
      if (!top.includes(n)) expect(t.rms[n]!).toBeLessThanOrEqual(t.rms[top[2]!]!);
  });

  it('the paper basis is orthonormal on the window: rms of φ_n is about 1 (legs, legt, fout)', () => {
    for (const measure of ['legs', 'legt', 'fout'] as const) {
      const N = 8;
      const grid = basisGrid(measure, N, 'paper', 1025, 0);
      const ones = new Float64Array(N).fill(1);
      const { rms } = basisTerms(grid, ones);
      for (let n = 0; n < N; n++) {
        if (measure === 'fout' && n % 2 === 1 && n < 2) continue; // the dummy state φ_1 ≡ 0
        if (measure === 'fout' && n === 1) continue;
        expect(rms[n]).toBeCloseTo(1, 1);
      }
    }
  });

  it('LagT is evaluated at the age: s = 1 (now) is age 0, s = 0 is the span', () => {
    expect(basisArgument('lagt', 1, 8)).toBe(0);
    expect(basisArgument('lagt', 0, 8)).toBe(8);
    expect(basisArgument('legs', 0.25, 8)).toBe(0.25);
  });
});

describe('truncationErrors', () => {
  it.each(MEASURES.map((m) => [m]))(
    'with all N terms it is exactly the signal panel MSE (%s)',
    (measure) => {
      const N = effectiveN(measure, 16);
      const v = viewOf(measure, N, 350);
      const e = truncationErrors(measure, 'paper', v);
      expect(e).toHaveLength(N);
      expect(e[N - 1]).toBe(v.mse);
    },
  );

  it('for LegS the first m of N coefficients are exactly the m-state memory', () => {
    const N = 24;
    const v = viewOf('legs', N, 420);
    const e = truncationErrors('legs', 'paper', v);
    for (const m of [1, 5, 12]) {
      const vm = viewOf('legs', m, 420);
      expect(Array.from(vm.coeffs)).toEqual(Array.from(v.coeffs.subarray(0, m)));
      expect(e[m - 1]).toBe(vm.mse);
    }
    expect(truncationIsExact('legs')).toBe(true);
    expect(truncationIsExact('lagt')).toBe(true);
  });

  it('for LegT the truncation differs from an m-state LegT (the closure couples them)', () => {
    const N = 24;
    const m = 8;
    const v = viewOf('legt', N, 420);
    const vm = viewOf('legt', m, 420);
    const e = truncationErrors('legt', 'paper', v);
    expect(Math.abs(e[m - 1]! - vm.mse) / vm.mse).toBeGreaterThan(1e-6);
    expect(truncationIsExact('legt')).toBe(false);
  });

  it('a constant input is reproduced by the first term alone (LegS)', () => {
    const c = new Float64Array(256).fill(0.7);
    const st = statesOf('legs', 10, 1, 'paper', dt, 'zoh', c);
    const v = memoryView('legs', 'paper', 1, dt, c, st.X, 10, 200);
    const e = truncationErrors('legs', 'paper', v);
    for (let m = 0; m < 10; m++) expect(e[m]!).toBeLessThan(1e-20);
  });

  it('the error is finite, non-negative and falls from 1 term to N terms for a smooth signal', () => {
    const v = viewOf('legs', 32, 500);
    const e = truncationErrors('legs', 'paper', v);
    for (const x of e) {
      expect(Number.isFinite(x)).toBe(true);
      expect(x).toBeGreaterThanOrEqual(0);
    }
    expect(e[31]!).toBeLessThan(e[0]! / 10);
  });
});

describe('spreadLabels', () => {
  it('keeps labels at least gap apart, in bounds, in their original order of y', () => {
    const out = spreadLabels([50, 52, 10, 51], 11, 0, 100);
    const sorted = [...out].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++)
      expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThanOrEqual(11 - 1e-12);
    for (const y of out) {
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(100);
    }
    expect(out[2]).toBe(10);
    expect(out[0]).toBe(50);
    expect(spreadLabels([99, 100], 11, 0, 100)).toEqual([89, 100]);
    expect(spreadLabels([NaN, 40], 11, 0, 100)).toEqual([0, 40]);
  });
});

describe('nearestTerm', () => {
  it('picks the term x_n φ_n whose value at the column is nearest', () => {
    const grid = basisGrid('legs', 3, 'paper', 3, 0);
    grid.phi.set([0, 0, 0, 1, 1, 1, -1, -1, -1]);
    const coeffs = Float64Array.from([5, 1, 2]);
    expect(nearestTerm(grid, coeffs, 1, 0.8)).toBe(1);
    expect(nearestTerm(grid, coeffs, 5, -1.5)).toBe(2);
    expect(nearestTerm(grid, coeffs, -4, 0.1)).toBe(0);
  });
});

describe('windowView (the cached-grid memoryView)', () => {
  it.each(MEASURES.map((m) => [m]))(
    'equals the signal panel memoryView bit for bit, and errs = truncationErrors (%s)',
    (measure) => {
      const N = effectiveN(measure, 20);
      for (const k of [0, 50, 480]) {
        const st = statesOf(measure, N, theta, 'blog', dt, 'bilinear', u);
        const ref = memoryView(measure, 'blog', theta, dt, u, st.X, N, k);
        const t = (k + 1) * dt;
        const start = windowStart(measure, t, theta);
        const grid =
          measure === 'lagt'
            ? windowGrid(measure, N, 'blog', start, t)
            : windowGrid(measure, N, 'blog', 0, 1);
        const v = windowView(measure, theta, dt, u, st.X, N, k, grid);
        expect(v.t).toBe(ref.t);
        expect(v.start).toBe(ref.start);
        expect(Array.from(v.times)).toEqual(Array.from(ref.times));
        expect(Array.from(v.recon)).toEqual(Array.from(ref.recon));
        expect(Array.from(v.truth)).toEqual(Array.from(ref.truth));
        expect(Array.from(v.coeffs)).toEqual(Array.from(ref.coeffs));
        expect(v.mse).toBe(ref.mse);
        expect(v.errs[N - 1]).toBe(ref.mse);
        expect(Array.from(v.errs)).toEqual(Array.from(truncationErrors(measure, 'blog', ref)));
      }
    },
  );
});
