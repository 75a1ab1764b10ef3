/**
 * Chromium started without --enable-unsafe-webgpu: navigator.gpu exists but gives no adapter.
 * The lab must say so, report the CPU backend, and still compute everything (panels and the
 * ssmLab.gpu functions, answered by the float64 core).
 */
import { expect, test } from '@playwright/test';

test('without a WebGPU adapter the lab computes everything on the CPU', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await expect(page.getByTestId('backend-badge')).toContainText('CPU');
  await page.waitForFunction(() => window.ssmLab?.backend().name === 'cpu');
  const note = await page.getByTestId('backend-badge').getAttribute('title');
  expect(note ?? '').toMatch(/adapter|WebGPU/);
  // Panels draw real numbers.
  await expect(page.locator('[data-panel="signal"] path.recon')).toHaveAttribute('d', /^M/);
  // The §4 functions still answer, from the float64 core, and agree with it.
  const err = await page.evaluate(async () => {
    const lab = window.ssmLab;
    const gpu = lab.gpu as import('../src/gpu/types').GpuCore;
    const a = Float32Array.of(-0.5, 0.1);
    const b = Float32Array.of(0.3, 0.2);
    const y = await gpu.rtfKernels({ H: 1, n: 2, a, b, h0: Float32Array.of(0.1), L: 64 });
    const ref = lab.core.rtfKernel(Float64Array.from(a), Float64Array.from(b), 0.1, 64);
    const x = await gpu.fft(
      Float32Array.from({ length: 8 }, (_, i) => i),
      new Float32Array(8),
      { batch: 1 },
    );
    return { rtf: Math.max(...ref.map((v, i) => Math.abs(v - y[i]!))), dc: x.re[0] };
  });
  expect(err.rtf).toBeLessThan(1e-6);
  expect(err.dc).toBe(28);
  expect(errors).toEqual([]);
});
