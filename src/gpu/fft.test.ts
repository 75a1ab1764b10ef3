/**
 * gpu.fft and the any-length dft against the float64 core (src/core/fft.ts), on real WebGPU
 * (Dawn; SwiftShader here). Errors are RMS relative errors ‖gpu − ref‖₂ / ‖ref‖₂ over all rows.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fft as coreFft } from '../core/fft';
import {
  deinterleave,
  dft,
  encodeRowPass,
  fft,
  fftEncode,
  fftPath,
  fftStrategy,
  fftTile,
  setFftStrategy,
  setFftTuning,
  interleave,
  subgroupLaneBits,
  type FftStrategy,
  type FftTuning,
} from './fft';
import { rowPlan } from './fftRow';
import type { GpuRuntime } from './runtime';
import { dawnRuntime } from './testing/dawn';
import type { Complex32 } from './types';

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

function randomRows(seed: number, count: number): Complex32 {
  const r = rng(seed);
  return {
    re: Float32Array.from({ length: count }, r),
    im: Float32Array.from({ length: count }, r),
  };
}

interface ComplexLike {
  re: ArrayLike<number>;
  im: ArrayLike<number>;
}

/** The core's transform of each row, kept in float64 (from the same float32 inputs). */
function reference(x: Complex32, batch: number, inverse: boolean): ComplexLike {
  const n = x.re.length / batch;
  const re = new Float64Array(x.re.length);
  const im = new Float64Array(x.re.length);
  for (let b = 0; b < batch; b++) {
    const y = coreFft(
      Float64Array.from(x.re.subarray(b * n, (b + 1) * n)),
      Float64Array.from(x.im.subarray(b * n, (b + 1) * n)),
      inverse,
    );
    re.set(y.re, b * n);
    im.set(y.im, b * n);
  }
  return { re, im };
}

function rmsRel(got: ComplexLike, ref: ComplexLike): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < ref.re.length; i++) {
    num += (got.re[i]! - ref.re[i]!) ** 2 + (got.im[i]! - ref.im[i]!) ** 2;
    den += ref.re[i]! ** 2 + ref.im[i]! ** 2;
  }
  return den === 0 ? Math.sqrt(num) : Math.sqrt(num / den);
}

const worst = new Map<string, number>();
function record(key: string, err: number): number {
  worst.set(key, Math.max(worst.get(key) ?? 0, err));
  return err;
}

let rt: GpuRuntime;
const gpuErrors: string[] = [];

beforeAll(async () => {
  const { runtime, adapter } = await dawnRuntime();
  expect(adapter).toBeTruthy();
  rt = runtime;
  rt.device.addEventListener('uncapturederror', (e) => {
    gpuErrors.push((e as GPUUncapturedErrorEvent).error.message);
  });
});

describe('gpu fft (Stockham, pow2 rows)', () => {
  it('has a WebGPU adapter and picks the global strategy on SwiftShader', () => {
    expect(rt.device).toBeDefined();
    const info = (rt.device as GPUDevice & { adapterInfo?: GPUAdapterInfo }).adapterInfo;
    if (info?.architecture === 'swiftshader') expect(fftStrategy(rt)).toBe('global');
  });

  it('n = 4096: forward, inverse and round trip within 1e-6 (RMS relative)', async () => {
    const batch = 4;
    const x = randomRows(1, 4096 * batch);
    const X = await fft(rt, x.re, x.im, { batch });
    expect(record('fft', rmsRel(X, reference(x, batch, false)))).toBeLessThan(1e-6);
    const xi = await fft(rt, x.re, x.im, { batch, inverse: true });
    expect(record('ifft', rmsRel(xi, reference(x, batch, true)))).toBeLessThan(1e-6);
    const back = await fft(rt, X.re, X.im, { batch, inverse: true });
    expect(record('round trip', rmsRel(back, x))).toBeLessThan(1e-6);
  });

  it('n = 2^16: forward, inverse and round trip within 1e-5', async () => {
    const x = randomRows(2, 1 << 16);
    const X = await fft(rt, x.re, x.im, { batch: 1 });
    expect(record('fft', rmsRel(X, reference(x, 1, false)))).toBeLessThan(1e-5);
    const xi = await fft(rt, x.re, x.im, { batch: 1, inverse: true });
    expect(record('ifft', rmsRel(xi, reference(x, 1, true)))).toBeLessThan(1e-5);
    const back = await fft(rt, X.re, X.im, { batch: 1, inverse: true });
    expect(record('round trip', rmsRel(back, x))).toBeLessThan(1e-5);
  });

  it('small rows n ∈ {1, …, 1024} with batches {1, 3, 64}, both directions', async () => {
    for (const n of [1, 2, 4, 8, 64, 256, 1024]) {
      for (const batch of [1, 3, 64]) {
        const x = randomRows(n * 100 + batch, n * batch);
        for (const inverse of [false, true]) {
          const got = await fft(rt, x.re, x.im, { batch, inverse });
          const err = record(inverse ? 'ifft' : 'fft', rmsRel(got, reference(x, batch, inverse)));
          expect(err, `n=${n} batch=${batch} inverse=${inverse}`).toBeLessThan(1e-6);
        }
      }
    }
  });

  it('n = 2^20, batch 1 (timed)', async () => {
    const x = randomRows(3, 1 << 20);
    await fft(rt, x.re, x.im, { batch: 1 }); // warm-up: pipelines, twiddles
    const t0 = performance.now();
    const X = await fft(rt, x.re, x.im, { batch: 1 });
    const ms = performance.now() - t0;
    const err = record('fft', rmsRel(X, reference(x, 1, false)));
    console.info(`fft n=2^20 batch 1: ${ms.toFixed(0)} ms, RMS rel error ${err.toExponential(2)}`);
    expect(err).toBeLessThan(1e-5);
  }, 60_000);

  it.each<[FftStrategy, number | undefined]>([
    ['workgroup', undefined],
    ['workgroup', 64],
    ['global', undefined],
  ])(
    'strategy %s (tile %s) matches the core, four-step included',
    async (strategy, tile) => {
      setFftStrategy(rt, strategy, tile === undefined ? undefined : { tile });
      setFftTuning({ single: false }); // the one-row pass has its own test below
      try {
        const T = fftTile(rt);
        const sizes =
          strategy === 'global'
            ? [2, 32, 512]
            : tile
              ? [2, 16, 32, T, T * 2, T * 16, T * 128] // 2T, 16T: four-step; 128T: global
              : [16, 256, 512, 8192]; // 512: a middle pass with two barriers; 8192: four-step (N2 = 2048)
        for (const n of sizes) {
          for (const batch of [1, 3]) {
            const x = randomRows(n + batch, n * batch);
            for (const inverse of [false, true]) {
              const got = await fft(rt, x.re, x.im, { batch, inverse });
              const err = record(
                inverse ? 'ifft' : 'fft',
                rmsRel(got, reference(x, batch, inverse)),
              );
              expect(err, `${strategy} n=${n} batch=${batch} inverse=${inverse}`).toBeLessThan(
                1e-6,
              );
            }
          }
        }
      } finally {
        setFftTuning();
        setFftStrategy(rt, undefined);
      }
    },
    180_000, // SwiftShader compiles each plan's pipeline anew
  );

  it.each<[number, Partial<FftTuning>, number[]]>([
    // exchanges of 256 values: 2, 4 and 8 rounds
    [256, { chunk: 4096, values: 16, exchange: 'split' }, [512, 1024, 2048]],
    // 4096: three radix-16 passes, 4 rounds per exchange
    [1024, { chunk: 4096, values: 16, exchange: 'split' }, [2048, 4096]],
    [1024, { chunk: 4096, values: 16, exchange: 'vec2' }, [2048, 4096]],
    // chunk tuned below the tile: 4 rounds
    [2048, { chunk: 1024, values: 16, exchange: 'split' }, [4096]],
    // 32 values per invocation; 8192 = 256 invocations × 32
    [1024, { chunk: 4096, values: 32, exchange: 'split' }, [2048, 8192]],
    [1024, { chunk: 4096, values: 32, exchange: 'vec2' }, [8192]],
  ])(
    'one-dispatch register pass (tile %i, %o) matches the core for n = %o',
    async (tile, t, sizes) => {
      setFftStrategy(rt, 'workgroup', { tile });
      setFftTuning(t);
      try {
        for (const n of sizes) {
          expect(fftPath(rt, n), `n=${n}`).toBe('single');
          for (const batch of [1, 3]) {
            const x = randomRows(n + batch + 11, n * batch);
            for (const inverse of [false, true]) {
              const got = await fft(rt, x.re, x.im, { batch, inverse });
              const err = record(
                inverse ? 'ifft' : 'fft',
                rmsRel(got, reference(x, batch, inverse)),
              );
              expect(err, `n=${n} batch=${batch} inverse=${inverse}`).toBeLessThan(1e-6);
            }
          }
        }
        // in place (the four-step returns a second buffer), and the switch turns it off
        const n = sizes[0]!;
        const data = rt.storage(n * 8);
        const enc = rt.device.createCommandEncoder();
        expect(fftEncode(rt, enc, data, n, 1, false)).toBe(data);
        setFftTuning({ ...t, single: false });
        expect(fftPath(rt, n)).toBe('four-step');
        const out = fftEncode(rt, enc, data, n, 1, false);
        expect(out).not.toBe(data);
        rt.release(data, out);
      } finally {
        setFftTuning();
        setFftStrategy(rt, undefined);
      }
    },
    180_000,
  );

  it.each<[number, number]>([
    [512, 512], // last pass radix 2: one shuffle stage
    [1024, 1024], // radix 4: two
    [1024, 256], // no plan with shuffles (the first exchange's rounds would need the lanes)
  ])(
    'one-dispatch register pass, last exchange through subgroup shuffles: n = %i, chunk %i',
    async (n, chunk) => {
      const lanes = subgroupLaneBits(rt);
      if (lanes < 2) return; // no subgroups of ≥ 4 invocations here
      const plan = rowPlan(n, chunk, 16, true, { shuffleLanes: lanes });
      if (chunk < n) {
        expect(plan).toBeUndefined();
        return;
      }
      expect(plan!.exchanges.at(-1)!.lanes).toBe(n === 512 ? 1 : 2);
      for (const inverse of [false, true]) {
        const batch = 3;
        const x = randomRows(n + 5, n * batch);
        const data = rt.upload(interleave(x.re, x.im));
        try {
          const enc = rt.device.createCommandEncoder();
          encodeRowPass(rt, enc, plan!, data, batch, inverse);
          const got = deinterleave(await rt.read(enc, data, n * batch * 8));
          const err = record(inverse ? 'ifft' : 'fft', rmsRel(got, reference(x, batch, inverse)));
          expect(err, `n=${n} inverse=${inverse}`).toBeLessThan(1e-6);
        } finally {
          rt.release(data);
        }
      }
    },
    60_000,
  );

  it.each<[number, number, Partial<FftTuning>]>([
    // [n, tile, tuning]: several rows per workgroup, the next row's values prefetched during
    // pass 1 (beyond the exchanges' memory) and after the last exchange (in its memory), a
    // wide exchange (3 rounds of 3 classes)
    [4096, 1024, { rows: 2 }],
    [4096, 1024, { rows: 3, prefetch: 6 }], // 2 in pass 1 … capped by nothing here
    [4096, 1024, { rows: 2, prefetch: 16 }], // 12 beyond, 4 in the exchanges' memory
    [4096, 1024, { wide: 0 }],
    [4096, 1024, { wide: 1, rows: 2, prefetch: 14 }],
    [4096, 1024, { rows: 3, prefetch: 16, prefetchAt: 'exchange' }],
    [4096, 1024, { wide: 0, rows: 2, prefetch: 13, prefetchAt: 'exchange' }],
    [2048, 1024, { rows: 4, prefetch: 3, wide: 0 }], // last pass radix 8: three exchanges
    [1024, 256, { rows: 2, prefetch: 5 }], // last exchange through shuffles (subgroups ≥ 4)
    [1024, 256, { rows: 3, prefetch: 5, prefetchAt: 'exchange' }],
    [4096, 1024, { rows: 2, prefetch: 5, prefetchAt: 'spread', stagger: 10 }],
    [4096, 1024, { rows: 2, prefetch: 2, prefetchAt: 'exchange', slotMaps: 'shift' }],
    [4096, 1024, { rowTable: 'full', slotMaps: 'shift', wide: 0 }],
    [1024, 256, { rowTable: 'full', slotMaps: 'shift' }],
    // the pass as before (one row per workgroup, slot maps as selects, the half table)
    [4096, 1024, { rows: 1, prefetch: 0, slotMaps: 'select', rowTable: 'half' }],
    [1024, 256, { rows: 1, prefetch: 0, slotMaps: 'select', rowTable: 'half' }],
  ])(
    'one-dispatch register pass n = %i (tile %i) with %o: the same bits as one row per workgroup',
    async (n, tile, t) => {
      setFftStrategy(rt, 'workgroup', { tile });
      try {
        for (const batch of [1, 5]) {
          const x = randomRows(n + batch + 17, n * batch);
          for (const inverse of [false, true]) {
            setFftTuning();
            expect(fftPath(rt, n)).toBe('single');
            const plain = await fft(rt, x.re, x.im, { batch, inverse });
            setFftTuning(t);
            expect(fftPath(rt, n)).toBe('single');
            const got = await fft(rt, x.re, x.im, { batch, inverse });
            const err = record(inverse ? 'ifft' : 'fft', rmsRel(got, reference(x, batch, inverse)));
            expect(err, `batch=${batch} inverse=${inverse}`).toBeLessThan(1e-6);
            expect(Array.from(got.re)).toEqual(Array.from(plain.re));
            expect(Array.from(got.im)).toEqual(Array.from(plain.im));
          }
        }
      } finally {
        setFftTuning();
        setFftStrategy(rt, undefined);
      }
    },
    180_000,
  );

  it.each<Partial<FftTuning>>([
    { order: 'dif', twiddles: 'chain' },
    { order: 'dit', twiddles: 'table' },
  ])(
    'workgroup variant %o matches the core (one dispatch and four-step)',
    async (t) => {
      setFftStrategy(rt, 'workgroup', { tile: 64 });
      setFftTuning({ ...t, single: false });
      try {
        for (const n of [16, 64, 128, 4096]) {
          const batch = 3;
          const x = randomRows(n + 7, n * batch);
          for (const inverse of [false, true]) {
            const got = await fft(rt, x.re, x.im, { batch, inverse });
            const err = record(inverse ? 'ifft' : 'fft', rmsRel(got, reference(x, batch, inverse)));
            expect(err, `n=${n} inverse=${inverse}`).toBeLessThan(1e-6);
          }
        }
      } finally {
        setFftTuning();
        setFftStrategy(rt, undefined);
      }
    },
    60_000,
  );

  it('fftEncode chains without read-back and reports its result buffer', async () => {
    const n = 256;
    const batch = 2;
    const x = randomRows(4, n * batch);
    const inter = new Float32Array(2 * n * batch);
    x.re.forEach((v, i) => {
      inter[2 * i] = v;
      inter[2 * i + 1] = x.im[i]!;
    });
    const before = rt.liveBuffers();
    const data = rt.upload(inter);
    const enc = rt.device.createCommandEncoder();
    const X = fftEncode(rt, enc, data, n, batch, false);
    const back = fftEncode(rt, enc, X, n, batch, true);
    const raw = await rt.read(enc, back, inter.byteLength);
    rt.release(data, X, back);
    expect(rt.liveBuffers()).toBe(before);
    let num = 0;
    let den = 0;
    for (let i = 0; i < raw.length; i++) {
      num += (raw[i]! - inter[i]!) ** 2;
      den += inter[i]! ** 2;
    }
    expect(Math.sqrt(num / den)).toBeLessThan(1e-6);
  });
});

describe('gpu dft (any length: Bluestein)', () => {
  it('matches core.fft for odd, prime and composite lengths, both directions', async () => {
    for (const L of [1, 3, 5, 7, 12, 100, 1000, 4097]) {
      for (const batch of [1, 3]) {
        const x = randomRows(L * 10 + batch, L * batch);
        for (const inverse of [false, true]) {
          const got = await dft(rt, x.re, x.im, { batch, inverse });
          const err = record('dft', rmsRel(got, reference(x, batch, inverse)));
          expect(err, `L=${L} batch=${batch} inverse=${inverse}`).toBeLessThan(2e-6);
        }
      }
    }
  });
});

describe('gpu fft: buffers and arguments', () => {
  it('leaks nothing over 200 calls; cached tables stop growing after warm-up', async () => {
    const cases = [
      { n: 64, batch: 3, L: 0 },
      { n: 1024, batch: 1, L: 0 },
      { n: 0, batch: 2, L: 100 },
    ];
    const data = cases.map(({ n, batch, L }, i) => randomRows(50 + i, (n || L) * batch));
    const run = async (i: number): Promise<void> => {
      const c = cases[i % cases.length]!;
      const x = data[i % cases.length]!;
      if (c.n) await fft(rt, x.re, x.im, { batch: c.batch, inverse: i % 2 === 1 });
      else await dft(rt, x.re, x.im, { batch: c.batch, inverse: i % 2 === 1 });
    };
    for (let i = 0; i < 6; i++) await run(i);
    const live = rt.liveBuffers();
    const cached = rt.cachedBuffers();
    for (let i = 0; i < 200; i++) await run(i);
    expect(rt.liveBuffers()).toBe(live);
    expect(rt.cachedBuffers()).toBe(cached);
  }, 60_000);

  it('rejects bad arguments with a RangeError naming them', async () => {
    const x = new Float32Array(8);
    await expect(fft(rt, x, x, { batch: 0 })).rejects.toThrow(/batch/);
    await expect(fft(rt, x, x, { batch: 1.5 })).rejects.toThrow(RangeError);
    await expect(fft(rt, x, x, { batch: 3 })).rejects.toThrow(/re.length/);
    await expect(fft(rt, new Float32Array(6), new Float32Array(6), { batch: 1 })).rejects.toThrow(
      /n must be a power of two/,
    );
    await expect(fft(rt, x, new Float32Array(4), { batch: 1 })).rejects.toThrow(/im/);
    await expect(
      fft(rt, Float32Array.of(1, NaN), new Float32Array(2), { batch: 1 }),
    ).rejects.toThrow(/re\[1\] must be finite/);
    await expect(fft(rt, new Float32Array(0), new Float32Array(0), { batch: 1 })).rejects.toThrow(
      RangeError,
    );
    await expect(dft(rt, x, x, { batch: 0 })).rejects.toThrow(/batch/);
    await expect(
      dft(rt, new Float32Array(3), Float32Array.of(0, Infinity, 0), { batch: 1 }),
    ).rejects.toThrow(/im\[1\]/);
    expect(() => setFftStrategy(rt, 'workgroup', { tile: 3 })).toThrow(/tile/);
  });

  it('raised no WebGPU validation errors', () => {
    expect(gpuErrors).toEqual([]);
  });

  it('reports the worst errors', () => {
    console.info(
      'worst RMS relative errors:',
      Object.fromEntries([...worst].map(([k, v]) => [k, v.toExponential(2)])),
    );
  });
});
