import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${port}`;

// Debian's Chromium, never a downloaded browser (ENV-WEBGPU.md). Playwright adds headless and a
// fresh profile itself; the rest exposes WebGPU (SwiftShader) and keeps an offline machine quiet.
const chromiumArgs = [
  '--enable-unsafe-webgpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-sandbox',
  // exact performance.memory readings for e2e/memory.spec.ts
  '--enable-precise-memory-info',
];

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // The first WebGPU call of a kind compiles shaders in software: allow for it.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: 'list',
  use: {
    baseURL,
    actionTimeout: 30_000,
    navigationTimeout: 60_000,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: /cpu-fallback\.spec\.ts/,
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: chromiumArgs,
        },
      },
    },
    {
      // Without --enable-unsafe-webgpu, navigator.gpu exists but hands out no adapter: the lab
      // must notice and compute everything on the CPU.
      name: 'chromium-no-webgpu',
      testMatch: /cpu-fallback\.spec\.ts/,
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: chromiumArgs.filter((a) => a !== '--enable-unsafe-webgpu'),
        },
      },
    },
  ],
  webServer: {
    command: `npm run build && npm run preview -- --host 127.0.0.1 --port ${port} --strictPort`,
    url: baseURL,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
