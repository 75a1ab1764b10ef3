/**
 * Frequency panel, pure part: gain in dB, the readouts (DC gain, peak, −3 dB point, gain at
 * Nyquist), axis domains and path strings, and the live TeX — from a sampled response
 * (derived.kernels responseOf: exact H(e^{iω}) of the bilinear system, phase unwrapped).
 */

/** Gains below this many dB under the peak are drawn on the floor (and said so). */
export const DB_SPAN = 140;

/** 20 log10 |H|; zeros and non-finite values become −Infinity / NaN (guarded when drawn). */
export function toDb(re: ArrayLike<number>, im: ArrayLike<number>): Float64Array {
  const out = new Float64Array(re.length);
  for (let j = 0; j < re.length; j++) out[j] = 20 * Math.log10(Math.hypot(re[j]!, im[j]!));
  return out;
}

export interface FrequencyReadouts {
  /** |H(1)| in dB (−C A⁻¹ B). */
  dcDb: number;
  /** Largest gain on the grid and where. */
  peakDb: number;
  peakOmega: number;
  /** Lowest ω where the gain is 3 dB under |H(1)|, or NaN if it never is on (0, π]. */
  cutoffOmega: number;
  /** Gain at ω = π (the last grid point). */
  nyquistDb: number;
  /** Phase at ω = π, rad (unwrapped from ω → 0). */
  nyquistPhase: number;
}

export function readoutsOf(
  omega: ArrayLike<number>,
  db: ArrayLike<number>,
  phase: ArrayLike<number>,
  dc: number,
): FrequencyReadouts {
  const dcDb = 20 * Math.log10(Math.abs(dc));
  let peakDb = -Infinity;
  let peakOmega = NaN;
  let cutoffOmega = NaN;
  for (let j = 0; j < db.length; j++) {
    const v = db[j]!;
    if (!Number.isFinite(v)) continue;
    if (v > peakDb) {
      peakDb = v;
      peakOmega = omega[j]!;
    }
    if (Number.isNaN(cutoffOmega) && Number.isFinite(dcDb) && v <= dcDb - 3 && j > 0) {
      // Interpolate in dB between the neighbours (log ω when both are positive).
      const w0 = omega[j - 1]!;
      const w1 = omega[j]!;
      const v0 = db[j - 1]!;
      const t = Number.isFinite(v0) && v0 !== v ? (v0 - (dcDb - 3)) / (v0 - v) : 1;
      cutoffOmega =
        w0 > 0 ? Math.exp(Math.log(w0) + t * (Math.log(w1) - Math.log(w0))) : w0 + t * (w1 - w0);
    }
  }
  const last = db.length - 1;
  return {
    dcDb,
    peakDb,
    peakOmega,
    cutoffOmega,
    nyquistDb: last >= 0 ? db[last]! : NaN,
    nyquistPhase: last >= 0 ? phase[last]! : NaN,
  };
}

/** dB axis: from the largest gain down at most DB_SPAN dB, padded, to whole multiples of 10. */
export function dbDomain(db: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let j = 0; j < db.length; j++) {
    const v = db[j]!;
    if (!Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (!Number.isFinite(hi)) return [-60, 0];
  lo = Math.max(lo, hi - DB_SPAN);
  if (hi - lo < 6) {
    lo -= 3;
    hi += 3;
  }
  return [Math.floor(lo / 10) * 10, Math.ceil((hi + 1) / 10) * 10];
}

/** Phase axis in rad, widened to multiples of π/2. */
export function phaseDomain(phase: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let j = 0; j < phase.length; j++) {
    const v = phase[j]!;
    if (!Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (!Number.isFinite(lo)) return [-Math.PI, Math.PI];
  const q = Math.PI / 2;
  return [Math.floor(lo / q - 0.05) * q, Math.ceil(hi / q + 0.05) * q];
}

/** Ticks on a phase axis at multiples of π/2 (or π, 2π… when the range is wide). */
export function phaseTicks([lo, hi]: [number, number]): number[] {
  const span = hi - lo;
  let step = Math.PI / 2;
  while (span / step > 6) step *= 2;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) out.push(v);
  return out;
}

/** "−3π/2", "π", "0", "4π" for multiples of π/2. */
export function piText(v: number): string {
  const k = Math.round((2 * v) / Math.PI);
  if (k === 0) return '0';
  const sign = k < 0 ? '−' : '';
  const a = Math.abs(k);
  if (a % 2 === 0) return `${sign}${a / 2 === 1 ? '' : a / 2}π`;
  return `${sign}${a === 1 ? '' : a}π/2`;
}

/**
 * SVG path through (x(ω_j), y(v_j)); non-finite values break the line, values under `floor`
 * sit on it. Coordinates rounded to 2 decimals; '' when nothing is drawable.
 */
export function responsePath(
  omega: ArrayLike<number>,
  v: ArrayLike<number>,
  x: (w: number) => number,
  y: (v: number) => number,
  floor = -Infinity,
): string {
  const parts: string[] = [];
  let pen = false;
  for (let j = 0; j < omega.length; j++) {
    const val = v[j]!;
    const px = x(omega[j]!);
    const py = y(val === -Infinity ? floor : Math.max(val, floor));
    if (!Number.isFinite(px) || !Number.isFinite(py) || Number.isNaN(val)) {
      pen = false;
      continue;
    }
    parts.push(`${pen ? 'L' : 'M'}${Math.round(px * 100) / 100},${Math.round(py * 100) / 100}`);
    pen = true;
  }
  return parts.join('');
}

const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A power of ten for a log axis: 0.01, 0.1, 1, 10 plainly, 10⁻³ and beyond as powers. */
export function decadeText(v: number): string {
  if (!(v > 0)) return String(v);
  const e = Math.round(Math.log10(v));
  if (Math.abs(v / 10 ** e - 1) > 1e-9) return String(+v.toPrecision(3));
  if (Math.abs(e) <= 2) return String(+v.toPrecision(1));
  const digits = [...String(Math.abs(e))].map((d) => SUP[Number(d)]).join('');
  return `10${e < 0 ? '⁻' : ''}${digits}`;
}

/** Index of the grid point nearest ω (grid ascending). */
export function nearestIndex(omega: ArrayLike<number>, w: number): number {
  let lo = 0;
  let hi = omega.length - 1;
  if (hi < 0) return -1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (omega[mid]! < w) lo = mid;
    else hi = mid;
  }
  return Math.abs(omega[lo]! - w) <= Math.abs(omega[hi]! - w) ? lo : hi;
}

const texNum = (x: number, d = 3): string => {
  if (!Number.isFinite(x)) return x < 0 ? '-\\infty' : '\\infty';
  const a = Math.abs(x);
  if (x === 0) return '0';
  if (a >= 1e-3 && a < 1e5) return String(+x.toPrecision(d));
  const [m, e] = x.toExponential(d - 1).split('e');
  return `${m}\\cdot 10^{${Number(e)}}`;
};

/** The evaluated formula with Δ and the DC gain bound in. */
export function frequencyTex(dt: number, dc: number): string {
  const two = texNum(2 / dt);
  return (
    `H(e^{i\\omega}) = \\sum_k K_k e^{-i\\omega k} = C(I-e^{-i\\omega}\\bar A)^{-1}\\bar B` +
    ` = 2C\\big(${two}(1-e^{-i\\omega})I-(1+e^{-i\\omega})A\\big)^{-1}B,` +
    `\\quad H(1) = -CA^{-1}B = ${texNum(dc, 4)}`
  );
}
