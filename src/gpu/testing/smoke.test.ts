import { describe, expect, it } from 'vitest';
import { dawnRuntime } from './dawn';

describe('Dawn runtime', () => {
  it('acquires a WebGPU device and round-trips a buffer', async () => {
    const { runtime } = await dawnRuntime();
    const data = Float32Array.from({ length: 1000 }, (_, i) => i * 0.5);
    const buf = runtime.upload(data);
    const out = await runtime.read(runtime.device.createCommandEncoder(), buf, data.byteLength);
    runtime.release(buf);
    expect(Array.from(out)).toEqual(Array.from(data));
    expect(runtime.liveBuffers()).toBe(0);
  });
});
