import { english } from '../../state/i18n';
import { describe, expect, it } from 'vitest';
import {
  causalConv,
  discretize,
  gaussian,
  hippo,
  kernel,
  recurrence,
  rng,
  signalPreset,
} from '../../core/index';
import {
  compare,
  digitsWords,
  envelopePath,
  equivalenceKey,
  equivalenceRun,
  errorEnvelopePath,
  meterX,
  timeScale,
} from './equivalence.model';

function system(measure: 'legs' | 'legt', N: number, dt: number, disc: 'bilinear' | 'forward') {
  const g = gaussian(rng(1 ^ 0x5eed));
  const C = Float64Array.from({ length: N }, () => g() / Math.sqrt(N));
  return discretize({ ...hippo(measure, N), C }, dt, disc);
}

describe('equivalenceRun', () => {
  it('returns exactly the core values: recurrence, kernel, causalConv, and their comparison', () => {
    const d = system('legs', 16, 0.01, 'bilinear');
    const u = signalPreset('sines', 512, 1);
    const r = equivalenceRun(d, u);
    expect(Array.from(r.yRec)).toEqual(Array.from(recurrence(d, u)));
    expect(Array.from(r.K)).toEqual(Array.from(kernel(d, 512)));
    expect(Array.from(r.yConv)).toEqual(Array.from(causalConv(kernel(d, 512), u)));
    expect(r.problem).toBeNull();
    expect(r.cmp!.rel).toBeLessThan(1e-12);
    expect(r.cmp!.maxAbs).toBeGreaterThan(0);
    expect(r.ms.recurrence).toBeGreaterThanOrEqual(0);
  });

  it('recurrence = convolution at the defaults (N = 64, L = 2048) to f64 rounding', () => {
    const d = system('legs', 64, 0.01, 'bilinear');
    const u = signalPreset('sines', 2048, 1);
    const r = equivalenceRun(d, u);
    expect(r.cmp!.rel).toBeLessThan(1e-12);
  });

  it('says in words when an unstable discretisation overflows, instead of comparing NaN', () => {
    const d = system('legt', 8, 1, 'forward');
    const u = signalPreset('sines', 4096, 1);
    const r = equivalenceRun(d, u);
    expect(r.cmp).toBeNull();
    expect(english(r.problem!)).toMatch(/unstable/);
  });

  it('forces D = 0 (the kernel carries no feed-through)', () => {
    const d = { ...system('legs', 4, 0.1, 'bilinear'), D: 3 };
    const u = signalPreset('step', 64, 1);
    const r = equivalenceRun(d, u);
    expect(Array.from(r.yRec)).toEqual(Array.from(recurrence({ ...d, D: 0 }, u)));
  });
});

describe('compare, meter and words', () => {
  it('max abs and relative error against the reference', () => {
    const c = compare([1, -2, 4], [1, -2.5, 4]);
    expect(c.maxAbs).toBe(0.5);
    expect(c.rel).toBe(0.125);
    expect(c.at).toBe(1);
    expect(compare([0, 0], [0, 0]).rel).toBeNaN();
    expect(compare([1, 2], [1, Infinity]).maxAbs).toBe(Infinity);
  });
  it('places errors on a log meter, exact matches at the left end', () => {
    expect(meterX(0, 300)).toBe(0);
    expect(meterX(1, 300)).toBeCloseTo(300, 9);
    expect(meterX(1e-9, 300)).toBeCloseTo(150, 9);
    expect(meterX(Infinity, 300)).toBe(300);
    expect(english(digitsWords(3e-16))).toBe('agree to 15 significant digits');
    expect(english(digitsWords(0))).toMatch(/bit for bit/);
    expect(english(digitsWords(NaN))).toBe('nothing to compare: the output is zero');
    expect(english(digitsWords(Infinity))).toMatch(/overflow/);
  });
  it('keys change with every input of the computation', () => {
    const base = {
      measure: 'legs',
      N: 64,
      theta: 1,
      normalization: 'paper',
      dt: 0.01,
      disc: 'bilinear',
      seed: 1,
      signal: 'sines',
      L: 2048,
      drawn: [] as number[],
    };
    const k = equivalenceKey(base);
    expect(equivalenceKey({ ...base, N: 65 })).not.toBe(k);
    expect(equivalenceKey({ ...base, signal: 'drawn', drawn: [1, 2] })).not.toBe(
      equivalenceKey({ ...base, signal: 'drawn', drawn: [1, 3] }),
    );
    expect(equivalenceKey({ ...base, drawn: [5] })).toBe(k); // drawn unused for presets
  });
});

describe('paths', () => {
  it('envelope paths thin long signals to ≤ 2 points per pixel and never contain NaN', () => {
    const v = Float64Array.from({ length: 16384 }, (_, k) => Math.sin(k / 7));
    v[100] = NaN;
    v[200] = Infinity;
    const x = timeScale(v.length, 400);
    const d = envelopePath(v, x, (q) => 100 - 50 * q);
    expect(d).not.toMatch(/NaN|Infinity/);
    expect((d.match(/[ML]/g) ?? []).length).toBeLessThanOrEqual(2 * 402 + 4);
    const e = errorEnvelopePath(v, new Float64Array(v.length), x, (q) => -Math.log10(q));
    expect(e).not.toMatch(/NaN|Infinity/);
  });
});
