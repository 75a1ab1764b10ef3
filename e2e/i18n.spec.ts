import { expect, test, type Page } from '@playwright/test';
import { PANELS } from './panels';

/** Han characters in a string. */
const han = (s: string) => (s.match(/\p{Script=Han}/gu) ?? []).length;
/** Letters of English words (3+ letters) that are not names, identifiers or math. */
const NAMES =
  /^(SSM|Lab|LegS|LegT|LMU|LagT|FouT|HiPPO|NPLR|DPLR|RTF|FFT|GPU|CPU|WebGPU|S4D|ssToTf|max|log|cond|rad|paper|blog|ZOH|core|worker|float64|eigenvalues|legsRun|recurrence|causalConv|kernel|nplr|s4dInit|s4Kernel|rtfImpulse|wgsl|bench|frameStats|ssmLab|window|impl|symlog|Cauchy|Woodbury|Vandermonde|Montel|Lin|Inv|Real|Fig|REFERENCE|English|SwiftShader|Google|Vulkan|Chromium|adapter|naive|iFFT|DTFT|DC|exp|tril|dB|ms)$/;
const english = (s: string) =>
  (s.match(/(?<![_\w])[A-Za-z]{3,}(?!\w)/g) ?? []).filter((w) => !NAMES.test(w));

async function panelText(page: Page, id: string): Promise<string> {
  const panel = page.locator(`[data-panel="${id}"]`);
  await panel.scrollIntoViewIfNeeded();
  // Visible text without the KaTeX equations (math stays as it is in both languages).
  return panel.evaluate((el) => {
    const out: string[] = [];
    const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode())
      if (!n.parentElement?.closest('.katex, .equation, [hidden]')) out.push(n.textContent ?? '');
    return out.join(' ');
  });
}

test('?lang=zh renders Chinese in the header, the controls and every panel', async ({ page }) => {
  await page.goto('/?lang=zh');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const header = page.locator('header.topbar');
  await expect(header.getByRole('link', { name: '离散化' })).toBeVisible();
  await expect(page.getByText(/HiPPO 把它见过的一切在线压缩成 N 个数/)).toBeVisible();
  const controls = page.getByRole('group', { name: '参数' });
  await expect(controls.getByText('测度', { exact: true })).toBeVisible();
  await expect(controls.locator('select[data-param="d"] option:checked')).toHaveText('双线性');
  await expect(page.getByRole('button', { name: '▶ 播放' })).toBeVisible();
  for (const id of PANELS) {
    const text = await panelText(page, id);
    const title = await page.locator(`[data-panel="${id}"] h3`).innerText();
    expect(han(title), `${id} title “${title}”`).toBeGreaterThan(0);
    // Mostly Chinese: Han characters outnumber leftover English words many times over.
    const left = english(text);
    expect(han(text), `${id}: ${text.slice(0, 200)}`).toBeGreaterThan(20);
    expect(left.length, `${id} English words: ${left.join(' ')}`).toBeLessThanOrEqual(2);
  }
});

test('the language switch changes the language and keeps every parameter', async ({ page }) => {
  await page.goto('/?m=legt&N=24&dt=0.02&d=zoh&sig=chirp');
  await expect(page.getByRole('heading', { name: 'Memory window' })).toBeVisible();
  const before = await page.evaluate(() => window.ssmLab.getParams());
  await page.locator('select[data-param="lang"]').selectOption('zh');
  await expect(page.getByRole('heading', { name: '记忆窗口' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const after = await page.evaluate(() => window.ssmLab.getParams());
  expect({ ...after, lang: 'en' }).toEqual(before);
  await expect.poll(() => new URL(page.url()).searchParams.get('lang')).toBe('zh');
  // The link keeps the language: a reload opens in Chinese with the same parameters.
  await page.reload();
  await expect(page.getByRole('heading', { name: '记忆窗口' })).toBeVisible();
  expect(await page.evaluate(() => window.ssmLab.getParams())).toEqual(after);
  await page.locator('select[data-param="lang"]').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Memory window' })).toBeVisible();
});
