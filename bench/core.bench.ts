/**
 * CPU benchmark of the float64 core (Node): ms per call, median of repeated runs after warm-up.
 * Prints a table and writes bench/core.json. Run: npm run bench:core
 * Expected shape: dplr ~ N·L, naive ~ N²·L, generating ~ N²·L + N³, rtf flat in n.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { causalConv, discretize, hippo, recurrence, rtfKernel, s4Kernel } from '../src/core/index';

interface Row {
  op: string;
  method: string;
  N: number | null;
  L: number;
  msMedian: number;
  msMin: number;
  runs: number;
}

/** Deterministic pseudo-random numbers (mulberry32), so runs are comparable. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function time(
  fn: () => unknown,
  budgetMs = 1500,
  maxRuns = 30,
): { msMedian: number; msMin: number; runs: number } {
  fn(); // warm-up (JIT, caches such as the NPLR factors of N)
  const times: number[] = [];
  const start = performance.now();
  while (times.length < maxRuns && (times.length < 3 || performance.now() - start < budgetMs)) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { msMedian: times[Math.floor(times.length / 2)]!, msMin: times[0]!, runs: times.length };
}

const rand = rng(20261129);
const vec = (n: number, scale = 1): Float64Array =>
  Float64Array.from({ length: n }, () => scale * (2 * rand() - 1));
const rows: Row[] = [];
const add = (op: string, method: string, N: number | null, L: number, fn: () => unknown): void => {
  const t = time(fn);
  rows.push({ op, method, N, L, ...t });
  const name = `${op} ${method}`.padEnd(22);
  console.log(
    `${name} N=${String(N ?? '-').padStart(4)} L=${String(L).padStart(6)}  ${t.msMedian.toFixed(3).padStart(10)} ms  (min ${t.msMin.toFixed(3)}, ${t.runs} runs)`,
  );
};

console.log('SSM Lab core benchmark (float64, Node ' + process.version + ')\n');
for (const L of [1024, 8192]) {
  for (const N of [16, 64, 256]) {
    const C = vec(N);
    for (const method of ['naive', 'generating', 'dplr'] as const) {
      add('s4Kernel', method, N, L, () => s4Kernel('legs', N, C, 0.01, L, method));
    }
  }
}
add('s4Kernel', 'dplr', 64, 4096, () => s4Kernel('legs', 64, vec(64), 0.01, 4096, 'dplr'));
for (const n of [16, 64, 512]) {
  // Montel-stable denominators (Σ|a| < 1) so the kernel is well defined.
  const a = vec(n, 0.9 / n);
  const b = vec(n);
  add('rtfKernel', 'fft', n, 16384, () => rtfKernel(a, b, 0.5, 16384));
}
const L = 16384;
const d = discretize({ ...hippo('legs', 64), C: vec(64) }, 0.01, 'bilinear');
const u = vec(L);
const K = vec(L);
add('causalConv', 'fft', null, L, () => causalConv(K, u));
add('recurrence', 'dense', 64, L, () => recurrence(d, u));

const out = join(dirname(fileURLToPath(import.meta.url)), 'core.json');
writeFileSync(
  out,
  JSON.stringify({ node: process.version, date: new Date().toISOString(), rows }, null, 2) + '\n',
);
console.log(`\nwrote ${out}`);
