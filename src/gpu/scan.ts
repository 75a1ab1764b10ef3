/**
 * Batched diagonal linear recurrence on the GPU (DESIGN §4, REFERENCE §3.4), H rows of M
 * complex modes:
 *
 *   x_k = Ā x_{k−1} + B̄ u_k  (elementwise, x_{−1} = 0),   y_k = 2 Re Σ_n C_n x_{k,n},  k < L.
 *
 * Method: a chunked (two-level) parallel scan with chunks of Tc = 64 steps, nC = ⌈L/Tc⌉ chunks.
 * 1. Local scans: the end state of each chunk c started from zero,
 *      E_c = Σ_{r<Tc} B̄ Ā^(Tc−1−r) u_{c·Tc + r},
 *    as one real matrix product per row, [2M × Tc] · [Tc × nC] (shaders/scan_matmul.wgsl).
 * 2. Carries across chunks: S_c = Ā^Tc S_{c−1} + E_c, a two-level scan over the chunks per
 *    (row, mode) (shaders/scan_carry.wgsl): fold super-chunks of 64 chunks in parallel, walk
 *    the super-chunks, replay each super-chunk in parallel from its carry.
 * 3. Outputs: inside chunk c, at position i,
 *      y = Σ_{r≤i} K_{i−r} u_{c·Tc + r} + 2 Re Σ_n C_n Ā_n^(i+1) S_{c−1,n},
 *    K_m = 2 Re Σ_n C_n B̄_n Ā_n^m (m < Tc): again one matrix product per row,
 *    [Tc × (Tc + 2M)] · [(Tc + 2M) × nC] (shaders/scan_matmul.wgsl), Toeplitz zeros skipped.
 * Every power of Ā (Ā^m for m ≤ Tc, Ā^(Tc·64)) and the products with B̄, C are formed on the
 * host in float64 from the float32 inputs and rounded once, so no error accumulates along L:
 * the only f32 error is that of the sums (measured ~1e-6 of max|y| at L = 16384). Host work is
 * O(H·M·Tc), next to O(H·M·L) on the GPU; no thread walks more than max(64, ⌈nC/64⌉) chunks.
 *
 * Data layout: Ā, B̄, C are H·M complex values, row h at [h·M, (h+1)·M); u and the result are
 * H·L floats, row h at [h·L, (h+1)·L).
 */
import { checkComplex, checkFiniteArray, checkInt, MAX_L, MAX_N } from '../core/validate';
import { grid, type GpuRuntime } from './runtime';
import { checkBufferSize, checkRows } from './s4d';
import type { ScanParams } from './types';
import carrySource from './shaders/scan_carry.wgsl?raw';
import matmulSource from './shaders/scan_matmul.wgsl?raw';

/** Chunk length (the rows of the phase-3 product: one 64-row tile). */
const TC = 64;
/** Chunks per super-chunk of the carry scan (scan_carry.wgsl's Q). */
const Q = 64;
/** Threads per workgroup of scan_carry.wgsl. */
const WG = 64;
/** Threads per workgroup of scan_matmul.wgsl (a multiple of 4): it covers 64 rows × WG columns. */
const MATMUL_WG = 64;

/** z^e for a complex z and integer e ≥ 0, in float64 (polar form: no error growth with e). */
function cpow(zr: number, zi: number, e: number): [number, number] {
  if (e === 0) return [1, 0];
  const m = Math.exp(e * Math.log(Math.hypot(zr, zi)));
  const a = e * Math.atan2(zi, zr);
  return [m * Math.cos(a), m * Math.sin(a)];
}

/** Fields of scan_matmul.wgsl's Params, in order. */
interface MatmulParams {
  H: number;
  R: number;
  Rp: number;
  K1: number;
  K2: number;
  cols: number;
  colStride: number;
  L: number;
  tri: number;
  outMode: number;
}

function matmulDispatch(
  rt: GpuRuntime,
  enc: GPUCommandEncoder,
  m: MatmulParams,
  buffers: [GPUBuffer, GPUBuffer, GPUBuffer, GPUBuffer],
  owned: GPUBuffer[],
): void {
  const rowTiles = Math.ceil(m.R / 64);
  const colTiles = Math.ceil(m.cols / MATMUL_WG); // a workgroup covers 64 rows × WG columns
  const [gx, gy] = grid(m.H * rowTiles * colTiles);
  const params = rt.uniform(
    new Uint32Array([
      m.H,
      m.R,
      m.Rp,
      m.K1,
      m.K2,
      m.cols,
      m.colStride,
      m.L,
      TC,
      m.tri,
      m.outMode,
      rowTiles,
      colTiles,
      gx,
    ]),
  );
  owned.push(params);
  rt.dispatch(
    enc,
    rt.pipeline(matmulSource, 'main', { WG: MATMUL_WG }),
    [params, ...buffers],
    [gx, gy],
  );
}

/**
 * y = the outputs of H diagonal recurrences (see the module comment), float32, on the GPU.
 * Row h equals the float64 sequential recurrence to ~1e-6 of max|y_h| (stable Ā).
 * Throws a RangeError (naming the argument and its range) on invalid input.
 */
export async function scan(rt: GpuRuntime, p: ScanParams): Promise<Float32Array> {
  const { H, M, L } = p;
  checkRows(H);
  checkInt('M', M, 1, MAX_N);
  checkInt('L', L, 1, MAX_L);
  checkComplex('Abar', p.Abar, H * M);
  checkComplex('Bbar', p.Bbar, H * M);
  checkComplex('C', p.C, H * M);
  checkFiniteArray('u', p.u, H * L);
  const nC = Math.ceil(L / TC);
  const nE = nC - 1; // chunks whose end state is a carry
  const R1p = Math.ceil((2 * M) / 64) * 64;
  checkBufferSize(rt, H * L * 4, 'scan (H·L values)');
  checkBufferSize(rt, H * 2 * M * nC * 4, 'scan (H·2M·ceil(L/64) chunk states)');
  checkBufferSize(rt, H * (TC + 2 * M) * TC * 4, 'scan (H·(64 + 2M)·64 table)');

  // Host tables in float64, rounded once (see the module comment).
  const nS = Math.max(1, Math.ceil(nE / Q));
  const A1 = new Float32Array(H * TC * R1p); // [h][r][row]: (Re, Im) B̄ Ā^(Tc−1−r)
  const A3 = new Float32Array(H * (TC + 2 * M) * TC); // [h][r][i]
  const pw = new Float32Array(H * M * 4); // (Ā^Tc, Ā^(Tc·Q)) per (h, n)
  const powRe = new Float64Array(TC + 1);
  const powIm = new Float64Array(TC + 1);
  const Kloc = new Float64Array(TC);
  for (let h = 0; h < H; h++) {
    Kloc.fill(0);
    const a1 = h * TC * R1p;
    const a3 = h * (TC + 2 * M) * TC;
    for (let n = 0; n < M; n++) {
      const r = h * M + n;
      const ar = p.Abar.re[r]!;
      const ai = p.Abar.im[r]!;
      const br = p.Bbar.re[r]!;
      const bi = p.Bbar.im[r]!;
      const cr = p.C.re[r]!;
      const ci = p.C.im[r]!;
      // Ā^m, m ≤ Tc: exact polar powers every 16, f64 products in between
      powRe[0] = 1;
      powIm[0] = 0;
      for (let m = 1; m <= TC; m++) {
        if (m % 16 === 0) {
          [powRe[m], powIm[m]] = cpow(ar, ai, m);
        } else {
          powRe[m] = powRe[m - 1]! * ar - powIm[m - 1]! * ai;
          powIm[m] = powRe[m - 1]! * ai + powIm[m - 1]! * ar;
        }
      }
      const cbr = cr * br - ci * bi; // C B̄
      const cbi = cr * bi + ci * br;
      for (let m = 0; m < TC; m++) {
        const xr = powRe[TC - 1 - m]!;
        const xi = powIm[TC - 1 - m]!;
        A1[a1 + m * R1p + n] = br * xr - bi * xi;
        A1[a1 + m * R1p + M + n] = br * xi + bi * xr;
        Kloc[m]! += 2 * (cbr * powRe[m]! - cbi * powIm[m]!);
        // G = C Ā^(i+1): rows Tc + n (2 Re G) and Tc + M + n (−2 Im G)
        const gr = cr * powRe[m + 1]! - ci * powIm[m + 1]!;
        const gi = cr * powIm[m + 1]! + ci * powRe[m + 1]!;
        A3[a3 + (TC + n) * TC + m] = 2 * gr;
        A3[a3 + (TC + M + n) * TC + m] = -2 * gi;
      }
      const [xr, xi] = cpow(ar, ai, TC * Q);
      pw.set([powRe[TC]!, powIm[TC]!, xr, xi], 4 * r);
    }
    for (let rr = 0; rr < TC; rr++) {
      for (let i = rr; i < TC; i++) A3[a3 + rr * TC + i] = Kloc[i - rr]!;
    }
  }

  const owned: GPUBuffer[] = [];
  try {
    const u = rt.upload(p.u);
    owned.push(u);
    const carry = rt.storage(H * 2 * M * nC * 4); // zero: also the carry when nC = 1
    owned.push(carry);
    const y = rt.storage(H * L * 4);
    owned.push(y);
    const a3 = rt.upload(A3);
    owned.push(a3);
    const enc = rt.device.createCommandEncoder();
    if (nE > 0) {
      const E = rt.storage(H * 2 * M * nC * 4);
      const a1 = rt.upload(A1);
      const pwBuf = rt.upload(pw);
      owned.push(E, a1, pwBuf);
      matmulDispatch(
        rt,
        enc,
        { H, R: 2 * M, Rp: R1p, K1: TC, K2: 0, cols: nE, colStride: nC, L, tri: 0, outMode: 0 },
        [a1, u, carry, E], // X unused (K2 = 0)
        owned,
      );
      const F = rt.storage(H * M * nS * 8);
      owned.push(F);
      const carryPipeline = rt.pipeline(carrySource, 'main', { WG });
      for (const stage of [0, 1, 2]) {
        const [gx, gy] = grid(Math.ceil((H * M * (stage === 1 ? 1 : nS)) / WG));
        const params = rt.uniform(new Uint32Array([H, M, nE, nS, nC, stage, gx * WG]));
        owned.push(params);
        rt.dispatch(enc, carryPipeline, [params, E, pwBuf, F, carry], [gx, gy]);
      }
    }
    matmulDispatch(
      rt,
      enc,
      { H, R: TC, Rp: TC, K1: TC, K2: 2 * M, cols: nC, colStride: nC, L, tri: 1, outMode: 1 },
      [a3, u, carry, y],
      owned,
    );
    return await rt.read(enc, y, H * L * 4);
  } finally {
    rt.release(...owned);
  }
}
