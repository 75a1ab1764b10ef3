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
 * With the 'workgroup' FFT strategy (real GPUs) and L a power of two, the element-wise passes
 * fold into the FFT passes: the quotient is formed as the inverse loads its input (FftLoad
 * 'rtf', from Z_k and Z_{−k}) and the inverse stores Re + h0 (FftStore 'realAux'). Rows of
 * L ≤ fftTile take one dispatch each way. Longer rows (four-step, L = N1·N2) with n + 1 ≤ N2
 * skip the column pass of the forward transform: only the first N2 values of a padded row can
 * be nonzero, so its column DFTs are that segment times w_L^{j2·k1}; the pad kernel writes H
 * rows of N2 and the row pass reads each N1 times (pre-twiddled). Three passes over H·L values
 * remain: the forward row pass, the inverse row pass (quotient in, out of place: the partner
 * −k lies in another segment), the inverse column pass (real part out).
 *
 * Like the core, a denominator that vanishes at an L-th root of unity (a pole on the unit circle)
 * is a RangeError: it shows up as non-finite values in the result.
 */
import { checkFiniteArray, checkInt, checkOneOf, MAX_L } from '../core/validate';
import { isPow2 } from '../core/fft';
import {
  columnPass,
  COMPLEX_BYTES,
  dftAnyEncode,
  dftMaxL,
  elementGrid,
  elementWG,
  encodeFftPass,
  fftStrategy,
  fftTile,
  fourStepSplit,
  paramsUniform,
  rowPass,
  wholeRowPass,
} from './fft';
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
  const out = rt.storage(H * L * 4);
  const temps: GPUBuffer[] = [aBuf, bBuf, cBuf, h0Buf, out];
  const paper = convention === 'paper';
  const split = isPow2(L) ? fourStepSplit(rt, L) : undefined;
  const oneDispatch = fftStrategy(rt) === 'workgroup' && isPow2(L) && L > 1 && L <= fftTile(rt);
  const fourStep = split !== undefined && n + 1 <= split.N2;
  let K: Float32Array;
  try {
    const WG = elementWG(rt);
    const enc = rt.device.createCommandEncoder();
    // padded rows den_h + i·c_h·num_h of length `padL` (L, or N2 for the four-step)
    const padL = fourStep ? split.N2 : L;
    const z = rt.storage(H * padL * COMPLEX_BYTES);
    temps.push(z);
    const pPad = paramsUniform(rt, [n, padL, H, paper ? 1 : 0]);
    temps.push(pPad);
    rt.dispatch(
      enc,
      rt.pipeline(padCode, 'main', { WG }),
      [aBuf, bBuf, cBuf, z, pPad],
      elementGrid(H * padL, WG),
    );
    const toK = {
      dst: out,
      store: paper ? 'realAux' : 'real',
      auxOut: h0Buf,
      scale: 1 / L,
    } as const;
    const quotient = { load: 'rtf', auxIn: cBuf } as const;
    if (oneDispatch) {
      encodeFftPass(rt, enc, wholeRowPass(rt, L, H, false, { src: z }));
      encodeFftPass(rt, enc, wholeRowPass(rt, L, H, true, { src: z, ...quotient, ...toK }));
    } else if (fourStep) {
      const N2 = split.N2;
      const Z = rt.storage(H * L * COMPLEX_BYTES);
      const W = rt.storage(H * L * COMPLEX_BYTES);
      temps.push(Z, W);
      const fromPad = { inQ: 0, inPitch: N2, inLimit: N2, pre: true };
      encodeFftPass(
        rt,
        enc,
        rowPass(rt, L, H, false, { src: z, dst: Z, store: 'out', ...fromPad }),
      );
      encodeFftPass(
        rt,
        enc,
        rowPass(rt, L, H, true, { src: Z, dst: W, store: 'out', post: true, ...quotient }),
      );
      encodeFftPass(rt, enc, columnPass(rt, L, H, true, { src: W, ...toK }));
    } else {
      unfused(rt, enc, z, temps, { H, L, paper, cBuf, h0Buf, out });
    }
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

/** Any L (Bluestein), or the global strategy: DFT, quotient pass, inverse DFT, extraction pass. */
function unfused(
  rt: GpuRuntime,
  enc: GPUCommandEncoder,
  z: GPUBuffer,
  temps: GPUBuffer[],
  p: { H: number; L: number; paper: boolean; cBuf: GPUBuffer; h0Buf: GPUBuffer; out: GPUBuffer },
): void {
  const { H, L } = p;
  const WG = elementWG(rt);
  const spec = dftAnyEncode(rt, enc, z, L, H, false, temps);
  temps.push(spec);
  const pDiv = paramsUniform(rt, [L, H]);
  temps.push(pDiv);
  rt.dispatch(
    enc,
    rt.pipeline(divideCode, 'main', { WG }),
    [spec, p.cBuf, pDiv],
    elementGrid(H * (Math.floor(L / 2) + 1), WG),
  );
  const time = dftAnyEncode(rt, enc, spec, L, H, true, temps);
  temps.push(time);
  const pOut = paramsUniform(rt, [L, H, p.paper ? 1 : 0]);
  temps.push(pOut);
  rt.dispatch(
    enc,
    rt.pipeline(extractCode, 'main', { WG }),
    [time, p.h0Buf, p.out, pOut],
    elementGrid(H * L, WG),
  );
}
