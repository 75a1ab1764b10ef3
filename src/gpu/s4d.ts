/**
 * Batched S4D kernels on the GPU (REFERENCE §3.13, DESIGN §4): row h of the result is
 * core.s4dKernel(Λ_h, B_h, C_h, Δ_h, L, disc),
 *
 *   K_l = 2 Re Σ_n C_n B̄_n Ā_n^l,   l < L,  n < M (one eigenvalue per conjugate pair),
 *
 * zoh: Ā = e^{Δλ}, B̄ = (e^{Δλ} − 1)/λ · B (= ΔB at λ = 0); bilinear: Ā = (1 + Δλ/2)/(1 − Δλ/2),
 * B̄ = Δ/(1 − Δλ/2) · B.
 *
 * Method. Powers are never formed by repeated float32 multiplication, nor by float32
 * exp/cos/sin of l·Δλ (measured here: off by ~1e-4 at L = 4096). With l = j·T + i:
 *
 *   C_n B̄_n Ā_n^l = (C_n B̄_n Ā_n^{jT}) · Ā_n^i = hi[n, j] · lo[n, i],
 *
 * both tables built on the host in float64 from log Ā (exact exp/cos/sin every 32 entries,
 * f64 multiplication in between: error ~32 f64 ulps, far below one f32 ulp), then rounded once
 * to float32. The GPU does one complex multiply-add per (l, n) — of which only the real part is
 * needed, i.e. two FMAs. Per row that is a real matrix product K_h = Re(Lo_h^T · Hi_h) with
 * inner dimension 2M, computed as a register-tiled GEMM: shaders/s4d_gemm.wgsl ('gemm', the
 * default: T = tx·ri, tables staged in workgroup memory, hi stored as 2·conj so each term is two
 * plain FMAs) or shaders/s4d_kernel.wgsl ('power', the previous kernel: T = 64, tables read
 * from storage); see setS4dTuning. Host work is O(H·M·(T + L/T)), tiny next to the O(H·M·L) on
 * the GPU; the error is a few f32 ulps per term (measured ~3e-7 of max|K|).
 *
 * NVIDIA H200 (Dawn/Vulkan), H = 1024, M = 32, L = 16384: 'gemm' with the default tile 0.087 ms
 * (2.15 GFLOP of FMAs: 25 TFLOP/s, 0.69 of a plain WGSL FMA loop there), 'power' 0.134 ms. Other
 * tiles measured there: 4 × 4 on 32 × 16 invocations 0.091, 8 × 4 on 16 × 8 0.092, 4 × 8 on
 * 32 × 8 0.098, 8 × 8 on 16 × 16 0.096; 8 × 8 on 16 × 8 0.133; mc 4 or 16 instead of 8: slower;
 * the register loops left to the driver: 10–20 % slower; lo as vec4 of two modes (half the
 * loads) or the staged tables indexed [mode][register][invocation]: no faster.
 *
 * Data layout: Λ, B, C are H·M complex values, row h at [h·M, (h+1)·M); dt has H entries; the
 * result is H·L floats, row h at [h·L, (h+1)·L).
 */
import {
  checkComplex,
  checkFiniteArray,
  checkInt,
  checkOneOf,
  MAX_L,
  MAX_N,
} from '../core/validate';
import { grid, softwareAdapter, type GpuRuntime } from './runtime';
import type { S4dParams } from './types';
import kernelSource from './shaders/s4d_kernel.wgsl?raw';
import kernelGemm from './shaders/s4d_gemm.wgsl?raw';

/** Length of the low-power table of 'power' (fixed by the thread layout of s4d_kernel.wgsl). */
const T = 64;
/** Threads per workgroup of s4d_kernel.wgsl (a multiple of 8); a workgroup covers WG values of j. */
const WG = 64;
/** Exact exp/cos/sin every REFRESH table entries; f64 multiplication in between. */
const REFRESH = 32;

/** H must be an integer in [1, max]. */
export function checkRows(H: number, max = 1 << 20): void {
  checkInt('H', H, 1, max);
}

/** dt: H finite values > 0. */
export function checkSteps(dt: Float32Array, H: number): void {
  checkFiniteArray('dt', dt, H);
  for (let h = 0; h < H; h++) {
    if (!(dt[h]! > 0)) {
      throw new RangeError(`dt[${h}] must be a finite number > 0, got ${String(dt[h])}`);
    }
  }
}

/** Throws a RangeError naming `what` when a buffer of `bytes` exceeds the device's limits. */
export function checkBufferSize(rt: GpuRuntime, bytes: number, what: string): void {
  const max = Math.min(
    rt.device.limits.maxStorageBufferBindingSize,
    rt.device.limits.maxBufferSize,
  );
  if (bytes > max) {
    throw new RangeError(
      `${what} needs a ${bytes}-byte GPU buffer; this device allows at most ${max} bytes (reduce H, N/M or L)`,
    );
  }
}

/**
 * Fills out[off + 2k], out[off + 2k + 1] (k < count) with scale · e^{k·(zr + i zi)} in float64,
 * rounded once to float32: exact exp/cos/sin at every REFRESH-th k, f64 products in between.
 */
function powers(
  out: Float32Array,
  off: number,
  count: number,
  zr: number,
  zi: number,
  scaleRe: number,
  scaleIm: number,
): void {
  const sr = Math.exp(zr) * Math.cos(zi);
  const si = Math.exp(zr) * Math.sin(zi);
  for (let k0 = 0; k0 < count; k0 += REFRESH) {
    // (k0 = 0 exactly: log Ā = −∞ when the bilinear Ā is 0, and 0·∞ would be NaN)
    const m = k0 === 0 ? 1 : Math.exp(k0 * zr);
    const cr = k0 === 0 ? 1 : m * Math.cos(k0 * zi);
    const ci = k0 === 0 ? 0 : m * Math.sin(k0 * zi);
    let pr = scaleRe * cr - scaleIm * ci;
    let pi = scaleRe * ci + scaleIm * cr;
    const end = Math.min(count, k0 + REFRESH);
    for (let k = k0; k < end; k++) {
      out[off + 2 * k] = pr;
      out[off + 2 * k + 1] = pi;
      const t = pr * sr - pi * si;
      pi = pr * si + pi * sr;
      pr = t;
    }
  }
}

/**
 * log Ā and w = C B̄ of one mode in float64, exactly as core.s4dKernel computes them.
 */
function modeFactors(
  lr: number,
  li: number,
  dt: number,
  disc: 'zoh' | 'bilinear',
): { logR: number; logI: number; gr: number; gi: number } {
  const zr = dt * lr;
  const zi = dt * li;
  if (disc === 'zoh') {
    // (e^z − 1)/λ; e^z − 1 = expm1(x) cos y − 2 sin²(y/2) + i e^x sin y (no cancellation).
    const er = Math.expm1(zr) * Math.cos(zi) - 2 * Math.sin(zi / 2) ** 2;
    const ei = Math.exp(zr) * Math.sin(zi);
    const l2 = lr * lr + li * li;
    if (l2 === 0) return { logR: zr, logI: zi, gr: dt, gi: 0 };
    return { logR: zr, logI: zi, gr: (er * lr + ei * li) / l2, gi: (ei * lr - er * li) / l2 };
  }
  const dr = 1 - zr / 2;
  const di = -zi / 2;
  const dd = dr * dr + di * di;
  const nr = 1 + zr / 2;
  const ni = zi / 2;
  const ar = (nr * dr + ni * di) / dd;
  const ai = (ni * dr - nr * di) / dd;
  return {
    logR: Math.log(Math.hypot(ar, ai)),
    logI: Math.atan2(ai, ar),
    gr: (dt * dr) / dd,
    gi: (-dt * di) / dd,
  };
}

/** Which shader computes the kernels, and its tile ('gemm' only). */
export interface S4dTuning {
  /**
   * 'gemm': shaders/s4d_gemm.wgsl, tables staged in workgroup memory, explicit FMAs,
   * T = tx·ri; 'power': shaders/s4d_kernel.wgsl, the previous kernel (T = 64, tables read from
   * storage, 8 × 8 outputs per thread); 'auto' (default): gemm on a GPU, power on a software
   * adapter, where gemm's staging through workgroup memory makes it ~10× slower.
   */
  variant: 'auto' | 'gemm' | 'power';
  /** Register tile of one invocation: ri values of i × rj values of j (rj even). */
  ri: number;
  rj: number;
  /** Invocations per workgroup along i and j; the workgroup covers T = tx·ri by ty·rj outputs. */
  tx: number;
  ty: number;
  /** Modes staged in workgroup memory at a time. */
  mc: number;
  /** Unroll the register loops in the WGSL text (rather than leave them to the driver). */
  unroll: boolean;
}

/** The H200's fastest of those measured (see the top of this file); fits WebGPU's default limits. */
const DEFAULT_TUNING: S4dTuning = {
  variant: 'auto',
  ri: 8,
  rj: 4,
  tx: 16,
  ty: 16,
  mc: 8,
  unroll: true,
};
let tuning: S4dTuning = { ...DEFAULT_TUNING };
let lastRun: S4dTuning | undefined;

/**
 * Sets the shader and tile of later s4dKernels calls (unset fields: the defaults). Throws a
 * RangeError on a tile the shader cannot take.
 */
export function setS4dTuning(t: Partial<S4dTuning> = {}): void {
  const next = { ...DEFAULT_TUNING, ...t };
  checkOneOf('variant', next.variant, ['auto', 'gemm', 'power'] as const);
  checkInt('ri', next.ri, 1, 16);
  checkInt('rj', next.rj, 2, 16);
  if (next.rj % 2) throw new RangeError(`rj must be even, got ${next.rj}`);
  checkInt('tx', next.tx, 1, 256);
  checkInt('ty', next.ty, 1, 256);
  checkInt('mc', next.mc, 1, 64);
  if (next.tx * next.ty > 1024) {
    throw new RangeError(`tx·ty must be at most 1024, got ${next.tx * next.ty}`);
  }
  tuning = next;
}

/** The tuning of the last s4dKernels call, its variant resolved (undefined before the first). */
export function s4dLastRun(): S4dTuning | undefined {
  return lastRun && { ...lastRun };
}

/** log Ā and w = C B̄ of every (h, n), float64. */
function modeTables(p: S4dParams): {
  logR: Float64Array;
  logI: Float64Array;
  wr: Float64Array;
  wi: Float64Array;
} {
  const { H, M } = p;
  const t = {
    logR: new Float64Array(H * M),
    logI: new Float64Array(H * M),
    wr: new Float64Array(H * M),
    wi: new Float64Array(H * M),
  };
  for (let h = 0; h < H; h++) {
    for (let n = 0; n < M; n++) {
      const r = h * M + n;
      const f = modeFactors(p.Lambda.re[r]!, p.Lambda.im[r]!, p.dt[h]!, p.disc);
      const bR = p.B.re[r]! * f.gr - p.B.im[r]! * f.gi;
      const bI = p.B.re[r]! * f.gi + p.B.im[r]! * f.gr;
      t.logR[r] = f.logR;
      t.logI[r] = f.logI;
      t.wr[r] = p.C.re[r]! * bR - p.C.im[r]! * bI;
      t.wi[r] = p.C.re[r]! * bI + p.C.im[r]! * bR;
    }
  }
  return t;
}

/**
 * S4D kernels of H diagonal systems, float32, on the GPU. Row h equals
 * core.s4dKernel({Λ_h}, {B_h}, {C_h}, dt[h], L, disc) to ~1e-6 of max|K_h|.
 * Throws a RangeError (naming the argument and its range) on invalid input.
 */
export async function s4dKernels(rt: GpuRuntime, p: S4dParams): Promise<Float32Array> {
  const { H, M, L, disc } = p;
  checkRows(H);
  checkInt('M', M, 1, MAX_N);
  checkInt('L', L, 1, MAX_L);
  checkOneOf('disc', disc, ['zoh', 'bilinear'] as const);
  checkComplex('Lambda', p.Lambda, H * M);
  checkComplex('B', p.B, H * M);
  checkComplex('C', p.C, H * M);
  checkSteps(p.dt, H);
  const variant =
    tuning.variant === 'auto' ? (softwareAdapter(rt) ? 'power' : 'gemm') : tuning.variant;
  const t: S4dTuning = { ...tuning, variant };
  const out = variant === 'gemm' ? await gemmKernels(rt, p, t) : await powerKernels(rt, p);
  lastRun = { ...t };
  return out;
}

/** Runs `pipeline` over `tables` and returns the H·L outputs. */
async function runTables(
  rt: GpuRuntime,
  pipeline: GPUComputePipeline,
  params: Uint32Array,
  tables: Float32Array[],
  workgroups: [number, number],
  outFloats: number,
): Promise<Float32Array> {
  const owned: GPUBuffer[] = [];
  try {
    const u = rt.uniform(params);
    owned.push(u);
    for (const t of tables) owned.push(rt.upload(t));
    const out = rt.storage(outFloats * 4);
    owned.push(out);
    const enc = rt.device.createCommandEncoder();
    rt.dispatch(enc, pipeline, owned, workgroups);
    return await rt.read(enc, out, outFloats * 4);
  } finally {
    rt.release(...owned);
  }
}

const GEMM_TILE =
  /const RI: u32 = 8u;\nconst RJ: u32 = 8u;\nconst TX: u32 = 16u;\nconst TY: u32 = 8u;\nconst MC: u32 = 8u;/;

/** Replaces the region `// <name>` … `// </name>` of `code` by `body`. */
function region(code: string, name: string, body: string): string {
  const re = new RegExp(`// <${name}>[^\\n]*\\n[\\s\\S]*// </${name}>`);
  if (!re.test(code)) throw new Error(`s4d_gemm.wgsl: region ${name} not found`);
  return code.replace(re, () => body);
}

/** shaders/s4d_gemm.wgsl with the tile of `t`, its register loops unrolled when t.unroll. */
function gemmSource(t: S4dTuning): string {
  if (!GEMM_TILE.test(kernelGemm)) throw new Error('s4d_gemm.wgsl: tile constants not found');
  let code = kernelGemm.replace(
    GEMM_TILE,
    `const RI: u32 = ${t.ri}u;\nconst RJ: u32 = ${t.rj}u;\nconst TX: u32 = ${t.tx}u;\nconst TY: u32 = ${t.ty}u;\nconst MC: u32 = ${t.mc}u;`,
  );
  if (!t.unroll) return code;
  const as = Array.from({ length: t.ri }, (_, a) => a);
  const bs = Array.from({ length: t.rj }, (_, b) => b);
  const each = (f: (b: number, a: number) => string): string =>
    bs.flatMap((b) => as.map((a) => f(b, a))).join('\n');
  code = region(
    code,
    'acc',
    each((b, a) => `  var acc${b}_${a} = 0.0;`),
  );
  const loads = [
    '      let lb = c * TI + tx;',
    ...as.map((a) => `      let l${a} = sLo[lb + ${a * t.tx}u];`),
    '      let hb = c * (TJ / 2u) + ty * HJ;',
    ...Array.from({ length: t.rj / 2 }, (_, q) => `      let w${q} = sHc[hb + ${q}u];`),
  ];
  const fmas = each((b, a) => {
    const [x, y] = b % 2 ? ['z', 'w'] : ['x', 'y'];
    const w = `w${b >> 1}`;
    return `      acc${b}_${a} = fma(l${a}.y, ${w}.${y}, fma(l${a}.x, ${w}.${x}, acc${b}_${a}));`;
  });
  code = region(code, 'modes', `${loads.join('\n')}\n${fmas}`);
  const stores = bs.flatMap((b) => [
    `  let l${b} = (j0 + ty * RJ + ${b}u) * TI + tx;`,
    ...as.map(
      (a) =>
        `  if (l${b} + ${a * t.tx}u < p.L) { K[rowBase + l${b} + ${a * t.tx}u] = acc${b}_${a}; }`,
    ),
  ]);
  return region(code, 'store', stores.join('\n'));
}

/** 'gemm': shaders/s4d_gemm.wgsl (see there), T = tx·ri. */
async function gemmKernels(rt: GpuRuntime, p: S4dParams, t: S4dTuning): Promise<Float32Array> {
  const { H, M, L } = p;
  const T = t.tx * t.ri;
  const TJ = t.ty * t.rj;
  const Mp = Math.ceil(M / t.mc) * t.mc;
  const nHi = Math.ceil(L / T);
  const jBlocks = Math.ceil(nHi / TJ);
  const nHiPad = jBlocks * TJ;
  const lim = rt.device.limits;
  const bytes = (t.mc * T * 2 + t.mc * TJ * 2) * 4;
  if (bytes > lim.maxComputeWorkgroupStorageSize) {
    throw new RangeError(
      `s4dKernels tile needs ${bytes} bytes of workgroup memory; this device allows ${lim.maxComputeWorkgroupStorageSize}`,
    );
  }
  const threads = t.tx * t.ty;
  const maxThreads = Math.min(lim.maxComputeInvocationsPerWorkgroup, lim.maxComputeWorkgroupSizeX);
  if (threads > maxThreads) {
    throw new RangeError(
      `s4dKernels tile needs ${threads} invocations per workgroup; this device allows ${maxThreads}`,
    );
  }
  checkBufferSize(rt, H * Mp * nHiPad * 8, 's4dKernels (H·M·ceil(L/T) complex values)');
  checkBufferSize(rt, H * Mp * T * 8, 's4dKernels (H·M·T complex values)');
  checkBufferSize(rt, H * L * 4, 's4dKernels (H·L outputs)');
  const f = modeTables(p);
  const lo = new Float32Array(H * Mp * T * 2);
  const hc = new Float32Array(H * Mp * nHiPad * 2);
  for (let h = 0; h < H; h++) {
    for (let n = 0; n < M; n++) {
      const r = h * M + n;
      const row = h * Mp + n;
      powers(lo, 2 * row * T, T, f.logR[r]!, f.logI[r]!, 1, 0);
      powers(hc, 2 * row * nHiPad, nHi, T * f.logR[r]!, T * f.logI[r]!, 2 * f.wr[r]!, 2 * f.wi[r]!);
      for (let j = 0; j < nHi; j++) {
        const k = 2 * (row * nHiPad + j) + 1;
        hc[k] = -hc[k]!;
      }
    }
  }
  const code = gemmSource(t);
  const [gx, gy] = grid(H * jBlocks);
  return runTables(
    rt,
    rt.pipeline(code),
    new Uint32Array([H, Mp, L, nHiPad, jBlocks, gx]),
    [lo, hc],
    [gx, gy],
    H * L,
  );
}

/** 'power': shaders/s4d_kernel.wgsl (see there), T = 64. */
async function powerKernels(rt: GpuRuntime, p: S4dParams): Promise<Float32Array> {
  const { H, M, L } = p;
  const nHi = Math.ceil(L / T);
  const nHiPad = Math.ceil(nHi / 8) * 8; // the shader reads hi in blocks of 8 j values
  checkBufferSize(rt, H * M * nHiPad * 8, 's4dKernels (H·M·ceil(L/64) complex values)');
  checkBufferSize(rt, H * L * 4, 's4dKernels (H·L outputs)');
  const f = modeTables(p);
  const lo = new Float32Array(H * M * T * 2);
  const hi = new Float32Array(H * M * nHiPad * 2);
  for (let r = 0; r < H * M; r++) {
    powers(lo, 2 * r * T, T, f.logR[r]!, f.logI[r]!, 1, 0);
    powers(hi, 2 * r * nHiPad, nHi, T * f.logR[r]!, T * f.logI[r]!, f.wr[r]!, f.wi[r]!);
  }
  const jBlocks = Math.ceil(nHi / WG); // a workgroup covers WG values of j
  const [gx, gy] = grid(H * jBlocks);
  return runTables(
    rt,
    rt.pipeline(kernelSource, 'main', { WG }),
    new Uint32Array([H, M, L, nHiPad, jBlocks, gx]),
    [lo, hi],
    [gx, gy],
    H * L,
  );
}
