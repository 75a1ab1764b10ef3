import { describe, expect, it } from 'vitest';
import { rtfKernel, s4dKernel, s4Kernel } from '../../core/index';
import {
  benchCall,
  benchInputs,
  benchPlan,
  logSlope,
  median,
  RANGES,
  runTask,
  seriesOf,
  seriesPath,
  slopeWords,
  timeCall,
  xScaleOf,
  yScaleOf,
  type BenchRow,
} from './performance.model';

const row = (op: string, N: number, L: number, ms: number, impl: BenchRow['impl'] = 'core') =>
  ({
    op,
    impl,
    backend: impl === 'core' ? 'cpu' : 'webgpu',
    H: 1,
    N,
    L,
    msMedian: ms,
    msMin: ms,
    runs: 3,
  }) as BenchRow;

describe('benchmark plan', () => {
  it('sweeps N at fixed L and L at fixed N for the three kernels, without a duplicate point', () => {
    const plan = benchPlan(RANGES.full);
    const nSweep = plan.filter((t) => t.sweep === 'N');
    expect(nSweep.length).toBe(8 * 3);
    expect(new Set(nSweep.map((t) => t.L))).toEqual(new Set([4096]));
    expect(nSweep.filter((t) => t.op === 'rtf').map((t) => t.N)).toEqual([
      4, 8, 16, 32, 64, 128, 256, 512,
    ]);
    const lSweep = plan.filter((t) => t.sweep === 'L');
    expect(lSweep.every((t) => t.N === 64)).toBe(true);
    expect(lSweep.some((t) => t.L === 4096)).toBe(false);
  });

  it('each task times the core function itself, on deterministic inputs', () => {
    const N = 8;
    const L = 64;
    const x = benchInputs(N, L);
    expect(Array.from(benchCall('rtf', N, L)())).toEqual(Array.from(rtfKernel(x.a, x.b, 1, L)));
    const dplr = benchCall('dplr', N, L)();
    expect(Array.from(dplr)).toEqual(Array.from(s4Kernel('legs', N, x.C, 0.01, L, 'dplr')));
    const naive = s4Kernel('legs', N, x.C, 0.01, L, 'naive');
    dplr.forEach((v, k) => expect(Math.abs(v - naive[k]!)).toBeLessThan(1e-10));
    expect(x.Lambda.re.length).toBe(N / 2);
    expect(Array.from(benchCall('s4d', N, L)())).toEqual(
      Array.from(s4dKernel(x.Lambda, x.B, x.Cs, 0.01, L, 'zoh')),
    );
    expect(Array.from(benchCall('rtf', N, L)())).toEqual(Array.from(benchCall('rtf', N, L)()));
  });
});

describe('timing', () => {
  it('median of an odd and an even list', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('warms up once, then times single calls with a pause between each', async () => {
    let calls = 0;
    let pauses = 0;
    let clock = 0;
    const t = await timeCall(
      () => {
        calls++;
        clock += calls; // call i takes i "ms"
      },
      { runs: 5, now: () => clock, pause: async () => void pauses++ },
    );
    expect(calls).toBe(6);
    expect(pauses).toBe(5);
    expect(t!.runs).toBe(5);
    expect(t!.batch).toBe(1);
    expect(t!.msMedian).toBe(4); // runs took 2, 3, 4, 5, 6
    expect(t!.msMin).toBe(2);
  });

  it('batches calls faster than the clock can see and reports the time per call', async () => {
    let clock = 0;
    const t = await timeCall(
      () => {
        clock += 0.1; // each call 0.1 ms
      },
      { runs: 3, minRunMs: 1, now: () => clock, pause: async () => {} },
    );
    expect(t!.batch).toBe(16); // 1, 2, 4, 8 calls last < 1 ms; 16 calls last 1.6 ms
    expect(t!.msMedian).toBeCloseTo(0.1, 12);
  });

  it('stops when cancelled and turns a failing call into an error row', async () => {
    expect(await timeCall(() => 0, { pause: async () => {}, cancelled: () => true })).toBeNull();
    const r = await runTask({ op: 'rtf', sweep: 'N', N: 64, L: 32 }, { pause: async () => {} });
    expect(r!.error).toMatch(/L must/);
    expect(r!.msMedian).toBeNaN();
    const ok = await runTask(
      { op: 's4d', sweep: 'N', N: 4, L: 64 },
      { pause: async () => {}, runs: 3 },
    );
    expect(ok).toMatchObject({
      op: 's4d',
      impl: 'core',
      backend: 'cpu',
      H: 1,
      N: 4,
      L: 64,
      runs: 3,
    });
    expect(ok!.msMedian).toBeGreaterThan(0);
  });
});

describe('chart series', () => {
  const range = RANGES.quick;
  const rows = [
    row('rtf', 4, 4096, 0.2),
    row('rtf', 64, 4096, 0.21),
    row('rtf', 128, 4096, 0.2),
    row('dplr', 4, 4096, 1),
    row('dplr', 128, 4096, 32),
    row('rtf', 64, 256, 0.02),
    row('rtf', 64, 16384, 1),
    row('rtf', 64, 4096, 0.5, 'wgsl'),
    { ...row('s4d', 8, 4096, NaN), error: 'boom' },
  ];
  it('groups rows by (op, impl, backend) along each sweep and drops failures', () => {
    const sN = seriesOf(rows, 'N', range);
    expect(sN.map((s) => s.key).sort()).toEqual([
      'dplr·core·cpu',
      'rtf·core·cpu',
      'rtf·wgsl·webgpu',
    ]);
    expect(sN.find((s) => s.key === 'rtf·core·cpu')!.points.map((p) => p.x)).toEqual([4, 64, 128]);
    const sL = seriesOf(rows, 'L', range);
    expect(sL.find((s) => s.key === 'rtf·core·cpu')!.points.map((p) => p.x)).toEqual([
      256, 4096, 16384,
    ]);
  });
  it('fits the exponent: flat for RTF, linear for a kernel ∝ N', () => {
    const sN = seriesOf(rows, 'N', range);
    expect(Math.abs(logSlope(sN.find((s) => s.op === 'rtf')!.points))).toBeLessThan(0.05);
    expect(logSlope(sN.find((s) => s.op === 'dplr')!.points)).toBeCloseTo(1, 9);
    expect(slopeWords(0.01, 'N')).toBe('∝ N^0.01 (flat)');
    expect(slopeWords(NaN, 'N')).toBe('—');
  });
  it('log–log paths are finite; an empty chart still has a y range', () => {
    const s = seriesOf(rows, 'N', range);
    const x = xScaleOf([4, 128], 400);
    const y = yScaleOf(s, 200);
    for (const q of s) expect(seriesPath(q, x, y)).not.toMatch(/NaN|Infinity/);
    expect(y.domain()).toEqual([0.1, 100]);
    expect(yScaleOf([], 200).domain()).toEqual([0.01, 100]);
  });
});
