/**
 * RTF kernels on the GPU (RTF Algorithm 1, REFERENCE §4), batched over H rows: row h =
 * core.rtfKernel(a_h, b_h, h0_h, L, { convention }), float32.
 *
 * 'paper' (default): K = iFFT_L( FFT_L(0, b1…bn, 0…) / FFT_L(1, a1…an, 0…) ), plus h0 at tap 0;
 * 'blog':            K = iFFT_L( FFT_L(b1…bn, 0…) / FFT_L(1, a1…an, 0…) ), h0 unused.
 * This is the L-periodic (aliased) impulse response; L > n.
 *
 * Method: one kernel writes the padded rows den_h + i·c_h·num_h (shaders/rtf_pad.wgsl: the only
 * step that sees n, O(H·L) writes, so the cost is state-free: it does not grow with n); one
 * complex DFT of length L per row (fftEncode for powers of two, Bluestein otherwise:
 * dftAnyEncode); the two real spectra separate by conjugate symmetry and divide in place
 * (shaders/rtf_divide.wgsl); one inverse DFT; the real part (+ h0) is the kernel
 * (shaders/rtf_extract.wgsl). c_h = ‖den_h‖₂ / ‖num_h‖₂ balances the two packed rows so that
 * their rounding errors stay comparable.
 *
 * Like the core, a denominator that vanishes at an L-th root of unity (a pole on the unit circle)
 * is a RangeError: it shows up as non-finite values in the result.
 */
import { checkFiniteArray, checkInt, checkOneOf, MAX_L } from '../core/validate';
import { COMPLEX_BYTES, dftAnyEncode, dftMaxL, elementGrid, elementWG, paramsUniform } from './fft';
import type { GpuRuntime } from './runtime';
import divideCode from './shaders/rtf_divide.wgsl?raw';
import extractCode from './shaders/rtf_extract.wgsl?raw';
import padCode from './shaders/rtf_pad.wgsl?raw';
import type { RtfParams } from './types';

/** gpu.rtfKernels (DESIGN §4): H RTF kernels of length L, rows back to back. */
export async function rtfKernels(rt: GpuRuntime, p: RtfParams): Promise<Float32Array> {
  if (!p || typeof p !== 'object') throw new RangeError('p must be an RtfParams object');
  const { H, n, a, b, h0, L } = p;
  checkInt('H', H, 1, MAX_L);
  checkInt('n', n, 0, MAX_L - 1);
  checkFiniteArray('a', a, H * n);
  checkFiniteArray('b', b, H * n);
  checkFiniteArray('h0', h0, H);
  checkInt('L', L, n + 1, dftMaxL(rt));
  const convention = checkOneOf('convention', p.convention ?? 'paper', ['paper', 'blog'] as const);
  const limit = Math.min(
    rt.device.limits.maxStorageBufferBindingSize,
    rt.device.limits.maxBufferSize,
  );
  if (H * L * COMPLEX_BYTES > limit) {
    throw new RangeError(
      `H·L must be at most ${Math.floor(limit / COMPLEX_BYTES)} (the device's buffer limit), got ${H * L}`,
    );
  }
  // balancing factors c_h = ‖den_h‖ / ‖num_h‖ (den_h = (1, a_h), num_h = b_h)
  const c = new Float32Array(H);
  for (let h = 0; h < H; h++) {
    let dd = 1;
    let nn = 0;
    for (let i = h * n; i < (h + 1) * n; i++) {
      dd += a[i]! * a[i]!;
      nn += b[i]! * b[i]!;
    }
    c[h] = nn > 0 ? Math.sqrt(dd / nn) : 1;
  }
  const aBuf = rt.upload(a);
  const bBuf = rt.upload(b);
  const cBuf = rt.upload(c);
  const h0Buf = rt.upload(h0);
  const z = rt.storage(H * L * COMPLEX_BYTES);
  const out = rt.storage(H * L * 4);
  const temps: GPUBuffer[] = [aBuf, bBuf, cBuf, h0Buf, z, out];
  let K: Float32Array;
  try {
    const WG = elementWG(rt);
    const enc = rt.device.createCommandEncoder();
    const pPad = paramsUniform(rt, [n, L, H, convention === 'paper' ? 1 : 0]);
    temps.push(pPad);
    rt.dispatch(
      enc,
      rt.pipeline(padCode, 'main', { WG }),
      [aBuf, bBuf, cBuf, z, pPad],
      elementGrid(H * L, WG),
    );
    const spec = dftAnyEncode(rt, enc, z, L, H, false, temps);
    temps.push(spec);
    const pDiv = paramsUniform(rt, [L, H]);
    temps.push(pDiv);
    rt.dispatch(
      enc,
      rt.pipeline(divideCode, 'main', { WG }),
      [spec, cBuf, pDiv],
      elementGrid(H * (Math.floor(L / 2) + 1), WG),
    );
    const time = dftAnyEncode(rt, enc, spec, L, H, true, temps);
    temps.push(time);
    const pOut = paramsUniform(rt, [L, H, convention === 'paper' ? 1 : 0]);
    temps.push(pOut);
    rt.dispatch(
      enc,
      rt.pipeline(extractCode, 'main', { WG }),
      [time, h0Buf, out, pOut],
      elementGrid(H * L, WG),
    );
    K = await rt.read(enc, out, H * L * 4);
  } finally {
    rt.release(...temps);
  }
  for (let i = 0; i < K.length; i++) {
    if (!Number.isFinite(K[i])) {
      const h = Math.floor(i / L);
      throw new RangeError(
        `a must keep 1 + a1 z⁻¹ + … + an z⁻ⁿ nonzero on the ${L}-th roots of unity (row ${h}: a pole lies on the unit circle)`,
      );
    }
  }
  return K;
}
