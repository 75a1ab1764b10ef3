/**
 * Batched S4 (LegS, DPLR) kernels on the GPU (REFERENCE §3.9–3.11, DESIGN §4): row h of the
 * result is core.s4Kernel('legs', N, C_h, Δ_h, L, 'dplr'), i.e. K_k = C Ā^k B̄ (k < L) with the
 * bilinear Ā, B̄ of LegS (paper normalisation) at step Δ_h.
 *
 * Method, per row (all rows at once on the GPU):
 * 1. C̃ = C(I − Ā^L). Computed as d = C(Ā^L − I) by binary powering in "delta" form:
 *    with E_k = Ā^(2^k) − I, E_{k+1} = 2E_k + E_k² (shaders/dplr_square.wgsl), and for every
 *    set bit k of L, d ← d + (C + d) E_k (shaders/dplr_vec.wgsl); then C̃ = −d. The top bits
 *    may instead be applied as ⌊L/2^K0⌋ vector steps with E_K0 when that is cheaper (see
 *    squarings(): a vector step costs N²/2, a squaring N³/6).
 *    Why this: the f64 core steps a row vector L times, O(N·L) per row and sequential in L —
 *    H such loops on the host would dominate, and on the GPU they would be L dependent steps.
 *    Squaring needs ⌊log₂L⌋ batched matrix products, each fully parallel. Ā is lower triangular
 *    (LegS A is), so a product costs N³/6 multiply-adds, not N³: at N = 64 that is 44k per
 *    squaring, and 12 squarings (L = 4096) are half the 64·4096·~10 flops of the vector loop.
 *    The delta form keeps the precision of Ā − I = O(Δ) (Ā itself rounds to I + O(ε) in f32
 *    and the small part would be lost; with E the error of Ā^L stays relative to Ā^L − I), and
 *    C̃ = −d needs no cancellation C − CĀ^L. Diagonalising Ā (or x^L mod its characteristic
 *    polynomial) would be O(N²) but is catastrophically conditioned for LegS (REFERENCE §3.7).
 *    E_0 = Ā − I = 2h(I − hA)⁻¹A, h = Δ/2, is built on the host in float64 with the O(N) LegS
 *    solve per column (O(N²) per row, ~1% of the GPU work) and rounded once to float32.
 * 2. Projection onto the unitary eigenvectors V of the normal part (A = VΛV* − PPᵀ, from the f64
 *    core's skewEig, cached per N): c = V*C̃ on the GPU, with b = V*B, p = V*P from the host
 *    (shaders/dplr_weights.wgsl): weights conj(c)b, conj(c)p per eigenvalue; conj(p)b, |p|² are
 *    per-N constants.
 * 3. Cauchy sums + Woodbury at the L-th roots of unity in the singularity-free form, nodes
 *    j ≤ L/2 only (K is real), two rows × two nodes per thread, conjugate pairs summed at once
 *    (shaders/dplr_cauchy.wgsl).
 * 4. The inverse DFT of length L (any L ≥ 1: src/gpu/fft.ts, Bluestein when L is not a power of
 *    two), two real rows per complex transform (Z = K̂_a + iK̂_b), then real/imaginary parts.
 *
 * Data layout: C is H·N floats (row h at [h·N, (h+1)·N)), dt H floats, the result H·L floats.
 */
import { skewEig } from '../core/eig';
import { hippo } from '../core/hippo';
import { checkFiniteArray, checkInt, MAX_N } from '../core/validate';
import { dftAnyEncode, dftMaxL } from './fft';
import { grid, type GpuRuntime } from './runtime';
import { checkBufferSize, checkRows, checkSteps } from './s4d';
import type { DplrParams } from './types';
import cauchySource from './shaders/dplr_cauchy.wgsl?raw';
import realSource from './shaders/dplr_real.wgsl?raw';
import squareSource from './shaders/dplr_square.wgsl?raw';
import vecSource from './shaders/dplr_vec.wgsl?raw';
import weightsSource from './shaders/dplr_weights.wgsl?raw';

/** Threads per workgroup of the element-wise kernels (dplr_vec, _weights, _cauchy, _real). */
const WG = 64;

interface NplrConstants {
  N: number;
  nh: number; // ceil(N/2) eigenvalues kept: one per conjugate pair, plus the real one (odd N)
  pairs: number; // floor(N/2)
  /** V_ai for i < nh, a < N: vec2 [i][a] */
  Vc: Float32Array;
  /** (b_i, p_i) = ((V*B)_i, (V*P)_i): vec4 [i] */
  bp: Float32Array;
  /** (ω_i, conj(p_i) b_i, |p_i|²): vec4 [i] */
  eig: Float32Array;
}

const constantsCache = new Map<number, NplrConstants>();

/**
 * NPLR of LegS (S4 Theorem 1, as core/s4.ts nplrFactors): A + PPᵀ + ½I = S is skew-symmetric,
 * S = V diag(iω) V* with V unitary (skewEig), ω ascending, so eigenvalue i < N/2 (ω_i < 0) is
 * paired with N−1−i (ω = −ω_i, conjugate vectors). Projections in float64, rounded once.
 */
function nplrConstants(N: number): NplrConstants {
  let f = constantsCache.get(N);
  if (f) return f;
  const { A, B } = hippo('legs', N);
  const P = Float64Array.from({ length: N }, (_, n) => Math.sqrt(n + 0.5));
  const S = new Float64Array(N * N);
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < i; j++) {
      const v = A[i * N + j]! + P[i]! * P[j]!; // exact skew-symmetry: S_ji = −S_ij, S_ii = 0
      S[i * N + j] = v;
      S[j * N + i] = -v;
    }
  }
  const { omega, Vre, Vim } = skewEig(S, N);
  const nh = Math.ceil(N / 2);
  const Vc = new Float32Array(nh * N * 2);
  const bp = new Float32Array(nh * 4);
  const eig = new Float32Array(nh * 4);
  for (let i = 0; i < nh; i++) {
    // x_i = Σ_a conj(V_ai) v_a
    let br = 0;
    let bi = 0;
    let pr = 0;
    let pi = 0;
    for (let a = 0; a < N; a++) {
      const vr = Vre[a * N + i]!;
      const vi = Vim[a * N + i]!;
      Vc[2 * (i * N + a)] = vr;
      Vc[2 * (i * N + a) + 1] = vi;
      br += vr * B[a]!;
      bi -= vi * B[a]!;
      pr += vr * P[a]!;
      pi -= vi * P[a]!;
    }
    bp.set([br, bi, pr, pi], 4 * i);
    eig.set([omega[i]!, pr * br + pi * bi, pr * bi - pi * br, pr * pr + pi * pi], 4 * i);
  }
  f = { N, nh, pairs: N >> 1, Vc, bp, eig };
  if (constantsCache.size > 8) constantsCache.clear();
  constantsCache.set(N, f);
  return f;
}

/**
 * Fills rows h of E = Ā_h − I = 2h(I − hA)⁻¹A (h = Δ/2; Np × Np, zero padded) in float64:
 * column j of A is (…0, −(j+1), −√((2n+1)(2j+1)) for n > j), then one O(N) forward
 * substitution with the lower-triangular I − hA per column.
 */
function fillE0(E: Float32Array, off: number, N: number, Np: number, dt: number): void {
  const h = dt / 2;
  const r = Float64Array.from({ length: N }, (_, n) => Math.sqrt(2 * n + 1));
  for (let j = 0; j < N; j++) {
    // z solves (I − hA) z = 2h A e_j; z_n = 0 for n < j. (Av)_n = −(n+1)v_n − r_n Σ_{k<n} r_k v_k.
    let s = 0; // Σ_{j≤k<n} r_k z_k
    for (let n = j; n < N; n++) {
      const y = 2 * h * (n === j ? -(j + 1) : -r[n]! * r[j]!);
      const z = (y - h * r[n]! * s) / (1 + h * (n + 1));
      E[off + n * Np + j] = z;
      s += r[n]! * z;
    }
  }
}

/** Cost of one dispatch in multiply-adds (SwiftShader: ~0.1 ms ≈ 50k MACs at ~0.5 GMAC/s). */
const DISPATCH_COST = 50_000;

/**
 * Number K0 of squarings before switching to vector steps: Ā^L = Ā^(L mod 2^K0) (Ā^(2^K0))^m,
 * m = ⌊L/2^K0⌋, costs K0 squarings (H·Np³/6 MACs each) plus popcount(L mod 2^K0) + m vector
 * steps (H·Np²/2 MACs each), every one a dispatch. Pure squaring (K0 = ⌊log₂L⌋) is best when
 * dispatches dominate (a real GPU); at H = 64, N = 64 on SwiftShader the minimum (K0 = 5–8) does
 * ~30% less work. The result is the same product either way.
 */
function squarings(L: number, H: number, Np: number): number {
  const sq = (H * Np ** 3) / 6 + DISPATCH_COST;
  const step = (H * Np * Np) / 2 + DISPATCH_COST;
  let best = 0;
  let bestCost = Infinity;
  for (let k = 0; 2 ** k <= L; k++) {
    let low = 0;
    for (let b = 0; b < k; b++) low += (L >>> b) & 1;
    const cost = k * sq + (low + Math.floor(L / 2 ** k)) * step;
    if (cost < bestCost) {
      bestCost = cost;
      best = k;
    }
  }
  return best;
}

/**
 * S4 DPLR kernels of LegS for H rows (C_h, Δ_h), float32, on the GPU. Row h equals
 * core.s4Kernel('legs', N, C_h, dt[h], L, 'dplr') to ~1e-5 of max|K_h|.
 * Throws a RangeError (naming the argument and its range) on invalid input.
 */
export async function dplrKernels(rt: GpuRuntime, p: DplrParams): Promise<Float32Array> {
  const { H, N, L } = p;
  checkRows(H);
  checkInt('N', N, 1, MAX_N);
  checkInt('L', L, 1, dftMaxL(rt));
  checkFiniteArray('C', p.C, H * N);
  checkSteps(p.dt, H);
  const Np = Math.ceil(N / 32) * 32;
  const G = Math.ceil(H / 2);
  checkBufferSize(rt, H * Np * Np * 4, 'dplrKernels (H·Np² floats, Np = N rounded up to 32)');
  checkBufferSize(rt, G * L * 8, 'dplrKernels (ceil(H/2)·L complex values)');

  const k = nplrConstants(N);
  const Vc = rt.table(`dplr.V.${N}`, () => k.Vc);
  const bp = rt.table(`dplr.bp.${N}`, () => k.bp);
  const eig = rt.table(`dplr.eig.${N}`, () => k.eig);

  const E0 = new Float32Array(H * Np * Np);
  const C = new Float32Array(H * Np);
  for (let h = 0; h < H; h++) {
    fillE0(E0, h * Np * Np, N, Np, p.dt[h]!);
    C.set(p.C.subarray(h * N, (h + 1) * N), h * Np);
  }
  const half = (L >> 1) + 1;
  const sc = new Float32Array(2 * half); // (sin θ_j/2, cos θ_j/2), θ_j = 2πj/L, in float64
  for (let j = 0; j < half; j++) {
    sc[2 * j] = Math.sin((Math.PI * j) / L);
    sc[2 * j + 1] = Math.cos((Math.PI * j) / L);
  }

  const nt = Np / 32;
  const tiles = (nt * (nt + 1)) / 2;
  const [sqX, sqY] = grid(H * tiles);
  const [vecX, vecY] = grid(Math.ceil((H * Np) / WG));
  const [wX, wY] = grid(Math.ceil((H * k.nh) / WG));
  const [cX, cY] = grid(Math.ceil((G * Math.ceil(half / 2)) / WG)); // two nodes per thread
  const [rX, rY] = grid(Math.ceil((G * L) / WG));

  const owned: GPUBuffer[] = [];
  const keep = <T extends GPUBuffer>(b: T): T => (owned.push(b), b);
  try {
    const squareParams = keep(rt.uniform(new Uint32Array([H, N, Np, tiles, sqX, vecX * WG])));
    const weightParams = keep(rt.uniform(new Uint32Array([H, N, Np, k.nh, wX * WG])));
    const cauchyParams = keep(rt.uniform(new Uint32Array([H, G, L, half, k.nh, k.pairs, cX * WG])));
    const realParams = keep(rt.uniform(new Uint32Array([H, G, L, rX * WG])));
    let E = keep(rt.upload(E0));
    let E2 = keep(rt.storage(E0.byteLength));
    const Cbuf = keep(rt.upload(C));
    let d = keep(rt.storage(C.byteLength)); // zero: C(Ā^0 − I)
    let d2 = keep(rt.storage(C.byteLength));
    const dtBuf = keep(rt.upload(p.dt));
    const scBuf = keep(rt.upload(sc));
    const W = keep(rt.storage(H * k.nh * 16));
    const Z = keep(rt.storage(G * L * 8));
    const K = keep(rt.storage(H * L * 4));

    const enc = rt.device.createCommandEncoder();
    const square = rt.pipeline(squareSource);
    const vec = rt.pipeline(vecSource, 'main', { WG });
    // Low bits of L with E_0 … E_{K0−1} while squaring, then ⌊L / 2^K0⌋ vector steps with E_K0.
    const K0 = squarings(L, H, Np);
    for (let bit = 0; bit < K0; bit++) {
      if ((L >>> bit) & 1) {
        rt.dispatch(enc, vec, [squareParams, E, Cbuf, d, d2], [vecX, vecY]);
        [d, d2] = [d2, d];
      }
      rt.dispatch(enc, square, [squareParams, E, E2], [sqX, sqY]);
      [E, E2] = [E2, E];
    }
    for (let m = L >>> K0; m > 0; m--) {
      rt.dispatch(enc, vec, [squareParams, E, Cbuf, d, d2], [vecX, vecY]);
      [d, d2] = [d2, d];
    }
    rt.dispatch(
      enc,
      rt.pipeline(weightsSource, 'main', { WG }),
      [weightParams, d, Vc, bp, W],
      [wX, wY],
    );
    rt.dispatch(
      enc,
      rt.pipeline(cauchySource, 'main', { WG }),
      [cauchyParams, dtBuf, scBuf, eig, W, Z],
      [cX, cY],
    );
    const temps: GPUBuffer[] = [];
    const z = dftAnyEncode(rt, enc, Z, L, G, true, temps);
    owned.push(...temps);
    if (z !== Z) owned.push(z);
    rt.dispatch(enc, rt.pipeline(realSource, 'main', { WG }), [realParams, z, K], [rX, rY]);
    return await rt.read(enc, K, H * L * 4);
  } finally {
    rt.release(...owned);
  }
}
