/**
 * Main-thread side of the benchmark worker. Without workers, the same loop runs on the main
 * thread, one call per task with a yield (setTimeout 0) between calls.
 */
import { runTask, warmUp, yieldTask, type BenchRow, type BenchTask } from './performance.model';

export interface BenchHandlers {
  onStart(index: number): void;
  onRow(index: number, row: BenchRow): void;
  onDone(): void;
}

/** Starts timing `tasks`; returns a cancel function (stops at once; no more callbacks). */
export function startBench(
  tasks: BenchTask[],
  h: BenchHandlers,
): { cancel: () => void; where: 'worker' | 'main' } {
  let cancelled = false;
  const runMain = async (from: number) => {
    if (from === 0) warmUp();
    for (let i = from; i < tasks.length && !cancelled; i++) {
      h.onStart(i);
      const row = await runTask(tasks[i]!, { pause: yieldTask, cancelled: () => cancelled });
      if (cancelled || !row) return;
      h.onRow(i, row);
      await yieldTask();
    }
    if (!cancelled) h.onDone();
  };
  if (typeof Worker !== 'undefined') {
    try {
      const w = new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module' });
      let next = 0;
      w.onmessage = (
        e: MessageEvent<
          | { type: 'start'; index: number }
          | { type: 'row'; index: number; row: BenchRow | null }
          | { type: 'done' }
        >,
      ) => {
        if (cancelled) return;
        const m = e.data;
        if (m.type === 'start') h.onStart(m.index);
        else if (m.type === 'row') {
          next = m.index + 1;
          if (m.row) h.onRow(m.index, m.row);
        } else {
          w.terminate();
          h.onDone();
        }
      };
      w.onerror = (ev) => {
        ev.preventDefault();
        w.terminate();
        if (!cancelled) void runMain(next);
      };
      w.postMessage({ tasks });
      return {
        where: 'worker',
        cancel: () => {
          cancelled = true;
          w.terminate();
        },
      };
    } catch {
      // fall through to the main thread
    }
  }
  void runMain(0);
  return {
    where: 'main',
    cancel: () => {
      cancelled = true;
    },
  };
}
