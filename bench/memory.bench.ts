/**
 * `npm run bench:memory [-- --minutes=10 --no-build]`: only the memory check of `npm run bench`
 * (1,000 parameter changes, then 10 minutes of playback; e2e/support/memory.ts), written into
 * the `memory` section of bench/results.json without touching the other sections.
 */
import { chromium } from '@playwright/test';
import { execSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { memoryCheck } from '../e2e/support/memory';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PORT = Number(process.env.BENCH_PORT ?? 4181);
const URL = `http://127.0.0.1:${PORT}/`;
const OUT_DIR = 'dist-bench-memory';
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const minutes = Number(arg('minutes') ?? 10);

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

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build'))
    execSync(`npx vite build --outDir ${OUT_DIR}`, { cwd: root, stdio: 'inherit' });
  const server = spawn(
    'npx',
    ['vite', 'preview', '--outDir', OUT_DIR, '--host', '127.0.0.1', '--port', String(PORT)],
    { cwd: root, stdio: 'ignore', detached: true },
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
    await page.goto(URL);
    await page
      .waitForFunction(() => window.ssmLab?.backend().name === 'webgpu', null, { timeout: 60_000 })
      .catch(() => {});
    console.log(`memory: 1000 parameter changes, then ${minutes} min of playback …`);
    const memory = await memoryCheck(page, {
      changes: 1000,
      playbackMs: minutes * 60_000,
      samples: Math.max(1, Math.round(minutes)),
      log: (s) => console.log(`  ${s}`),
    });
    await browser.close();
    const pct = (x: number | null) => (x === null ? 'n/a' : `${((x - 1) * 100).toFixed(1)} %`);
    console.log(
      `memory (${memory.backend}): worst growth after warm-up — JS heap ${pct(memory.worst.jsHeap)}, tf.memory ${pct(memory.worst.tfBytes)}, GPU buffers ${pct(memory.worst.gpuBuffers)} (limit 10 %): ${memory.flat ? 'flat' : 'NOT FLAT'}`,
    );
    const out = join(root, 'bench/results.json');
    const results = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as object) : {};
    writeFileSync(
      out,
      JSON.stringify(
        { ...results, memory: { date: new Date().toISOString(), ...memory } },
        null,
        2,
      ) + '\n',
    );
    console.log(`wrote the memory section of ${out}`);
    if (!memory.flat) process.exitCode = 1;
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
