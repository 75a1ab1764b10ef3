/**
 * Starts the jobs worker (jobsWorker.ts) and makes it the job runner (jobs.ts). If it crashes,
 * the jobs in flight reject with WorkerCrashed (their callers compute them here instead), the
 * crash is reported in the UI, and a new worker starts with the next job.
 */
import { setJobRunner, WorkerCrashed, type JobRunner } from './jobs';
import { setUi } from './store';

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

let current: (() => Worker | null) | null = null;

/** Crashes the jobs worker, if it is running (fault drills: ssmLab.crashWorker()). */
export function crashJobsWorker(): void {
  current?.()?.dispatchEvent(new ErrorEvent('error', { message: 'jobs worker terminated' }));
}

export function startJobsWorker(): JobRunner | null {
  if (typeof Worker === 'undefined') return null;
  let worker: Worker | null = null;
  current = () => worker;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const ensure = (): Worker => {
    if (worker) return worker;
    const w = new Worker(new URL('./jobsWorker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (ev: MessageEvent<{ id: number; result?: unknown; error?: string }>) => {
      const p = pending.get(ev.data.id);
      if (!p) return;
      pending.delete(ev.data.id);
      if (ev.data.error !== undefined) p.reject(new Error(ev.data.error));
      else p.resolve(ev.data.result);
    };
    w.onerror = (ev) => {
      ev.preventDefault();
      const message = ev.message || 'the jobs worker stopped';
      for (const p of pending.values()) p.reject(new WorkerCrashed(message));
      pending.clear();
      w.terminate();
      worker = null;
      setUi({ workerNotice: message });
    };
    worker = w;
    return w;
  };
  const runner: JobRunner = {
    run(name, args) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        ensure().postMessage({ id, name, args });
      });
    },
  };
  setJobRunner(runner);
  return runner;
}
