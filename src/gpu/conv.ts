/**
 * Causal (linear, not circular) convolution on the GPU, per row: y_h = K_h * u_h, first L
 * samples, = core.causalConv row by row. H rows of length L back to back in K and u.
 *
 * Method: both rows are zero-padded to m = nextPow2(2L − 1) (so the circular convolution of
 * length m equals the linear one on 0 … L − 1) and transformed together as ONE complex row
 * K'_h + i·u'_h (fftEncode). The spectra separate by conjugate symmetry and their product is
 * P_j = (Z_j² − conj(Z_{m−j})²)/(4i) (shaders/conv_spectrum.wgsl); one inverse FFT and the real
 * part of its first L samples give y_h. Packing two real rows into one complex FFT mixes their
 * rounding errors, so the rows are first balanced: K'_h = c_h K_h, u'_h = u_h / c_h with
 * c_h = sqrt(‖u_h‖₂ / ‖K_h‖₂), which leaves the product unchanged and gives both spectra the
 * same RMS size. Cost: 2 FFTs of H rows of length m plus O(H·m) elementwise work.
 *
 * With the 'workgroup' FFT strategy (real GPUs) no pass is element-wise: the packed rows are
 * uploaded unpadded (L values, the padding is read as zeros), the product is formed as the
 * inverse FFT loads its input (FftLoad 'conv') and the inverse stores only the real part of
 * the first L samples (FftStore 'real'). Rows of m ≤ fftTile take one dispatch each way. Longer
 * rows of L = 2^ℓ ≤ 16 × the invocations per workgroup take ONE dispatch (convRow.ts: a workgroup
 * per row; the padding halves the forward FFT into two of length L, the real output halves the
 * inverse into one of length L; 64 KiB of spectrum per row parked in y and x); other rows a
 * four-step whose spectrum stays in four-step order (columns, rows | rows, columns: four passes,
 * none transposed; setConvTuning({ row: false }) forces it for the rows above too). GPU time on
 * an H200 (Vulkan, Dawn, clocks warm; bench/README.md), H = 1024, L = 16384: 0.356 ms in one
 * dispatch, 0.683 with the four-step (PyTorch's rfft/irfft FFTConv: 0.825 in the same call,
 * bench/h200-f6.json).
 */
import { isPow2, nextPow2 } from '../core/fft';
import { checkFiniteArray, checkInt, MAX_L } from '../core/validate';
import { convRowBytes, convRowShader } from './convRow';
import {
  columnPass,
  COMPLEX_BYTES,
  dispatchChunks,
  elementGrid,
  elementWG,
  encodeFftPass,
  fftEncode,
  fftStrategy,
  fftTile,
  fourStepSplit,
  paramsUniform,
  rowPass,
  subgroupLaneBits,
  twiddleTable,
  wholeRowPass,
} from './fft';
import { rowPlan, type RowPlan } from './fftRow';
import type { GpuRuntime } from './runtime';
import butterflyCode from './shaders/fft_butterfly.wgsl?raw';
import extractCode from './shaders/conv_extract.wgsl?raw';
import spectrumCode from './shaders/conv_spectrum.wgsl?raw';

/** Validates (K, u, H) like the core and returns the row length L. */
function checkConv(K: Float32Array, u: Float32Array, H: number): number {
  checkInt('H', H, 1, MAX_L);
  checkFiniteArray('u', u);
  checkFiniteArray('K', K, u.length);
  if (u.length === 0 || u.length % H !== 0) {
    throw new RangeError(`u.length must be a positive multiple of H (${H}), got ${u.length}`);
  }
  const L = u.length / H;
  checkInt('L = u.length / H', L, 1, MAX_L);
  return L;
}

/** Variants of the 'workgroup' paths (benchmarks and tests). */
export interface ConvTuning {
  /** Rows that fit one workgroup (convRowPlan) in one dispatch, else the four-step. */
  row: boolean;
  /**
   * That dispatch's three FFTs as one loop over one copy of the FFT's code, or unrolled; 'auto':
   * looped for rows longer than 4096. On an H200 (H·L = 2^24): L = 16384 0.369 ms looped against
   * 0.649 unrolled, L = 8192 0.361 / 0.372, L = 4096 0.295 / 0.257.
   */
  loop: boolean | 'auto';
  /**
   * The last exchange of that dispatch's FFTs through subgroup shuffles where the device has
   * 'subgroups' (as fft.ts FftTuning.shuffle: the plan of fftRow.ts with
   * RowOptions.shuffleLanes), else through workgroup memory. Off by default: on an H200
   * (H 1024, L 16384, bench/h200-f6.json) 0.361 ms with it against 0.356 without (slot maps
   * as shifts; as selects 0.368 / 0.365); before the product exchange's slots were swizzled by
   * the shuffle plan's lane bits, 0.410 against 0.367.
   */
  shuffle: boolean;
  /**
   * Its exchanges' slot and round maps: 'select' or 'shift' (as fft.ts FftTuning.slotMaps;
   * H200: 0.356 against 0.365 ms).
   */
  slotMaps: 'select' | 'shift';
}
const DEFAULT_TUNING: ConvTuning = { row: true, loop: 'auto', shuffle: false, slotMaps: 'shift' };
let tuning: ConvTuning = { ...DEFAULT_TUNING };

/** Sets variants of causalConv's 'workgroup' paths (unset fields: the defaults). */
export function setConvTuning(t: Partial<ConvTuning> = {}): void {
  tuning = { ...DEFAULT_TUNING, ...t };
}

/** Values per exchange round of the one-dispatch path (8 bytes each of workgroup memory). */
const ROW_CHUNK = 4096;

/**
 * The plan of the one-dispatch path (convRow.ts) for rows of L on `rt`, or undefined where
 * causalConv takes another: other strategy, tuned off, L not a power of two, m = 2L within one
 * workgroup-memory tile (two dispatches), or L/16 above the device's invocations per workgroup.
 */
export function convRowPlan(rt: GpuRuntime, L: number): RowPlan | undefined {
  if (!tuning.row || fftStrategy(rt) !== 'workgroup' || !isPow2(L) || 2 * L <= fftTile(rt)) {
    return undefined;
  }
  const lim = rt.device.limits;
  const threads = Math.min(lim.maxComputeInvocationsPerWorkgroup, lim.maxComputeWorkgroupSizeX);
  if (L < 32 || L > 16 * threads) return undefined;
  let chunk = ROW_CHUNK;
  while (chunk > 1 && 8 * chunk > lim.maxComputeWorkgroupStorageSize) chunk /= 2;
  const lanes = tuning.shuffle ? subgroupLaneBits(rt) : 0;
  // without a plan that shuffles (no subgroups, radix, or round bits left), workgroup memory
  const plan =
    (lanes > 0 ? rowPlan(L, chunk, 16, true, { shuffleLanes: lanes }) : undefined) ??
    rowPlan(L, chunk, 16, true);
  return plan && convRowBytes(plan) <= lim.maxComputeWorkgroupStorageSize ? plan : undefined;
}

/** Which path causalConv takes for rows of L on `rt` (tests and benchmarks). */
export function convPath(rt: GpuRuntime, L: number): 'whole' | 'row' | 'four-step' | 'global' {
  const m = nextPow2(2 * L - 1);
  if (fftStrategy(rt) !== 'workgroup' || m === 1) return 'global';
  if (m <= fftTile(rt)) return 'whole';
  if (convRowPlan(rt, L)) return 'row';
  return fourStepSplit(rt, m) ? 'four-step' : 'global';
}

const rowCode = new Map<string, string>();

/** Records the one-dispatch convolution of H rows (convRow.ts): x packed (pitch L), y out. */
function encodeRow(
  rt: GpuRuntime,
  enc: GPUCommandEncoder,
  plan: RowPlan,
  x: GPUBuffer,
  y: GPUBuffer,
  H: number,
): void {
  const loop = tuning.loop === 'auto' ? plan.n > 4096 : tuning.loop;
  const shiftLinear = tuning.slotMaps === 'shift';
  const key = JSON.stringify([plan, loop, shiftLinear]);
  let code = rowCode.get(key);
  if (code === undefined) {
    code = `${convRowShader(plan, { loop, shiftLinear })}\n${butterflyCode}\n`;
    rowCode.set(key, code);
  }
  const tables = [twiddleTable(rt, plan.n), twiddleTable(rt, 2 * plan.n)];
  dispatchChunks(rt, enc, rt.pipeline(code), [x, tables[0]!], [tables[1]!, y], H);
}

/**
 * gpu.causalConv (DESIGN §4): for each of the H rows, y_h = causal convolution of K_h and u_h
 * (K.length must equal u.length = H·L), y_h[k] = Σ_{i ≤ k} K_h[i] u_h[k − i], k < L.
 */
export async function causalConv(
  rt: GpuRuntime,
  K: Float32Array,
  u: Float32Array,
  H: number,
): Promise<Float32Array> {
  const L = checkConv(K, u, H);
  const m = nextPow2(2 * L - 1);
  const limit = Math.min(
    rt.device.limits.maxStorageBufferBindingSize,
    rt.device.limits.maxBufferSize,
  );
  if (H * m * COMPLEX_BYTES > limit) {
    throw new RangeError(
      `H·nextPow2(2L − 1) must be at most ${Math.floor(limit / COMPLEX_BYTES)} (the device's buffer limit), got ${H * m}`,
    );
  }
  const T = fftTile(rt);
  const split = fourStepSplit(rt, m);
  const plan = convRowPlan(rt, L);
  const fused =
    fftStrategy(rt) === 'workgroup' &&
    m > 1 &&
    (m <= T || plan !== undefined || split !== undefined);
  // balanced, interleaved rows K'_h + i·u'_h, zero-padded to m unless the passes pad on reading
  const pitch = fused ? L : m;
  const packed = new Float32Array(2 * H * pitch);
  for (let h = 0; h < H; h++) {
    let kk = 0;
    let uu = 0;
    for (let i = h * L; i < (h + 1) * L; i++) {
      kk += K[i]! * K[i]!;
      uu += u[i]! * u[i]!;
    }
    if (!(kk > 0 && uu > 0)) continue; // a zero row convolves to exactly zero
    const c = Math.sqrt(Math.sqrt(uu) / Math.sqrt(kk));
    for (let k = 0; k < L; k++) {
      packed[2 * (h * pitch + k)] = K[h * L + k]! * c;
      packed[2 * (h * pitch + k) + 1] = u[h * L + k]! / c;
    }
  }
  const data = rt.upload(packed);
  const temps: GPUBuffer[] = [data];
  try {
    const enc = rt.device.createCommandEncoder();
    const y = rt.storage(H * L * 4);
    temps.push(y);
    if (!fused) return await unfused(rt, enc, data, temps, H, L, m, y);
    if (plan) {
      encodeRow(rt, enc, plan, data, y, H);
      return await rt.read(enc, y, H * L * 4);
    }
    const z = rt.storage(H * m * COMPLEX_BYTES);
    temps.push(z);
    const padded = { inPitch: L, inLimit: L };
    const toY = { dst: y, store: 'real', outPitch: L, outLimit: L, scale: 1 / m } as const;
    if (m <= T) {
      encodeFftPass(
        rt,
        enc,
        wholeRowPass(rt, m, H, false, { src: data, dst: z, store: 'out', ...padded }),
      );
      encodeFftPass(rt, enc, wholeRowPass(rt, m, H, true, { src: z, load: 'conv', ...toY }));
    } else {
      const w = rt.storage(H * m * COMPLEX_BYTES);
      temps.push(w);
      const src = data;
      encodeFftPass(
        rt,
        enc,
        columnPass(rt, m, H, false, { src, dst: z, store: 'out', post: true, ...padded }),
      );
      encodeFftPass(rt, enc, rowPass(rt, m, H, false, { src: z }));
      // the partner −k of a segment lies in another workgroup's segment: out of place
      encodeFftPass(
        rt,
        enc,
        rowPass(rt, m, H, true, { src: z, dst: w, store: 'out', load: 'conv', post: true }),
      );
      encodeFftPass(rt, enc, columnPass(rt, m, H, true, { src: w, ...toY }));
    }
    return await rt.read(enc, y, H * L * 4);
  } finally {
    rt.release(...temps);
  }
}

/** Global strategy: FFT, spectrum pass, inverse FFT, extraction pass. */
async function unfused(
  rt: GpuRuntime,
  enc: GPUCommandEncoder,
  data: GPUBuffer,
  temps: GPUBuffer[],
  H: number,
  L: number,
  m: number,
  y: GPUBuffer,
): Promise<Float32Array> {
  const WG = elementWG(rt);
  const z = fftEncode(rt, enc, data, m, H, false);
  temps.push(z);
  const pSpec = paramsUniform(rt, [m, H]);
  temps.push(pSpec);
  rt.dispatch(
    enc,
    rt.pipeline(spectrumCode, 'main', { WG }),
    [z, pSpec],
    elementGrid(H * (m / 2 + 1), WG),
  );
  const w = fftEncode(rt, enc, z, m, H, true);
  temps.push(w);
  const pOut = paramsUniform(rt, [L, m, H]);
  temps.push(pOut);
  rt.dispatch(enc, rt.pipeline(extractCode, 'main', { WG }), [w, y, pOut], elementGrid(H * L, WG));
  return rt.read(enc, y, H * L * 4);
}
