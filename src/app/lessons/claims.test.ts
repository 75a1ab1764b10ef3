/**
 * The lessons' live claims say what the series says: checked here against the numbers in
 * REFERENCE.md (oracle O2, O3, O4, O7, O8) rather than against the code that computes them.
 */
import { describe, expect, it } from 'vitest';
import { defaultParams, type Params } from '../../state/schema';
import * as c from './claims';

const P = (over: Partial<Params>): Params => ({ ...defaultParams(), ...over });

describe('lesson claims', () => {
  it('LegS eigenvalues are −1 … −N, real', () => {
    const { values } = c.legsEigenvalues(P({ N: 8 }));
    values.slice(0, 8).forEach((x, i) => expect(x).toBeCloseTo(-(i + 1), 10));
    expect(values[8]).toBeLessThan(1e-9);
  });
  it('LegS entries: A10 = −√3, A21 = −√15, diagonal −(n+1)', () => {
    const { values } = c.legsEntries(P({ N: 4 }));
    expect(values[0]).toBeCloseTo(-Math.sqrt(3), 14);
    expect(values[1]).toBeCloseTo(-Math.sqrt(15), 14);
    expect(values.slice(2)).toEqual([-1, -2, -3, -4]);
  });
  it('B is √(2n+1), times √2 in the blog normalisation', () => {
    const v = c.legsB(P({ N: 8, normalization: 'blog' })).values;
    expect(v[3]).toBeCloseTo(Math.SQRT2 * Math.sqrt(7), 12);
    v.slice(0, 4).forEach((x, i) => expect(x).toBeCloseTo(v[i + 4]!, 12));
  });
  it('LegT (θ = 1, N = 4): eigenvalues sum to −16, complex, in the left half-plane', () => {
    const [sum, trace, im, reMax] = c.legtTrace(P({ N: 4, theta: 1 })).values;
    expect(sum).toBeCloseTo(-16, 9);
    expect(trace).toBe(-16);
    expect(im).toBeCloseTo(4.7731, 3);
    expect(reMax).toBeCloseTo(-3.2128, 3);
  });
  it('bilinear LegS N = 8, Δ = 0.1: Ā eigenvalues 0.4286 … 0.9048', () => {
    const v = c.discreteEigenvalues(P({ N: 8, dt: 0.1, disc: 'bilinear' })).values;
    expect(v[1]).toBeLessThan(1e-10);
    expect(v[2]).toBeCloseTo(0.4286, 4);
    expect(v[9]).toBeCloseTo(0.9048, 4);
  });
  it('forward Euler, Δ = 0.3, N = 8: spectral radius 1.4 (unstable)', () => {
    expect(c.discreteEigenvalues(P({ N: 8, dt: 0.3, disc: 'forward' })).values[0]).toBeCloseTo(
      1.4,
      9,
    );
  });
  it('LegS is timescale equivariant: the stretched input gives the same states', () => {
    const [err, norm] = c.legsEquivariance(P({ N: 16 })).values;
    expect(norm).toBeGreaterThan(0.1);
    expect(err).toBeLessThan(1e-10);
  });
  it('LegS memory decays polynomially (L‖x_L‖ → N = 8), the LTI form exponentially', () => {
    const v = c.polynomialMemory(P({ N: 8, dt: 0.1 })).values;
    expect(v[2]).toBeGreaterThan(7.5);
    expect(v[2]).toBeLessThan(8.5);
    expect(v[5]).toBeLessThan(1e-30);
  });
  it('the whole-history Fourier system has eigenvalues with real part −1', () => {
    const [lo, hi] = c.fourierExercise(P({ N: 16 })).values;
    expect(lo).toBeCloseTo(-1, 8);
    expect(hi).toBeCloseTo(-1, 8);
  });
  it('NPLR N = 8: Λ = −½ ± {0.4275, 1.9578, 5.3542, 19.857} i', () => {
    const v = c.nplrLambda(P({ N: 8 })).values;
    expect(v[0]).toBeCloseTo(-0.5, 10);
    expect(v[1]).toBeCloseTo(-0.5, 10);
    [0.4274887123, 1.9577941509, 5.354208515, 19.857410371].forEach((w, i) =>
      expect(v[2 + i]).toBeCloseTo(w, 6),
    );
  });
  it('S4: ρ(Ā) = (1 − Δ/2)/(1 + Δ/2); DPLR and generating kernels equal powering', () => {
    const p = P({ N: 16, dt: 0.01, L: 256 });
    const [rho, want] = c.s4Radius(p).values;
    expect(rho).toBeCloseTo(want!, 10);
    expect(c.dplrAgreement(p).values[0]).toBeLessThan(1e-10);
    expect(c.generatingAgreement(p).values[0]).toBeLessThan(1e-10);
  });
  it('S4D-Lin is −½ + iπn; the eigenvector matrix of LegS is ill-conditioned', () => {
    const v = c.s4dLin(P({ N: 8 })).values;
    expect(v.slice(0, 3)).toEqual([-0.5, -0.5, -0.5]);
    expect(v[4]).toBeCloseTo(Math.PI, 12);
    expect(c.eigenvectorCondition(P({ N: 8 })).values[0]).toBeCloseTo(Math.log10(7.7e4), 1);
  });
  it('RTF: poles of det(zI − Ā) are Ā’s eigenvalues; aliasing fixed by b̃; companion exact', () => {
    expect(c.rationalPoles(P({ N: 4, dt: 0.1 })).values[0]).toBeLessThan(1e-10);
    const [aliased, corrected] = c.stateFree(P({ L: 16 })).values;
    expect(aliased).toBeGreaterThan(0.03);
    expect(corrected).toBeLessThan(1e-12);
    expect(c.companionAgreement(P({})).values[0]).toBeLessThan(1e-12);
  });
  it('RTF: a = 0 gives the taps (h0, b1, b2, b3, 0, …); Montel: Σ|a| = 1.265 yet ρ = 0.9', () => {
    expect(c.firstTaps(P({ rtfA: [0, 0, 0] })).values).toEqual([0.3, 0.5, -0.2, 0.1, 0, 0]);
    const [sum, r] = c.montel(P({})).values;
    expect(sum).toBeCloseTo(1.265, 12);
    expect(r).toBeCloseTo(0.9, 10);
  });
});
