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
 * exp/cos/sin of l·Δλ (measured here: off by ~1e-4 at L = 4096). With l = j·T + i (T = 64):
 *
 *   C_n B̄_n Ā_n^l = (C_n B̄_n Ā_n^{jT}) · Ā_n^i = hi[n, j] · lo[n, i],
 *
 * both tables built on the host in float64 from log Ā (exact exp/cos/sin every 32 entries,
 * f64 multiplication in between: error ~32 f64 ulps, far below one f32 ulp), then rounded once
 * to float32. The GPU does one complex multiply-add per (l, n) — of which only the real part is
 * needed, i.e. two FMAs — in shaders/s4d_kernel.wgsl. Host work is O(H·M·(T + L/T)), tiny next
 * to the O(H·M·L) on the GPU; the error is a few f32 ulps per term (measured ~3e-7 of max|K|).
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
import { grid, type GpuRuntime } from './runtime';
import type { S4dParams } from './types';
import kernelSource from './shaders/s4d_kernel.wgsl?raw';

/** Length of the low-power table (fixed by the thread layout of s4d_kernel.wgsl). */
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
  const nHi = Math.ceil(L / T);
  const nHiPad = Math.ceil(nHi / 8) * 8; // the shader reads hi in blocks of 8 j values
  checkBufferSize(rt, H * M * nHiPad * 8, 's4dKernels (H·M·ceil(L/64) complex values)');
  checkBufferSize(rt, H * L * 4, 's4dKernels (H·L outputs)');

  const lo = new Float32Array(H * M * T * 2);
  const hi = new Float32Array(H * M * nHiPad * 2);
  for (let h = 0; h < H; h++) {
    const dt = p.dt[h]!;
    for (let n = 0; n < M; n++) {
      const r = h * M + n;
      const f = modeFactors(p.Lambda.re[r]!, p.Lambda.im[r]!, dt, disc);
      const bR = p.B.re[r]! * f.gr - p.B.im[r]! * f.gi;
      const bI = p.B.re[r]! * f.gi + p.B.im[r]! * f.gr;
      const wr = p.C.re[r]! * bR - p.C.im[r]! * bI;
      const wi = p.C.re[r]! * bI + p.C.im[r]! * bR;
      powers(lo, 2 * r * T, T, f.logR, f.logI, 1, 0);
      powers(hi, 2 * r * nHiPad, nHi, T * f.logR, T * f.logI, wr, wi);
    }
  }

  const jBlocks = Math.ceil(nHi / WG); // a workgroup covers WG values of j
  const [gx, gy] = grid(H * jBlocks);
  const owned: GPUBuffer[] = [];
  try {
    const params = rt.uniform(new Uint32Array([H, M, L, nHiPad, jBlocks, gx]));
    owned.push(params);
    const loBuf = rt.upload(lo);
    owned.push(loBuf);
    const hiBuf = rt.upload(hi);
    owned.push(hiBuf);
    const out = rt.storage(H * L * 4);
    owned.push(out);
    const enc = rt.device.createCommandEncoder();
    rt.dispatch(
      enc,
      rt.pipeline(kernelSource, 'main', { WG }),
      [params, loBuf, hiBuf, out],
      [gx, gy],
    );
    return await rt.read(enc, out, H * L * 4);
  } finally {
    rt.release(...owned);
  }
}
