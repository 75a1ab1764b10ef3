/**
 * Accessibility: axe-core finds no serious or critical violation (WCAG 2.1 A/AA, colour contrast
 * included) in the header, the controls or any panel, in both themes and both languages and in
 * presenter mode; every
 * control is reachable by keyboard with a visible focus ring.
 * A new state to check is one line in STATES.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { PANELS } from './panels';

interface State {
  name: string;
  url: string;
  colorScheme: 'light' | 'dark';
}
const STATES: State[] = [
  { name: 'light, English', url: '/', colorScheme: 'light' },
  { name: 'dark, English', url: '/', colorScheme: 'dark' },
  { name: 'light, 简体中文', url: '/?lang=zh', colorScheme: 'light' },
  { name: 'dark, 简体中文', url: '/?lang=zh', colorScheme: 'dark' },
  { name: 'presenter mode, light, English', url: '/?pm=1', colorScheme: 'light' },
  { name: 'presenter mode, dark, 简体中文', url: '/?pm=1&lang=zh', colorScheme: 'dark' },
];

async function serious(page: Page, include: string): Promise<string[]> {
  const r = await new AxeBuilder({ page })
    .include(include)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${include} ${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n')[1] ?? ''}`)
          .join(' | ')}`,
    );
}

for (const s of STATES) {
  test(`axe: no serious or critical violations, ${s.name}`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.emulateMedia({ colorScheme: s.colorScheme, reducedMotion: 'reduce' });
    await page.goto(s.url);
    await expect(page.locator('html')).toHaveAttribute('data-theme', s.colorScheme);
    await expect(page.locator('[data-panel="signal"] svg path.signal')).toHaveCount(1);
    const found = [
      ...(await serious(page, 'header.topbar')),
      ...(await serious(page, '.controls')),
    ];
    for (const id of PANELS) {
      const panel = page.locator(`[data-panel="${id}"]`);
      await panel.scrollIntoViewIfNeeded();
      // Off-screen panels catch up once they are in view and the page is quiet.
      await page.waitForTimeout(400);
      found.push(...(await serious(page, `[data-panel="${id}"]`)));
    }
    expect(found).toEqual([]);
  });
}

test('the theme switch: auto follows the system, light/dark stick across reloads', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.getByTestId('theme').selectOption('dark');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(bg).toBe('rgb(20, 21, 23)');
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  // Not part of the link: the URL carries no theme.
  expect(page.url()).not.toContain('theme');
  await page.getByTestId('theme').selectOption('auto');
  await expect(html).toHaveAttribute('data-theme', 'light');
});

test('keyboard: the scrubber, play, sliders and RTF poles work without a mouse, focus is visible', async ({
  page,
}) => {
  await page.goto('/?L=256');
  // Tab from the top reaches the language and theme switches, then the controls.
  await page.keyboard.press('Tab');
  const order: string[] = [];
  for (let i = 0; i < 22; i++) {
    order.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return el.dataset.param ?? el.dataset.testid ?? el.tagName.toLowerCase();
      }),
    );
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement as Element).outlineStyle,
    );
    expect(outline, `focus ring on ${order.at(-1)}`).not.toBe('none');
    await page.keyboard.press('Tab');
  }
  for (const want of ['lang', 'theme', 'm', 'N', 'd', 'play', 't'])
    expect(order, order.join(' ')).toContain(want);

  const scrub = page.locator('input[data-param="t"]');
  await scrub.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(scrub).toHaveAttribute('aria-valuetext', 'sample 2 of 256');
  await page.keyboard.press('End');
  await expect(scrub).toHaveAttribute('aria-valuetext', 'sample 255 of 256');

  await page.locator('button[data-param="play"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('button[data-param="play"]')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Space');
  await expect(page.locator('button[data-param="play"]')).toHaveAttribute('aria-pressed', 'false');

  // An RTF pole: focus it, move it with the arrow keys; the coefficients follow.
  const pole = page.locator('[data-panel="rtf"] g.handle[data-kind="pole"] circle.hit').first();
  await pole.scrollIntoViewIfNeeded();
  const before = await page.evaluate(() => window.ssmLab.getParams().rtfA);
  await pole.focus();
  await page.keyboard.press('Shift+ArrowLeft');
  await expect.poll(() => page.evaluate(() => window.ssmLab.getParams().rtfA)).not.toEqual(before);
  const focused = await page.evaluate(() => document.activeElement?.getAttribute('class'));
  expect(focused).toMatch(/\bhit\b/);
});
