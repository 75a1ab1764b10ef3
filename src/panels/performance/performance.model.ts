/**
 * Performance panel, pure part: the benchmark plan (ms vs state size N at fixed L, and ms vs L
 * at fixed N, for the RTF, DPLR and S4D kernels of the f64 core), the timing loop (one call per
 * task, yielding between calls, median of a few runs after a warm-up), and the log–log chart
 * series. Rows have the shape of window.ssmLab.bench rows (DESIGN §5), so GPU rows join the
 * same chart: { op, impl, backend, H, N, L, msMedian, msMin, runs }.
 *
 * What it reproduces: RTF (arXiv 2405.06147, Fig. 3) — the state-free kernel costs O(L log L)
 * whatever n is, while S4's DPLR (Cauchy + Woodbury) and S4D (Vandermonde) grow with N.
 */
import { line, scaleLog } from 'd3';
import { rng, rtfKernel, s4dInit, s4dKernel, s4Kernel, type Complex } from '../../core/index';

export type BenchOp = 'rtf' | 'dplr' | 's4d';
export type BenchImpl = 'core' | 'wgsl' | 'tfjs';
export type Sweep = 'N' | 'L';

export interface BenchRow {
  op: string;
  impl: BenchImpl;
  backend: 'cpu' | 'webgpu';
  H: number;
  N: number | null;
  L: number;
  msMedian: number;
  msMin: number;
  runs: number;
  /** Calls per timed run (fast calls are batched so the clock can see them). */
  batch?: number;
  error?: string;
}

export interface BenchTask {
  op: BenchOp;
  sweep: Sweep;
  N: number;
  L: number;
}

export const OPS: readonly BenchOp[] = ['rtf', 'dplr', 's4d'];
export const OP_LABEL: Record<string, string> = {
  rtf: 'RTF (state-free FFT)',
  dplr: 'S4 DPLR (Cauchy + Woodbury)',
  s4d: 'S4D (Vandermonde, N/2 modes)',
};

export interface BenchRange {
  Ns: number[];
  Ls: number[];
  /** L of the N sweep and N of the L sweep. */
  Lfixed: number;
  Nfixed: number;
}

export const RANGES: Record<'quick' | 'full', BenchRange> = {
  quick: { Ns: [4, 8, 16, 32, 64, 128], Ls: [256, 1024, 4096, 16384], Lfixed: 4096, Nfixed: 64 },
  full: {
    Ns: [4, 8, 16, 32, 64, 128, 256, 512],
    Ls: [256, 512, 1024, 2048, 4096, 8192, 16384, 32768],
    Lfixed: 4096,
    Nfixed: 64,
  },
};

/** Every (op, N, L) to time: the N sweep first (the RTF figure), then the L sweep. */
export function benchPlan(range: BenchRange, ops: readonly BenchOp[] = OPS): BenchTask[] {
  const tasks: BenchTask[] = [];
  for (const N of range.Ns)
    for (const op of ops) tasks.push({ op, sweep: 'N', N, L: range.Lfixed });
  for (const L of range.Ls)
    for (const op of ops) {
      // The L sweep's point at (Nfixed, Lfixed) is already timed by the N sweep.
      if (L === range.Lfixed && range.Ns.includes(range.Nfixed)) continue;
      tasks.push({ op, sweep: 'L', N: range.Nfixed, L });
    }
  return tasks;
}

export interface BenchInputs {
  a: Float64Array; // rtf
  b: Float64Array; // rtf
  C: Float64Array; // dplr
  Lambda: Complex; // s4d, N/2 modes
  B: Complex;
  Cs: Complex;
}

/**
 * Deterministic inputs of a task: rtf a, b ~ U(±1/(2N)) (Montel-stable), h0 = 1; dplr LegS with
 * C ~ U(±1/√N), Δ = 0.01; s4d S4D-Lin with N/2 modes, B = 1, C ~ U(±1), ZOH.
 */
export function benchInputs(N: number, L: number): BenchInputs {
  const r = rng(0x5eed + 7 * N + L);
  const vec = (n: number, s: number) => Float64Array.from({ length: n }, () => s * (2 * r() - 1));
  const M = Math.max(1, Math.floor(N / 2));
  return {
    a: vec(N, 1 / (2 * N)),
    b: vec(N, 1 / (2 * N)),
    C: vec(N, 1 / Math.sqrt(N)),
    Lambda: s4dInit('lin', 2 * M),
    B: { re: new Float64Array(M).fill(1), im: new Float64Array(M) },
    Cs: { re: vec(M, 1), im: vec(M, 1) },
  };
}

/** The core call a task times (its inputs prepared outside the timing). */
export function benchCall(op: BenchOp, N: number, L: number): () => Float64Array {
  const x = benchInputs(N, L);
  if (op === 'rtf') return () => rtfKernel(x.a, x.b, 1, L);
  if (op === 'dplr') return () => s4Kernel('legs', N, x.C, 0.01, L, 'dplr');
  return () => s4dKernel(x.Lambda, x.B, x.Cs, 0.01, L, 'zoh');
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return NaN;
  return n % 2 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
}

export interface TimingOptions {
  /** Timed runs after the warm-up (fewer when one call is slow). */
  runs?: number;
  /** Stop adding runs once this much time (ms) is spent, keeping at least `minRuns`. */
  budgetMs?: number;
  minRuns?: number;
  /**
   * A run repeats a fast call until it lasts this long (ms), so that the clock's resolution
   * (100 µs in a page without cross-origin isolation) does not round it to 0. Each repeat batch
   * stays far below a frame.
   */
  minRunMs?: number;
  now?: () => number;
  /** Called between runs; the benchmark yields here (setTimeout 0). */
  pause?: () => Promise<void>;
  cancelled?: () => boolean;
}

export const yieldTask = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

export interface Timing {
  msMedian: number;
  msMin: number;
  runs: number;
  /** Calls per timed run (1 unless the call is faster than minRunMs). */
  batch: number;
}

/**
 * One warm-up call, then timed runs with a pause between each; per-call median and minimum.
 * A run is one call, or a batch of `batch` calls for calls faster than `minRunMs` (the batch
 * doubles from 1 until a run lasts that long, at most 4096 calls).
 */
export async function timeCall(
  fn: () => unknown,
  opts: TimingOptions = {},
): Promise<Timing | null> {
  const { runs = 5, budgetMs = 600, minRuns = 3, minRunMs = 1 } = opts;
  const now = opts.now ?? (() => performance.now());
  const pause = opts.pause ?? yieldTask;
  const once = (n: number) => {
    const t = now();
    for (let i = 0; i < n; i++) fn();
    return now() - t;
  };
  let batch = 1;
  // Warm-up (JIT, caches such as the NPLR factors of N), then grow the batch for fast calls.
  while (once(batch) < minRunMs && batch < 4096) {
    batch *= 2;
    await pause();
    if (opts.cancelled?.()) return null;
  }
  const times: number[] = [];
  const start = now();
  while (times.length < runs && (times.length < minRuns || now() - start < budgetMs)) {
    await pause();
    if (opts.cancelled?.()) return null;
    times.push(once(batch) / batch);
  }
  return { msMedian: median(times), msMin: Math.min(...times), runs: times.length, batch };
}

/**
 * Untimed calls of every kernel at a small size before the first task, so that compiling the
 * FFT and Cauchy loops is not billed to whichever task happens to run first.
 */
export function warmUp(): void {
  for (const op of OPS) {
    const f = benchCall(op, 16, 1024);
    for (let i = 0; i < 5; i++) f();
  }
}

/** Times one task with the f64 core; a failing call becomes a row with `error`. */
export async function runTask(task: BenchTask, opts: TimingOptions = {}): Promise<BenchRow | null> {
  const base = { op: task.op, impl: 'core' as const, backend: 'cpu' as const, H: 1 };
  try {
    const t = await timeCall(benchCall(task.op, task.N, task.L), opts);
    if (!t) return null;
    return { ...base, N: task.N, L: task.L, ...t };
  } catch (e) {
    return {
      ...base,
      N: task.N,
      L: task.L,
      msMedian: NaN,
      msMin: NaN,
      runs: 0,
      error: e instanceof Error ? e.message : String(e),
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Chart

export interface Series {
  key: string;
  op: string;
  impl: BenchImpl;
  backend: string;
  points: { x: number; ms: number }[];
}

/**
 * Rows → one series per (op, impl, backend) along the sweep: x = N (rows at L = Lfixed) or x =
 * L (rows at N = Nfixed). Rows with errors or non-positive times are left out.
 */
export function seriesOf(rows: BenchRow[], sweep: Sweep, range: BenchRange): Series[] {
  const map = new Map<string, Series>();
  for (const r of rows) {
    if (r.error || !(r.msMedian > 0) || !Number.isFinite(r.msMedian)) continue;
    const onSweep = sweep === 'N' ? r.L === range.Lfixed && r.N !== null : r.N === range.Nfixed;
    if (!onSweep) continue;
    const key = `${r.op}·${r.impl}·${r.backend}`;
    let s = map.get(key);
    if (!s) {
      s = { key, op: r.op, impl: r.impl, backend: r.backend, points: [] };
      map.set(key, s);
    }
    const x = sweep === 'N' ? r.N! : r.L;
    const i = s.points.findIndex((p) => p.x === x);
    if (i >= 0) s.points[i] = { x, ms: r.msMedian };
    else s.points.push({ x, ms: r.msMedian });
  }
  for (const s of map.values()) s.points.sort((a, b) => a.x - b.x);
  return [...map.values()];
}

/** Least-squares slope of log ms against log x: the empirical exponent (0 = flat). */
export function logSlope(points: { x: number; ms: number }[]): number {
  const p = points.filter((q) => q.x > 0 && q.ms > 0);
  if (p.length < 2) return NaN;
  const xs = p.map((q) => Math.log(q.x));
  const ys = p.map((q) => Math.log(q.ms));
  const mx = xs.reduce((a, b) => a + b, 0) / p.length;
  const my = ys.reduce((a, b) => a + b, 0) / p.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < p.length; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return den > 0 ? num / den : NaN;
}

export function xScaleOf(domain: [number, number], width: number) {
  return scaleLog().base(2).domain(domain).range([0, width]);
}

/** y: ms on a log scale, padded to whole decades around the data (1e-2 … 1e2 when empty). */
export function yScaleOf(series: Series[], height: number) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series)
    for (const p of s.points) {
      lo = Math.min(lo, p.ms);
      hi = Math.max(hi, p.ms);
    }
  if (!Number.isFinite(lo)) {
    lo = 0.01;
    hi = 100;
  }
  const a = 10 ** Math.floor(Math.log10(lo));
  const b = 10 ** Math.ceil(Math.log10(hi));
  return scaleLog()
    .domain([a, b > a ? b : a * 10])
    .range([height, 0]);
}

export function seriesPath(s: Series, x: (v: number) => number, y: (v: number) => number): string {
  return (
    line<{ x: number; ms: number }>()
      .defined((p) => Number.isFinite(x(p.x)) && Number.isFinite(y(p.ms)))
      .x((p) => +x(p.x).toFixed(2))
      .y((p) => +y(p.ms).toFixed(2))(s.points) ?? ''
  );
}

/** "∝ N^0.02 (flat)" — the fitted exponent in words for the readouts. */
export function slopeWords(k: number, v: string, flat = '(flat)'): string {
  if (!Number.isFinite(k)) return '—';
  const e = k.toFixed(2).replace('-', '−');
  return Math.abs(k) < 0.2 ? `∝ ${v}^${e} ${flat}` : `∝ ${v}^${e}`;
}
