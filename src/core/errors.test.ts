/**
 * Error paths of the core's public surface (DESIGN §3): every invalid argument throws a
 * RangeError whose message names the argument (at the start of the message, optionally behind
 * its object, as in `ssm.A[3] …` or `Lambda.im …`) and states what is allowed ("must …").
 * One test per error path.
 */
import { describe, expect, it } from 'vitest';

import {
  causalConv,
  companion,
  discretize,
  eigenvalues,
  expm,
  fft,
  hippo,
  hippoReconstruct,
  kernel,
  legsRun,
  MAX_L,
  MAX_N,
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

type Case = [title: string, call: () => unknown, arg: string];

/** The message must start with the argument's name, e.g. `N`, `ssm.A`, `Lambda.im`, `a[2]`. */
function names(arg: string): RegExp {
  const escaped = arg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^(?:[A-Za-z]\\w*\\.)?${escaped}\\b`);
}

function expectRangeError(call: () => unknown, arg: string): void {
  expect(call).toThrow(RangeError);
  expect(call).toThrow(names(arg));
  expect(call).toThrow(/must/);
}

function runCases(cases: Case[]): void {
  it.each(cases)('%s', (_title, call, arg) => {
    expectRangeError(call, arg);
  });
}

const f64 = (...v: number[]): Float64Array => Float64Array.from(v);
/** A copy of v with v[i] replaced. */
const withValue = (v: Float64Array, i: number, x: number): Float64Array => {
  const w = Float64Array.from(v);
  w[i] = x;
  return w;
};
const BAD = [
  ['NaN', Number.NaN],
  ['Infinity', Infinity],
  ['−Infinity', -Infinity],
] as const;
const BAD_INT = [
  ['0', 0],
  ['−1', -1],
  ['2.5', 2.5],
  ['NaN', Number.NaN],
  ['Infinity', Infinity],
] as const;
const BAD_DT = [
  ['0', 0],
  ['−0.1', -0.1],
  ['NaN', Number.NaN],
  ['Infinity', Infinity],
] as const;

// Valid arguments the cases perturb one at a time.
const N = 4;
const ssm = { ...hippo('legt', N), C: f64(1, 2, 3, 4), D: 0.5 };
const d = discretize(ssm, 0.1, 'bilinear');
const u = f64(1, -2, 0.5);
const C4 = f64(0.5, -0.3, 0.2, 0.1);
const Lam = { re: f64(-1, -0.5), im: f64(0, 3) };
const Bc = { re: f64(1, 1), im: f64(0, 0.5) };
const Cc = { re: f64(0.3, -0.2), im: f64(0.1, 0.4) };
const a = f64(-0.5, 0.2);
const b = f64(1, 0.3);

describe('every argument error is a RangeError that names the argument', () => {
  describe('hippo', () => {
    runCases([
      ...BAD_INT.map(([s, v]): Case => [`N = ${s}`, () => hippo('legs', v), 'N']),
      ['N too large', () => hippo('legs', MAX_N + 1), 'N'],
      ['unknown measure', () => hippo('legx' as never, 4), 'measure'],
      ['theta = 0', () => hippo('legt', 4, { theta: 0 }), 'theta'],
      ['theta < 0', () => hippo('lmu', 4, { theta: -1 }), 'theta'],
      ['theta NaN', () => hippo('fout', 4, { theta: Number.NaN }), 'theta'],
      ['theta Infinity', () => hippo('legt', 4, { theta: Infinity }), 'theta'],
      [
        'unknown normalization',
        () => hippo('legs', 4, { normalization: 'unit' as never }),
        'normalization',
      ],
      ['fout with odd N', () => hippo('fout', 5), 'N'],
    ]);
  });

  describe('discretize', () => {
    runCases([
      ['ssm not an object', () => discretize(null as never, 0.1, 'zoh'), 'ssm'],
      ...BAD_INT.map(([s, v]): Case => [
        `ssm.N = ${s}`,
        () => discretize({ ...ssm, N: v }, 0.1, 'zoh'),
        'N',
      ]),
      ['ssm.N too large', () => discretize({ ...ssm, N: MAX_N + 1 }, 0.1, 'zoh'), 'N'],
      ...BAD.map(([s, v]): Case => [
        `A contains ${s}`,
        () => discretize({ ...ssm, A: withValue(ssm.A, 5, v) }, 0.1, 'zoh'),
        'A',
      ]),
      ...BAD.map(([s, v]): Case => [
        `B contains ${s}`,
        () => discretize({ ...ssm, B: withValue(ssm.B, 1, v) }, 0.1, 'bilinear'),
        'B',
      ]),
      ...BAD.map(([s, v]): Case => [
        `C contains ${s}`,
        () => discretize({ ...ssm, C: withValue(C4, 3, v) }, 0.1, 'bilinear'),
        'C',
      ]),
      ['D NaN', () => discretize({ ...ssm, D: Number.NaN }, 0.1, 'bilinear'), 'D'],
      [
        'A of the wrong length',
        () => discretize({ ...ssm, A: ssm.A.subarray(1) }, 0.1, 'zoh'),
        'A',
      ],
      ['B of the wrong length', () => discretize({ ...ssm, B: f64(1, 2, 3) }, 0.1, 'zoh'), 'B'],
      [
        'C of the wrong length',
        () => discretize({ ...ssm, C: f64(1, 2, 3, 4, 5) }, 0.1, 'zoh'),
        'C',
      ],
      ...BAD_DT.map(([s, v]): Case => [`dt = ${s}`, () => discretize(ssm, v, 'bilinear'), 'dt']),
      ['unknown method', () => discretize(ssm, 0.1, 'euler' as never), 'method'],
      ['gbt α < 0', () => discretize(ssm, 0.1, { gbt: -0.1 }), 'method.gbt'],
      ['gbt α > 1', () => discretize(ssm, 0.1, { gbt: 1.5 }), 'method.gbt'],
      ['gbt α NaN', () => discretize(ssm, 0.1, { gbt: Number.NaN }), 'method.gbt'],
      [
        'I − α dt A singular (backward, A = 1, dt = 1)',
        () => discretize({ N: 1, A: f64(1), B: f64(1) }, 1, 'backward'),
        'dt',
      ],
    ]);
  });

  describe('eigenvalues', () => {
    runCases([
      ...BAD_INT.map(([s, v]): Case => [`N = ${s}`, () => eigenvalues(ssm.A, v), 'N']),
      ['N too large', () => eigenvalues(ssm.A, MAX_N + 1), 'N'],
      ...BAD.map(([s, v]): Case => [
        `A contains ${s}`,
        () => eigenvalues(withValue(ssm.A, 0, v), N),
        'A',
      ]),
      ['A of the wrong length', () => eigenvalues(ssm.A, N + 1), 'A'],
    ]);
  });

  describe('legsRun', () => {
    runCases([
      ...BAD_INT.map(([s, v]): Case => [`N = ${s}`, () => legsRun(v, u, 'exact'), 'N']),
      ['N too large', () => legsRun(MAX_N + 1, u, 'exact'), 'N'],
      ...BAD.map(([s, v]): Case => [
        `u contains ${s}`,
        () => legsRun(4, withValue(u, 2, v), 'bilinear'),
        'u',
      ]),
      ['u empty (L < 1)', () => legsRun(4, f64(), 'exact'), 'u'],
      ['unknown scheme', () => legsRun(4, u, 'zoh' as never), 'scheme'],
      [
        'unknown normalization',
        () => legsRun(4, u, 'exact', { normalization: 'unit' as never }),
        'normalization',
      ],
      [
        'empty-string normalization',
        () => legsRun(4, u, 'exact', { normalization: '' as never }),
        'normalization',
      ],
    ]);
  });

  describe('hippoReconstruct', () => {
    const x = f64(1, 0.5, -0.25, 0.1);
    const s = f64(0, 0.5, 1);
    runCases([
      ['unknown measure', () => hippoReconstruct('legx' as never, x, s), 'measure'],
      ...BAD.map(([t, v]): Case => [
        `x contains ${t}`,
        () => hippoReconstruct('legs', withValue(x, 1, v), s),
        'x',
      ]),
      ['x empty (N < 1)', () => hippoReconstruct('legs', f64(), s), 'x'],
      [
        'x too long (N too large)',
        () => hippoReconstruct('legs', new Float64Array(MAX_N + 1), s),
        'x',
      ],
      ...BAD.map(([t, v]): Case => [
        `s contains ${t}`,
        () => hippoReconstruct('legt', x, withValue(s, 0, v)),
        's',
      ]),
      ['theta = 0', () => hippoReconstruct('legt', x, s, { theta: 0 }), 'theta'],
      ['theta < 0', () => hippoReconstruct('fout', x, s, { theta: -2 }), 'theta'],
      [
        'unknown normalization',
        () => hippoReconstruct('legs', x, s, { normalization: 'unit' as never }),
        'normalization',
      ],
      ['fout with odd N = x.length', () => hippoReconstruct('fout', f64(1, 0, 0.5), s), 'x'],
    ]);
  });

  describe('kernel', () => {
    runCases([
      ['d not an object', () => kernel(null as never, 4), 'd'],
      ...BAD_INT.map(([t, v]): Case => [`d.N = ${t}`, () => kernel({ ...d, N: v }, 4), 'N']),
      ...BAD.map(([t, v]): Case => [
        `Ab contains ${t}`,
        () => kernel({ ...d, Ab: withValue(d.Ab, 3, v) }, 4),
        'Ab',
      ]),
      ...BAD.map(([t, v]): Case => [
        `Bb contains ${t}`,
        () => kernel({ ...d, Bb: withValue(d.Bb, 0, v) }, 4),
        'Bb',
      ]),
      ...BAD.map(([t, v]): Case => [
        `C contains ${t}`,
        () => kernel({ ...d, C: withValue(d.C, 2, v) }, 4),
        'C',
      ]),
      ['D NaN', () => kernel({ ...d, D: Number.NaN }, 4), 'D'],
      ['Ab of the wrong length', () => kernel({ ...d, Ab: d.Ab.subarray(0, 9) }, 4), 'Ab'],
      ['Bb of the wrong length', () => kernel({ ...d, Bb: f64(1) }, 4), 'Bb'],
      ['C of the wrong length', () => kernel({ ...d, C: f64(1, 2) }, 4), 'C'],
      ...BAD_INT.map(([t, v]): Case => [`L = ${t}`, () => kernel(d, v), 'L']),
      ['L too large', () => kernel(d, MAX_L + 1), 'L'],
    ]);
  });

  describe('recurrence', () => {
    runCases([
      ['d not an object', () => recurrence(undefined as never, u), 'd'],
      ['d.N = 0', () => recurrence({ ...d, N: 0 }, u), 'N'],
      ['Ab contains NaN', () => recurrence({ ...d, Ab: withValue(d.Ab, 0, Number.NaN) }, u), 'Ab'],
      ['Bb of the wrong length', () => recurrence({ ...d, Bb: f64(1, 2, 3, 4, 5) }, u), 'Bb'],
      ['C contains Infinity', () => recurrence({ ...d, C: withValue(d.C, 0, Infinity) }, u), 'C'],
      ['D Infinity', () => recurrence({ ...d, D: Infinity }, u), 'D'],
      ...BAD.map(([t, v]): Case => [
        `u contains ${t}`,
        () => recurrence(d, withValue(u, 1, v)),
        'u',
      ]),
      ['u empty (L < 1)', () => recurrence(d, f64()), 'u'],
    ]);
  });

  describe('causalConv', () => {
    const K = f64(1, 0.5, 0.25);
    runCases([
      ...BAD.map(([t, v]): Case => [
        `K contains ${t}`,
        () => causalConv(withValue(K, 1, v), u),
        'K',
      ]),
      ['K empty', () => causalConv(f64(), u), 'K'],
      ...BAD.map(([t, v]): Case => [
        `u contains ${t}`,
        () => causalConv(K, withValue(u, 0, v)),
        'u',
      ]),
      ['u empty (L < 1)', () => causalConv(K, f64()), 'u'],
    ]);
  });

  describe('s4Kernel', () => {
    runCases([
      ['unknown measure', () => s4Kernel('legx' as never, 4, C4, 0.1, 8, 'naive'), 'measure'],
      [
        "measure 'lmu' (not an S4 measure)",
        () => s4Kernel('lmu' as never, 4, C4, 0.1, 8, 'naive'),
        'measure',
      ],
      ...BAD_INT.map(([t, v]): Case => [
        `N = ${t}`,
        () => s4Kernel('legs', v, C4, 0.1, 8, 'naive'),
        'N',
      ]),
      ['N too large', () => s4Kernel('legs', MAX_N + 1, C4, 0.1, 8, 'naive'), 'N'],
      ...BAD.map(([t, v]): Case => [
        `C contains ${t}`,
        () => s4Kernel('legs', 4, withValue(C4, 1, v), 0.1, 8, 'dplr'),
        'C',
      ]),
      ['C of the wrong length', () => s4Kernel('legs', 4, f64(1, 2, 3), 0.1, 8, 'generating'), 'C'],
      ...BAD_DT.map(([t, v]): Case => [
        `dt = ${t}`,
        () => s4Kernel('legs', 4, C4, v, 8, 'dplr'),
        'dt',
      ]),
      ...BAD_INT.map(([t, v]): Case => [
        `L = ${t}`,
        () => s4Kernel('legs', 4, C4, 0.1, v, 'generating'),
        'L',
      ]),
      ['unknown method', () => s4Kernel('legs', 4, C4, 0.1, 8, 'cauchy' as never), 'method'],
      ...(['legt', 'lagt', 'fout'] as const).map((m): Case => [
        `'dplr' with measure '${m}'`,
        () => s4Kernel(m, 4, C4, 0.1, 8, 'dplr'),
        'measure',
      ]),
      ['fout with odd N', () => s4Kernel('fout', 3, f64(1, 2, 3), 0.1, 8, 'naive'), 'N'],
    ]);
  });

  describe('nplr', () => {
    runCases([
      ...BAD_INT.map(([t, v]): Case => [`N = ${t}`, () => nplr(v), 'N']),
      ['N too large', () => nplr(MAX_N + 1), 'N'],
    ]);
  });

  describe('s4dKernel', () => {
    runCases([
      ...BAD.map(([t, v]): Case => [
        `Lambda.re contains ${t}`,
        () => s4dKernel({ ...Lam, re: withValue(Lam.re, 0, v) }, Bc, Cc, 0.1, 8, 'zoh'),
        'Lambda',
      ]),
      ...BAD.map(([t, v]): Case => [
        `Lambda.im contains ${t}`,
        () => s4dKernel({ ...Lam, im: withValue(Lam.im, 1, v) }, Bc, Cc, 0.1, 8, 'zoh'),
        'Lambda',
      ]),
      [
        'Lambda.im of the wrong length',
        () => s4dKernel({ ...Lam, im: f64(0) }, Bc, Cc, 0.1, 8, 'zoh'),
        'Lambda',
      ],
      ['Lambda empty', () => s4dKernel({ re: f64(), im: f64() }, Bc, Cc, 0.1, 8, 'zoh'), 'Lambda'],
      [
        'Lambda too long (N too large)',
        () =>
          s4dKernel(
            { re: new Float64Array(MAX_N + 1), im: new Float64Array(MAX_N + 1) },
            Bc,
            Cc,
            0.1,
            8,
            'zoh',
          ),
        'Lambda',
      ],
      ['Lambda not complex', () => s4dKernel(f64(1, 2) as never, Bc, Cc, 0.1, 8, 'zoh'), 'Lambda'],
      ...BAD.map(([t, v]): Case => [
        `B.re contains ${t}`,
        () => s4dKernel(Lam, { ...Bc, re: withValue(Bc.re, 1, v) }, Cc, 0.1, 8, 'bilinear'),
        'B',
      ]),
      ...BAD.map(([t, v]): Case => [
        `B.im contains ${t}`,
        () => s4dKernel(Lam, { ...Bc, im: withValue(Bc.im, 1, v) }, Cc, 0.1, 8, 'bilinear'),
        'B',
      ]),
      [
        'B of the wrong length',
        () => s4dKernel(Lam, { re: f64(1), im: f64(0) }, Cc, 0.1, 8, 'zoh'),
        'B',
      ],
      ...BAD.map(([t, v]): Case => [
        `C.re contains ${t}`,
        () => s4dKernel(Lam, Bc, { ...Cc, re: withValue(Cc.re, 0, v) }, 0.1, 8, 'zoh'),
        'C',
      ]),
      ...BAD.map(([t, v]): Case => [
        `C.im contains ${t}`,
        () => s4dKernel(Lam, Bc, { ...Cc, im: withValue(Cc.im, 0, v) }, 0.1, 8, 'zoh'),
        'C',
      ]),
      [
        'C of the wrong length',
        () => s4dKernel(Lam, Bc, { re: f64(1, 2, 3), im: f64(0, 0, 0) }, 0.1, 8, 'zoh'),
        'C',
      ],
      ...BAD_DT.map(([t, v]): Case => [
        `dt = ${t}`,
        () => s4dKernel(Lam, Bc, Cc, v, 8, 'zoh'),
        'dt',
      ]),
      ...BAD_INT.map(([t, v]): Case => [
        `L = ${t}`,
        () => s4dKernel(Lam, Bc, Cc, 0.1, v, 'bilinear'),
        'L',
      ]),
      ['unknown disc', () => s4dKernel(Lam, Bc, Cc, 0.1, 8, 'forward' as never), 'disc'],
    ]);
  });

  describe('s4dInit', () => {
    runCases([
      ['unknown kind', () => s4dInit('legt' as never, 8), 'kind'],
      ['odd N', () => s4dInit('lin', 5), 'N'],
      ['odd N (legs)', () => s4dInit('legs', 7), 'N'],
      ...BAD_INT.map(([t, v]): Case => [`N = ${t}`, () => s4dInit('inv', v), 'N']),
      ['N too large', () => s4dInit('real', MAX_N + 2), 'N'],
    ]);
  });

  describe('rtfKernel', () => {
    runCases([
      ['L = n (L must exceed the RTF order)', () => rtfKernel(a, b, 0.3, 2), 'L'],
      ['L < n', () => rtfKernel(a, b, 0.3, 1), 'L'],
      ...BAD_INT.map(([t, v]): Case => [`L = ${t}`, () => rtfKernel(f64(), f64(), 0.3, v), 'L']),
      ['L too large', () => rtfKernel(a, b, 0.3, MAX_L + 1), 'L'],
      ...BAD.map(([t, v]): Case => [
        `a contains ${t}`,
        () => rtfKernel(withValue(a, 0, v), b, 0.3, 8),
        'a',
      ]),
      ...BAD.map(([t, v]): Case => [
        `b contains ${t}`,
        () => rtfKernel(a, withValue(b, 1, v), 0.3, 8),
        'b',
      ]),
      ['b of the wrong length', () => rtfKernel(a, f64(1), 0.3, 8), 'b'],
      ...BAD.map(([t, v]): Case => [`h0 = ${t}`, () => rtfKernel(a, b, v, 8), 'h0']),
      [
        'unknown convention',
        () => rtfKernel(a, b, 0.3, 8, { convention: 'delay' as never }),
        'convention',
      ],
      // 1 + a1 z⁻¹ + … vanishes on an L-th root of unity: a pole on the unit circle.
      ...[2, 4, 6, 10, 100].map((L): Case => [
        `a = [1], L = ${L}: 1 + z⁻¹ = 0 at z = −1`,
        () => rtfKernel(f64(1), f64(1), 0, L),
        'a',
      ]),
      ...[2, 3, 5, 7, 256].map((L): Case => [
        `a = [−1], L = ${L}: 1 − z⁻¹ = 0 at z = 1`,
        () => rtfKernel(f64(-1), f64(1), 0, L),
        'a',
      ]),
      ...[4, 8, 12].map((L): Case => [
        `a = [0, 1], L = ${L}: 1 + z⁻² = 0 at z = ±i`,
        () => rtfKernel(f64(0, 1), f64(1, 1), 0, L, { convention: 'blog' }),
        'a',
      ]),
    ]);
  });

  describe('rtfImpulse', () => {
    runCases([
      ...BAD_INT.map(([t, v]): Case => [`L = ${t}`, () => rtfImpulse(a, b, 0.3, v), 'L']),
      ['L too large', () => rtfImpulse(a, b, 0.3, MAX_L + 1), 'L'],
      ...BAD.map(([t, v]): Case => [
        `a contains ${t}`,
        () => rtfImpulse(withValue(a, 1, v), b, 0.3, 8),
        'a',
      ]),
      ...BAD.map(([t, v]): Case => [
        `b contains ${t}`,
        () => rtfImpulse(a, withValue(b, 0, v), 0.3, 8),
        'b',
      ]),
      ['b of the wrong length', () => rtfImpulse(a, f64(1, 2, 3), 0.3, 8), 'b'],
      ['h0 NaN', () => rtfImpulse(a, b, Number.NaN, 8), 'h0'],
    ]);
  });

  describe('rtfCorrect', () => {
    runCases([
      ...BAD_INT.map(([t, v]): Case => [`L = ${t}`, () => rtfCorrect(a, b, v), 'L']),
      ...BAD.map(([t, v]): Case => [
        `a contains ${t}`,
        () => rtfCorrect(withValue(a, 0, v), b, 8),
        'a',
      ]),
      ...BAD.map(([t, v]): Case => [
        `b contains ${t}`,
        () => rtfCorrect(a, withValue(b, 1, v), 8),
        'b',
      ]),
      ['b of the wrong length', () => rtfCorrect(a, f64(), 8), 'b'],
    ]);
  });

  describe('ssToTf', () => {
    runCases([
      ...BAD_INT.map(([t, v]): Case => [`N = ${t}`, () => ssToTf(ssm.A, ssm.B, C4, 0, v), 'N']),
      ['N too large', () => ssToTf(ssm.A, ssm.B, C4, 0, MAX_N + 1), 'N'],
      ...BAD.map(([t, v]): Case => [
        `A contains ${t}`,
        () => ssToTf(withValue(ssm.A, 7, v), ssm.B, C4, 0, N),
        'A',
      ]),
      ...BAD.map(([t, v]): Case => [
        `B contains ${t}`,
        () => ssToTf(ssm.A, withValue(ssm.B, 2, v), C4, 0, N),
        'B',
      ]),
      ...BAD.map(([t, v]): Case => [
        `C contains ${t}`,
        () => ssToTf(ssm.A, ssm.B, withValue(C4, 3, v), 0, N),
        'C',
      ]),
      ...BAD.map(([t, v]): Case => [`D = ${t}`, () => ssToTf(ssm.A, ssm.B, C4, v, N), 'D']),
      ['A of the wrong length', () => ssToTf(ssm.A.subarray(0, 15), ssm.B, C4, 0, N), 'A'],
      ['B of the wrong length', () => ssToTf(ssm.A, f64(1, 2, 3), C4, 0, N), 'B'],
      ['C of the wrong length', () => ssToTf(ssm.A, ssm.B, f64(1, 2, 3, 4, 5), 0, N), 'C'],
    ]);
  });

  describe('companion', () => {
    runCases([
      ['a empty (order 0)', () => companion(f64(), f64(), 0), 'a'],
      [
        'a too long (N too large)',
        () => companion(new Float64Array(MAX_N + 1), new Float64Array(MAX_N + 1), 0),
        'a',
      ],
      ...BAD.map(([t, v]): Case => [
        `a contains ${t}`,
        () => companion(withValue(a, 1, v), b, 0),
        'a',
      ]),
      ...BAD.map(([t, v]): Case => [
        `b contains ${t}`,
        () => companion(a, withValue(b, 0, v), 0),
        'b',
      ]),
      ['b of the wrong length', () => companion(a, f64(1, 2, 3), 0), 'b'],
      ...BAD.map(([t, v]): Case => [`h0 = ${t}`, () => companion(a, b, v), 'h0']),
    ]);
  });

  describe('polyRoots', () => {
    runCases([
      ...BAD.map(([t, v]): Case => [`c contains ${t}`, () => polyRoots(withValue(a, 0, v)), 'c']),
      ['c too long (degree too large)', () => polyRoots(new Float64Array(MAX_N + 1)), 'c'],
      ['c not an array', () => polyRoots(undefined as never), 'c'],
    ]);
  });

  describe('fft', () => {
    const re = f64(1, 2, 3, 4, 5);
    const im = f64(0, 0, 1, 0, 0);
    runCases([
      ['re empty (n < 1)', () => fft(f64(), f64()), 're'],
      ['re not an array', () => fft(undefined as never, im), 're'],
      ...BAD.map(([t, v]): Case => [`re contains ${t}`, () => fft(withValue(re, 3, v), im), 're']),
      ...BAD.map(([t, v]): Case => [
        `im contains ${t}`,
        () => fft(re, withValue(im, 4, v), true),
        'im',
      ]),
      ['im of the wrong length', () => fft(re, f64(0, 0)), 'im'],
    ]);
  });

  describe('expm (exported helper)', () => {
    runCases([
      ...BAD_INT.map(([t, v]): Case => [`n = ${t}`, () => expm(f64(1), v), 'n']),
      ...BAD.map(([t, v]): Case => [`A contains ${t}`, () => expm(f64(1, v, 0, 1), 2), 'A']),
      ['A of the wrong length', () => expm(f64(1, 2, 3), 2), 'A'],
    ]);
  });
});

describe('valid edge cases do not throw', () => {
  it('rtfKernel with a = [1] and odd L (−1 is not an L-th root of unity)', () => {
    expect(() => rtfKernel(f64(1), f64(1), 0, 7)).not.toThrow();
  });
  it('rtfKernel of order 0 (a = b = [], L = 1) is h0 at tap 0', () => {
    expect(Array.from(rtfKernel(f64(), f64(), 0.7, 1))).toEqual([0.7]);
  });
  it('polyRoots of the empty polynomial is empty', () => {
    expect(polyRoots(f64()).re.length).toBe(0);
  });
  it('lagt ignores theta but still validates it; a valid theta is accepted', () => {
    expect(() => hippo('lagt', 3, { theta: 5 })).not.toThrow();
  });
});
