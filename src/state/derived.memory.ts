/**
 * Memoised selectors of the memory panels (basis, coefficients, matrices), kept apart from
 * derived.ts so that those panels never evict the single-entry caches the other panels share.
 *
 * They are deferred computations, for work that can take tens or hundreds of ms: the LegS/LegT
 * states of the measure that is *not* selected (the side-by-side coefficient heatmaps) and the
 * eigenvalues of Ā. They run in time slices of a few ms between frames (a generator yields after
 * each chunk), so a parameter change never blocks a frame; until they finish, the selector
 * returns the previous result (not `ready`) and a progress in [0, 1]. The arithmetic is the
 * core's, in the same order, so the numbers are identical to statesOf / eigOf (tested).
 */
import {
  discretize,
  hippo,
  type Complex,
  type DiscreteSSM,
  type Measure,
  type Normalization,
} from '../core/index';
import { legsApply, legsSolve, legsStep } from '../core/legs';
import { eigOf, statesOf, type Disc, type States } from './derived';
import { jobRunner, WorkerCrashed, type JobRunner } from './jobs';
import { msg } from './i18n/msg';

// ------------------------------------------------------------------------------------------------
// Deferred, time-sliced computations

export interface Deferred<T> {
  /** True when `value` belongs to the arguments of this call. */
  ready: boolean;
  /** The result (ready) or the last finished result for other arguments (stale), if any. */
  value: T | undefined;
  /** Fraction done of the running computation (1 when ready). */
  progress: number;
  /** Set when the computation threw: the message, in words. */
  error?: string;
}

interface Slot {
  /** Advances the running job by one chunk; true when it has finished (or failed). */
  step(): boolean;
}

/** Longest a batch of chunks may hold the main thread, in ms. */
export const SLICE_MS = 4;

const queue = new Set<Slot>();
const listeners = new Set<() => void>();
let version = 0;
let scheduled = false;

function notify(): void {
  version++;
  for (const l of listeners) l();
}

/** Progress is reported (a re-render of the subscribed panels) at most this often, in ms. */
const PROGRESS_MS = 120;
let lastNotify = 0;

function tick(): void {
  scheduled = false;
  const end = performance.now() + SLICE_MS;
  let finished = false;
  while (queue.size && performance.now() < end) {
    for (const slot of [...queue]) {
      if (slot.step()) {
        queue.delete(slot);
        finished = true;
      }
      if (performance.now() >= end) break;
    }
  }
  if (queue.size) schedule();
  const now = performance.now();
  if (finished || now - lastNotify > PROGRESS_MS) {
    lastNotify = now;
    notify();
  }
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setTimeout(tick, 0);
}

/** For useSyncExternalStore: re-render when a deferred computation advances or finishes. */
export function subscribeDeferred(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
export function deferredVersion(): number {
  return version;
}

/** Jobs waiting for their start delay (see `deferred`), with their timers. */
const waiting = new Map<Slot, ReturnType<typeof setTimeout>>();

function enqueue(slot: Slot, delayMs: number): void {
  const timer = waiting.get(slot);
  if (timer !== undefined) clearTimeout(timer);
  waiting.delete(slot);
  if (delayMs > 0) {
    queue.delete(slot);
    waiting.set(
      slot,
      setTimeout(() => {
        waiting.delete(slot);
        queue.add(slot);
        schedule();
      }, delayMs),
    );
  } else {
    queue.add(slot);
    schedule();
  }
}

/** Runs every pending deferred computation to the end, now (tests, exports). */
export function runDeferredNow(): void {
  for (const [slot, timer] of waiting) {
    clearTimeout(timer);
    queue.add(slot);
  }
  waiting.clear();
  let any = false;
  while (queue.size) {
    for (const slot of [...queue]) if (slot.step()) queue.delete(slot);
    any = true;
  }
  if (any) notify();
}

function sameArgs(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * A deferred selector: `run(...args)` is a generator that yields its progress in [0, 1] after
 * each chunk of work and returns the result. One computation per selector: new arguments cancel
 * the running one. The last finished result is kept (memoised by its arguments, compared ===).
 * `delayMs(...args)` postpones the start (restarted by new arguments): for work that cannot be
 * sliced, so that it runs once a drag pauses rather than once per step.
 *
 * With a `remote` name (a key of MEMORY_JOBS) and the jobs worker running, the whole generator
 * runs there instead (after the same delay), one call at a time: a newer call waits for the one
 * in flight and the newest arguments win. A crashed worker falls back to the slices here.
 */
export function deferred<A extends unknown[], T>(
  run: (...args: A) => Generator<number, T, void>,
  delayMs: (...args: NoInfer<A>) => number = () => 0,
  remote?: MemoryJobName,
): (...args: A) => Deferred<T> {
  let doneArgs: A | undefined;
  let value: T | undefined;
  let runArgs: A | undefined;
  let gen: Generator<number, T, void> | undefined;
  let progress = 0;
  let error: string | undefined;
  let inFlight = false;
  let wait: ReturnType<typeof setTimeout> | undefined;
  const finish = (args: A, v: T | undefined, e?: string): void => {
    value = v;
    doneArgs = args;
    error = e;
    gen = undefined;
    progress = 1;
  };
  const slot: Slot = {
    step() {
      if (!gen || !runArgs) return true;
      try {
        const r = gen.next();
        if (r.done) {
          finish(runArgs, r.value);
          return true;
        }
        progress = r.value;
        return false;
      } catch (e) {
        finish(runArgs, undefined, e instanceof Error ? e.message : String(e));
        return true;
      }
    },
  };
  const launch = (runner: JobRunner, args: A): void => {
    inFlight = true;
    runner
      .run(remote!, args)
      .then(
        (r) => finish(args, r as T),
        (e: unknown) => {
          if (e instanceof WorkerCrashed) {
            gen = run(...args); // compute here instead
            enqueue(slot, 0);
          } else finish(args, undefined, e instanceof Error ? e.message : String(e));
        },
      )
      .finally(() => {
        inFlight = false;
        if (runArgs && runArgs !== args && !gen) launch(runner, runArgs);
        notify();
      });
  };
  return (...args: A): Deferred<T> => {
    if (doneArgs && sameArgs(args, doneArgs)) {
      return error === undefined
        ? { ready: true, value, progress: 1 }
        : { ready: true, value: undefined, progress: 1, error };
    }
    const runner = remote ? jobRunner() : null;
    if (runner) {
      if (!runArgs || !sameArgs(args, runArgs)) {
        runArgs = args;
        progress = 0;
        clearTimeout(wait);
        const delay = delayMs(...args);
        const go = (): void => {
          if (!inFlight && runArgs) launch(runner, runArgs);
        };
        if (delay > 0) wait = setTimeout(go, delay);
        else go();
      }
      return { ready: false, value, progress };
    }
    if (!runArgs || !sameArgs(args, runArgs) || !gen) {
      runArgs = args;
      error = undefined;
      progress = 0;
      gen = run(...args);
      enqueue(slot, delayMs(...args));
    }
    return { ready: false, value, progress };
  };
}

// ------------------------------------------------------------------------------------------------
// HiPPO states for the coefficient heatmaps (LegS and LegT side by side)

/** Number of recurrence steps per chunk so that one chunk costs about 2·10⁵ flops. */
function chunkSteps(costPerStep: number): number {
  return Math.max(1, Math.floor(2e5 / Math.max(1, costPerStep)));
}

function allFinite(X: Float64Array): boolean {
  for (let i = 0; i < X.length; i++) if (!Number.isFinite(X[i])) return false;
  return true;
}

/**
 * The LegT states of statesOf('legt', …), in chunks: x_k = Ā x_{k−1} + B̄ u_k, x_{−1} = 0, with
 * (Ā, B̄) = discretize(hippo('legt', N, {θ, normalisation}), Δ, disc) — the arithmetic of
 * core recurrenceStates in the same order, so the values are bit-identical.
 */
export function* legtStatesJob(
  N: number,
  theta: number,
  normalization: Normalization,
  dt: number,
  disc: Disc,
  u: Float64Array,
): Generator<number, States, void> {
  const ssm = hippo('legt', N, { theta, normalization });
  const d: DiscreteSSM = discretize(ssm, dt, disc);
  yield 0;
  const L = u.length;
  const { Ab, Bb } = d;
  const X = new Float64Array(L * N);
  const chunk = chunkSteps(N * N);
  for (let k = 0; k < L; k++) {
    const uk = u[k]!;
    const o = k * N;
    const p = o - N;
    for (let i = 0; i < N; i++) {
      let s = Bb[i]! * uk;
      if (k > 0) {
        const r = i * N;
        for (let j = 0; j < N; j++) s += Ab[r + j]! * X[p + j]!;
      }
      X[o + i] = s;
    }
    if ((k + 1) % chunk === 0 && k + 1 < L) yield (k + 1) / L;
  }
  return allFinite(X)
    ? { X, N, L, method: disc }
    : {
        X: new Float64Array(L * N),
        N,
        L,
        method: disc,
        warning: msg('state.unstable', { disc: msg(`option.disc.${disc}`), dt }),
      };
}

/**
 * The LegS states of statesOf('legs', …) — core legsRun (time-varying x' = (A/t)x + (B/t)u,
 * step-size free) — in chunks, with the same arithmetic in the same order.
 */
export function* legsStatesJob(
  N: number,
  normalization: Normalization,
  disc: Disc,
  u: Float64Array,
): Generator<number, States, void> {
  const scheme = disc === 'forward' ? 'forward' : disc === 'zoh' ? 'exact' : 'bilinear';
  const method =
    scheme === 'exact'
      ? 'exact (log-time ZOH)'
      : scheme === 'forward'
        ? 'forward Euler'
        : 'bilinear';
  const { A, B } = hippo('legs', N, { normalization });
  const bScale = normalization === 'blog' ? Math.SQRT2 : 1;
  const L = u.length;
  const X = new Float64Array(L * N);
  const z = new Float64Array(N);
  for (let n = 0; n < N; n++) {
    let s = B[n]!;
    for (let k = 0; k < n; k++) s -= A[n * N + k]! * z[k]!;
    z[n] = s / A[n * N + n]!;
  }
  for (let n = 0; n < N; n++) X[n] = -z[n]! * u[0]!;
  const x = new Float64Array(N);
  const tmp = new Float64Array(N);
  const chunk = chunkSteps(scheme === 'exact' ? 6 * N * N : 8 * N);
  for (let k = 1; k < L; k++) {
    x.set(X.subarray((k - 1) * N, k * N));
    const uk = u[k]!;
    const out = X.subarray(k * N, (k + 1) * N);
    if (scheme === 'exact') {
      const { E, F } = legsStep(N, k);
      for (let i = 0; i < N; i++) {
        let s = bScale * F[i]! * uk;
        const r = i * N;
        for (let j = 0; j <= i; j++) s += E[r + j]! * x[j]!;
        out[i] = s;
      }
    } else if (scheme === 'bilinear') {
      legsApply(x, N, tmp);
      for (let i = 0; i < N; i++) tmp[i] = x[i]! + tmp[i]! / (2 * k) + (B[i]! * uk) / k;
      legsSolve(1 / (2 * (k + 1)), tmp, N, out);
    } else {
      legsApply(x, N, tmp);
      for (let i = 0; i < N; i++) out[i] = x[i]! + tmp[i]! / k + (B[i]! * uk) / k;
    }
    if (k % chunk === 0 && k + 1 < L) yield k / L;
  }
  return allFinite(X)
    ? { X, N, L, method }
    : {
        X: new Float64Array(L * N),
        N,
        L,
        method,
        warning: msg('state.legsForwardBlowUp'),
      };
}

/**
 * The other measure's heatmap waits until its inputs have stayed the same for 120 ms: during a
 * drag it stays on its last result (drawn as stale) instead of restarting a slice job per step.
 */
const SETTLE_DELAY_MS = 120;
const legsDeferred = deferred(legsStatesJob, () => SETTLE_DELAY_MS, 'legsStates');
const legtDeferred = deferred(legtStatesJob, () => SETTLE_DELAY_MS, 'legtStates');

/**
 * States of LegS or LegT for the coefficient heatmaps. When `which` is the selected measure the
 * signal panel has just computed them: statesOf's cache answers at once. Otherwise they are
 * computed in slices (the LegT recurrence is O(L·N²), ≈15 ms at N = 64, L = 2048; exact LegS
 * is ≈100 ms), and LegS ignores θ and Δ, so moving those never recomputes it.
 */
export function memoryStatesOf(
  which: 'legs' | 'legt',
  selected: Measure,
  N: number,
  theta: number,
  normalization: Normalization,
  dt: number,
  disc: Disc,
  u: Float64Array,
): Deferred<States> {
  if (which === selected) {
    return {
      ready: true,
      value: statesOf(which, N, theta, normalization, dt, disc, u),
      progress: 1,
    };
  }
  return which === 'legs'
    ? legsDeferred(N, normalization, disc, u)
    : legtDeferred(N, theta, normalization, dt, disc, u);
}

// ------------------------------------------------------------------------------------------------
// Matrices panel

/**
 * Eigenvalues of Ā by core eigenvalues (through eigOf, whose cache the eigenvalue panel shares),
 * deferred: O(N³) and not sliceable, ≈7 ms at N = 64 and ≈0.4 s at N = 256 — so from N = 96 on
 * it starts only once Ā has stayed the same for 150 ms.
 */
export const eigDiscreteOf = deferred(
  function* (Ab: Float64Array, N: number): Generator<number, Complex, void> {
    yield 0;
    return eigOf(Ab, N);
  },
  (_Ab, N) => (N >= 96 ? 150 : 0),
  'eigDiscrete',
);

// ------------------------------------------------------------------------------------------------
// The deferred jobs by name, run to the end (the jobs worker runs them)

function toEnd<T>(g: Generator<number, T, void>): T {
  for (;;) {
    const r = g.next();
    if (r.done) return r.value;
  }
}

export const MEMORY_JOBS = {
  legsStates: (...a: Parameters<typeof legsStatesJob>) => toEnd(legsStatesJob(...a)),
  legtStates: (...a: Parameters<typeof legtStatesJob>) => toEnd(legtStatesJob(...a)),
  eigDiscrete: (Ab: Float64Array, N: number) => eigOf(Ab, N),
} as const;
type MemoryJobName = keyof typeof MEMORY_JOBS;
