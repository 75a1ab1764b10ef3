/**
 * Web Worker entry of the panels' expensive jobs (see jobs.ts): { id, name, args } →
 * { id, result } | { id, error }. Typed arrays in a result are transferred, not copied.
 */
import { SETTLED_JOBS } from './derived.kernels';
import { MEMORY_JOBS } from './derived.memory';

type JobFn = (...args: unknown[]) => unknown;
const JOBS = { ...SETTLED_JOBS, ...MEMORY_JOBS } as unknown as Record<string, JobFn>;

function transferables(x: unknown, out: Set<Transferable>): Set<Transferable> {
  if (ArrayBuffer.isView(x)) out.add(x.buffer as ArrayBuffer);
  else if (Array.isArray(x)) x.forEach((v) => transferables(v, out));
  else if (x && typeof x === 'object') Object.values(x).forEach((v) => transferables(v, out));
  return out;
}

self.onmessage = (ev: MessageEvent<{ id: number; name: string; args: unknown[] }>) => {
  const { id, name, args } = ev.data;
  const post = (msg: unknown, transfer: Transferable[] = []): void =>
    (self as unknown as Worker).postMessage(msg, transfer);
  try {
    const fn = JOBS[name];
    if (!fn) throw new RangeError(`name must be a job, got ${name}`);
    const result = fn(...args);
    // Results also live in this worker's caches: send copies, keep the originals.
    const copy = structuredClone(result);
    post({ id, result: copy }, [...transferables(copy, new Set())]);
  } catch (e) {
    post({ id, error: e instanceof Error ? e.message : String(e) });
  }
};
