/**
 * The state layer's handle on the compute service (DESIGN §4): the app registers the GPU
 * functions once a WebGPU device is up (and unregisters them if it is lost); panels ask here,
 * never src/gpu directly. `ui.backend` in the store says which one is active. Heavy float64
 * work runs in the jobs worker (jobs.ts), off the main thread.
 */
import type { GpuCore } from '../gpu/types';

let gpu: GpuCore | null = null;

export function registerGpu(core: GpuCore | null): void {
  gpu = core;
}

/** The GPU functions, or null when the lab runs on the CPU only. */
export function gpuCore(): GpuCore | null {
  return gpu;
}
