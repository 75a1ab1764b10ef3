/**
 * SSM Lab float64 core — the public surface of DESIGN §3. Pure, deterministic functions;
 * invalid arguments throw a RangeError naming the argument and its allowed range.
 */
export type {
  Complex,
  ContinuousSSM,
  Disc,
  DiscreteSSM,
  HippoOptions,
  Measure,
  Normalization,
  RtfConvention,
  S4dInitKind,
  S4Method,
} from './types';
export { hippo, hippoReconstruct, hippoBasis, MEASURES } from './hippo';
export { discretize } from './discretize';
export { eigenvalues } from './eig';
export { expm } from './expm';
export { legsRun } from './legs';
export { kernel, recurrence, recurrenceStates, causalConv } from './ssm';
export { s4Kernel, nplr, s4dKernel, s4dInit } from './s4';
export { rtfKernel, rtfImpulse, rtfCorrect, ssToTf, companion, polyRoots, charPoly } from './rtf';
export { fft } from './fft';
export { MAX_N, MAX_L } from './validate';
export { signalPreset, resample, rng, gaussian, SIGNAL_PRESETS } from './signals';
export type { SignalPreset } from './signals';
export { hessenbergResolvent } from './linalg';
