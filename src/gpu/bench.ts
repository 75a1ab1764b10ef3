/**
 * window.ssmLab.bench(spec): times the compute paths side by side in one run, in the page.
 * Each row times the whole call including upload and read-back, after one warm-up call
 * (shader compilation), as the median of repeated runs within a time budget.
 * impl: 'wgsl' (our kernels), 'tfjs' (tfjs built-ins on its webgpu backend), 'core' (float64 CPU).
 */
import * as core from '../core/index';
import type { GpuSession } from './service';

export type BenchOp = 'fft' | 'causalConv' | 's4d' | 'dplr' | 'rtf' | 'scan';
export type BenchImpl = 'wgsl' | 'tfjs' | 'core';

export interface BenchSpecItem {
  op: BenchOp;
  impl?: BenchImpl;
  H?: number;
  N?: number;
  L?: number;
}

export interface BenchRow {
  op: BenchOp;
  impl: BenchImpl;
  backend: 'webgpu' | 'cpu';
  H: number;
  N: number | null;
  L: number;
  msMedian: number;
  msMin: number;
  runs: number;
  /** RMS relative error against the float64 core, where measured (fft). */
  relErr?: number;
  error?: string;
}

const fftRows: BenchSpecItem[] = [1024, 4096, 16384].flatMap((L) =>
  (['wgsl', 'tfjs', 'core'] as const).map((impl) => ({ op: 'fft' as const, impl, H: 64, L })),
);
const rtfRows: BenchSpecItem[] = [16, 64, 256, 512].map((N) => ({
  op: 'rtf',
  impl: 'wgsl',
  H: 64,
  N,
  L: 16384,
}));
const kernelRows: BenchSpecItem[] = (['dplr', 's4d'] as const).flatMap((op) =>
  [1, 64].flatMap((H) =>
    [1024, 4096].flatMap((L) =>
      (['wgsl', 'core'] as const).map((impl) => ({ op, impl, H, N: 64, L })),
    ),
  ),
);
const seqRows: BenchSpecItem[] = (['causalConv', 'scan'] as const).flatMap((op) =>
  (['wgsl', 'core'] as const).map((impl) => ({ op, impl, H: 64, N: 64, L: 16384 })),
);

/** The default spec of `npm run bench` (issue B): one run covers every comparison. */
export const DEFAULT_SPEC: BenchSpecItem[] = [...fftRows, ...rtfRows, ...kernelRows, ...seqRows];

function rng(seed: number): () => number {
  return core.rng(seed);
}

function rand32(n: number, seed: number, scale = 1): Float32Array {
  const r = rng(seed);
  return Float32Array.from({ length: n }, () => scale * (2 * r() - 1));
}

interface Prepared {
  run: () => Promise<unknown>;
  check?: (out: unknown) => number;
}

function rowsOf(x: Float32Array, H: number): Float64Array[] {
  const L = x.length / H;
  return Array.from({ length: H }, (_, h) => Float64Array.from(x.subarray(h * L, (h + 1) * L)));
}

function rmsRel(
  re: ArrayLike<number>,
  im: ArrayLike<number>,
  rre: ArrayLike<number>,
  rim: ArrayLike<number>,
): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < rre.length; i++) {
    num += (re[i]! - rre[i]!) ** 2 + (im[i]! - rim[i]!) ** 2;
    den += rre[i]! ** 2 + rim[i]! ** 2;
  }
  return Math.sqrt(num / den);
}

function prepare(
  item: Required<Pick<BenchSpecItem, 'op' | 'impl'>> & { H: number; N: number; L: number },
  gpu: GpuSession | null,
): Prepared {
  const { op, impl, H, N, L } = item;
  if (impl !== 'core' && !gpu) throw new Error('no WebGPU session');
  const g = gpu!;
  switch (op) {
    case 'fft': {
      const re = rand32(H * L, 1);
      const im = rand32(H * L, 2);
      const ref = () => {
        const outRe = new Float64Array(H * L);
        const outIm = new Float64Array(H * L);
        for (let h = 0; h < H; h++) {
          const X = core.fft(
            Float64Array.from(re.subarray(h * L, (h + 1) * L)),
            Float64Array.from(im.subarray(h * L, (h + 1) * L)),
          );
          outRe.set(X.re, h * L);
          outIm.set(X.im, h * L);
        }
        return { re: outRe, im: outIm };
      };
      let refCache: { re: Float64Array; im: Float64Array } | null = null;
      const check = (out: unknown) => {
        refCache ??= ref();
        const o = out as { re: ArrayLike<number>; im: ArrayLike<number> };
        return rmsRel(o.re, o.im, refCache.re, refCache.im);
      };
      if (impl === 'core') return { run: async () => ref(), check };
      if (impl === 'wgsl') return { run: () => g.core.fft(re, im, { batch: H }), check };
      const tf = g.tf;
      return {
        run: async () => {
          const t = tf.tidy(() =>
            tf.spectral.fft(tf.complex(tf.tensor2d(re, [H, L]), tf.tensor2d(im, [H, L]))),
          );
          const [r, i] = tf.tidy(() => [tf.real(t), tf.imag(t)]);
          const out = { re: await r!.data(), im: await i!.data() };
          tf.dispose([t, r!, i!]);
          return out;
        },
        check,
      };
    }
    case 'causalConv': {
      const K = rand32(H * L, 3, 0.1);
      const u = rand32(H * L, 4);
      if (impl === 'wgsl') return { run: () => g.core.causalConv(K, u, H) };
      const Ks = rowsOf(K, H);
      const us = rowsOf(u, H);
      return { run: async () => Ks.map((k, h) => core.causalConv(k, us[h]!)) };
    }
    case 'rtf': {
      const a = rand32(H * N, 5, 0.9 / N);
      const b = rand32(H * N, 6);
      const h0 = rand32(H, 7);
      if (impl === 'wgsl') return { run: () => g.core.rtfKernels({ H, n: N, a, b, h0, L }) };
      const as = rowsOf(a, H);
      const bs = rowsOf(b, H);
      return { run: async () => as.map((ah, h) => core.rtfKernel(ah, bs[h]!, h0[h]!, L)) };
    }
    case 's4d': {
      const M = Math.max(1, N >> 1);
      const init = core.s4dInit('lin', 2 * M);
      const Lre = new Float32Array(H * M);
      const Lim = new Float32Array(H * M);
      for (let h = 0; h < H; h++) {
        Lre.set(init.re, h * M);
        Lim.set(init.im, h * M);
      }
      const Bc = { re: rand32(H * M, 8), im: rand32(H * M, 9) };
      const Cc = { re: rand32(H * M, 10), im: rand32(H * M, 11) };
      const dt = Float32Array.from(
        { length: H },
        (_, h) => 10 ** (-3 + (2 * h) / Math.max(1, H - 1)),
      );
      if (impl === 'wgsl')
        return {
          run: () =>
            g.core.s4dKernels({
              H,
              M,
              Lambda: { re: Lre, im: Lim },
              B: Bc,
              C: Cc,
              dt,
              L,
              disc: 'zoh',
            }),
        };
      const c64 = (x: Float32Array, h: number) => Float64Array.from(x.subarray(h * M, (h + 1) * M));
      return {
        run: async () =>
          Array.from({ length: H }, (_, h) =>
            core.s4dKernel(
              { re: c64(Lre, h), im: c64(Lim, h) },
              { re: c64(Bc.re, h), im: c64(Bc.im, h) },
              { re: c64(Cc.re, h), im: c64(Cc.im, h) },
              dt[h]!,
              L,
              'zoh',
            ),
          ),
      };
    }
    case 'dplr': {
      const C = rand32(H * N, 12, 1 / Math.sqrt(N));
      const dt = Float32Array.from(
        { length: H },
        (_, h) => 10 ** (-3 + (2 * h) / Math.max(1, H - 1)),
      );
      if (impl === 'wgsl') return { run: () => g.core.dplrKernels({ H, N, C, dt, L }) };
      const Cs = rowsOf(C, H);
      return { run: async () => Cs.map((c, h) => core.s4Kernel('legs', N, c, dt[h]!, L, 'dplr')) };
    }
    case 'scan': {
      const M = Math.max(1, N >> 1);
      const mag = Float32Array.from(rand32(H * M, 13), (x) => 0.9 + 0.099 * Math.abs(x));
      const ang = rand32(H * M, 14, Math.PI);
      const Abar = {
        re: mag.map((m, i) => m * Math.cos(ang[i]!)),
        im: mag.map((m, i) => m * Math.sin(ang[i]!)),
      };
      const Bbar = { re: rand32(H * M, 15), im: rand32(H * M, 16) };
      const Cc = { re: rand32(H * M, 17), im: rand32(H * M, 18) };
      const u = rand32(H * L, 19);
      if (impl === 'wgsl') return { run: () => g.core.scan({ H, M, Abar, Bbar, C: Cc, u, L }) };
      return {
        run: async () => {
          // float64 sequential diagonal recurrence, the CPU reference of scan
          const y = new Float64Array(H * L);
          for (let h = 0; h < H; h++) {
            for (let m = 0; m < M; m++) {
              const i = h * M + m;
              const ar = Abar.re[i]!;
              const ai = Abar.im[i]!;
              const br = Bbar.re[i]!;
              const bi = Bbar.im[i]!;
              const cr = Cc.re[i]!;
              const ci = Cc.im[i]!;
              let xr = 0;
              let xi = 0;
              for (let k = 0; k < L; k++) {
                const uk = u[h * L + k]!;
                const nr = ar * xr - ai * xi + br * uk;
                xi = ar * xi + ai * xr + bi * uk;
                xr = nr;
                y[h * L + k]! += 2 * (cr * xr - ci * xi);
              }
            }
          }
          return y;
        },
      };
    }
  }
}

export interface BenchOptions {
  /** Time budget per row in ms (at least one timed run is always made). */
  budgetMs?: number;
  maxRuns?: number;
  onRow?: (row: BenchRow) => void;
  signal?: AbortSignal;
}

export async function bench(
  spec: BenchSpecItem[] | undefined,
  gpu: GpuSession | null,
  opts: BenchOptions = {},
): Promise<BenchRow[]> {
  const budget = opts.budgetMs ?? 2000;
  const maxRuns = opts.maxRuns ?? 15;
  const rows: BenchRow[] = [];
  for (const s of spec ?? DEFAULT_SPEC) {
    if (opts.signal?.aborted) break;
    const impl = s.impl ?? (gpu ? 'wgsl' : 'core');
    const item = { op: s.op, impl, H: s.H ?? 1, N: s.N ?? 64, L: s.L ?? 4096 };
    const base: Omit<BenchRow, 'msMedian' | 'msMin' | 'runs'> = {
      op: item.op,
      impl,
      backend: impl === 'core' ? 'cpu' : 'webgpu',
      H: item.H,
      N: ['fft', 'causalConv'].includes(item.op) ? null : item.N,
      L: item.L,
    };
    let row: BenchRow;
    try {
      const p = prepare(item, gpu);
      const w0 = performance.now();
      const first = await p.run(); // warm-up: shader compilation, caches
      const warm = performance.now() - w0;
      const times: number[] = [];
      if (warm > budget) {
        times.push(warm); // too slow to repeat within the budget: the warm-up call is the one run
      } else {
        const start = performance.now();
        while (times.length < maxRuns && (times.length < 3 || performance.now() - start < budget)) {
          const t0 = performance.now();
          await p.run();
          times.push(performance.now() - t0);
          if (performance.now() - start > 4 * budget) break;
        }
      }
      times.sort((a, b) => a - b);
      row = {
        ...base,
        msMedian: times[Math.floor(times.length / 2)]!,
        msMin: times[0]!,
        runs: times.length,
      };
      if (p.check) row.relErr = p.check(first);
    } catch (e) {
      row = {
        ...base,
        msMedian: NaN,
        msMin: NaN,
        runs: 0,
        error: e instanceof Error ? e.message : String(e),
      };
    }
    rows.push(row);
    opts.onRow?.(row);
    await new Promise((r) => setTimeout(r, 0));
  }
  return rows;
}
