import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { initialJs } from '../../bench/initialJs';

/** A miniature dist/: entry → static chunk → its static chunk; a lazy chunk; a preloaded one. */
function fakeDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ssm-dist-'));
  mkdirSync(join(dir, 'assets'));
  const files: Record<string, string> = {
    'index.html': `<!doctype html><head>
      <script type="module" crossorigin src="/assets/index-a.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/pre-b.js">
      <link rel="stylesheet" href="/assets/index-c.css">
      <script id="vite-plugin-pwa:register-sw" src="/registerSW.js"></script></head>`,
    'assets/index-a.js': `import{x as y}from"./shared-d.js";const l=()=>import("./lazy-e.js");`,
    'assets/shared-d.js': `import "./deep-f.js";export const x=1;`,
    'assets/deep-f.js': 'export{};'.repeat(50),
    'assets/pre-b.js': 'export const p=2;',
    'assets/lazy-e.js': 'export const huge="' + 'z'.repeat(5000) + '";',
    'assets/index-c.css': 'body{}',
    'registerSW.js': 'navigator.serviceWorker.register("/sw.js")',
  };
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
  return dir;
}

describe('initialJs', () => {
  it('counts the entry, its static imports, modulepreloads and scripts — not lazy chunks', () => {
    const dir = fakeDist();
    const js = initialJs(dir);
    expect(js.files.map((f) => f.file).sort()).toEqual([
      'assets/deep-f.js',
      'assets/index-a.js',
      'assets/pre-b.js',
      'assets/shared-d.js',
      'registerSW.js',
    ]);
    for (const f of js.files)
      expect(f.gzipBytes).toBe(gzipSync(readFileSync(join(dir, f.file)), { level: 9 }).length);
    expect(js.gzipBytes).toBe(js.files.reduce((s, f) => s + f.gzipBytes, 0));
  });
});
