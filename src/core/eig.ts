/**
 * Eigenvalues. General real matrices: balancing (Parlett–Reinsch, powers of two, exact) followed
 * by ml-matrix's Hessenberg–QR eigenvalue decomposition. Real skew-symmetric matrices (the S4
 * normal part): a unitary eigendecomposition built from a real orthogonal tridiagonalisation,
 * never from the ill-conditioned eigenvectors of LegS itself.
 */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { hessenberg } from './linalg';
import type { Complex } from './types';
import { checkFiniteArray, checkInt, MAX_N } from './validate';

/** Diagonal similarity with power-of-two factors that equalises row and column norms. */
function balance(A: Float64Array, n: number): Float64Array {
  const B = Float64Array.from(A);
  let done = false;
  for (let sweep = 0; !done && sweep < 100; sweep++) {
    done = true;
    for (let i = 0; i < n; i++) {
      let c = 0;
      let r = 0;
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        c += Math.abs(B[j * n + i]!);
        r += Math.abs(B[i * n + j]!);
      }
      if (c === 0 || r === 0) continue;
      const s = c + r;
      let f = 1;
      let g = r / 2;
      while (c < g) {
        f *= 2;
        c *= 4;
      }
      g = r * 2;
      while (c >= g) {
        f /= 2;
        c /= 4;
      }
      if ((c + r) / f < 0.95 * s) {
        done = false;
        for (let j = 0; j < n; j++) B[i * n + j]! /= f;
        for (let j = 0; j < n; j++) B[j * n + i]! *= f;
      }
    }
  }
  return B;
}

function toRows(A: Float64Array, n: number): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) rows.push(Array.from(A.subarray(i * n, i * n + n)));
  return rows;
}

/** Sorts a complex vector by (re, im) in place order and returns it. */
export function sortComplex(re: Float64Array, im: Float64Array): Complex {
  const idx = Array.from(re, (_, i) => i).sort((a, b) => re[a]! - re[b]! || im[a]! - im[b]!);
  return { re: Float64Array.from(idx, (i) => re[i]!), im: Float64Array.from(idx, (i) => im[i]!) };
}

/**
 * The diagonal if A is (numerically) triangular, else null. Entries on one side below
 * 1e-13·max|A| count as zero: the HiPPO matrices LegS and LagT and their discretisations are
 * triangular, and their eigenvalues are so ill-conditioned (eigenvector condition ~1e19 at
 * N = 32) that a general QR iteration returns complex garbage from rounding alone.
 */
function triangularDiagonal(A: Float64Array, N: number): Float64Array | null {
  let max = 0;
  for (let i = 0; i < N * N; i++) max = Math.max(max, Math.abs(A[i]!));
  const tol = 1e-13 * max;
  let lower = true;
  let upper = true;
  for (let i = 0; i < N && (lower || upper); i++) {
    for (let j = 0; j < N; j++) {
      if (j > i && Math.abs(A[i * N + j]!) > tol) lower = false;
      if (j < i && Math.abs(A[i * N + j]!) > tol) upper = false;
    }
  }
  return lower || upper ? Float64Array.from({ length: N }, (_, i) => A[i * N + i]!) : null;
}

/** All N eigenvalues of a real N×N matrix, sorted by real part, then imaginary part. */
export function eigenvalues(A: Float64Array, N: number): Complex {
  checkInt('N', N, 1, MAX_N);
  checkFiniteArray('A', A, N * N);
  if (N === 1) return { re: Float64Array.of(A[0]!), im: new Float64Array(1) };
  const tri = triangularDiagonal(A, N);
  if (tri) return sortComplex(tri, new Float64Array(N));
  const evd = new EigenvalueDecomposition(new Matrix(toRows(balance(A, N), N)), {
    assumeSymmetric: false,
  });
  const re = Float64Array.from(evd.realEigenvalues);
  const im = Float64Array.from(evd.imaginaryEigenvalues);
  for (let i = 0; i < N; i++) if (im[i] === 0) im[i] = 0; // no −0
  return sortComplex(re, im);
}

/** Eigenvalues of a real symmetric matrix (ascending) with orthonormal eigenvectors (columns). */
export function symmetricEig(
  S: Float64Array,
  n: number,
): { values: Float64Array; vectors: Float64Array } {
  const evd = new EigenvalueDecomposition(new Matrix(toRows(S, n)), { assumeSymmetric: true });
  const values = Float64Array.from(evd.realEigenvalues);
  const Vm = evd.eigenvectorMatrix;
  const order = Array.from(values, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const vectors = new Float64Array(n * n);
  order.forEach((src, dst) => {
    for (let i = 0; i < n; i++) vectors[i * n + dst] = Vm.get(i, src);
  });
  return { values: Float64Array.from(order, (i) => values[i]!), vectors };
}

/**
 * Unitary eigendecomposition of a real skew-symmetric S: S = V diag(iω) V*, ω ascending.
 * Method: Householder reduction S = Q T Qᵀ (T is skew and Hessenberg, hence tridiagonal with
 * T_{k+1,k} = e_k); with D = diag(i^k), D*(−iT)D is the real symmetric tridiagonal M with
 * off-diagonal −e_k and zero diagonal; M = W diag(ω) Wᵀ gives V = Q D W.
 * Returns V as separate real and imaginary n×n row-major parts.
 */
export function skewEig(
  S: Float64Array,
  n: number,
): { omega: Float64Array; Vre: Float64Array; Vim: Float64Array } {
  const { H, Q } = hessenberg(S, n);
  const M = new Float64Array(n * n);
  for (let k = 0; k + 1 < n; k++) M[(k + 1) * n + k] = M[k * n + k + 1] = -H[(k + 1) * n + k]!;
  const { values: omega, vectors: W } = symmetricEig(M, n);
  const Vre = new Float64Array(n * n);
  const Vim = new Float64Array(n * n);
  // (Q D)_{a,k} = Q_{ak} i^k; i^k = 1, i, −1, −i.
  for (let a = 0; a < n; a++) {
    for (let k = 0; k < n; k++) {
      const q = Q[a * n + k]!;
      if (q === 0) continue;
      const phase = k & 3;
      const qr = phase === 0 ? q : phase === 2 ? -q : 0;
      const qi = phase === 1 ? q : phase === 3 ? -q : 0;
      for (let b = 0; b < n; b++) {
        const w = W[k * n + b]!;
        Vre[a * n + b]! += qr * w;
        Vim[a * n + b]! += qi * w;
      }
    }
  }
  return { omega, Vre, Vim };
}
