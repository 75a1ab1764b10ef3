/**
 * gpu s4dKernels against the float64 core (core.s4dKernel, row by row, from the same float32
 * inputs), on real WebGPU (Dawn; SwiftShader here). Error: max|gpu − core| / max|core| per row.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { s4dInit, s4dKernel } from '../core/s4';
import type { Complex } from '../core/types';
import { relError } from '../../test/support/close';
import { rng, type Rng } from '../../test/support/numeric';
import type { GpuRuntime } from './runtime';
import { s4dKernels } from './s4d';
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

async function expectMatchesCore(p: S4dParams, label: string): Promise<void> {
  rt.device.pushErrorScope('validation');
  const K = await s4dKernels(rt, p);
  expect(await rt.device.popErrorScope()).toBeNull();
  expect(K.length).toBe(p.H * p.L);
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
    if (!(err <= TOL)) {
      throw new Error(`${label} row ${h}: relative error ${err} > ${TOL} at l = ${index}`);
    }
  }
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
