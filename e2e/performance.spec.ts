import { expect, test } from '@playwright/test';

test('performance: backend badge, and a cancellable benchmark that never blocks the page', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  const panel = page.locator('[data-panel="performance"]');
  await panel.scrollIntoViewIfNeeded();

  // The badge says what window.ssmLab.backend() says.
  const b = await page.evaluate(() => window.ssmLab.backend());
  await expect(panel.getByTestId('perf-backend')).toHaveText(
    b.name === 'webgpu' ? `WebGPU · ${b.adapter ?? 'adapter'}` : 'CPU (float64)',
  );
  // Designed empty state: axes and an invitation, no series yet.
  await expect(panel.locator('text.empty').first()).toContainText('Run benchmark');
  await expect(panel.locator('path.series')).toHaveCount(0);

  // Run (quick sizes) and watch the main thread: no long task while the kernels are timed.
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  await panel.getByTestId('bench-range').selectOption('quick');
  await panel.getByTestId('bench-run').click();
  await expect(panel.getByTestId('bench-status')).toHaveAttribute('data-status', 'running');
  await expect(panel.locator('progress')).toBeVisible();
  await expect(panel.getByTestId('bench-status')).toHaveAttribute('data-status', 'done', {
    timeout: 110_000,
  });

  // The timing runs in a worker: the page's own tasks stay short (a loaded machine may still
  // stretch one re-render, hence the generous bound; a DPLR call on the main thread is seconds).
  const longest = await page.evaluate(() =>
    Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks),
  );
  expect(longest).toBeLessThan(200);

  // Rows: every (op, N, L) of the plan, timed, with a finite positive median.
  const rows = await panel.locator('[data-testid="bench-rows"] tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      op: tr.getAttribute('data-op'),
      impl: tr.getAttribute('data-impl'),
      N: Number(tr.getAttribute('data-n')),
      L: Number(tr.getAttribute('data-l')),
      ms: Number(tr.getAttribute('data-ms')),
    })),
  );
  const core = rows.filter((r) => r.impl === 'core');
  expect(core.length).toBe(6 * 3 + 3 * 3);
  for (const r of core) {
    expect(Number.isFinite(r.ms)).toBe(true);
    expect(r.ms).toBeGreaterThan(0);
  }
  expect(core.filter((r) => r.op === 'rtf' && r.L === 4096).map((r) => r.N)).toEqual([
    4, 8, 16, 32, 64, 128,
  ]);
  // Both charts: one line per kernel, no NaN.
  await expect(panel.locator('path.series.op-rtf.impl-core')).toHaveCount(2);
  await expect(panel.locator('path.series.op-dplr.impl-core')).toHaveCount(2);
  await expect(panel.locator('path.series.op-s4d.impl-core')).toHaveCount(2);
  const ds = await panel
    .locator('path')
    .evaluateAll((ps) => ps.map((p) => p.getAttribute('d') ?? ''));
  expect(ds.filter((d) => /NaN|Infinity/.test(d))).toEqual([]);
  await expect(panel.locator('.readouts')).toContainText('rtf vs N:');

  // Run again at full size and cancel: it stops, the charts keep what was measured.
  await panel.getByTestId('bench-range').selectOption('full');
  await panel.getByTestId('bench-run').click();
  await expect(panel.getByTestId('bench-status')).toHaveAttribute('data-status', 'running');
  await expect
    .poll(() => panel.locator('[data-testid="bench-rows"] tbody tr').count(), { timeout: 30_000 })
    .toBeGreaterThan(0);
  await panel.getByTestId('bench-cancel').click();
  await expect(panel.getByTestId('bench-status')).toHaveAttribute('data-status', 'cancelled');
  const n = await panel.locator('[data-testid="bench-rows"] tbody tr').count();
  await page.waitForTimeout(1000);
  expect(await panel.locator('[data-testid="bench-rows"] tbody tr').count()).toBe(n);
  expect(errors).toEqual([]);
});
