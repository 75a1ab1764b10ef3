/**
 * GPU benchmark of the §4 kernels in Node on Dawn (issue F): GPU time from timestamp queries
 * (GpuRuntime.beginTiming / endTiming around each call: every compute pass the call records writes
 * its start and end; then the call's passes are replayed back to back from its own inputs), next
 * to the machine's own ceilings measured in the same run — a plain WGSL copy (bandwidth, bytes
 * read + written) and an FMA loop (float32 rate). Each kernel's output is checked against the
 * float64 core on three rows (max |gpu − f64| / max |f64|).
 *
 * Run: npm run bench:gpu [-- --small] [--out FILE] [--reps N] [--only s4d,fft,…] [--variants]
 *   (bench/gpu.mjs sets up the Vulkan driver and loader — SwiftShader here — and runs this file
 *   with tsx). --small: reduced sizes that finish on SwiftShader (CPU emulation) in minutes.
 *   --variants: also the diagnostic plans and row lengths of fft and causalConv.
 * On another machine: bench/h200.sh (a bundle of this file; see bench/README.md).
 *
 * Times (GPU spans: first pass start → last pass end of one execution of the call's passes):
 * `ms` — the call's passes replayed back to back (GpuRuntime timing replays: same pipelines, bind
 * groups and workgroup counts; each replay first restores the buffers to the call's own data),
 * median of the later half of ≥ 20 replays, as CUDA events time back-to-back PyTorch launches;
 * `coldMs` — the same span inside the `--reps` real calls (after `--warmup` calls), where the GPU
 * idles while the host prepares each call and every call gets fresh buffers; `passMs` — each pass, hot. Host work (f64 tables, packing,
 * upload, read-back) is not GPU time; `wallMs` times the whole call from JS for reference.
 */
import { writeFileSync } from 'node:fs';
import { create, globals } from 'webgpu';
import { causalConv as coreConv } from '../src/core/ssm';
import { fft as coreFft } from '../src/core/fft';
import { rtfKernel } from '../src/core/rtf';
import { s4dInit, s4dKernel, s4Kernel } from '../src/core/s4';
import { gaussian, rng } from '../src/core/signals';
import { causalConv, convPath, setConvTuning, type ConvTuning } from '../src/gpu/conv';
import { dplrKernels } from '../src/gpu/dplr';
import {
  fft,
  fftPath,
  fftStrategy,
  fftTile,
  setFftStrategy,
  setFftTuning,
  type FftStrategy,
  type FftTuning,
} from '../src/gpu/fft';
import { rtfKernels } from '../src/gpu/rtf';
import { grid, GpuRuntime } from '../src/gpu/runtime';
import { clockWarmer, FMA_WGSL } from './warm';
import { s4dKernels, setS4dTuning, type S4dTuning } from '../src/gpu/s4d';
import { scan } from '../src/gpu/scan';
import type { Complex32, DplrParams, RtfParams, S4dParams, ScanParams } from '../src/gpu/types';

// ---------------------------------------------------------------------------------------------
// arguments

interface Args {
  small: boolean;
  out: string;
  reps: number;
  warmup: number;
  only: Set<string> | undefined;
  /** Also the diagnostic variants (other plans and sizes of fft and causalConv). */
  variants: boolean;
}

function parseArgs(argv: string[]): Args {
  const a: Args = {
    small: false,
    out: 'bench/gpu.json',
    reps: 10,
    warmup: 2,
    only: undefined,
    variants: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i]!;
    const v = (): string => {
      const x = argv[++i];
      if (x === undefined) throw new Error(`${k} needs a value`);
      return x;
    };
    if (k === '--small') a.small = true;
    else if (k === '--out') a.out = v();
    else if (k === '--reps') a.reps = Math.max(1, Number(v()));
    else if (k === '--warmup') a.warmup = Math.max(0, Number(v()));
    else if (k === '--only') a.only = new Set(v().split(','));
    else if (k === '--variants') a.variants = true;
    else
      throw new Error(
        `unknown argument ${k} (use --small, --out FILE, --reps N, --only a,b, --variants)`,
      );
  }
  if (a.small) a.warmup = Math.min(a.warmup, 1);
  return a;
}

const args = parseArgs(process.argv.slice(2));

// ---------------------------------------------------------------------------------------------
// device

Object.assign(globalThis, globals);
// Dawn destroys its instance when the JS object is collected: keep it for the whole process.
// timestamp_quantization (on by default) would round timestamps to tens of microseconds.
const instance = create(['disable-dawn-features=timestamp_quantization']);
(globalThis as { dawnInstance?: GPU }).dawnInstance = instance;
const adapter = await instance.requestAdapter({ powerPreference: 'high-performance' });
if (!adapter) {
  throw new Error('Dawn found no WebGPU adapter (VK_ICD_FILENAMES / VK_DRIVER_FILES set?)');
}
const hasTimestamps = adapter.features.has('timestamp-query');
const lim = adapter.limits;
const device = await adapter.requestDevice({
  requiredLimits: {
    maxStorageBufferBindingSize: lim.maxStorageBufferBindingSize,
    maxBufferSize: lim.maxBufferSize,
    maxComputeWorkgroupStorageSize: lim.maxComputeWorkgroupStorageSize,
    maxComputeInvocationsPerWorkgroup: lim.maxComputeInvocationsPerWorkgroup,
    maxComputeWorkgroupSizeX: lim.maxComputeWorkgroupSizeX,
  },
  requiredFeatures: ['timestamp-query', 'subgroups'].filter((f) =>
    adapter.features.has(f),
  ) as GPUFeatureName[],
});
const gpuErrors: string[] = [];
device.addEventListener('uncapturederror', (e) => {
  gpuErrors.push((e as GPUUncapturedErrorEvent).error.message);
});
void device.lost.then((info) => {
  if (info.reason !== 'destroyed') console.error(`device lost: ${info.message}`);
});
const rt = new GpuRuntime(device);
const info = adapter.info;
const adapterName = [info.vendor, info.architecture, info.device, info.description]
  .filter((s) => s)
  .join(' / ');

// ---------------------------------------------------------------------------------------------
// timing

interface Timed {
  /** GPU time of the call's passes replayed back to back (ms): median of the later half. */
  ms: number;
  msMin: number;
  /** Replays timed / kept for the median. */
  replays: number;
  /** Each pass of the call, hot: median over the kept replays (ms). */
  passMs: number[];
  /** GPU span of the passes inside the real calls (host work and idle GPU in between), median. */
  coldMs: number;
  coldPassSumMs: number;
  passes: number;
  /** The whole call from JS: host tables, upload, GPU, read-back. */
  wallMs: number;
  runs: number;
  samples: number[];
}

function median(x: number[]): number {
  const s = [...x].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? Number.NaN : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Back-to-back GPU work wanted per hot measurement, ms (clocks settle; ≥ 20 replays anyway). */
const HOT_MS = 200;
/** GPU work queued before the hot replays on top of the call's host time (bench/warm.ts), ms. */
const WARM_MS = 300;
let warm: ((ms: number) => void) | undefined;

/**
 * Times `call`: warm-up calls, then `reps` real calls (cold: each preceded by the host's own
 * preparation, during which the GPU idles), then one call whose passes are replayed back to
 * back (GpuRuntime's timing replays) — the hot time, comparable with CUDA-event timings of
 * back-to-back launches. Returns the output of the last real call for the accuracy check.
 */
async function timeCall<T>(call: () => Promise<T>): Promise<{ timed: Timed; out: T }> {
  let out: T | undefined;
  for (let i = 0; i < args.warmup; i++) out = await call();
  const spans: number[] = [];
  const sums: number[] = [];
  const walls: number[] = [];
  let passes = 0;
  for (let i = 0; i < args.reps; i++) {
    if (hasTimestamps) rt.beginTiming();
    const t0 = performance.now();
    out = await call();
    walls.push(performance.now() - t0);
    if (hasTimestamps) {
      const t = await rt.endTiming();
      spans.push(t.spanMs);
      sums.push(t.sumMs);
      passes = t.passes;
    }
  }
  const cold = hasTimestamps ? median(spans) : median(walls);
  let hot: number[] = [];
  let passMs: number[] = [];
  let replays = 0;
  if (hasTimestamps) {
    // keep the GPU busy through the host's preparation of the call, so that the replays run at
    // the clocks of sustained load (bench/warm.ts)
    warm?.(median(walls) + WARM_MS);
    replays = Math.max(20, Math.min(Math.ceil(HOT_MS / cold), Math.floor(2048 / passes) - 1));
    rt.beginTiming({ replays });
    out = await call();
    const t = await rt.endTiming();
    const kept = t.executions
      .slice(1)
      .slice(-Math.max(10, Math.floor((t.executions.length - 1) / 2)));
    replays = t.executions.length - 1;
    hot = kept.map((e) => e.spanMs);
    passMs = Array.from(
      { length: passes },
      (_, i) => +median(kept.map((e) => e.passMs[i]!)).toPrecision(3),
    );
  }
  const gpu = hasTimestamps ? hot : walls;
  return {
    timed: {
      ms: median(gpu),
      msMin: Math.min(...gpu),
      replays,
      passMs,
      coldMs: cold,
      coldPassSumMs: hasTimestamps ? median(sums) : Number.NaN,
      passes,
      wallMs: median(walls),
      runs: gpu.length,
      samples: gpu.map((v) => +v.toPrecision(4)),
    },
    out: out as T,
  };
}

// ---------------------------------------------------------------------------------------------
// ceilings: copy bandwidth and float32 FMA rate, plain WGSL

const COPY_WGSL = /* wgsl */ `
@group(0) @binding(0) var<storage, read> src: array<vec4<f32>>;
@group(0) @binding(1) var<storage, read_write> dst: array<vec4<f32>>;
@group(0) @binding(2) var<uniform> p: vec4<u32>; // count, threads per grid row
@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) g: vec3<u32>) {
  let i = g.x + g.y * p.y;
  if (i < p.x) { dst[i] = src[i]; }
}`;

/** `k` passes of `pipeline` back to back in one submission; median of the later half (ms). */
async function backToBack(
  pipeline: GPUComputePipeline,
  buffers: GPUBuffer[],
  workgroups: [number, number],
  k: number,
): Promise<{ ms: number; msMin: number; runs: number }> {
  const run = async (): Promise<void> => {
    const enc = device.createCommandEncoder();
    for (let i = 0; i < k; i++) rt.dispatch(enc, pipeline, buffers, workgroups);
    device.queue.submit([enc.finish()]);
    await device.queue.onSubmittedWorkDone();
  };
  await run(); // warm-up
  if (!hasTimestamps) {
    const t0 = performance.now();
    await run();
    const ms = (performance.now() - t0) / k;
    return { ms, msMin: ms, runs: 1 };
  }
  rt.beginTiming();
  await run();
  const kept = (await rt.endTiming()).executions[0]!.passMs.slice(-Math.floor(k / 2));
  return { ms: median(kept), msMin: Math.min(...kept), runs: kept.length };
}

async function copyBandwidth(bytes: number): Promise<Record<string, number>> {
  const count = bytes / 16;
  const src = rt.storage(bytes);
  const dst = rt.storage(bytes);
  const [gx, gy] = grid(Math.ceil(count / 256));
  const params = rt.uniform(new Uint32Array([count, gx * 256, 0, 0]));
  // fill the source once (a copy of zeros could be special-cased)
  const init = new Float32Array(1 << 20).map((_, i) => i * 1e-3);
  for (let off = 0; off < bytes; off += init.byteLength) {
    device.queue.writeBuffer(src, off, init, 0, Math.min(init.length, (bytes - off) / 4));
  }
  try {
    const t = await backToBack(rt.pipeline(COPY_WGSL), [src, dst, params], [gx, gy], 40);
    return { bytesEachWay: bytes, ...t, GBps: (2 * bytes) / t.ms / 1e6 };
  } finally {
    rt.release(src, dst, params);
  }
}

async function fmaRate(threads: number, iters: number): Promise<Record<string, number>> {
  const out = rt.storage(threads * 16);
  const [gx, gy] = grid(Math.ceil(threads / 256));
  const params = rt.uniform(new Uint32Array([iters, gx * 256, 0, 0]));
  try {
    const t = await backToBack(rt.pipeline(FMA_WGSL), [out, params], [gx, gy], 40);
    const flops = threads * iters * 16 * 2;
    return { flops, ...t, GFLOPs: flops / t.ms / 1e6 };
  } finally {
    rt.release(out, params);
  }
}

// ---------------------------------------------------------------------------------------------
// inputs and float64 checks

function uniform(seed: number): () => number {
  return rng(seed);
}

/** max|got − ref| / max|ref| over the rows checked (as test/support/close.ts relError). */
function maxRelErr(rows: [ArrayLike<number>, ArrayLike<number>][]): number {
  let worst = 0;
  for (const [got, ref] of rows) {
    let err = 0;
    let scale = 1e-300;
    for (let i = 0; i < ref.length; i++) {
      scale = Math.max(scale, Math.abs(ref[i]!));
      const d = Math.abs(got[i]! - ref[i]!);
      err = Number.isFinite(d) ? Math.max(err, d) : Infinity;
    }
    worst = Math.max(worst, err / scale);
  }
  return worst;
}

/** The rows checked against the float64 core: first, middle, last. */
function checkRows(H: number): number[] {
  return [...new Set([0, H >> 1, H - 1])];
}

function s4dParams(H: number, M: number, L: number): S4dParams {
  const u = uniform(1);
  const g = gaussian(u);
  const Lambda: Complex32 = { re: new Float32Array(H * M), im: new Float32Array(H * M) };
  const kinds = ['legs', 'lin', 'inv'] as const;
  for (let h = 0; h < H; h++) {
    const init = s4dInit(kinds[h % 3]!, 2 * M);
    Lambda.re.set(init.re, h * M);
    Lambda.im.set(init.im, h * M);
  }
  const c = (): Complex32 => ({
    re: Float32Array.from({ length: H * M }, g),
    im: Float32Array.from({ length: H * M }, g),
  });
  const dt = Float32Array.from({ length: H }, () => Math.exp(Math.log(1e-3) + u() * Math.log(100)));
  return { H, M, Lambda, B: c(), C: c(), dt, L, disc: 'zoh' };
}

function complexRow(z: Complex32, h: number, M: number): { re: Float64Array; im: Float64Array } {
  return {
    re: Float64Array.from(z.re.subarray(h * M, (h + 1) * M)),
    im: Float64Array.from(z.im.subarray(h * M, (h + 1) * M)),
  };
}

function dplrParams(H: number, N: number, L: number): DplrParams {
  const u = uniform(2);
  const g = gaussian(u);
  return {
    H,
    N,
    C: Float32Array.from({ length: H * N }, g),
    dt: Float32Array.from({ length: H }, () => Math.exp(Math.log(1e-3) + u() * Math.log(100))),
    L,
  };
}

function rtfParams(H: number, n: number, L: number): RtfParams {
  const u = uniform(3 + n);
  // |Σ a| ≤ 0.9: no pole on (or outside) the unit circle
  const a = Float32Array.from({ length: H * n }, () => (1.8 * (u() - 0.5)) / n);
  const b = Float32Array.from({ length: H * n }, () => 2 * (u() - 0.5));
  const h0 = Float32Array.from({ length: H }, () => 2 * (u() - 0.5));
  return { H, n, a, b, h0, L };
}

function convInputs(H: number, L: number): { K: Float32Array; u: Float32Array } {
  const r = uniform(4);
  const K = new Float32Array(H * L);
  const u = new Float32Array(H * L);
  for (let h = 0; h < H; h++) {
    const decay = Math.exp(-(0.5 + 20 * r()) / L);
    const omega = Math.PI * r();
    for (let k = 0; k < L; k++) {
      K[h * L + k] = decay ** k * Math.cos(omega * k) + 0.1 * (r() - 0.5);
      u[h * L + k] = r() - 0.5;
    }
  }
  return { K, u };
}

function scanParams(H: number, M: number, L: number): ScanParams {
  const r = uniform(5);
  const g = gaussian(r);
  const Abar: Complex32 = { re: new Float32Array(H * M), im: new Float32Array(H * M) };
  for (let i = 0; i < H * M; i++) {
    const m = 1 - Math.exp(Math.log(1e-3) + r() * Math.log(500)); // |Ā| in [0.5, 0.999]
    const a = Math.PI * (2 * r() - 1);
    Abar.re[i] = m * Math.cos(a);
    Abar.im[i] = m * Math.sin(a);
  }
  const c = (): Complex32 => ({
    re: Float32Array.from({ length: H * M }, g),
    im: Float32Array.from({ length: H * M }, g),
  });
  return { H, M, Abar, Bbar: c(), C: c(), u: Float32Array.from({ length: H * L }, g), L };
}

/** Row h of the scan in float64, one step at a time (as src/gpu/scan.test.ts). */
function scanRow(p: ScanParams, h: number): Float64Array {
  const { M, L } = p;
  const y = new Float64Array(L);
  for (let n = 0; n < M; n++) {
    const r = h * M + n;
    const [ar, ai] = [p.Abar.re[r]!, p.Abar.im[r]!];
    const [br, bi] = [p.Bbar.re[r]!, p.Bbar.im[r]!];
    const [cr, ci] = [p.C.re[r]!, p.C.im[r]!];
    let xr = 0;
    let xi = 0;
    for (let k = 0; k < L; k++) {
      const uk = p.u[h * L + k]!;
      const t = ar * xr - ai * xi + br * uk;
      xi = ar * xi + ai * xr + bi * uk;
      xr = t;
      y[k]! += 2 * (cr * xr - ci * xi);
    }
  }
  return y;
}

// ---------------------------------------------------------------------------------------------
// the kernels

interface Row {
  kernel: string;
  size: Record<string, number>;
  /** Fewest bytes through device memory: inputs read once, the output written once. */
  bytes: number;
  /** Floating-point operations of the model named in `flopModel`. */
  flops: number;
  flopModel: string;
  timed: Timed;
  maxRelErr: number;
  rowsChecked: number;
  /** The path taken: fftEncode's pow2 path (fft rows), convPath (causalConv rows). */
  path?: string;
  /** Bytes our implementation moves through device memory (counted from its passes), if known. */
  trafficBytes?: number;
}

const log2 = (x: number): number => Math.log2(x);
const F32 = 4;
const C64 = 8;

const sizes = args.small
  ? {
      copyBytes: 16 << 20,
      fma: { threads: 1 << 14, iters: 256 },
      s4d: { H: 16, M: 32, L: 4096 },
      dplr: { H: 16, N: 64, L: 4096 },
      rtf: { H: 16, ns: [16, 256, 1024], L: 8192 },
      fft: { batch: 64, n: 4096 },
      conv: { H: 16, L: 4096 },
      scan: { H: 16, M: 32, L: 4096 },
    }
  : {
      copyBytes: 512 << 20,
      fma: { threads: 1 << 20, iters: 4096 },
      s4d: { H: 1024, M: 32, L: 16384 },
      dplr: { H: 256, N: 64, L: 16384 },
      rtf: { H: 1024, ns: [16, 256, 1024], L: 65536 },
      fft: { batch: 1024, n: 16384 },
      conv: { H: 1024, L: 16384 },
      scan: { H: 1024, M: 32, L: 16384 },
    };

const want = (k: string): boolean => !args.only || args.only.has(k);
const rows: Row[] = [];

function progress(msg: string): void {
  process.stderr.write(`[bench:gpu] ${msg}\n`);
}

/**
 * s4dKernels variants timed: the default ('auto': gemm on a GPU, the previous shader on a software
 * adapter; src/gpu/s4d.ts), gemm and the previous shader by name, two other
 * tiles ('gemm ri x rj tx x ty'); env S4D_TILES adds more, e.g. S4D_TILES=4.8.32.8.8,8.8.16.16.8.0
 * (ri.rj.tx.ty.mc, a trailing .0: loops left to the driver instead of unrolled).
 */
const S4D_VARIANTS: [string, Partial<S4dTuning>][] = [
  ['s4dKernels', {}],
  ['s4dKernels (previous)', { variant: 'power' }],
  ['s4dKernels gemm 4x4 32x16', { variant: 'gemm', ri: 4, rj: 4, tx: 32, ty: 16 }],
  ['s4dKernels gemm 8x4 16x8', { variant: 'gemm', ri: 8, rj: 4, tx: 16, ty: 8 }],
  ...(process.env.S4D_TILES ?? '')
    .split(',')
    .filter((v) => v)
    .map((v): [string, Partial<S4dTuning>] => {
      const [ri, rj, tx, ty, mc, unroll] = v.split('.').map(Number);
      const t = { variant: 'gemm' as const, ri, rj, tx, ty, mc, unroll: unroll !== 0 };
      return [`s4dKernels gemm ${v}`, t] as [string, Partial<S4dTuning>];
    }),
];

async function benchS4d(): Promise<void> {
  const { H, M, L } = sizes.s4d;
  const p = s4dParams(H, M, L);
  const refs = checkRows(H).map((h) =>
    s4dKernel(
      complexRow(p.Lambda, h, M),
      complexRow(p.B, h, M),
      complexRow(p.C, h, M),
      p.dt[h]!,
      L,
      'zoh',
    ),
  );
  for (const [kernel, tuning] of S4D_VARIANTS) {
    setS4dTuning(tuning);
    let res: { timed: Timed; out: Float32Array };
    try {
      res = await timeCall(() => s4dKernels(rt, p));
    } catch (e) {
      if (!(e instanceof RangeError) || kernel === 's4dKernels') throw e;
      progress(`${kernel} skipped: ${e.message}`); // a tile over this device's limits
      continue;
    }
    const { timed, out } = res;
    const checks = checkRows(H).map((h, k): [Float32Array, Float64Array] => [
      out.subarray(h * L, (h + 1) * L),
      refs[k]!,
    ]);
    rows.push({
      kernel,
      size: { H, M, L },
      bytes: H * L * F32,
      flops: 8 * H * M * L,
      flopModel: 'issue F: powers by one complex multiply (4 FMA) per (h, n, l)',
      timed,
      maxRelErr: maxRelErr(checks),
      rowsChecked: checks.length,
    });
  }
  setS4dTuning();
}

async function benchDplr(): Promise<void> {
  const { H, N, L } = sizes.dplr;
  const p = dplrParams(H, N, L);
  const { timed, out } = await timeCall(() => dplrKernels(rt, p));
  const checks = checkRows(H).map((h): [Float32Array, Float64Array] => [
    out.subarray(h * L, (h + 1) * L),
    s4Kernel('legs', N, Float64Array.from(p.C.subarray(h * N, (h + 1) * N)), p.dt[h]!, L, 'dplr'),
  ]);
  rows.push({
    kernel: 'dplrKernels',
    size: { H, N, L },
    bytes: H * L * F32 + H * (N + 1) * F32,
    flops: 40 * H * N * (L / 2 + 1),
    flopModel: 'Cauchy: 4 complex multiply-adds + 1 complex reciprocal per (h, pole, node ≤ L/2)',
    timed,
    maxRelErr: maxRelErr(checks),
    rowsChecked: checks.length,
  });
}

async function benchRtf(): Promise<void> {
  const { H, ns, L } = sizes.rtf;
  for (const n of ns) {
    const p = rtfParams(H, n, L);
    const { timed, out } = await timeCall(() => rtfKernels(rt, p));
    const checks = checkRows(H).map((h): [Float32Array, Float64Array] => [
      out.subarray(h * L, (h + 1) * L),
      rtfKernel(
        Float64Array.from(p.a.subarray(h * n, (h + 1) * n)),
        Float64Array.from(p.b.subarray(h * n, (h + 1) * n)),
        p.h0[h]!,
        L,
      ),
    ]);
    rows.push({
      kernel: `rtfKernels n=${n}`,
      size: { H, n, L },
      bytes: H * L * F32 + H * (2 * n + 1) * F32,
      flops: 2 * 5 * L * log2(L) * H,
      flopModel: '2 complex FFTs of length L per row (5 L log2 L each)',
      timed,
      // 'workgroup' four-step: the forward row pass writes H·L values, the inverse row pass reads
      // and writes them (partner reads in the L2, not counted), the column pass reads them and
      // writes K (the padded rows of N2 are small)
      ...(fftStrategy(rt) === 'workgroup' && fftPasses(L) === 2
        ? { trafficBytes: H * L * (4 * C64 + F32) }
        : {}),
      maxRelErr: maxRelErr(checks),
      rowsChecked: checks.length,
    });
  }
}

/** Passes over global memory of one pow2 FFT of length n on `rt` (see src/gpu/fft.ts). */
function fftPasses(n: number): number {
  const path = fftPath(rt, n);
  return path === 'four-step' ? 2 : path === 'global' ? Math.ceil(log2(n) / 4) : 1;
}

async function benchFftAt(
  batch: number,
  n: number,
  label: string,
  strategy?: FftStrategy,
  tuning?: Partial<FftTuning>,
  tile?: number,
): Promise<void> {
  const g = gaussian(uniform(6));
  const re = Float32Array.from({ length: batch * n }, g);
  const im = Float32Array.from({ length: batch * n }, g);
  if (strategy) setFftStrategy(rt, strategy, tile === undefined ? undefined : { tile });
  if (tuning) setFftTuning(tuning);
  try {
    const { timed, out } = await timeCall(() => fft(rt, re, im, { batch }));
    const checks = checkRows(batch).map((h): [Float32Array, Float64Array] => {
      const ref = coreFft(
        Float64Array.from(re.subarray(h * n, (h + 1) * n)),
        Float64Array.from(im.subarray(h * n, (h + 1) * n)),
      );
      // one scale for both parts: the spectrum's largest component
      const got = new Float32Array(2 * n);
      const want = new Float64Array(2 * n);
      for (let k = 0; k < n; k++) {
        got[2 * k] = out.re[h * n + k]!;
        got[2 * k + 1] = out.im[h * n + k]!;
        want[2 * k] = ref.re[k]!;
        want[2 * k + 1] = ref.im[k]!;
      }
      return [got, want];
    });
    rows.push({
      kernel: label,
      size: { batch, n },
      path: fftPath(rt, n),
      bytes: 2 * batch * n * C64,
      flops: 5 * n * log2(n) * batch,
      flopModel: '5 n log2 n per complex row',
      timed,
      maxRelErr: maxRelErr(checks),
      rowsChecked: checks.length,
      trafficBytes: fftPasses(n) * 2 * batch * n * C64,
    });
  } finally {
    if (strategy) setFftStrategy(rt, undefined);
    if (tuning) setFftTuning();
  }
}

async function benchFft(): Promise<void> {
  const { batch, n } = sizes.fft;
  await benchFftAt(batch, n, 'fft');
  if (fftPath(rt, n) === 'single') {
    // the same call on the earlier two-pass four-step, and the one-row pass's exchange chunk
    await benchFftAt(batch, n, 'fft (four-step)', undefined, { single: false });
    // the last exchange through workgroup memory too (the default shuffles it where it can)
    await benchFftAt(batch, n, 'fft (diag: single, no subgroup shuffles)', undefined, {
      shuffle: false,
    });
    // the one-row pass as before the loop over rows: one row per workgroup, no prefetch, slot
    // maps as selects, the half twiddle table
    await benchFftAt(batch, n, 'fft (diag: single, one row per workgroup, as before)', undefined, {
      rows: 1,
      prefetch: 0,
      slotMaps: 'select',
      rowTable: 'half',
    });
    if (args.variants)
      await benchFftAt(batch, n, 'fft (diag: single, re/im split)', undefined, {
        exchange: 'split',
      });
  } else if (args.small && fftStrategy(rt) === 'global') {
    // software adapters: the one-row pass forced at a small tile, to run it here
    await benchFftAt(batch, n, 'fft (diag: single, tile 1024)', 'workgroup', undefined, 1024);
  }
  if (args.variants && !args.small && fftStrategy(rt) === 'workgroup') {
    // diagnostics: the same bytes in one workgroup pass (rows of 4096), and the global passes
    await benchFftAt((batch * n) / 4096, 4096, 'fft (diag: n=4096)');
    await benchFftAt(batch, n, 'fft (diag: global)', 'global');
    await benchFftAt(batch, n, "fft (diag: four-step 'dif')", undefined, {
      order: 'dif',
      single: false,
    });
    await benchFftAt(batch, n, 'fft (diag: one row per gather workgroup)', undefined, {
      gather: 1,
      single: false,
    });
  }
}

async function benchConvAt(
  label: string,
  tuning?: Partial<ConvTuning>,
  L0?: number,
): Promise<void> {
  const L = L0 ?? sizes.conv.L;
  const H = (sizes.conv.H * sizes.conv.L) / L;
  const { K, u } = convInputs(H, L);
  if (tuning) setConvTuning(tuning);
  try {
    const path = convPath(rt, L);
    const { timed, out } = await timeCall(() => causalConv(rt, K, u, H));
    const checks = checkRows(H).map((h): [Float32Array, Float64Array] => [
      out.subarray(h * L, (h + 1) * L),
      coreConv(
        Float64Array.from(K.subarray(h * L, (h + 1) * L)),
        Float64Array.from(u.subarray(h * L, (h + 1) * L)),
      ),
    ]);
    const m = 2 ** Math.ceil(log2(2 * L - 1));
    const packed = H * m * C64;
    rows.push({
      kernel: label,
      size: { H, L },
      path,
      bytes: 3 * H * L * F32,
      flops: 3 * 2.5 * m * log2(m) * H,
      flopModel: '3 real FFTs of length m = 2L per row (2.5 m log2 m each)',
      timed,
      maxRelErr: maxRelErr(checks),
      rowsChecked: checks.length,
      trafficBytes:
        path === 'row'
          ? // one pass: packed rows of L in, y out (the second read of x and the spectrum parked
            // in y and x: 4 × H·L·4 bytes more, in the L2 while the row's workgroup runs)
            H * L * C64 + H * L * F32
          : path === 'four-step'
            ? // four passes, products and padding fused: packed rows of L in, H·m out; rows R + W
              // twice; H·m in, y out (partner reads of the product hit the L2, not counted)
              H * L * C64 + packed + 4 * packed + packed + H * L * F32
            : // two complex FFTs of H·m values, the spectrum pass (R + W), the extraction (R half, W y)
              2 * fftPasses(m) * 2 * packed + 2 * packed + packed / 2 + H * L * F32,
    });
  } finally {
    if (tuning) setConvTuning();
  }
}

async function benchConv(): Promise<void> {
  const L = sizes.conv.L;
  await benchConvAt('causalConv');
  if (convPath(rt, L) === 'row') {
    // the previous four passes, and the one-dispatch path with its three FFTs unrolled
    await benchConvAt('causalConv (four-step)', { row: false });
    // the last exchange of its FFTs through workgroup memory instead of subgroup shuffles
    // the last exchange of its FFTs through subgroup shuffles; the slot maps as selects (as
    // before), with and without the shuffles
    await benchConvAt('causalConv (diag: row, subgroup shuffles)', { shuffle: true });
    await benchConvAt('causalConv (diag: row, slot maps as selects)', { slotMaps: 'select' });
    await benchConvAt('causalConv (diag: row, shuffles, slot maps as selects)', {
      shuffle: true,
      slotMaps: 'select',
    });
    if (args.variants) await benchConvAt('causalConv (diag: row, unrolled)', { loop: false });
  } else if (args.small && fftStrategy(rt) === 'global') {
    // software adapters: the one-dispatch path forced, to run it here
    setFftStrategy(rt, 'workgroup');
    try {
      await benchConvAt('causalConv (diag: row, L 4096)', undefined, 4096);
    } finally {
      setFftStrategy(rt, undefined);
    }
  }
  if (args.variants && !args.small && convPath(rt, L) === 'row') {
    // shorter rows on the same path (the same H·L)
    await benchConvAt('causalConv (diag: row, L 8192)', undefined, L / 2);
    await benchConvAt('causalConv (diag: row, L 4096)', undefined, L / 4);
  }
}

async function benchScan(): Promise<void> {
  const { H, M, L } = sizes.scan;
  const p = scanParams(H, M, L);
  const { timed, out } = await timeCall(() => scan(rt, p));
  const checks = checkRows(H).map((h): [Float32Array, Float64Array] => [
    out.subarray(h * L, (h + 1) * L),
    scanRow(p, h),
  ]);
  rows.push({
    kernel: 'scan',
    size: { H, M, L },
    bytes: 2 * H * L * F32,
    flops: 12 * H * M * L,
    flopModel: 'sequential recurrence: complex Āx + B̄u (8) and 2 Re Cx (4) per (h, n, l)',
    timed,
    maxRelErr: maxRelErr(checks),
    rowsChecked: checks.length,
  });
}

// ---------------------------------------------------------------------------------------------
// run

const started = performance.now();
progress(
  `adapter: ${adapterName}; fft strategy ${fftStrategy(rt)} (tile ${fftTile(rt)}); ` +
    `timestamps ${hasTimestamps ? 'yes' : 'NO (wall clock instead)'}; ${args.small ? 'small' : 'full'} sizes`,
);
progress('copy bandwidth…');
const copy = await copyBandwidth(sizes.copyBytes);
progress('fma rate…');
const fma = await fmaRate(sizes.fma.threads, sizes.fma.iters);
if (hasTimestamps && !args.small) {
  warm = clockWarmer(rt, sizes.fma.threads, sizes.fma.iters, fma.ms!);
}
const benches: [string, () => Promise<void>][] = [
  ['s4d', benchS4d],
  ['dplr', benchDplr],
  ['rtf', benchRtf],
  ['fft', benchFft],
  ['conv', benchConv],
  ['scan', benchScan],
];
const failures: Record<string, string> = {};
for (const [name, run] of benches) {
  if (!want(name)) continue;
  progress(`${name}…`);
  try {
    await run();
  } catch (e) {
    failures[name] = e instanceof Error ? e.message : String(e);
    progress(`${name} FAILED: ${failures[name]}`);
  }
}

const copyGBps = copy.GBps!;
const fmaGFLOPs = fma.GFLOPs!;
const results = rows.map((r) => {
  const byteFloorMs = r.bytes / copyGBps / 1e6;
  const flopFloorMs = r.flops / fmaGFLOPs / 1e6;
  const floorMs = Math.max(byteFloorMs, flopFloorMs);
  return {
    kernel: r.kernel,
    size: r.size,
    ...(r.path !== undefined ? { path: r.path } : {}),
    ms: +r.timed.ms.toPrecision(4),
    msMin: +r.timed.msMin.toPrecision(4),
    runs: r.timed.runs,
    replays: r.timed.replays,
    samplesMs: r.timed.samples,
    passes: r.timed.passes,
    passMs: r.timed.passMs,
    coldMs: +r.timed.coldMs.toPrecision(4),
    coldPassSumMs: +r.timed.coldPassSumMs.toPrecision(4),
    wallMs: +r.timed.wallMs.toPrecision(4),
    bytes: r.bytes,
    flops: r.flops,
    flopModel: r.flopModel,
    GBps: +(r.bytes / r.timed.ms / 1e6).toPrecision(4),
    GFLOPs: +(r.flops / r.timed.ms / 1e6).toPrecision(4),
    byteFloorMs: +byteFloorMs.toPrecision(3),
    flopFloorMs: +flopFloorMs.toPrecision(3),
    floorMs: +floorMs.toPrecision(3),
    xFloor: +(r.timed.ms / floorMs).toPrecision(3),
    ...(r.trafficBytes !== undefined
      ? {
          trafficBytes: r.trafficBytes,
          trafficGBps: +(r.trafficBytes / r.timed.ms / 1e6).toPrecision(4),
        }
      : {}),
    maxRelErr: +r.maxRelErr.toPrecision(3),
    rowsChecked: r.rowsChecked,
  };
});

const report = {
  what: 'SSM Lab WGSL kernels on Dawn (issue F): GPU time from timestamp queries',
  date: new Date().toISOString(),
  adapter: adapterName,
  sizes: args.small ? 'small' : 'full',
  fftStrategy: fftStrategy(rt),
  fftTile: fftTile(rt),
  timing: hasTimestamps
    ? "ms: GPU span of the call's compute passes replayed back to back (timestamp queries), median of the later half of ≥ 20 replays; coldMs: the same span inside real calls, " +
      `median of ${args.reps} after ${args.warmup} warm-up`
    : `wall clock of each call (no timestamp-query), median of ${args.reps}`,
  node: process.version,
  copy: {
    ...copy,
    note: 'plain WGSL vec4 copy, 40 passes back to back, median of the last 20; GB/s counts bytes read + written',
  },
  fma: {
    ...fma,
    note: 'WGSL loop of 16 independent fp32 FMA chains per thread, 40 passes back to back, median of the last 20; 2 flops per FMA',
  },
  kernels: results,
  failures,
  gpuErrors,
  seconds: +((performance.now() - started) / 1000).toFixed(1),
};
writeFileSync(args.out, `${JSON.stringify(report, null, 2)}\n`);

const pad = (s: string | number, w: number): string => String(s).padStart(w);
const num = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toPrecision(3));
console.log(`\nadapter: ${adapterName}   (${report.timing})`);
console.log(
  `copy: ${(copy.bytesEachWay! / 2 ** 20).toFixed(0)} MiB each way in ${copy.ms!.toPrecision(3)} ms = ${num(copyGBps)} GB/s;  ` +
    `fp32 FMA loop: ${num(fmaGFLOPs)} GFLOP/s`,
);
console.log(
  `${'kernel'.padEnd(18)}${pad('size', 24)}${pad('ms', 9)}${pad('cold ms', 9)}${pad('GB/s', 8)}${pad('GFLOP/s', 9)}${pad('floor ms', 10)}${pad('×floor', 8)}${pad('passes', 7)}${pad('maxRelErr', 10)}`,
);
for (const r of results) {
  const size = Object.entries(r.size)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  console.log(
    `${r.kernel.padEnd(18)}${pad(size, 24)}${pad(num(r.ms), 9)}${pad(num(r.coldMs), 9)}${pad(num(r.GBps), 8)}${pad(num(r.GFLOPs), 9)}${pad(num(r.floorMs), 10)}${pad(num(r.xFloor), 8)}${pad(r.passes, 7)}${pad(r.maxRelErr.toExponential(1), 10)}`,
  );
}
for (const [k, v] of Object.entries(failures)) console.log(`FAILED ${k}: ${v}`);
if (gpuErrors.length) console.log(`GPU errors: ${gpuErrors.slice(0, 5).join(' | ')}`);
console.log(`wrote ${args.out} (${report.seconds} s)`);
rt.dispose();
device.destroy();
// Dawn aborts at exit ("terminate called … Invalid argument") unless the process exits here
process.exit(Object.keys(failures).length || gpuErrors.length ? 1 : 0);
