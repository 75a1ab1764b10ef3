import { describe, expect, it } from 'vitest';
import { legsRun, rng, signalPreset } from '../../core/index';
import { statesOf } from '../../state/derived';
import { english } from '../../state/i18n';
import {
  deferred,
  legsStatesJob,
  legtStatesJob,
  memoryStatesOf,
  runDeferredNow,
} from '../../state/derived.memory';
import {
  cursorOfRow,
  decimateStates,
  divergingLut,
  heatmapPixels,
  linearPosition,
  logPosition,
  quantileAbs,
  robustMax,
  rowAtTime,
  rowOfCursor,
  stateAt,
  timeOfRow,
} from './coefficients.model';

function drain<T>(gen: Generator<number, T, void>): { value: T; yields: number } {
  let yields = 0;
  for (;;) {
    const r = gen.next();
    if (r.done) return { value: r.value, yields };
    expect(r.value).toBeGreaterThanOrEqual(0);
    expect(r.value).toBeLessThanOrEqual(1);
    yields++;
  }
}

describe('time ↔ state row ↔ cursor', () => {
  it('row k is time (k+1)Δ, and the cursor round-trips through the row', () => {
    const L = 2048;
    const dt = 0.01;
    for (const k of [0, 1, 17, 1000, L - 1]) {
      expect(rowAtTime(timeOfRow(k, dt), dt, L)).toBe(k);
      expect(rowOfCursor(cursorOfRow(k, L), L)).toBe(k);
    }
    expect(rowAtTime(-5, dt, L)).toBe(0);
    expect(rowAtTime(1e9, dt, L)).toBe(L - 1);
    expect(rowAtTime(NaN, dt, L)).toBe(0);
  });
});

describe('decimateStates', () => {
  it('puts state row k_c of column c into D[n·cols + c], rows nearest the column centres', () => {
    const L = 100;
    const N = 3;
    const X = Float64Array.from({ length: L * N }, (_, i) => i);
    const dec = decimateStates(X, L, N, 10);
    expect(dec.cols).toBe(10);
    for (let c = 0; c < 10; c++) {
      const k = dec.ks[c]!;
      expect(k).toBe(Math.round((c + 0.5) * 10 - 1));
      for (let n = 0; n < N; n++) expect(dec.D[n * 10 + c]).toBe(stateAt(X, N, k, n));
    }
  });

  it('with one column per state it keeps every row', () => {
    const L = 37;
    const N = 2;
    const X = Float64Array.from({ length: L * N }, (_, i) => i * 0.5);
    const dec = decimateStates(X, L, N, L);
    expect(Array.from(dec.ks)).toEqual(Array.from({ length: L }, (_, k) => k));
  });
});

describe('robust colour range', () => {
  it('quantileAbs is the nearest-rank quantile of |v|, ignoring non-finite values', () => {
    const g = rng(7);
    for (const n of [1, 2, 10, 999, 5000]) {
      const v = Float64Array.from({ length: n }, () => (g() - 0.5) * 10);
      const sorted = Array.from(v, Math.abs).sort((a, b) => a - b);
      for (const q of [0, 0.5, 0.9, 0.99, 1]) {
        const idx = Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1));
        expect(quantileAbs(v, q)).toBe(sorted[idx]);
      }
    }
    expect(quantileAbs([NaN, Infinity, -3, 1], 1)).toBe(3);
    expect(quantileAbs([NaN], 0.5)).toBeNaN();
  });

  it('quantileAbs copes with many ties', () => {
    const v = new Float64Array(1000).fill(2);
    v[3] = -5;
    expect(quantileAbs(v, 0.99)).toBe(2);
    expect(quantileAbs(v, 1)).toBe(5);
  });

  it('robustMax saturates a few outliers and never returns 0', () => {
    const v = new Float64Array(1000).fill(1);
    v[0] = 1000;
    expect(robustMax(v)).toBe(1);
    expect(robustMax(new Float64Array(10))).toBe(1);
    const w = new Float64Array(1000);
    w[5] = -4;
    expect(robustMax(w)).toBe(4);
  });
});

describe('diverging colours', () => {
  it('the table runs from neg through mid to pos', () => {
    const lut = divergingLut('#2166ac', '#ffffff', '#b2182b');
    expect(Array.from(lut.slice(0, 4))).toEqual([0x21, 0x66, 0xac, 255]);
    expect(Array.from(lut.slice(255 * 4, 256 * 4))).toEqual([0xb2, 0x18, 0x2b, 255]);
    const mid = Array.from(lut.slice(127 * 4, 128 * 4));
    for (const c of mid.slice(0, 3)) expect(c).toBeGreaterThan(240);
  });

  it('positions: linear clamps to ±1, signed log keeps sign and order, 0 is the centre', () => {
    expect(linearPosition(5, 2)).toBe(1);
    expect(linearPosition(-1, 2)).toBe(-0.5);
    expect(linearPosition(NaN, 2)).toBeNaN();
    expect(logPosition(0, 1)).toBe(0);
    expect(logPosition(1, 1, 4)).toBe(1);
    expect(logPosition(-1e-2, 1, 4)).toBeCloseTo(-0.5, 12);
    expect(logPosition(1e-9, 1, 4)).toBe(0);
    let prev = -Infinity;
    for (const v of [-1, -0.1, -1e-3, 0, 1e-3, 0.1, 1]) {
      const p = logPosition(v, 1, 4);
      expect(p).toBeGreaterThanOrEqual(prev);
      prev = p;
    }
  });

  it('heatmapPixels maps rows to y and columns to x, and non-finite values to transparent', () => {
    const lut = divergingLut('#0000ff', '#ffffff', '#ff0000');
    // 2 rows × 2 cols: [[−1, 1], [NaN, 0]]
    const values = Float64Array.from([-1, 1, NaN, 0]);
    const px = heatmapPixels(values, 2, 2, 4, 4, lut, (v) => linearPosition(v, 1));
    const at = (x: number, y: number) => Array.from(px.slice((y * 4 + x) * 4, (y * 4 + x) * 4 + 4));
    expect(at(0, 0)).toEqual([0, 0, 255, 255]);
    expect(at(3, 1)).toEqual([255, 0, 0, 255]);
    expect(at(1, 3)[3]).toBe(0);
    expect(at(3, 3)[3]).toBe(255);
    for (let i = 0; i < px.length; i++) expect(Number.isFinite(px[i])).toBe(true);
  });
});

describe('states for the heatmaps (src/state/derived.memory.ts)', () => {
  const L = 300;
  const u = signalPreset('sines', L, 3);

  it.each([['bilinear'], ['zoh'], ['forward'], ['backward']] as const)(
    'the sliced LegT states equal statesOf bit for bit (%s)',
    (disc) => {
      const { value, yields } = drain(legtStatesJob(16, 0.7, 'paper', 0.01, disc, u));
      const ref = statesOf('legt', 16, 0.7, 'paper', 0.01, disc, u);
      expect(yields).toBeGreaterThan(0);
      expect(value.warning).toEqual(ref.warning);
      expect(Array.from(value.X)).toEqual(Array.from(ref.X));
    },
  );

  it.each([['bilinear'], ['zoh'], ['forward']] as const)(
    'the sliced LegS states equal core legsRun bit for bit (%s)',
    (disc) => {
      const { value } = drain(legsStatesJob(12, 'blog', disc, u));
      const scheme = disc === 'zoh' ? 'exact' : disc;
      const ref = legsRun(12, u, scheme, { normalization: 'blog' });
      expect(Array.from(value.X)).toEqual(Array.from(ref));
      expect(value.method).toBe(statesOf('legs', 12, 1, 'blog', 0.01, disc, u).method);
    },
  );

  it('an unstable LegT comes back as zeros with a warning in words, never NaN', () => {
    const { value } = drain(legtStatesJob(16, 1, 'paper', 0.9, 'forward', u));
    expect(value.warning?.key).toBe('state.unstable');
    expect(english(value.warning!)).toMatch(/unstable/);
    for (const x of value.X) expect(x).toBe(0);
  });

  it('memoryStatesOf: the selected measure answers at once from statesOf, the other is deferred', () => {
    const a = memoryStatesOf('legs', 'legs', 8, 1, 'paper', 0.01, 'bilinear', u);
    expect(a.ready).toBe(true);
    expect(a.value).toBe(statesOf('legs', 8, 1, 'paper', 0.01, 'bilinear', u));

    const b = memoryStatesOf('legt', 'legs', 8, 1, 'paper', 0.01, 'bilinear', u);
    expect(b.ready).toBe(false);
    runDeferredNow();
    const c = memoryStatesOf('legt', 'legs', 8, 1, 'paper', 0.01, 'bilinear', u);
    expect(c.ready).toBe(true);
    expect(Array.from(c.value!.X)).toEqual(
      Array.from(statesOf('legt', 8, 1, 'paper', 0.01, 'bilinear', u).X),
    );

    // New arguments: not ready, the previous result is kept (stale) until the new one is done.
    const d = memoryStatesOf('legt', 'legs', 8, 2, 'paper', 0.01, 'bilinear', u);
    expect(d.ready).toBe(false);
    expect(d.value).toBe(c.value);
    runDeferredNow();
    const e = memoryStatesOf('legt', 'legs', 8, 2, 'paper', 0.01, 'bilinear', u);
    expect(e.ready).toBe(true);
    expect(e.value).not.toBe(c.value);

    // LegS ignores θ and Δ: changing them does not recompute it.
    memoryStatesOf('legs', 'legt', 8, 1, 'paper', 0.01, 'bilinear', u);
    runDeferredNow();
    const f = memoryStatesOf('legs', 'legt', 8, 1, 'paper', 0.01, 'bilinear', u);
    const g = memoryStatesOf('legs', 'legt', 8, 3, 'paper', 0.05, 'bilinear', u);
    expect(g.ready).toBe(true);
    expect(g.value).toBe(f.value);
  });
});

describe('deferred (src/state/derived.memory.ts)', () => {
  it('a delayed job waits, restarts its delay on new arguments, and runs on runDeferredNow', async () => {
    let runs = 0;
    const sel = deferred(
      function* (x: number): Generator<number, number, void> {
        runs++;
        yield 0.5;
        return x * 2;
      },
      () => 30,
    );
    expect(sel(1).ready).toBe(false);
    expect(sel(2).ready).toBe(false);
    await new Promise((r) => setTimeout(r, 10));
    expect(runs).toBe(0); // still waiting
    runDeferredNow();
    expect(runs).toBe(1); // only the latest arguments ran
    expect(sel(2)).toEqual({ ready: true, value: 4, progress: 1 });
    expect(sel(1).ready).toBe(false);
  });

  it('an error inside a job is reported in words, not thrown', () => {
    const sel = deferred(function* (): Generator<number, number, void> {
      yield 0;
      throw new RangeError('N must be even');
    });
    sel();
    runDeferredNow();
    expect(sel()).toMatchObject({ ready: true, error: 'N must be even' });
  });
});
