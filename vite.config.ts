import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/*
 * index.html carries the lab's strict Content Security Policy (issue [E]5). `vite dev` cannot run
 * under it: React Refresh installs itself with an inline <script>, CSS arrives as inline <style>
 * elements, and hot-module reload talks over a WebSocket. devCsp() serves index.html in dev with
 * exactly those allowances added; `vite build` and `vite preview` keep the strict policy.
 */
const META = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/;

function relaxForDev(policy: string): string {
  const add: Record<string, string> = {
    'script-src': "'unsafe-inline'",
    'style-src': "'unsafe-inline'",
    'connect-src': 'ws://127.0.0.1:* ws://localhost:*',
  };
  return policy
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean)
    .map((d) => {
      const name = d.split(/\s+/)[0] ?? '';
      return name in add ? `${d} ${add[name]}` : d;
    })
    .join('; ');
}

function devCsp(): Plugin {
  return {
    name: 'ssm-lab:dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      if (!META.test(html)) throw new Error('index.html lost its Content-Security-Policy meta');
      return html.replace(META, (_, open: string, policy: string, close: string) => {
        return `${open}${relaxForDev(policy)}${close}`;
      });
    },
  };
}

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
