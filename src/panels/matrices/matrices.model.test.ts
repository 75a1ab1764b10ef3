import { describe, expect, it } from 'vitest';
import { discretize, eigenvalues, hippo, MEASURES, type Measure } from '../../core/index';
import {
  CONTINUOUS_SOURCE,
  DISC_SOURCE,
  cellAt,
  entryInfo,
  formulaA,
  formulaB,
  frobenius,
  maxAbs,
  spectralRadiusOf,
  stabilityOf,
  texNum,
  type DiscName,
} from './matrices.model';

/** The entry formulas of REFERENCE §1.5–1.8, written out again independently. */
function expectedA(measure: Measure, n: number, k: number, theta: number): number {
  const r = (i: number) => Math.sqrt(2 * i + 1);
  switch (measure) {
    case 'legs':
      return n > k ? -r(n) * r(k) : n === k ? -(n + 1) : 0;
    case 'legt':
      return k <= n ? (-r(n) * r(k)) / theta : (-((-1) ** (n - k)) * r(n) * r(k)) / theta;
    case 'lmu':
      return n < k ? -(2 * n + 1) / theta : ((-1) ** (n - k + 1) * (2 * n + 1)) / theta;
    case 'lagt':
      return k <= n ? -1 : 0;
    case 'fout': {
      const b = (i: number) => (i === 0 ? 1 : i % 2 === 0 ? Math.SQRT2 : 0);
      let om = 0;
      if (n % 2 === 0 && n >= 2 && k === n + 1) om = -n / 2;
      if (n % 2 === 1 && n >= 3 && k === n - 1) om = (n - 1) / 2;
      return (2 / theta) * (Math.PI * om - b(n) * b(k));
    }
  }
}

const model = (measure: Measure, N: number, theta: number, disc: DiscName, dt: number) => {
  const ssm = hippo(measure, N, { theta });
  const d = discretize(ssm, dt, disc);
  return {
    measure,
    normalization: 'paper' as const,
    theta,
    dt,
    disc,
    N,
    A: ssm.A,
    B: ssm.B,
    Ab: d.Ab,
    Bb: d.Bb,
  };
};

describe('entry formulas', () => {
  it.each(MEASURES.map((m) => [m]))(
    'every A_nk of %s equals the formula it is shown with, and its TeX ends in the core value',
    (measure) => {
      const N = 8;
      const theta = measure === 'fout' ? 2.5 : 0.7;
      const m = model(measure, N, theta, 'bilinear', 0.01);
      for (let n = 0; n < N; n++)
        for (let k = 0; k < N; k++) {
          const e = entryInfo('A', n, k, m);
          expect(e.value).toBe(m.A[n * N + k]);
          expect(e.value).toBeCloseTo(expectedA(measure, n, k, theta), 12);
          if (e.value !== 0 || measure === 'fout') expect(e.tex).toContain(`=${texNum(e.value)}`);
          expect(e.source).toBe(CONTINUOUS_SOURCE[measure]);
        }
    },
  );

  it('LegS A entries name the three cases with their numbers', () => {
    expect(formulaA('legs', 3, 1, 1, -Math.sqrt(21))).toBe(
      'A_{3,1}=-\\sqrt{(2n+1)(2k+1)}=-\\sqrt{7\\cdot3}=-4.583\\quad(n>k)',
    );
    expect(formulaA('legs', 4, 4, 1, -5)).toContain('-(n+1)=-5');
    expect(formulaA('legs', 1, 4, 1, 0)).toContain('=0');
  });

  it('B_n: √(2n+1) (paper), √2·√(2n+1) (blog), and the source names S4 eq. (2)', () => {
    expect(formulaB('legs', 3, 1, 'paper', Math.sqrt(7))).toContain('\\sqrt{7}=2.646');
    const blog = hippo('legs', 4, { normalization: 'blog' });
    expect(formulaB('legs', 3, 1, 'blog', blog.B[3]!)).toContain(`=${texNum(Math.sqrt(14))}`);
    expect(CONTINUOUS_SOURCE.legs).toContain('S4 eq. (2)');
    expect(CONTINUOUS_SOURCE.legs).toContain('leg-s-hippo');
  });

  it('forward Euler Ā and B̄ entries are δ + ΔA and ΔB, equal to core discretize', () => {
    const m = model('legt', 6, 1, 'forward', 0.05);
    for (let n = 0; n < 6; n++) {
      for (let k = 0; k < 6; k++) {
        const e = entryInfo('Ab', n, k, m);
        expect(e.value).toBeCloseTo((n === k ? 1 : 0) + 0.05 * m.A[n * 6 + k]!, 14);
        expect(e.tex).toContain('\\delta_{nk}+\\Delta A_{nk}');
      }
      expect(entryInfo('Bb', n, 0, m).value).toBeCloseTo(0.05 * m.B[n]!, 14);
    }
  });

  it.each([['backward'], ['bilinear'], ['zoh']] as const)(
    'the %s Ā entry carries the matrix formula, Δ and the core value, and its source',
    (disc) => {
      const m = model('legs', 5, 1, disc, 0.1);
      const e = entryInfo('Ab', 3, 2, m);
      expect(e.value).toBe(m.Ab[3 * 5 + 2]);
      expect(e.tex).toContain('\\Delta=0.1');
      expect(e.tex).toContain(`=${texNum(e.value)}`);
      expect(e.source).toBe(DISC_SOURCE[disc]);
      const b = entryInfo('Bb', 4, 0, m);
      expect(b.value).toBe(m.Bb[4]);
    },
  );
  it('the bilinear source is S4 eq. (3)', () => {
    expect(DISC_SOURCE.bilinear).toContain('S4 eq. (3)');
  });
});

describe('numbers', () => {
  it('texNum: 4 significant digits, scientific outside [1e-3, 1e5), never NaN', () => {
    expect(texNum(-4.58257569)).toBe('-4.583');
    expect(texNum(0)).toBe('0');
    expect(texNum(1.5e-7)).toBe('1.5\\cdot 10^{-7}');
    expect(texNum(NaN)).not.toContain('NaN');
  });

  it('frobenius and maxAbs', () => {
    expect(frobenius(Float64Array.from([3, 4]))).toBe(5);
    expect(maxAbs(Float64Array.from([1, -7, NaN, 2]))).toBe(7);
    expect(maxAbs(new Float64Array(3))).toBe(1);
  });

  it('spectral radius and stability: forward Euler with a large Δ is unstable, bilinear is not', () => {
    const A = hippo('legs', 16).A;
    const fwd = discretize({ N: 16, A, B: new Float64Array(16) }, 0.5, 'forward');
    const bil = discretize({ N: 16, A, B: new Float64Array(16) }, 0.5, 'bilinear');
    const rf = spectralRadiusOf(eigenvalues(fwd.Ab, 16));
    const rb = spectralRadiusOf(eigenvalues(bil.Ab, 16));
    // LegS eigenvalues are −1 … −16: forward Euler maps −16 to 1 − 8 = −7.
    expect(rf).toBeCloseTo(7, 6);
    expect(stabilityOf(rf)).toBe('unstable');
    expect(stabilityOf(rb)).toBe('stable');
    expect(stabilityOf(1 + 1e-12)).toBe('marginal');
    expect(stabilityOf(NaN)).toBe('unknown');
    expect(
      spectralRadiusOf({ re: Float64Array.from([NaN]), im: Float64Array.from([0]) }),
    ).toBeNaN();
  });

  it('cellAt maps a point to (row n, column k) and rejects points outside', () => {
    expect(cellAt(0, 0, 100, 100, 10, 10)).toEqual({ n: 0, k: 0 });
    expect(cellAt(99.9, 15, 100, 100, 10, 10)).toEqual({ n: 1, k: 9 });
    expect(cellAt(5, 99, 14, 100, 64, 1)).toEqual({ n: 63, k: 0 });
    expect(cellAt(-1, 5, 100, 100, 10, 10)).toBeNull();
    expect(cellAt(5, 100, 100, 100, 10, 10)).toBeNull();
    expect(cellAt(NaN, 5, 100, 100, 10, 10)).toBeNull();
  });
});
