/**
 * Eigenvalues panel: the spectral map against core.eigenvalues of the discretised matrix, the
 * selectors (exact LegS spectrum, θ scaling, NPLR, S4D inits, eigenvector conditioning against
 * REFERENCE §3.7), stability words, equal-aspect domains and hit-testing.
 */
import { english } from '../../state/i18n';
import { describe, expect, it } from 'vitest';
import { discretize, eigenvalues, hippo, nplr, s4dInit, type Measure } from '../../core/index';
import { condOf, nplrLambdaOf, s4dInitOf, spectrumOf } from '../../state/derived.kernels';
import {
  complexText,
  condText,
  equalAspectDomain,
  mapEigenvalue,
  mapTex,
  marksOf,
  nearestMark,
  numText,
  stabilityWords,
  summarise,
  superscript,
  symlog,
  symlogInv,
  symlogTicks,
  type DiscName,
} from './eigenvalues.model';

const DISCS: DiscName[] = ['forward', 'backward', 'bilinear', 'zoh'];

function sortedPairs(re: ArrayLike<number>, im: ArrayLike<number>): [number, number][] {
  return Array.from(re, (r, i) => [r, im[i]!] as [number, number]).sort(
    (a, b) => a[0] - b[0] || a[1] - b[1],
  );
}

describe('mapEigenvalue', () => {
  it.each(DISCS)('maps the eigenvalues of A onto those of Ā (%s, LegT N=6)', (disc) => {
    const ssm = hippo('legt', 6, { theta: 1.3 });
    const lam = eigenvalues(ssm.A, 6);
    const zb = eigenvalues(discretize(ssm, 0.07, disc).Ab, 6);
    const mapped = Array.from(lam.re, (r, i) => mapEigenvalue(r, lam.im[i]!, 0.07, disc));
    const a = sortedPairs(
      mapped.map((z) => z.re),
      mapped.map((z) => z.im),
    );
    const b = sortedPairs(zb.re, zb.im);
    a.forEach(([r, i], k) => {
      expect(r).toBeCloseTo(b[k]![0], 10);
      expect(i).toBeCloseTo(b[k]![1], 10);
    });
  });

  it('reproduces REFERENCE §2.6: bilinear LegS N=8, Δ=0.1 gives 0.4286 … 0.9048', () => {
    const s = spectrumOf('legs', 8, 1);
    const z = Array.from(s.re, (r) => mapEigenvalue(r, 0, 0.1, 'bilinear').re);
    expect(Math.min(...z)).toBeCloseTo(0.4286, 4);
    expect(Math.max(...z)).toBeCloseTo(0.9048, 4);
  });
});

describe('spectrumOf', () => {
  it('LegS: the diagonal −1 … −N, exactly (A is triangular)', () => {
    const s = spectrumOf('legs', 64, 1);
    expect(s.source).toBe('diagonal');
    expect(Array.from(s.re)).toEqual(Array.from({ length: 64 }, (_, i) => -(64 - i)));
    expect(Array.from(s.im).every((v) => v === 0)).toBe(true);
  });

  it.each(['legt', 'lmu', 'fout'] as Measure[])(
    '%s: θ scales the default-window eigenvalues (= core.eigenvalues at θ)',
    (m) => {
      const theta = 0.37;
      const s = spectrumOf(m, 10, theta);
      const ref = eigenvalues(hippo(m, 10, { theta }).A, 10);
      const a = sortedPairs(s.re, s.im);
      const b = sortedPairs(ref.re, ref.im);
      a.forEach(([r, i], k) => {
        expect(r).toBeCloseTo(b[k]![0], 8);
        expect(i).toBeCloseTo(b[k]![1], 8);
      });
    },
  );

  it('REFERENCE §2.6: LegT N=2 has −2 ± √2 i', () => {
    const s = spectrumOf('legt', 2, 1);
    expect(s.re[0]).toBeCloseTo(-2, 12);
    expect(Math.abs(s.im[0]!)).toBeCloseTo(Math.SQRT2, 12);
  });
});

describe('NPLR and S4D marks', () => {
  it('NPLR Λ = −½ + iω matches REFERENCE §3.9 at N=4 and is core.nplr', () => {
    const l = nplrLambdaOf(4);
    expect(Array.from(l.re)).toEqual([-0.5, -0.5, -0.5, -0.5]);
    const w = Array.from(l.im).sort((a, b) => a - b);
    expect(w[3]).toBeCloseTo(4.6032930071, 9);
    expect(w[2]).toBeCloseTo(0.5565011151, 9);
    expect(Array.from(nplr(4).Lambda.im)).toEqual(Array.from(l.im));
  });

  it('S4D inits are core.s4dInit (odd N uses N − 1)', () => {
    expect(Array.from(s4dInitOf('inv', 8).im)).toEqual(Array.from(s4dInit('inv', 8).im));
    expect(s4dInitOf('lin', 9).re.length).toBe(4);
  });

  it('marksOf adds conjugates and drops non-finite values', () => {
    const { marks, dropped } = marksOf('lin', [-0.5, NaN, -1], [2, 0, 0], 0.1, 'zoh', true);
    expect(dropped).toBe(1);
    expect(marks.map((m) => m.s.im)).toEqual([2, -2, 0]);
    expect(marks.every((m) => Number.isFinite(m.z.re) && Number.isFinite(m.z.im))).toBe(true);
  });
});

describe('eigenvector conditioning (REFERENCE §3.7)', () => {
  it('LegS: 7.7e4 at N=8 and 8.3e10 at N=16, measured', () => {
    const c8 = condOf('legs', 8);
    expect(c8.kind).toBe('measured');
    expect(c8.log10!).toBeCloseTo(Math.log10(7.7e4), 1);
    const c16 = condOf('legs', 16);
    expect(c16.log10!).toBeCloseTo(Math.log10(8.3e10), 1);
    expect(condText(c8)).toBe(c8.log10!.toFixed(2));
  });

  it('LegS at N=64: exceeds 10^16, in words, unmeasured', () => {
    const c = condOf('legs', 64);
    expect(c.log10).toBeNull();
    expect(english(c.words)).toMatch(/exceeds 10\^16/);
    expect(condText(c)).toBe('> 16');
    expect(superscript(english(c.words))).toContain('10¹⁶');
  });

  it('LagT is defective; FouT stays well conditioned', () => {
    expect(condOf('lagt', 8).kind).toBe('defective');
    const f = condOf('fout', 16);
    expect(f.kind).toBe('measured');
    expect(f.log10!).toBeLessThan(2);
  });
});

describe('stability', () => {
  it('forward Euler with a large Δ leaves the unit circle, in words', () => {
    const s = spectrumOf('legs', 64, 1);
    const { marks } = marksOf('A', s.re, s.im, 0.1, 'forward');
    const sum = summarise(marks);
    expect(sum.zUnstable).toBeGreaterThan(0);
    expect(sum.rho).toBeCloseTo(5.4, 10);
    const words = stabilityWords(sum, 'forward', 0.1).map(english).join(' ');
    expect(words).toMatch(/outside the unit circle/);
    expect(words).toMatch(/Forward Euler/);
  });

  it('bilinear keeps LegS inside; FouT has a marginal mode on the circle', () => {
    const s = spectrumOf('legs', 16, 1);
    expect(
      stabilityWords(summarise(marksOf('A', s.re, s.im, 1, 'bilinear').marks), 'bilinear', 1),
    ).toEqual([]);
    const f = spectrumOf('fout', 8, 2);
    const sum = summarise(marksOf('A', f.re, f.im, 0.01, 'bilinear').marks);
    expect(sum.zMarginal).toBe(1);
    expect(sum.sUnstable).toBe(0);
  });
});

describe('plot geometry', () => {
  it('equalAspectDomain: same units per pixel across and up, holds the points and origin', () => {
    const pts = [
      { re: -64, im: 0 },
      { re: -0.5, im: 20 },
    ];
    const d = equalAspectDomain(pts, 300, 200);
    const ux = (d.x[1] - d.x[0]) / 300;
    const uy = (d.y[1] - d.y[0]) / 200;
    expect(ux).toBeCloseTo(uy, 12);
    expect(d.x[0]).toBeLessThan(-64);
    expect(d.x[1]).toBeGreaterThan(0);
    expect(d.y[1]).toBeGreaterThan(20);
    expect(d.y[0]).toBeCloseTo(-d.y[1], 12);
  });

  it('symlog is odd and invertible; ticks are spaced apart', () => {
    for (const x of [-1000, -3, 0, 0.4, 77]) expect(symlogInv(symlog(x))).toBeCloseTo(x, 9);
    const t = symlogTicks(symlog(-2e4), symlog(300), 300, 40);
    expect(t).toContain(0);
    const px = t.map((v) => ((symlog(v) - symlog(-2e4)) / (symlog(300) - symlog(-2e4))) * 300);
    for (let i = 1; i < px.length; i++) expect(px[i]! - px[i - 1]!).toBeGreaterThanOrEqual(40);
  });

  it('nearestMark finds the closest mark within the radius', () => {
    const { marks } = marksOf('A', [-1, -2, -3], [0, 0, 0], 0.1, 'bilinear');
    const toPx = (p: { re: number; im: number }): [number, number] => [p.re * 10, p.im * 10];
    expect(nearestMark(marks, 's', toPx, -21, 1)).toBe(1);
    expect(nearestMark(marks, 's', toPx, 50, 50)).toBe(-1);
  });
});

describe('words and TeX', () => {
  it('numbers and complex numbers read well', () => {
    expect(numText(-0.5)).toBe('−0.5');
    expect(numText(1303.27384)).toBe('1303');
    expect(complexText({ re: -0.5, im: -19.857410371 })).toBe('−0.5 − 19.86i');
    expect(numText(NaN)).toBe('—');
  });

  it('mapTex binds Δ, the slowest λ and ρ', () => {
    const s = spectrumOf('legs', 8, 1);
    const sum = summarise(marksOf('A', s.re, s.im, 0.1, 'bilinear').marks);
    const t = mapTex('bilinear', 0.1, sum.slowest);
    expect(t).toContain('\\Delta = 0.1');
    expect(t).toContain('\\lambda = -1');
    expect(t).toContain('0.9048');
    expect(t).not.toMatch(/NaN/);
  });
});
