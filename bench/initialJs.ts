/**
 * The built app's initial JavaScript (issue [E]4): the scripts index.html loads, the chunks it
 * modulepreloads, and every chunk those import statically — what runs before the first panel can
 * draw. Lazily imported chunks (`import("./x.js")`, e.g. tfjs) are not counted. Sizes are gzip
 * (level 9, as a static server would send them).
 */
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The budget: 400 KB gzip (1 KB = 1,000 bytes). */
export const INITIAL_JS_BUDGET_BYTES = 400_000;

export interface InitialJs {
  files: { file: string; gzipBytes: number }[];
  gzipBytes: number;
}

/** Static `import … from "./x.js"` / `import "./x.js"` / `export … from "./x.js"`, minified or not. */
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+\.js)["']/g;

export function initialJs(distDir: string): InitialJs {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const tags = [...html.matchAll(/<(script|link)\b[^>]*>/g)].map((m) => m[0]);
  const entries = tags
    .filter((t) => t.startsWith('<script') || /rel="modulepreload"/.test(t))
    .map((t) => /(?:src|href)="\/([^"]+\.js)"/.exec(t)?.[1])
    .filter((f): f is string => f !== undefined);
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(distDir, file), 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT))
      queue.push(posix.normalize(posix.join(posix.dirname(file), m[1]!)));
  }
  const files = [...seen].map((file) => ({
    file,
    gzipBytes: gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length,
  }));
  return { files, gzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0) };
}
