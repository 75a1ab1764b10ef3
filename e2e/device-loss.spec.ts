/**
 * A lost WebGPU device (simulated with device.destroy()) switches the lab to the float64 core
 * mid-session: the parameters and the drawn signal are kept, the badge and backend() say CPU,
 * and ssmLab.gpu keeps answering (from the core). A reload gets the GPU back, with the same
 * parameters and drawn signal (they live in the URL).
 */
import { expect, test } from '@playwright/test';

test('losing the GPU device falls back to the CPU without losing state', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await page.waitForFunction(() => window.ssmLab?.backend().name === 'webgpu', null, {
    timeout: 60_000,
  });
  const drawn = Array.from({ length: 64 }, (_, i) => Math.round(1000 * Math.sin(i / 5)) / 1000);
  await page.evaluate(
    (d) => window.ssmLab.setParams({ N: 24, measure: 'legt', signal: 'drawn', drawn: d }),
    drawn,
  );
  const before = await page.evaluate(() => window.ssmLab.getParams());
  await page.evaluate(() => (window.ssmLab.loseGpuDevice as () => void)());
  await page.waitForFunction(() => window.ssmLab.backend().name === 'cpu', null, {
    timeout: 30_000,
  });
  await expect(page.getByTestId('backend-badge')).toContainText('CPU');
  expect(await page.getByTestId('backend-badge').getAttribute('title')).toMatch(/lost/);
  expect(await page.evaluate(() => window.ssmLab.getParams())).toEqual(before);
  const y = await page.evaluate(async () => {
    const gpu = window.ssmLab.gpu as import('../src/gpu/types').GpuCore;
    return Array.from(
      await gpu.causalConv(Float32Array.of(1, 0.5, 0, 0), Float32Array.of(1, 2, 3, 4), 1),
    );
  });
  expect(y).toEqual([1, 2.5, 4, 5.5]);
  await expect(page.locator('[data-panel="signal"] path.recon')).toHaveAttribute('d', /^M/);
  expect((await page.evaluate(() => window.ssmLab.getParams())).drawn).toEqual(before.drawn);

  // Reload: the GPU is back, and so are the parameters and the drawn signal.
  await page.waitForFunction((q) => location.search.includes(q), 'draw=', { timeout: 5_000 });
  await page.reload();
  await page.waitForFunction(() => window.ssmLab?.backend().name === 'webgpu', null, {
    timeout: 60_000,
  });
  await expect(page.getByTestId('backend-badge')).toContainText('WebGPU');
  expect(await page.evaluate(() => window.ssmLab.getParams())).toEqual(before);
  await expect(page.locator('[data-panel="signal"] path.recon')).toHaveAttribute('d', /^M/);
  expect(errors).toEqual([]);
});
