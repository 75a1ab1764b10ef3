/**
 * The GPU core (DESIGN §4) bound to one runtime: the six batched float32 functions with the
 * signatures of window.ssmLab.gpu.
 */
import { causalConv } from './conv';
import { dplrKernels } from './dplr';
import { fft } from './fft';
import { rtfKernels } from './rtf';
import type { GpuRuntime } from './runtime';
import { s4dKernels } from './s4d';
import { scan } from './scan';
import type { GpuCore } from './types';

export function createGpuCore(rt: GpuRuntime): GpuCore {
  return {
    fft: (re, im, opts) => fft(rt, re, im, opts),
    causalConv: (K, u, H) => causalConv(rt, K, u, H),
    s4dKernels: (p) => s4dKernels(rt, p),
    dplrKernels: (p) => dplrKernels(rt, p),
    rtfKernels: (p) => rtfKernels(rt, p),
    scan: (p) => scan(rt, p),
  };
}
