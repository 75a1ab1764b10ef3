/**
 * gpu dplrKernels against the float64 core (core.s4Kernel('legs', …, 'dplr'), row by row, from
 * the same float32 inputs), on real WebGPU (Dawn; SwiftShader here), plus one check against the
 * core's independent 'naive' powering. Error: max|gpu − core| / max|core| per row.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { s4Kernel } from '../core/s4';
import { relError } from '../../test/support/close';
import { rng } from '../../test/support/numeric';
import { dplrKernels } from './dplr';
import type { GpuRuntime } from './runtime';
import { dawnRuntime } from './testing/dawn';
import type { DplrParams } from './types';

const TOL = 1e-4;
let rt: GpuRuntime;
let worst = 0;

beforeAll(async () => {
  const { runtime, adapter } = await dawnRuntime();
  expect(adapter).toBeTruthy();
  rt = runtime;
});

function randomParams(seed: number, H: number, N: number, L: number): DplrParams {
  const r = rng(seed);
  return {
    H,
    N,
    C: Float32Array.from({ length: H * N }, () => r.normal()),
    dt: Float32Array.from({ length: H }, () => r.logUniform(1e-3, 1e-1)),
    L,
  };
}

async function expectMatches(
  p: DplrParams,
  method: 'dplr' | 'naive' = 'dplr',
  tol = TOL,
): Promise<void> {
  rt.device.pushErrorScope('validation');
  const K = await dplrKernels(rt, p);
  expect(await rt.device.popErrorScope()).toBeNull();
  expect(K.length).toBe(p.H * p.L);
  for (let h = 0; h < p.H; h++) {
    const C = Float64Array.from(p.C.subarray(h * p.N, (h + 1) * p.N));
    const ref = s4Kernel('legs', p.N, C, p.dt[h]!, p.L, method);
    const { err, index } = relError(K.subarray(h * p.L, (h + 1) * p.L), ref);
    if (method === 'dplr') worst = Math.max(worst, err);
    if (!(err <= tol)) {
      throw new Error(
        `H=${p.H} N=${p.N} L=${p.L} row ${h} (dt ${p.dt[h]}): relative error ${err} > ${tol} at k = ${index} vs core '${method}'`,
      );
    }
  }
}

describe('gpu dplrKernels', () => {
  const cases: [number, number, number][] = [
    // [H, N, L]: odd, even (ω = −1 is a node), non-power-of-two (Bluestein) and tiny L
    [1, 1, 1],
    [1, 1, 8],
    [1, 3, 2],
    [4, 3, 7],
    [4, 8, 16],
    [3, 8, 100],
    [4, 64, 1000],
    [64, 8, 64],
    [64, 64, 256],
    [1, 64, 4096],
  ];
  for (const [H, N, L] of cases) {
    it(`matches core.s4Kernel 'dplr' (H=${H}, N=${N}, L=${L})`, async () => {
      await expectMatches(randomParams(H * 1000 + N * 10 + L, H, N, L));
    });
  }

  it("matches core.s4Kernel 'dplr' at L = 16384 (H=2, N=64)", async () => {
    const p = randomParams(16384, 2, 64, 16384);
    p.dt.set([1e-3, 0.1]);
    await expectMatches(p);
    console.log(`dplrKernels: worst relative error ${worst.toExponential(2)} (tol ${TOL})`);
  });

  it("matches the core's independent powering ('naive', N=8, L=33)", async () => {
    await expectMatches(randomParams(5, 3, 8, 33), 'naive');
  });

  it('leaks no buffers over 200 calls, and its cached tables stop growing', async () => {
    const a = randomParams(1, 2, 8, 16); // power-of-two FFT
    const b = randomParams(2, 3, 5, 15); // Bluestein
    await dplrKernels(rt, a);
    await dplrKernels(rt, b);
    const live = rt.liveBuffers();
    const cached = rt.cachedBuffers();
    for (let i = 0; i < 100; i++) {
      await dplrKernels(rt, a);
      await dplrKernels(rt, b);
    }
    expect(rt.liveBuffers()).toBe(live);
    expect(rt.cachedBuffers()).toBe(cached);
  });

  it('rejects invalid arguments with a RangeError naming them', async () => {
    const ok = randomParams(3, 2, 4, 16);
    const live = rt.liveBuffers();
    const bad = async (patch: Partial<DplrParams>, name: RegExp): Promise<void> => {
      await expect(dplrKernels(rt, { ...ok, ...patch })).rejects.toThrow(RangeError);
      await expect(dplrKernels(rt, { ...ok, ...patch })).rejects.toThrow(name);
    };
    await bad({ H: 0 }, /^H must be an integer in \[1,/);
    await bad({ H: -2 }, /^H must be/);
    await bad({ N: 0 }, /^N must be an integer in \[1,/);
    await bad({ N: 2.5 }, /^N must be/);
    await bad({ L: 0 }, /^L must be an integer in \[1,/);
    await bad({ L: Number.NaN }, /^L must be/);
    await bad({ C: new Float32Array(7) }, /^C must have length 8/);
    await bad({ C: new Float32Array(8).fill(Infinity) }, /^C\[0\] must be finite/);
    await bad({ dt: new Float32Array([0.1]) }, /^dt must have length 2/);
    await bad({ dt: new Float32Array([0.1, 0]) }, /^dt\[1\] must be a finite number > 0/);
    await bad({ dt: new Float32Array([Infinity, 0.1]) }, /^dt\[0\] must be finite/);
    expect(rt.liveBuffers()).toBe(live);
  });
});
