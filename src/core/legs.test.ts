import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close';
import { expm } from './expm';
import { hippo } from './hippo';
import { legsRun, legsStep } from './legs';

describe('legsStep: closed-form LegS propagator', () => {
  for (const N of [1, 2, 5, 16, 64]) {
    for (const k of [1, 2, 7, 100, 5000]) {
      it(`equals the Padé exponential e^{ln((k+1)/k)A} and A⁻¹(e^{hA}−I)B for N=${N}, k=${k}`, () => {
        const { A, B } = hippo('legs', N);
        const h = Math.log1p(1 / k);
        const M = N + 1;
        const Z = new Float64Array(M * M);
        for (let i = 0; i < N; i++) {
          for (let j = 0; j < N; j++) Z[i * M + j] = h * A[i * N + j]!;
          Z[i * M + N] = h * B[i]!;
        }
        const Ex = expm(Z, M);
        const Eref = new Float64Array(N * N);
        const Fref = new Float64Array(N);
        for (let i = 0; i < N; i++) {
          for (let j = 0; j < N; j++) Eref[i * N + j] = Ex[i * M + j]!;
          Fref[i] = Ex[i * M + N]!;
        }
        const { E, F } = legsStep(N, k);
        expectClose(E, Eref, 1e-10, `E N=${N} k=${k}`);
        expectClose(F, Fref, 1e-10, `F N=${N} k=${k}`);
      });
    }
  }
  it('legsRun exact stays bounded over a long constant input (x = u0 e0 exactly)', () => {
    const X = legsRun(32, new Float64Array(4000).fill(0.7), 'exact');
    const last = X.subarray(3999 * 32);
    expect(last[0]).toBeCloseTo(0.7, 12);
    for (let n = 1; n < 32; n++) expect(Math.abs(last[n]!)).toBeLessThan(1e-11);
  });
});
