/**
 * The memory check of issue [E] 3, shared by e2e/memory.spec.ts (short) and `npm run bench`
 * (10 minutes of playback): after a warm-up, N parameter changes and some playback must leave
 * the JS heap and the GPU memory within 10 % of their level after the warm-up.
 *
 * Each reading empties the bounded caches of derived values (ssmLab.clearCaches), computes the
 * reading's setting afresh, forces garbage collections through CDP (HeapProfiler.collectGarbage)
 * and takes the least of three `performance.memory.usedJSHeapSize` samples a second apart
 * (exact with --enable-precise-memory-info); then tf.memory() and the WGSL runtime's buffers
 * through ssmLab.gpuMemory(). The heap before the caches were emptied is reported beside it.
 */
import type { CDPSession, Page } from '@playwright/test';

export const MEMORY_TOLERANCE = 0.1;
const DEFAULT_WARM_UP = 1000;

export interface MemoryReading {
  label: string;
  /** Seconds since the warm-up reading. */
  atS: number;
  /** performance.memory.usedJSHeapSize after a forced GC (the least of three, a second apart),
   * the caches of derived values emptied and the reading's setting computed afresh: what the
   * check holds to the warm-up level. */
  jsHeapBytes: number;
  /** The same before the caches were emptied (reported, not checked: it moves by ±1.5 MiB with
   * which settings the bounded caches hold — measured 15.5 → 17.2 MiB across 10 s of playback). */
  withCachesBytes: number;
  /** tf.memory().numBytes (all tensors tfjs holds; GPU-resident on webgpu), or null without a GPU session. */
  tfBytes: number | null;
  tfTensors: number | null;
  /** GPU buffers held by our WGSL programs (live + pooled). */
  gpuBuffers: number;
}

export interface MemoryReport {
  backend: string;
  parameterChanges: number;
  playbackS: number;
  tolerance: number;
  /** The three warm-up readings; readings[0] is their median, the level the others are held to. */
  warmUp: MemoryReading[];
  readings: MemoryReading[];
  /** Worst reading after the warm-up relative to it (1 = flat), per quantity. */
  worst: { jsHeap: number; tfBytes: number | null; gpuBuffers: number | null };
  flat: boolean;
}

interface GpuMemory {
  buffers: number;
  cached: number;
  tf: { numBytes: number; numTensors: number } | null;
}

/** Every reading is taken in the same state of the lab (the first set of the cycle, cursor
 * and all), once the debounced computations have run, so readings compare like with like. */
async function reading(page: Page, cdp: CDPSession, label: string, t0: number) {
  const gc = async () => {
    // Two passes: the first may only queue finalisers.
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
  };
  const heap = () =>
    page.evaluate(
      () =>
        (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize,
    );
  // The heap as it is, with the caches holding whatever the last settings left in them …
  await page.evaluate((ref) => window.ssmLab.setParams(ref), { ...CYCLE[0]!, cursor: 0.6 });
  await page.waitForTimeout(1500);
  await gc();
  const withCaches = await heap();
  // … and the reading proper: the bounded caches of derived values emptied (src/state/caches.ts),
  // then the reading's setting computed afresh, so every reading holds the same derived values.
  await page.evaluate((ref) => window.ssmLab.setParams(ref), { ...CYCLE[1]!, cursor: 0.6 });
  await page.waitForTimeout(300);
  await page.evaluate(() => window.ssmLab.clearCaches());
  await page.evaluate((ref) => window.ssmLab.setParams(ref), { ...CYCLE[0]!, cursor: 0.6 });
  // The least of three samples a second apart: a computation still in flight (a worker's
  // result on its way, the GPU row) holds megabytes for a moment, a leak holds them for good.
  let least = Infinity;
  for (let i = 0; i < 3; i++) {
    await page.waitForTimeout(i === 0 ? 1500 : 1000);
    await gc();
    least = Math.min(least, await heap());
  }
  const r = await page.evaluate(() => {
    const g = (window.ssmLab.gpuMemory as (() => GpuMemory) | undefined)?.();
    return {
      tfBytes: g?.tf ? g.tf.numBytes : null,
      tfTensors: g?.tf ? g.tf.numTensors : null,
      gpuBuffers: g ? g.buffers + g.cached : 0,
    };
  });
  return {
    label,
    atS: t0 ? (Date.now() - t0) / 1000 : 0,
    jsHeapBytes: least,
    withCachesBytes: withCaches,
    ...r,
  };
}

const mib = (b: number) => (b / 2 ** 20).toFixed(2);
const heapLine = (r: MemoryReading) =>
  `${r.label}: heap ${mib(r.jsHeapBytes)} MiB (${mib(r.withCachesBytes)} MiB before the caches were emptied)`;

/** A fixed cycle of parameter sets touching every panel; repeated, so caches reach a steady state. */
const CYCLE: Record<string, unknown>[] = [];
{
  const measures = ['legs', 'legt', 'lmu', 'lagt', 'fout'];
  const discs = ['bilinear', 'zoh', 'backward', 'forward'];
  for (let i = 0; i < 40; i++) {
    CYCLE.push({
      measure: measures[i % 5],
      disc: discs[i % 4],
      N: [8, 16, 32, 64, 24][i % 5],
      dt: [0.001, 0.01, 0.05, 0.003][i % 4],
      theta: [0.5, 1, 2][i % 3],
      L: [512, 1024, 2048][i % 3],
      signal: ['sines', 'step', 'chirp', 'noise'][i % 4],
      rtfA: [[-1.1, 0.03, 0.135], [-0.5], [0.2, -0.1]][i % 3],
      cursor: (i % 10) / 10,
    });
  }
}

/** Applies `count` changes from the cycle, one per animation frame, pausing now and then so the
 * settled (debounced) computations run too. */
async function changeParams(page: Page, from: number, count: number): Promise<void> {
  for (let done = 0; done < count; done += 50) {
    await page.evaluate(
      async ({ cycle, start, n }) => {
        for (let i = 0; i < n; i++) {
          window.ssmLab.setParams(cycle[(start + i) % cycle.length]!);
          await new Promise((r) => requestAnimationFrame(r));
          if (i % 10 === 9) await new Promise((r) => setTimeout(r, 200));
        }
      },
      { cycle: CYCLE, start: from + done, n: Math.min(50, count - done) },
    );
  }
}

/** The WGSL runtime keeps one set of tables (twiddles, pass configs) per FFT size, for the
 * device's life: a bounded cache, one entry per kernel length L. Under load a burst of changes
 * can skip the equivalence panel's GPU row for some L, so the warm-up visits each L of the cycle
 * and waits for its f32 row; otherwise the cache fills up after the warm-up, not during it. */
async function settleGpuSizes(page: Page): Promise<void> {
  if ((await page.evaluate(() => window.ssmLab.backend().name)) !== 'webgpu') return;
  const seen = new Set<unknown>();
  for (const set of CYCLE) {
    if (seen.has(set.L)) continue;
    seen.add(set.L);
    await page.evaluate((s) => window.ssmLab.setParams(s), set);
    // The meter describes the result it shows: wait until that is this L's, with its GPU row.
    await page.waitForFunction(
      (L) => {
        const m = document.querySelector('[data-testid="equivalence-meter"]');
        return (
          m?.getAttribute('data-length') === String(L) &&
          m.getAttribute('data-status') === 'ready' &&
          m.getAttribute('data-gpu-rel') !== ''
        );
      },
      set.L,
      { timeout: 60_000 },
    );
  }
}

async function play(page: Page, ms: number): Promise<void> {
  const button = page.locator('[data-param="play"]');
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
  await page.waitForTimeout(ms);
  await button.click();
}

export async function memoryCheck(
  page: Page,
  opts: {
    changes: number;
    playbackMs: number;
    samples?: number;
    /** Parameter changes before the level is taken (default 1,000). */
    warmUpChanges?: number;
    log?: (s: string) => void;
  },
): Promise<MemoryReport> {
  const WARM_UP_CHANGES = opts.warmUpChanges ?? DEFAULT_WARM_UP;
  const cdp = await page.context().newCDPSession(page);
  const log = opts.log ?? (() => {});
  // Warm-up: 10 s of playback, 1,000 changes and 10 s more playback, at the default speed. The
  // heap rises over the first ~1,000 changes and then stays level. Measured (precise heap,
  // forced GC, unminified build): 17.15 / 17.66 / 18.04 / 18.17 MiB at 250 / 500 / 1,000 / 1,500
  // changes, and in a second page 18.44 / 18.22 / 18.40 / 18.41 MiB at 750 / 1,500 / 2,250 /
  // 3,000. Heap snapshots at 500 and 1,500 changes differ by 0.46 MiB, of which 0.30 MiB is V8's
  // optimised code (InstructionStream, its metadata) and 0.07 MiB strings; at 1,000 and 1,500
  // (caches emptied) by 0.19 MiB, again mostly code: the JIT still tiering up hot paths, not a
  // structure that grows with the number of changes. The first playback adds ~0.8 MiB that
  // stays (its own compiled paths), so the warm-up plays before its readings too.
  await page.evaluate(() => window.ssmLab.setParams({ speed: 1 }));
  await play(page, 10_000);
  // The level after the warm-up is the median of three readings at its end.
  await changeParams(page, 0, WARM_UP_CHANGES - 50);
  await settleGpuSizes(page);
  const warmUp = [await reading(page, cdp, `warm-up: ${WARM_UP_CHANGES - 50} changes`, 0)];
  await changeParams(page, WARM_UP_CHANGES - 50, 50);
  warmUp.push(await reading(page, cdp, `warm-up: ${WARM_UP_CHANGES} changes`, 0));
  await play(page, 10_000);
  warmUp.push(await reading(page, cdp, 'warm-up: 10 s of playback', 0));
  const median = <
    K extends 'jsHeapBytes' | 'withCachesBytes' | 'tfBytes' | 'tfTensors' | 'gpuBuffers',
  >(
    k: K,
  ) => warmUp.map((r) => r[k]).sort((x, y) => (x ?? 0) - (y ?? 0))[1] as MemoryReading[K];
  const base: MemoryReading = {
    label: 'after warm-up (median of 3)',
    atS: 0,
    jsHeapBytes: median('jsHeapBytes'),
    withCachesBytes: median('withCachesBytes'),
    tfBytes: median('tfBytes'),
    tfTensors: median('tfTensors'),
    gpuBuffers: median('gpuBuffers'),
  };
  for (const r of [...warmUp, base]) log(heapLine(r));
  const t0 = Date.now();
  const readings: MemoryReading[] = [base];
  // Four readings over the changes: a leak grows with their number, a cache filling up does not.
  for (let q = 1; q <= 4; q++) {
    const upTo = Math.round((q * opts.changes) / 4);
    const from = Math.round(((q - 1) * opts.changes) / 4);
    await changeParams(page, WARM_UP_CHANGES + from, upTo - from);
    await page.waitForTimeout(1000);
    readings.push(await reading(page, cdp, `after ${upTo} parameter changes`, t0));
    log(heapLine(readings.at(-1)!));
  }
  const samples = Math.max(1, opts.samples ?? 1);
  for (let s = 1; s <= samples; s++) {
    await play(page, opts.playbackMs / samples);
    readings.push(
      await reading(
        page,
        cdp,
        `after ${((s * opts.playbackMs) / samples / 1000).toFixed(0)} s of playback`,
        t0,
      ),
    );
    log(heapLine(readings.at(-1)!));
  }
  await cdp.detach();
  const ratio = (key: 'jsHeapBytes' | 'tfBytes' | 'gpuBuffers'): number | null => {
    const b = base[key];
    if (b === null) return null;
    let worst = 1;
    for (const r of readings.slice(1)) {
      const v = r[key] ?? 0;
      worst = Math.max(worst, b === 0 ? (v === 0 ? 1 : Infinity) : v / b);
    }
    return worst;
  };
  const worst = {
    jsHeap: ratio('jsHeapBytes') ?? NaN,
    tfBytes: ratio('tfBytes'),
    gpuBuffers: base.tfBytes === null ? null : ratio('gpuBuffers'),
  };
  const ok = (x: number | null) => x === null || x <= 1 + MEMORY_TOLERANCE;
  const backend = await page.evaluate(() => window.ssmLab.backend().name);
  return {
    backend,
    parameterChanges: opts.changes,
    playbackS: opts.playbackMs / 1000,
    tolerance: MEMORY_TOLERANCE,
    warmUp,
    readings,
    worst,
    flat:
      Number.isFinite(worst.jsHeap) &&
      ok(worst.jsHeap) &&
      ok(worst.tfBytes) &&
      ok(worst.gpuBuffers),
  };
}
