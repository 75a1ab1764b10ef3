import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--enable-unsafe-webgpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
page.on('console', (m) => console.log('console', m.type(), m.text().slice(0, 300)));
page.on('request', (r) => { if (!r.url().startsWith('http://127.0.0.1:4204/')) console.log('req', r.url().slice(0, 100)); });
await page.goto('http://127.0.0.1:4204/');
await page.waitForTimeout(3000);
for (const id of ['signal','basis','coefficients','matrices','eigenvalues','kernel','frequency','equivalence','rtf','performance']) {
  await page.locator(`[data-panel="${id}"]`).scrollIntoViewIfNeeded();
  await page.waitForTimeout(1500);
  const info = await page.locator(`[data-panel="${id}"]`).evaluate((el) => ({
    paths: [...el.querySelectorAll('path[d]')].filter((p) => (p.getAttribute('d') ?? '').length > 20).length,
    classes: [...new Set([...el.querySelectorAll('path[d],rect,circle,canvas,image')].map((p) => p.tagName + '.' + (p.getAttribute('class') ?? '')))].slice(0, 12).join(' '),
    canvas: el.querySelectorAll('canvas').length,
    rects: el.querySelectorAll('rect').length,
    circles: el.querySelectorAll('circle').length,
  }));
  console.log(id, JSON.stringify(info));
}
console.log(await page.evaluate(() => [navigator.serviceWorker.controller?.scriptURL, window.ssmLab.backend()]));
await page.screenshot({ path: '/tmp/pw-harden/probe.png', fullPage: false });
await browser.close();
