/**
 * Discrete LTI SSMs: the kernel by powering, the sequential recurrence, and the causal
 * convolution by zero-padded FFT (REFERENCE §3.4–3.5). These are the references the faster
 * kernel methods are checked against (conv = recurrence).
 */
import { inverseReal, nextPow2, realSpectrum } from './fft';
import { dot, matvec } from './linalg';
import type { DiscreteSSM } from './types';
import { checkFiniteArray, checkFiniteNumber, checkInt, MAX_L, MAX_N } from './validate';

export function checkDiscrete(d: DiscreteSSM, name = 'd'): void {
  if (!d || typeof d !== 'object')
    throw new RangeError(`${name} must be an object { N, Ab, Bb, C, D }`);
  checkInt(`${name}.N`, d.N, 1, MAX_N);
  checkFiniteArray(`${name}.Ab`, d.Ab, d.N * d.N);
  checkFiniteArray(`${name}.Bb`, d.Bb, d.N);
  checkFiniteArray(`${name}.C`, d.C, d.N);
  checkFiniteNumber(`${name}.D`, d.D);
}

/** K_k = C Ā^k B̄ for k = 0 … L−1, by repeated multiplication (the reference). */
export function kernel(d: DiscreteSSM, L: number): Float64Array {
  checkDiscrete(d);
  checkInt('L', L, 1, MAX_L);
  const K = new Float64Array(L);
  let v: Float64Array = Float64Array.from(d.Bb);
  for (let k = 0; k < L; k++) {
    K[k] = dot(d.C, v);
    if (k + 1 < L) v = matvec(d.Ab, v, d.N);
  }
  return K;
}

/** y_k = C x_k + D u_k with x_k = Ā x_{k−1} + B̄ u_k, x_{−1} = 0, sequentially. */
export function recurrence(d: DiscreteSSM, u: Float64Array): Float64Array {
  checkDiscrete(d);
  checkFiniteArray('u', u);
  checkInt('u.length', u.length, 1, MAX_L);
  const { N, Ab, Bb, C, D } = d;
  let x = new Float64Array(N);
  let next = new Float64Array(N);
  const y = new Float64Array(u.length);
  for (let k = 0; k < u.length; k++) {
    const uk = u[k]!;
    let out = D * uk;
    for (let i = 0; i < N; i++) {
      let s = Bb[i]! * uk;
      const r = i * N;
      for (let j = 0; j < N; j++) s += Ab[r + j]! * x[j]!;
      next[i] = s;
      out += C[i]! * s;
    }
    y[k] = out;
    [x, next] = [next, x];
  }
  return y;
}

/** The states x_0 … x_{L−1} (L×N row-major) of x_k = Ā x_{k−1} + B̄ u_k, x_{−1} = 0. */
export function recurrenceStates(d: DiscreteSSM, u: Float64Array): Float64Array {
  checkDiscrete(d);
  checkFiniteArray('u', u);
  checkInt('u.length', u.length, 1, MAX_L);
  const { N, Ab, Bb } = d;
  const X = new Float64Array(u.length * N);
  for (let k = 0; k < u.length; k++) {
    const uk = u[k]!;
    const o = k * N;
    const p = o - N;
    for (let i = 0; i < N; i++) {
      let s = Bb[i]! * uk;
      if (k > 0) {
        const r = i * N;
        for (let j = 0; j < N; j++) s += Ab[r + j]! * X[p + j]!;
      }
      X[o + i] = s;
    }
  }
  return X;
}

/**
 * Causal (linear, not circular) convolution y_k = Σ_{j≤k} K_j u_{k−j}, k < u.length, by FFT on
 * a power-of-two length ≥ 2·u.length − 1. K beyond u.length is irrelevant; a shorter K is
 * zero-padded.
 */
export function causalConv(K: Float64Array, u: Float64Array): Float64Array {
  checkFiniteArray('K', K);
  checkFiniteArray('u', u);
  checkInt('u.length', u.length, 1, MAX_L);
  checkInt('K.length', K.length, 1, MAX_L);
  const L = u.length;
  const m = nextPow2(2 * L - 1);
  const Kh = realSpectrum(K.length > L ? K.subarray(0, L) : K, m);
  const Uh = realSpectrum(u, m);
  for (let i = 0; i < 2 * m; i += 2) {
    const ar = Kh[i]!;
    const ai = Kh[i + 1]!;
    const br = Uh[i]!;
    const bi = Uh[i + 1]!;
    Kh[i] = ar * br - ai * bi;
    Kh[i + 1] = ar * bi + ai * br;
  }
  return inverseReal(Kh, m).slice(0, L);
}
