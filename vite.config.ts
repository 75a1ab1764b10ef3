import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { devCsp } from './vite.csp';

export default defineConfig({
  plugins: [
    react(),
    devCsp(),
    // Offline (issue [D]8): a Workbox service worker precaches every file of the build — hashed
    // chunks including lazy ones (tfjs, workers), KaTeX fonts, index.html — and serves them
    // cache-first. Only `vite build` emits and registers it (devOptions off: never in `vite dev`).
    VitePWA({
      injectRegister: 'script', // <script src="/registerSW.js">: no inline script (CSP)
      registerType: 'autoUpdate',
      manifest: false,
      workbox: {
        // Chromium reads KaTeX's woff2 first and never asks for its woff/ttf copies: leave those out.
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: 'index.html', // any lab URL (?v=1&…) opens from the cache
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  build: {
    target: 'es2022',
    // Fonts stay files (precached), never data: URLs, so the CSP's font-src can stay 'self'.
    assetsInlineLimit: (file) => (/\.(woff2?|ttf)$/.test(file) ? false : undefined),
  },
  test: {
    environment: 'node',
    // Unit tests only; Playwright owns e2e/*.spec.ts.
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    globalSetup: ['test/support/dawn-env.ts'],
  },
});
