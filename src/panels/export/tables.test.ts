/**
 * The panels' CSV tables: every column is named with a unit (or "index"), and the numbers read
 * back from the CSV text are the model's numbers exactly (shortest round-trip form).
 */
import { describe, expect, it } from 'vitest';
import { discretize, hippo, kernel } from '../../core/index';
import { continuousOf, readoutOf, signalOf, statesOf } from '../../state/derived';
import { computeKernel, responseOf, type KernelInputs } from '../../state/derived.kernels';
import { currentDiscrete, rtfKernelsOf, rtfSystemOf } from '../../state/derived.rtf';
import { basisGrid, basisTerms, truncationErrors } from '../basis/basis.model';
import { basisTable } from '../basis/basis.export';
import { coefficientsTable } from '../coefficients/coefficients.export';
import { eigenvaluesTable } from '../eigenvalues/eigenvalues.export';
import { marksOf } from '../eigenvalues/eigenvalues.model';
import { equivalenceTable } from '../equivalence/equivalence.export';
import { equivalenceRun } from '../equivalence/equivalence.model';
import { frequencyTable } from '../frequency/frequency.export';
import { toDb } from '../frequency/frequency.model';
import { kernelTable } from '../kernel/kernel.export';
import { matricesTable } from '../matrices/matrices.export';
import { performanceTable } from '../performance/performance.export';
import { rtfTable } from '../rtf/rtf.export';
import { signalTable } from '../signal/signal.export';
import { memoryView } from '../signal/signal.model';
import { toCsv, type CsvTable } from './csv';

/** Parses our CSV (quoted header cells, plain numeric or text cells). */
function parse(text: string): { header: string[]; rows: string[][] } {
  const lines = text.trimEnd().split('\n');
  const cells = (l: string) =>
    [...l.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)]
      .slice(0, -1)
      .map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"'));
  return { header: cells(lines[0]!), rows: lines.slice(1).map(cells) };
}

/** Column `name` of the CSV as numbers (empty cells dropped). */
function column(t: CsvTable, name: string): number[] {
  const { header, rows } = parse(toCsv(t));
  const j = header.indexOf(name);
  expect(j, `column ${name} in ${header.join(' | ')}`).toBeGreaterThanOrEqual(0);
  return rows
    .map((r) => r[j]!)
    .filter((c) => c !== '')
    .map(Number);
}

/** Every column says what it holds: a unit, "index", or what kind of value, in parentheses. */
const named = (t: CsvTable) => {
  for (const c of t.columns) expect(c, 'column named with a unit').toMatch(/ \([^()]+\)$/);
};

const P = {
  measure: 'legt' as const,
  N: 8,
  theta: 0.5,
  normalization: 'paper' as const,
  dt: 0.01,
  disc: 'bilinear' as const,
  L: 256,
  seed: 3,
};

describe('CSV text', () => {
  it('quotes where needed and writes numbers in round-trip form', () => {
    const text = toCsv({
      columns: ['a, b', 'say "x"', 'v'],
      rows: [
        [0.1 + 0.2, 'x,y', -1e-300],
        [Infinity, null, NaN],
      ],
    });
    expect(text).toBe('"a, b","say ""x""",v\n0.30000000000000004,"x,y",-1e-300\ninf,,nan\n');
  });
});

describe('panel tables hold the model’s numbers', () => {
  const u = signalOf('sines', P.L, P.seed, []);
  const st = statesOf(P.measure, P.N, P.theta, P.normalization, P.dt, P.disc, u);
  const k = 200;
  const view = memoryView(P.measure, P.normalization, P.theta, P.dt, u, st.X, st.N, k);

  it('signal: u_k at t = kΔ and the reconstruction over the window', () => {
    const t = signalTable(u, P.dt, view);
    named(t);
    expect(column(t, 'u (input)')).toEqual([...u]);
    expect(column(t, 't = kΔ (time)')).toEqual([...u].map((_, i) => i * P.dt));
    expect(column(t, 'reconstruction at τ (input units)')).toEqual([...view.recon]);
    expect(column(t, 'window τ (time)')).toEqual([...view.times]);
  });

  it('basis: coefficients, term weights and truncation errors', () => {
    const grid = basisGrid(P.measure, P.N, P.normalization, 241, 0);
    const terms = basisTerms(grid, view.coeffs);
    const errs = truncationErrors(P.measure, P.normalization, view);
    const t = basisTable(view.coeffs, terms.rms, errs, view.t);
    named(t);
    expect(column(t, `x_n at t = ${view.t} (coefficient)`)).toEqual([...view.coeffs]);
    expect(column(t, 'rms of x_n·φ_n over the window (input units)')).toEqual([...terms.rms]);
    expect(column(t, 'MSE of the first n+1 terms (input units²)')).toEqual([...errs]);
    expect(errs[P.N - 1]).toBeCloseTo(view.mse, 12);
  });

  it('coefficients: x_n(t) of LegS and LegT per step, thinned only when huge', () => {
    const legs = statesOf('legs', P.N, P.theta, P.normalization, P.dt, P.disc, u);
    const t = coefficientsTable(P.dt, legs, st);
    named(t);
    expect(t.rows).toHaveLength(P.L);
    expect(column(t, 'LegS x_3 (coefficient)')).toEqual(
      [...legs.X].filter((_, i) => i % P.N === 3),
    );
    expect(column(t, 'LegT x_0 (coefficient)')).toEqual([...st.X].filter((_, i) => i % P.N === 0));
    const big = statesOf('legs', 256, 1, 'paper', 0.01, 'bilinear', signalOf('sines', 8192, 1, []));
    const thin = coefficientsTable(0.01, big, undefined);
    expect(thin.rows.length * 256).toBeLessThanOrEqual(2_000_000);
    expect(thin.rows[1]![0]).toBe(Math.ceil((8192 * 256) / 2_000_000));
  });

  it('matrices: every entry of A, B, Ā, B̄, C', () => {
    const ssm = continuousOf(P.measure, P.N, P.theta, P.normalization);
    const d = currentDiscrete(P);
    const t = matricesTable(ssm, d);
    named(t);
    expect(t.rows).toHaveLength(2 * P.N * P.N + 3 * P.N);
    const value = (m: string, i: number, j: number) =>
      t.rows.find((r) => r[0] === m && r[1] === i && r[2] === j)?.[3];
    const ref = discretize({ ...hippo('legt', P.N, { theta: P.theta }), C: d.C }, P.dt, 'bilinear');
    expect(value('A', 2, 5)).toBe(ssm.A[2 * P.N + 5]);
    expect(value('Ā', 7, 1)).toBe(ref.Ab[7 * P.N + 1]);
    expect(value('B̄', 4, 0)).toBe(ref.Bb[4]);
    expect(value('C', 0, 6)).toBe(readoutOf(P.N, P.seed)[6]);
    expect(matricesTable(ssm, null).rows).toHaveLength(P.N * P.N + P.N);
  });

  it('eigenvalues: λ, z = f(Δλ) and |z| per mark', () => {
    const { marks } = marksOf('A', [-1, -0.5], [0, 2], 0.1, 'bilinear');
    const t = eigenvaluesTable(marks);
    named(t);
    expect(column(t, 'Re λ (1/time)')).toEqual([-1, -0.5]);
    expect(column(t, 'Im λ (rad/time)')).toEqual([0, 2]);
    // bilinear: z = (1 + Δλ/2)/(1 − Δλ/2)
    expect(column(t, 'Re z (unitless)')[0]).toBe(marks[0]!.z.re);
    expect(column(t, 'Re z (unitless)')[0]).toBeCloseTo(0.95 / 1.05, 15);
    expect(column(t, '|z| (unitless)')[1]).toBeCloseTo(
      Math.hypot(marks[1]!.z.re, marks[1]!.z.im),
      15,
    );
  });

  it('kernel: K_k of each method that has one', () => {
    const inp: KernelInputs = { ...P, measure: 'legs', correction: true };
    const naive = computeKernel('naive', inp).K!;
    const dplr = computeKernel('dplr', inp).K!;
    const t = kernelTable(P.dt, P.L, { naive, dplr, rtf: undefined });
    named(t);
    expect(t.columns).toEqual([
      'k (index)',
      't = kΔ (time)',
      'K_k naive (kernel)',
      'K_k DPLR (kernel)',
    ]);
    expect(column(t, 'K_k naive (kernel)')).toEqual([...naive]);
    expect(column(t, 'K_k DPLR (kernel)')).toEqual([...dplr]);
    const ref = kernel(
      discretize({ ...hippo('legs', P.N), C: readoutOf(P.N, P.seed) }, P.dt, 'bilinear'),
      P.L,
    );
    expect(column(t, 'K_k naive (kernel)')[5]).toBeCloseTo(ref[5]!, 14);
  });

  it('frequency: H(e^iω) on the panel’s grid', () => {
    const r = responseOf(P.measure, P.N, P.theta, P.normalization, P.seed, P.dt, 'log');
    const db = toDb(r.re, r.im);
    const t = frequencyTable(r, db);
    named(t);
    expect(column(t, 'ω (rad/sample)')).toEqual([...r.omega]);
    expect(column(t, 'Re H(e^iω) (gain)')).toEqual([...r.re]);
    expect(column(t, '|H| (dB)')).toEqual([...db]);
    expect(column(t, 'phase (rad, unwrapped)')).toEqual([...r.phase]);
  });

  it('equivalence: both routes, the kernel and the f32 GPU output', () => {
    const d = currentDiscrete(P);
    const r = equivalenceRun(d, u);
    const gpu = Float32Array.from(r.yConv);
    const t = equivalenceTable(u, r, gpu);
    named(t);
    expect(column(t, 'y_k recurrence (f64)')).toEqual([...r.yRec]);
    expect(column(t, 'y_k FFT convolution (f64)')).toEqual([...r.yConv]);
    expect(column(t, 'K_k (kernel)')).toEqual([...kernel(d, P.L)]);
    expect(column(t, 'y_k FFT convolution (GPU, f32)')).toEqual([...gpu]);
    expect(equivalenceTable(u, r, undefined).columns).toHaveLength(5);
  });

  it('rtf: exact response and FFT kernels', () => {
    const k = rtfKernelsOf(rtfSystemOf([-1.1, 0.03, 0.135], [0.5, -0.2, 0.1], 0.3), 64, 'paper');
    const t = rtfTable(k);
    named(t);
    expect(column(t, 'K_k exact (impulse response)')).toEqual([...k.exact]);
    expect(column(t, 'K_k FFT (aliased)')).toEqual([...k.fft!]);
    expect(column(t, 'K_k FFT with b̃ (corrected)')).toEqual([...k.corrected!]);
    expect(k.exact[0]).toBe(0.3);
  });

  it('performance: one row per benchmark row', () => {
    const row = {
      op: 'rtf',
      impl: 'core' as const,
      backend: 'cpu' as const,
      H: 1,
      N: 64,
      L: 1024,
      msMedian: 0.25,
      msMin: 0.2,
      runs: 5,
    };
    const t = performanceTable([row, { ...row, N: null, error: 'failed, badly' }]);
    named(t);
    expect(column(t, 'median (ms)')).toEqual([0.25, 0.25]);
    expect(parse(toCsv(t)).rows[1]).toEqual([
      'rtf',
      'core',
      'cpu',
      '1',
      '',
      '1024',
      '0.25',
      '0.2',
      '5',
      '1',
      'failed, badly',
    ]);
  });
});
