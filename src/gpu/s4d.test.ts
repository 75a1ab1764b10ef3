/**
 * gpu s4dKernels against the float64 core (core.s4dKernel, row by row, from the same float32
 * inputs), on real WebGPU (Dawn; SwiftShader here). Error: max|gpu − core| / max|core| per row.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { s4dInit, s4dKernel } from '../core/s4';
import type { Complex } from '../core/types';
import { relError } from '../../test/support/close';
import { rng, type Rng } from '../../test/support/numeric';
import { softwareAdapter, type GpuRuntime } from './runtime';
import { s4dKernels, s4dLastRun, setS4dTuning, type S4dTuning } from './s4d';
import { dawnRuntime } from './testing/dawn';
import type { Complex32, S4dParams } from './types';

const TOL = 1e-4;
let rt: GpuRuntime;
let worst = 0;

beforeAll(async () => {
  const { runtime, adapter } = await dawnRuntime();
  expect(adapter).toBeTruthy();
  rt = runtime;
});

function complex32(r: Rng, n: number, f: (r: Rng) => [number, number]): Complex32 {
  const re = new Float32Array(n);
  const im = new Float32Array(n);
  for (let i = 0; i < n; i++) [re[i], im[i]] = f(r);
  return { re, im };
}

/** Random rows: eigenvalues from the S4D inits (or random stable ones), B, C normal. */
function randomParams(
  seed: number,
  H: number,
  M: number,
  L: number,
  disc: 'zoh' | 'bilinear',
): S4dParams {
  const r = rng(seed);
  const Lambda: Complex32 = { re: new Float32Array(H * M), im: new Float32Array(H * M) };
  const kinds = ['legs', 'lin', 'inv', 'random'] as const;
  for (let h = 0; h < H; h++) {
    const kind = kinds[h % kinds.length]!;
    const init: Complex =
      kind === 'random'
        ? {
            re: Float64Array.from({ length: M }, () => -r.logUniform(0.05, 2)),
            im: Float64Array.from({ length: M }, () => r.range(-50, 50)),
          }
        : s4dInit(kind, 2 * M);
    Lambda.re.set(init.re, h * M);
    Lambda.im.set(init.im, h * M);
  }
  return {
    H,
    M,
    Lambda,
    B: complex32(r, H * M, (g) => [g.normal(), g.normal()]),
    C: complex32(r, H * M, (g) => [g.normal(), g.normal()]),
    dt: Float32Array.from({ length: H }, () => r.logUniform(1e-3, 1e-1)),
    L,
    disc,
  };
}

function rowOf(z: Complex32, h: number, M: number): Complex {
  return {
    re: Float64Array.from(z.re.subarray(h * M, (h + 1) * M)),
    im: Float64Array.from(z.im.subarray(h * M, (h + 1) * M)),
  };
}

/** Checks every row; returns the largest relative error. */
async function expectMatchesCore(p: S4dParams, label: string): Promise<number> {
  rt.device.pushErrorScope('validation');
  const K = await s4dKernels(rt, p);
  expect(s4dLastRun()).toBeDefined();
  expect(await rt.device.popErrorScope()).toBeNull();
  expect(K.length).toBe(p.H * p.L);
  let rowWorst = 0;
  for (let h = 0; h < p.H; h++) {
    const ref = s4dKernel(
      rowOf(p.Lambda, h, p.M),
      rowOf(p.B, h, p.M),
      rowOf(p.C, h, p.M),
      p.dt[h]!,
      p.L,
      p.disc,
    );
    const { err, index } = relError(K.subarray(h * p.L, (h + 1) * p.L), ref);
    worst = Math.max(worst, err);
    rowWorst = Math.max(rowWorst, err);
    if (!(err <= TOL)) {
      throw new Error(`${label} row ${h}: relative error ${err} > ${TOL} at l = ${index}`);
    }
  }
  return rowWorst;
}

describe('gpu s4dKernels', () => {
  const cases: [number, number, number][] = [
    // [H, N, L]: M = N/2 modes per row; odd, even, non-power-of-two and short L
    [1, 2, 1],
    [1, 8, 7],
    [4, 2, 64],
    [4, 8, 100],
    [4, 64, 513],
    [64, 8, 1000],
    [64, 64, 256],
    [1, 64, 4096],
  ];
  for (const disc of ['zoh', 'bilinear'] as const) {
    for (const [H, N, L] of cases) {
      it(`matches core.s4dKernel (${disc}, H=${H}, N=${N}, L=${L})`, async () => {
        await expectMatchesCore(randomParams(H * 1000 + N + L, H, N / 2, L, disc), `${disc}`);
      });
    }
  }

  it('matches core.s4dKernel at L = 16384 (H=4, N=64, zoh)', async () => {
    await expectMatchesCore(randomParams(16384, 4, 32, 16384, 'zoh'), 'L=16384');
    console.log(`s4dKernels: worst relative error ${worst.toExponential(2)} (tol ${TOL})`);
  });

  it('handles λ = 0 (zoh B̄ = ΔB) and a single mode', async () => {
    const p = randomParams(7, 2, 1, 50, 'zoh');
    p.Lambda.re.fill(0);
    p.Lambda.im.fill(0);
    await expectMatchesCore(p, 'lambda=0');
  });

  it('handles the bilinear Ā = 0 (Δλ = −2)', async () => {
    const p = randomParams(8, 1, 2, 40, 'bilinear');
    p.dt[0] = 0.5;
    p.Lambda.re.set([-4, -1]);
    p.Lambda.im.set([0, 3]);
    await expectMatchesCore(p, 'Abar=0');
  });

  it('leaks no buffers over 200 calls, and its cached tables stop growing', async () => {
    const a = randomParams(1, 2, 4, 70, 'zoh');
    const b = randomParams(2, 3, 2, 9, 'bilinear');
    await s4dKernels(rt, a);
    await s4dKernels(rt, b);
    const live = rt.liveBuffers();
    const cached = rt.cachedBuffers();
    for (let i = 0; i < 100; i++) {
      await s4dKernels(rt, a);
      await s4dKernels(rt, b);
    }
    expect(rt.liveBuffers()).toBe(live);
    expect(rt.cachedBuffers()).toBe(cached);
  });

  it('rejects invalid arguments with a RangeError naming them', async () => {
    const ok = randomParams(3, 2, 3, 16, 'zoh');
    const live = rt.liveBuffers();
    const bad = async (patch: Partial<S4dParams>, name: RegExp): Promise<void> => {
      await expect(s4dKernels(rt, { ...ok, ...patch })).rejects.toThrow(RangeError);
      await expect(s4dKernels(rt, { ...ok, ...patch })).rejects.toThrow(name);
    };
    await bad({ H: 0 }, /^H must be an integer in \[1,/);
    await bad({ H: 1.5 }, /^H must be/);
    await bad({ M: 0 }, /^M must be an integer/);
    await bad({ L: 0 }, /^L must be an integer in \[1,/);
    await bad({ L: 2.5 }, /^L must be/);
    await bad({ disc: 'forward' as 'zoh' }, /^disc must be one of 'zoh', 'bilinear'/);
    await bad({ Lambda: { re: new Float32Array(5), im: new Float32Array(6) } }, /^Lambda\.re/);
    await bad(
      { B: { re: ok.B.re, im: new Float32Array(6).fill(NaN) } },
      /^B\.im\[0\] must be finite/,
    );
    await bad({ C: { re: new Float32Array(6).fill(Infinity), im: ok.C.im } }, /^C\.re\[0\]/);
    await bad({ dt: new Float32Array([0.1]) }, /^dt must have length 2/);
    await bad({ dt: new Float32Array([0.1, 0]) }, /^dt\[1\] must be a finite number > 0/);
    await bad({ dt: new Float32Array([-1, 0.1]) }, /^dt\[0\] must be a finite number > 0/);
    await bad({ dt: new Float32Array([NaN, 0.1]) }, /^dt\[0\] must be finite/);
    expect(rt.liveBuffers()).toBe(live);
  });
});

describe('gpu s4dKernels variants', () => {
  const variants: [string, Partial<S4dTuning>][] = [
    ['power (previous shader)', { variant: 'power' }],
    ['gemm 4×8, T = 128', { variant: 'gemm', ri: 4, rj: 8, tx: 32, ty: 8, mc: 8 }],
    [
      'gemm 2×2, T = 6, 3 modes a stage, loops',
      { variant: 'gemm', ri: 2, rj: 2, tx: 3, ty: 5, mc: 3, unroll: false },
    ],
    ['gemm 3×4, T = 12, unrolled', { variant: 'gemm', ri: 3, rj: 4, tx: 4, ty: 2, mc: 5 }],
  ];
  // [H, M, L]: M = 1, M not a multiple of the modes staged, L odd, below T, not a multiple of T
  const cases: [number, number, number][] = [
    [1, 1, 1],
    [3, 1, 129],
    [2, 7, 1001],
    [5, 32, 777],
    [2, 32, 4099],
  ];
  afterEach(() => setS4dTuning());

  for (const [name, tuning] of variants) {
    it(`${name} matches core.s4dKernel and is the one that ran`, async () => {
      setS4dTuning(tuning);
      let err = 0;
      for (const [H, M, L] of cases) {
        for (const disc of ['zoh', 'bilinear'] as const) {
          const e = await expectMatchesCore(
            randomParams(H * 7 + M * 3 + L, H, M, L, disc),
            `${name} ${disc} H=${H} M=${M} L=${L}`,
          );
          err = Math.max(err, e);
          expect(s4dLastRun()).toMatchObject(tuning);
        }
      }
      console.log(`s4dKernels ${name}: worst relative error ${err.toExponential(2)}`);
    });
  }

  it('runs power by default on a software adapter (gemm on a GPU)', async () => {
    expect(softwareAdapter(rt)).toBe(true); // SwiftShader here
    setS4dTuning();
    await s4dKernels(rt, randomParams(5, 1, 2, 10, 'zoh'));
    expect(s4dLastRun()).toMatchObject({ variant: 'power' });
  });

  it('both variants agree to float32 rounding', async () => {
    const p = randomParams(11, 3, 16, 3000, 'zoh');
    setS4dTuning({ variant: 'power' });
    const a = await s4dKernels(rt, p);
    setS4dTuning({ variant: 'gemm' });
    const b = await s4dKernels(rt, p);
    let max = 0;
    let diff = 0;
    for (let i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs(a[i]!));
      diff = Math.max(diff, Math.abs(a[i]! - b[i]!));
    }
    expect(diff / max).toBeLessThan(1e-5);
    expect(diff).toBeGreaterThan(0); // different tables and sums: not the same shader twice
  });

  it('rejects tiles the shader cannot take', () => {
    expect(() => setS4dTuning({ variant: 'fast' as 'gemm' })).toThrow(/^variant must be one of/);
    expect(() => setS4dTuning({ rj: 3 })).toThrow(/^rj must be even/);
    expect(() => setS4dTuning({ ri: 0 })).toThrow(/^ri must be an integer/);
    expect(() => setS4dTuning({ tx: 64, ty: 32 })).toThrow(/^tx·ty must be at most 1024/);
    setS4dTuning();
  });

  it('rejects a tile with more invocations than the device allows', async () => {
    const lim = rt.device.limits;
    const ty =
      (2 * Math.min(lim.maxComputeInvocationsPerWorkgroup, lim.maxComputeWorkgroupSizeX)) / 16;
    if (16 * ty > 1024) {
      expect(() => setS4dTuning({ tx: 16, ty })).toThrow(/^tx·ty must be at most 1024/);
    } else {
      setS4dTuning({ variant: 'gemm', ri: 1, rj: 2, tx: 16, ty, mc: 2 });
      await expect(s4dKernels(rt, randomParams(3, 1, 2, 10, 'zoh'))).rejects.toThrow(
        /invocations per workgroup/,
      );
    }
  });

  it('rejects a tile larger than the workgroup memory', async () => {
    setS4dTuning({ variant: 'gemm', ri: 16, tx: 64, ty: 4, rj: 16, mc: 64 });
    await expect(s4dKernels(rt, randomParams(3, 1, 2, 10, 'zoh'))).rejects.toThrow(
      /workgroup memory/,
    );
  });
});
