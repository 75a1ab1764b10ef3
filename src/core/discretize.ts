/**
 * Discretisation of x' = A x + B u with step Δ (REFERENCE §2.2), S4 convention
 * x_k = Ā x_{k−1} + B̄ u_k; C and D pass through unchanged (S4 keeps C̄ = C).
 * - forward:  Ā = I + ΔA,                      B̄ = ΔB
 * - backward: Ā = (I − ΔA)⁻¹,                  B̄ = Δ(I − ΔA)⁻¹B
 * - GBT α:    Ā = (I − αΔA)⁻¹(I + (1−α)ΔA),    B̄ = Δ(I − αΔA)⁻¹B   (bilinear: α = ½)
 * - zoh:      Ā = e^{ΔA}, B̄ = A⁻¹(e^{ΔA} − I)B from the block exponential exp([[ΔA, ΔB], [0, 0]])
 *             (valid for singular A).
 */
import { expm } from './expm';
import { eye, luFactor, luSolve, luSolveMatrix, shiftScale } from './linalg';
import type { ContinuousSSM, Disc, DiscreteSSM } from './types';
import { checkFiniteArray, checkFiniteNumber, checkInt, checkPositive, MAX_N } from './validate';

export function checkContinuous(ssm: ContinuousSSM): void {
  if (!ssm || typeof ssm !== 'object')
    throw new RangeError('ssm must be an object { N, A, B, C?, D? }');
  checkInt('ssm.N', ssm.N, 1, MAX_N);
  checkFiniteArray('ssm.A', ssm.A, ssm.N * ssm.N);
  checkFiniteArray('ssm.B', ssm.B, ssm.N);
  if (ssm.C !== undefined) checkFiniteArray('ssm.C', ssm.C, ssm.N);
  if (ssm.D !== undefined) checkFiniteNumber('ssm.D', ssm.D);
}

/** GBT weight α of a method: forward 0, backward 1, bilinear ½; undefined for zoh. */
export function gbtAlpha(method: Disc): number | undefined {
  if (typeof method === 'object' && method !== null && 'gbt' in method) {
    const a = method.gbt;
    if (typeof a !== 'number' || !Number.isFinite(a) || a < 0 || a > 1) {
      throw new RangeError(`method.gbt must be a number in [0, 1], got ${String(a)}`);
    }
    return a;
  }
  switch (method) {
    case 'forward':
      return 0;
    case 'backward':
      return 1;
    case 'bilinear':
      return 0.5;
    case 'zoh':
      return undefined;
    default:
      throw new RangeError(
        `method must be one of 'forward', 'backward', 'bilinear', 'zoh' or { gbt: α ∈ [0, 1] }, got ${JSON.stringify(method)}`,
      );
  }
}

export function discretize(ssm: ContinuousSSM, dt: number, method: Disc): DiscreteSSM {
  checkContinuous(ssm);
  checkPositive('dt', dt);
  const alpha = gbtAlpha(method);
  const { N, A, B } = ssm;
  const C = ssm.C ? Float64Array.from(ssm.C) : new Float64Array(N).fill(1);
  const D = ssm.D ?? 0;
  if (alpha === undefined) {
    const M = N + 1;
    const Z = new Float64Array(M * M);
    for (let i = 0; i < N; i++) {
      for (let j = 0; j < N; j++) Z[i * M + j] = dt * A[i * N + j]!;
      Z[i * M + N] = dt * B[i]!;
    }
    const E = expm(Z, M);
    const Ab = new Float64Array(N * N);
    const Bb = new Float64Array(N);
    for (let i = 0; i < N; i++) {
      for (let j = 0; j < N; j++) Ab[i * N + j] = E[i * M + j]!;
      Bb[i] = E[i * M + N]!;
    }
    return { N, Ab, Bb, C, D };
  }
  const lhs = luFactor(shiftScale(A, N, 1, -alpha * dt), N);
  if (lhs.singular) {
    throw new RangeError(
      `dt must avoid I − ${alpha}·dt·A being singular (an eigenvalue of A equals 1/(${alpha}·dt))`,
    );
  }
  const Ab =
    alpha === 0
      ? shiftScale(A, N, 1, dt)
      : luSolveMatrix(lhs, alpha === 1 ? eye(N) : shiftScale(A, N, 1, (1 - alpha) * dt));
  const Bb = alpha === 0 ? B.map((b) => b * dt) : luSolve(lhs, B).map((b) => b * dt);
  return { N, Ab, Bb, C, D };
}
