/**
 * Memoised selectors of the eigenvalue, kernel and frequency panels (DESIGN §6–7), kept apart
 * from derived.ts so that their caches never evict the single-entry ones the other panels share.
 *
 * Cheap values are computed in render (a few ms at N = 64, L = 2048). Expensive ones (the naive
 * and generating-function kernels, ~17/40 ms there; QR eigenvalues of a 64×64 matrix) are
 * *settled*: a panel asks for them with `settle(id, key, job)`, and the jobs run once the input
 * has been quiet for SETTLE_MS, one job per task so that a new input is never kept waiting
 * behind more than one of them. Results land in keyed caches; `useSettledVersion()` re-renders
 * the panels that read them. Every number is the float64 core's.
 */
import { EigenvalueDecomposition, Matrix, SingularValueDecomposition } from 'ml-matrix';
import { useSyncExternalStore } from 'react';
import {
  discretize,
  eigenvalues,
  hippo,
  kernel,
  nplr,
  rtfCorrect,
  rtfKernel,
  s4dInit,
  s4dKernel,
  s4Kernel,
  ssToTf,
  type Complex,
  type DiscreteSSM,
  type Measure,
  type Normalization,
  type S4dInitKind,
} from '../core/index';
import { skewEig } from '../core/eig';
import { hessenberg, hessenbergResolvent, luFactor, luSolve, matpow } from '../core/linalg';
import { effectiveN, readoutOf } from './derived';
import { jobRunner } from './jobs';
import { Keyed } from './caches';
import { msg, raw, type Msg } from './i18n/msg';

// ------------------------------------------------------------------------------------------------
// Keyed caches and the settle scheduler

/** Quiet time after the last input before settled jobs start, in ms. */
export const SETTLE_MS = 150;

/** A job by name (see SETTLED_JOBS): runs in the jobs worker when there is one. */
export type NamedJob = {
  [K in SettledJobName]: { job: K; args: Readonly<Parameters<(typeof SETTLED_JOBS)[K]>> };
}[SettledJobName];
type Task = (() => void) | NamedJob;

interface Job {
  key: string;
  task: Task;
}
const jobs = new Map<string, Job>();
const listeners = new Set<() => void>();
let version = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
/** True while a job is running in the worker (one at a time, so the newest waits, not piles up). */
let inFlight = false;

function notify(): void {
  version++;
  for (const l of listeners) l();
}

function runLocal(task: Task): void {
  if (typeof task === 'function') task();
  else (SETTLED_JOBS[task.job] as (...a: readonly unknown[]) => unknown)(...task.args);
}

function runNext(): void {
  timer = undefined;
  if (inFlight) return;
  const first = jobs.entries().next();
  if (first.done) return;
  const [id, job] = first.value;
  jobs.delete(id);
  const remote = jobRunner();
  if (remote && typeof job.task !== 'function') {
    const { job: name, args } = job.task;
    inFlight = true;
    remote
      .run(name, args)
      .then(
        (result) => ADOPT[name](args as never, result as never),
        // The worker crashed (it is reported and restarted): compute here instead.
        () => runLocal(job.task),
      )
      .finally(() => {
        inFlight = false;
        notify();
        if (jobs.size) timer = setTimeout(runNext, 0);
      });
    return;
  }
  try {
    runLocal(job.task);
  } finally {
    notify();
  }
  if (jobs.size) timer = setTimeout(runNext, 0);
}

/**
 * Asks for a job once the input has settled. `id` names the slot (one pending job per slot: a
 * newer key replaces an older one); the same id and key again is a no-op, so panels may call
 * this after every render. Jobs start after SETTLE_MS of quiet (a drag redraws the panel once it
 * pauses, not per step); a named job runs in the jobs worker, one at a time, off the main thread;
 * other jobs run here, one per task, so a new input never waits behind more than one of them.
 */
export function settle(id: string, key: string, task: Task): void {
  if (jobs.get(id)?.key === key) return;
  jobs.set(id, { key, task });
  if (timer !== undefined) clearTimeout(timer);
  timer = setTimeout(runNext, SETTLE_MS);
}

/** True while a job for this slot and key is waiting. */
export function isSettling(id: string, key: string): boolean {
  return jobs.get(id)?.key === key;
}

/** Runs every waiting job now, here (tests, exports). */
export function settleNow(): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  const any = jobs.size > 0;
  while (jobs.size) {
    const [id, job] = jobs.entries().next().value as [string, Job];
    jobs.delete(id);
    runLocal(job.task);
  }
  if (any) notify();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
const getVersion = (): number => version;

/** Re-renders the caller whenever a settled job has finished. */
export function useSettledVersion(): number {
  return useSyncExternalStore(subscribe, getVersion, getVersion);
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function allFinite(x: ArrayLike<number>): boolean {
  for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i])) return false;
  return true;
}

/**
 * Drops the states the input never reaches and that touch no other state (B_i = 0, row and
 * column i of A zero off the diagonal; FouT's constant state): they add nothing to K or H, but
 * their eigenvalue (0 for A, 1 for Ā) makes I − Āz singular at z = 1 — as core.s4Kernel does.
 */
export function dropDecoupled(
  A: Float64Array,
  B: Float64Array,
  C: Float64Array,
  n: number,
): { A: Float64Array; B: Float64Array; C: Float64Array; n: number } {
  const keep: number[] = [];
  for (let i = 0; i < n; i++) {
    let coupled = B[i] !== 0;
    for (let j = 0; j < n && !coupled; j++)
      coupled = j !== i && (A[i * n + j] !== 0 || A[j * n + i] !== 0);
    if (coupled) keep.push(i);
  }
  if (keep.length === n || keep.length === 0) return { A, B, C, n };
  const m = keep.length;
  const A2 = new Float64Array(m * m);
  keep.forEach((i, p) => keep.forEach((j, q) => (A2[p * m + q] = A[i * n + j]!)));
  return {
    A: A2,
    B: Float64Array.from(keep, (i) => B[i]!),
    C: Float64Array.from(keep, (i) => C[i]!),
    n: m,
  };
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

// ------------------------------------------------------------------------------------------------
// The S4 system of the kernel and frequency panels

export type KernelMethod = 'naive' | 'generating' | 'dplr' | 's4d' | 'rtf';
export const KERNEL_METHODS: readonly KernelMethod[] = [
  'naive',
  'generating',
  'dplr',
  's4d',
  'rtf',
];

export interface KernelInputs {
  measure: Measure;
  N: number;
  theta: number;
  normalization: Normalization;
  dt: number;
  L: number;
  seed: number;
  correction: boolean;
}

export interface S4Map {
  measure: 'legs' | 'legt' | 'lagt' | 'fout';
  /** Step for core.s4Kernel, which uses the default window (θ = 1, FouT 2). */
  dt: number;
  /** Factor on its output for the blog normalisation (B × √2 for LegS, LegT). */
  scale: number;
}

/**
 * The lab's system hippo(measure, N, {θ, normalisation}) discretised bilinearly with step Δ is
 * core.s4Kernel's system (default window, paper normalisation) at another step and scale:
 * LegT's A, B carry 1/θ and FouT's 2/θ, and bilinear(sA, sB; Δ) = bilinear(A, B; sΔ) exactly;
 * the blog normalisation multiplies B (hence K) by √2 for LegS and LegT. LMU has no s4Kernel.
 */
export function s4MapOf(
  measure: Measure,
  theta: number,
  normalization: Normalization,
  dt: number,
): S4Map | null {
  const blog = normalization === 'blog' ? Math.SQRT2 : 1;
  switch (measure) {
    case 'legs':
      return { measure, dt, scale: blog };
    case 'legt':
      return { measure, dt: dt / theta, scale: blog };
    case 'lagt':
      return { measure, dt, scale: 1 };
    case 'fout':
      return { measure, dt: (2 * dt) / theta, scale: 1 };
    case 'lmu':
      return null;
  }
}

const bilinearCache = new Keyed<DiscreteSSM>(4);

/** The current system, bilinear at step Δ, with the read-out C of derived.readoutOf. */
export function bilinearOf(
  measure: Measure,
  N: number,
  theta: number,
  normalization: Normalization,
  dt: number,
  seed: number,
): DiscreteSSM {
  const n = effectiveN(measure, N);
  const key = `${measure}|${n}|${theta}|${normalization}|${dt}|${seed}`;
  const hit = bilinearCache.get(key);
  if (hit) return hit;
  const C = readoutOf(n, seed);
  return bilinearCache.set(
    key,
    discretize({ ...hippo(measure, n, { theta, normalization }), C }, dt, 'bilinear'),
  );
}

export interface AliasInfo {
  /** C'' = C (I − Ā^L)⁻¹: fed to a C̃-method, it evaluates C (I − Āz)⁻¹ B̄ (no correction). */
  C2?: Float64Array;
  /** max_i |(C Ā^L)_i|: the size of the correction C̃ − C. */
  wrap: number;
  error?: string;
}
const aliasCache = new Keyed<AliasInfo>(4);

/**
 * The read-out that switches the correction off. S4's methods evaluate the truncated generating
 * function C̃ (I − Āz)⁻¹ B̄ with C̃ = C(I − Ā^L) (REFERENCE §3.6), built from the C they are given;
 * given C'' with C''(I − Ā^L) = C they evaluate C (I − Āz)⁻¹ B̄ instead, whose iFFT is the
 * aliased kernel Σ_m K_{k+mL}. States the input never reaches (FouT's constant state: I − Ā^L is
 * singular there) are decoupled and keep their C.
 */
function aliasKey(inp: KernelInputs): string {
  const n = effectiveN(inp.measure, inp.N);
  return `${inp.measure}|${n}|${inp.theta}|${inp.normalization}|${inp.dt}|${inp.L}|${inp.seed}`;
}

export function cachedAlias(inp: KernelInputs): AliasInfo | undefined {
  return aliasCache.get(aliasKey(inp));
}

/** Key of the alias computation for these inputs (for settle()). */
export function aliasJobKey(inp: KernelInputs): string {
  return aliasKey(inp);
}

/** Rough cost of aliasOf in ms: a bilinear discretisation and log2(L) N×N products. */
export function aliasCostMs(N: number, L: number): number {
  return 3e-6 * N ** 3 * (1 + Math.log2(L) / 2);
}

export function aliasOf(inp: KernelInputs): AliasInfo {
  const n = effectiveN(inp.measure, inp.N);
  const key = aliasKey(inp);
  const hit = aliasCache.get(key);
  if (hit) return hit;
  const d = bilinearOf(inp.measure, inp.N, inp.theta, inp.normalization, inp.dt, inp.seed);
  const AL = matpow(d.Ab, n, inp.L);
  let wrap = 0;
  const M = new Float64Array(n * n); // (I − Ā^L)ᵀ
  for (let i = 0; i < n; i++) {
    let w = 0;
    for (let a = 0; a < n; a++) {
      w += d.C[a]! * AL[a * n + i]!;
      M[i * n + a] = (i === a ? 1 : 0) - AL[a * n + i]!;
    }
    wrap = Math.max(wrap, Math.abs(w));
  }
  for (let i = 0; i < n; i++) {
    let coupled = d.Bb[i] !== 0;
    for (let j = 0; j < n && !coupled; j++)
      coupled = j !== i && (d.Ab[i * n + j] !== 0 || d.Ab[j * n + i] !== 0);
    if (!coupled) {
      for (let j = 0; j < n; j++) M[i * n + j] = M[j * n + i] = i === j ? 1 : 0;
    }
  }
  const lu = luFactor(M, n);
  const C2 = lu.singular ? undefined : luSolve(lu, d.C);
  const info: AliasInfo =
    C2 && allFinite(C2) && Number.isFinite(wrap)
      ? { C2, wrap }
      : {
          wrap,
          error:
            'I − Ā^L is singular: a mode of Ā returns to itself after L steps, so the aliased sum Σ_m K_(k+mL) diverges.',
        };
  return aliasCache.set(key, info);
}

export interface KernelResult {
  K?: Float64Array;
  /** Time of the core call(s) that make the kernel, in ms. */
  ms: number;
  error?: Msg;
  note?: Msg;
}

/** Why a method does not apply to these inputs, or undefined when it does. */
export function kernelUnavailable(method: KernelMethod, inp: KernelInputs): Msg | undefined {
  const n = effectiveN(inp.measure, inp.N);
  switch (method) {
    case 'naive':
      return undefined;
    case 'generating':
      return inp.measure === 'lmu' ? msg('kernel.na.lmu') : undefined;
    case 'dplr':
      return inp.measure === 'legs' ? undefined : msg('kernel.na.dplr');
    case 's4d':
      if (inp.measure !== 'legs') return msg('kernel.na.s4d');
      return n % 2 === 0 ? undefined : msg('kernel.na.even');
    case 'rtf':
      return inp.L > n ? undefined : msg('kernel.na.rtf', { L: inp.L, N: n });
  }
}

/**
 * State sizes whose NPLR factors (a unitary eigendecomposition of LegS's normal part, O(N³))
 * the core has already made and cached: the first DPLR kernel or NPLR Λ at a new N pays for it.
 */
const nplrSeen = new Set<number>();

/** Extra ms for the NPLR factors at this N if the core has not made them yet. */
export function nplrCostMs(N: number): number {
  return nplrSeen.has(N) ? 0 : 3e-5 * N ** 3;
}

/** Rough cost of a method in ms on a laptop-class CPU (measured at N = 64, L = 2048). */
export function kernelCostMs(method: KernelMethod, N: number, L: number): number {
  switch (method) {
    case 'naive':
      return 2.1e-6 * N * N * L; // L mat-vecs: 17 ms
    case 'generating':
      return 4.5e-6 * N * N * L + 1e-5 * N ** 3 * Math.log2(L); // L/2 Hessenberg solves: 37 ms
    case 'dplr':
      return 2.2e-5 * N * L + nplrCostMs(N); // Cauchy sums over N/2 pairs: 2.8 ms
    case 's4d':
      return 8e-6 * N * L + 2 * nplrCostMs(N); // Vandermonde sums: 0.3–1 ms (+ V once per N)
    case 'rtf':
      return 8e-4 * N * N + 3e-4 * L; // ssToTf + FFTs: 4 ms
  }
}

/** Methods without a C̃: the correction switch does not touch them. */
const NO_CORRECTION: readonly KernelMethod[] = ['naive', 's4d'];
function kernelKey(method: KernelMethod, inp: KernelInputs): string {
  const n = effectiveN(inp.measure, inp.N);
  const ct = NO_CORRECTION.includes(method) ? '' : inp.correction ? '|ct' : '|raw';
  return `${method}|${inp.measure}|${n}|${inp.theta}|${inp.normalization}|${inp.dt}|${inp.L}|${inp.seed}${ct}`;
}

const kernelCache = new Keyed<KernelResult>(40);

export function cachedKernel(method: KernelMethod, inp: KernelInputs): KernelResult | undefined {
  return kernelCache.get(kernelKey(method, inp));
}

/** Key of a method's kernel for these inputs (for settle()). */
export function kernelJobKey(method: KernelMethod, inp: KernelInputs): string {
  return kernelKey(method, inp);
}

interface S4dBasis {
  n: number;
  Lambda: Complex;
  /** V* (B/2) and the columns of V, first n/2 eigenvalues (negative imaginary parts). */
  Bre: Float64Array;
  Bim: Float64Array;
  Vre: Float64Array;
  Vim: Float64Array;
}
const s4dCache = new Keyed<S4dBasis>(3);

/**
 * S4D-LegS (state-spaces hippo.py 'legsd'; S4D paper): the normal part of LegS, A + PPᵀ =
 * V diag(Λ) V*, with B/2 and the low-rank term dropped, stored as n/2 conjugate-pair modes. Its
 * kernel equals that of the dense system (A + PPᵀ, B/2, C), not LegS's: it differs by design.
 */
function s4dBasis(n: number): S4dBasis {
  const hit = s4dCache.get(String(n));
  if (hit) return hit;
  const { A, B } = hippo('legs', n);
  const P = Float64Array.from({ length: n }, (_, i) => Math.sqrt(i + 0.5));
  const S = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      S[i * n + j] = A[i * n + j]! + P[i]! * P[j]!;
      S[j * n + i] = -S[i * n + j]!;
    }
  }
  const { Vre, Vim } = skewEig(S, n);
  const M = n / 2;
  const Bre = new Float64Array(M);
  const Bim = new Float64Array(M);
  for (let m = 0; m < M; m++) {
    for (let a = 0; a < n; a++) {
      Bre[m]! += Vre[a * n + m]! * (B[a]! / 2);
      Bim[m]! -= Vim[a * n + m]! * (B[a]! / 2);
    }
  }
  return s4dCache.set(String(n), { n, Lambda: s4dInit('legs', n), Bre, Bim, Vre, Vim });
}

function scaled(K: Float64Array, s: number): Float64Array {
  if (s !== 1) for (let i = 0; i < K.length; i++) K[i]! *= s;
  return K;
}

/** Computes (and caches) one method's kernel K_k, k < L, for these inputs. */
export function computeKernel(method: KernelMethod, inp: KernelInputs): KernelResult {
  const key = kernelKey(method, inp);
  const hit = kernelCache.get(key);
  if (hit) return hit;
  const why = kernelUnavailable(method, inp);
  if (why) return kernelCache.set(key, { ms: 0, error: why });
  const n = effectiveN(inp.measure, inp.N);
  const map = s4MapOf(inp.measure, inp.theta, inp.normalization, inp.dt);
  const C = readoutOf(n, inp.seed);
  let result: KernelResult;
  try {
    result = run(method, inp, n, map, C);
  } catch (e) {
    result = { ms: 0, error: raw(message(e)) };
  }
  if (method === 'dplr' || method === 's4d') nplrSeen.add(n);
  if (result.K && !allFinite(result.K)) {
    result = { ms: result.ms, error: msg('kernel.err.nonFinite') };
  }
  return kernelCache.set(key, result);
}

function run(
  method: KernelMethod,
  inp: KernelInputs,
  n: number,
  map: S4Map | null,
  C: Float64Array,
): KernelResult {
  const { L } = inp;
  if (method === 'naive') {
    if (!map) {
      const d = bilinearOf(inp.measure, inp.N, inp.theta, inp.normalization, inp.dt, inp.seed);
      const t0 = now();
      const K = kernel(d, L);
      return { K, ms: now() - t0 };
    }
    const t0 = now();
    const K = s4Kernel(map.measure, n, C, map.dt, L, 'naive');
    return { K: scaled(K, map.scale), ms: now() - t0 };
  }
  if (method === 'generating' || method === 'dplr') {
    let Cin = C;
    if (!inp.correction) {
      const alias = aliasOf(inp);
      if (!alias.C2) return { ms: 0, error: raw(alias.error ?? 'no aliased read-out') };
      Cin = alias.C2;
    }
    const t0 = now();
    const K = s4Kernel(map!.measure, n, Cin, map!.dt, L, method);
    return { K: scaled(K, map!.scale), ms: now() - t0 };
  }
  if (method === 's4d') {
    const basis = s4dBasis(n);
    const M = n / 2;
    const Cre = new Float64Array(M);
    const Cim = new Float64Array(M);
    for (let m = 0; m < M; m++) {
      for (let a = 0; a < n; a++) {
        Cre[m]! += C[a]! * basis.Vre[a * n + m]!;
        Cim[m]! += C[a]! * basis.Vim[a * n + m]!;
      }
    }
    const t0 = now();
    const K = s4dKernel(
      basis.Lambda,
      { re: basis.Bre, im: basis.Bim },
      { re: Cre, im: Cim },
      map!.dt,
      L,
      'bilinear',
    );
    return {
      K: scaled(K, map!.scale),
      ms: now() - t0,
      note: msg('kernel.note.s4d'),
    };
  }
  // rtf: transfer function of the discrete system, then the state-free FFT kernel.
  const d = bilinearOf(inp.measure, inp.N, inp.theta, inp.normalization, inp.dt, inp.seed);
  const r = dropDecoupled(d.Ab, d.Bb, d.C, n);
  const t0 = now();
  const tf = ssToTf(r.A, r.B, r.C, 0, r.n);
  const t1 = now();
  let amax = 0;
  for (const v of tf.a) amax = Math.max(amax, Math.abs(v));
  const coeffs = msg('kernel.coeffs', { amax: amax.toExponential(1) });
  if (!allFinite(tf.a) || !allFinite(tf.b)) {
    return { ms: t1 - t0, error: msg('kernel.err.det', { coeffs }) };
  }
  const t2 = now();
  const b = inp.correction ? rtfCorrect(tf.a, tf.b, L) : tf.b;
  if (!allFinite(b)) {
    return {
      ms: now() - t2,
      error: msg('kernel.err.bTilde', { coeffs }),
    };
  }
  let K: Float64Array;
  try {
    K = rtfKernel(tf.a, b, 0, L, { convention: 'blog' });
  } catch {
    return {
      ms: now() - t2,
      error: msg('kernel.err.unitCircle', { coeffs }),
    };
  }
  return {
    K,
    ms: now() - t2,
    note: msg('kernel.note.rtf', { ms: (t1 - t0).toFixed(1), coeffs }),
  };
}

// ------------------------------------------------------------------------------------------------
// Eigenvalues of A (continuous), the NPLR normal part, S4D inits, eigenvector conditioning

export interface Spectrum {
  re: Float64Array;
  im: Float64Array;
  /** 'diagonal': A is triangular and these are its diagonal, exactly; 'qr': core.eigenvalues. */
  source: 'diagonal' | 'qr';
}

/** θ enters A as a factor: LegT and LMU carry 1/θ, FouT 2/θ (its default window is 2). */
export function thetaFactor(measure: Measure, theta: number): number {
  if (measure === 'legt' || measure === 'lmu') return 1 / theta;
  if (measure === 'fout') return 2 / theta;
  return 1;
}

function triangular(A: Float64Array, n: number): 'lower' | 'upper' | null {
  let lower = true;
  let upper = true;
  for (let i = 0; i < n && (lower || upper); i++) {
    for (let j = 0; j < n; j++) {
      if (A[i * n + j] === 0) continue;
      if (j > i) lower = false;
      if (j < i) upper = false;
    }
  }
  return lower ? 'lower' : upper ? 'upper' : null;
}

const baseSpectra = new Keyed<Spectrum>(16);

/** Cost of the eigenvalues of A in ms (0 when A is triangular). */
export function spectrumCostMs(measure: Measure, N: number): number {
  if (measure === 'legs' || measure === 'lagt') return 0.01 * N * N * 1e-2;
  const n = effectiveN(measure, N);
  return 6e-5 * n ** 3;
}

function baseKey(measure: Measure, N: number): string {
  return `${measure}|${effectiveN(measure, N)}`;
}

/** The eigenvalues of A at θ if the θ-free part is already known, else undefined. */
export function cachedSpectrum(measure: Measure, N: number, theta: number): Spectrum | undefined {
  const base = baseSpectra.get(baseKey(measure, N));
  return base && scaleSpectrum(base, thetaFactor(measure, theta));
}

const scaledCache = new Keyed<{ base: Spectrum; s: Spectrum }>(4);
function scaleSpectrum(base: Spectrum, f: number): Spectrum {
  if (f === 1) return base;
  const key = `${base.re.length}|${f}`;
  const hit = scaledCache.get(key);
  if (hit && hit.base === base) return hit.s;
  const s: Spectrum = {
    re: base.re.map((v) => v * f),
    im: base.im.map((v) => v * f),
    source: base.source,
  };
  return scaledCache.set(key, { base, s }).s;
}

/**
 * The eigenvalues of A = hippo(measure, N, {θ}).A: core.eigenvalues at the default window,
 * scaled by θ (A is linear in 1/θ). For a triangular A (LegS, LagT) the core returns the
 * diagonal, exactly — a QR iteration in float64 would scatter LegS's by up to ~40 at N = 64,
 * its eigenvectors being catastrophically conditioned (REFERENCE §3.7).
 */
export function spectrumOf(measure: Measure, N: number, theta: number): Spectrum {
  return scaleSpectrum(spectrumBaseOf(measure, N), thetaFactor(measure, theta));
}

/** The eigenvalues of A at the default window (the θ-free part of spectrumOf), cached. */
export function spectrumBaseOf(measure: Measure, N: number): Spectrum {
  const key = baseKey(measure, N);
  const hit = baseSpectra.get(key);
  if (hit) return hit;
  const n = effectiveN(measure, N);
  const { A } = hippo(measure, n);
  const e = eigenvalues(A, n);
  return baseSpectra.set(key, { re: e.re, im: e.im, source: triangular(A, n) ? 'diagonal' : 'qr' });
}

const nplrCache = new Keyed<Complex>(4);
/** Λ = −½ + iω of the NPLR of LegS (core.nplr), N values. */
export function nplrLambdaOf(N: number): Complex {
  const key = String(N);
  const hit = nplrCache.get(key);
  if (hit) return hit;
  nplrSeen.add(N);
  return nplrCache.set(key, nplr(N).Lambda);
}

export function cachedNplrLambda(N: number): Complex | undefined {
  return nplrCache.get(String(N));
}

const initCache = new Keyed<Complex>(8);
/** core.s4dInit(kind, N) for even N (odd N uses N − 1). */
export function s4dInitOf(kind: S4dInitKind, N: number): Complex {
  const n = Math.max(2, N - (N % 2));
  const key = `${kind}|${n}`;
  return initCache.get(key) ?? initCache.set(key, s4dInit(kind, n));
}

export interface CondInfo {
  /** log10 of the 2-norm condition number of the unit-column eigenvector matrix, if measured. */
  log10: number | null;
  kind: 'measured' | 'limit' | 'exceeds' | 'defective';
  /** "is 7.7·10^4", "exceeds 10^16 …": the rest of a sentence about cond(V). */
  words: Msg;
}

/** Largest N for which the eigenvector condition number is measured, per measure. */
function measurableUpTo(measure: Measure): number {
  if (measure === 'fout') return 256;
  if (measure === 'legs') return 20;
  return 26;
}

/** Cost of the measurement in ms (ml-matrix EVD + SVD of the 2N×2N real embedding). */
export function condCostMs(measure: Measure, N: number): number {
  const n = effectiveN(measure, N);
  if (measure === 'lagt' || n > measurableUpTo(measure)) return 0;
  return 1.5e-3 * n ** 3;
}

const condCache = new Keyed<CondInfo>(12);

export function cachedCond(measure: Measure, N: number): CondInfo | undefined {
  const n = effectiveN(measure, N);
  return condCache.get(`${measure}|${n}`) ?? condWithoutMeasuring(measure, n);
}

function condWithoutMeasuring(measure: Measure, n: number): CondInfo | undefined {
  if (measure === 'lagt' && n > 1) {
    return {
      log10: null,
      kind: 'defective',
      words: msg('eig.cond.defective', { n }),
    };
  }
  if (n <= measurableUpTo(measure)) return undefined;
  // Growth measured for N ≤ 20 (26): ×10³ per 4 states for LegS, ×10^2.3 for LegT and LMU.
  const past16 = measure === 'legs' ? n >= 23 : n >= 31;
  const known = KNOWN_COND[measure];
  const quote = known ? msg('eig.cond.quote', { a: known[0], b: known[1] }) : '';
  return past16
    ? {
        log10: null,
        kind: 'exceeds',
        words: msg('eig.cond.exceeds16', { quote }),
      }
    : {
        log10: null,
        kind: 'exceeds',
        words: msg('eig.cond.exceeds14', { quote }),
      };
}

/** Measured here (condOf) and, for LegS, in REFERENCE §3.7: cond(V) at N = 8 and N = 16. */
const KNOWN_COND: Partial<Record<Measure, [string, string]>> = {
  legs: ['7.7·10^4', '8.3·10^10'],
  legt: ['2.8·10^3', '9.3·10^7'],
  lmu: ['3.4·10^3', '1.1·10^8'],
};

/** 10^x as "7.7·10^4" (or "12" below 1000). */
function sci(log10: number): string {
  const v = 10 ** log10;
  if (v < 1000) return v.toPrecision(2);
  const [m, e] = v.toExponential(1).split('e');
  return `${m}·10^${Number(e)}`;
}

/**
 * Condition number of the eigenvector matrix V of A (columns scaled to unit length, as numpy's
 * eig returns them), 2-norm, from an SVD of the real 2N×2N embedding [[Re V, −Im V], [Im V,
 * Re V]] (same singular values, each twice). θ scales A, not its eigenvectors.
 */
export function condOf(measure: Measure, N: number): CondInfo {
  const n = effectiveN(measure, N);
  const key = `${measure}|${n}`;
  const known = condCache.get(key) ?? condWithoutMeasuring(measure, n);
  if (known) return known;
  const { A } = hippo(measure, n);
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) rows.push(Array.from(A.subarray(i * n, i * n + n)));
  const evd = new EigenvalueDecomposition(new Matrix(rows), { assumeSymmetric: false });
  const V = evd.eigenvectorMatrix;
  const im = evd.imaginaryEigenvalues;
  const R = new Matrix(2 * n, 2 * n);
  for (let j = 0; j < n; j++) {
    const col = (c: number) => Array.from({ length: n }, (_, i) => V.get(i, c));
    let re: number[];
    let ii: number[];
    if (im[j] === 0) {
      re = col(j);
      ii = new Array<number>(n).fill(0);
    } else if (im[j]! > 0) {
      re = col(j);
      ii = col(j + 1);
    } else {
      re = col(j - 1);
      ii = col(j).map((x) => -x);
    }
    let nrm = 0;
    for (let i = 0; i < n; i++) nrm += re[i]! ** 2 + ii[i]! ** 2;
    nrm = Math.sqrt(nrm) || 1;
    for (let i = 0; i < n; i++) {
      R.set(i, j, re[i]! / nrm);
      R.set(i + n, j, ii[i]! / nrm);
      R.set(i, j + n, -ii[i]! / nrm);
      R.set(i + n, j + n, re[i]! / nrm);
    }
  }
  const s = new SingularValueDecomposition(R, {
    computeLeftSingularVectors: false,
    computeRightSingularVectors: false,
  }).diagonal;
  const smax = Math.max(...s);
  const smin = Math.min(...s);
  const log10 = smin > 0 ? Math.log10(smax / smin) : Infinity;
  const info: CondInfo = !Number.isFinite(log10)
    ? {
        log10: null,
        kind: 'exceeds',
        words: msg('eig.cond.dependent'),
      }
    : log10 > 13.5
      ? {
          log10,
          kind: 'limit',
          words: msg('eig.cond.limit', { v: sci(log10) }),
        }
      : { log10, kind: 'measured', words: msg('eig.cond.measured', { v: sci(log10) }) };
  return condCache.set(key, info);
}

// ------------------------------------------------------------------------------------------------
// Frequency response of the bilinear system

export interface TransferFunction {
  n: number;
  /** Complex multiply-adds per frequency (N for LegS and LagT, N² otherwise). */
  costPerPoint: number;
  /** H(1) = −C A⁻¹ B, the DC gain (bilinear preserves it). */
  dc: number;
  /**
   * H(e^{iω}) = Σ_k K_k e^{−iωk} = C (I − e^{−iω} Ā)⁻¹ B̄ of the bilinear system at step Δ, in the
   * singularity-free form 2 C (α I − β A)⁻¹ B, α = (2/Δ)(1 − e^{−iω}), β = 1 + e^{−iω}
   * (S4 Lemma C.4; REFERENCE §3.11), valid at ω = π too.
   */
  evaluate(omega: ArrayLike<number>, dt: number): { re: Float64Array; im: Float64Array };
}

const tfCache = new Keyed<TransferFunction>(4);

export function transferOf(
  measure: Measure,
  N: number,
  theta: number,
  normalization: Normalization,
  seed: number,
): TransferFunction {
  const n = effectiveN(measure, N);
  const key = `${measure}|${n}|${theta}|${normalization}|${seed}`;
  const hit = tfCache.get(key);
  if (hit) return hit;
  const { A, B } = hippo(measure, n, { theta, normalization });
  const r = dropDecoupled(A, B, readoutOf(n, seed), n);
  return tfCache.set(key, makeTransfer(measure, r.n, r.A, r.B, r.C));
}

/** Solver of (αI − βA) y = B, H = 2 C·y, for one complex (α, β). */
type Point = (ar: number, ai: number, br: number, bi: number) => [number, number];

function makeTransfer(
  measure: Measure,
  n: number,
  A: Float64Array,
  B: Float64Array,
  C: Float64Array,
): TransferFunction {
  let point: Point;
  let costPerPoint = n;
  if (measure === 'legs' || measure === 'lagt') {
    // O(N): LegS (Ay)_n = −(n+1)y_n − r_n Σ_{k<n} r_k y_k with r = √(2n+1) (and the LagT
    // analogue (Ay)_n = −Σ_{k≤n} y_k): forward substitution with a running sum.
    const legs = measure === 'legs';
    point = (ar, ai, br, bi) => {
      let sr = 0;
      let si = 0;
      let hr = 0;
      let hi = 0;
      for (let k = 0; k < n; k++) {
        const r = legs ? Math.sqrt(2 * k + 1) : 1;
        const dk = legs ? k + 1 : 1;
        // y_k = (B_k − β r s) / (α + β dk)
        const nr = B[k]! - r * (br * sr - bi * si);
        const ni = -r * (br * si + bi * sr);
        const dr = ar + br * dk;
        const di = ai + bi * dk;
        const dd = dr * dr + di * di;
        const yr = (nr * dr + ni * di) / dd;
        const yi = (ni * dr - nr * di) / dd;
        sr += r * yr;
        si += r * yi;
        hr += C[k]! * yr;
        hi += C[k]! * yi;
      }
      return [2 * hr, 2 * hi];
    };
  } else {
    // Orthogonal Hessenberg reduction A = Q H Qᵀ once; per point an O(N²) solve with
    // adjacent-row pivoting.
    costPerPoint = n * n;
    const { H, Q } = hessenberg(A, n);
    const b = new Float64Array(n);
    const c = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      for (let a = 0; a < n; a++) {
        b[i]! += Q[a * n + i]! * B[a]!;
        c[i]! += C[a]! * Q[a * n + i]!;
      }
    }
    const resolvent = hessenbergResolvent(H, n);
    point = (ar, ai, br, bi) => {
      const [hr, hi] = resolvent(ar, ai, br, bi, b, c);
      return [2 * hr, 2 * hi];
    };
  }
  const [dc] = point(0, 0, 2, 0);
  return {
    n,
    costPerPoint,
    dc,
    evaluate(omega, dt) {
      const m = omega.length;
      const re = new Float64Array(m);
      const im = new Float64Array(m);
      for (let j = 0; j < m; j++) {
        const w = omega[j]!;
        const zr = Math.cos(w);
        const zi = -Math.sin(w);
        const [hr, hi] = point((2 / dt) * (1 - zr), (-2 / dt) * zi, 1 + zr, zi);
        re[j] = hr;
        im[j] = hi;
      }
      return { re, im };
    },
  };
}

// ------------------------------------------------------------------------------------------------
// Frequency response on a grid, with the phase unwrapped

export type OmegaScale = 'log' | 'linear';

/** Lowest ω of the log grid: a decade below Δ (the slowest HiPPO mode sits near ω ≈ Δ). */
export function omegaMin(dt: number): number {
  return Math.min(1e-2, 10 ** (Math.floor(Math.log10(dt)) - 1));
}

/** ω grid on (0, π] (log) or [0, π] (linear), `points` values, ascending. */
export function omegaGrid(scale: OmegaScale, dt: number, points: number): Float64Array {
  const w = new Float64Array(points);
  if (scale === 'linear') {
    for (let j = 0; j < points; j++) w[j] = (Math.PI * j) / (points - 1);
    return w;
  }
  const a = Math.log(omegaMin(dt));
  const b = Math.log(Math.PI);
  for (let j = 0; j < points; j++) w[j] = Math.exp(a + ((b - a) * j) / (points - 1));
  w[points - 1] = Math.PI;
  return w;
}

/** Phase wrapped to (−π, π]. */
function wrapPi(x: number): number {
  const y = x - 2 * Math.PI * Math.round(x / (2 * Math.PI));
  return y <= -Math.PI ? y + 2 * Math.PI : y;
}

/** Unwrapped phase (numpy.unwrap): consecutive jumps larger than π are folded by 2π. */
export function unwrap(re: ArrayLike<number>, im: ArrayLike<number>): Float64Array {
  const n = re.length;
  const out = new Float64Array(n);
  let prev = 0;
  for (let j = 0; j < n; j++) {
    const a = Math.atan2(im[j]!, re[j]!);
    out[j] = j === 0 ? a : prev + wrapPi(a - prev);
    prev = out[j]!;
  }
  return out;
}

export interface Response {
  omega: Float64Array;
  re: Float64Array;
  im: Float64Array;
  /** Unwrapped phase, rad. */
  phase: Float64Array;
  /** H(1) = −C A⁻¹ B. */
  dc: number;
  /** Points added where the phase turned by more than π/4 between neighbours. */
  refined: number;
  ms: number;
}

/**
 * Evaluates H on the grid, then refines it where the wrapped phase turns by more than π/4
 * between neighbours (a lightly damped resonance) by inserting midpoints, up to `maxExtra`
 * points, so that the unwrapped phase does not skip a turn.
 */
export function sampleResponse(
  tf: TransferFunction,
  dt: number,
  grid: Float64Array,
  scale: OmegaScale,
  maxExtra: number,
): Response {
  const t0 = now();
  const h = tf.evaluate(grid, dt);
  let omega = grid;
  let re = h.re;
  let im = h.im;
  let ph = Float64Array.from(re, (r, j) => Math.atan2(im[j]!, r));
  let extra = 0;
  for (let pass = 0; pass < 4 && extra < maxExtra; pass++) {
    // Intervals to split, in order; each gets its midpoint inserted after its left end.
    const at: number[] = [];
    for (let j = 0; j + 1 < omega.length && extra + at.length < maxExtra; j++)
      if (Math.abs(wrapPi(ph[j + 1]! - ph[j]!)) > Math.PI / 4) at.push(j);
    if (!at.length) break;
    const mids = at.map((j) =>
      scale === 'log' && omega[j]! > 0
        ? Math.sqrt(omega[j]! * omega[j + 1]!)
        : (omega[j]! + omega[j + 1]!) / 2,
    );
    const hm = tf.evaluate(mids, dt);
    const n = omega.length + mids.length;
    const o2 = new Float64Array(n);
    const r2 = new Float64Array(n);
    const i2 = new Float64Array(n);
    const p2 = new Float64Array(n);
    let q = 0;
    let k = 0;
    for (let j = 0; j < omega.length; j++) {
      o2[q] = omega[j]!;
      r2[q] = re[j]!;
      i2[q] = im[j]!;
      p2[q++] = ph[j]!;
      if (at[k] === j) {
        o2[q] = mids[k]!;
        r2[q] = hm.re[k]!;
        i2[q] = hm.im[k]!;
        p2[q++] = Math.atan2(hm.im[k]!, hm.re[k]!);
        k++;
      }
    }
    omega = o2;
    re = r2;
    im = i2;
    ph = p2;
    extra += mids.length;
  }
  return {
    omega: Float64Array.from(omega),
    re,
    im,
    phase: unwrap(re, im),
    dc: tf.dc,
    refined: extra,
    ms: now() - t0,
  };
}

/** Grid size: 400 points, fewer for dense (O(N²)-per-point) systems, at least 96. */
export function responsePoints(costPerPoint: number): number {
  return Math.max(96, Math.min(400, Math.floor(4e5 / costPerPoint)));
}

const responseCache = new Keyed<Response>(6);

function responseKey(
  measure: Measure,
  N: number,
  theta: number,
  normalization: Normalization,
  seed: number,
  dt: number,
  scale: OmegaScale,
): string {
  return `${measure}|${effectiveN(measure, N)}|${theta}|${normalization}|${seed}|${dt}|${scale}`;
}

/** Estimated ms of responseOf (grid + refinement), ~2.5 ns per complex multiply-add. */
export function responseCostMs(measure: Measure, N: number): number {
  const n = effectiveN(measure, N);
  const per = measure === 'legs' || measure === 'lagt' ? n : n * n;
  return responsePoints(per) * 1.5 * per * 2.5e-5 + (per > n ? 2e-5 * n ** 3 : 0);
}

export function cachedResponse(
  measure: Measure,
  N: number,
  theta: number,
  normalization: Normalization,
  seed: number,
  dt: number,
  scale: OmegaScale,
): Response | undefined {
  return responseCache.get(responseKey(measure, N, theta, normalization, seed, dt, scale));
}

export function responseJobKey(
  measure: Measure,
  N: number,
  theta: number,
  normalization: Normalization,
  seed: number,
  dt: number,
  scale: OmegaScale,
): string {
  return responseKey(measure, N, theta, normalization, seed, dt, scale);
}

/** The frequency response of the bilinear system on the panel's grid (cached). */
export function responseOf(
  measure: Measure,
  N: number,
  theta: number,
  normalization: Normalization,
  seed: number,
  dt: number,
  scale: OmegaScale,
): Response {
  const key = responseKey(measure, N, theta, normalization, seed, dt, scale);
  const hit = responseCache.get(key);
  if (hit) return hit;
  const tf = transferOf(measure, N, theta, normalization, seed);
  const pts = responsePoints(tf.costPerPoint);
  const r = sampleResponse(tf, dt, omegaGrid(scale, dt, pts), scale, Math.floor(pts / 2));
  return responseCache.set(key, r);
}

// ------------------------------------------------------------------------------------------------
// The settled jobs by name (the jobs worker runs them), and how a result computed there is
// adopted into this thread's caches.

export const SETTLED_JOBS = {
  computeKernel,
  aliasOf,
  nplrLambdaOf,
  spectrumBaseOf,
  condOf,
  responseOf,
} as const;
export type SettledJobName = keyof typeof SETTLED_JOBS;

type Adopt = {
  [K in SettledJobName]: (
    args: Readonly<Parameters<(typeof SETTLED_JOBS)[K]>>,
    result: ReturnType<(typeof SETTLED_JOBS)[K]>,
  ) => void;
};
const ADOPT: Adopt = {
  computeKernel: ([method, inp], r) => {
    kernelCache.set(kernelKey(method, inp), r);
  },
  aliasOf: ([inp], r) => {
    aliasCache.set(aliasKey(inp), r);
  },
  nplrLambdaOf: ([N], r) => {
    nplrCache.set(String(N), r);
  },
  spectrumBaseOf: ([measure, N], r) => {
    baseSpectra.set(baseKey(measure, N), r);
  },
  condOf: ([measure, N], r) => {
    condCache.set(`${measure}|${effectiveN(measure, N)}`, r);
  },
  responseOf: (args, r) => {
    responseCache.set(responseKey(...args), r);
  },
};
