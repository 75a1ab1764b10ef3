/**
 * Web Worker entry of the panels' expensive jobs (see jobs.ts): { id, name, args } →
 * { id, result } | { id, error }. Typed arrays in a result are transferred, not copied.
 */
import { SETTLED_JOBS } from './derived.kernels';
import { MEMORY_JOBS } from './derived.memory';
import { transferables } from '../gpu/transfer';

type JobFn = (...args: unknown[]) => unknown;
const JOBS = { ...SETTLED_JOBS, ...MEMORY_JOBS } as unknown as Record<string, JobFn>;

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
    post({ id, result: copy }, transferables(copy));
  } catch (e) {
    post({ id, error: e instanceof Error ? e.message : String(e) });
  }
};
