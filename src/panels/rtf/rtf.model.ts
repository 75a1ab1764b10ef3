/**
 * RTF panel, pure part: roots as draggable handles (conjugate pairs move together, real roots
 * stay real), the coefficient rewrites a drag implies, the Montel bound and stability in words,
 * the kernel/error paths, and the transfer function as TeX with live numbers.
 *
 * Edits keep H(z) = c(z)/a(z) in zero–pole–gain form (see src/state/derived.rtf.ts):
 * - dragging a pole sets a = coefficients of Π(z − p) and, in the 'paper' convention, rewrites
 *   b = c − h0·a so that the numerator c (hence the zeros and h0) stays put; in 'blog' the zeros
 *   are the roots of b, which is left alone;
 * - dragging a zero sets c = gain·Π(z − q) with the same gain and degree, then b = c − h0·a
 *   ('paper') or b = c ('blog'); a and h0 are untouched.
 * Conjugate pairs multiply as real quadratics z² − 2 Re(q) z + |q|², so a, b, h0 stay real.
 */
import { msg, type Msg } from '../../state/i18n/msg';
import { scaleLinear, scaleLog, scaleSymlog } from 'd3';
import { envelopePath, errorEnvelopePath } from '../equivalence/equivalence.model';
import type { Complex, RtfConvention } from '../../core/index';
import type { RtfSystem, RtfZeros } from '../../state/derived.rtf';

/** A draggable root: a real root, or the upper member (im > 0) of a conjugate pair. */
export interface Root {
  re: number;
  im: number;
  pair: boolean;
}

/** One SVG handle: the root it belongs to and which member of a pair it is. */
export interface Handle {
  kind: 'pole' | 'zero';
  index: number; // into the Root list
  re: number;
  im: number; // the handle's own position (lower member: −im)
  pair: boolean;
}

/** Smallest |Im| a dragged pair keeps, so that it stays a complex pair. */
export const MIN_PAIR_IM = 1e-3;

/**
 * Groups core roots into real roots and conjugate pairs (upper members), sorted by real part,
 * then imaginary part. A root counts as real when |Im| ≤ 1e-9·max(1, |z|).
 */
export function pairRoots(z: Complex): Root[] {
  const out: Root[] = [];
  for (let i = 0; i < z.re.length; i++) {
    const re = z.re[i]!;
    const im = z.im[i]!;
    const tol = 1e-9 * Math.max(1, Math.hypot(re, im));
    if (Math.abs(im) <= tol) out.push({ re, im: 0, pair: false });
    else if (im > 0) out.push({ re, im, pair: true });
  }
  // Eigenvalues of a real matrix come in exact conjugate pairs (real Schur form), so the
  // upper members carry every pair; movePole/moveZero check the degree.
  return out.sort((p, q) => p.re - q.re || p.im - q.im);
}

export function degreeOf(roots: Root[]): number {
  return roots.reduce((s, r) => s + (r.pair ? 2 : 1), 0);
}

/** Monic Π(z − r) as its coefficients below the leading 1 (length = degree), real by design. */
export function polyFromRoots(roots: Root[]): Float64Array {
  let p = [1];
  for (const r of roots) {
    const f = r.pair ? [1, -2 * r.re, r.re * r.re + r.im * r.im] : [1, -r.re];
    const q = new Array<number>(p.length + f.length - 1).fill(0);
    for (let i = 0; i < p.length; i++)
      for (let j = 0; j < f.length; j++) q[i + j]! += p[i]! * f[j]!;
    p = q;
  }
  return Float64Array.from(p.slice(1));
}

export function handlesOf(kind: 'pole' | 'zero', roots: Root[]): Handle[] {
  const out: Handle[] = [];
  roots.forEach((r, index) => {
    out.push({ kind, index, re: r.re, im: r.im, pair: r.pair });
    if (r.pair) out.push({ kind, index, re: r.re, im: -r.im, pair: true });
  });
  return out;
}

/** Where a root goes when its handle is put at (x, y): reals stay real, pairs stay pairs. */
export function placeRoot(r: Root, x: number, y: number): Root {
  if (!r.pair) return { re: x, im: 0, pair: false };
  return { re: x, im: Math.max(MIN_PAIR_IM, Math.abs(y)), pair: true };
}

/** Coefficients are kept to 1e-9 so that URLs stay short and values stay exact decimals. */
export function tidy(x: number): number {
  const v = Math.round(x * 1e9) / 1e9;
  return Object.is(v, -0) ? 0 : v;
}

export interface RtfCoefficients {
  rtfA: number[];
  rtfB: number[];
  rtfH0: number;
}

/** New (a, b, h0) after moving pole `index` of `poles` to `to` (numerator kept, see above). */
export function movePole(
  sys: RtfSystem,
  zeros: RtfZeros,
  poles: Root[],
  index: number,
  to: Root,
  convention: RtfConvention,
): RtfCoefficients {
  const next = poles.map((r, i) => (i === index ? to : r));
  const a = polyFromRoots(next);
  if (a.length !== sys.n) throw new RangeError('poles must keep the order n');
  const b =
    convention === 'blog'
      ? Array.from(sys.b)
      : Array.from(a, (ai, i) => zeros.c[i + 1]! - sys.h0 * ai);
  return { rtfA: Array.from(a, tidy), rtfB: b.map(tidy), rtfH0: sys.h0 };
}

/** New (a, b, h0) after moving zero `index` of `zeros` to `to` (gain and degree kept). */
export function moveZero(
  sys: RtfSystem,
  z: RtfZeros,
  roots: Root[],
  index: number,
  to: Root,
  convention: RtfConvention,
): RtfCoefficients {
  const next = roots.map((r, i) => (i === index ? to : r));
  const monic = polyFromRoots(next);
  if (monic.length !== z.c.length - z.lead - 1) throw new RangeError('zeros must keep the degree');
  const c = new Float64Array(z.c.length);
  c[z.lead] = z.gain;
  for (let i = 0; i < monic.length && z.lead + 1 + i < c.length; i++)
    c[z.lead + 1 + i] = z.gain * monic[i]!;
  const b =
    convention === 'blog' ? Array.from(c) : Array.from(sys.a, (ai, i) => c[i + 1]! - sys.h0 * ai);
  return { rtfA: Array.from(sys.a, tidy), rtfB: b.map(tidy), rtfH0: sys.h0 };
}

export interface Montel {
  /** Σ|aᵢ|. */
  sum: number;
  /** Σ|aᵢ| < 1: every pole is strictly inside the unit circle (sufficient, not necessary). */
  guaranteed: boolean;
}

export function montelOf(a: Float64Array): Montel {
  const sum = a.reduce((s, v) => s + Math.abs(v), 0);
  return { sum, guaranteed: sum < 1 };
}

export interface Stability {
  /** Spectral radius max |p|. */
  radius: number;
  /** Poles with |p| ≥ 1 (each member of a pair counted). */
  unstable: { re: number; im: number; mod: number }[];
  stable: boolean;
}

export function stabilityOf(poles: Complex): Stability {
  let radius = 0;
  const unstable: Stability['unstable'] = [];
  for (let i = 0; i < poles.re.length; i++) {
    const mod = Math.hypot(poles.re[i]!, poles.im[i]!);
    radius = Math.max(radius, mod);
    // |p| ≥ 1 up to rounding of the root finder: a pole placed on the circle counts as on it.
    if (mod >= 1 - 1e-12) unstable.push({ re: poles.re[i]!, im: poles.im[i]!, mod });
  }
  return { radius, unstable, stable: unstable.length === 0 };
}

/** Montel in words ("sufficient, not necessary" is the point of the gauge). */
export function montelWords(m: Montel, s: Stability): Msg {
  if (m.guaranteed) return msg('rtf.montel.guaranteed');
  return msg(s.stable ? 'rtf.montel.stable' : 'rtf.montel.unstable');
}

/** Half-width of the z-plane view: the unit circle, all poles and the zeros up to |z| = 4. */
export function planeRadius(roots: Root[]): number {
  let r = 1;
  for (const q of roots) {
    const m = Math.hypot(q.re, q.im);
    if (m <= 4) r = Math.max(r, m);
  }
  return Math.min(4.4, Math.max(1.25, r * 1.15));
}

/** Value and position of a complex number in words, for aria-labels and titles. */
export function complexWords(re: number, im: number, digits = 3): string {
  const r = re.toFixed(digits).replace('-', '−');
  if (im === 0) return r;
  const i = Math.abs(im).toFixed(digits);
  return `${r} ${im < 0 ? '−' : '+'} ${i}i`;
}

/** max_k |x_k − y_k| over finite pairs (Infinity if either is non-finite somewhere). */
export function maxAbsDiff(x: ArrayLike<number>, y: ArrayLike<number>, from = 0): number {
  let m = 0;
  const n = Math.min(x.length, y.length);
  for (let k = from; k < n; k++) {
    const e = Math.abs(x[k]! - y[k]!);
    if (!Number.isFinite(e)) return Infinity;
    if (e > m) m = e;
  }
  return m;
}

export function maxAbs(x: ArrayLike<number>): number {
  let m = 0;
  for (let k = 0; k < x.length; k++) {
    const v = Math.abs(x[k]!);
    if (Number.isFinite(v) && v > m) m = v;
  }
  return m;
}

// ---------------------------------------------------------------------------------------------
// Paths

export const ERR_FLOOR = 1e-17;

/** x scale over taps 0 … L−1: symlog, so the first taps and the whole window both show. */
export function tapScale(L: number, width: number) {
  return scaleSymlog()
    .constant(4)
    .domain([0, Math.max(1, L - 1)])
    .range([0, width]);
}

/** Pixel x of every tap, computed once per (L, width) and shared by all the paths. */
export function tapPixels(L: number, width: number): Float64Array {
  const x = tapScale(L, width);
  return Float64Array.from({ length: L }, (_, k) => x(k));
}

/**
 * A line through (px_k, y(v_k)), thinned to at most two points (min, max) per pixel column;
 * non-finite values break the line and values far outside the plot are clamped.
 */
export function kernelPath(
  v: ArrayLike<number>,
  px: ArrayLike<number>,
  y: (v: number) => number,
  height: number,
): string {
  const n = Math.min(v.length, px.length);
  const lo = -4 * height;
  const hi = 5 * height;
  return envelopePath(
    v.length === n ? v : Array.prototype.slice.call(v, 0, n),
    (k) => px[k]!,
    (q) => {
      const py = y(q);
      return Number.isFinite(py) ? Math.max(lo, Math.min(hi, py)) : NaN;
    },
  );
}

/** |x_k − ref_k| on a log scale (floored at ERR_FLOOR), as an upper envelope per pixel. */
export function errorPath(
  x: ArrayLike<number>,
  ref: ArrayLike<number>,
  px: ArrayLike<number>,
  sy: (e: number) => number,
): string {
  const n = Math.min(x.length, ref.length, px.length);
  // Overflowed taps (|K − h| not finite) sit at the top of the strip rather than vanish.
  const e = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const d = Math.abs(x[k]! - ref[k]!);
    e[k] = Number.isFinite(d) ? d : 1e300;
  }
  return errorEnvelopePath(e, new Float64Array(n), (k) => px[k]!, sy);
}

export function errorScale(height: number, maxErr: number) {
  const top = Math.max(1e-12, Math.min(1e6, maxErr > 0 ? maxErr * 10 : 1e-12));
  return scaleLog()
    .domain([ERR_FLOOR, 10 ** Math.ceil(Math.log10(top))])
    .range([height, 0])
    .clamp(true);
}

/** Equal-aspect z-plane scales centred on 0 for a square of side `size`. */
export function planeScales(R: number, size: number) {
  const x = scaleLinear().domain([-R, R]).range([0, size]);
  const y = scaleLinear().domain([-R, R]).range([size, 0]);
  return { x, y };
}

// ---------------------------------------------------------------------------------------------
// Words and TeX

/** "0.5, −0.2, 0.1" ← [0.5, −0.2, 0.1] (plain ASCII minus so it parses back). */
export function formatCoeffs(xs: ArrayLike<number>): string {
  return Array.from(xs, (v) => String(+v.toPrecision(8))).join(', ');
}

/** Parses "0.5, -0.2 0.1" into numbers; returns words when it cannot. */
export function parseCoeffs(
  text: string,
  { min = -100, max = 100, maxLength = 32 } = {},
): number[] | Msg {
  const parts = text
    .replace(/[−–]/g, '-')
    .split(/[\s,;]+/)
    .filter((s) => s.length > 0);
  if (parts.length === 0) return msg('rtf.parse.empty');
  if (parts.length > maxLength) return msg('rtf.parse.tooMany', { n: maxLength });
  const xs = parts.map(Number);
  const bad = parts.find((_, i) => !Number.isFinite(xs[i]));
  if (bad !== undefined) return msg('rtf.parse.nan', { bad });
  const out = xs.find((v) => v < min || v > max);
  if (out !== undefined) return msg('rtf.parse.range', { out, min, max });
  return xs;
}

function texNum(x: number): string {
  const s = +x.toPrecision(3);
  return String(Math.abs(s));
}

/** c_1 z^{-1} + c_2 z^{-2} + … (first `max` terms, then \cdots); `lead` is the constant. */
function texSeries(coeffs: ArrayLike<number>, lead: string | null, shift: number, max = 5): string {
  let s = lead ?? '';
  let shown = 0;
  for (let i = 0; i < coeffs.length; i++) {
    const c = coeffs[i]!;
    if (c === 0) continue;
    if (shown === max) {
      s += '+\\cdots';
      break;
    }
    const pow = i + shift;
    const z = pow === 0 ? '' : `z^{-${pow}}`;
    const mag = texNum(c);
    const body = z && mag === '1' ? z : `${mag}${z ? '\\,' + z : ''}`;
    s += s === '' ? (c < 0 ? '-' : '') + body : (c < 0 ? '-' : '+') + body;
    shown++;
  }
  return s === '' ? '0' : s;
}

/** H(z) with the live coefficients, in the panel's convention (REFERENCE §0.2). */
export function transferTex(sys: RtfSystem, convention: RtfConvention): string {
  const den = texSeries(sys.a, '1', 1);
  if (convention === 'blog') {
    const num = texSeries(sys.b, null, 0);
    return `\\displaystyle H(z)=\\sum_k \\bar K_k z^{-k}=\\frac{${num}}{${den}},\\quad \\bar K_k=\\tilde b\\,\\bar A^k e_1`;
  }
  const num = texSeries(sys.b, null, 1);
  return `\\displaystyle H(z)=${texNum(sys.h0) === '0' ? '0' : (sys.h0 < 0 ? '-' : '') + texNum(sys.h0)}+\\frac{${num}}{${den}}`;
}
