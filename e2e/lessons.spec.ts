/**
 * Lessons: a chapter opens from the header, the keyboard steps through it (the step and its
 * parameters land in the URL, its panel comes into view with a ring), and every step's live claim
 * shows numbers computed in the browser — checked here against window.ssmLab.core.
 */
import { expect, test, type Page } from '@playwright/test';

const params = (page: Page) => page.evaluate(() => window.ssmLab.getParams());
const claimValues = async (page: Page): Promise<number[]> =>
  JSON.parse((await page.getByTestId('lesson-claim').getAttribute('data-values')) ?? '[]');

/** Waits for the URL (written at most every 200 ms) to show `key=value`. */
async function urlHas(page: Page, key: string, value: string) {
  await expect.poll(async () => new URL(page.url()).searchParams.get(key)).toBe(value);
}

test('a lesson opens from the header; the keyboard steps through it, URL, parameters and panel follow', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/?v=1&N=100');
  await page.getByTestId('lesson-select').selectOption('hippo');
  const bar = page.getByTestId('lesson-bar');
  await expect(bar).toHaveAttribute('data-step', '1');
  await urlHas(page, 'ls', 'hippo');
  expect(await params(page)).toMatchObject({ lesson: 'hippo', step: 1, N: 32, measure: 'legs' });
  await expect(page.locator('[data-panel="signal"]')).toHaveAttribute('data-lesson-highlight', '');

  // Focus leaves the select (keys typed into a select belong to it).
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('ArrowRight');
  await expect(bar).toHaveAttribute('data-step', '2');
  await urlHas(page, 'st', '2');
  expect(await params(page)).toMatchObject({ step: 2, N: 8 });
  const matrices = page.locator('[data-panel="matrices"]');
  await expect(matrices).toHaveAttribute('data-lesson-highlight', '');
  await expect(matrices).toBeInViewport();
  await expect(page.locator('[data-lesson-highlight]')).toHaveCount(1);

  await page.keyboard.press('PageDown');
  await expect(bar).toHaveAttribute('data-step', '3');
  await urlHas(page, 'st', '3');
  await expect(page.locator('[data-panel="eigenvalues"]')).toHaveAttribute(
    'data-lesson-highlight',
    '',
  );
  await expect(page.getByTestId('lesson-title')).toHaveText('LegS eigenvalues are −1 … −N');

  await page.keyboard.press('ArrowLeft');
  await expect(bar).toHaveAttribute('data-step', '2');
  await page.keyboard.press('PageUp');
  await expect(bar).toHaveAttribute('data-step', '1');
  await expect(page.getByTestId('lesson-back')).toBeDisabled();
  await page.keyboard.press('ArrowLeft'); // at the start: stays
  await expect(bar).toHaveAttribute('data-step', '1');

  // The buttons do the same; the last step disables Next.
  for (let k = 2; k <= 6; k++) {
    await page.getByTestId('lesson-next').click();
    await expect(bar).toHaveAttribute('data-step', String(k));
  }
  await expect(page.getByTestId('lesson-next')).toBeDisabled();
  await urlHas(page, 'st', '6');

  // Closing the lesson removes it from the URL.
  await page.getByRole('button', { name: 'Close the lesson' }).click();
  await expect(bar).toHaveCount(0);
  await expect.poll(async () => new URL(page.url()).searchParams.get('ls')).toBeNull();
  expect(errors).toEqual([]);
});

test('keys pressed in a control belong to it, not to the lesson', async ({ page }) => {
  await page.goto('/?v=1&ls=disc&st=2');
  const bar = page.getByTestId('lesson-bar');
  await expect(bar).toHaveAttribute('data-step', '2');
  const N = page.locator('input[data-param="N"]');
  await N.focus();
  const before = (await params(page)).N;
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await params(page)).N).toBe(before + 1);
  await expect(bar).toHaveAttribute('data-step', '2');
});

test('a step past the chapter’s end shows its last step; the link opens at the step without re-applying it', async ({
  page,
}) => {
  await page.goto('/?v=1&ls=rtf&st=9&N=40');
  const bar = page.getByTestId('lesson-bar');
  await expect(bar).toHaveAttribute('data-step', '6');
  await expect(bar).toContainText('Step 6 of 6');
  // The link's own parameters win: opening a link does not overwrite N.
  expect((await params(page)).N).toBe(40);
});

test('hippo: the LegS eigenvalue claim shows −1 … −N computed now, matching core.eigenvalues', async ({
  page,
}) => {
  await page.goto('/?v=1&ls=hippo&st=3&N=8');
  const claim = page.getByTestId('lesson-claim');
  await expect(claim).toContainText('−1.000, −2.000, −3.000, …, −7.000, −8.000');
  for (const N of [8, 13]) {
    await page.evaluate((n) => window.ssmLab.setParams({ N: n }), N);
    await expect.poll(async () => (await claimValues(page)).length).toBe(N + 1);
    const want = await page.evaluate((n) => {
      const c = window.ssmLab.core;
      const z = c.eigenvalues(c.hippo('legs', n).A, n);
      return Array.from(z.re).sort((a, b) => b - a);
    }, N);
    const got = await claimValues(page);
    want.forEach((w, i) => expect(Math.abs(got[i]! - w)).toBeLessThan(1e-9));
    want.forEach((w, i) => expect(Math.abs(w + i + 1)).toBeLessThan(1e-9));
    await expect(claim).toContainText(`N = ${N}`);
  }
  // LegT's trace claim (step 5): eigenvalues sum to −N²/θ.
  await page.evaluate(() => window.ssmLab.setParams({ step: 5, N: 6, theta: 2 }));
  await expect.poll(async () => (await claimValues(page))[1]).toBe(-18);
  const sum = await page.evaluate(() => {
    const c = window.ssmLab.core;
    return Array.from(c.eigenvalues(c.hippo('legt', 6, { theta: 2 }).A, 6).re).reduce(
      (a, b) => a + b,
    );
  });
  expect(Math.abs((await claimValues(page))[0]! - sum)).toBeLessThan(1e-9);
});

test('disc: Ā’s eigenvalues under each scheme match core.discretize, and forward Euler’s radius is 1.4', async ({
  page,
}) => {
  await page.goto('/?v=1&ls=disc&st=1&N=8&dt=0.1');
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  const check = async () => {
    const p = await params(page);
    const want = await page.evaluate(({ N, dt, disc }) => {
      const c = window.ssmLab.core;
      const d = c.discretize(c.hippo('legs', N), dt, disc);
      const z = c.eigenvalues(d.Ab, N);
      const rho = Math.max(...Array.from(z.re, (r, i) => Math.hypot(r, z.im[i]!)));
      return [rho, ...Array.from(z.re).sort((a, b) => a - b)];
    }, p);
    const got = await claimValues(page);
    expect(got.length).toBe(want.length + 1);
    expect(Math.abs(got[0]! - want[0]!)).toBeLessThan(1e-12);
    want.slice(1).forEach((w, i) => expect(Math.abs(got[i + 2]! - w)).toBeLessThan(1e-9));
    return got;
  };
  await expect(page.getByTestId('lesson-claim')).toContainText('0.4286');
  await check();
  await page.keyboard.press('ArrowRight'); // forward Euler, Δ = 0.3
  await expect(page.getByTestId('lesson-bar')).toHaveAttribute('data-step', '2');
  await expect.poll(async () => (await claimValues(page))[0]).toBeCloseTo(1.4, 9);
  await check();
  // Timescale equivariance (step 4): the stretched input's states match to rounding.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('lesson-bar')).toHaveAttribute('data-step', '4');
  const [err, norm] = await claimValues(page);
  expect(norm).toBeGreaterThan(0.05);
  expect(err).toBeLessThan(1e-10);
});

test('s4: ρ(Ā), the NPLR eigenvalues and the DPLR kernel match the core', async ({ page }) => {
  await page.goto('/?v=1&ls=s4&st=1');
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await expect(page.getByTestId('lesson-claim')).toContainText('ρ(Ā) = 0.99');
  const rho = await page.evaluate(() => {
    const c = window.ssmLab.core;
    const d = c.discretize(c.hippo('legs', 64), 0.01, 'bilinear');
    const z = c.eigenvalues(d.Ab, 64);
    return Math.max(...Array.from(z.re, (r, i) => Math.hypot(r, z.im[i]!)));
  });
  expect(Math.abs((await claimValues(page))[0]! - rho)).toBeLessThan(1e-12);

  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('lesson-bar')).toHaveAttribute('data-step', '3');
  const omega = await page.evaluate(() => {
    const { Lambda } = window.ssmLab.core.nplr(8);
    return {
      re: Array.from(Lambda.re),
      im: Array.from(Lambda.im, Math.abs)
        .sort((a, b) => a - b)
        .filter((_, i) => i % 2 === 0),
    };
  });
  const v = await claimValues(page);
  expect(v[0]).toBeCloseTo(Math.min(...omega.re), 12);
  omega.im.forEach((w, i) => expect(v[2 + i]).toBeCloseTo(w, 9));
  expect(v[2]).toBeCloseTo(0.4274887123, 8);

  await page.keyboard.press('ArrowRight'); // Woodbury + Cauchy: DPLR = powering
  await expect(page.getByTestId('lesson-bar')).toHaveAttribute('data-step', '4');
  const [err, kmax] = await claimValues(page);
  expect(kmax).toBeGreaterThan(1e-3);
  expect(err).toBeLessThan(1e-8 * kmax!);
  await expect(page.getByTestId('lesson-claim')).toContainText('N = 64, L = 1024');
});

test('rtf: the aliasing fixed by b̃ and the Montel numbers match the core', async ({ page }) => {
  await page.goto('/?v=1&ls=rtf&st=1');
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('ArrowRight'); // arriving at a step applies its parameters (L = 16)
  await expect(page.getByTestId('lesson-bar')).toHaveAttribute('data-step', '2');
  await expect.poll(async () => (await params(page)).L).toBe(16);
  const want = await page.evaluate(() => {
    const c = window.ssmLab.core;
    const { rtfA, rtfB, rtfH0, L } = window.ssmLab.getParams();
    const a = Float64Array.from(rtfA);
    const b = Float64Array.from(rtfB);
    const h = c.rtfImpulse(a, b, rtfH0, L);
    const diff = (k: Float64Array) =>
      Math.max(...Array.from(k).map((x, i) => (i ? Math.abs(x - h[i]!) : 0)));
    return [
      diff(c.rtfKernel(a, b, rtfH0, L)),
      diff(c.rtfKernel(a, c.rtfCorrect(a, b, L), rtfH0, L)),
    ];
  });
  const got = await claimValues(page);
  expect(got[0]).toBeCloseTo(want[0]!, 12);
  expect(got[0]).toBeGreaterThan(0.03); // L = 16: visibly aliased
  expect(got[1]).toBeLessThan(1e-12);

  await page.evaluate(() => window.ssmLab.setParams({ step: 6 }));
  await expect(page.getByTestId('lesson-title')).toHaveText('Montel: a sufficient stability test');
  const r = await page.evaluate(() => {
    const z = window.ssmLab.core.polyRoots(Float64Array.from(window.ssmLab.getParams().rtfA));
    return Math.max(...Array.from(z.re, (x, i) => Math.hypot(x, z.im[i]!)));
  });
  const [sum, radius] = await claimValues(page);
  expect(sum).toBeCloseTo(1.265, 12);
  expect(radius).toBeCloseTo(r, 12);
  await expect(page.getByTestId('lesson-claim')).toContainText('Σ|a_i| = 1.265');
});

for (const [lesson, steps] of [
  ['hippo', 6],
  ['disc', 6],
  ['s4', 7],
  ['rtf', 6],
] as const) {
  test(`${lesson}: every step shows its words and, where it makes a claim, finite numbers`, async ({
    page,
  }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`/?v=1&ls=${lesson}`);
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    for (let k = 1; k <= steps; k++) {
      if (k > 1) await page.keyboard.press('ArrowRight');
      const bar = page.getByTestId('lesson-bar');
      await expect(bar).toHaveAttribute('data-step', String(k));
      expect(new URL(page.url()).searchParams.get('ls')).toBe(lesson);
      await expect(page.getByTestId('lesson-title')).not.toHaveText(/^lessons\./);
      await expect(bar.locator('.lesson-text')).not.toHaveText(/^lessons\./);
      const claim = page.getByTestId('lesson-claim');
      if (lesson === 'rtf' && k === 3) {
        await expect(claim).toHaveCount(0); // the benchmark step measures, it claims nothing
        continue;
      }
      await expect(claim).not.toContainText(/\{[A-Za-z]+\}/); // no unfilled placeholder
      const v = await claimValues(page);
      expect(v.length, `${lesson} ${k}`).toBeGreaterThan(0);
      expect(v.every(Number.isFinite), `${lesson} ${k}: ${v}`).toBe(true);
    }
    // The last step: Next is disabled and the keyboard stays put.
    await expect(page.getByTestId('lesson-next')).toBeDisabled();
    expect(errors).toEqual([]);
  });
}

test('lessons in 简体中文 (lang=zh): the words are Chinese, the numbers the same', async ({
  page,
}) => {
  await page.goto('/?v=1&lang=zh&ls=hippo&st=3&N=8');
  await expect(page.getByTestId('lesson-title')).toHaveText('LegS 的特征值是 −1 … −N');
  await expect(page.getByTestId('lesson-claim')).toContainText('N = 8 时计算得到的特征值');
  await expect(page.getByTestId('lesson-bar')).toContainText('第 3 步，共 6 步');
  await expect(page.getByTestId('lesson-next')).toContainText('下一步');
  const v = await claimValues(page);
  expect(v.slice(0, 8).map(Math.round)).toEqual([-1, -2, -3, -4, -5, -6, -7, -8]);
});
