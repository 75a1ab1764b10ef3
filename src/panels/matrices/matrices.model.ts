/**
 * Matrices panel, pure part: for each entry of A, B (core hippo) and Ā, B̄ (core discretize), the
 * formula with the live numbers (TeX) and its source (REFERENCE §1.5–1.8, §2.2); the colour range;
 * the spectral radius; the cell under the pointer. Indices are 0-based as in the papers' code
 * (n = row, k = column).
 */
import type { Complex, Measure, Normalization } from '../../core/index';

export type MatrixName = 'A' | 'B' | 'Ab' | 'Bb';
export type DiscName = 'forward' | 'backward' | 'bilinear' | 'zoh';

/** The sources of the continuous matrices, per measure (REFERENCE §0.1, §1.5–1.8). */
export const CONTINUOUS_SOURCE: Record<Measure, string> = {
  legs: "HiPPO paper (LegS) / S4 eq. (2); blog part 1 eq. (leg-s-hippo); hippo-code transition('legs')",
  legt: "HiPPO paper (LegT, window θ); blog part 1 eq. (leg-t-hippo-1); hippo-code transition('legt')",
  lmu: "LMU (Voelker et al. 2019) as in the HiPPO paper; hippo-code transition('lmu'); REFERENCE §1.5",
  lagt: 'HiPPO paper (LagT, Laguerre, measure e^{−age}); REFERENCE §1.8 (the S4 code uses ½ on the diagonal)',
  fout: "state-spaces/s4 transition('fout') (“How to Train Your HiPPO”), rescaled to window θ; REFERENCE §1.8",
};

/** The sources of the discretisations (REFERENCE §2.2). */
export const DISC_SOURCE: Record<DiscName, string> = {
  forward: 'blog part 2, discretisation table (forward Euler); REFERENCE §2.2',
  backward: 'blog part 2, discretisation table (backward Euler); REFERENCE §2.2',
  bilinear: 'S4 eq. (3) (bilinear / Tustin); blog part 2 (bilinear); REFERENCE §2.2',
  zoh: 'blog part 2 (exact, variation of constants); REFERENCE §2.2; core: block exponential',
};

/** A number for TeX in a formula (4 significant digits, plain or a·10^{b}). */
export function texNum(x: number): string {
  if (!Number.isFinite(x)) return '\\text{—}';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e-3 && a < 1e5) return String(+x.toPrecision(4));
  const [m, e] = x.toExponential(3).split('e');
  return `${+m!}\\cdot 10^{${Number(e)}}`;
}

const sq = (n: number) => 2 * n + 1;

/** The FouT frequency term Ω_nk of A = (2/θ)(π Ω − b bᵀ): −j at (2j, 2j+1), +j at (2j+1, 2j). */
function foutOmega(n: number, k: number): number {
  if (n % 2 === 0 && n >= 2 && k === n + 1) return -(n / 2);
  if (n % 2 === 1 && n >= 3 && k === n - 1) return (n - 1) / 2;
  return 0;
}
const foutBTex = (n: number): string => (n === 0 ? '1' : n % 2 === 0 ? '\\sqrt2' : '0');

/** TeX of A_nk with the live numbers, ending in "= value" (value from the core). */
export function formulaA(
  measure: Measure,
  n: number,
  k: number,
  theta: number,
  value: number,
): string {
  const lhs = `A_{${n},${k}}`;
  const v = texNum(value);
  const th = texNum(theta);
  switch (measure) {
    case 'legs':
      if (n > k)
        return `${lhs}=-\\sqrt{(2n+1)(2k+1)}=-\\sqrt{${sq(n)}\\cdot${sq(k)}}=${v}\\quad(n>k)`;
      if (n === k) return `${lhs}=-(n+1)=${v}\\quad(n=k)`;
      return `${lhs}=0\\quad(n<k)`;
    case 'legt':
      if (k <= n)
        return `${lhs}=-\\tfrac{1}{\\theta}\\sqrt{(2n+1)(2k+1)}=-\\tfrac{\\sqrt{${sq(n)}\\cdot${sq(k)}}}{${th}}=${v}\\quad(k\\le n)`;
      return `${lhs}=-\\tfrac{(-1)^{n-k}}{\\theta}\\sqrt{(2n+1)(2k+1)}=-\\tfrac{(-1)^{${n - k}}\\sqrt{${sq(n)}\\cdot${sq(k)}}}{${th}}=${v}\\quad(k>n)`;
    case 'lmu':
      if (n < k) return `${lhs}=-\\tfrac{2n+1}{\\theta}=-\\tfrac{${sq(n)}}{${th}}=${v}\\quad(n<k)`;
      return `${lhs}=(-1)^{n-k+1}\\tfrac{2n+1}{\\theta}=(-1)^{${n - k + 1}}\\tfrac{${sq(n)}}{${th}}=${v}\\quad(n\\ge k)`;
    case 'lagt':
      return k <= n ? `${lhs}=-1\\quad(k\\le n)` : `${lhs}=0\\quad(k>n)`;
    case 'fout': {
      const om = foutOmega(n, k);
      return `${lhs}=\\tfrac{2}{\\theta}\\left(\\pi\\Omega_{nk}-b_nb_k\\right)=\\tfrac{2}{${th}}\\left(\\pi\\cdot${om}-${foutBTex(n)}\\cdot${foutBTex(k)}\\right)=${v}`;
    }
  }
}

/** TeX of B_n with the live numbers. */
export function formulaB(
  measure: Measure,
  n: number,
  theta: number,
  normalization: Normalization,
  value: number,
): string {
  const lhs = `B_{${n}}`;
  const v = texNum(value);
  const th = texNum(theta);
  const blog = normalization === 'blog';
  switch (measure) {
    case 'legs':
      return blog
        ? `${lhs}=\\sqrt2\\sqrt{2n+1}=\\sqrt{2\\cdot${sq(n)}}=${v}\\quad\\text{(blog normalisation)}`
        : `${lhs}=\\sqrt{2n+1}=\\sqrt{${sq(n)}}=${v}`;
    case 'legt':
      return blog
        ? `${lhs}=\\tfrac{\\sqrt2\\sqrt{2n+1}}{\\theta}=\\tfrac{\\sqrt{2\\cdot${sq(n)}}}{${th}}=${v}\\quad\\text{(blog normalisation)}`
        : `${lhs}=\\tfrac{\\sqrt{2n+1}}{\\theta}=\\tfrac{\\sqrt{${sq(n)}}}{${th}}=${v}`;
    case 'lmu':
      return `${lhs}=(-1)^n\\tfrac{2n+1}{\\theta}=(-1)^{${n}}\\tfrac{${sq(n)}}{${th}}=${v}`;
    case 'lagt':
      return `${lhs}=1`;
    case 'fout':
      return `${lhs}=\\tfrac{2}{\\theta}b_n=\\tfrac{2}{${th}}\\cdot${foutBTex(n)}=${v}\\quad(b=[1,0,\\sqrt2,0,\\sqrt2,\\dots])`;
  }
}

/** TeX of Ā_nk: the matrix formula of the method (entry-wise for forward Euler). */
export function formulaAb(
  disc: DiscName,
  n: number,
  k: number,
  dt: number,
  aValue: number,
  value: number,
): string {
  const lhs = `\\bar A_{${n},${k}}`;
  const v = texNum(value);
  const d = texNum(dt);
  switch (disc) {
    case 'forward':
      return `${lhs}=\\delta_{nk}+\\Delta A_{nk}=${n === k ? 1 : 0}+${d}\\cdot(${texNum(aValue)})=${v}`;
    case 'backward':
      return `\\bar A=(I-\\Delta A)^{-1},\\ \\Delta=${d}:\\ ${lhs}=${v}`;
    case 'bilinear':
      return `\\bar A=(I-\\tfrac{\\Delta}{2}A)^{-1}(I+\\tfrac{\\Delta}{2}A),\\ \\Delta=${d}:\\ ${lhs}=${v}`;
    case 'zoh':
      return `\\bar A=e^{\\Delta A},\\ \\Delta=${d}:\\ ${lhs}=${v}`;
  }
}

/** TeX of B̄_n. */
export function formulaBb(
  disc: DiscName,
  n: number,
  dt: number,
  bValue: number,
  value: number,
): string {
  const lhs = `\\bar B_{${n}}`;
  const v = texNum(value);
  const d = texNum(dt);
  switch (disc) {
    case 'forward':
      return `${lhs}=\\Delta B_n=${d}\\cdot${texNum(bValue)}=${v}`;
    case 'backward':
      return `\\bar B=\\Delta(I-\\Delta A)^{-1}B,\\ \\Delta=${d}:\\ ${lhs}=${v}`;
    case 'bilinear':
      return `\\bar B=\\Delta(I-\\tfrac{\\Delta}{2}A)^{-1}B,\\ \\Delta=${d}:\\ ${lhs}=${v}`;
    case 'zoh':
      return `\\bar B=A^{-1}(e^{\\Delta A}-I)B,\\ \\Delta=${d}:\\ ${lhs}=${v}`;
  }
}

export interface EntryInfo {
  name: MatrixName;
  n: number;
  k: number;
  value: number;
  tex: string;
  source: string;
}

/** Value, formula and source of one entry (k = 0 for the vectors B, B̄). */
export function entryInfo(
  name: MatrixName,
  n: number,
  k: number,
  m: {
    measure: Measure;
    normalization: Normalization;
    theta: number;
    dt: number;
    disc: DiscName;
    N: number;
    A: Float64Array;
    B: Float64Array;
    Ab: Float64Array;
    Bb: Float64Array;
  },
): EntryInfo {
  const { N } = m;
  switch (name) {
    case 'A': {
      const value = m.A[n * N + k]!;
      return {
        name,
        n,
        k,
        value,
        tex: formulaA(m.measure, n, k, m.theta, value),
        source: CONTINUOUS_SOURCE[m.measure],
      };
    }
    case 'B': {
      const value = m.B[n]!;
      return {
        name,
        n,
        k: 0,
        value,
        tex: formulaB(m.measure, n, m.theta, m.normalization, value),
        source: CONTINUOUS_SOURCE[m.measure],
      };
    }
    case 'Ab': {
      const value = m.Ab[n * N + k]!;
      return {
        name,
        n,
        k,
        value,
        tex: formulaAb(m.disc, n, k, m.dt, m.A[n * N + k]!, value),
        source: DISC_SOURCE[m.disc],
      };
    }
    case 'Bb': {
      const value = m.Bb[n]!;
      return {
        name,
        n,
        k: 0,
        value,
        tex: formulaBb(m.disc, n, m.dt, m.B[n]!, value),
        source: DISC_SOURCE[m.disc],
      };
    }
  }
}

/** Frobenius norm √(Σ a²) of a row-major matrix or a vector. */
export function frobenius(A: Float64Array): number {
  let s = 0;
  for (let i = 0; i < A.length; i++) s += A[i]! * A[i]!;
  return Math.sqrt(s);
}

/** max |a| over the finite entries (1 if none is non-zero, so a colour scale is never 0-wide). */
export function maxAbs(A: Float64Array): number {
  let m = 0;
  for (let i = 0; i < A.length; i++) {
    const a = Math.abs(A[i]!);
    if (Number.isFinite(a) && a > m) m = a;
  }
  return m > 0 ? m : 1;
}

export function allFinite(A: Float64Array): boolean {
  for (let i = 0; i < A.length; i++) if (!Number.isFinite(A[i]!)) return false;
  return true;
}

/** ρ = max |z| over the eigenvalues (NaN if none is finite). */
export function spectralRadiusOf(z: Complex): number {
  let r = NaN;
  for (let i = 0; i < z.re.length; i++) {
    const m = Math.hypot(z.re[i]!, z.im[i]!);
    if (Number.isFinite(m) && !(m <= r)) r = m;
  }
  return r;
}

/** Tolerance under which ρ(Ā) counts as 1 (marginal): rounding in the eigenvalue routine. */
export const MARGINAL_TOL = 1e-9;

export type Stability = 'stable' | 'marginal' | 'unstable' | 'unknown';

export function stabilityOf(rho: number): Stability {
  if (!Number.isFinite(rho)) return 'unknown';
  if (rho > 1 + MARGINAL_TOL) return 'unstable';
  if (rho >= 1 - MARGINAL_TOL) return 'marginal';
  return 'stable';
}

/** The cell (row n, column k) of a rows×cols heatmap of w×h px under the point (px, py), or null. */
export function cellAt(
  px: number,
  py: number,
  w: number,
  h: number,
  rows: number,
  cols: number,
): { n: number; k: number } | null {
  if (!(px >= 0 && py >= 0 && px < w && py < h)) return null;
  return {
    n: Math.min(rows - 1, Math.floor((py / h) * rows)),
    k: Math.min(cols - 1, Math.floor((px / w) * cols)),
  };
}
