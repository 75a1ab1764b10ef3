/**
 * Where the panels' expensive computations run. The settled jobs of derived.kernels and the
 * deferred jobs of derived.memory are named functions of plain data; when the app has started
 * the jobs worker (jobsWorker.ts) they run there, off the main thread, and their results are
 * adopted into the main thread's caches; otherwise (Node tests, no Worker) they run here.
 */

/** Runs a named job somewhere else and resolves with its result. */
export interface JobRunner {
  run(name: string, args: readonly unknown[]): Promise<unknown>;
}

/** The worker died while running the job (it is restarted); the caller may compute it here. */
export class WorkerCrashed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerCrashed';
  }
}

let runner: JobRunner | null = null;

export function setJobRunner(r: JobRunner | null): void {
  runner = r;
}

/** The remote runner, or null when jobs run on this thread. */
export function jobRunner(): JobRunner | null {
  return runner;
}
