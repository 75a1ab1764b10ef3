import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kernel } from '../../core/index';
import { currentDiscrete } from '../../state/derived.rtf';
import { numpySnippet, type SnippetParams } from './numpy';

const dir = mkdtempSync(join(tmpdir(), 'ssm-numpy-'));

function runSnippet(p: SnippetParams): number[] {
  const file = join(dir, `k${Math.random().toString(36).slice(2)}.py`);
  writeFileSync(file, numpySnippet(p));
  const out = execFileSync('python3', [file], { encoding: 'utf8', timeout: 60_000 });
  return out.trim().split('\n').map(Number);
}

const base: SnippetParams = {
  measure: 'legs',
  N: 64,
  theta: 1,
  dt: 0.01,
  disc: 'bilinear',
  normalization: 'paper',
  L: 2048,
  seed: 1,
};

const cases: SnippetParams[] = [
  base,
  { ...base, measure: 'legt', N: 16, theta: 0.37, disc: 'zoh', normalization: 'blog', L: 300 },
  { ...base, measure: 'lmu', N: 12, theta: 2.5, dt: 0.003, disc: 'backward', seed: 42, L: 500 },
  { ...base, measure: 'lagt', N: 9, dt: 0.05, disc: 'forward', seed: 7, L: 256 },
  { ...base, measure: 'fout', N: 11, theta: 3, dt: 0.02, disc: 'bilinear', seed: 123, L: 400 },
  { ...base, measure: 'legs', N: 5, dt: 0.7, disc: 'zoh', normalization: 'blog', L: 64 },
];

describe('Reproduce in NumPy', () => {
  it.each(cases)(
    'prints the core kernel: $measure N=$N θ=$theta Δ=$dt $disc $normalization',
    (p) => {
      const K = kernel(currentDiscrete(p), p.L);
      const got = runSnippet(p);
      expect(got).toHaveLength(p.L);
      expect(got.every(Number.isFinite)).toBe(true);
      let scale = 0;
      let err = 0;
      for (let k = 0; k < p.L; k++) {
        scale = Math.max(scale, Math.abs(K[k]!));
        err = Math.max(err, Math.abs(got[k]! - K[k]!));
      }
      expect(scale).toBeGreaterThan(0);
      expect(err / scale).toBeLessThan(1e-10);
    },
    60_000,
  );

  it('embeds the parameters and the seeded read-out C', () => {
    const s = numpySnippet({ ...base, measure: 'fout', N: 7, seed: 9 });
    expect(s).toContain('measure, N, theta, dt = "fout", 6, 1.0, 0.01');
    expect(s).toContain('the lab uses 6 for N = 7');
    const C = currentDiscrete({ ...base, measure: 'fout', N: 7, seed: 9 }).C;
    expect(C).toHaveLength(6);
    expect(s).toContain(C[0]!.toPrecision(17).replace(/\.?0+(e|$)/, '$1'));
  });
});
