/**
 * `npm run bench`: builds the lab, serves it with `vite preview`, drives Debian's Chromium with
 * WebGPU enabled, and measures in one run:
 *  - ssmLab.bench(DEFAULT_SPEC): our WGSL kernels vs tfjs built-ins vs the float64 core;
 *  - interaction latency: a scripted drag of the Δ slider, then ssmLab.frameStats();
 *  - load (issue [E]4): first panel drawn after navigation (first and repeat visit) and the initial
 *    JavaScript size (gzip), each with its budget.
 * Prints tables with the ratios the issues ask for and writes bench/results.json.
 */
import { chromium } from '@playwright/test';
import { spawn, execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { memoryCheck, type MemoryReport } from '../e2e/support/memory';
import { INITIAL_JS_BUDGET_BYTES, initialJs } from './initialJs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PORT = Number(process.env.BENCH_PORT ?? 4180);
/** Issue [E]4: the first panel drawn within 1.5 s of navigation on `vite preview` here. */
const FIRST_PANEL_BUDGET_MS = 1500;
const URL = `http://127.0.0.1:${PORT}/`;
const OUT_DIR = 'dist-bench';

interface Row {
  op: string;
  impl: string;
  backend: string;
  H: number;
  N: number | null;
  L: number;
  msMedian: number;
  msMin: number;
  runs: number;
  relErr?: number;
  error?: string;
}

/** ms from navigation start to the 'ssm:first-panel' mark (Panel.tsx), in the page. */
function readFirstPanel(): number {
  const nav = performance.getEntriesByType('navigation')[0] as
    PerformanceNavigationTiming | undefined;
  const mark = performance.getEntriesByName('ssm:first-panel')[0];
  return mark ? mark.startTime - (nav?.startTime ?? 0) : NaN;
}

async function waitFor(url: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not start at ${url}`);
}

const fmtMs = (x: number) => (Number.isFinite(x) ? x.toFixed(x < 10 ? 3 : 1) : '—');

async function main(): Promise<void> {
  // A build folder of its own, so the benchmark never races an e2e build of dist/.
  if (!process.argv.includes('--no-build'))
    execSync(`npx tsc --noEmit -p . && npx vite build --outDir ${OUT_DIR}`, {
      cwd: root,
      stdio: 'inherit',
    });
  const server = spawn(
    'npx',
    [
      'vite',
      'preview',
      '--outDir',
      OUT_DIR,
      '--host',
      '127.0.0.1',
      '--port',
      String(PORT),
      '--strictPort',
    ],
    {
      cwd: root,
      stdio: 'ignore',
      detached: true,
    },
  );
  try {
    await waitFor(URL, 30_000);
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--enable-unsafe-webgpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-sandbox',
        '--enable-precise-memory-info',
      ],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const t0 = Date.now();
    await page.goto(URL);
    await page
      .locator('[data-panel="signal"] path.recon')
      .waitFor({ state: 'attached', timeout: 30_000 });
    const firstPanelMs = await page.evaluate(readFirstPanel);
    const wallFirstPanel = Date.now() - t0;
    await page
      .waitForFunction(() => window.ssmLab?.backend().name === 'webgpu', null, { timeout: 60_000 })
      .catch(() => {});
    const backend = await page.evaluate(() => window.ssmLab.backend());
    // Let start-up work settle (shader compilation, off-screen panels catching up) before the drag.
    await page.waitForTimeout(4000);

    // Interaction latency: drag a slider back and forth, 121 moves, each sent once the last is
    // handled. First the speed slider, which redraws nothing but itself (what the browser and the
    // harness cost), then Δ, which every visible panel follows.
    const drag = async (param: string) => {
      await page.evaluate(() => window.ssmLab.resetFrameStats());
      const slider = page.locator(`input[data-param="${param}"]`);
      await slider.scrollIntoViewIfNeeded();
      const box = (await slider.boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
      await page.mouse.down();
      for (let i = 0; i <= 120; i++) {
        const f = 0.3 + 0.4 * Math.abs(Math.sin((i / 120) * Math.PI * 2));
        await page.mouse.move(box.x + box.width * f, box.y + box.height / 2);
      }
      await page.mouse.up();
      await page.waitForTimeout(1500);
      return page.evaluate(() => window.ssmLab.frameStats());
    };
    const baseline = await drag('sp');
    await page.evaluate(() => window.ssmLab.setParams({ speed: 1 }));
    const frame = await drag('dt');

    // Playback at the defaults (N = 64): frames that drew a new cursor, per second.
    await page.waitForTimeout(1000);
    await page.evaluate(() => (window.ssmLab.resetPlaybackStats as () => void)());
    await page.locator('[data-param="play"]').click();
    await page.waitForTimeout(5000);
    await page.locator('[data-param="play"]').click();
    const playback = (await page.evaluate(() =>
      (window.ssmLab.playbackStats as () => unknown)(),
    )) as {
      seconds: number;
      steps: number;
      skipped: number;
      framesPerSecond: number;
      stepsPerSecond: number;
    };

    console.log(`backend: ${backend.name}${backend.adapter ? ` (${backend.adapter})` : ''}`);
    console.log('running ssmLab.bench() with the default spec …');
    const rows = (await page.evaluate(() =>
      (window.ssmLab.bench as (s?: unknown) => Promise<unknown>)(),
    )) as Row[];

    // A repeat visit: the service worker now serves the whole build from its cache.
    const again = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await again.goto(URL);
    await again
      .locator('[data-panel="signal"] path.recon')
      .waitFor({ state: 'attached', timeout: 30_000 });
    const firstPanelRepeatMs = await again.evaluate(readFirstPanel);
    // Memory (issue [E] 3): 1,000 parameter changes and 10 minutes of playback on a fresh page
    // (`--memory-minutes=<m>` changes the playback; `--memory-minutes=0` skips the check).
    const memArg = process.argv.find((a) => a.startsWith('--memory-minutes='));
    const memMinutes = memArg ? Number(memArg.split('=')[1]) : 10;
    let memory: MemoryReport | null = null;
    if (memMinutes > 0) {
      console.log(`memory: 1000 parameter changes, then ${memMinutes} min of playback …`);
      const mpage = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await mpage.goto(URL);
      await mpage
        .waitForFunction(() => window.ssmLab?.backend().name === 'webgpu', null, {
          timeout: 60_000,
        })
        .catch(() => {});
      memory = await memoryCheck(mpage, {
        changes: 1000,
        playbackMs: memMinutes * 60_000,
        samples: Math.max(1, Math.round(memMinutes)),
        log: (s) => console.log(`  ${s}`),
      });
      await mpage.close();
    }
    await browser.close();

    const js = initialJs(join(root, OUT_DIR));
    console.log('\nop          impl  H    N     L       median ms    min ms   runs  rel.err');
    for (const r of rows) {
      console.log(
        `${r.op.padEnd(11)} ${r.impl.padEnd(5)} ${String(r.H).padStart(3)} ${String(r.N ?? '-').padStart(4)} ${String(r.L).padStart(6)} ${fmtMs(r.msMedian).padStart(12)} ${fmtMs(r.msMin).padStart(9)} ${String(r.runs).padStart(6)}  ${r.relErr !== undefined ? r.relErr.toExponential(2) : ''}${r.error ? ` ERROR ${r.error}` : ''}`,
      );
    }
    const find = (op: string, impl: string, H: number, N: number | null, L: number) =>
      rows.find(
        (r) =>
          r.op === op && r.impl === impl && r.H === H && (N === null || r.N === N) && r.L === L,
      );
    const ratio = (a?: Row, b?: Row) => (a && b ? b.msMedian / a.msMedian : NaN);
    const targets = {
      fftSpeedupVsTfjs4096: ratio(
        find('fft', 'wgsl', 64, null, 4096),
        find('fft', 'tfjs', 64, null, 4096),
      ),
      fftAccuracyGainVsTfjs4096:
        (find('fft', 'tfjs', 64, null, 4096)?.relErr ?? NaN) /
        (find('fft', 'wgsl', 64, null, 4096)?.relErr ?? NaN),
      rtfN512OverN16:
        (find('rtf', 'wgsl', 64, 512, 16384)?.msMedian ?? NaN) /
        (find('rtf', 'wgsl', 64, 16, 16384)?.msMedian ?? NaN),
      s4dH64SpeedupVsCore4096: ratio(
        find('s4d', 'wgsl', 64, 64, 4096),
        find('s4d', 'core', 64, 64, 4096),
      ),
      dplrH64SpeedupVsCore4096: ratio(
        find('dplr', 'wgsl', 64, 64, 4096),
        find('dplr', 'core', 64, 64, 4096),
      ),
      s4dH64SpeedupVsCore1024: ratio(
        find('s4d', 'wgsl', 64, 64, 1024),
        find('s4d', 'core', 64, 64, 1024),
      ),
      dplrH64SpeedupVsCore1024: ratio(
        find('dplr', 'wgsl', 64, 64, 1024),
        find('dplr', 'core', 64, 64, 1024),
      ),
    };
    console.log('\nratios (same run):');
    console.log(
      `  fft wgsl vs tfjs, 64×4096: ${targets.fftSpeedupVsTfjs4096.toFixed(1)}× faster (target ≥ 20×), ${targets.fftAccuracyGainVsTfjs4096.toExponential(2)}× more accurate (target ≥ 100×)`,
    );
    console.log(
      `  rtf wgsl n=512 / n=16 at H=64, L=16384: ${targets.rtfN512OverN16.toFixed(2)} (target ≤ 1.5)`,
    );
    console.log(
      `  s4d wgsl H=64 vs 64 core calls: ${targets.s4dH64SpeedupVsCore1024.toFixed(2)}× (L=1024), ${targets.s4dH64SpeedupVsCore4096.toFixed(2)}× (L=4096) (target > 1)`,
    );
    console.log(
      `  dplr wgsl H=64 vs 64 core calls: ${targets.dplrH64SpeedupVsCore1024.toFixed(2)}× (L=1024), ${targets.dplrH64SpeedupVsCore4096.toFixed(2)}× (L=4096) (target > 1)`,
    );
    const ms = (p: { p50: number; p95: number; max: number }) =>
      `p50 ${p.p50.toFixed(2)} ms, p95 ${p.p95.toFixed(2)} ms, max ${p.max.toFixed(2)} ms`;
    console.log(
      `\ninteraction (Δ slider drag, ${frame.count} events), input handled → panels drawn: ${ms(frame)} (target p95 ≤ 16)`,
    );
    console.log(
      `  from the event's timeStamp (+ the browser's wait for a frame): ${ms(frame.fromEvent)}`,
    );
    console.log(
      `  baseline, the speed slider (redraws only itself): ${ms(baseline)}; from the timeStamp ${ms(baseline.fromEvent)}`,
    );
    console.log(
      `playback (N = 64, 1×, ${playback.seconds.toFixed(1)} s): ${playback.framesPerSecond.toFixed(2)} frames drawing a new step per second, ${playback.stepsPerSecond.toFixed(2)} steps per second, ${playback.skipped} of ${playback.steps} steps skipped (target ≥ 60 drawn: every step drawn, 60 ± 0.1 over 5 s)`,
    );
    console.log(
      `load: first panel drawn ${fmtMs(firstPanelMs)} ms after navigation start (budget ≤ ${FIRST_PANEL_BUDGET_MS}; wall ${wallFirstPanel} ms; repeat visit from the service worker ${fmtMs(firstPanelRepeatMs)} ms)`,
    );
    console.log(
      `      initial JS ${(js.gzipBytes / 1000).toFixed(1)} KB gzip in ${js.files.length} file(s) (budget ≤ ${INITIAL_JS_BUDGET_BYTES / 1000} KB)`,
    );
    if (memory) {
      const pct = (x: number | null) => (x === null ? 'n/a' : `${((x - 1) * 100).toFixed(1)} %`);
      console.log(
        `memory (${memory.backend}): worst growth after warm-up — JS heap ${pct(memory.worst.jsHeap)}, tf.memory ${pct(memory.worst.tfBytes)}, GPU buffers ${pct(memory.worst.gpuBuffers)} (limit 10 %): ${memory.flat ? 'flat' : 'NOT FLAT'}`,
      );
    }
    const out = join(root, 'bench/results.json');
    writeFileSync(
      out,
      JSON.stringify(
        {
          date: new Date().toISOString(),
          backend,
          frameStats: frame,
          frameStatsBaseline: { ...baseline, slider: 'speed (redraws only itself)' },
          playback: {
            ...playback,
            target:
              'framesPerSecond ≥ 60 at N = 64: at 1× (60 steps per second) every step drawn, skipped = 0; a run that skips none reads 60 ± 0.1 over its 5 s window',
          },
          load: {
            firstPanelMs,
            firstPanelBudgetMs: FIRST_PANEL_BUDGET_MS,
            firstPanelWithinBudget: firstPanelMs <= FIRST_PANEL_BUDGET_MS,
            firstPanelRepeatVisitMs: firstPanelRepeatMs,
            wallFirstPanel,
            initialJsGzipBytes: js.gzipBytes,
            initialJsBudgetBytes: INITIAL_JS_BUDGET_BYTES,
            initialJsWithinBudget: js.gzipBytes <= INITIAL_JS_BUDGET_BYTES,
            files: js.files,
          },
          targets,
          rows,
          ...(memory ? { memory } : {}),
        },
        null,
        2,
      ) + '\n',
    );
    console.log(`\nwrote ${out}`);
  } finally {
    try {
      process.kill(-server.pid!, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
