#!/usr/bin/env node
/**
 * Launcher of the GPU benchmark (npm run bench:gpu): the Vulkan loader is found through
 * LD_LIBRARY_PATH, which must be set before Node starts, so this sets the environment and runs
 * bench/gpu.bench.ts with tsx in a child Node. Unless the caller chose a driver
 * (VK_ICD_FILENAMES or VK_DRIVER_FILES), it uses Chromium's SwiftShader and Vulkan loader, as
 * test/support/dawn-env.ts does for Vitest (CHROMIUM_LIB_DIR, default /usr/lib/chromium).
 * bench/raw-hooks.mjs gives Vite's `?raw` shader imports their text. `--diag` runs
 * bench/gpu-diag.ts (FFT tiles, element-wise workgroup sizes, Dawn toggles) instead.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const env = { ...process.env };
if (!env.VK_ICD_FILENAMES && !env.VK_DRIVER_FILES) {
  const dir = env.CHROMIUM_LIB_DIR ?? '/usr/lib/chromium';
  if (existsSync(join(dir, 'vk_swiftshader_icd.json'))) {
    env.VK_ICD_FILENAMES = join(dir, 'vk_swiftshader_icd.json');
    env.LD_LIBRARY_PATH = env.LD_LIBRARY_PATH ? `${env.LD_LIBRARY_PATH}:${dir}` : dir;
  }
}
const hooks = pathToFileURL(join(here, 'raw-hooks.mjs')).href;
const register = `data:text/javascript,import{register}from'node:module';register(${JSON.stringify(hooks)})`;
const args = process.argv.slice(2);
const script = args.includes('--diag') ? 'gpu-diag.ts' : 'gpu.bench.ts';
const r = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--import',
    register,
    join(here, script),
    ...args.filter((a) => a !== '--diag'),
  ],
  { stdio: 'inherit', env },
);
process.exit(r.status ?? 1);
