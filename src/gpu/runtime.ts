/**
 * A thin layer over one GPUDevice for our own WGSL programs: pipeline cache, tracked buffers
 * (so tests can assert that nothing leaks), uploads, dispatch and read-back. It knows nothing
 * about where the device came from: tfjs-backend-webgpu's device in the browser, Dawn in Node.
 * Benchmarks can time every compute pass it records on the GPU (beginTiming / endTiming).
 */

export type Bindable = GPUBuffer;

export interface Timing {
  /** GPU time of the submitted passes in ms, when the device has 'timestamp-query'. */
  gpuMs?: number;
}

/** One execution in a timing session: the call's own passes, or one replay of them. */
export interface ExecutionTiming {
  /** First pass's start to the last pass's end, ms (gaps between passes included). */
  spanMs: number;
  /** Each pass's own duration, ms, in recording order. */
  passMs: number[];
}

/** What endTiming reports: GPU time of the compute passes recorded since beginTiming. */
export interface PassTiming {
  /** Compute passes of the call itself (the first execution). */
  passes: number;
  /** The call's own passes: first start to last end, ms (gaps between passes included). */
  spanMs: number;
  /** Sum of the call's own pass durations, ms (gaps excluded). */
  sumMs: number;
  /** The call itself, then each replay (see beginTiming's `replays`). */
  executions: ExecutionTiming[];
}

/** Options of beginTiming. */
export interface TimingOptions {
  /** Room for this many timed passes in all (call and replays together); at most 2048. */
  maxPasses?: number;
  /**
   * After read() submits the call's work, encode and submit the same passes (pipelines, bind
   * groups, workgroup counts) this many times more, back to back, each timed: GPU time of the
   * call's work without the host's preparation between calls (the GPU keeps its clocks). Each
   * replay first restores every storage buffer the passes bind to its contents at its first
   * binding (snapshots taken while recording), so it computes on the call's own data — not on
   * the output of the previous replay (in-place FFTs would overflow to inf/NaN, and degenerate
   * data can run faster). The replays run after the read-back copy: the result is the call's.
   */
  replays?: number;
}

interface RecordedPass {
  pipeline: GPUComputePipeline;
  bindGroup: GPUBindGroup;
  workgroups: [number, number, number];
}

interface Snapshot {
  buffer: GPUBuffer;
  copy: GPUBuffer;
}

interface TimingSession {
  querySet: GPUQuerySet;
  /** Queries in the set (two per pass). */
  capacity: number;
  /** Queries written so far. */
  count: number;
  replays: number;
  /** Passes recorded for replay since the last read(). */
  recorded: RecordedPass[];
  /** Contents of each buffer bound by the recorded passes, at its first binding. */
  snapshots: Snapshot[];
  /** Query index at which each execution starts (the call's own passes start at 0). */
  marks: number[];
}

export class GpuRuntime {
  readonly device: GPUDevice;
  private pipelines = new Map<string, GPUComputePipeline>();
  private modules = new Map<string, GPUShaderModule>();
  private live = new Set<GPUBuffer>();
  /** Buffers owned by caches (twiddle tables, …): created once, kept for the device's life. */
  private cached = new Map<string, GPUBuffer>();
  /** The open timing session (benchmarks only; see beginTiming). */
  private timing: TimingSession | undefined;

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

  /** The keys of the cached buffers (which tables, for which sizes). */
  cachedKeys(): string[] {
    return [...this.cached.keys()];
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
    const wg: [number, number, number] = [workgroups[0], workgroups[1] ?? 1, workgroups[2] ?? 1];
    const t = this.timing;
    if (t && t.replays > 0) {
      for (const buffer of buffers) {
        // storage buffers the passes may write (uniforms and cached tables have no COPY_SRC)
        if (!(buffer.usage & GPUBufferUsage.COPY_SRC)) continue;
        if (t.snapshots.some((x) => x.buffer === buffer)) continue;
        const copy = this.device.createBuffer({
          size: buffer.size,
          usage: GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST,
        });
        encoder.copyBufferToBuffer(buffer, 0, copy, 0, buffer.size);
        t.snapshots.push({ buffer, copy });
      }
      t.recorded.push({ pipeline, bindGroup, workgroups: wg });
    }
    this.encodePass(encoder, pipeline, bindGroup, wg);
  }

  /** One compute pass, with timestamps while a timing session is open. */
  private encodePass(
    encoder: GPUCommandEncoder,
    pipeline: GPUComputePipeline,
    bindGroup: GPUBindGroup,
    workgroups: [number, number, number],
  ): void {
    const t = this.timing;
    let timestampWrites: GPUComputePassTimestampWrites | undefined;
    if (t) {
      if (t.count + 2 > t.capacity) throw new RangeError('timing session: too many compute passes');
      timestampWrites = {
        querySet: t.querySet,
        beginningOfPassWriteIndex: t.count,
        endOfPassWriteIndex: t.count + 1,
      };
      t.count += 2;
    }
    const pass = encoder.beginComputePass(timestampWrites ? { timestampWrites } : undefined);
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, bindGroup);
    pass.dispatchWorkgroups(...workgroups);
    pass.end();
  }

  /** Timing sessions with replays: submits the passes recorded since the last read() again. */
  private replayRecorded(): void {
    const t = this.timing;
    if (!t || t.recorded.length === 0) return;
    const passes = t.recorded;
    const snapshots = t.snapshots;
    t.recorded = [];
    t.snapshots = [];
    const fit = Math.floor((t.capacity - t.count) / (2 * passes.length));
    for (let r = 0; r < Math.min(t.replays, fit); r++) {
      t.marks.push(t.count);
      const enc = this.device.createCommandEncoder();
      for (const x of snapshots) enc.copyBufferToBuffer(x.copy, 0, x.buffer, 0, x.buffer.size);
      for (const p of passes) this.encodePass(enc, p.pipeline, p.bindGroup, p.workgroups);
      this.device.queue.submit([enc.finish()]);
    }
    for (const x of snapshots) x.copy.destroy(); // freed once the submitted replays are done
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
      this.replayRecorded();
      await staging.mapAsync(GPUMapMode.READ);
      const out = new Float32Array(staging.getMappedRange().slice(0, bytes));
      staging.unmap();
      return out;
    } finally {
      this.release(staging);
    }
  }

  /**
   * Opens a timing session (benchmarks; the device needs the 'timestamp-query' feature): until
   * endTiming, every compute pass recorded by dispatch writes its start and end timestamps into
   * a query set, and read() replays the call's passes `replays` times (TimingOptions). Without
   * a session, dispatch and read() work as always.
   */
  beginTiming(opts: TimingOptions = {}): void {
    if (!this.device.features.has('timestamp-query')) {
      throw new Error("beginTiming needs a device with the 'timestamp-query' feature");
    }
    this.timing?.querySet.destroy();
    const count = 2 * Math.min(2048, Math.max(1, opts.maxPasses ?? 2048)); // ≤ 4096 queries
    this.timing = {
      querySet: this.device.createQuerySet({ type: 'timestamp', count }),
      capacity: count,
      count: 0,
      replays: Math.max(0, Math.floor(opts.replays ?? 0)),
      recorded: [],
      snapshots: [],
      marks: [0],
    };
  }

  /**
   * Closes the timing session: resolves the timestamps of the passes recorded since beginTiming
   * (their command buffers must have been submitted) and returns their GPU time.
   */
  async endTiming(): Promise<PassTiming> {
    const t = this.timing;
    if (!t) throw new Error('endTiming without beginTiming');
    this.timing = undefined;
    for (const x of t.snapshots) x.copy.destroy(); // recorded but never replayed (no read())
    const size = Math.ceil(Math.max(8, t.count * 8) / 256) * 256;
    const resolved = this.device.createBuffer({
      size,
      usage: GPUBufferUsage.QUERY_RESOLVE | GPUBufferUsage.COPY_SRC,
    });
    const staging = this.device.createBuffer({
      size,
      usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
    });
    try {
      const enc = this.device.createCommandEncoder();
      if (t.count > 0) enc.resolveQuerySet(t.querySet, 0, t.count, resolved, 0);
      enc.copyBufferToBuffer(resolved, 0, staging, 0, size);
      this.device.queue.submit([enc.finish()]);
      await staging.mapAsync(GPUMapMode.READ);
      const ns = new BigUint64Array(staging.getMappedRange().slice(0, t.count * 8));
      staging.unmap();
      const executions = t.marks.map((from, i): ExecutionTiming => {
        const to = t.marks[i + 1] ?? t.count;
        let first = Infinity;
        let last = -Infinity;
        const passMs: number[] = [];
        for (let q = from; q + 1 < to; q += 2) {
          const b = Number(ns[q]!);
          const e = Number(ns[q + 1]!);
          first = Math.min(first, b);
          last = Math.max(last, e);
          passMs.push((e - b) / 1e6);
        }
        return { spanMs: passMs.length ? (last - first) / 1e6 : 0, passMs };
      });
      const own = executions[0]!;
      return {
        passes: own.passMs.length,
        spanMs: own.spanMs,
        sumMs: own.passMs.reduce((a, b) => a + b, 0),
        executions,
      };
    } finally {
      resolved.destroy();
      staging.destroy();
      t.querySet.destroy();
    }
  }

  /** Drops cached tables and pipelines (device loss or teardown). */
  dispose(): void {
    for (const x of this.timing?.snapshots ?? []) x.copy.destroy();
    this.timing?.querySet.destroy();
    this.timing = undefined;
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
/**
 * Whether the device runs on a software adapter (SwiftShader, a CPU emulation): there the kernels
 * with the fewest passes and least shared-memory traffic win, not those tuned for a real GPU.
 */
export function softwareAdapter(rt: GpuRuntime): boolean {
  const info = (rt.device as GPUDevice & { adapterInfo?: GPUAdapterInfo }).adapterInfo;
  return info?.isFallbackAdapter === true || info?.architecture === 'swiftshader';
}

export function grid(count: number): [number, number] {
  if (count <= MAX_WORKGROUPS) return [Math.max(1, count), 1];
  const y = Math.ceil(count / MAX_WORKGROUPS);
  return [Math.ceil(count / y), y];
}
