/**
 * The §4 functions computed by the float64 core, row by row, returned as float32 — what
 * window.ssmLab.gpu answers with when there is no WebGPU (or the device was lost), so scripts
 * and panels keep working. backend() says which one is active.
 */
import * as core from '../core/index';
import type { Complex32, GpuCore } from './types';

const f64 = (x: Float32Array, h: number, n: number): Float64Array =>
  Float64Array.from(x.subarray(h * n, (h + 1) * n));

function rowsCheck(name: string, H: number, len: number, per: number): void {
  if (!Number.isInteger(H) || H < 1)
    throw new RangeError(`H must be an integer ≥ 1, got ${String(H)}`);
  if (len !== H * per)
    throw new RangeError(`${name} must have length H·${per} = ${H * per}, got ${len}`);
}

export function cpuGpuCore(): GpuCore {
  return {
    async fft(re, im, { batch, inverse }) {
      const n = re.length / batch;
      if (!Number.isInteger(n) || n < 1 || (n & (n - 1)) !== 0) {
        throw new RangeError(`re.length / batch must be a power of two ≥ 1, got ${n}`);
      }
      rowsCheck('im', batch, im.length, n);
      const out: Complex32 = { re: new Float32Array(re.length), im: new Float32Array(im.length) };
      for (let h = 0; h < batch; h++) {
        const X = core.fft(f64(re, h, n), f64(im, h, n), inverse ?? false);
        out.re.set(X.re, h * n);
        out.im.set(X.im, h * n);
      }
      return out;
    },
    async causalConv(K, u, H) {
      const L = u.length / H;
      rowsCheck('u', H, u.length, L);
      rowsCheck('K', H, K.length, L);
      const y = new Float32Array(u.length);
      for (let h = 0; h < H; h++) y.set(core.causalConv(f64(K, h, L), f64(u, h, L)), h * L);
      return y;
    },
    async s4dKernels({ H, M, Lambda, B, C, dt, L, disc }) {
      const y = new Float32Array(H * L);
      for (let h = 0; h < H; h++) {
        const c = (z: Complex32) => ({ re: f64(z.re, h, M), im: f64(z.im, h, M) });
        y.set(core.s4dKernel(c(Lambda), c(B), c(C), dt[h]!, L, disc), h * L);
      }
      return y;
    },
    async dplrKernels({ H, N, C, dt, L }) {
      const y = new Float32Array(H * L);
      for (let h = 0; h < H; h++)
        y.set(core.s4Kernel('legs', N, f64(C, h, N), dt[h]!, L, 'dplr'), h * L);
      return y;
    },
    async rtfKernels({ H, n, a, b, h0, L, convention }) {
      const y = new Float32Array(H * L);
      for (let h = 0; h < H; h++) {
        y.set(
          core.rtfKernel(f64(a, h, n), f64(b, h, n), h0[h]!, L, {
            convention: convention ?? 'paper',
          }),
          h * L,
        );
      }
      return y;
    },
    async scan({ H, M, Abar, Bbar, C, u, L }) {
      rowsCheck('u', H, u.length, L);
      const y = new Float64Array(H * L);
      for (let h = 0; h < H; h++) {
        for (let m = 0; m < M; m++) {
          const i = h * M + m;
          let xr = 0;
          let xi = 0;
          for (let k = 0; k < L; k++) {
            const uk = u[h * L + k]!;
            const nr = Abar.re[i]! * xr - Abar.im[i]! * xi + Bbar.re[i]! * uk;
            xi = Abar.re[i]! * xi + Abar.im[i]! * xr + Bbar.im[i]! * uk;
            xr = nr;
            y[h * L + k]! += 2 * (C.re[i]! * xr - C.im[i]! * xi);
          }
        }
      }
      return Float32Array.from(y);
    },
  };
}
