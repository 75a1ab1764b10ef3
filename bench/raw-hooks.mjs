/**
 * Node module hooks for the GPU benchmark: Vite's `import text from './file.wgsl?raw'` gives the
 * file's text, as under Vite and Vitest. Registered by bench/gpu.mjs (after tsx, so it runs first).
 */
import { readFile } from 'node:fs/promises';

export async function load(url, context, nextLoad) {
  if (url.startsWith('file:') && url.endsWith('?raw')) {
    const text = await readFile(new URL(url.slice(0, -'?raw'.length)), 'utf8');
    return {
      format: 'module',
      source: `export default ${JSON.stringify(text)};`,
      shortCircuit: true,
    };
  }
  return nextLoad(url, context);
}
