/**
 * Worker of the performance panel: times the f64 core kernels one task at a time, yielding
 * between calls, and posts each row as soon as it is measured. The main thread never blocks,
 * not even for the first DPLR call at N = 512 (its NPLR eigendecomposition takes seconds).
 * Cancel = the panel terminates the worker.
 */
import { runTask, warmUp, yieldTask, type BenchTask } from './performance.model';

interface WorkerScope {
  onmessage: ((e: MessageEvent<{ tasks: BenchTask[] }>) => void) | null;
  postMessage(message: unknown): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = async (e) => {
  const { tasks } = e.data;
  warmUp();
  for (let i = 0; i < tasks.length; i++) {
    scope.postMessage({ type: 'start', index: i });
    const row = await runTask(tasks[i]!, { pause: yieldTask });
    scope.postMessage({ type: 'row', index: i, row });
    await yieldTask();
  }
  scope.postMessage({ type: 'done' });
};
