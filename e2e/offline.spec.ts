/**
 * Offline (issue [D]8): after one visit the service worker holds the whole build, so the lab
 * opens and computes with the network cut — here for real: the spec serves dist/ itself, closes
 * that server and sets the context offline before reloading.
 */
import { readdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { serveDist, type DistServer } from './distServer';
import { expect, test, visitAllPanels } from './fixtures';

let server: DistServer;
test.beforeEach(async () => {
  server = await serveDist();
});
test.afterEach(async () => {
  await server.close();
});

/** Waits until the service worker is active and controls the page (precache complete). */
async function controlled(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

const precached = (page: Page) =>
  page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys())
      for (const req of await (await caches.open(name)).keys())
        urls.push(new URL(req.url).pathname);
    return urls;
  });

test('after the first visit the lab loads, draws every panel and recomputes offline', async ({
  page,
  context,
}) => {
  await page.goto(`${server.url}/?v=1&N=32`);
  await expect(page.locator('[data-panel="signal"] path.recon')).toBeAttached();
  await controlled(page);

  // Every file of the build is in the cache, lazy chunks (tfjs, workers) and fonts included.
  const cached = await precached(page);
  const built = readdirSync('dist/assets')
    .filter((f) => /\.(js|css|woff2)$/.test(f))
    .map((f) => `/assets/${f}`);
  expect(built.length).toBeGreaterThan(5);
  expect(built.filter((f) => !cached.includes(f))).toEqual([]);

  await server.close();
  await context.setOffline(true);
  const response = await page.reload();
  expect(response?.fromServiceWorker()).toBe(true);

  await expect(page).toHaveTitle('SSM Lab');
  await expect(page.locator('input[data-param="N"]')).toHaveValue(/\d+/);
  expect(await page.evaluate(() => window.ssmLab.getParams().N)).toBe(32);
  // tfjs is a lazily loaded chunk: WebGPU coming up proves it came out of the cache.
  await page.waitForFunction(() => window.ssmLab?.backend().name === 'webgpu', null, {
    timeout: 60_000,
  });
  await visitAllPanels(page);

  // A parameter change recomputes: switching the measure redraws the reconstruction.
  const signal = page.locator('[data-panel="signal"]');
  await signal.scrollIntoViewIfNeeded();
  const recon = signal.locator('path.recon');
  const before = await recon.getAttribute('d');
  await page.locator('select[data-param="m"]').selectOption('legt');
  await expect(recon).not.toHaveAttribute('d', before ?? '');
  expect(await recon.getAttribute('d')).not.toMatch(/NaN|Infinity/);
  await expect(page).toHaveURL(/[?&]m=legt/);

  // A new tab on another lab link opens from the cache too.
  const second = await context.newPage();
  await second.goto(`${server.url}/?v=1&m=lagt`);
  await expect(second.locator('[data-panel="signal"] path.recon')).toBeAttached();
  expect(await second.evaluate(() => window.ssmLab.getParams().measure)).toBe('lagt');
});

test('a new build replaces the cache: stale files are deleted when the new worker activates', async ({
  page,
}) => {
  await page.goto(`${server.url}/`);
  await controlled(page);
  const firstWorker = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
  expect(firstWorker).toBe(`${server.url}/sw.js`);

  // Leftovers of an older build: a file in the current precache and a precache of an old format.
  const scope = `${server.url}/`;
  const names = await page.evaluate(async (scope) => {
    const current = (await caches.keys()).find((n) => n.includes('-precache-'))!;
    await (await caches.open(current)).put('/assets/old-build-chunk.js', new Response('//'));
    await caches.open(`workbox-precache-v1-${scope}`);
    return { current, all: await caches.keys() };
  }, scope);
  expect(names.all).toContain(`workbox-precache-v1-${scope}`);
  expect(await precached(page)).toContain('/assets/old-build-chunk.js');

  // The next deploy ships a different sw.js; the browser installs and activates it.
  server.append.set('/sw.js', '\n// next build\n');
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    await reg.update();
  });
  await expect
    .poll(() => page.evaluate(() => caches.keys()), { timeout: 30_000 })
    .toEqual([names.current]);
  await expect.poll(() => precached(page)).not.toContain('/assets/old-build-chunk.js');
  // The lab keeps its whole build cached under the new worker.
  expect(await precached(page)).toContain('/index.html');
});
