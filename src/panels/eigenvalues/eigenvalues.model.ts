/**
 * Eigenvalues panel, pure part: the map from the eigenvalues λ of A (s-plane) to those of Ā
 * (z-plane) for each discretisation, their stability, equal-aspect plot domains (linear or
 * symmetric-log), hover hit-testing and the live TeX.
 *
 * Ā's eigenvalues are f(Δλ) for the scalar map f of the discretisation (spectral mapping: Ā is a
 * rational function or the exponential of ΔA, REFERENCE §2.2):
 *   forward 1 + Δλ · backward 1/(1 − Δλ) · bilinear (1 + Δλ/2)/(1 − Δλ/2) · zoh e^{Δλ}.
 */

import { msg, type Msg, type Vars } from '../../state/i18n/msg';
import { superscriptDigits } from '../superscript';

export type DiscName = 'forward' | 'backward' | 'bilinear' | 'zoh';

export interface ZPoint {
  re: number;
  im: number;
}

/** z = f(Δλ) for one eigenvalue λ = re + i·im. */
export function mapEigenvalue(re: number, im: number, dt: number, disc: DiscName): ZPoint {
  const xr = dt * re;
  const xi = dt * im;
  switch (disc) {
    case 'forward':
      return { re: 1 + xr, im: xi };
    case 'backward': {
      const dr = 1 - xr;
      const di = -xi;
      const dd = dr * dr + di * di;
      return { re: dr / dd, im: -di / dd };
    }
    case 'bilinear': {
      const nr = 1 + xr / 2;
      const ni = xi / 2;
      const dr = 1 - xr / 2;
      const di = -xi / 2;
      const dd = dr * dr + di * di;
      return { re: (nr * dr + ni * di) / dd, im: (ni * dr - nr * di) / dd };
    }
    case 'zoh': {
      const m = Math.exp(xr);
      return { re: m * Math.cos(xi), im: m * Math.sin(xi) };
    }
  }
}

export type Stability = 'stable' | 'marginal' | 'unstable';

/** Relative tolerance for "on the boundary" (round-off in the eigenvalues). */
export const EDGE_TOL = 1e-9;

/** Re s > 0 is unstable, Re s = 0 marginal (within a relative tolerance). */
export function sStability(re: number, scale: number): Stability {
  const tol = EDGE_TOL * Math.max(1, scale);
  return re > tol ? 'unstable' : re >= -tol ? 'marginal' : 'stable';
}

/** |z| > 1 is unstable, |z| = 1 marginal (a mode that never decays). */
export function zStability(re: number, im: number): Stability {
  const r = Math.hypot(re, im);
  return r > 1 + EDGE_TOL ? 'unstable' : r >= 1 - EDGE_TOL ? 'marginal' : 'stable';
}

export type MarkSet = 'A' | 'nplr' | 'lin' | 'inv' | 'legs' | 'real';

export interface Mark {
  set: MarkSet;
  /** Index within its set (the same index in both planes). */
  i: number;
  s: ZPoint;
  z: ZPoint;
  sState: Stability;
  zState: Stability;
}

/**
 * Marks of one set: eigenvalues λ (re, im) and their images under the discretisation.
 * `conjugates` adds the conjugate of every value with a nonzero imaginary part (S4D stores one
 * eigenvalue per conjugate pair). Non-finite values are dropped and counted.
 */
export function marksOf(
  set: MarkSet,
  re: ArrayLike<number>,
  im: ArrayLike<number>,
  dt: number,
  disc: DiscName,
  conjugates = false,
): { marks: Mark[]; dropped: number } {
  const marks: Mark[] = [];
  let dropped = 0;
  let scale = 0;
  for (let i = 0; i < re.length; i++) scale = Math.max(scale, Math.hypot(re[i]!, im[i]!));
  const push = (r: number, m: number) => {
    const z = mapEigenvalue(r, m, dt, disc);
    if (![r, m, z.re, z.im].every(Number.isFinite)) {
      dropped++;
      return;
    }
    marks.push({
      set,
      i: marks.length,
      s: { re: r, im: m },
      z,
      sState: sStability(r, scale),
      zState: zStability(z.re, z.im),
    });
  };
  for (let i = 0; i < re.length; i++) {
    push(re[i]!, im[i]!);
    if (conjugates && im[i] !== 0) push(re[i]!, -im[i]!);
  }
  return { marks, dropped };
}

export interface StabilitySummary {
  /** Eigenvalues of A with Re s > 0 / = 0. */
  sUnstable: number;
  sMarginal: number;
  /** Eigenvalues of Ā with |z| > 1 / = 1. */
  zUnstable: number;
  zMarginal: number;
  /** Spectral radius of Ā, max |z|. */
  rho: number;
  /** The mark with the largest |z| (slowest or fastest-growing mode). */
  slowest: Mark | null;
}

export function summarise(marks: Mark[]): StabilitySummary {
  const out: StabilitySummary = {
    sUnstable: 0,
    sMarginal: 0,
    zUnstable: 0,
    zMarginal: 0,
    rho: 0,
    slowest: null,
  };
  for (const m of marks) {
    if (m.sState === 'unstable') out.sUnstable++;
    if (m.sState === 'marginal') out.sMarginal++;
    if (m.zState === 'unstable') out.zUnstable++;
    if (m.zState === 'marginal') out.zMarginal++;
    const r = Math.hypot(m.z.re, m.z.im);
    if (!out.slowest || r > out.rho) {
      out.rho = r;
      out.slowest = m;
    }
  }
  return out;
}

/** Plain-words warnings for the eigenvalues of A and Ā (empty when all are stable). */
export function stabilityWords(s: StabilitySummary, disc: DiscName, dt: number): Msg[] {
  const words: Msg[] = [];
  const say = (key: string, n: number, vars: Vars = {}) =>
    words.push(msg(`${key}.${n === 1 ? 'one' : 'many'}`, { n, ...vars }));
  if (s.sUnstable) say('eig.w.sUnstable', s.sUnstable);
  if (s.sMarginal) say('eig.w.sMarginal', s.sMarginal);
  if (s.zUnstable)
    say('eig.w.zUnstable', s.zUnstable, {
      rho: s.rho.toPrecision(4),
      why: disc === 'forward' ? msg('eig.w.forwardWhy', { dt }) : '',
    });
  if (s.zMarginal) say('eig.w.zMarginal', s.zMarginal);
  return words;
}

// ------------------------------------------------------------------------------------------------
// Equal-aspect domains, optionally in symmetric-log coordinates

/** Symmetric log, sign(x)·log10(1 + |x|): linear near 0, logarithmic far out, odd. */
export function symlog(x: number): number {
  return Math.sign(x) * Math.log10(1 + Math.abs(x));
}
export function symlogInv(u: number): number {
  return Math.sign(u) * (10 ** Math.abs(u) - 1);
}

export interface Domain {
  x: [number, number];
  y: [number, number];
}

/**
 * An equal-aspect domain (one unit is as many pixels across as up) for a w×h pixel box that
 * holds every point, the origin, and `include` (e.g. the unit circle's box); symmetric about the
 * real axis, as the spectra of real matrices are.
 */
export function equalAspectDomain(
  pts: ZPoint[],
  w: number,
  h: number,
  include: Domain = { x: [0, 0], y: [0, 0] },
  pad = 0.08,
): Domain {
  let x0 = include.x[0];
  let x1 = include.x[1];
  let ym = Math.max(Math.abs(include.y[0]), Math.abs(include.y[1]));
  for (const p of pts) {
    if (!Number.isFinite(p.re) || !Number.isFinite(p.im)) continue;
    x0 = Math.min(x0, p.re);
    x1 = Math.max(x1, p.re);
    ym = Math.max(ym, Math.abs(p.im));
  }
  let xs = x1 - x0;
  let ys = 2 * ym;
  if (xs <= 0 && ys <= 0) {
    xs = 2;
    ys = 2;
    x0 -= 1;
    x1 += 1;
    ym = 1;
  }
  // Pad, then grow the short side so that units per pixel agree.
  const px = Math.max(xs, 1e-12) * pad;
  const py = Math.max(ys, xs * 0.2, 1e-12) * pad;
  x0 -= px;
  x1 += px;
  ym = Math.max(ym + py, 0.5 * py);
  const upp = Math.max((x1 - x0) / w, (2 * ym) / h);
  const cx = (x0 + x1) / 2;
  return {
    x: [cx - (upp * w) / 2, cx + (upp * w) / 2],
    y: [-(upp * h) / 2, (upp * h) / 2],
  };
}

/**
 * Tick values for a symlog axis over [u0, u1] (symlog units) drawn `pixels` long: 0 and the
 * powers of ten ±10^e, keeping only ticks at least `gap` pixels apart (0 first, then the larger
 * magnitudes), ascending.
 */
export function symlogTicks(u0: number, u1: number, pixels = 300, gap = 30): number[] {
  const lo = symlogInv(u0);
  const hi = symlogInv(u1);
  const cands: number[] = [];
  if (lo <= 0 && hi >= 0) cands.push(0);
  for (let e = 8; e >= 0; e--) {
    const v = 10 ** e;
    if (v <= hi) cands.push(v);
    if (-v >= lo) cands.push(-v);
  }
  const px = (v: number) => ((symlog(v) - u0) / (u1 - u0)) * pixels;
  const out: number[] = [];
  for (const v of cands) if (out.every((w) => Math.abs(px(v) - px(w)) >= gap)) out.push(v);
  return out.sort((a, b) => a - b);
}

/** Index of the mark nearest to (px, py) within `radius` pixels, or −1. */
export function nearestMark(
  marks: Mark[],
  plane: 's' | 'z',
  toPx: (p: ZPoint) => [number, number],
  px: number,
  py: number,
  radius = 10,
): number {
  let best = -1;
  let bd = radius * radius;
  marks.forEach((m, k) => {
    const [x, y] = toPx(plane === 's' ? m.s : m.z);
    const d = (x - px) ** 2 + (y - py) ** 2;
    if (d <= bd) {
      bd = d;
      best = k;
    }
  });
  return best;
}

// ------------------------------------------------------------------------------------------------
// Words and TeX

export const SET_LABEL: Record<MarkSet, string> = {
  A: 'eigenvalue of A',
  nplr: 'NPLR Λ (normal part of LegS)',
  lin: 'S4D-Lin',
  inv: 'S4D-Inv',
  legs: 'S4D-LegS',
  real: 'S4D-Real',
};

/** A number in words, `digits` significant digits, exponent outside [1e-3, 1e5). */
export function numText(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return x > 0 ? '∞' : x < 0 ? '−∞' : '—';
  const a = Math.abs(x);
  const s =
    a === 0
      ? '0'
      : a >= 1e-3 && a < 1e5
        ? String(+a.toPrecision(digits))
        : a.toExponential(digits - 1);
  return (x < 0 ? '−' : '') + s;
}

/** A complex number in words: "−0.5 + 19.86i". */
export function complexText(p: ZPoint, digits = 4): string {
  if (p.im === 0) return numText(p.re, digits);
  return `${numText(p.re, digits)} ${p.im < 0 ? '−' : '+'} ${numText(Math.abs(p.im), digits)}i`;
}

const texNum = (x: number, d = 4): string => {
  if (!Number.isFinite(x)) return '\\infty';
  const a = Math.abs(x);
  if (x === 0) return '0';
  if (a >= 1e-3 && a < 1e5) return String(+x.toPrecision(d));
  const [m, e] = x.toExponential(d - 1).split('e');
  return `${m}\\cdot 10^{${Number(e)}}`;
};

const texComplex = (p: ZPoint): string =>
  p.im === 0 ? texNum(p.re) : `${texNum(p.re)} ${p.im < 0 ? '-' : '+'} ${texNum(Math.abs(p.im))}i`;

/** The discretisation's eigenvalue map with the slowest mode's numbers bound in. */
export function mapTex(disc: DiscName, dt: number, m: Mark | null): string {
  const D = texNum(dt);
  const lam = m ? texComplex(m.s) : '\\lambda';
  const z = m ? texComplex(m.z) : 'z';
  const rho = m ? texNum(Math.hypot(m.z.re, m.z.im)) : '';
  const body: Record<DiscName, string> = {
    forward: `z = 1 + \\Delta\\lambda`,
    backward: `z = \\frac{1}{1-\\Delta\\lambda}`,
    bilinear: `z = \\frac{1+\\Delta\\lambda/2}{1-\\Delta\\lambda/2}`,
    zoh: `z = e^{\\Delta\\lambda}`,
  };
  const tail = m
    ? `,\\quad \\Delta = ${D},\\ \\lambda = ${lam}\\ \\mapsto\\ z = ${z},\\quad \\rho(\\bar A) = \\max|z| = ${rho}`
    : '';
  return `\\lambda(\\bar A) = f(\\lambda(A)):\\ ${body[disc]}${tail}`;
}

/** log10 cond(V) readout text. */
export function condText(c: { log10: number | null; kind: string; words: Msg }): string {
  if (c.kind === 'measured' && c.log10 !== null) return c.log10.toFixed(2);
  if (c.kind === 'limit' && c.log10 !== null) return `≥ ${c.log10.toFixed(1)}`;
  if (c.kind === 'defective') return '∞';
  return c.words.key === 'eig.cond.exceeds16' ? '> 16' : '> 14';
}

/** "10^16" → "10¹⁶", "7.7·10^4" → "7.7·10⁴" (integer exponents only). */
export function superscript(text: string): string {
  return text.replace(/\^(-?\d+)(?![.\d])/g, (_, e: string) => superscriptDigits(e));
}
