/**
 * A thin layer over one GPUDevice for our own WGSL programs: pipeline cache, tracked buffers
 * (so tests can assert that nothing leaks), uploads, dispatch and read-back. It knows nothing
 * about where the device came from: tfjs-backend-webgpu's device in the browser, Dawn in Node.
 */

export type Bindable = GPUBuffer;

export interface Timing {
  /** GPU time of the submitted passes in ms, when the device has 'timestamp-query'. */
  gpuMs?: number;
}

export class GpuRuntime {
  readonly device: GPUDevice;
  private pipelines = new Map<string, GPUComputePipeline>();
  private modules = new Map<string, GPUShaderModule>();
  private live = new Set<GPUBuffer>();
  /** Buffers owned by caches (twiddle tables, …): created once, kept for the device's life. */
  private cached = new Map<string, GPUBuffer>();

  constructor(device: GPUDevice) {
    this.device = device;
  }

  /** Number of transient buffers alive now (cached tables excluded). */
  liveBuffers(): number {
    return this.live.size;
  }

  /** Number of long-lived cached buffers (twiddles, constants). */
  cachedBuffers(): number {
    return this.cached.size;
  }

  pipeline(
    code: string,
    entryPoint = 'main',
    constants?: Record<string, number>,
  ): GPUComputePipeline {
    const key = `${entryPoint}|${JSON.stringify(constants ?? {})}|${code}`;
    let p = this.pipelines.get(key);
    if (!p) {
      let module = this.modules.get(code);
      if (!module) {
        module = this.device.createShaderModule({ code });
        this.modules.set(code, module);
      }
      p = this.device.createComputePipeline({
        layout: 'auto',
        compute: constants ? { module, entryPoint, constants } : { module, entryPoint },
      });
      this.pipelines.set(key, p);
    }
    return p;
  }

  /** A storage buffer of `bytes` (rounded up to 4), tracked until `release`. */
  storage(bytes: number, extraUsage = 0): GPUBuffer {
    const size = Math.max(4, Math.ceil(bytes / 4) * 4);
    const b = this.device.createBuffer({
      size,
      usage:
        GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST | extraUsage,
    });
    this.live.add(b);
    return b;
  }

  /** A storage buffer holding `data`. */
  upload(data: Float32Array | Uint32Array | Int32Array): GPUBuffer {
    const b = this.storage(data.byteLength);
    this.device.queue.writeBuffer(b, 0, data.buffer, data.byteOffset, data.byteLength);
    return b;
  }

  /** A uniform buffer holding `data` (tracked like storage buffers). */
  uniform(data: Uint32Array | Float32Array): GPUBuffer {
    const size = Math.max(16, Math.ceil(data.byteLength / 16) * 16);
    const b = this.device.createBuffer({
      size,
      usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
    });
    this.device.queue.writeBuffer(b, 0, data.buffer, data.byteOffset, data.byteLength);
    this.live.add(b);
    return b;
  }

  /** A cached read-only table (e.g. f64-accurate twiddles), created once per key. */
  table(key: string, make: () => Float32Array | Uint32Array): GPUBuffer {
    let b = this.cached.get(key);
    if (!b) {
      const data = make();
      b = this.device.createBuffer({
        size: Math.max(4, data.byteLength),
        usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST,
      });
      this.device.queue.writeBuffer(b, 0, data.buffer, data.byteOffset, data.byteLength);
      this.cached.set(key, b);
    }
    return b;
  }

  release(...buffers: (GPUBuffer | undefined)[]): void {
    for (const b of buffers) {
      if (!b) continue;
      if (this.live.delete(b)) b.destroy();
    }
  }

  /** Records one compute pass: bind group 0 gets `buffers` at bindings 0, 1, 2, … */
  dispatch(
    encoder: GPUCommandEncoder,
    pipeline: GPUComputePipeline,
    buffers: GPUBuffer[],
    workgroups: [number, number?, number?],
  ): void {
    const bindGroup = this.device.createBindGroup({
      layout: pipeline.getBindGroupLayout(0),
      entries: buffers.map((buffer, binding) => ({ binding, resource: { buffer } })),
    });
    const pass = encoder.beginComputePass();
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, bindGroup);
    pass.dispatchWorkgroups(workgroups[0], workgroups[1] ?? 1, workgroups[2] ?? 1);
    pass.end();
  }

  /** Copies `bytes` of `src` to a staging buffer, submits `encoder`, and maps the result. */
  async read(encoder: GPUCommandEncoder, src: GPUBuffer, bytes: number): Promise<Float32Array> {
    const size = Math.max(4, Math.ceil(bytes / 4) * 4);
    const staging = this.device.createBuffer({
      size,
      usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
    });
    this.live.add(staging);
    try {
      encoder.copyBufferToBuffer(src, 0, staging, 0, size);
      this.device.queue.submit([encoder.finish()]);
      await staging.mapAsync(GPUMapMode.READ);
      const out = new Float32Array(staging.getMappedRange().slice(0, bytes));
      staging.unmap();
      return out;
    } finally {
      this.release(staging);
    }
  }

  /** Drops cached tables and pipelines (device loss or teardown). */
  dispose(): void {
    for (const b of this.cached.values()) b.destroy();
    this.cached.clear();
    for (const b of this.live) b.destroy();
    this.live.clear();
    this.pipelines.clear();
    this.modules.clear();
  }
}

/** Maximum workgroups per dimension we rely on (WebGPU's guaranteed minimum). */
export const MAX_WORKGROUPS = 65535;

/** Splits a 1-D workgroup count over x and y so that each stays ≤ 65535. */
export function grid(count: number): [number, number] {
  if (count <= MAX_WORKGROUPS) return [Math.max(1, count), 1];
  const y = Math.ceil(count / MAX_WORKGROUPS);
  return [Math.ceil(count / y), y];
}
