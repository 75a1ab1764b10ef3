/**
 * Memory stays flat (issue [E] 3, short form): after a warm-up, 1,000 parameter changes and
 * 20 s of playback leave the JS heap (performance.memory after a forced GC) and the GPU memory
 * (tf.memory(), our WGSL buffers) within 10 % of the level after the warm-up. `npm run bench`
 * runs the same check with 10 minutes of playback and records it in bench/results.json.
 */
import { expect, test } from '@playwright/test';
import { memoryCheck } from './support/memory';

test('1,000 parameter changes and 20 s of playback leave the heap and GPU memory flat', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await page.waitForFunction(() => window.ssmLab?.backend().name === 'webgpu', null, {
    timeout: 60_000,
  });
  // performance.memory is quantised to ~100 kB buckets unless Chromium has
  // --enable-precise-memory-info (playwright.config.ts passes it).
  const r = await memoryCheck(page, {
    changes: 1000,
    playbackMs: 20_000,
    samples: 2,
    log: (s) => console.log(s),
  });
  for (const x of r.readings)
    console.log(
      `${x.label.padEnd(34)} heap ${(x.jsHeapBytes / 2 ** 20).toFixed(2)} MiB, tf ${x.tfBytes ?? '—'} B / ${x.tfTensors ?? '—'} tensors, GPU buffers ${x.gpuBuffers}`,
    );
  expect(r.readings[0]!.jsHeapBytes).toBeGreaterThan(1e6);
  expect(r.worst.jsHeap).toBeLessThanOrEqual(1 + r.tolerance);
  expect(r.worst.tfBytes ?? 1).toBeLessThanOrEqual(1 + r.tolerance);
  expect(r.worst.gpuBuffers ?? 1).toBeLessThanOrEqual(1 + r.tolerance);
  expect(r.flat).toBe(true);
  expect(errors).toEqual([]);
});
