/**
 * A GpuRuntime on Dawn (the `webgpu` npm package) for Node tests and benchmarks. Here the adapter
 * is SwiftShader (Chromium's Vulkan ICD); on a machine with a GPU, Dawn finds the real one.
 * The Vulkan loader is found through LD_LIBRARY_PATH, which must be set before Node starts
 * (test/support/dawn-env.ts does it for Vitest).
 */
import { create, globals } from 'webgpu';
import { GpuRuntime } from '../runtime';

let shared: Promise<{ runtime: GpuRuntime; adapter: string }> | undefined;
// Dawn destroys its instance when the JS object is collected, which kills the device under running
// work ("futex facility returned an unexpected error code"): keep it referenced for the process.
let _instance: GPU | undefined;

export function dawnRuntime(): Promise<{ runtime: GpuRuntime; adapter: string }> {
  shared ??= (async () => {
    Object.assign(globalThis, globals);
    const gpu = create([]);
    _instance = gpu;
    const adapter = await gpu.requestAdapter();
    if (!adapter) throw new Error('Dawn found no WebGPU adapter (is VK_ICD_FILENAMES set?)');
    const limits = adapter.limits;
    const device = await adapter.requestDevice({
      requiredLimits: {
        maxStorageBufferBindingSize: limits.maxStorageBufferBindingSize,
        maxBufferSize: limits.maxBufferSize,
        maxComputeWorkgroupStorageSize: limits.maxComputeWorkgroupStorageSize,
        maxComputeInvocationsPerWorkgroup: limits.maxComputeInvocationsPerWorkgroup,
        maxComputeWorkgroupSizeX: limits.maxComputeWorkgroupSizeX,
      },
      // subgroups: the one-row FFT's shuffle exchange (fft.ts FftTuning.shuffle)
      requiredFeatures: ['timestamp-query', 'subgroups'].filter((f) =>
        adapter.features.has(f),
      ) as GPUFeatureName[],
    });
    const info = adapter.info;
    return {
      runtime: new GpuRuntime(device),
      adapter: `${info.vendor} ${info.architecture}`.trim(),
    };
  })();
  return shared;
}
