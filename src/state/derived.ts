/**
 * Derived values of the lab, as memoised selectors of the parameters (DESIGN §6: the store holds
 * inputs only). Each selector takes the few inputs it depends on, so panels recompute only what
 * a change touches. Unstable or invalid settings come back as a typed `warning`, never as NaN.
 */
import {
  discretize,
  eigenvalues,
  gaussian,
  hippo,
  legsRun,
  recurrenceStates,
  resample,
  rng,
  signalPreset,
  type Complex,
  type ContinuousSSM,
  type DiscreteSSM,
  type Measure,
  type Normalization,
} from '../core/index';
import { msg, type Msg } from './i18n/msg';
import { memo } from './memo';

import type { Params } from './schema';

export type Disc = Params['disc'];

/** FouT needs an even state size: the lab uses the nearest even N and says so. */
export function effectiveN(measure: Measure, N: number): number {
  if (measure !== 'fout' || N % 2 === 0) return N;
  return N === 1 ? 2 : N - 1;
}

export const signalOf = memo(
  (signal: Params['signal'], L: number, seed: number, drawn: number[]): Float64Array =>
    signal === 'drawn' ? resample(drawn.length ? drawn : [0, 0], L) : signalPreset(signal, L, seed),
);

/** The read-out C of the S4 kernels: seeded Gaussian, scaled by 1/√N. */
export const readoutOf = memo((N: number, seed: number): Float64Array => {
  const g = gaussian(rng(seed ^ 0x5eed));
  return Float64Array.from({ length: N }, () => g() / Math.sqrt(N));
});

export const continuousOf = memo(
  (measure: Measure, N: number, theta: number, normalization: Normalization): ContinuousSSM =>
    hippo(measure, effectiveN(measure, N), { theta, normalization }),
);

export const discreteOf = memo(
  (ssm: ContinuousSSM, dt: number, disc: Disc, C: Float64Array): DiscreteSSM => {
    const c = C.length === ssm.N ? C : Float64Array.from({ length: ssm.N }, (_, i) => C[i] ?? 0);
    return discretize({ ...ssm, C: c }, dt, disc);
  },
);

export const eigOf = memo((A: Float64Array, N: number): Complex => eigenvalues(A, N));

export function spectralRadius(z: Complex): number {
  let r = 0;
  for (let i = 0; i < z.re.length; i++) r = Math.max(r, Math.hypot(z.re[i]!, z.im[i]!));
  return r;
}

export interface States {
  /** L×N row-major: x_k after input u_k. */
  X: Float64Array;
  N: number;
  L: number;
  /** How the states were computed, in words, for captions. */
  method: string;
  /** Set when the states blew up: why, as a message for the panels to translate. */
  warning?: Msg;
}

const METHOD_KEY: Record<string, string> = {
  'exact (log-time ZOH)': 'state.method.exact',
  'forward Euler': 'state.method.forward',
  forward: 'option.disc.forward',
  backward: 'option.disc.backward',
  bilinear: 'option.disc.bilinear',
  zoh: 'option.disc.zoh',
};
/** States.method as a message (its words in the current language). */
export const methodMsg = (method: string): Msg => msg(METHOD_KEY[method] ?? method);

function finite(X: Float64Array): boolean {
  for (let i = 0; i < X.length; i++) if (!Number.isFinite(X[i])) return false;
  return true;
}

/**
 * HiPPO coefficients over time for the memory panels. LegS is the time-varying system
 * x' = (A/t)x + (B/t)u, step-size free (t = k in samples); the others are LTI with step Δ.
 */
/** LegS is step-size free: its states depend on N, the normalisation, the scheme and u only. */
const legsStatesOf = memo(
  (N: number, normalization: Normalization, disc: Disc, u: Float64Array): States => {
    const L = u.length;
    const scheme = disc === 'forward' ? 'forward' : disc === 'zoh' ? 'exact' : 'bilinear';
    const X = legsRun(N, u, scheme, { normalization });
    const method =
      scheme === 'exact'
        ? 'exact (log-time ZOH)'
        : scheme === 'forward'
          ? 'forward Euler'
          : 'bilinear';
    let xmax = 0;
    for (let i = 0; i < X.length; i++) xmax = Math.max(xmax, Math.abs(X[i]!));
    let umax = 0;
    for (let i = 0; i < L; i++) umax = Math.max(umax, Math.abs(u[i]!));
    if (!finite(X) || xmax > 1e6 * Math.max(umax, 1e-12)) {
      return {
        X: new Float64Array(L * N),
        N,
        L,
        method,
        warning: msg('state.legsBlowUp', {
          method: msg(`state.method.${scheme}`),
          reach: N - 1,
          xmax: xmax.toExponential(1),
        }),
      };
    }
    return { X, N, L, method };
  },
);

/**
 * HiPPO coefficients over time for the memory panels. LegS is the time-varying system
 * x' = (A/t)x + (B/t)u, step-size free (t = k in samples); the others are LTI with step Δ.
 */
export const statesOf = memo(
  (
    measure: Measure,
    N: number,
    theta: number,
    normalization: Normalization,
    dt: number,
    disc: Disc,
    u: Float64Array,
  ): States => {
    if (measure === 'legs') return legsStatesOf(N, normalization, disc, u);
    const L = u.length;
    const ssm = continuousOf(measure, N, theta, normalization);
    const d = discretize(ssm, dt, disc);
    const X = recurrenceStates(d, u);
    const n = ssm.N;
    return finite(X)
      ? { X, N: n, L, method: disc }
      : {
          X: new Float64Array(L * n),
          N: n,
          L,
          method: disc,
          warning: msg('state.unstable', { disc: msg(`option.disc.${disc}`), dt }),
        };
  },
);
