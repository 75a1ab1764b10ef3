/**
 * Clock warm-up for the hot measurements of gpu.bench.ts and gpu-diag.ts. On the H200 under
 * Vulkan (Dawn) the SM clock idles at ≈ 345 MHz and only reaches its boost after ≈ 150–200 ms of
 * continuous work: replays of one FFT call ran 2.70 ms each, then 0.68 ms from the ≈ 55th on,
 * and a compute-bound kernel measured right after the 150 ms FMA ceiling ran at full speed at
 * once. The host prepares each call (tables, packing: up to ≈ 1 s) with the GPU idle, so before
 * the replays we queue `ms` of FMA-loop work (submitted, not awaited): the GPU stays busy while
 * the host prepares the call, and the call's passes follow at the clocks of sustained load.
 */
import type { GpuRuntime } from '../src/gpu/runtime';
import { grid } from '../src/gpu/runtime';

export const FMA_WGSL = /* wgsl */ `
@group(0) @binding(0) var<storage, read_write> out: array<vec4<f32>>;
@group(0) @binding(1) var<uniform> p: vec4<u32>; // iterations, threads per grid row
@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) g: vec3<u32>) {
  let i = g.x + g.y * p.y;
  let s = f32(i) * 1e-9;
  var a = vec4<f32>(s, s + 0.1, s + 0.2, s + 0.3);
  var b = a + vec4<f32>(0.5);
  var c = a + vec4<f32>(0.25);
  var d = a + vec4<f32>(0.75);
  let m = vec4<f32>(0.9999999);
  let k = vec4<f32>(1e-7);
  for (var j = 0u; j < p.x; j++) {
    a = fma(a, m, k);
    b = fma(b, m, k);
    c = fma(c, m, k);
    d = fma(d, m, k);
  }
  out[i] = a + b + c + d;
}`;

/** Queues ≈ `ms` of GPU work per call (one FMA-loop pass ≈ `passMs`); nothing is awaited. */
export function clockWarmer(
  rt: GpuRuntime,
  threads: number,
  iters: number,
  passMs: number,
): (ms: number) => void {
  const out = rt.storage(threads * 16);
  const [gx, gy] = grid(Math.ceil(threads / 256));
  const params = rt.uniform(new Uint32Array([iters, gx * 256, 0, 0]));
  const pipeline = rt.pipeline(FMA_WGSL);
  return (ms: number) => {
    const enc = rt.device.createCommandEncoder();
    const k = Math.min(2000, Math.max(1, Math.ceil(ms / passMs)));
    for (let i = 0; i < k; i++) rt.dispatch(enc, pipeline, [out, params], [gx, gy]);
    rt.device.queue.submit([enc.finish()]);
  };
}
