import { expect, test, type CDPSession, type Page } from '@playwright/test';

// A phone: touch only, one column (under 800 px).
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

/** A one-finger drag through `points` (page coordinates), as real touch events. */
async function touchDrag(cdp: CDPSession, points: [number, number][]) {
  const at = ([x, y]: [number, number]) => [{ x, y, id: 1, radiusX: 4, radiusY: 4, force: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(points[0]!) });
  for (const p of points.slice(1))
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(p) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

/** The element's box once it has stopped moving (a panel scrolled into view catches up first). */
async function box(page: Page, selector: string) {
  const el = page.locator(selector).first();
  await el.scrollIntoViewIfNeeded();
  let last = '';
  for (let i = 0; i < 40; i++) {
    const b = await el.boundingBox();
    const key = JSON.stringify(b);
    if (b && key === last) return b;
    last = key;
    await page.waitForTimeout(250);
  }
  throw new Error(`${selector} has no stable box`);
}

test('touch: one column on a phone, tap controls, draw a signal and drag a pole with a finger', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await expect(page.locator('[data-panel="signal"] path.recon')).toHaveCount(1);

  // One column: every panel spans the same width, stacked, and nothing overflows the screen.
  const boxes = await page
    .locator('[data-panel]')
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
  expect(boxes).toHaveLength(10);
  for (const b of boxes) {
    expect(b.left).toBeCloseTo(boxes[0]!.left, 0);
    expect(b.width).toBeCloseTo(boxes[0]!.width, 0);
    expect(b.right).toBeLessThanOrEqual(390);
  }
  const scrollW = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollW).toBeLessThanOrEqual(390);

  // A tap on Step forward moves the time cursor by one sample.
  const before = await page.evaluate(() => window.ssmLab.getParams().cursor);
  await page.getByRole('button', { name: 'Step forward' }).tap();
  await expect
    .poll(() => page.evaluate(() => window.ssmLab.getParams().cursor))
    .toBeGreaterThan(before);

  // Draw mode by tap, then a finger stroke across the signal plot draws a new signal.
  const cdp = await page.context().newCDPSession(page);
  await page.locator('[data-param="draw-mode"]').tap();
  const plot = await box(page, '[data-panel="signal"] rect.overlay');
  const stroke: [number, number][] = Array.from({ length: 12 }, (_, i) => [
    plot.x + plot.width * (0.2 + 0.05 * i),
    plot.y + plot.height * (0.15 + 0.05 * (i % 3)),
  ]);
  await touchDrag(cdp, stroke);
  await expect.poll(() => page.evaluate(() => window.ssmLab.getParams().signal)).toBe('drawn');
  const drawn = await page.evaluate(() => window.ssmLab.getParams().drawn);
  expect(drawn.length).toBeGreaterThan(0);
  expect(drawn.every(Number.isFinite)).toBe(true);

  // A finger drags an RTF pole: the denominator a changes, and stays finite.
  const a0 = await page.evaluate(() => window.ssmLab.getParams().rtfA);
  const pole = await box(page, '[data-panel="rtf"] g.handle[data-kind="pole"] circle.hit');
  const cx = pole.x + pole.width / 2;
  const cy = pole.y + pole.height / 2;
  await touchDrag(cdp, [
    [cx, cy],
    [cx - 6, cy],
    [cx - 12, cy],
    [cx - 18, cy],
  ]);
  await expect.poll(() => page.evaluate(() => window.ssmLab.getParams().rtfA)).not.toEqual(a0);
  const a1 = await page.evaluate(() => window.ssmLab.getParams().rtfA);
  expect(a1.every(Number.isFinite)).toBe(true);

  expect(errors).toEqual([]);
});
