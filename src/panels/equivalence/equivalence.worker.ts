/**
 * Worker of the equivalence panel: runs core.recurrence, core.kernel and core.causalConv off
 * the main thread (the dense recurrence is O(L N²): ~10 ms at N = 64, L = 2048, seconds at
 * N = 256, L = 16384), so that dragging a slider never waits for it.
 */
import type { DiscreteSSM } from '../../core/index';
import { equivalenceRun, warmUp } from './equivalence.model';

export type EquivalenceRequest =
  | { id: number; d: DiscreteSSM; u: Float64Array; crash?: undefined }
  /** Test hook (ssmLab.crashWorker): an uncaught error, as a real crash would be. */
  | { crash: true };

interface WorkerScope {
  onmessage: ((e: MessageEvent<EquivalenceRequest>) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

// Compile the three loops once at a small size, so that the times reported for the first
// real request are not mostly JIT (a fresh worker starts after every superseded request).
warmUp();

scope.onmessage = (e) => {
  if (e.data.crash) {
    setTimeout(() => {
      throw new Error('equivalence worker crashed (test hook)');
    });
    return;
  }
  const { id, d, u } = e.data;
  try {
    const r = equivalenceRun(d, u);
    scope.postMessage({ id, ok: true, result: r }, [r.yRec.buffer, r.yConv.buffer, r.K.buffer]);
  } catch (err) {
    scope.postMessage({ id, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};
