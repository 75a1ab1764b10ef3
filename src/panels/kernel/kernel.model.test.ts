/**
 * Kernel panel: every method's kernel against the naive kernel of the same discrete system
 * (core.kernel of the bilinear system, θ and normalisation included), the C̃ switch against the
 * aliased sum Σ_m K_{k+mL} folded from a long kernel, S4D against the dense normal part, RTF's
 * honest failure at large N, the settle scheduler, and the pure drawing helpers.
 */
import { english, raw, type Msg } from '../../state/i18n';
import { describe, expect, it } from 'vitest';
import { discretize, hippo, kernel, type Measure } from '../../core/index';
import { readoutOf } from '../../state/derived';
import {
  aliasOf,
  bilinearOf,
  cachedKernel,
  computeKernel,
  isSettling,
  KERNEL_METHODS,
  kernelUnavailable,
  settle,
  settleNow,
  type KernelInputs,
} from '../../state/derived.kernels';
import {
  columnMax,
  decimate,
  kernelDomain,
  kernelRow,
  logError,
  LOG_FLOOR,
  maxAbs,
  maxAbsDiff,
  polyline,
  wrapWords,
} from './kernel.model';

const base = (over: Partial<KernelInputs> = {}): KernelInputs => ({
  measure: 'legs',
  N: 12,
  theta: 1,
  normalization: 'paper',
  dt: 0.05,
  L: 256,
  seed: 3,
  correction: true,
  ...over,
});

function reference(inp: KernelInputs, L = inp.L): Float64Array {
  return kernel(bilinearOf(inp.measure, inp.N, inp.theta, inp.normalization, inp.dt, inp.seed), L);
}

const englishOf = (m: Msg | null | undefined): string => (m ? english(m) : '');

describe('computeKernel: all methods give C Ā^k B̄ of the current system', () => {
  const measures: Measure[] = ['legs', 'legt', 'lmu', 'lagt', 'fout'];
  for (const measure of measures) {
    for (const normalization of ['paper', 'blog'] as const) {
      it(`${measure}, ${normalization}, θ = 0.7`, () => {
        const inp = base({ measure, normalization, theta: 0.7 });
        const ref = reference(inp);
        const scale = maxAbs(ref);
        for (const m of KERNEL_METHODS) {
          const r = computeKernel(m, inp);
          const why = kernelUnavailable(m, inp);
          if (why) {
            expect(r.error).toEqual(why);
            continue;
          }
          if (m === 's4d') continue; // differs by design (below)
          if (m === 'rtf' && measure === 'lagt') {
            // A repeated pole (Ā has one eigenvalue, N times): det(zI − Ā) cannot be
            // rooted in float64 — the honest failure is an error, never NaN.
            if (r.error) continue;
          }
          expect(r.error, `${m}: ${r.error}`).toBeUndefined();
          const tol = m === 'rtf' ? 1e-6 : 1e-12;
          expect(maxAbsDiff(r.K, ref) / scale, m).toBeLessThan(tol);
          expect(r.ms).toBeGreaterThanOrEqual(0);
        }
      });
    }
  }

  it('DPLR is LegS-only and S4D needs LegS with even N, said in words', () => {
    expect(englishOf(kernelUnavailable('dplr', base({ measure: 'legt' })))).toMatch(/LegS only/);
    expect(englishOf(kernelUnavailable('s4d', base({ N: 7 })))).toMatch(/even N/);
    expect(englishOf(kernelUnavailable('generating', base({ measure: 'lmu' })))).toMatch(/LMU/);
    expect(englishOf(kernelUnavailable('rtf', base({ N: 64, L: 32 })))).toMatch(/L > N/);
  });

  it('caches by inputs (same object back)', () => {
    const inp = base({ seed: 11 });
    const a = computeKernel('dplr', inp);
    expect(cachedKernel('dplr', inp)).toBe(a);
    expect(cachedKernel('dplr', { ...inp, dt: 0.06 })).toBeUndefined();
  });
});

describe('S4D-LegS', () => {
  it('equals the dense normal part (A + PPᵀ, B/2, C), and differs from LegS by design', () => {
    const inp = base({ N: 16, L: 512, dt: 0.03, seed: 1 });
    const { A, B } = hippo('legs', 16);
    const An = new Float64Array(256);
    for (let i = 0; i < 16; i++)
      for (let j = 0; j < 16; j++)
        An[i * 16 + j] = A[i * 16 + j]! + Math.sqrt(i + 0.5) * Math.sqrt(j + 0.5);
    const C = readoutOf(16, 1);
    const dense = kernel(
      discretize({ N: 16, A: An, B: B.map((v) => v / 2), C }, 0.03, 'bilinear'),
      512,
    );
    const r = computeKernel('s4d', inp);
    expect(maxAbsDiff(r.K, dense) / maxAbs(dense)).toBeLessThan(1e-12);
    expect(maxAbsDiff(r.K, reference(inp)) / maxAbs(dense)).toBeGreaterThan(1e-3);
    expect(englishOf(r.note)).toMatch(/by design/);
  });
});

describe('the C̃ switch', () => {
  for (const measure of ['legs', 'legt', 'fout'] as Measure[]) {
    it(`${measure}: off gives the aliased kernel Σ_m K_(k+mL)`, () => {
      const inp = base({ measure, N: 8, L: 64, dt: 0.01, seed: 1, correction: false });
      const long = reference(inp, 64 * 400);
      const alias = new Float64Array(64);
      for (let k = 0; k < long.length; k++) alias[k % 64]! += long[k]!;
      const K = long.subarray(0, 64);
      const wrap = maxAbsDiff(alias, K);
      expect(wrap / maxAbs(K)).toBeGreaterThan(1e-2); // visible at L·Δ = 0.64
      for (const m of ['generating', 'dplr', 'rtf'] as const) {
        if (kernelUnavailable(m, inp)) continue;
        const r = computeKernel(m, inp);
        expect(r.error, `${m}: ${r.error}`).toBeUndefined();
        // RTF goes through det(zI − Ā): ~1e-4 relative at N = 8 for LegS (REFERENCE §4.2).
        const tol = m === 'rtf' ? 1e-3 : 1e-12;
        expect(maxAbsDiff(r.K, alias) / maxAbs(alias), m).toBeLessThan(tol);
      }
      // naive and S4D have no C̃: the switch leaves them alone.
      expect(computeKernel('naive', inp).K).toEqual(
        computeKernel('naive', { ...inp, correction: true }).K,
      );
      expect(aliasOf(inp).wrap).toBeGreaterThan(0);
    });
  }
});

describe('RTF at large N', () => {
  it('fails in words, never with NaN (N = 64: det(zI − Ā) is ill-conditioned)', () => {
    const r = computeKernel('rtf', base({ N: 64, L: 2048, dt: 0.01, seed: 1 }));
    expect(r.K).toBeUndefined();
    expect(englishOf(r.error)).toMatch(/overflow|unit circle|non-finite/);
  });
  it('is exact to ~1e-10 at N = 4', () => {
    const inp = base({ N: 4, L: 512, dt: 0.01 });
    const r = computeKernel('rtf', inp);
    const ref = reference(inp);
    expect(maxAbsDiff(r.K, ref) / maxAbs(ref)).toBeLessThan(1e-8);
  });
});

describe('settle scheduler', () => {
  it('runs a job once on settleNow; same id and key is a no-op; newer key replaces', () => {
    const runs: string[] = [];
    settle('t:a', 'k1', () => runs.push('k1'));
    settle('t:a', 'k1', () => runs.push('dup'));
    expect(isSettling('t:a', 'k1')).toBe(true);
    settle('t:a', 'k2', () => runs.push('k2'));
    settle('t:b', 'k1', () => runs.push('b'));
    settleNow();
    expect(runs).toEqual(['k2', 'b']);
    expect(isSettling('t:a', 'k2')).toBe(false);
  });
});

describe('table rows', () => {
  const naive = Float64Array.of(1, 0.5, 0.25);
  it('states: computing, unavailable, failed, ok with max|Δ| and relative', () => {
    expect(kernelRow('dplr', undefined, naive, undefined).state).toBe('computing');
    expect(kernelRow('dplr', undefined, naive, raw('LegS only')).state).toBe('unavailable');
    const failed = kernelRow('rtf', { ms: 1, error: raw('overflow') }, naive, undefined);
    expect(failed.state).toBe('failed');
    expect(englishOf(failed.note)).toBe('overflow');
    const ok = kernelRow('s4d', { ms: 0.3, K: Float64Array.of(1, 0.4, 0.25) }, naive, undefined);
    expect(ok.maxDiff).toBeCloseTo(0.1, 15);
    expect(ok.relDiff).toBeCloseTo(0.1, 15);
    expect(kernelRow('naive', { ms: 2, K: naive }, naive, undefined).maxDiff).toBe(0);
  });
  it('maxAbsDiff is NaN when a value is missing or not finite', () => {
    expect(maxAbsDiff(undefined, naive)).toBeNaN();
    expect(maxAbsDiff(Float64Array.of(1, NaN, 0), naive)).toBeNaN();
  });
});

describe('drawing helpers', () => {
  it('decimate keeps each column’s extremes and the ends, skips NaN', () => {
    const y = Float64Array.from(
      { length: 10000 },
      (_, i) => Math.sin(i / 7) * (i === 5000 ? 9 : 1),
    );
    y[123] = NaN;
    const pts = decimate(y, 100);
    expect(pts.length).toBeLessThanOrEqual(2 * 100 + 2);
    expect(Math.max(...pts.map((p) => p[1]))).toBe(
      Math.max(...Array.from(y).filter(Number.isFinite)),
    );
    expect(pts[0]![0]).toBe(0);
    expect(pts[pts.length - 1]![0]).toBe(9999);
    expect(pts.every((p) => Number.isFinite(p[1]))).toBe(true);
  });

  it('columnMax, logError floor, polyline without NaN', () => {
    expect(columnMax([1, 5, 2, 8, 3, 3], 3)).toEqual([
      [1, 5],
      [3, 8],
      [4, 3],
    ]);
    const e = logError([1, 2, 3], [1, 2.001, NaN]);
    expect(e[0]).toBe(LOG_FLOOR);
    expect(e[1]).toBeCloseTo(-3, 9);
    expect(e[2]).toBe(LOG_FLOOR);
    const d = polyline([
      [0, 1],
      [NaN, 2],
      [2, 3],
    ]);
    expect(d).toBe('M0,1L2,3');
    expect(d).not.toMatch(/NaN|Infinity/);
  });

  it('kernelDomain uses the first reference that exists and includes 0', () => {
    const huge = Float64Array.of(1e30, -1e30);
    const [lo, hi] = kernelDomain(undefined, Float64Array.of(0.1, 0.3), huge);
    expect(lo).toBe(0);
    expect(hi).toBeCloseTo(0.3 + 0.06 * 0.2, 12);
    expect(kernelDomain(undefined)).toEqual([-1, 1]);
  });

  it('wrapWords says whether the wrap is visible', () => {
    expect(englishOf(wrapWords(false, 1e-12, 0.03, 2048))).toMatch(/tiny/);
    expect(englishOf(wrapWords(false, 1e-2, 0.03, 64))).toMatch(/wraps onto the first taps/);
    expect(englishOf(wrapWords(true, 1e-9, 0.03, 2048))).toMatch(/removes the wrap-around/);
    expect(wrapWords(true, NaN, 0.03, 2048)).toBeNull();
  });
});
