/**
 * Shared types of the float64 core. Conventions (DESIGN §2): continuous x' = A x + B u with the
 * minus sign inside A; discrete (S4) x_k = Ā x_{k−1} + B̄ u_k, y_k = C x_k + D u_k, x_{−1} = 0.
 * Matrices are row-major Float64Array of length N·N.
 */

export type Measure = 'legs' | 'legt' | 'lmu' | 'lagt' | 'fout';
export type Normalization = 'paper' | 'blog';
export type Disc = 'forward' | 'backward' | 'bilinear' | 'zoh' | { gbt: number };
export type S4Method = 'naive' | 'generating' | 'dplr';
export type S4dInitKind = 'legs' | 'lin' | 'inv' | 'real';
export type RtfConvention = 'paper' | 'blog';

/** A complex vector as two float64 arrays of equal length. */
export interface Complex {
  re: Float64Array;
  im: Float64Array;
}

export interface ContinuousSSM {
  N: number;
  A: Float64Array;
  B: Float64Array;
  C?: Float64Array;
  D?: number;
}

export interface DiscreteSSM {
  N: number;
  Ab: Float64Array;
  Bb: Float64Array;
  C: Float64Array;
  D: number;
}

export interface HippoOptions {
  /** Window length θ for legt, lmu (default 1) and fout (default 2). */
  theta?: number;
  normalization?: Normalization;
}
