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
 */
import { nextPow2 } from '../core/fft';
import { checkFiniteArray, checkInt, MAX_L } from '../core/validate';
import { COMPLEX_BYTES, elementGrid, elementWG, fftEncode, paramsUniform } from './fft';
import type { GpuRuntime } from './runtime';
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
  // balanced, interleaved, zero-padded rows K'_h + i·u'_h
  const packed = new Float32Array(2 * H * m);
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
      packed[2 * (h * m + k)] = K[h * L + k]! * c;
      packed[2 * (h * m + k) + 1] = u[h * L + k]! / c;
    }
  }
  const data = rt.upload(packed);
  const temps: GPUBuffer[] = [data];
  try {
    const WG = elementWG(rt);
    const enc = rt.device.createCommandEncoder();
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
    const y = rt.storage(H * L * 4);
    const pOut = paramsUniform(rt, [L, m, H]);
    temps.push(y, pOut);
    rt.dispatch(
      enc,
      rt.pipeline(extractCode, 'main', { WG }),
      [w, y, pOut],
      elementGrid(H * L, WG),
    );
    return await rt.read(enc, y, H * L * 4);
  } finally {
    rt.release(...temps);
  }
}
