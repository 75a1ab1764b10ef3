/**
 * The state layer's handle on the compute service (DESIGN §4): the app registers the GPU
 * functions once a WebGPU device is up (and unregisters them if it is lost); panels ask here,
 * never src/gpu directly. `ui.backend` in the store says which one is active. Heavy float64
 * work goes to the core worker, off the main thread.
 */
import type { GpuCore } from '../gpu/types';
import { CoreWorker } from '../gpu/workerClient';
import { setUi } from './store';

export { Superseded } from '../gpu/workerClient';

let gpu: GpuCore | null = null;
let worker: CoreWorker | null = null;

export function registerGpu(core: GpuCore | null): void {
  gpu = core;
}

/** The GPU functions, or null when the lab runs on the CPU only. */
export function gpuCore(): GpuCore | null {
  return gpu;
}

/**
 * The float64 core in a Web Worker: `coreWorker().latest(key, 's4Kernel', …)` resolves with
 * the result, or rejects with Superseded when a newer call with the same key was made.
 * A crash is reported in the UI and the worker restarts on the next call.
 */
export function coreWorker(): CoreWorker {
  worker ??= new CoreWorker((message) => setUi({ workerNotice: message }));
  return worker;
}

/** Test hook (ssmLab.crashWorker): crashes the core worker if it is running. */
export function crashCoreWorker(): void {
  worker?.crash();
}
