/**
 * Dense real linear algebra on row-major Float64Array matrices (n×n unless stated).
 * Small and plain on purpose: N ≤ a few hundred in the lab.
 */

export function eye(n: number): Float64Array {
  const I = new Float64Array(n * n);
  for (let i = 0; i < n; i++) I[i * n + i] = 1;
  return I;
}

/** C = A·B for n×n matrices (i-k-j loop order for cache-friendly row access). */
export function matmul(A: Float64Array, B: Float64Array, n: number): Float64Array {
  const C = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const ci = i * n;
    for (let k = 0; k < n; k++) {
      const a = A[ci + k]!;
      if (a === 0) continue;
      const bk = k * n;
      for (let j = 0; j < n; j++) C[ci + j]! += a * B[bk + j]!;
    }
  }
  return C;
}

/** y = A·x. */
export function matvec(A: Float64Array, x: ArrayLike<number>, n: number): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    const r = i * n;
    for (let j = 0; j < n; j++) s += A[r + j]! * x[j]!;
    y[i] = s;
  }
  return y;
}

/** y = xᵀ·A (row vector times matrix). */
export function vecmat(x: ArrayLike<number>, A: Float64Array, n: number): Float64Array {
  const y = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const xk = x[k]!;
    if (xk === 0) continue;
    const r = k * n;
    for (let j = 0; j < n; j++) y[j]! += xk * A[r + j]!;
  }
  return y;
}

export function dot(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]! * y[i]!;
  return s;
}

/** aI + bA (a fresh matrix). */
export function shiftScale(A: Float64Array, n: number, a: number, b: number): Float64Array {
  const M = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) M[i] = b * A[i]!;
  for (let i = 0; i < n; i++) M[i * n + i]! += a;
  return M;
}

/** Max absolute column sum. */
export function norm1(A: Float64Array, n: number): number {
  let best = 0;
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += Math.abs(A[i * n + j]!);
    if (s > best) best = s;
  }
  return best;
}

export interface LU {
  n: number;
  lu: Float64Array;
  piv: Int32Array;
  singular: boolean;
}

/** LU factorisation with partial pivoting, P·A = L·U (Doolittle, in place on a copy). */
export function luFactor(A: Float64Array, n: number): LU {
  const lu = Float64Array.from(A);
  const piv = new Int32Array(n);
  let singular = false;
  for (let i = 0; i < n; i++) piv[i] = i;
  for (let k = 0; k < n; k++) {
    let p = k;
    let max = Math.abs(lu[k * n + k]!);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(lu[i * n + k]!);
      if (v > max) {
        max = v;
        p = i;
      }
    }
    if (max === 0) {
      singular = true;
      continue;
    }
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const t = lu[k * n + j]!;
        lu[k * n + j] = lu[p * n + j]!;
        lu[p * n + j] = t;
      }
      const t = piv[k]!;
      piv[k] = piv[p]!;
      piv[p] = t;
    }
    const pivot = lu[k * n + k]!;
    for (let i = k + 1; i < n; i++) {
      const f = (lu[i * n + k]! /= pivot);
      if (f === 0) continue;
      for (let j = k + 1; j < n; j++) lu[i * n + j]! -= f * lu[k * n + j]!;
    }
  }
  return { n, lu, piv, singular };
}

/** Solve A·x = b for one right-hand side. */
export function luSolve(f: LU, b: ArrayLike<number>): Float64Array {
  const { n, lu, piv } = f;
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = b[piv[i]!]!;
  for (let i = 0; i < n; i++) {
    let s = x[i]!;
    for (let j = 0; j < i; j++) s -= lu[i * n + j]! * x[j]!;
    x[i] = s;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i]!;
    for (let j = i + 1; j < n; j++) s -= lu[i * n + j]! * x[j]!;
    x[i] = s / lu[i * n + i]!;
  }
  return x;
}

/** Solve A·X = B for an n×n right-hand side matrix B (row-major). */
export function luSolveMatrix(f: LU, B: Float64Array): Float64Array {
  const n = f.n;
  const X = new Float64Array(n * n);
  const col = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) col[i] = B[i * n + j]!;
    const x = luSolve(f, col);
    for (let i = 0; i < n; i++) X[i * n + j] = x[i]!;
  }
  return X;
}

/** A^p for an integer p ≥ 0 by binary powering. */
export function matpow(A: Float64Array, n: number, p: number): Float64Array {
  let result = eye(n);
  let base = A;
  let e = p;
  let first = true;
  while (e > 0) {
    if (e & 1) {
      result = first ? Float64Array.from(base) : matmul(result, base, n);
      first = false;
    }
    e = Math.floor(e / 2);
    if (e > 0) base = matmul(base, base, n);
  }
  return result;
}

/**
 * Householder reduction to upper Hessenberg form, A = Q·H·Qᵀ. Returns H and Q (both n×n).
 * Orthogonal similarity: preserves eigenvalues and the characteristic polynomial.
 */
export function hessenberg(A: Float64Array, n: number): { H: Float64Array; Q: Float64Array } {
  const H = Float64Array.from(A);
  const Q = eye(n);
  const v = new Float64Array(n);
  for (let k = 0; k < n - 2; k++) {
    let alpha = 0;
    for (let i = k + 1; i < n; i++) alpha += H[i * n + k]! ** 2;
    alpha = Math.sqrt(alpha);
    if (alpha === 0) continue;
    const x0 = H[(k + 1) * n + k]!;
    if (x0 > 0) alpha = -alpha;
    // v = x − α e1, normalised; reflector P = I − 2 v vᵀ.
    v.fill(0);
    v[k + 1] = x0 - alpha;
    for (let i = k + 2; i < n; i++) v[i] = H[i * n + k]!;
    let vn = 0;
    for (let i = k + 1; i < n; i++) vn += v[i]! ** 2;
    vn = Math.sqrt(vn);
    if (vn === 0) continue;
    for (let i = k + 1; i < n; i++) v[i]! /= vn;
    // H ← P H
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let i = k + 1; i < n; i++) s += v[i]! * H[i * n + j]!;
      s *= 2;
      for (let i = k + 1; i < n; i++) H[i * n + j]! -= s * v[i]!;
    }
    // H ← H P, Q ← Q P
    for (let i = 0; i < n; i++) {
      let s = 0;
      let q = 0;
      for (let j = k + 1; j < n; j++) {
        s += H[i * n + j]! * v[j]!;
        q += Q[i * n + j]! * v[j]!;
      }
      s *= 2;
      q *= 2;
      for (let j = k + 1; j < n; j++) {
        H[i * n + j]! -= s * v[j]!;
        Q[i * n + j]! -= q * v[j]!;
      }
    }
    for (let i = k + 2; i < n; i++) H[i * n + k] = 0;
  }
  return { H, Q };
}

/**
 * For an upper Hessenberg H (n×n, real), returns f(α, β, b, c) = c · (αI − βH)⁻¹ b with complex
 * α, β and real vectors b, c, by Gaussian elimination with partial pivoting between adjacent rows:
 * O(n²) per call. Scratch space is allocated once, so one solver serves many evaluation points.
 */
export function hessenbergResolvent(
  H: Float64Array,
  n: number,
): (
  ar: number,
  ai: number,
  br: number,
  bi: number,
  b: Float64Array,
  c: Float64Array,
) => [number, number] {
  const Mr = new Float64Array(n * n);
  const Mi = new Float64Array(n * n);
  const yr = new Float64Array(n);
  const yi = new Float64Array(n);
  return (ar, ai, br, bi, b, c) => {
    for (let p = 0; p < n; p++) {
      for (let q = Math.max(0, p - 1); q < n; q++) {
        const h = H[p * n + q]!;
        Mr[p * n + q] = (p === q ? ar : 0) - br * h;
        Mi[p * n + q] = (p === q ? ai : 0) - bi * h;
      }
      yr[p] = b[p]!;
      yi[p] = 0;
    }
    for (let k = 0; k + 1 < n; k++) {
      const r0 = k * n;
      const r1 = (k + 1) * n;
      const sr = Mr[r1 + k]!;
      const si = Mi[r1 + k]!;
      if (sr === 0 && si === 0) continue;
      if (sr * sr + si * si > Mr[r0 + k]! ** 2 + Mi[r0 + k]! ** 2) {
        for (let q = k; q < n; q++) {
          let t = Mr[r0 + q]!;
          Mr[r0 + q] = Mr[r1 + q]!;
          Mr[r1 + q] = t;
          t = Mi[r0 + q]!;
          Mi[r0 + q] = Mi[r1 + q]!;
          Mi[r1 + q] = t;
        }
        let t = yr[k]!;
        yr[k] = yr[k + 1]!;
        yr[k + 1] = t;
        t = yi[k]!;
        yi[k] = yi[k + 1]!;
        yi[k + 1] = t;
      }
      const pr = Mr[r0 + k]!;
      const pi = Mi[r0 + k]!;
      const den = pr * pr + pi * pi;
      const xr = Mr[r1 + k]!;
      const xi = Mi[r1 + k]!;
      const fr = (xr * pr + xi * pi) / den;
      const fi = (xi * pr - xr * pi) / den;
      for (let q = k + 1; q < n; q++) {
        const ur = Mr[r0 + q]!;
        const ui = Mi[r0 + q]!;
        Mr[r1 + q]! -= fr * ur - fi * ui;
        Mi[r1 + q]! -= fr * ui + fi * ur;
      }
      const ur = yr[k]!;
      const ui = yi[k]!;
      yr[k + 1]! -= fr * ur - fi * ui;
      yi[k + 1]! -= fr * ui + fi * ur;
    }
    let hr = 0;
    let hi = 0;
    for (let p = n - 1; p >= 0; p--) {
      let tr = yr[p]!;
      let ti = yi[p]!;
      for (let q = p + 1; q < n; q++) {
        const mr = Mr[p * n + q]!;
        const mi = Mi[p * n + q]!;
        tr -= mr * yr[q]! - mi * yi[q]!;
        ti -= mr * yi[q]! + mi * yr[q]!;
      }
      const dr = Mr[p * n + p]!;
      const di = Mi[p * n + p]!;
      const dd = dr * dr + di * di;
      yr[p] = (tr * dr + ti * di) / dd;
      yi[p] = (ti * dr - tr * di) / dd;
      hr += c[p]! * yr[p]!;
      hi += c[p]! * yi[p]!;
    }
    return [hr, hi];
  };
}
