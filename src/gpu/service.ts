/**
 * The compute service (DESIGN §4): brings up tfjs on its WebGPU backend, takes tfjs's
 * GPUDevice for our own WGSL programs, reports the adapter, and falls back to the float64 core
 * when there is no adapter or the device is lost. tfjs is loaded lazily (its own chunk).
 */
import { createGpuCore } from './core';
import { GpuRuntime } from './runtime';
import type { GpuCore } from './types';

export interface GpuSession {
  core: GpuCore;
  runtime: GpuRuntime;
  adapter: string;
  /** tfjs, for its built-in ops (benchmarks) and its memory accounting. */
  tf: typeof import('@tensorflow/tfjs-core');
}

export type GpuStatus = { ok: true; session: GpuSession } | { ok: false; reason: string };

function describeAdapter(info: GPUAdapterInfo | undefined): string {
  if (!info) return 'unknown adapter';
  const parts = [info.vendor, info.architecture, info.description].filter((s) => s && s.length);
  return parts.join(' · ') || 'unknown adapter';
}

/**
 * Starts WebGPU through tfjs. Never throws: failures come back as `{ ok: false, reason }` in
 * plain words. `onLost` fires once if the device is later lost (state is the caller's to keep).
 */
export async function startGpu(onLost: (reason: string) => void): Promise<GpuStatus> {
  try {
    if (typeof navigator === 'undefined' || !('gpu' in navigator) || !navigator.gpu) {
      return { ok: false, reason: 'this browser has no WebGPU (navigator.gpu is missing)' };
    }
    // Feature detection must ask for an adapter: navigator.gpu can exist without one.
    const adapter = await navigator.gpu.requestAdapter();
    if (!adapter) return { ok: false, reason: 'WebGPU is present but no adapter is available' };
    const adapterName = describeAdapter(adapter.info);
    const tf = await import('@tensorflow/tfjs-core');
    await import('@tensorflow/tfjs-backend-webgpu');
    const ok = await tf.setBackend('webgpu');
    await tf.ready();
    if (!ok || tf.getBackend() !== 'webgpu')
      return { ok: false, reason: 'tfjs could not start its webgpu backend' };
    const backend = tf.backend() as unknown as { device?: GPUDevice };
    const device = backend.device;
    if (!device) return { ok: false, reason: 'tfjs webgpu backend exposes no device' };
    const runtime = new GpuRuntime(device);
    void device.lost.then((info) => {
      runtime.dispose();
      onLost(info.message || info.reason || 'device lost');
    });
    return {
      ok: true,
      session: { core: createGpuCore(runtime), runtime, adapter: adapterName, tf },
    };
  } catch (e) {
    return {
      ok: false,
      reason: `WebGPU start-up failed: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}
