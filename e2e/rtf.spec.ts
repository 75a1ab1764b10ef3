import { expect, test, type Page } from '@playwright/test';

const num = (s: string | null) => Number((s ?? '').replace('−', '-'));

/** Poles, zeros, aliasing error and Montel sum of the current params, from window.ssmLab.core. */
async function coreView(page: Page) {
  return page.evaluate(() => {
    const { core, getParams } = window.ssmLab;
    const p = getParams();
    const n = Math.max(p.rtfA.length, p.rtfB.length);
    const a = new Float64Array(n);
    const b = new Float64Array(n);
    a.set(p.rtfA);
    b.set(p.rtfB);
    const poles = core.polyRoots(a);
    // paper convention: zeros of h0·a(z) + b(z), made monic by h0
    const zeros = core.polyRoots(a.map((ai, i) => ai + b[i]! / p.rtfH0));
    const K = core.rtfKernel(a, b, p.rtfH0, p.L);
    const h = core.rtfImpulse(a, b, p.rtfH0, p.L);
    let alias = 0;
    for (let k = 0; k < p.L; k++) alias = Math.max(alias, Math.abs(K[k]! - h[k]!));
    const pairs = (z: { re: Float64Array; im: Float64Array }) =>
      Array.from(z.re, (re, i) => [re, z.im[i]!]).sort((x, y) => x[0]! - y[0]! || x[1]! - y[1]!);
    return {
      a: Array.from(a),
      b: Array.from(b),
      h0: p.rtfH0,
      poles: pairs(poles),
      zeros: pairs(zeros),
      alias,
      montel: a.reduce((s, v) => s + Math.abs(v), 0),
    };
  });
}

async function expectNoNaNPaths(page: Page) {
  const bad = await page
    .locator('[data-panel="rtf"] path')
    .evaluateAll((ps) =>
      ps.map((p) => p.getAttribute('d') ?? '').filter((d) => /NaN|Infinity/.test(d)),
    );
  expect(bad).toEqual([]);
}

function expectSameRoots(x: number[][], y: number[][], tol = 1e-6) {
  expect(x.length).toBe(y.length);
  x.forEach((p, i) => {
    expect(Math.abs(p[0]! - y[i]![0]!)).toBeLessThan(tol);
    expect(Math.abs(p[1]! - y[i]![1]!)).toBeLessThan(tol);
  });
}

test('rtf: pole–zero plot, kernel vs impulse response, Montel bound, all from the core', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  const panel = page.locator('[data-panel="rtf"]');
  const body = panel.locator('.rtf-body');
  await panel.scrollIntoViewIfNeeded();

  // Marks: 3 poles (×) and 3 zeros (○) as focusable handles, the kernel, its error strip.
  await expect(panel.locator('circle.pole-handle')).toHaveCount(3);
  await expect(panel.locator('circle.zero-handle')).toHaveCount(3);
  await expect(panel.locator('circle.unit')).toHaveCount(1);
  for (const sel of ['path.k-exact', 'path.k-fft', 'path.k-corrected', 'path.e-fft']) {
    expect((await panel.locator(sel).getAttribute('d'))?.length ?? 0).toBeGreaterThan(50);
  }
  await expectNoNaNPaths(page);

  // Numbers: the handles are core.polyRoots of a (and of h0·a + b), readouts the core's.
  const v0 = await coreView(page);
  const handleRoots = async (kind: 'pole' | 'zero') =>
    (
      await panel
        .locator(`circle.${kind}-handle`)
        .evaluateAll((cs) => cs.map((c) => [Number(c.dataset.re), Number(c.dataset.im)]))
    ).sort((x, y) => x[0]! - y[0]! || x[1]! - y[1]!);
  expectSameRoots(await handleRoots('pole'), v0.poles, 1e-12);
  expectSameRoots(await handleRoots('zero'), v0.zeros, 1e-9);
  expect(num(await body.getAttribute('data-montel'))).toBeCloseTo(v0.montel, 12);
  expect(num(await body.getAttribute('data-alias-err'))).toBeCloseTo(v0.alias, 18);
  await expect(panel.getByTestId('montel')).toContainText('Σ|aᵢ| = 1.265');
  await expect(panel.getByTestId('montel')).toContainText(/sufficient, not necessary/i);
  const comp = num(await panel.getByTestId('companion').locator('b').getAttribute('data-value'));
  expect(comp).toBeLessThan(1e-12);

  // Drag the pole at 0.9 to the right with the mouse: a changes, the zeros stay put.
  const pole = panel
    .locator('circle.pole-handle[data-re^="0.89"], circle.pole-handle[data-re^="0.9"]')
    .first();
  const box = (await pole.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++)
    await page.mouse.move(box.x + box.width / 2 + 2 * i, box.y + box.height / 2 - 10 * i);
  await page.mouse.up();
  const v1 = await coreView(page);
  expect(v1.a).not.toEqual(v0.a);
  expect(v1.poles.every((p) => p[1] === 0)).toBe(true); // a real pole stays real
  const moved = v1.poles.find((p) => !v0.poles.some((q) => Math.abs(q[0]! - p[0]!) < 1e-9))!;
  expect(moved[0]!).toBeGreaterThan(0.9);
  expectSameRoots(v1.zeros, v0.zeros, 1e-6);
  expectSameRoots(await handleRoots('pole'), v1.poles, 1e-9);
  await expectNoNaNPaths(page);

  // Arrow keys on a focused pole: the real pole at 0.5 moves to 0.51, focus stays on it.
  const half = panel
    .locator('circle.pole-handle[data-re^="0.5"], circle.pole-handle[data-re^="0.49"]')
    .first();
  await half.focus();
  await page.keyboard.press('ArrowRight');
  const v2 = await coreView(page);
  expect(v2.poles.some((p) => Math.abs(p[0]! - 0.51) < 1e-6 && p[1] === 0)).toBe(true);
  await expect(page.locator(':focus')).toHaveAttribute('aria-label', /^pole at 0\.510/);
  await page.keyboard.press('ArrowUp'); // real poles stay real
  expect((await coreView(page)).a).toEqual(v2.a);

  // Edit the coefficients: a two-pole system inside the Montel region.
  await panel.locator('[data-param="a"]').fill('0.5, -0.3');
  await panel.locator('[data-param="a"]').press('Enter');
  await panel.locator('[data-param="h0"]').fill('0.7');
  await panel.locator('[data-param="h0"]').press('Enter');
  await expect.poll(() => page.evaluate(() => window.ssmLab.getParams().rtfH0)).toBe(0.7);
  await expect(panel.locator('circle.pole-handle')).toHaveCount(3); // a padded to n = 3
  await expect(panel.getByTestId('montel')).toHaveClass(/ok/);
  await expect(panel.getByTestId('montel')).toContainText('Σ|aᵢ| = 0.8000');
  const v3 = await coreView(page);
  expect(num(await body.getAttribute('data-alias-err'))).toBeCloseTo(v3.alias, 18);
  expectSameRoots(await handleRoots('zero'), v3.zeros, 1e-9);

  // A pole on the unit circle at a root of unity: words, not a blank panel.
  await panel.locator('[data-param="a"]').fill('-1');
  await panel.locator('[data-param="a"]').press('Enter');
  await panel.locator('[data-param="b"]').fill('1');
  await panel.locator('[data-param="b"]').press('Enter');
  await expect(panel.getByRole('status').filter({ hasText: 'unit circle' }).first()).toBeVisible();
  await expect(panel.getByRole('status').filter({ hasText: 'Unstable' })).toBeVisible();
  await expect(panel.locator('circle.pole-handle')).toHaveCount(1);
  await expectNoNaNPaths(page);

  // S4 → RTF: a small S4 system converts, and its response after h0 is the S4 kernel.
  await page.evaluate(() => window.ssmLab.setParams({ N: 4, dt: 0.1 }));
  await panel.getByTestId('s4-to-rtf').click();
  await expect(panel.getByTestId('conversion')).toContainText('Converted the N = 4');
  const conv = await page.evaluate(() => window.ssmLab.getParams());
  expect(conv.rtfA.length).toBe(4);
  expect(conv.rtfH0).toBe(0);
  const match = num(await panel.getByTestId('conversion').locator('b').textContent());
  expect(match).toBeLessThan(1e-10);
  await page.evaluate(() => window.ssmLab.setParams({ N: 64 }));
  await panel.getByTestId('s4-to-rtf').click();
  await expect(panel.getByTestId('conversion')).toContainText('N ≤ 32');
  expect(errors).toEqual([]);
});
