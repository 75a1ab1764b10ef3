/**
 * The share dialog: the copied link reopens the same view in a new page, the QR code is drawn
 * locally, and a classroom link hides controls and panels, locks parameters and opens a lesson at
 * a step. Copying falls back to a selected field where the Clipboard API is refused.
 */
import { expect, test, type Page } from '@playwright/test';

const params = (page: Page) => page.evaluate(() => window.ssmLab.getParams());

function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

async function openShare(page: Page) {
  await page.getByTestId('share-button').click();
  await expect(page.getByTestId('share-dialog')).toBeVisible();
}

test('copy link: the clipboard holds the link, and it reproduces the view in a new page', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const errors = pageErrors(page);
  await page.goto('/');
  await page.evaluate(() =>
    window.ssmLab.setParams({ measure: 'legt', N: 12, theta: 0.5, dt: 0.02, signal: 'chirp' }),
  );
  await openShare(page);
  const field = page.getByTestId('share-link');
  await expect(field).toHaveValue(/[?&]m=legt/);
  await page.getByTestId('share-link-copy').click();
  await expect(page.getByTestId('share-link-status')).toHaveText('Copied.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await field.inputValue());
  expect(copied).toContain('N=12');

  const want = await params(page);
  const other = await context.newPage();
  const otherErrors = pageErrors(other);
  await other.goto(copied);
  expect(await params(other)).toEqual(want);
  // The controls show the same values, and no notice: the link was clean.
  await expect(other.locator('select[data-param="m"]')).toHaveValue('legt');
  await expect(other.locator('label.control:has(input[data-param="N"]) output')).toHaveText('12');
  await expect(other.locator('select[data-param="sig"]')).toHaveValue('chirp');
  await expect(other.getByTestId('url-notice')).toHaveCount(0);
  expect([...errors, ...otherErrors]).toEqual([]);
});

test('the QR code of the link is drawn in the page, and follows the link', async ({ page }) => {
  await page.goto('/?v=1&N=20');
  await openShare(page);
  const qr = page.getByTestId('share-qr');
  await expect(qr).toBeVisible();
  const modules = Number(await qr.getAttribute('data-modules'));
  // Version 1 is 21 modules; each version adds 4.
  expect(modules).toBeGreaterThanOrEqual(21);
  expect((modules - 21) % 4).toBe(0);
  const d = await qr.locator('path').getAttribute('d');
  expect(d?.split('M').length ?? 0).toBeGreaterThan(modules * 4);
  const box = await qr.boundingBox();
  expect(box!.width).toBeGreaterThan(100);
  // A longer link (a drawn signal) needs a larger code.
  await page.evaluate(() =>
    window.ssmLab.setParams({
      signal: 'drawn',
      drawn: Array.from({ length: 256 }, (_, i) => Math.round(1000 * Math.sin(i * i)) / 1000),
    }),
  );
  await expect
    .poll(async () => Number(await qr.getAttribute('data-modules')))
    .toBeGreaterThan(modules);
});

test('where the Clipboard API is refused, the link is selected for Ctrl+C and the dialog says so', async ({
  page,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new Error('denied')) },
    });
  });
  await page.goto('/?v=1&N=9');
  await openShare(page);
  await page.getByTestId('share-link-copy').click();
  await expect(page.getByTestId('share-link-status')).toContainText('Ctrl+C');
  const sel = await page.getByTestId('share-link').evaluate((el: HTMLInputElement) => ({
    focused: document.activeElement === el,
    start: el.selectionStart,
    end: el.selectionEnd,
    length: el.value.length,
  }));
  expect(sel).toEqual({ focused: true, start: 0, end: sel.length, length: sel.length });
});

test('a classroom link hides controls and panels, locks parameters and opens a lesson step', async ({
  page,
  context,
}) => {
  const errors = pageErrors(page);
  await page.goto('/?v=1&N=24');
  await openShare(page);
  await page.getByTestId('hc-N').check();
  await page.getByTestId('hc-sp').check();
  await page.getByTestId('hp-basis').check();
  await page.getByTestId('hp-performance').check();
  await page.getByTestId('lock-m').check();
  await page.getByTestId('lock-a').check();
  await page.getByTestId('classroom-lesson').selectOption('disc');
  await page.getByTestId('classroom-step').selectOption('2');
  const link = await page.getByTestId('classroom-link').inputValue();
  const q = new URL(link).searchParams;
  expect(Object.fromEntries(q)).toMatchObject({
    hc: 'N,sp',
    hp: 'basis,performance',
    lock: 'm,a',
    ls: 'disc',
    st: '2',
    d: 'forward', // the step's own parameters come with it
    dt: '0.3',
  });
  await expect(page.getByTestId('classroom-qr')).toBeVisible();
  // The teacher's own view is unchanged.
  expect((await params(page)).hideControls).toEqual([]);

  const student = await context.newPage();
  const studentErrors = pageErrors(student);
  await student.goto(link);
  await expect(student.getByTestId('url-notice')).toHaveCount(0);
  // Hidden: the N and speed controls with their labels, the basis and performance panels (and
  // the performance chapter, now empty, with its header link).
  await expect(student.locator('input[data-param="N"]')).toBeHidden();
  await expect(student.locator('label.control:has(input[data-param="N"])')).toBeHidden();
  await expect(student.locator('input[data-param="sp"]')).toBeHidden();
  await expect(student.locator('[data-panel="basis"]')).toBeHidden();
  await expect(student.locator('section#performance')).toBeHidden();
  await expect(student.locator('.topbar nav a[href="#performance"]')).toBeHidden();
  await expect(student.locator('input[data-param="th"]')).toBeVisible();
  await expect(student.locator('[data-panel="signal"]')).toBeVisible();
  // Locked: the measure select and the RTF a field are disabled, titled as locked.
  const measure = student.locator('select[data-param="m"]');
  await expect(measure).toBeDisabled();
  await expect(measure).toHaveAttribute('title', /locked by the teacher/);
  await expect(student.locator('label.control:has(select[data-param="m"])')).toHaveClass(/locked/);
  const a = student.locator('input[data-param="a"]');
  await a.scrollIntoViewIfNeeded();
  await expect(a).toBeDisabled();
  // Poles (a) cannot be dragged; zeros (b, not locked) can.
  const pointer = (sel: string) =>
    student
      .locator(sel)
      .first()
      .evaluate((el) => getComputedStyle(el).pointerEvents);
  expect(await pointer('[data-panel="rtf"] .pole-handle')).toBe('none');
  expect(await pointer('[data-panel="rtf"] .zero-handle')).not.toBe('none');
  await expect(student.locator('select[data-param="d"]')).toBeEnabled();
  // The lesson is open at step 2 with that step's parameters.
  const bar = student.getByTestId('lesson-bar');
  await expect(bar).toHaveAttribute('data-lesson', 'disc');
  await expect(bar).toHaveAttribute('data-step', '2');
  await expect(student.locator('[data-panel="eigenvalues"]')).toHaveAttribute(
    'data-lesson-highlight',
    '',
  );
  expect(await params(student)).toMatchObject({ disc: 'forward', dt: 0.3, lock: ['m', 'a'] });
  // A lock is for the controls only: the console API (and lesson steps) still set the value,
  // and the control stays locked after re-rendering.
  await student.evaluate(() => window.ssmLab.setParams({ measure: 'lagt' }));
  await expect(measure).toHaveValue('lagt');
  await expect(measure).toBeDisabled();
  expect([...errors, ...studentErrors]).toEqual([]);
});

test('a classroom link with unknown ids opens with a notice and keeps the known ones', async ({
  page,
}) => {
  await page.goto('/?v=1&hc=N,zz&hp=Kernel&lock=m');
  const notice = page.getByTestId('url-notice');
  await expect(notice).toContainText('Hidden controls (hc): unknown id “zz” ignored');
  await expect(notice).toContainText('Hidden panels (hp): unknown id “Kernel” ignored');
  await expect(page.locator('input[data-param="N"]')).toBeHidden();
  await expect(page.locator('[data-panel="kernel"]')).toHaveCount(1);
  await expect(page.locator('select[data-param="m"]')).toBeDisabled();
  expect(await params(page)).toMatchObject({ hideControls: ['N'], hidePanels: [], lock: ['m'] });
});
