/**
 * Faults (issue [E] 2): one panel that throws leaves the others working and recovers with
 * "Reset panel"; a crashed compute worker is reported in words, restarted, and the numbers
 * after it are the core's. (A lost WebGPU device: device-loss.spec.ts.)
 */
import { expect, test, type Page } from '@playwright/test';

/** max |y_rec − y_conv| of the current system, recomputed in the page with ssmLab.core. */
function coreMaxAbs(page: Page): Promise<number> {
  return page.evaluate(() => {
    const { core } = window.ssmLab;
    const p = window.ssmLab.getParams();
    const g = core.gaussian(core.rng(p.seed ^ 0x5eed));
    const C = Float64Array.from({ length: p.N }, () => g() / Math.sqrt(p.N));
    const d = core.discretize(
      { ...core.hippo(p.measure, p.N, { theta: p.theta, normalization: p.normalization }), C },
      p.dt,
      p.disc,
    );
    const u = core.signalPreset(p.signal as Parameters<typeof core.signalPreset>[0], p.L, p.seed);
    const yRec = core.recurrence(d, u);
    const yConv = core.causalConv(core.kernel(d, p.L), u);
    let m = 0;
    for (let k = 0; k < p.L; k++) m = Math.max(m, Math.abs(yRec[k]! - yConv[k]!));
    return m;
  });
}
const num = (s: string | null) => Number((s ?? '').replace('−', '-'));

test('a panel that throws leaves the others working; "Reset panel" brings it back', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // The hook exists only when the page starts with this flag (never from a URL).
  await page.addInitScript(() => {
    window.__ssmLabTestHooks = true;
  });
  await page.goto('/');
  const basis = page.locator('[data-panel="basis"]');
  await expect(basis.locator('svg').first()).toBeVisible({ timeout: 30_000 });
  await page.evaluate(() => window.ssmLab.__failPanel!('basis'));
  const alert = page.locator('[data-panel-error="basis"]');
  await expect(alert).toContainText('This panel hit an error: test fault injected');
  await expect(basis).toHaveCount(0); // the whole slot shows the error instead

  // The other panels keep following the parameters.
  await page.evaluate(() => window.ssmLab.setParams({ N: 12 }));
  await expect(page.locator('[data-panel="signal"] .readouts')).toContainText('12');
  await expect(page.locator('[data-panel="signal"] path.recon')).toHaveAttribute('d', /^M/);
  await expect(page.locator('[data-panel="matrices"]')).toBeVisible();

  await alert.getByRole('button', { name: 'Reset panel' }).click();
  await expect(alert).toHaveCount(0);
  await expect(basis.locator('svg').first()).toBeVisible();
  await expect(basis).toContainText('12');
  expect(errors).toEqual([]);
});

test('without the test flag there is no fault hook', async ({ page }) => {
  await page.goto('/?__ssmLabTestHooks=1');
  await page.waitForFunction(() => window.ssmLab !== undefined);
  expect(await page.evaluate(() => typeof window.ssmLab.__failPanel)).toBe('undefined');
});

test('a crashed compute worker is reported, restarted, and the numbers stay right', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  const panel = page.locator('[data-panel="equivalence"]');
  await panel.scrollIntoViewIfNeeded();
  const meter = panel.getByTestId('equivalence-meter');
  await expect(meter).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });

  await page.evaluate(() => window.ssmLab.crashWorker());
  const notice = page.getByTestId('worker-notice');
  await expect(notice).toContainText('The compute worker crashed', { timeout: 15_000 });
  await expect(notice).toContainText('restarted');

  // The next computation runs in a fresh worker and equals the core.
  await page.evaluate(() => window.ssmLab.setParams({ N: 40, measure: 'legt' }));
  await expect(panel.locator('.readouts')).toContainText('N = 40', { timeout: 30_000 });
  await expect(meter).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
  const want = await coreMaxAbs(page);
  await expect
    .poll(async () => num(await meter.getAttribute('data-max-abs')), { timeout: 30_000 })
    .toBeCloseTo(want, 20);

  // Crashing while a job is in flight: the job is redone in the restarted worker.
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  await page.evaluate(() => {
    window.ssmLab.setParams({ N: 48 });
    window.ssmLab.crashWorker();
  });
  await expect(notice).toBeVisible({ timeout: 15_000 });
  await expect(panel.locator('.readouts')).toContainText('N = 48', { timeout: 30_000 });
  const want48 = await coreMaxAbs(page);
  await expect
    .poll(async () => num(await meter.getAttribute('data-max-abs')), { timeout: 30_000 })
    .toBeCloseTo(want48, 20);
  expect(errors).toEqual([]);
});

test('non-finite numbers: a warning in words and the last good view, dimmed', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  const noNaN = async (sel: string) =>
    expect(
      await page
        .locator(`${sel} path`)
        .evaluateAll((ps) =>
          ps.map((p) => p.getAttribute('d') ?? '').filter((d) => /NaN|Inf/.test(d)),
        ),
    ).toEqual([]);

  // Signal panel: LegS with forward Euler blows up at N = 64.
  const signal = page.locator('[data-panel="signal"]');
  await expect(signal.locator('path.recon')).toHaveAttribute('d', /^M/, { timeout: 30_000 });
  await page.evaluate(() => window.ssmLab.setParams({ measure: 'legs', disc: 'forward', N: 64 }));
  await expect(signal.locator('.warning')).toContainText('blew up');
  await expect(signal.locator('.last-good.stale')).toBeVisible();
  await expect(signal.locator('path.recon')).toHaveAttribute('d', /^M/);
  await noNaN('[data-panel="signal"]');
  await page.evaluate(() => window.ssmLab.setParams({ disc: 'bilinear' }));
  await expect(signal.locator('.last-good.stale')).toHaveCount(0);

  // RTF panel: a pole at z = 3 makes the exact response overflow float64 (3^k) within L taps.
  const rtf = page.locator('[data-panel="rtf"]');
  await rtf.scrollIntoViewIfNeeded();
  await expect(rtf.locator('path.k-exact')).toHaveAttribute('d', /^M/, { timeout: 30_000 });
  const good = await rtf.locator('path.k-exact').getAttribute('d');
  await page.evaluate(() => window.ssmLab.setParams({ rtfA: [-3], rtfB: [1], L: 2048 }));
  await expect(rtf.getByRole('status').filter({ hasText: 'overflows from tap' })).toBeVisible();
  await expect(rtf.locator('.last-good.stale')).toBeVisible();
  expect(await rtf.locator('path.k-exact').getAttribute('d')).toBe(good);
  await noNaN('[data-panel="rtf"]');
  await page.evaluate(() => window.ssmLab.setParams({ rtfA: [-0.5] }));
  await expect(rtf.locator('.last-good.stale')).toHaveCount(0);
  expect(await rtf.locator('path.k-exact').getAttribute('d')).not.toBe(good);
  expect(errors).toEqual([]);
});
