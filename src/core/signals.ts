/**
 * Input signals for the lab: deterministic presets on normalised time s = k/(T−1) ∈ [0, 1]
 * (so changing Δ or T keeps the shape) and a seeded PRNG for the random ones.
 */
import { checkFiniteArray, checkInt, checkOneOf, MAX_L } from './validate';

export type SignalPreset = 'sines' | 'noise' | 'step' | 'square' | 'chirp' | 'impulse' | 'walk';
export const SIGNAL_PRESETS: readonly SignalPreset[] = [
  'sines',
  'noise',
  'step',
  'square',
  'chirp',
  'impulse',
  'walk',
];

/** mulberry32: a small, fast, well-mixed 32-bit PRNG; same seed, same stream, everywhere. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal samples by Box–Muller from a uniform stream. */
export function gaussian(next: () => number): () => number {
  return () => {
    const u = 1 - next();
    const v = next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
}

function normalisePeak(x: Float64Array): Float64Array {
  let m = 0;
  for (const v of x) m = Math.max(m, Math.abs(v));
  if (m > 0) for (let i = 0; i < x.length; i++) x[i]! /= m;
  return x;
}

/** T samples of a preset; random presets are a function of `seed` only. */
export function signalPreset(preset: SignalPreset, T: number, seed = 1): Float64Array {
  checkOneOf('preset', preset, SIGNAL_PRESETS);
  checkInt('T', T, 1, MAX_L);
  const x = new Float64Array(T);
  const s = (k: number): number => (T === 1 ? 0 : k / (T - 1));
  switch (preset) {
    case 'sines':
      for (let k = 0; k < T; k++) {
        const t = s(k);
        x[k] =
          0.6 * Math.sin(2 * Math.PI * 3 * t) +
          0.3 * Math.sin(2 * Math.PI * 7 * t + 1) +
          0.15 * Math.sin(2 * Math.PI * 13 * t + 2);
      }
      return x;
    case 'noise': {
      // Band-limited: a random Fourier series up to 24 cycles, amplitudes ∝ 1/√f.
      const uniform = rng(seed);
      const g = gaussian(uniform);
      const amp = Float64Array.from({ length: 24 }, (_, f) => g() / Math.sqrt(f + 1));
      const phase = Float64Array.from({ length: 24 }, () => 2 * Math.PI * uniform());
      for (let k = 0; k < T; k++) {
        let v = 0;
        for (let f = 0; f < 24; f++)
          v += amp[f]! * Math.cos(2 * Math.PI * (f + 1) * s(k) + phase[f]!);
        x[k] = v;
      }
      return normalisePeak(x);
    }
    case 'step':
      for (let k = 0; k < T; k++) x[k] = s(k) >= 0.3 ? 1 : 0;
      return x;
    case 'square':
      for (let k = 0; k < T; k++) x[k] = Math.sin(2 * Math.PI * 4 * s(k) + 1e-9) >= 0 ? 0.8 : -0.8;
      return x;
    case 'chirp':
      for (let k = 0; k < T; k++) x[k] = Math.sin(2 * Math.PI * (1 * s(k) + 12 * s(k) * s(k)));
      return x;
    case 'impulse':
      x[Math.floor(T / 10)] = 1;
      return x;
    case 'walk': {
      const g = gaussian(rng(seed));
      let v = 0;
      for (let k = 0; k < T; k++) x[k] = v += g();
      let mean = 0;
      for (const y of x) mean += y / T;
      for (let k = 0; k < T; k++) x[k]! -= mean;
      return normalisePeak(x);
    }
  }
}

/** Linear resampling of control points (e.g. a drawn signal) to T samples over [0, 1]. */
export function resample(points: ArrayLike<number>, T: number): Float64Array {
  checkFiniteArray('points', points);
  checkInt('T', T, 1, MAX_L);
  const n = points.length;
  const x = new Float64Array(T);
  if (n === 0) return x;
  for (let k = 0; k < T; k++) {
    const p = T === 1 ? 0 : (k / (T - 1)) * (n - 1);
    const i = Math.min(n - 2, Math.floor(p));
    if (n === 1) x[k] = points[0]!;
    else x[k] = points[i]! + (p - i) * (points[i + 1]! - points[i]!);
  }
  return x;
}
