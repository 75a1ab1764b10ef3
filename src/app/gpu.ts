/**
 * Brings up the compute service after first paint and wires it into the store and the console
 * API: ssmLab.gpu is the WebGPU core when a device is up and the float64 fallback otherwise;
 * a lost device switches back to the CPU without touching the parameters.
 */
import { bench, DEFAULT_SPEC, type BenchSpecItem } from '../gpu/bench';
import { cpuGpuCore } from '../gpu/fallback';
import { startGpu, type GpuSession } from '../gpu/service';
import { registerGpu } from '../state/compute';
import { setUi } from '../state/store';
import type { SsmLabApi } from './consoleApi';

let session: GpuSession | null = null;

export async function initGpu(api: SsmLabApi): Promise<void> {
  const fallback = cpuGpuCore();
  api.gpu = fallback;
  api.bench = (spec?: BenchSpecItem[]) => bench(spec, session);
  api.benchDefaultSpec = DEFAULT_SPEC;
  api.gpuMemory = () => ({
    buffers: session?.runtime.liveBuffers() ?? 0,
    cached: session?.runtime.cachedBuffers() ?? 0,
    tables: session?.runtime.cachedKeys() ?? [],
    tf: session ? session.tf.memory() : null,
  });
  api.loseGpuDevice = () => session?.runtime.device.destroy();
  const status = await startGpu((reason) => {
    session = null;
    registerGpu(null);
    api.gpu = fallback;
    setUi({
      backend: {
        name: 'cpu',
        note: `WebGPU device lost (${reason}); computing on the CPU. Reload to try the GPU again.`,
      },
    });
  });
  if (!status.ok) {
    setUi({ backend: { name: 'cpu', note: status.reason } });
    return;
  }
  session = status.session;
  registerGpu(session.core);
  api.gpu = session.core;
  setUi({ backend: { name: 'webgpu', adapter: session.adapter } });
}
