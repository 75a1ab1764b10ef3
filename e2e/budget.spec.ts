/**
 * Load budget (issue [E]4), checked on the build the e2e server runs: the initial JavaScript —
 * entry, its static imports, modulepreloads — stays within 400 KB gzip, and tfjs (core and the
 * WebGPU backend) is not part of it but loaded lazily. The first-panel time is a benchmark figure
 * (npm run bench → bench/results.json), not a timed assertion.
 */
import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { INITIAL_JS_BUDGET_BYTES, initialJs } from '../bench/initialJs';

test('initial JavaScript ≤ 400 KB gzip, with tfjs loaded lazily', () => {
  const js = initialJs('dist');
  expect(js.files.map((f) => f.file)).toContainEqual(expect.stringMatching(/^assets\/index-/));
  expect(js.gzipBytes).toBeGreaterThan(10_000); // the React app itself is in there
  expect(js.gzipBytes).toBeLessThanOrEqual(INITIAL_JS_BUDGET_BYTES);

  // tfjs-core registers the IS_BROWSER flag and the WebGPU backend its own flags by name.
  const chunks = readdirSync('dist/assets').filter((f) => f.endsWith('.js'));
  const holding = (marker: string) =>
    chunks.filter((f) => readFileSync(`dist/assets/${f}`, 'utf8').includes(marker));
  const tfjs = [...holding('IS_BROWSER'), ...holding('WEBGPU_DEFERRED_SUBMIT_BATCH_SIZE')];
  expect(tfjs.length).toBeGreaterThanOrEqual(2);
  const initial = new Set(js.files.map((f) => f.file));
  expect(tfjs.filter((f) => initial.has(`assets/${f}`))).toEqual([]);
});
