/**
 * gpu.causalConv against core.causalConv (float64), row by row, on real WebGPU (Dawn).
 * Error: max |gpu − core| / max |core| per row, worst over rows.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { causalConv as coreConv } from '../core/ssm';
import { causalConv, convPath, convRowPlan, setConvTuning } from './conv';
import { setFftStrategy, subgroupLaneBits } from './fft';
import { bitOf } from './fftRow';
import type { GpuRuntime } from './runtime';
import { dawnRuntime } from './testing/dawn';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
  };
}

/**
 * H rows of an SSM-like kernel (a decaying, oscillating K_h with a random scale) and a random
 * input u_h of a different scale, so that the balancing in causalConv is exercised.
 */
function inputs(seed: number, H: number, L: number): { K: Float32Array; u: Float32Array } {
  const r = rng(seed);
  const K = new Float32Array(H * L);
  const u = new Float32Array(H * L);
  for (let h = 0; h < H; h++) {
    const decay = Math.exp(-(0.5 + 20 * (r() + 0.5)) / L);
    const omega = Math.PI * (r() + 0.5);
    const scale = 10 ** (3 * r());
    for (let k = 0; k < L; k++) {
      K[h * L + k] = scale * (decay ** k * Math.cos(omega * k) + 0.1 * r());
      u[h * L + k] = r() / scale;
    }
  }
  return { K, u };
}

function rowErrors(got: Float32Array, K: Float32Array, u: Float32Array, H: number): number {
  const L = u.length / H;
  let worst = 0;
  for (let h = 0; h < H; h++) {
    const ref = coreConv(
      Float64Array.from(K.subarray(h * L, (h + 1) * L)),
      Float64Array.from(u.subarray(h * L, (h + 1) * L)),
    );
    let err = 0;
    let size = 0;
    for (let k = 0; k < L; k++) {
      err = Math.max(err, Math.abs(got[h * L + k]! - ref[k]!));
      size = Math.max(size, Math.abs(ref[k]!));
    }
    worst = Math.max(worst, size === 0 ? err : err / size);
  }
  return worst;
}

let rt: GpuRuntime;
const gpuErrors: string[] = [];
let worstSeen = 0;

beforeAll(async () => {
  const { runtime, adapter } = await dawnRuntime();
  expect(adapter).toBeTruthy();
  rt = runtime;
  rt.device.addEventListener('uncapturederror', (e) => {
    gpuErrors.push((e as GPUUncapturedErrorEvent).error.message);
  });
});

describe('gpu causalConv', () => {
  it.each([
    [1, 1],
    [1, 2],
    [5, 3],
    [64, 100],
    [5, 1000],
    [64, 1024],
    [5, 4096],
    [1, 16384],
  ])('H = %i, L = %i matches core.causalConv within 1e-4', async (H, L) => {
    const { K, u } = inputs(H * 1000 + L, H, L);
    const y = await causalConv(rt, K, u, H);
    expect(y.length).toBe(H * L);
    const err = rowErrors(y, K, u, H);
    worstSeen = Math.max(worstSeen, err);
    expect(err).toBeLessThan(1e-4);
  });

  it.each<[number, number, number | undefined, string]>([
    // [H, L, tile, path]: one dispatch each way, the four-step (spectrum in four-step order),
    // one dispatch per row (convRow.ts; rows of up to 16 × 256 values here)
    [5, 3, undefined, 'whole'],
    [8, 100, undefined, 'whole'],
    [3, 1000, 64, 'four-step'],
    [2, 2048, 64, 'four-step'],
    [3, 32, 32, 'row'],
    [2, 256, 64, 'row'],
    [3, 2048, 1024, 'row'],
    [2, 4096, undefined, 'row'],
    [2, 4096, undefined, 'row (loop)'],
  ])(
    "'workgroup' FFT passes (product and padding fused), H = %i, L = %i, tile %s: %s",
    async (H, L, tile, path) => {
      setFftStrategy(rt, 'workgroup', tile === undefined ? undefined : { tile });
      setConvTuning({ row: path.startsWith('row'), loop: path === 'row (loop)' || 'auto' });
      try {
        expect(convPath(rt, L)).toBe(path.split(' ')[0]);
        const { K, u } = inputs(H * 1000 + L + 1, H, L);
        const err = rowErrors(await causalConv(rt, K, u, H), K, u, H);
        worstSeen = Math.max(worstSeen, err);
        expect(err).toBeLessThan(1e-4);
      } finally {
        setFftStrategy(rt, undefined);
        setConvTuning();
      }
    },
    180_000, // SwiftShader compiles each plan's pipeline (its constants) anew
  );

  it.each<[number, number, number, boolean]>([
    // [H, L, tile, loop]: last passes of radix 2 and 4, one and two shuffle stages
    [2, 512, 512, false],
    [3, 1024, 1024, false],
    [3, 1024, 1024, true],
  ])(
    'one dispatch per row, H = %i, L = %i, tile %i, loop %s: the last exchange of its FFTs through subgroup shuffles (slot maps as selects or shifts) gives the same bits as through workgroup memory',
    async (H, L, tile, loop) => {
      const lanes = subgroupLaneBits(rt);
      setFftStrategy(rt, 'workgroup', { tile });
      try {
        const { K, u } = inputs(H * 1000 + L + 2, H, L);
        setConvTuning({ shuffle: false, loop });
        expect(convRowPlan(rt, L)!.exchanges.every((x) => x.lanes === 0)).toBe(true);
        const plain = await causalConv(rt, K, u, H);
        setConvTuning({ loop, shuffle: true });
        expect(convPath(rt, L)).toBe('row');
        const shuffled = convRowPlan(rt, L)!.exchanges.at(-1)!.lanes;
        expect(shuffled).toBe(lanes >= 2 ? bitOf(L) % 4 : 0);
        const y = await causalConv(rt, K, u, H);
        const err = rowErrors(y, K, u, H);
        worstSeen = Math.max(worstSeen, err);
        expect(err).toBeLessThan(1e-4);
        expect(Array.from(y)).toEqual(Array.from(plain));
        setConvTuning({ loop, shuffle: true, slotMaps: 'select' }); // the maps as selects
        expect(Array.from(await causalConv(rt, K, u, H))).toEqual(Array.from(plain));
      } finally {
        setFftStrategy(rt, undefined);
        setConvTuning();
      }
    },
    180_000,
  );

  it('is causal and linear, not circular: a late impulse does not wrap around', async () => {
    const L = 8;
    const K = Float32Array.from({ length: L }, (_, k) => k + 1);
    const u = new Float32Array(L);
    u[L - 1] = 1;
    const y = await causalConv(rt, K, u, 1);
    expect(Array.from(y.subarray(0, L - 1))).toEqual(
      new Array(L - 1).fill(0).map(() => expect.closeTo(0, 5)),
    );
    expect(y[L - 1]).toBeCloseTo(1, 5);
  });

  it('keeps zero rows zero', async () => {
    const { K, u } = inputs(7, 3, 50);
    K.fill(0, 0, 50); // row 0: zero kernel
    u.fill(0, 100, 150); // row 2: zero input
    const y = await causalConv(rt, K, u, 3);
    expect(Math.max(...Array.from(y.subarray(0, 50), Math.abs))).toBe(0);
    expect(Math.max(...Array.from(y.subarray(100, 150), Math.abs))).toBe(0);
  });

  it('leaks nothing over 200 calls; cached tables stop growing after warm-up', async () => {
    const { K, u } = inputs(9, 3, 64);
    for (let i = 0; i < 3; i++) await causalConv(rt, K, u, 3);
    const live = rt.liveBuffers();
    const cached = rt.cachedBuffers();
    for (let i = 0; i < 200; i++) await causalConv(rt, K, u, 3);
    expect(rt.liveBuffers()).toBe(live);
    expect(rt.cachedBuffers()).toBe(cached);
  }, 60_000);

  it('rejects bad arguments with a RangeError naming them', async () => {
    const x = new Float32Array(6);
    await expect(causalConv(rt, x, x, 0)).rejects.toThrow(/H must be an integer/);
    await expect(causalConv(rt, x, x, 1.5)).rejects.toThrow(RangeError);
    await expect(causalConv(rt, x, x, 4)).rejects.toThrow(/u.length must be a positive multiple/);
    await expect(causalConv(rt, new Float32Array(4), x, 2)).rejects.toThrow(/K must have length 6/);
    await expect(causalConv(rt, new Float32Array(0), new Float32Array(0), 1)).rejects.toThrow(
      RangeError,
    );
    await expect(causalConv(rt, x, Float32Array.of(0, 0, NaN, 0, 0, 0), 2)).rejects.toThrow(
      /u\[2\] must be finite/,
    );
    await expect(causalConv(rt, Float32Array.of(0, Infinity, 0, 0, 0, 0), x, 2)).rejects.toThrow(
      /K\[1\]/,
    );
  });

  it('raised no WebGPU validation errors', () => {
    expect(gpuErrors).toEqual([]);
    console.info(`causalConv worst max-rel error: ${worstSeen.toExponential(2)}`);
  });
});
