/**
 * "Reproduce in NumPy": a self-contained Python script that rebuilds the lab's current discrete
 * system — hippo(measure, N, θ, normalisation), discretised with step Δ by the chosen method, the
 * read-out C the lab draws from the seed — and prints its kernel K_k = C Ā^k B̄, k < L, exactly
 * as core.kernel(currentDiscrete(p), L) computes it. C is embedded as numbers (17 significant
 * digits round-trip a double), not re-drawn: the lab's RNG is not numpy's.
 */
import { effectiveN } from '../../state/derived';
import { currentDiscrete } from '../../state/derived.rtf';
import type { Params } from '../../state/schema';

export type SnippetParams = Pick<
  Params,
  'measure' | 'N' | 'theta' | 'dt' | 'disc' | 'normalization' | 'L' | 'seed'
>;

const num = (x: number): string => {
  if (Number.isInteger(x)) return `${x}.0`;
  return x.toPrecision(17).replace(/\.?0+(e|$)/, '$1');
};

/** The read-out C the lab uses for these parameters (currentDiscrete's, length N_eff). */
export function snippetReadout(p: SnippetParams): Float64Array {
  return currentDiscrete(p).C;
}

function wrap(values: string[], indent: string, width = 96): string {
  const lines: string[] = [];
  let line = '';
  for (const v of values) {
    const item = `${v}, `;
    if (line && indent.length + line.length + item.length > width) {
      lines.push(indent + line.trimEnd());
      line = '';
    }
    line += item;
  }
  if (line) lines.push(indent + line.trimEnd());
  return lines.join('\n');
}

export function numpySnippet(p: SnippetParams): string {
  const n = effectiveN(p.measure, p.N);
  const C = snippetReadout(p);
  const nNote =
    n === p.N ? '' : `  # FouT needs an even state size: the lab uses ${n} for N = ${p.N}`;
  return `# SSM Lab — reproduce the current system's kernel in NumPy/SciPy.
# measure=${p.measure} N=${p.N} θ=${num(p.theta)} Δ=${num(p.dt)} disc=${p.disc} norm=${p.normalization} L=${p.L} seed=${p.seed}
# Continuous x' = A x + B u (A includes its minus sign); discrete (S4 convention)
# x_k = Ab x_{k-1} + Bb u_k, y_k = C x_k; kernel K_k = C Ab^k Bb.
import numpy as np
from scipy.linalg import expm

measure, N, theta, dt = ${JSON.stringify(p.measure)}, ${n}, ${num(p.theta)}, ${num(p.dt)}${nNote}
disc, normalization, L = ${JSON.stringify(p.disc)}, ${JSON.stringify(p.normalization)}, ${p.L}


def hippo(measure, N, theta, normalization):
    A = np.zeros((N, N))
    B = np.zeros(N)
    r = np.sqrt(2 * np.arange(N) + 1.0)
    for n in range(N):
        for k in range(N):
            if measure == "legs":
                A[n, k] = -r[n] * r[k] if n > k else (-(n + 1.0) if n == k else 0.0)
            elif measure == "legt":
                sign = 1.0 if k <= n else (1.0 if (n - k) % 2 == 0 else -1.0)
                A[n, k] = -sign * r[n] * r[k] / theta
            elif measure == "lmu":
                sign = -1.0 if n < k else (1.0 if (n - k + 1) % 2 == 0 else -1.0)
                A[n, k] = sign * (2 * n + 1) / theta
            elif measure == "lagt":
                A[n, k] = -1.0 if k <= n else 0.0
    if measure in ("legs", "legt"):
        B = r / (theta if measure == "legt" else 1.0)
    elif measure == "lmu":
        B = np.array([(-1.0) ** n * (2 * n + 1) / theta for n in range(N)])
    elif measure == "lagt":
        B = np.ones(N)
    elif measure == "fout":  # state-spaces 'fout' (window 2), rescaled to window theta
        b = np.array([1.0 if n == 0 else (np.sqrt(2.0) if n % 2 == 0 else 0.0) for n in range(N)])
        A = -np.outer(b, b)
        for i in range(2, N - 1, 2):
            A[i, i + 1] -= np.pi * (i // 2)
            A[i + 1, i] += np.pi * (i // 2)
        A, B = (2.0 / theta) * A, (2.0 / theta) * b
    if normalization == "blog" and measure in ("legs", "legt"):
        B = B * np.sqrt(2.0)
    return A, B


def discretize(A, B, dt, disc):
    N = A.shape[0]
    I = np.eye(N)
    if disc == "zoh":  # block exponential exp([[dt A, dt B], [0, 0]])
        M = np.zeros((N + 1, N + 1))
        M[:N, :N], M[:N, N] = dt * A, dt * B
        E = expm(M)
        return E[:N, :N], E[:N, N]
    alpha = {"forward": 0.0, "backward": 1.0, "bilinear": 0.5}[disc]
    lhs = I - alpha * dt * A
    Ab = np.linalg.solve(lhs, I + (1 - alpha) * dt * A)
    Bb = dt * np.linalg.solve(lhs, B)
    return Ab, Bb


# The read-out C the lab draws from seed ${p.seed} (Gaussian / sqrt(N)), embedded as numbers.
C = np.array([
${wrap(Array.from(C, num), '    ')}
])

A, B = hippo(measure, N, theta, normalization)
Ab, Bb = discretize(A, B, dt, disc)
K = np.empty(L)
x = Bb.copy()
for k in range(L):  # K_k = C Ab^k Bb by powering, as the lab's reference kernel does
    K[k] = C @ x
    x = Ab @ x

np.set_printoptions(precision=17, threshold=np.inf)
print("\\n".join(repr(float(v)) for v in K))
`;
}
