/**
 * Discrete Fourier transform of any length, numpy's sign convention:
 * X_l = Σ_k x_k e^{−2πi kl/n}; the inverse divides by n.
 * Powers of two go to fft.js (radix-4); other lengths use Bluestein's chirp-z algorithm on a
 * power-of-two FFT of length ≥ 2n − 1, with the chirp angle π k²/n reduced mod 2π exactly
 * (k² mod 2n is an integer) so that long transforms keep full precision.
 * Internal helpers work on interleaved (re, im) Float64Arrays, fft.js's layout.
 */
import FFT from 'fft.js';
import type { Complex } from './types';
import { checkFiniteArray, checkInt, MAX_L } from './validate';

const plans = new Map<number, FFT>();
function plan(m: number): FFT {
  let p = plans.get(m);
  if (!p) {
    if (plans.size > 32) plans.clear();
    p = new FFT(m);
    plans.set(m, p);
  }
  return p;
}

export function isPow2(n: number): boolean {
  return n >= 1 && (n & (n - 1)) === 0;
}

export function nextPow2(n: number): number {
  let m = 1;
  while (m < n) m *= 2;
  return m;
}

interface Chirp {
  m: number;
  wRe: Float64Array; // e^{−iπk²/n}, k < n
  wIm: Float64Array;
  spec: Float64Array; // FFT_m of the conjugate chirp, interleaved
}
const chirps = new Map<number, Chirp>();
function chirp(n: number): Chirp {
  let c = chirps.get(n);
  if (c) return c;
  if (chirps.size > 16) chirps.clear();
  const m = nextPow2(2 * n - 1);
  const wRe = new Float64Array(n);
  const wIm = new Float64Array(n);
  const twoN = 2 * n;
  for (let k = 0; k < n; k++) {
    const ang = (Math.PI * ((k * k) % twoN)) / n;
    wRe[k] = Math.cos(ang);
    wIm[k] = -Math.sin(ang);
  }
  const b = new Float64Array(2 * m);
  b[0] = 1;
  for (let k = 1; k < n; k++) {
    b[2 * k] = b[2 * (m - k)] = wRe[k]!;
    b[2 * k + 1] = b[2 * (m - k) + 1] = -wIm[k]!;
  }
  const spec = new Float64Array(2 * m);
  plan(m).transform(spec, b);
  c = { m, wRe, wIm, spec };
  chirps.set(n, c);
  return c;
}

/** Forward DFT of interleaved data of length n (any n ≥ 1), out of place. */
function forwardInterleaved(data: Float64Array, n: number): Float64Array {
  const out = new Float64Array(2 * n);
  if (n === 1) {
    out[0] = data[0]!;
    out[1] = data[1]!;
    return out;
  }
  if (isPow2(n)) {
    plan(n).transform(out, data);
    return out;
  }
  const { m, wRe, wIm, spec } = chirp(n);
  const p = plan(m);
  const a = new Float64Array(2 * m);
  for (let k = 0; k < n; k++) {
    const xr = data[2 * k]!;
    const xi = data[2 * k + 1]!;
    a[2 * k] = xr * wRe[k]! - xi * wIm[k]!;
    a[2 * k + 1] = xr * wIm[k]! + xi * wRe[k]!;
  }
  const A = new Float64Array(2 * m);
  p.transform(A, a);
  for (let k = 0; k < m; k++) {
    const ar = A[2 * k]!;
    const ai = A[2 * k + 1]!;
    const br = spec[2 * k]!;
    const bi = spec[2 * k + 1]!;
    A[2 * k] = ar * br - ai * bi;
    A[2 * k + 1] = ar * bi + ai * br;
  }
  const c = new Float64Array(2 * m);
  p.inverseTransform(c, A);
  for (let k = 0; k < n; k++) {
    const cr = c[2 * k]!;
    const ci = c[2 * k + 1]!;
    out[2 * k] = cr * wRe[k]! - ci * wIm[k]!;
    out[2 * k + 1] = cr * wIm[k]! + ci * wRe[k]!;
  }
  return out;
}

/** DFT (or inverse DFT, divided by n) of interleaved complex data of length n. */
export function dftInterleaved(data: Float64Array, n: number, inverse = false): Float64Array {
  if (!inverse) return forwardInterleaved(data, n);
  // ifft(x) = conj(fft(conj(x))) / n
  const c = Float64Array.from(data);
  for (let k = 1; k < 2 * n; k += 2) c[k] = -c[k]!;
  const out = forwardInterleaved(c, n);
  const s = 1 / n;
  for (let k = 0; k < 2 * n; k += 2) {
    out[k] = out[k]! * s;
    out[k + 1] = -out[k + 1]! * s;
  }
  return out;
}

/** Full DFT of the real signal x zero-padded to length m (interleaved, length 2m). */
export function realSpectrum(x: ArrayLike<number>, m: number): Float64Array {
  const len = Math.min(x.length, m);
  if (isPow2(m) && m >= 2) {
    const p = plan(m);
    const input = new Float64Array(m);
    for (let k = 0; k < len; k++) input[k] = x[k]!;
    const out = new Float64Array(2 * m);
    p.realTransform(out, input);
    p.completeSpectrum(out);
    return out;
  }
  const data = new Float64Array(2 * m);
  for (let k = 0; k < len; k++) data[2 * k] = x[k]!;
  return forwardInterleaved(data, m);
}

/** Real part of the inverse DFT of an interleaved spectrum of length m. */
export function inverseReal(spec: Float64Array, m: number): Float64Array {
  const out = dftInterleaved(spec, m, true);
  const re = new Float64Array(m);
  for (let k = 0; k < m; k++) re[k] = out[2 * k]!;
  return re;
}

/** Public DFT: any length ≥ 1, numpy's signs; `inverse` divides by n. */
export function fft(re: Float64Array, im: Float64Array, inverse = false): Complex {
  const n = re?.length;
  checkInt('re.length', n, 1, MAX_L);
  checkFiniteArray('re', re);
  checkFiniteArray('im', im, n);
  const data = new Float64Array(2 * n);
  for (let k = 0; k < n; k++) {
    data[2 * k] = re[k]!;
    data[2 * k + 1] = im[k]!;
  }
  const out = dftInterleaved(data, n, inverse);
  const r = new Float64Array(n);
  const i = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    r[k] = out[2 * k]!;
    i[k] = out[2 * k + 1]!;
  }
  return { re: r, im: i };
}
