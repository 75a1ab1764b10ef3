/**
 * gpu.rtfKernels against core.rtfKernel (float64), row by row, on real WebGPU (Dawn), for both
 * conventions, orders n ∈ {1, 4, 64, 512} and L a power of two or not (Bluestein).
 * Error: max |gpu − core| / max |core| per row, worst over rows.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fft as coreFft } from '../core/fft';
import { rtfKernel } from '../core/rtf';
import { setFftStrategy } from './fft';
import { rtfKernels } from './rtf';
import type { GpuRuntime } from './runtime';
import { dawnRuntime } from './testing/dawn';
import type { RtfParams } from './types';

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

function polymul(p: number[], q: number[]): number[] {
  const out = new Array<number>(p.length + q.length - 1).fill(0);
  p.forEach((pi, i) => q.forEach((qj, j) => (out[i + j]! += pi * qj)));
  return out;
}

/**
 * H random RTFs of order n. For n ≤ 4 the denominator has conjugate pole pairs of radius
 * 0.5 … rhoMax at angles in separate bands (so the kernel rings and aliases) or anywhere; for larger n, small random coefficients
 * (Σ|a_k| < 0.9, the regime of the RTF paper's initialisation), as products of many poles near
 * the unit circle have coefficients far beyond any float32 (or float64) FFT's reach.
 */
function params(
  seed: number,
  H: number,
  n: number,
  L: number,
  { rhoMax = 0.9, freeAngles = false } = {},
): RtfParams {
  const r = rng(seed);
  const a = new Float32Array(H * n);
  const b = new Float32Array(H * n);
  const h0 = new Float32Array(H);
  for (let h = 0; h < H; h++) {
    let den = [1];
    if (n <= 4) {
      for (let pair = 0; pair < Math.floor(n / 2); pair++) {
        const rho = 0.5 + (rhoMax - 0.5) * (r() + 0.5);
        // pair angles in separate bands keep the poles simple (two pairs at one angle would
        // make a double pole: min|D| ~ (1 − ρ)², the resonant test below covers that)
        const th = freeAngles
          ? Math.PI * (r() + 0.5)
          : Math.PI * (0.1 + 0.45 * pair + 0.35 * (r() + 0.5));
        den = polymul(den, [1, -2 * rho * Math.cos(th), rho * rho]);
      }
      if (n % 2 === 1) den = polymul(den, [1, -1.8 * r()]);
      for (let k = 0; k < n; k++) a[h * n + k] = den[k + 1]!;
    } else {
      for (let k = 0; k < n; k++) a[h * n + k] = (1.8 * r()) / n;
    }
    for (let k = 0; k < n; k++) b[h * n + k] = 2 * r();
    h0[h] = 2 * r();
  }
  return { H, n, a, b, h0, L };
}

/**
 * Condition number of row h's kernel in float32: κ = ‖den‖₂ / min_j |D_j|, D = FFT_L(1, a, 0…).
 * An FFT perturbs each D_j by about ε‖den‖₂, so Q = N/D, and the kernel, move by about ε·κ.
 */
function conditioning(p: RtfParams, h: number): number {
  const { n, L } = p;
  const den = new Float64Array(L);
  den[0] = 1;
  den.set(p.a.subarray(h * n, (h + 1) * n), 1);
  const D = coreFft(den, new Float64Array(L));
  let minD = Infinity;
  for (let j = 0; j < L; j++) minD = Math.min(minD, Math.hypot(D.re[j]!, D.im[j]!));
  return Math.hypot(...den) / minD;
}

function rowErrors(K: Float32Array, p: RtfParams, convention: 'paper' | 'blog'): number[] {
  const { H, n, L } = p;
  const errors: number[] = [];
  for (let h = 0; h < H; h++) {
    const ref = rtfKernel(
      Float64Array.from(p.a.subarray(h * n, (h + 1) * n)),
      Float64Array.from(p.b.subarray(h * n, (h + 1) * n)),
      p.h0[h]!,
      L,
      { convention },
    );
    let err = 0;
    let size = 0;
    for (let k = 0; k < L; k++) {
      err = Math.max(err, Math.abs(K[h * L + k]! - ref[k]!));
      size = Math.max(size, Math.abs(ref[k]!));
    }
    errors.push(size === 0 ? err : err / size);
  }
  return errors;
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

describe('gpu rtfKernels', () => {
  it.each([
    // [n, H, L]
    [1, 1, 2],
    [1, 5, 3],
    [1, 5, 1000],
    [1, 1, 4096],
    [4, 5, 5],
    [4, 64, 7],
    [4, 64, 100],
    [4, 5, 1024],
    [64, 5, 65],
    [64, 64, 127],
    [64, 5, 1000],
    [64, 64, 4096],
    [512, 1, 513],
    [512, 5, 2048],
    [512, 5, 10000],
    [64, 64, 16384],
  ])(
    'n = %i, H = %i, L = %i matches core.rtfKernel (both conventions) within 1e-4',
    async (n, H, L) => {
      const p = params(n * 7919 + H * 31 + L, H, n, L);
      for (const convention of ['paper', 'blog'] as const) {
        const K = await rtfKernels(rt, convention === 'paper' ? p : { ...p, convention });
        expect(K.length).toBe(H * L);
        const err = Math.max(...rowErrors(K, p, convention));
        worstSeen = Math.max(worstSeen, err);
        expect(err, convention).toBeLessThan(1e-4);
      }
    },
    30_000,
  );

  it.each<[number, number, number, number | undefined]>([
    // [n, H, L, tile]: one dispatch each way; four-step with the forward column pass skipped
    // (n + 1 ≤ N2 = tile); four-step with n too large for that and Bluestein (the unfused path)
    [4, 5, 1024, undefined],
    [0, 2, 64, undefined],
    [4, 5, 1024, 64],
    [16, 3, 4096, 64],
    [64, 3, 512, 64],
    [4, 5, 1000, 64],
  ])(
    "'workgroup' FFT passes (quotient and real part fused), n = %i, H = %i, L = %i, tile %s",
    async (n, H, L, tile) => {
      setFftStrategy(rt, 'workgroup', tile === undefined ? undefined : { tile });
      try {
        const p = params(n * 7919 + H * 31 + L + 5, H, n, L);
        for (const convention of ['paper', 'blog'] as const) {
          const K = await rtfKernels(rt, { ...p, convention });
          const err = Math.max(...rowErrors(K, p, convention));
          worstSeen = Math.max(worstSeen, err);
          expect(err, convention).toBeLessThan(1e-4);
        }
      } finally {
        setFftStrategy(rt, undefined);
      }
    },
    180_000, // SwiftShader compiles each plan's pipeline (its constants) anew
  );

  it('resonant systems: the error follows the float32 conditioning ε·‖den‖/min|D|', async () => {
    // pole pairs up to radius 0.99, angles free (double poles): κ reaches ~10^4, where no
    // float32 FFT can promise 1e-4
    const eps = 2 ** -24;
    let worstRatio = 0;
    let worstKappa = 0;
    for (const L of [100, 128]) {
      const p = params(11 + L, 64, 4, L, { rhoMax: 0.99, freeAngles: true });
      for (const convention of ['paper', 'blog'] as const) {
        const errors = rowErrors(await rtfKernels(rt, { ...p, convention }), p, convention);
        errors.forEach((err, h) => {
          const kappa = conditioning(p, h);
          worstKappa = Math.max(worstKappa, kappa);
          worstRatio = Math.max(worstRatio, err / (eps * kappa));
        });
      }
    }
    console.info(
      `rtfKernels resonant (κ up to ${worstKappa.toExponential(1)}): worst error / (ε·κ) = ${worstRatio.toFixed(2)}`,
    );
    expect(worstRatio).toBeLessThan(10);
  }, 30_000);

  it('n = 0: the paper kernel is h0·δ, the blog kernel zero', async () => {
    const p: RtfParams = {
      H: 2,
      n: 0,
      a: new Float32Array(0),
      b: new Float32Array(0),
      h0: Float32Array.of(1.5, -2),
      L: 5,
    };
    const paper = await rtfKernels(rt, p);
    [1.5, 0, 0, 0, 0, -2, 0, 0, 0, 0].forEach((v, i) => expect(paper[i]).toBeCloseTo(v, 6));
    const blog = await rtfKernels(rt, { ...p, convention: 'blog' });
    blog.forEach((v) => expect(v).toBeCloseTo(0, 6));
  });

  it('leaks nothing over 200 calls; cached tables stop growing after warm-up', async () => {
    const ps = [params(1, 3, 4, 64), params(2, 2, 8, 100)];
    const run = (i: number): Promise<Float32Array> =>
      rtfKernels(rt, { ...ps[i % 2]!, convention: i % 3 === 0 ? 'blog' : 'paper' });
    for (let i = 0; i < 6; i++) await run(i);
    const live = rt.liveBuffers();
    const cached = rt.cachedBuffers();
    for (let i = 0; i < 200; i++) await run(i);
    expect(rt.liveBuffers()).toBe(live);
    expect(rt.cachedBuffers()).toBe(cached);
  }, 60_000);

  it('rejects bad arguments with a RangeError naming them', async () => {
    const p = params(3, 2, 3, 8);
    await expect(rtfKernels(rt, { ...p, H: 0 })).rejects.toThrow(/H must be an integer/);
    await expect(rtfKernels(rt, { ...p, n: -1 })).rejects.toThrow(/n must be an integer/);
    await expect(rtfKernels(rt, { ...p, a: new Float32Array(5) })).rejects.toThrow(
      /a must have length 6/,
    );
    await expect(rtfKernels(rt, { ...p, b: new Float32Array(7) })).rejects.toThrow(
      /b must have length 6/,
    );
    await expect(rtfKernels(rt, { ...p, h0: new Float32Array(1) })).rejects.toThrow(
      /h0 must have length 2/,
    );
    await expect(rtfKernels(rt, { ...p, L: 3 })).rejects.toThrow(/L must be an integer in \[4,/);
    await expect(rtfKernels(rt, { ...p, L: 8.5 })).rejects.toThrow(/L must be an integer/);
    await expect(
      rtfKernels(rt, { ...p, convention: 'nope' as unknown as 'paper' }),
    ).rejects.toThrow(/convention must be one of/);
    const bad = Float32Array.from(p.b);
    bad[4] = NaN;
    await expect(rtfKernels(rt, { ...p, b: bad })).rejects.toThrow(/b\[4\] must be finite/);
    // 1 − z⁻¹ vanishes at z = 1 (exactly, for a power-of-two L, as in the core)
    await expect(
      rtfKernels(rt, {
        H: 1,
        n: 1,
        a: Float32Array.of(-1),
        b: Float32Array.of(1),
        h0: Float32Array.of(0),
        L: 8,
      }),
    ).rejects.toThrow(/pole lies on the unit circle/);
  });

  it('raised no WebGPU validation errors', () => {
    expect(gpuErrors).toEqual([]);
    console.info(`rtfKernels worst max-rel error: ${worstSeen.toExponential(2)}`);
  });
});
