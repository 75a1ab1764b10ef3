/**
 * Diagnostics behind bench/gpu.bench.ts (issue F): why the FFT-based kernels run far below the
 * copy bandwidth on a real GPU. Hot GPU times (the call's passes replayed back to back after a
 * clock warm-up, as in gpu.bench.ts) of
 * - the same 128 MiB FFT (1024 × 16384) with the 'workgroup' strategy at one-dispatch tiles of
 *   4096 … 1024 values and both natural-order four-steps ('dit', 'dif'), and one-dispatch FFTs
 *   of rows of 4096 and 1024 (no four-step), and rows of 65536;
 * - causalConv (H 1024, L 16384) and rtfKernels (H 1024, L 65536, n 16) per pass, tiles 4096
 *   and 2048;
 * - the one-dispatch register-resident pass (rows of 16384 and 8192) with 16 or 32 values per
 *   invocation and exchange chunks of 4096 or 2048 values (`--fft`: the FFT rows only);
 * - with `--toggles a,b` Dawn toggles (e.g. disable_robustness,disable_workgroup_init) to see
 *   what Dawn's safety transforms cost.
 * Run: npm run bench:gpu -- --diag [--toggles …] [--out FILE]  (or the bundle; see h200.sh).
 */
import { writeFileSync } from 'node:fs';
import { create, globals } from 'webgpu';
import { gaussian, rng } from '../src/core/signals';
import { causalConv } from '../src/gpu/conv';
import { fft as coreFft } from '../src/core/fft';
import {
  fft,
  fftPath,
  fftTile,
  setFftStrategy,
  setFftTuning,
  type FftTuning,
} from '../src/gpu/fft';
import { rtfKernels } from '../src/gpu/rtf';
import { GpuRuntime } from '../src/gpu/runtime';
import type { RtfParams } from '../src/gpu/types';
import { clockWarmer } from './warm';

const argv = process.argv.slice(2);
const opt = (k: string): string | undefined => {
  const i = argv.indexOf(k);
  return i >= 0 ? argv[i + 1] : undefined;
};
const toggles = opt('--toggles');
const out = opt('--out') ?? 'bench/gpu-diag.json';
const small = argv.includes('--small');

Object.assign(globalThis, globals);
const flags = ['disable-dawn-features=timestamp_quantization'];
if (toggles) flags.push(`enable-dawn-features=allow_unsafe_apis,${toggles}`);
const instance = create(flags);
(globalThis as { dawnInstance?: GPU }).dawnInstance = instance;
const adapter = await instance.requestAdapter({ powerPreference: 'high-performance' });
if (!adapter) throw new Error('Dawn found no WebGPU adapter');
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
const errors: string[] = [];
device.addEventListener('uncapturederror', (e) => {
  errors.push((e as GPUUncapturedErrorEvent).error.message);
});
const rt = new GpuRuntime(device);
// ≈ 4 ms per pass on the H200 (2^20 threads × 4096 iterations); none on the small sizes
const warm = small ? undefined : clockWarmer(rt, 1 << 20, 4096, 4);
const limits = {
  maxComputeWorkgroupStorageSize: lim.maxComputeWorkgroupStorageSize,
  maxComputeInvocationsPerWorkgroup: lim.maxComputeInvocationsPerWorkgroup,
  maxStorageBufferBindingSize: lim.maxStorageBufferBindingSize,
};
console.log(`limits ${JSON.stringify(limits)}`);
const subgroups = adapter.info as GPUAdapterInfo & {
  subgroupMinSize?: number;
  subgroupMaxSize?: number;
};
console.log(
  `features ${[...adapter.features].sort().join(' ')}; subgroup sizes ${subgroups.subgroupMinSize}–${subgroups.subgroupMaxSize}`,
);

function median(x: number[]): number {
  const s = [...x].sort((a, b) => a - b);
  return s.length ? s[s.length >> 1]! : Number.NaN;
}

/** Hot GPU time of `call`'s passes: one warm-up, then ≥ 20 replays, median of the later half. */
async function hot(call: () => Promise<unknown>): Promise<{ ms: number; passMs: number[] }> {
  const t0 = performance.now();
  await call();
  warm?.(performance.now() - t0 + 300); // clocks of sustained load (bench/warm.ts)
  rt.beginTiming();
  await call();
  const first = await rt.endTiming();
  const replays = Math.max(
    20,
    Math.min(Math.ceil(100 / first.spanMs), Math.floor(2048 / first.passes) - 1),
  );
  rt.beginTiming({ replays });
  await call();
  const kept = (await rt.endTiming()).executions.slice(1);
  const late = kept.slice(-Math.max(10, kept.length >> 1));
  return {
    ms: +median(late.map((e) => e.spanMs)).toPrecision(4),
    passMs: first.executions[0]!.passMs.map(
      (_, i) => +median(late.map((e) => e.passMs[i]!)).toPrecision(3),
    ),
  };
}

const rows: Record<string, unknown>[] = [];
function report(name: string, bytes: number, t: { ms: number; passMs: number[] }): void {
  const GBps = +(bytes / t.ms / 1e6).toPrecision(4);
  rows.push({ name, bytes, ...t, GBps });
  console.log(
    `${name.padEnd(44)} ${t.ms.toPrecision(4).padStart(9)} ms ${String(GBps).padStart(8)} GB/s  passes ${t.passMs.join(' ')}`,
  );
}

// FFTs: the same bytes, different tiles, row lengths and four-step orders
const rowOnly = argv.includes('--row') || argv.includes('--rows');
const total = small ? 1 << 18 : 1 << 24; // complex values (128 MiB at full size)
const g = gaussian(rng(7));
const re = Float32Array.from({ length: total }, g);
const im = Float32Array.from({ length: total }, g);
const maxTile = fftTile(rt);
const bytes = 2 * total * 8; // read + write once
for (const [n, tile, order, twiddles] of [
  [16384, maxTile, 'dit', 'chain'],
  [16384, maxTile, 'dit', 'table'],
  [16384, maxTile, 'dif', 'chain'],
  [16384, 2048, 'dit', 'chain'],
  [16384, 1024, 'dit', 'chain'],
  [4096, maxTile, 'dit', 'chain'],
  [4096, maxTile, 'dit', 'table'],
  [1024, maxTile, 'dit', 'chain'],
  [1024, 1024, 'dit', 'chain'],
  [65536, maxTile, 'dit', 'chain'],
] as const) {
  if (rowOnly || tile > maxTile || n > 64 * tile) continue;
  setFftStrategy(rt, 'workgroup', { tile });
  setFftTuning({ order, twiddles, single: false });
  const name = `fft n=${n} batch=${total / n} tile=${tile}${n > tile ? ` ${order}` : ''} ${twiddles}`;
  try {
    report(name, bytes, await hot(() => fft(rt, re, im, { batch: total / n })));
  } catch (e) {
    console.log(`${name} FAILED: ${String(e)}`);
  } finally {
    setFftStrategy(rt, undefined);
    setFftTuning();
  }
}

// the one-dispatch register-resident pass (fftRow.ts): values per invocation, exchange chunk
for (const [n, values, chunk, exchange] of [
  [16384, 16, 4096, 'split'],
  [16384, 16, 4096, 'vec2'],
  [16384, 32, 4096, 'split'],
  [16384, 32, 4096, 'vec2'],
  [16384, 16, 2048, 'split'],
  [8192, 16, 4096, 'split'],
  [8192, 16, 4096, 'vec2'],
  [8192, 32, 4096, 'split'],
] as const) {
  if (rowOnly) continue;
  setFftTuning({ values, chunk, exchange });
  const name = `fft n=${n} batch=${total / n} single ${values}/thread chunk=${chunk} ${exchange}`;
  try {
    if (fftPath(rt, n) !== 'single') throw new Error(`path ${fftPath(rt, n)}`);
    report(name, bytes, await hot(() => fft(rt, re, im, { batch: total / n })));
  } catch (e) {
    console.log(`${name} FAILED: ${String(e)}`);
  } finally {
    setFftTuning();
  }
}

// the one-row pass of 1024 × 16384: its last exchange through subgroup shuffles or workgroup
// memory, and parts left out (where its time goes); max relative error of row 0 against the
// float64 core (omitted parts: none, the result is wrong by design). Earlier variants
// (exchanges pipelined round by round, the first wave staggered) are in bench/h200-fft-row.json.
const rowN = small ? 4096 : 16384;
const row0 = coreFft(
  Float64Array.from(re.subarray(0, rowN)),
  Float64Array.from(im.subarray(0, rowN)),
);
// the last row too: with several rows per workgroup it is a workgroup's last (prefetched) row
const rowLast = coreFft(
  Float64Array.from(re.subarray(total - rowN)),
  Float64Array.from(im.subarray(total - rowN)),
);
const shared: Partial<FftTuning> = { shuffle: false }; // every exchange in workgroup memory
const variants: [string, Partial<FftTuning>][] = [
  ['default (last exchange through subgroup shuffles)', {}],
  ['every exchange through workgroup memory', shared],
  ['omit global (arithmetic + exchanges)', { omit: ['global'] }],
  ['omit global, workgroup memory', { ...shared, omit: ['global'] }],
  ['omit global and exchanges (arithmetic)', { omit: ['global', 'exchanges'] }],
  ['omit global and arithmetic (exchanges)', { omit: ['global', 'arithmetic'] }],
  ['omit global and arithmetic, workgroup memory', { ...shared, omit: ['global', 'arithmetic'] }],
  ['omit arithmetic (global + exchanges)', { omit: ['arithmetic'] }],
  ['omit arithmetic, workgroup memory', { ...shared, omit: ['arithmetic'] }],
  ['omit exchanges (global + arithmetic)', { omit: ['exchanges'] }],
  ['global only', { omit: ['exchanges', 'arithmetic'] }],
  ['default (again)', {}],
  ['every exchange through workgroup memory (again)', shared],
];
// several rows per workgroup (a loop over rows), the next row partly prefetched into workgroup
// memory, a wide first or second exchange (3 rounds of 3 × 2048 values in 48 KiB): `--rows`
// the pass as before the loop over rows (one row per workgroup, no prefetch, selects, half table)
const before = { rows: 1, prefetch: 0, slotMaps: 'select', rowTable: 'half' } as const;
const persistent: [string, Partial<FftTuning>][] = [
  ['default (rows auto, prefetch 2 around exchange 0, shifts, full table)', {}],
  ['as before (one row per workgroup, selects, half table)', before],
  ['rows 8 (else default)', { rows: 8 }],
  ['rows 4, prefetch 2 around pass 1 (else default)', { rows: 4, prefetchAt: 'pass' }],
  ['default, omit global', { omit: ['global'] }],
  ['as before, omit global', { ...before, omit: ['global'] }],
  ['default (again)', {}],
  ['as before (again)', before],
];
const rowSets = [
  ...(argv.includes('--row') || argv.includes('--fft') ? variants : []),
  ...(argv.includes('--rows') ? persistent : []),
];
const relErr = (
  y: { re: Float32Array; im: Float32Array },
  off: number,
  ref: typeof row0,
): number => {
  let e = 0;
  let scale = 0;
  for (let k = 0; k < rowN; k++) {
    scale = Math.max(scale, Math.abs(ref.re[k]!), Math.abs(ref.im[k]!));
    e = Math.max(e, Math.abs(y.re[off + k]! - ref.re[k]!), Math.abs(y.im[off + k]! - ref.im[k]!));
  }
  return e / scale;
};
const match = opt('--match'); // only the row variants whose label contains it
for (const [label, t] of rowSets.filter(([l]) => match === undefined || l.includes(match))) {
  setFftTuning(t);
  if (small) setFftStrategy(rt, 'workgroup', { tile: 1024 }); // software adapters: forced
  const name = `fft n=${rowN} batch=${total / rowN} row: ${label}`;
  try {
    if (fftPath(rt, rowN) !== 'single') throw new Error(`path ${fftPath(rt, rowN)}`);
    let err = Number.NaN;
    const timed = await hot(async () => {
      const y = await fft(rt, re, im, { batch: total / rowN });
      err = Math.max(relErr(y, 0, row0), relErr(y, total - rowN, rowLast));
    });
    report(`${name} (err ${t.omit ? '-' : err.toExponential(2)})`, bytes, timed);
  } catch (e) {
    console.log(`${name} FAILED: ${String(e)}`);
  } finally {
    setFftTuning();
    setFftStrategy(rt, undefined);
  }
}

// causalConv and rtfKernels (per pass) at the benchmark's sizes, tiles 4096 and 2048
const H = small ? 16 : 1024;
const convL = small ? 4096 : 16384;
const r = rng(8);
const K = Float32Array.from({ length: H * convL }, () => r() - 0.5);
const u = Float32Array.from({ length: H * convL }, () => r() - 0.5);
const rtfL = small ? 8192 : 65536;
const n = 16;
const p: RtfParams = {
  H,
  n,
  a: Float32Array.from({ length: H * n }, () => (1.8 * (r() - 0.5)) / n),
  b: Float32Array.from({ length: H * n }, () => r() - 0.5),
  h0: Float32Array.from({ length: H }, () => r() - 0.5),
  L: rtfL,
};
for (const tile of argv.includes('--fft') || rowOnly ? [] : [maxTile, 2048]) {
  setFftStrategy(rt, 'workgroup', { tile });
  try {
    report(
      `causalConv H=${H} L=${convL} tile=${tile}`,
      3 * H * convL * 4,
      await hot(() => causalConv(rt, K, u, H)),
    );
    report(
      `rtfKernels H=${H} L=${rtfL} n=${n} tile=${tile}`,
      H * rtfL * 4,
      await hot(() => rtfKernels(rt, p)),
    );
  } catch (e) {
    console.log(`conv/rtf tile=${tile} FAILED: ${String(e)}`);
  } finally {
    setFftStrategy(rt, undefined);
  }
}

writeFileSync(
  out,
  `${JSON.stringify({ adapter: `${adapter.info.vendor} ${adapter.info.architecture}`, toggles: toggles ?? null, limits, rows, errors }, null, 2)}\n`,
);
console.log(
  `wrote ${out}${errors.length ? `; GPU errors: ${errors.slice(0, 3).join(' | ')}` : ''}`,
);
rt.dispose();
device.destroy();
process.exit(0);
