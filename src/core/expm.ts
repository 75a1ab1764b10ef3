/**
 * Matrix exponential by scaling and squaring with diagonal Padé approximants
 * (N. J. Higham, "The scaling and squaring method for the matrix exponential revisited",
 * SIAM J. Matrix Anal. Appl. 26(4), 2005, Algorithm 2.3): pick the lowest degree m ∈ {3,5,7,9,13}
 * whose θ_m bounds ‖A‖₁, otherwise scale A by 2^−s so that ‖A/2^s‖₁ ≤ θ_13, evaluate r_13 and
 * square s times. Never diagonalises: LegS's eigenvectors are catastrophically conditioned.
 */
import { eye, luFactor, luSolveMatrix, matmul, norm1 } from './linalg';
import { checkFiniteArray, checkInt, MAX_N } from './validate';

const THETA = [
  [3, 1.495585217958292e-2],
  [5, 2.53939833006323e-1],
  [7, 9.504178996162932e-1],
  [9, 2.097847961257068],
] as const;
const THETA13 = 5.371920351148152;

const PADE: Record<number, readonly number[]> = {
  3: [120, 60, 12, 1],
  5: [30240, 15120, 3360, 420, 30, 1],
  7: [17297280, 8648640, 1995840, 277200, 25200, 1512, 56, 1],
  9: [17643225600, 8821612800, 2075673600, 302702400, 30270240, 2162160, 110880, 3960, 90, 1],
  13: [
    64764752532480000, 32382376266240000, 7771770303897600, 1187353796428800, 129060195264000,
    10559470521600, 670442572800, 33522128640, 1323241920, 40840800, 960960, 16380, 182, 1,
  ],
};

function axpy(out: Float64Array, a: number, X: Float64Array): void {
  for (let i = 0; i < out.length; i++) out[i]! += a * X[i]!;
}

/** r_m(A) = (V − U)⁻¹ (V + U) for m ≤ 9, powers built incrementally. */
function padeLow(A: Float64Array, n: number, m: number): Float64Array {
  const b = PADE[m]!;
  const I = eye(n);
  const A2 = matmul(A, A, n);
  const Uin = new Float64Array(n * n); // Σ b_odd A^(j−1)
  const V = new Float64Array(n * n);
  axpy(Uin, b[1]!, I);
  axpy(V, b[0]!, I);
  let P = I;
  for (let j = 2; j <= m; j += 2) {
    P = matmul(P, A2, n); // A^j
    axpy(V, b[j]!, P);
    axpy(Uin, b[j + 1]!, P);
  }
  return solvePade(matmul(A, Uin, n), V, n);
}

function pade13(A: Float64Array, n: number): Float64Array {
  const b = PADE[13]!;
  const I = eye(n);
  const A2 = matmul(A, A, n);
  const A4 = matmul(A2, A2, n);
  const A6 = matmul(A4, A2, n);
  const t = new Float64Array(n * n);
  axpy(t, b[13]!, A6);
  axpy(t, b[11]!, A4);
  axpy(t, b[9]!, A2);
  const Uin = matmul(A6, t, n);
  axpy(Uin, b[7]!, A6);
  axpy(Uin, b[5]!, A4);
  axpy(Uin, b[3]!, A2);
  axpy(Uin, b[1]!, I);
  const U = matmul(A, Uin, n);
  t.fill(0);
  axpy(t, b[12]!, A6);
  axpy(t, b[10]!, A4);
  axpy(t, b[8]!, A2);
  const V = matmul(A6, t, n);
  axpy(V, b[6]!, A6);
  axpy(V, b[4]!, A4);
  axpy(V, b[2]!, A2);
  axpy(V, b[0]!, I);
  return solvePade(U, V, n);
}

function solvePade(U: Float64Array, V: Float64Array, n: number): Float64Array {
  const P = new Float64Array(n * n);
  const Q = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) {
    P[i] = V[i]! + U[i]!;
    Q[i] = V[i]! - U[i]!;
  }
  return luSolveMatrix(luFactor(Q, n), P);
}

/** e^A for an n×n row-major matrix. */
export function expm(A: Float64Array, n: number): Float64Array {
  checkInt('n', n, 1, MAX_N + 1);
  checkFiniteArray('A', A, n * n);
  const nrm = norm1(A, n);
  for (const [m, theta] of THETA) if (nrm <= theta) return padeLow(A, n, m);
  const s = Math.max(0, Math.ceil(Math.log2(nrm / THETA13)));
  const scale = 2 ** -s;
  const As = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) As[i] = A[i]! * scale;
  let R = pade13(As, n);
  for (let k = 0; k < s; k++) R = matmul(R, R, n);
  return R;
}
