/**
 * Every public core function (DESIGN.md §3) against the numpy/scipy oracle fixtures in
 * test/fixtures/core/*.json, written by test/fixtures/gen/make_core_fixtures.py (which imports
 * shared/math/oracle/ssm_oracle.py). One describe per function, one it per fixture case.
 *
 * Tolerances are relative to the largest expected magnitude (test/support/close.ts): 1e-10 in
 * general; 1e-8 where a matrix exponential (ZOH, exact LegS steps) or an eigenvalue problem
 * (eigenvalues, nplr, s4dInit 'legs', polyRoots, ssToTf, the DPLR kernel) is involved.
 * Eigenvalue and root sets are compared order-independently.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { expectClose, expectCloseComplex, expectSameSet } from '../../test/support/close';
import {
  causalConv,
  companion,
  discretize,
  eigenvalues,
  fft,
  hippo,
  hippoReconstruct,
  kernel,
  legsRun,
  nplr,
  polyRoots,
  recurrence,
  rtfCorrect,
  rtfImpulse,
  rtfKernel,
  s4dInit,
  s4dKernel,
  s4Kernel,
  ssToTf,
} from './index';

const TOL = 1e-10;
const TOL_EXPM = 1e-8;
const TOL_EIG = 1e-8;

// Types taken from the core's own signatures, so this file does not depend on type exports.
type Complex = ReturnType<typeof fft>;
type Measure = Parameters<typeof hippo>[0];
type HippoOpts = NonNullable<Parameters<typeof hippo>[2]>;
type ContinuousSSM = Parameters<typeof discretize>[0];
type Disc = Parameters<typeof discretize>[2];
type DiscreteSSM = Parameters<typeof kernel>[0];
type LegsScheme = Parameters<typeof legsRun>[2];
type LegsOpts = NonNullable<Parameters<typeof legsRun>[3]>;
type S4Measure = Parameters<typeof s4Kernel>[0];
type S4Method = Parameters<typeof s4Kernel>[5];
type S4dDisc = Parameters<typeof s4dKernel>[5];
type S4dKind = Parameters<typeof s4dInit>[0];
type RtfOpts = NonNullable<Parameters<typeof rtfKernel>[4]>;

// ------------------------------------------------------------------------------------------------
// Fixture loading

interface JsonComplex {
  re: number[];
  im: number[];
}

interface Case<A, E> {
  name: string;
  args: A;
  expected: E;
  methods?: string[];
  note?: string;
  formula?: string;
}

interface Fixture<A, E> {
  generator: string;
  numpy: string;
  scipy: string;
  cases: Case<A, E>[];
}

const FIXTURE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/core');

function load<A, E>(fn: string): Case<A, E>[] {
  const text = readFileSync(resolve(FIXTURE_DIR, `${fn}.json`), 'utf8');
  const fixture = JSON.parse(text) as Fixture<A, E>;
  if (!Array.isArray(fixture.cases) || fixture.cases.length === 0) {
    throw new Error(`${fn}.json has no cases (regenerate with ${fixture.generator})`);
  }
  return fixture.cases;
}

const f64 = (x: readonly number[]): Float64Array => new Float64Array(x);
const cplx = (z: JsonComplex): Complex => ({ re: f64(z.re), im: f64(z.im) }) as Complex;

interface JsonDiscrete {
  N: number;
  Ab: number[];
  Bb: number[];
  C: number[];
  D: number;
}

const discreteSSM = (d: JsonDiscrete): DiscreteSSM =>
  ({ N: d.N, Ab: f64(d.Ab), Bb: f64(d.Bb), C: f64(d.C), D: d.D }) as DiscreteSSM;

// ------------------------------------------------------------------------------------------------

describe('hippo', () => {
  const cases = load<
    { measure: Measure; N: number; opts?: HippoOpts },
    { N: number; A: number[]; B: number[] }
  >('hippo');
  for (const c of cases) {
    it(`hippo(${c.name}) matches the oracle`, () => {
      const { measure, N, opts } = c.args;
      const ssm = opts === undefined ? hippo(measure, N) : hippo(measure, N, opts);
      const label = `hippo(${c.name})`;
      expect(ssm.N, `${label} N`).toBe(c.expected.N);
      expectClose(ssm.A, c.expected.A, TOL, `${label} A`);
      expectClose(ssm.B, c.expected.B, TOL, `${label} B`);
    });
  }
});

describe('discretize', () => {
  interface JsonContinuous {
    N: number;
    A: number[];
    B: number[];
    C?: number[];
    D?: number;
  }
  const cases = load<
    { ssm: JsonContinuous; dt: number; method: Disc },
    { N: number; Ab: number[]; Bb: number[]; C?: number[]; D?: number }
  >('discretize');
  for (const c of cases) {
    it(`discretize(${c.name}) matches the oracle`, () => {
      const j = c.args.ssm;
      const ssm = (
        j.C === undefined
          ? { N: j.N, A: f64(j.A), B: f64(j.B) }
          : { N: j.N, A: f64(j.A), B: f64(j.B), C: f64(j.C), D: j.D }
      ) as ContinuousSSM;
      const d = discretize(ssm, c.args.dt, c.args.method);
      const tol = c.args.method === 'zoh' ? TOL_EXPM : TOL;
      const label = `discretize(${c.name})`;
      expect(d.N, `${label} N`).toBe(c.expected.N);
      expectClose(d.Ab, c.expected.Ab, tol, `${label} Ab`);
      expectClose(d.Bb, c.expected.Bb, tol, `${label} Bb`);
      if (c.expected.C !== undefined) {
        expect(Array.from(d.C), `${label} C passes through unchanged`).toEqual(c.expected.C);
        expect(d.D, `${label} D passes through unchanged`).toBe(c.expected.D);
      }
    });
  }
});

describe('eigenvalues', () => {
  const cases = load<{ A: number[]; N: number }, JsonComplex>('eigenvalues');
  for (const c of cases) {
    it(`eigenvalues(${c.name}) matches the oracle`, () => {
      const ev = eigenvalues(f64(c.args.A), c.args.N);
      expectSameSet(ev, c.expected, TOL_EIG, `eigenvalues(${c.name})`);
    });
  }
});

describe('legsRun', () => {
  const cases = load<
    { N: number; u: number[]; scheme: LegsScheme; opts?: LegsOpts },
    { L: number; x: number[]; projection?: number[] }
  >('legsRun');
  for (const c of cases) {
    const suffix = c.expected.projection === undefined ? '' : ' (last state = exact projection)';
    it(`legsRun(${c.name}) matches the oracle${suffix}`, () => {
      const { N, u, scheme, opts } = c.args;
      const x = opts === undefined ? legsRun(N, f64(u), scheme) : legsRun(N, f64(u), scheme, opts);
      const tol = scheme === 'exact' ? TOL_EXPM : TOL;
      const label = `legsRun(${c.name})`;
      expectClose(x, c.expected.x, tol, `${label} x_1..x_L`);
      if (c.expected.projection !== undefined) {
        const L = c.expected.L;
        expectClose(
          x.subarray((L - 1) * N, L * N),
          c.expected.projection,
          TOL_EXPM,
          `${label} x_L vs projection`,
        );
      }
    });
  }
});

describe('hippoReconstruct', () => {
  const cases = load<{ measure: Measure; x: number[]; s: number[]; opts?: HippoOpts }, number[]>(
    'hippoReconstruct',
  );
  for (const c of cases) {
    it(`hippoReconstruct(${c.name}) matches the oracle`, () => {
      const { measure, x, s, opts } = c.args;
      const y =
        opts === undefined
          ? hippoReconstruct(measure, f64(x), f64(s))
          : hippoReconstruct(measure, f64(x), f64(s), opts);
      expectClose(y, c.expected, TOL, `hippoReconstruct(${c.name}) [${c.formula ?? ''}]`);
    });
  }
});

describe('kernel', () => {
  const cases = load<{ d: JsonDiscrete; L: number }, number[]>('kernel');
  for (const c of cases) {
    it(`kernel(${c.name}) matches the oracle`, () => {
      expectClose(kernel(discreteSSM(c.args.d), c.args.L), c.expected, TOL, `kernel(${c.name})`);
    });
  }
});

describe('recurrence', () => {
  const cases = load<{ d: JsonDiscrete; u: number[] }, number[]>('recurrence');
  for (const c of cases) {
    it(`recurrence(${c.name}) matches the oracle`, () => {
      const y = recurrence(discreteSSM(c.args.d), f64(c.args.u));
      expectClose(y, c.expected, TOL, `recurrence(${c.name})`);
    });
  }
});

describe('causalConv', () => {
  const cases = load<{ K: number[]; u: number[] }, number[]>('causalConv');
  for (const c of cases) {
    it(`causalConv(${c.name}) matches the oracle`, () => {
      const y = causalConv(f64(c.args.K), f64(c.args.u));
      expectClose(y, c.expected, TOL, `causalConv(${c.name})`);
    });
  }
});

describe('s4Kernel', () => {
  const cases = load<
    { measure: S4Measure; N: number; C: number[]; dt: number; L: number },
    number[]
  >('s4Kernel');
  for (const c of cases) {
    for (const method of (c.methods ?? []) as S4Method[]) {
      it(`s4Kernel(${c.name}, ${method}) matches the oracle`, () => {
        const { measure, N, C, dt, L } = c.args;
        const K = s4Kernel(measure, N, f64(C), dt, L, method);
        const tol = method === 'dplr' ? TOL_EIG : TOL;
        expectClose(K, c.expected, tol, `s4Kernel(${c.name}, ${method})`);
      });
    }
  }
});

describe('nplr', () => {
  const cases = load<{ N: number }, { Lambda: JsonComplex; P: number[] }>('nplr');
  for (const c of cases) {
    it(`nplr(${c.name}) matches the oracle`, () => {
      const { Lambda, P } = nplr(c.args.N);
      expectSameSet(Lambda, c.expected.Lambda, TOL_EIG, `nplr(${c.name}) Lambda`);
      expectClose(P, c.expected.P, TOL, `nplr(${c.name}) P`);
    });
  }
});

describe('s4dKernel', () => {
  const cases = load<
    { Lambda: JsonComplex; B: JsonComplex; C: JsonComplex; dt: number; L: number; disc: S4dDisc },
    number[]
  >('s4dKernel');
  for (const c of cases) {
    it(`s4dKernel(${c.name}) matches the oracle`, () => {
      const { Lambda, B, C, dt, L, disc } = c.args;
      const K = s4dKernel(cplx(Lambda), cplx(B), cplx(C), dt, L, disc);
      expectClose(K, c.expected, TOL, `s4dKernel(${c.name})`);
    });
  }
});

describe('s4dInit', () => {
  const cases = load<{ kind: S4dKind; N: number }, JsonComplex>('s4dInit');
  for (const c of cases) {
    it(`s4dInit(${c.name}) matches the oracle`, () => {
      const lam = s4dInit(c.args.kind, c.args.N);
      const label = `s4dInit(${c.name})`;
      if (c.args.kind === 'legs') expectSameSet(lam, c.expected, TOL_EIG, label);
      else expectCloseComplex(lam, c.expected, TOL, label);
    });
  }
});

describe('rtfKernel', () => {
  const cases = load<{ a: number[]; b: number[]; h0: number; L: number; opts?: RtfOpts }, number[]>(
    'rtfKernel',
  );
  for (const c of cases) {
    it(`rtfKernel(${c.name}) matches the oracle`, () => {
      const { a, b, h0, L, opts } = c.args;
      const K =
        opts === undefined
          ? rtfKernel(f64(a), f64(b), h0, L)
          : rtfKernel(f64(a), f64(b), h0, L, opts);
      expectClose(K, c.expected, TOL, `rtfKernel(${c.name})`);
    });
  }
});

describe('rtfImpulse', () => {
  const cases = load<{ a: number[]; b: number[]; h0: number; L: number }, number[]>('rtfImpulse');
  for (const c of cases) {
    it(`rtfImpulse(${c.name}) matches the oracle`, () => {
      const { a, b, h0, L } = c.args;
      expectClose(rtfImpulse(f64(a), f64(b), h0, L), c.expected, TOL, `rtfImpulse(${c.name})`);
    });
  }
});

describe('rtfCorrect', () => {
  const cases = load<{ a: number[]; b: number[]; L: number }, number[]>('rtfCorrect');
  for (const c of cases) {
    it(`rtfCorrect(${c.name}) matches the oracle`, () => {
      const { a, b, L } = c.args;
      expectClose(rtfCorrect(f64(a), f64(b), L), c.expected, TOL, `rtfCorrect(${c.name})`);
    });
  }
});

describe('ssToTf', () => {
  const cases = load<
    { A: number[]; B: number[]; C: number[]; D: number; N: number },
    { a: number[]; b: number[]; h0: number }
  >('ssToTf');
  for (const c of cases) {
    it(`ssToTf(${c.name}) matches the oracle`, () => {
      const { A, B, C, D, N } = c.args;
      const tf = ssToTf(f64(A), f64(B), f64(C), D, N);
      const label = `ssToTf(${c.name})`;
      expectClose(tf.a, c.expected.a, TOL_EIG, `${label} a`);
      expectClose(tf.b, c.expected.b, TOL_EIG, `${label} b`);
      expectClose(tf.h0, c.expected.h0, TOL, `${label} h0`);
    });
  }
});

describe('companion', () => {
  const cases = load<{ a: number[]; b: number[]; h0: number }, JsonDiscrete>('companion');
  for (const c of cases) {
    it(`companion(${c.name}) matches the oracle`, () => {
      const { a, b, h0 } = c.args;
      const d = companion(f64(a), f64(b), h0);
      const label = `companion(${c.name})`;
      expect(d.N, `${label} N`).toBe(c.expected.N);
      expectClose(d.Ab, c.expected.Ab, TOL, `${label} Ab`);
      expectClose(d.Bb, c.expected.Bb, TOL, `${label} Bb`);
      expectClose(d.C, c.expected.C, TOL, `${label} C`);
      expect(d.D, `${label} D`).toBe(c.expected.D);
    });
  }
});

describe('polyRoots', () => {
  const cases = load<{ c: number[] }, JsonComplex>('polyRoots');
  for (const c of cases) {
    it(`polyRoots(${c.name}) matches the oracle`, () => {
      expectSameSet(polyRoots(f64(c.args.c)), c.expected, TOL_EIG, `polyRoots(${c.name})`);
    });
  }
});

describe('fft', () => {
  const cases = load<{ re: number[]; im: number[]; inverse?: boolean }, JsonComplex>('fft');
  for (const c of cases) {
    it(`fft(${c.name}) matches the oracle`, () => {
      const { re, im, inverse } = c.args;
      const z = inverse === undefined ? fft(f64(re), f64(im)) : fft(f64(re), f64(im), inverse);
      expectCloseComplex(z, c.expected, TOL, `fft(${c.name})`);
    });
  }
});
