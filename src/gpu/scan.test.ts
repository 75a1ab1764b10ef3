/**
 * gpu scan against a float64 sequential recurrence written here (from the same float32 inputs),
 * and against the convolution view: core.causalConv(core.s4dKernel(…, 'zoh'), u) for the ZOH
 * Ā, B̄ of some Λ. Real WebGPU (Dawn; SwiftShader here). Error: max|gpu − ref| / max|ref| per row.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { s4dInit, s4dKernel } from '../core/s4';
import { causalConv } from '../core/ssm';
import { relError } from '../../test/support/close';
import { rng, type Rng } from '../../test/support/numeric';
import type { GpuRuntime } from './runtime';
import { scan } from './scan';
import { dawnRuntime } from './testing/dawn';
import type { Complex32, ScanParams } from './types';

const TOL = 1e-4;
let rt: GpuRuntime;
let worst = 0;

beforeAll(async () => {
  const { runtime, adapter } = await dawnRuntime();
  expect(adapter).toBeTruthy();
  rt = runtime;
});

/** y_k = 2 Re Σ_n C_n x_{k,n}, x_k = Ā x_{k−1} + B̄ u_k, x_{−1} = 0: float64, one step at a time. */
function sequential(p: ScanParams): Float64Array {
  const { H, M, L } = p;
  const y = new Float64Array(H * L);
  for (let h = 0; h < H; h++) {
    for (let n = 0; n < M; n++) {
      const r = h * M + n;
      const ar = p.Abar.re[r]!;
      const ai = p.Abar.im[r]!;
      const br = p.Bbar.re[r]!;
      const bi = p.Bbar.im[r]!;
      const cr = p.C.re[r]!;
      const ci = p.C.im[r]!;
      let xr = 0;
      let xi = 0;
      for (let k = 0; k < L; k++) {
        const uk = p.u[h * L + k]!;
        const t = ar * xr - ai * xi + br * uk;
        xi = ar * xi + ai * xr + bi * uk;
        xr = t;
        y[h * L + k]! += 2 * (cr * xr - ci * xi);
      }
    }
  }
  return y;
}

function complex32(r: Rng, n: number, f: (r: Rng) => [number, number]): Complex32 {
  const re = new Float32Array(n);
  const im = new Float32Array(n);
  for (let i = 0; i < n; i++) [re[i], im[i]] = f(r);
  return { re, im };
}

/** Random stable modes: |Ā| in [0.5, 0.999], any phase; B̄, C, u normal. */
function randomParams(seed: number, H: number, M: number, L: number): ScanParams {
  const r = rng(seed);
  return {
    H,
    M,
    Abar: complex32(r, H * M, (g) => {
      const m = 1 - g.logUniform(1e-3, 0.5);
      const a = g.range(-Math.PI, Math.PI);
      return [m * Math.cos(a), m * Math.sin(a)];
    }),
    Bbar: complex32(r, H * M, (g) => [g.normal(), g.normal()]),
    C: complex32(r, H * M, (g) => [g.normal(), g.normal()]),
    u: Float32Array.from({ length: H * L }, () => r.normal()),
    L,
  };
}

async function run(p: ScanParams): Promise<Float32Array> {
  rt.device.pushErrorScope('validation');
  const y = await scan(rt, p);
  expect(await rt.device.popErrorScope()).toBeNull();
  expect(y.length).toBe(p.H * p.L);
  return y;
}

function expectRowsClose(y: Float32Array, ref: Float64Array, H: number, L: number, label: string) {
  for (let h = 0; h < H; h++) {
    const { err, index } = relError(
      y.subarray(h * L, (h + 1) * L),
      ref.subarray(h * L, (h + 1) * L),
    );
    worst = Math.max(worst, err);
    if (!(err <= TOL)) {
      throw new Error(`${label} row ${h}: relative error ${err} > ${TOL} at k = ${index}`);
    }
  }
}

describe('gpu scan', () => {
  const cases: [number, number, number][] = [
    // [H, M, L]: within one chunk, exactly one chunk, one step past, many chunks, odd L
    [1, 1, 1],
    [1, 4, 7],
    [4, 1, 64],
    [4, 4, 65],
    [4, 32, 1000],
    [64, 4, 333],
    [64, 32, 128],
    [1, 32, 8191],
  ];
  for (const [H, M, L] of cases) {
    it(`matches the float64 sequential recurrence (H=${H}, M=${M}, L=${L})`, async () => {
      const p = randomParams(H * 1000 + M * 10 + L, H, M, L);
      expectRowsClose(await run(p), sequential(p), H, L, `H=${H} M=${M} L=${L}`);
    });
  }

  it('matches the float64 sequential recurrence at L = 16384 (H=8, M=32)', async () => {
    const p = randomParams(16384, 8, 32, 16384);
    expectRowsClose(await run(p), sequential(p), 8, 16384, 'L=16384');
    console.log(`scan: worst relative error ${worst.toExponential(2)} (tol ${TOL})`);
  });

  it('equals causalConv(s4dKernel(zoh), u) for the ZOH Ā, B̄ of S4D-Lin', async () => {
    const H = 3;
    const M = 8;
    const L = 700;
    const r = rng(42);
    const lam = s4dInit('lin', 2 * M);
    const B = { re: Float64Array.from({ length: M }, () => r.normal()), im: new Float64Array(M) };
    const C = {
      re: Float64Array.from({ length: M }, () => r.normal()),
      im: Float64Array.from({ length: M }, () => r.normal()),
    };
    const dt = [0.01, 0.03, 0.1];
    const p = randomParams(1, H, M, L); // u
    const ref = new Float64Array(H * L);
    for (let h = 0; h < H; h++) {
      for (let n = 0; n < M; n++) {
        // ZOH in float64: Ā = e^{Δλ}, B̄ = (e^{Δλ} − 1)/λ · B (Δ·B at λ = 0)
        const zr = dt[h]! * lam.re[n]!;
        const zi = dt[h]! * lam.im[n]!;
        const ar = Math.exp(zr) * Math.cos(zi);
        const ai = Math.exp(zr) * Math.sin(zi);
        const l2 = lam.re[n]! ** 2 + lam.im[n]! ** 2;
        const gr = ((ar - 1) * lam.re[n]! + ai * lam.im[n]!) / l2;
        const gi = (ai * lam.re[n]! - (ar - 1) * lam.im[n]!) / l2;
        const i = h * M + n;
        p.Abar.re[i] = ar;
        p.Abar.im[i] = ai;
        p.Bbar.re[i] = B.re[n]! * gr - B.im[n]! * gi;
        p.Bbar.im[i] = B.re[n]! * gi + B.im[n]! * gr;
        p.C.re[i] = C.re[n]!;
        p.C.im[i] = C.im[n]!;
      }
      const K = s4dKernel(lam, B, C, dt[h]!, L, 'zoh');
      ref.set(causalConv(K, Float64Array.from(p.u.subarray(h * L, (h + 1) * L))), h * L);
    }
    expectRowsClose(await run(p), ref, H, L, 'conv view');
  });

  it('leaks no buffers over 200 calls, and its cached tables stop growing', async () => {
    const a = randomParams(1, 2, 3, 200);
    const b = randomParams(2, 3, 2, 40);
    await scan(rt, a);
    await scan(rt, b);
    const live = rt.liveBuffers();
    const cached = rt.cachedBuffers();
    for (let i = 0; i < 100; i++) {
      await scan(rt, a);
      await scan(rt, b);
    }
    expect(rt.liveBuffers()).toBe(live);
    expect(rt.cachedBuffers()).toBe(cached);
  });

  it('rejects invalid arguments with a RangeError naming them', async () => {
    const ok = randomParams(3, 2, 3, 16);
    const live = rt.liveBuffers();
    const bad = async (patch: Partial<ScanParams>, name: RegExp): Promise<void> => {
      await expect(scan(rt, { ...ok, ...patch })).rejects.toThrow(RangeError);
      await expect(scan(rt, { ...ok, ...patch })).rejects.toThrow(name);
    };
    await bad({ H: 0 }, /^H must be an integer in \[1,/);
    await bad({ M: 0 }, /^M must be an integer in \[1,/);
    await bad({ M: 1.5 }, /^M must be/);
    await bad({ L: 0 }, /^L must be an integer in \[1,/);
    await bad({ Abar: { re: new Float32Array(5), im: new Float32Array(6) } }, /^Abar\.re/);
    await bad({ Bbar: { re: ok.Bbar.re, im: new Float32Array(6).fill(NaN) } }, /^Bbar\.im\[0\]/);
    await bad({ C: { re: new Float32Array(6).fill(-Infinity), im: ok.C.im } }, /^C\.re\[0\]/);
    await bad({ u: new Float32Array(31) }, /^u must have length 32/);
    await bad({ u: new Float32Array(32).fill(NaN) }, /^u\[0\] must be finite/);
    expect(rt.liveBuffers()).toBe(live);
  });
});
