/**
 * FFT on the GPU, float32, batched over rows; numpy's signs (forward X_l = Σ_k x_k e^{−2πi kl/n},
 * the inverse divides by n). Complex data stays interleaved on the GPU: rows of vec2<f32>
 * (re, im), `batch` rows of n values back to back.
 *
 * Powers of two: Stockham autosort (no bit reversal; each pass reads x[i + r·n/R] and writes the
 * R outputs of butterfly i to (i − k)·R + k + s·p, k = i mod p), with radix-16 butterflies
 * (a 4×4 split with constant inner twiddles) and one smaller radix where log2 n is not a
 * multiple of 4. Two strategies (fftStrategy):
 * - 'workgroup' (real GPUs; shaders/fft_stockham.wgsl): rows of n ≤ T = fftTile(rt) (4096 with
 *   32 KiB of workgroup storage) in ONE dispatch: a workgroup of (tile)/16 threads loads whole
 *   rows, runs all passes in registers and workgroup memory and writes back in place. Rows of
 *   T < n ≤ 64·N2 use a four-step of two dispatches, n = N1·N2 with N2 = 2048 (or the forced
 *   tile). fftEncode (natural order, 'dit'): input j = j1 + N1·j2, output k = k2 + N2·k1,
 *     X[k2 + N2·k1] = Σ_{j1} e^{σ2πi j1k1/N1} · w_n^{j1·k2} · Σ_{j2} x[j1 + N1·j2] e^{σ2πi j2k2/N2},
 *   row FFTs over j2 (gathered at stride N1, times w_n^{j1·k2}) into a second buffer, then
 *   length-N1 column FFTs in place. conv.ts and rtf.ts keep their spectra in four-step order
 *   (columns, then rows, both in place and coalesced; inverse: rows, then columns), so no pass
 *   has a strided side, and they fold their element-wise work into the passes: each pass is an
 *   FftPass with a plan (pipeline constants: strides, pitches, zero padding on reading, outputs
 *   kept, pre/post twiddles) and a load/store variant (spectrum products from Z_k and Z_{−k},
 *   real-part stores). Rows of T < n ≤ 16 × the invocations per workgroup (16384 on an H200)
 *   that fftEncode transforms in natural order take ONE dispatch instead (fftRow.ts): a
 *   workgroup of n/16 invocations per row holds the row in registers (16 values each) and
 *   exchanges between its radix-16 passes through workgroup memory in rounds of 4096 values
 *   (the last exchange through subgroup shuffles where the device has 'subgroups'), so the row
 *   is read and written once (setFftTuning({ single: false }): the four-step); with enough
 *   rows a workgroup loops over 2 or 4 of them and loads part of the next one early.
 *   Longer rows take the global passes below.
 * - 'global' (software adapters, and longer rows; shaders/fft_radix.wgsl): ⌈log2(n)/4⌉ passes
 *   over global memory, one butterfly per invocation, no workgroup memory and no barriers.
 *   SwiftShader runs a shader with barriers as one coroutine per 4 invocations, which made the
 *   workgroup kernel 10–50× slower there (64 × 4096: ≈ 560 ms of CPU against ≈ 33 ms).
 * GPU time on an H200 (Vulkan, Dawn, clocks warm; bench/README.md): 1024 × 16384 0.125 ms
 * (bench/h200-f6.json; one row per workgroup 0.129, the four-step 0.208, global passes
 * 0.619), 4096 × 4096 0.147 ms, 16384 × 1024 0.103 ms.
 *
 * Twiddles: one cached table per n of (cos 2πk/n, sin 2πk/n), k < n/2, computed in float64 on
 * the host and rounded once to f32; the GPU never evaluates sin/cos. The radix-16 passes load
 * w^k and w^{4k} and form the other stage twiddles by complex products (at most four roundings
 * deep; 15 loads at lane-divergent addresses cost more: 0.331 against 0.257 ms for 1024 × 16384 with N2 = 4096).
 *
 * Any length L (Bluestein / chirp-z, shaders/fft_chirp.wgsl): X_j = c_j Σ_k (x_k c_k) conj(c)_{j−k}
 * with c_k = e^{σiπk²/L}, a circular convolution of pow2 length m = nextPow2(2L − 1). The chirp
 * angle is π(k² mod 2L)/L, reduced exactly in float64 on the host (as src/core/fft.ts does), and
 * the filter spectrum is computed in float64 on the host (src/core/fft); both cached per L.
 */
import { dftInterleaved, isPow2, nextPow2 } from '../core/fft';
import { checkFiniteArray, checkInt, MAX_L } from '../core/validate';
import {
  prefetchCapacity,
  rowPlan,
  rowPlanBytes,
  rowShader,
  type RowOmit,
  type RowPlan,
} from './fftRow';
import { grid, MAX_WORKGROUPS, softwareAdapter, type GpuRuntime } from './runtime';
import chirpCode from './shaders/fft_chirp.wgsl?raw';
import radixBody from './shaders/fft_radix.wgsl?raw';
import butterflyCode from './shaders/fft_butterfly.wgsl?raw';
import stockhamBody from './shaders/fft_stockham.wgsl?raw';
import storeInPlace from './shaders/fft_store_inplace.wgsl?raw';
import storeOut from './shaders/fft_store_out.wgsl?raw';
import loadSpectra from './shaders/fft_load_spectra.wgsl?raw';
import type { Complex32, FftOptions } from './types';

/** Bytes per complex value on the GPU (vec2<f32>). */
export const COMPLEX_BYTES = 8;

/** Values one thread holds in fft_stockham.wgsl (its radix-16 butterflies). */
const MAX_PER_THREAD = 16;

/**
 * The 'workgroup' strategy's four-step runs rows of T < n ≤ 64T (measured range); longer rows
 * take the global passes. GPU time on an H200 (Vulkan, Dawn), four-step against global passes:
 * 64 × 8192 0.038 ms / 0.056, 64 × 16384 0.054 / 0.073, 64 × 65536 0.213 / 0.220,
 * 16 × 2^18 0.240 / 0.248.
 */
const FOUR_STEP_MAX = 64;

/**
 * Preferred tile sizes on a real GPU (unless a tile is forced): the four-step's row length N2
 * and the most values one whole-row dispatch packs into a workgroup. Measured on an H200 (hot,
 * clocks warm): 1024 × 16384 in 0.226 ms with N2 = 2048 against 0.266 with 4096; 16384 rows of
 * 1024 in 0.102 ms one row per workgroup against 0.141 four rows per workgroup.
 */
const FOUR_STEP_N2 = 2048;
const WHOLE_ROW_TILE = 1024;

const MAX_FFT_N = 1 << 24;

const radixInPlace = `${radixBody}\n${storeInPlace}`;
const radixOut = `${radixBody}\n${storeOut}`;

/** The largest one-dispatch tile the device allows (see fftTile). */
function deviceTile(rt: GpuRuntime): number {
  const lim = rt.device.limits;
  const byMemory = Math.floor(lim.maxComputeWorkgroupStorageSize / COMPLEX_BYTES);
  const byThreads =
    MAX_PER_THREAD * Math.min(lim.maxComputeInvocationsPerWorkgroup, lim.maxComputeWorkgroupSizeX);
  let t = 1;
  while (t * 2 <= Math.min(4096, byMemory, byThreads)) t *= 2;
  return t;
}

/**
 * Longest row (a power of two) the 'workgroup' strategy transforms in one dispatch: the largest
 * power of two T ≤ 4096 with 8·T bytes of workgroup memory and T ≤ 16 × the invocations per
 * workgroup (or the tile forced by setFftStrategy).
 */
export function fftTile(rt: GpuRuntime): number {
  return forced.get(rt)?.tile ?? deviceTile(rt);
}

/** Longest pow2 row fftEncode supports: 2^24 (the global passes index rows with u32). */
export function fftMaxN(_rt: GpuRuntime): number {
  return MAX_FFT_N;
}

function log2(n: number): number {
  return Math.round(Math.log2(n));
}

/** Largest power of two dividing k (k ≥ 1). */
function pow2Factor(k: number): number {
  let f = 1;
  while (k % (f * 2) === 0) f *= 2;
  return f;
}

/** The cached half twiddle table of length n: (cos 2πk/n, sin 2πk/n), k < n/2, f64 → f32. */
export function twiddleTable(rt: GpuRuntime, n: number): GPUBuffer {
  return rt.table(`fft.tw.${n}`, () => {
    const half = Math.max(1, n / 2);
    const t = new Float32Array(2 * half);
    for (let k = 0; k < half; k++) {
      const a = (2 * Math.PI * k) / n;
      t[2 * k] = Math.cos(a);
      t[2 * k + 1] = Math.sin(a);
    }
    return t;
  });
}

/**
 * The cached full twiddle table of n: (cos, sin)(2πk/n), k < n — the half table (twiddleTable),
 * then its negation (the same float32 values as the half table's twiddles).
 */
export function fullTwiddleTable(rt: GpuRuntime, n: number): GPUBuffer {
  return rt.table(`fft.twfull.${n}`, () => {
    const t = new Float32Array(2 * n);
    for (let k = 0; k < n / 2; k++) {
      const a = (2 * Math.PI * k) / n;
      t[2 * k] = Math.cos(a);
      t[2 * k + 1] = Math.sin(a);
      t[n + 2 * k] = -t[2 * k]!;
      t[n + 2 * k + 1] = -t[2 * k + 1]!;
    }
    return t;
  });
}

/**
 * How a Stockham pass (shaders/fft_stockham.wgsl) loads its input: 'plain' (the value), 'conv'
 * (the product spectrum FFT(K')·FFT(u') of a packed row Z = FFT(K' + i·u'), from Z_k and its
 * partner Z_{−k}: conv.ts) or 'rtf' (the quotient FFT(num)/FFT(den) from Z = FFT(den + i·c·num)
 * and c per row at `auxIn`: rtf.ts).
 */
export type FftLoad = 'plain' | 'conv' | 'rtf';
/**
 * Where it stores: 'inplace' (back into src), 'out' (a second buffer `dst`), 'real' (the real
 * part into an f32 buffer `dst`), 'realAux' (the same plus `auxOut[row]` at position 0).
 */
export type FftStore = 'inplace' | 'out' | 'real' | 'realAux';

/** One dispatch of shaders/fft_stockham.wgsl (see its header for the fields). */
export interface FftPass {
  /** Transform length n of the twiddle table (the whole row's FFT). */
  n: number;
  /** Sub-transform length m (a power of two ≤ tile) and sub-transforms per row. */
  m: number;
  perRow: number;
  rows: number;
  /** Values per workgroup: G·m, G sub-transforms per tile dividing rows·perRow. */
  tile: number;
  inQ: number;
  inJ: number;
  inPitch: number;
  inLimit: number;
  outQ: number;
  outK: number;
  outPitch: number;
  outLimit: number;
  pre: boolean;
  post: boolean;
  colMajor: boolean;
  inverse: boolean;
  scale: number;
  load: FftLoad;
  store: FftStore;
  src: GPUBuffer;
  dst?: GPUBuffer | undefined;
  auxIn?: GPUBuffer | undefined;
  auxOut?: GPUBuffer | undefined;
}

/** The load/store snippet of a (load, store) variant, bindings from 3 on in the order used. */
function ioSnippet(load: FftLoad, store: FftStore): string {
  let b = 3;
  const lines: string[] = [];
  const out = store === 'inplace' ? 'src' : 'dst';
  if (store === 'out')
    lines.push(`@group(0) @binding(${b++}) var<storage, read_write> dst: array<vec2f>;`);
  if (store === 'real' || store === 'realAux') {
    lines.push(`@group(0) @binding(${b++}) var<storage, read_write> dst: array<f32>;`);
  }
  if (load === 'rtf')
    lines.push(`@group(0) @binding(${b++}) var<storage, read> auxIn: array<f32>;`);
  if (store === 'realAux')
    lines.push(`@group(0) @binding(${b++}) var<storage, read> auxOut: array<f32>;`);
  const value = {
    plain: 'src[base + pos]',
    conv: 'convProduct(src[base + pos], src[base + partner(qq, j)])',
    rtf: 'rtfQuotient(src[base + pos], src[base + partner(qq, j)], 1.0 / auxIn[row])',
  }[load];
  lines.push(
    `fn load(row: u32, base: u32, pos: u32, qq: u32, j: u32) -> vec2f { return ${value}; }`,
  );
  const y =
    store === 'real'
      ? 'y.x'
      : store === 'realAux'
        ? 'y.x + select(0.0, auxOut[row], pos == 0u)'
        : 'y';
  lines.push(`fn store(row: u32, pos: u32, y: vec2f) { ${out}[row * OUT_PITCH + pos] = ${y}; }`);
  return `${stockhamBody}\n${butterflyCode}\n${loadSpectra}\n${lines.join('\n')}\n`;
}

const ioCode = new Map<string, string>();
function stockhamCode(load: FftLoad, store: FftStore): string {
  const key = `${load}.${store}`;
  let code = ioCode.get(key);
  if (code === undefined) {
    code = ioSnippet(load, store);
    ioCode.set(key, code);
  }
  return code;
}

/** The plan of an FftPass as pipeline constants of fft_stockham.wgsl. */
function planConstants(p: FftPass): Record<string, number> {
  return {
    WG: Math.max(1, p.tile / MAX_PER_THREAD),
    TILE: p.tile,
    LOGM: log2(p.m),
    TWID: tuning.twiddles === 'chain' ? 1 : 0,
    LOG_TABLE: log2(p.n),
    LOG_PER_ROW: log2(p.perRow),
    IN_PITCH: p.inPitch,
    IN_Q: p.inQ,
    IN_J: p.inJ,
    IN_LIMIT: p.inLimit,
    OUT_PITCH: p.outPitch,
    OUT_Q: p.outQ,
    OUT_K: p.outK,
    OUT_LIMIT: p.outLimit,
    PRE: +p.pre,
    POST: +p.post,
    COL_MAJOR: +p.colMajor,
    SIGN: p.inverse ? 1 : -1,
    SCALE: p.scale,
  };
}

/**
 * Dispatches `groups` workgroups of a pipeline laid out as fft_stockham.wgsl / fft_radix.wgsl
 * (bindings `head`, then the base workgroup, then `tail`), in chunks of ≤ 65535 whose first
 * workgroup comes from a cached one-word table.
 */
export function dispatchChunks(
  rt: GpuRuntime,
  enc: GPUCommandEncoder,
  pipeline: GPUComputePipeline,
  head: GPUBuffer[],
  tail: GPUBuffer[],
  groups: number,
): void {
  for (let first = 0, chunk = 0; first < groups; first += MAX_WORKGROUPS, chunk++) {
    const base = rt.table(`fft.base.${chunk}`, () => Uint32Array.of(first));
    rt.dispatch(
      enc,
      pipeline,
      [...head, base, ...tail],
      [Math.min(MAX_WORKGROUPS, groups - first)],
    );
  }
}

/** Records one Stockham pass (shaders/fft_stockham.wgsl) into `enc`. */
export function encodeFftPass(rt: GpuRuntime, enc: GPUCommandEncoder, p: FftPass): void {
  const pipeline = rt.pipeline(stockhamCode(p.load, p.store), 'main', planConstants(p));
  const tail = [p.store === 'inplace' ? undefined : p.dst, p.load === 'rtf' ? p.auxIn : undefined];
  if (p.store === 'realAux') tail.push(p.auxOut);
  const buffers = tail.filter((b): b is GPUBuffer => b !== undefined);
  const groups = (p.rows * p.perRow * p.m) / p.tile;
  dispatchChunks(rt, enc, pipeline, [p.src, twiddleTable(rt, p.n)], buffers, groups);
}

/** Defaults of an FftPass over rows of n: natural order in and out, no padding or twiddles. */
function passDefaults(
  n: number,
  rows: number,
  inverse: boolean,
): Omit<FftPass, 'm' | 'perRow' | 'tile' | 'src'> {
  return {
    n,
    rows,
    inQ: n,
    inJ: 1,
    inPitch: n,
    inLimit: n,
    outQ: n,
    outK: 1,
    outPitch: n,
    outLimit: n,
    pre: false,
    post: false,
    colMajor: false,
    inverse,
    scale: 1,
    load: 'plain',
    store: 'inplace',
  };
}

/**
 * One-dispatch FFT of `rows` rows of n ≤ fftTile(rt) (G whole rows per tile, G a power of two
 * dividing rows); `over` sets the rest (load, store, pitches, limits, scale…).
 */
export function wholeRowPass(
  rt: GpuRuntime,
  n: number,
  rows: number,
  inverse: boolean,
  over: Partial<FftPass> & { src: GPUBuffer },
): FftPass {
  const cap = forced.get(rt)?.tile ?? Math.max(n, WHOLE_ROW_TILE);
  const G = Math.min(fftTile(rt) / n, pow2Factor(rows), Math.max(1, cap / n));
  return { ...passDefaults(n, rows, inverse), m: n, perRow: 1, tile: G * n, ...over };
}

/** N2 of the four-step: the forced tile, else min(fftTile, 2048). */
function fourStepN2(rt: GpuRuntime): number {
  return forced.get(rt)?.tile ?? Math.min(fftTile(rt), FOUR_STEP_N2);
}

/**
 * The 'workgroup' four-step split n = N1·N2 (N2 = 2048, or the forced tile) for rows of n, or
 * undefined where fftEncode runs one dispatch (n ≤ fftTile) or global passes (other strategy,
 * or n > 64·N2).
 */
export function fourStepSplit(rt: GpuRuntime, n: number): { N1: number; N2: number } | undefined {
  const N2 = fourStepN2(rt);
  if (fftStrategy(rt) !== 'workgroup' || n <= fftTile(rt) || n > FOUR_STEP_MAX * N2) {
    return undefined;
  }
  return { N1: n / N2, N2 };
}

/**
 * Four-step column pass: length-N1 DFTs down the N2 columns of each row (element j1 of column
 * j2 at position j1·N2 + j2), in natural positions.
 */
export function columnPass(
  rt: GpuRuntime,
  n: number,
  rows: number,
  inverse: boolean,
  over: Partial<FftPass> & { src: GPUBuffer },
): FftPass {
  const T = fourStepN2(rt);
  const N1 = n / T;
  return {
    ...passDefaults(n, rows, inverse),
    m: N1,
    perRow: T,
    tile: T,
    inQ: 1,
    inJ: T,
    outQ: 1,
    outK: T,
    colMajor: true,
    ...over,
  };
}

/**
 * Four-step row pass: length-N2 DFTs of the N1 contiguous segments of each row (segment q' at
 * position q'·N2), out to the same positions (the spectrum in four-step order).
 */
export function rowPass(
  rt: GpuRuntime,
  n: number,
  rows: number,
  inverse: boolean,
  over: Partial<FftPass> & { src: GPUBuffer },
): FftPass {
  const T = fourStepN2(rt);
  return {
    ...passDefaults(n, rows, inverse),
    m: T,
    perRow: n / T,
    tile: T,
    inQ: T,
    outQ: T,
    ...over,
  };
}

/**
 * Order of the natural-order four-step of fftEncode: 'dif' = columns in place (times w_n^{j2·k1})
 * then rows written transposed (k1 + N1·k2) into a second buffer; 'dit' = rows gathered at
 * stride N1 into a second buffer (times w_n^{j1·k2}), then columns in place there.
 */
export type FourStepOrder = 'dif' | 'dit';

/**
 * Variants of the 'workgroup' passes, for benchmarks and tests: the natural-order four-step
 * (`order`) and the stage twiddles of the radix-16 passes ('chain': w^k and w^{4k} loaded, the
 * other 13 by complex products; 'table': 15 table loads per butterfly).
 */
export interface FftTuning {
  order: FourStepOrder;
  twiddles: 'chain' | 'table';
  /**
   * Sub-transforms per workgroup in the gathered row pass of 'dit' (≤ fftTile / N2). With 2 a
   * thread loads j1 and j1 + 1 from the same 32-byte sector, yet the H200 ran 1024 × 16384 in
   * 0.261 ms against 0.211 with 1 (larger workgroups, fewer of them resident).
   */
  gather: number;
  /**
   * Rows of fftTile < n ≤ 16 × the invocations per workgroup in one register-resident dispatch
   * (fftRow.ts: each row read and written once) instead of the four-step.
   */
  single: boolean;
  /** Values per exchange round of that dispatch (8 bytes each of workgroup memory). */
  chunk: number;
  /** Complex values each invocation of that dispatch holds in registers: 16 or 32. */
  values: 16 | 32;
  /** Its workgroup memory: 'split' (re and im as two f32 arrays) or 'vec2' (one array). */
  exchange: 'split' | 'vec2';
  /**
   * Its last exchange through subgroup shuffles where the device has 'subgroups' and the last
   * pass has radix 2^Rb < 16 with 2^Rb lanes in the smallest subgroup (fftRow.ts
   * RowOptions.shuffleLanes; rows of 8192 and 16384 on an H200). 1024 × 16384 on an H200:
   * 0.130 ms against 0.144 through workgroup memory (bench/h200-fft-row.json).
   */
  shuffle: boolean;
  /** Diagnostics only: parts of that dispatch left out (the result is wrong). */
  omit: RowOmit[];
  /**
   * Rows per workgroup of that dispatch (fftRow.ts RowShaderOptions.rows): ceil(batch / rows)
   * workgroups, each looping over its rows (1: one row per workgroup). 'auto': the most of
   * 1, 2, 4 that leaves at least 256 workgroups (WebGPU does not tell how many run at once, so
   * few long-lived workgroups could leave multiprocessors idle). H200, 1024 × 16384 with the
   * other defaults (bench/h200-f6.json): rows 8 0.1249 ms, 4 0.1254, 2 0.1270, 1 0.1298.
   */
  rows: number | 'auto';
  /**
   * With rows > 1: values per invocation of its next row loaded while it transforms the
   * current one, parked in workgroup memory (RowShaderOptions.prefetch; capped by what fits:
   * 2 of 16 beyond the exchanges' 32 KiB of 48 KiB on an H200, 4 more in the exchanges' memory
   * after the last one). H200, rows 8: 2 around exchange 0 0.1257 ms, 1 0.1265, none 0.1277;
   * more was slower (4: 0.1295, 6: 0.1339; around the passes: 2 0.1306, 6 0.1385).
   */
  prefetch: number;
  /**
   * When (RowShaderOptions.prefetchAt): around a pass's arithmetic ('pass'), around the first
   * exchange through workgroup memory ('exchange'), or spread over those exchanges ('spread').
   */
  prefetchAt: 'pass' | 'exchange' | 'spread';
  /**
   * Diagnostics (RowShaderOptions.stagger): spin iterations of odd workgroups before their rows.
   * H200, rows 8: 4000 (≈ 9 µs) 0.1234 ms against 0.1249, but 2000 and 6000 slower (0.136,
   * 0.134): tied to one GPU's row time, not a default.
   */
  stagger: number;
  /**
   * Its exchanges' slot and round maps: 'select' (a select per bit) or 'shift' (masked shifts;
   * fewer instructions: H200 0.1252 against 0.1254 ms with rows 8 and prefetch 2).
   */
  slotMaps: 'select' | 'shift';
  /**
   * Its twiddle table: 'half' (n/2 values, the other half negated) or 'full' (n values, no
   * branch per twiddle; the same float32 values).
   */
  rowTable: 'half' | 'full';
  /**
   * Index of an exchange through workgroup memory taken in 3 rounds of 3 × chunk/2 values
   * instead of 4 of chunk (fftRow.ts RowOptions.wide; where 1.5 × chunk × 8 bytes fit), or −1.
   */
  wide: number;
}
const DEFAULT_TUNING: FftTuning = {
  order: 'dit',
  twiddles: 'chain',
  gather: 1,
  single: true,
  chunk: 4096,
  values: 16,
  exchange: 'vec2',
  shuffle: true,
  omit: [],
  rows: 'auto',
  prefetch: 2,
  prefetchAt: 'exchange',
  stagger: 0,
  slotMaps: 'shift',
  rowTable: 'full',
  wide: -1,
};
let tuning: FftTuning = { ...DEFAULT_TUNING };

/** Sets variants of the 'workgroup' passes (unset fields: the defaults). */
export function setFftTuning(t: Partial<FftTuning> = {}): void {
  tuning = { ...DEFAULT_TUNING, ...t };
}

function checkBufferSize(data: GPUBuffer, values: number): void {
  if (data.size < values * COMPLEX_BYTES) {
    throw new RangeError(
      `data must hold at least ${values * COMPLEX_BYTES} bytes (batch rows of vec2<f32>), got ${data.size}`,
    );
  }
}

function checkBatchN(rt: GpuRuntime, n: number, batch: number, max: number): void {
  checkInt('batch', batch, 1, 2 ** 31);
  checkInt('n', n, 1, max);
  if (!isPow2(n)) throw new RangeError(`n must be a power of two in [1, ${max}], got ${n}`);
  const limit = Math.min(
    rt.device.limits.maxStorageBufferBindingSize,
    rt.device.limits.maxBufferSize,
  );
  if (batch * n * COMPLEX_BYTES > limit) {
    throw new RangeError(
      `batch·n must be at most ${Math.floor(limit / COMPLEX_BYTES)} (the device's buffer limit), got ${batch * n}`,
    );
  }
}

/**
 * How pow2 FFTs are run on this device. 'workgroup': rows of n ≤ fftTile(rt) in one dispatch
 * through workgroup memory, longer rows as a four-step of two such dispatches (the choice for
 * real GPUs). 'global': log16(n)-ish Stockham passes over global memory with no workgroup memory
 * and no barriers (the choice for software adapters: SwiftShader runs a shader that has barriers
 * as one coroutine per 4 invocations and is 10–50× slower for it).
 */
export type FftStrategy = 'workgroup' | 'global';

const forced = new WeakMap<GpuRuntime, { strategy: FftStrategy; tile?: number }>();

/** The strategy fftEncode uses on `rt` (software adapters: 'global'; others: 'workgroup'). */
export function fftStrategy(rt: GpuRuntime): FftStrategy {
  const f = forced.get(rt);
  if (f) return f.strategy;
  return softwareAdapter(rt) ? 'global' : 'workgroup';
}

/**
 * Forces a strategy on `rt` (tests, benchmarks), optionally with a smaller one-dispatch tile
 * (a power of two ≥ 2, at most the device's) so that the four-step runs at small n (2T, 4T);
 * `undefined` restores the automatic choice.
 */
export function setFftStrategy(
  rt: GpuRuntime,
  strategy: FftStrategy | undefined,
  opts?: { tile?: number },
): void {
  if (strategy === undefined) {
    forced.delete(rt);
    return;
  }
  const tile = opts?.tile;
  if (tile !== undefined && (!isPow2(tile) || tile < 2 || tile > deviceTile(rt))) {
    throw new RangeError(`tile must be a power of two in [2, ${deviceTile(rt)}], got ${tile}`);
  }
  forced.set(rt, tile === undefined ? { strategy } : { strategy, tile });
}

/**
 * The plan of the one-dispatch register-resident pass (fftRow.ts) for rows of n on `rt`, or
 * undefined where fftEncode does not use it: other strategy, n ≤ fftTile (one workgroup-memory
 * dispatch), n/16 above the device's invocations per workgroup, or `single` tuned off. The
 * exchange chunk is tuning.chunk, capped by the workgroup memory and by a forced tile.
 */
export function fftRowPlan(rt: GpuRuntime, n: number): RowPlan | undefined {
  if (!tuning.single || fftStrategy(rt) !== 'workgroup' || n <= fftTile(rt)) return undefined;
  const lim = rt.device.limits;
  const threads = Math.min(lim.maxComputeInvocationsPerWorkgroup, lim.maxComputeWorkgroupSizeX);
  if (!isPow2(n) || n > tuning.values * threads) return undefined;
  let chunk = Math.min(tuning.chunk, forced.get(rt)?.tile ?? Infinity);
  while (chunk > 1 && 8 * chunk > lim.maxComputeWorkgroupStorageSize) chunk /= 2;
  const vec2 = tuning.exchange === 'vec2';
  const lanes = tuning.shuffle ? subgroupLaneBits(rt) : 0;
  const fits = (p: RowPlan | undefined): RowPlan | undefined =>
    p && rowPlanBytes(p) <= lim.maxComputeWorkgroupStorageSize ? p : undefined;
  const plan = (wide: number): RowPlan | undefined =>
    // without a plan that shuffles (no subgroups, radix, or round bits left), workgroup memory
    fits(
      lanes > 0 ? rowPlan(n, chunk, tuning.values, vec2, { shuffleLanes: lanes, wide }) : undefined,
    ) ?? fits(rowPlan(n, chunk, tuning.values, vec2, { wide }));
  return (tuning.wide >= 0 ? plan(tuning.wide) : undefined) ?? plan(-1);
}

/**
 * log2 of the device's smallest subgroup where its 'subgroups' feature is enabled (WGSL
 * `enable subgroups`), else 0.
 */
export function subgroupLaneBits(rt: GpuRuntime): number {
  if (!rt.device.features.has('subgroups')) return 0;
  const info = (rt.device as GPUDevice & { adapterInfo?: GPUAdapterInfo }).adapterInfo;
  const min = info?.subgroupMinSize ?? 0;
  return min >= 1 ? Math.floor(Math.log2(min)) : 0;
}

/** Which pow2 path fftEncode takes for rows of n on `rt` (tests and benchmarks). */
export function fftPath(rt: GpuRuntime, n: number): 'whole' | 'single' | 'four-step' | 'global' {
  if (fftStrategy(rt) === 'workgroup' && n <= fftTile(rt)) return 'whole';
  if (fftRowPlan(rt, n)) return 'single';
  return fourStepSplit(rt, n) ? 'four-step' : 'global';
}

const rowCode = new Map<string, string>();

/** Rows per workgroup of the one-dispatch pass for `batch` rows (FftTuning.rows). */
export function rowsPerGroup(batch: number): number {
  if (tuning.rows !== 'auto') return Math.max(1, Math.min(tuning.rows, batch));
  let rows = 1;
  while (rows < 4 && batch / (2 * rows) >= 256) rows *= 2;
  return rows;
}

/**
 * Records the one-dispatch FFT of `batch` rows of plan.n in place (one workgroup per row);
 * exported for tests of plans fftRowPlan does not choose.
 */
export function encodeRowPass(
  rt: GpuRuntime,
  enc: GPUCommandEncoder,
  plan: RowPlan,
  data: GPUBuffer,
  batch: number,
  inverse: boolean,
): void {
  const rows = rowsPerGroup(batch);
  const memValues = rt.device.limits.maxComputeWorkgroupStorageSize / 8;
  const cap = prefetchCapacity(plan, memValues);
  const prefetch =
    rows > 1 && !tuning.omit.includes('global')
      ? Math.min(tuning.prefetch, cap.early + cap.tail)
      : 0;
  const opts = {
    rows,
    prefetch,
    memValues,
    prefetchAt: tuning.prefetchAt,
    stagger: tuning.stagger,
    shiftLinear: tuning.slotMaps === 'shift',
    fullTwiddles: tuning.rowTable === 'full',
  };
  const key = JSON.stringify([plan, tuning.omit, opts]);
  let code = rowCode.get(key);
  if (code === undefined) {
    code = `${rowShader(plan, tuning.omit, opts)}\n${butterflyCode}\n`;
    rowCode.set(key, code);
  }
  const pipeline = rt.pipeline(code, 'main', {
    SIGN: inverse ? 1 : -1,
    SCALE: inverse ? 1 / plan.n : 1,
  });
  const head = [data, opts.fullTwiddles ? fullTwiddleTable(rt, plan.n) : twiddleTable(rt, plan.n)];
  if (rows === 1) {
    dispatchChunks(rt, enc, pipeline, head, [], batch);
    return;
  }
  // ceil(count / rows) workgroups per dispatch, each looping over its rows (first, count)
  for (let first = 0; first < batch; first += MAX_WORKGROUPS * rows) {
    const count = Math.min(MAX_WORKGROUPS * rows, batch - first);
    const base = rt.table(`fft.rowbase.${first}.${count}`, () => Uint32Array.of(first, count));
    rt.dispatch(enc, pipeline, [...head, base], [Math.ceil(count / rows)]);
  }
}

/**
 * Radix bits of the global passes for n = 2^logn: as few passes as radix ≤ 16 allows, larger
 * radices first.
 */
function globalPassBits(logn: number): number[] {
  const passes = Math.ceil(logn / 4);
  const bits: number[] = [];
  for (let i = 0; i < passes; i++) {
    bits.push(Math.floor(logn / passes) + (i < logn % passes ? 1 : 0));
  }
  return bits;
}

const RADIX_WG = 64;

/**
 * Stockham passes over global memory between `data` and a new buffer `out`. The passes before
 * the last alternate between the two; the last (p = n/R) may run in place, so with an even
 * number of passes it does, and the result always lands in `out`.
 */
function encodeGlobal(
  rt: GpuRuntime,
  enc: GPUCommandEncoder,
  data: GPUBuffer,
  n: number,
  batch: number,
  inverse: boolean,
): GPUBuffer {
  const logn = log2(n);
  const tw = twiddleTable(rt, n);
  const out = rt.storage(batch * n * COMPLEX_BYTES);
  const bits = globalPassBits(logn);
  let logp = 0;
  let src = data;
  let dst = out;
  bits.forEach((logR, i) => {
    const last = i === bits.length - 1;
    const scale = inverse && last ? 1 / n : 1;
    const cfg = rt.table(`fft.pass.${logn}.${logp}.${+inverse}.${scale}`, () => {
      const u = new Uint32Array(4);
      const f = new Float32Array(u.buffer);
      u[0] = logn;
      u[1] = logp;
      f[2] = inverse ? 1 : -1;
      f[3] = scale;
      return u;
    });
    // after an odd number of passes the data sits in `out`: then the last one runs in place
    const inPlace = last && src === out;
    const pipeline = rt.pipeline(inPlace ? radixInPlace : radixOut, 'main', {
      WG: RADIX_WG,
      LOGR: logR,
    });
    const groups = Math.ceil((batch * n) / (RADIX_WG << logR));
    dispatchChunks(rt, enc, pipeline, [src, tw, cfg], inPlace ? [] : [dst], groups);
    logp += logR;
    [src, dst] = [dst, src];
  });
  return out;
}

/**
 * Records the FFT (or inverse FFT, divided by n) of `batch` rows of n = 2^k complex values
 * (vec2<f32>, rows back to back from offset 0 of `data`) into `enc`. Nothing is submitted.
 *
 * Returns the buffer that will hold the result: `data` itself (in place), or a new buffer of
 * batch·n·8 bytes from `rt.storage` (then `data` holds intermediate values). Which one depends
 * on n and fftStrategy(rt); callers must not assume either. The caller owns both and releases
 * them after submitting `enc`: `rt.release(data, out)` (release ignores the repeat when
 * out === data). No other temporaries are created (twiddles and pass parameters are cached
 * tables). Rows beyond `batch` in a larger `data` are left untouched.
 */
export function fftEncode(
  rt: GpuRuntime,
  enc: GPUCommandEncoder,
  data: GPUBuffer,
  n: number,
  batch: number,
  inverse: boolean,
): GPUBuffer {
  checkBatchN(rt, n, batch, fftMaxN(rt));
  checkBufferSize(data, batch * n);
  if (n === 1) return data;
  const scale = inverse ? 1 / n : 1;
  if (fftStrategy(rt) === 'workgroup' && n <= fftTile(rt)) {
    encodeFftPass(rt, enc, wholeRowPass(rt, n, batch, inverse, { src: data, scale }));
    return data;
  }
  const plan = fftRowPlan(rt, n);
  if (plan) {
    encodeRowPass(rt, enc, plan, data, batch, inverse);
    return data;
  }
  const split = fourStepSplit(rt, n);
  if (!split) return encodeGlobal(rt, enc, data, n, batch, inverse);
  const N1 = split.N1;
  const out = rt.storage(batch * n * COMPLEX_BYTES);
  if (tuning.order === 'dit') {
    // input j = j1 + N1·j2, output k = k2 + N2·k1: rows over j2 (stride N1) times w_n^{j1·k2}
    // into out (j1·N2 + k2), then columns over j1 in place
    encodeFftPass(
      rt,
      enc,
      rowPass(rt, n, batch, inverse, {
        src: data,
        dst: out,
        store: 'out',
        inQ: 1,
        inJ: N1,
        post: true,
        tile: Math.min(fftTile(rt), tuning.gather * split.N2),
      }),
    );
    encodeFftPass(rt, enc, columnPass(rt, n, batch, inverse, { src: out, scale }));
    return out;
  }
  // input j = j1·N2 + j2, output k = k1 + N1·k2: columns in place times w_n^{j2·k1}, then rows
  // written transposed into out
  encodeFftPass(rt, enc, columnPass(rt, n, batch, inverse, { src: data, post: true }));
  encodeFftPass(
    rt,
    enc,
    rowPass(rt, n, batch, inverse, { src: data, dst: out, store: 'out', outQ: 1, outK: N1, scale }),
  );
  return out;
}

/** The cached chirp table of length L: (cos θ_k, −sin θ_k), θ_k = π(k² mod 2L)/L, f64 → f32. */
function chirpTable(rt: GpuRuntime, L: number): GPUBuffer {
  return rt.table(`fft.chirp.${L}`, () => {
    const t = new Float32Array(2 * L);
    const twoL = 2 * L;
    for (let k = 0; k < L; k++) {
      // k² < 2^53 for L ≤ 2^26, so the reduction is exact
      const a = (Math.PI * ((k * k) % twoL)) / L;
      t[2 * k] = Math.cos(a);
      t[2 * k + 1] = -Math.sin(a);
    }
    return t;
  });
}

/** The cached filter spectrum FFT_m(d), d_k = e^{iπk²/L} at k and m − k (k < L), in float64. */
function chirpSpectrum(rt: GpuRuntime, L: number, m: number): GPUBuffer {
  return rt.table(`fft.chirpSpec.${L}.${m}`, () => {
    const d = new Float64Array(2 * m);
    const twoL = 2 * L;
    for (let k = 0; k < L; k++) {
      const a = (Math.PI * ((k * k) % twoL)) / L;
      const c = Math.cos(a);
      const s = Math.sin(a);
      d[2 * k] = c;
      d[2 * k + 1] = s;
      if (k > 0) {
        d[2 * (m - k)] = c;
        d[2 * (m - k) + 1] = s;
      }
    }
    return Float32Array.from(dftInterleaved(d, m, false));
  });
}

/** Longest any-length row dftAnyEncode supports on this device. */
export function dftMaxL(rt: GpuRuntime): number {
  return Math.min(MAX_L, Math.floor((fftMaxN(rt) + 1) / 2));
}

/**
 * Threads per workgroup for the element-wise passes (one element per thread): 512 where the
 * device allows it, else its maximum. Small workgroups leave such passes bound by workgroup
 * scheduling: an H200 (Dawn, Vulkan) wrote 512 MiB with shaders/rtf_pad.wgsl at 0.42 TB/s with
 * 64 threads, 1.3 TB/s with 256, 3.3 TB/s with 512 and 3.0 TB/s with 1024 (copy: 4.2 TB/s).
 */
export function elementWG(rt: GpuRuntime): number {
  const lim = rt.device.limits;
  return Math.min(512, lim.maxComputeInvocationsPerWorkgroup, lim.maxComputeWorkgroupSizeX);
}

/** A 1-D element range as a 2-D grid of workgroups of size wg (kernels flatten it back). */
export function elementGrid(count: number, wg: number): [number, number] {
  return grid(Math.max(1, Math.ceil(count / wg)));
}

/** A uniform buffer of u32 and f32 fields, in order (f32 where `floats` has true). */
export function paramsUniform(
  rt: GpuRuntime,
  fields: readonly number[],
  floats: readonly boolean[] = [],
): GPUBuffer {
  const u = new Uint32Array(Math.max(4, fields.length));
  const f = new Float32Array(u.buffer);
  fields.forEach((v, i) => {
    if (floats[i]) f[i] = v;
    else u[i] = v;
  });
  return rt.uniform(u);
}

const CHIRP_WG = 256;

/**
 * Records the DFT (or inverse DFT, divided by L) of `batch` rows of L complex values, any
 * L ≥ 1 (≤ dftMaxL(rt)), rows back to back in `data` (vec2<f32>). Powers of two go straight to
 * fftEncode; other lengths use Bluestein's algorithm on pow2 FFTs of length m = nextPow2(2L − 1).
 *
 * Returns the buffer holding the result, with fftEncode's contract: `data` itself or a new
 * buffer the caller owns; release both after submitting `enc` (`rt.release(data, out)`).
 * Temporaries that live until the submission (work buffers, parameters) are pushed onto
 * `temps`: the caller releases them after submitting, `rt.release(...temps)`.
 */
export function dftAnyEncode(
  rt: GpuRuntime,
  enc: GPUCommandEncoder,
  data: GPUBuffer,
  L: number,
  batch: number,
  inverse: boolean,
  temps: GPUBuffer[],
): GPUBuffer {
  const maxL = dftMaxL(rt);
  checkInt('L', L, 1, maxL);
  checkInt('batch', batch, 1, 2 ** 31);
  checkBufferSize(data, batch * L);
  if (isPow2(L)) return fftEncode(rt, enc, data, L, batch, inverse);
  const m = nextPow2(2 * L - 1);
  checkBatchN(rt, m, batch, fftMaxN(rt));
  const chirp = chirpTable(rt, L);
  const spec = chirpSpectrum(rt, L, m);
  const params = paramsUniform(
    rt,
    [L, m, batch, inverse ? 1 : -1, inverse ? 1 / L : 1],
    [false, false, false, true, true],
  );
  const work = rt.storage(batch * m * COMPLEX_BYTES);
  temps.push(params, work);
  const constants = { WG: CHIRP_WG };
  rt.dispatch(
    enc,
    rt.pipeline(chirpCode, 'pre', constants),
    [data, work, chirp, params],
    elementGrid(batch * m, CHIRP_WG),
  );
  const f = fftEncode(rt, enc, work, m, batch, false);
  if (f !== work) temps.push(f);
  rt.dispatch(
    enc,
    rt.pipeline(chirpCode, 'convolve', constants),
    [data, f, spec, params],
    elementGrid(batch * m, CHIRP_WG),
  );
  const c = fftEncode(rt, enc, f, m, batch, true);
  if (c !== f) temps.push(c);
  rt.dispatch(
    enc,
    rt.pipeline(chirpCode, 'post', constants),
    [data, c, chirp, params],
    elementGrid(batch * L, CHIRP_WG),
  );
  return data;
}

/** Interleaves re/im rows into one Float32Array of (re, im) pairs. */
export function interleave(re: ArrayLike<number>, im: ArrayLike<number> | undefined): Float32Array {
  const out = new Float32Array(2 * re.length);
  for (let i = 0; i < re.length; i++) {
    out[2 * i] = re[i]!;
    out[2 * i + 1] = im ? im[i]! : 0;
  }
  return out;
}

/** Splits interleaved (re, im) pairs into { re, im }. */
export function deinterleave(data: Float32Array, count = data.length / 2): Complex32 {
  const re = new Float32Array(count);
  const im = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    re[i] = data[2 * i]!;
    im[i] = data[2 * i + 1]!;
  }
  return { re, im };
}

function checkRows(re: Float32Array, im: Float32Array, batch: number): number {
  checkInt('batch', batch, 1, 2 ** 31);
  checkFiniteArray('re', re);
  checkFiniteArray('im', im, re?.length);
  if (re.length === 0 || re.length % batch !== 0) {
    throw new RangeError(
      `re.length must be a positive multiple of batch (${batch}), got ${re.length}`,
    );
  }
  return re.length / batch;
}

async function transformRows(
  rt: GpuRuntime,
  re: Float32Array,
  im: Float32Array,
  batch: number,
  n: number,
  encode: (enc: GPUCommandEncoder, data: GPUBuffer, temps: GPUBuffer[]) => GPUBuffer,
): Promise<Complex32> {
  const data = rt.upload(interleave(re, im));
  const temps: GPUBuffer[] = [];
  let out: GPUBuffer | undefined;
  try {
    const enc = rt.device.createCommandEncoder();
    out = encode(enc, data, temps);
    const raw = await rt.read(enc, out, batch * n * COMPLEX_BYTES);
    return deinterleave(raw);
  } finally {
    rt.release(data, out, ...temps);
  }
}

/**
 * gpu.fft (DESIGN §4): the FFT of `batch` rows of n = re.length / batch = 2^k complex values
 * ({ re, im }, rows back to back), or the inverse FFT (divided by n). numpy's signs.
 */
export async function fft(
  rt: GpuRuntime,
  re: Float32Array,
  im: Float32Array,
  opts: FftOptions,
): Promise<Complex32> {
  const batch = opts?.batch;
  const n = checkRows(re, im, batch);
  checkBatchN(rt, n, batch, Math.min(MAX_L, fftMaxN(rt)));
  return transformRows(rt, re, im, batch, n, (enc, data) =>
    fftEncode(rt, enc, data, n, batch, opts.inverse ?? false),
  );
}

/**
 * The DFT of `batch` rows of any length L = re.length / batch ≥ 1 (Bluestein when L is not a
 * power of two), or the inverse DFT (divided by L); = core.fft row by row.
 */
export async function dft(
  rt: GpuRuntime,
  re: Float32Array,
  im: Float32Array,
  opts: FftOptions,
): Promise<Complex32> {
  const batch = opts?.batch;
  const L = checkRows(re, im, batch);
  checkInt('L', L, 1, dftMaxL(rt));
  return transformRows(rt, re, im, batch, L, (enc, data, temps) =>
    dftAnyEncode(rt, enc, data, L, batch, opts.inverse ?? false, temps),
  );
}
