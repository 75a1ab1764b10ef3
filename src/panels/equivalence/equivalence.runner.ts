/**
 * Main-thread side of the equivalence worker: one job at a time, latest wins. A new request
 * terminates the job in flight (its inputs are stale), so a slider drag costs the main thread
 * nothing and the result for the settled input arrives as soon as it is computed. Without
 * workers (or if the worker fails to load) the job runs on the main thread after a yield.
 * A worker that crashes is reported (ui.workerNotice) and restarted with the job in flight;
 * after three crashes in a row the jobs run on the main thread.
 */
import type { DiscreteSSM } from '../../core/index';
import { setUi } from '../../state/store';
import { equivalenceRun, type EquivalenceResult } from './equivalence.model';

export class Superseded extends Error {
  constructor() {
    super('superseded by a newer request');
  }
}

interface Pending {
  id: number;
  d: DiscreteSSM;
  u: Float64Array;
  resolve: (r: EquivalenceResult & { where: 'worker' | 'main' }) => void;
  reject: (e: Error) => void;
}

let worker: Worker | null = null;
let broken = false;
let crashesInARow = 0;
const MAX_CRASHES = 3;
let inflight: Pending | null = null;
let nextId = 1;

function onMainThread(job: Pending): void {
  setTimeout(() => {
    if (inflight !== job) return;
    inflight = null;
    try {
      job.resolve({ ...equivalenceRun(job.d, job.u), where: 'main' });
    } catch (e) {
      job.reject(e as Error);
    }
  }, 0);
}

function spawn(): Worker | null {
  if (broken || typeof Worker === 'undefined') return null;
  try {
    const w = new Worker(new URL('./equivalence.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (
      e: MessageEvent<
        | { id: number; ok: true; result: EquivalenceResult }
        | { id: number; ok: false; message: string }
      >,
    ) => {
      const job = inflight;
      if (!job || job.id !== e.data.id) return;
      inflight = null;
      crashesInARow = 0;
      if (e.data.ok) job.resolve({ ...e.data.result, where: 'worker' });
      else job.reject(new RangeError(e.data.message));
    };
    w.onerror = (ev) => {
      ev.preventDefault();
      w.terminate();
      if (worker === w) worker = null;
      crashesInARow++;
      broken = crashesInARow >= MAX_CRASHES;
      setUi({ workerNotice: ev.message || 'the equivalence worker stopped' });
      const job = inflight;
      if (!job) return;
      worker = spawn();
      if (worker) worker.postMessage({ id: job.id, d: job.d, u: job.u });
      else onMainThread(job);
    };
    return w;
  } catch {
    broken = true;
    return null;
  }
}

/** Computes both routes for (d, u); rejects with Superseded if a newer request replaces it. */
export function runEquivalence(
  d: DiscreteSSM,
  u: Float64Array,
): Promise<EquivalenceResult & { where: 'worker' | 'main' }> {
  if (inflight) {
    inflight.reject(new Superseded());
    inflight = null;
    worker?.terminate();
    worker = null;
  }
  return new Promise((resolve, reject) => {
    const job: Pending = { id: nextId++, d, u, resolve, reject };
    inflight = job;
    worker ??= spawn();
    if (!worker) {
      onMainThread(job);
      return;
    }
    worker.postMessage({ id: job.id, d, u });
  });
}

/** Test hook (ssmLab.crashWorker): makes the worker throw outside any job, a real crash. */
export function crashEquivalenceWorker(): boolean {
  worker ??= spawn();
  worker?.postMessage({ crash: true });
  return worker !== null;
}
