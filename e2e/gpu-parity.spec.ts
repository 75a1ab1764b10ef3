/**
 * GPU parity on real WebGPU in Chromium (SwiftShader here): every §4 function against the
 * float64 core on random inputs, after asserting the backend really is webgpu — a silent CPU
 * fallback fails this spec. Then the leak check: 200 calls of each function leave our GPU
 * buffers and tfjs's tensors and bytes at their baseline.
 */
import { expect, test, type Page } from '@playwright/test';

test.describe.configure({ mode: 'serial' });

async function openLab(page: Page): Promise<void> {
  await page.goto('/');
  await page.waitForFunction(() => window.ssmLab?.backend().name === 'webgpu', null, {
    timeout: 60_000,
  });
}

test('the backend is webgpu, not a silent CPU fallback', async ({ page }) => {
  await openLab(page);
  const b = await page.evaluate(() => window.ssmLab.backend());
  expect(b.name).toBe('webgpu');
  expect(b.adapter ?? '').not.toBe('');
  await expect(page.getByTestId('backend-badge')).toContainText('WebGPU');
});

test('every GPU function matches the float64 core on random inputs', async ({ page }) => {
  await openLab(page);
  const report = await page.evaluate(async () => {
    const lab = window.ssmLab;
    const core = lab.core;
    const gpu = lab.gpu as import('../src/gpu/types').GpuCore;
    const r = core.rng(20261129);
    const rnd = (n: number, s = 1) => Float32Array.from({ length: n }, () => s * (2 * r() - 1));
    const row = (x: Float32Array, h: number, n: number) =>
      Float64Array.from(x.subarray(h * n, (h + 1) * n));
    const maxRel = (a: ArrayLike<number>, b: ArrayLike<number>) => {
      let num = 0;
      let den = 0;
      for (let i = 0; i < b.length; i++) {
        num = Math.max(num, Math.abs(a[i]! - b[i]!));
        den = Math.max(den, Math.abs(b[i]!));
      }
      return num / den;
    };
    const rmsRel = (a: ArrayLike<number>, b: ArrayLike<number>) => {
      let num = 0;
      let den = 0;
      for (let i = 0; i < b.length; i++) {
        num += (a[i]! - b[i]!) ** 2;
        den += b[i]! ** 2;
      }
      return Math.sqrt(num / den);
    };
    const out: Record<string, number> = {};
    // fft: RMS relative error, forward and round trip, at 4096 and 2^16.
    for (const [n, batch] of [
      [4096, 4],
      [65536, 1],
    ] as const) {
      const re = rnd(n * batch);
      const im = rnd(n * batch);
      const X = await gpu.fft(re, im, { batch });
      const refRe: number[] = [];
      const refIm: number[] = [];
      for (let h = 0; h < batch; h++) {
        const R = core.fft(row(re, h, n), row(im, h, n));
        refRe.push(...R.re);
        refIm.push(...R.im);
      }
      out[`fft ${n}`] = rmsRel([...X.re, ...X.im], [...refRe, ...refIm]);
      const back = await gpu.fft(X.re, X.im, { batch, inverse: true });
      out[`fft round trip ${n}`] = rmsRel([...back.re, ...back.im], [...re, ...im]);
    }
    // causalConv
    for (const [H, L] of [
      [3, 1000],
      [2, 16384],
    ] as const) {
      const K = rnd(H * L, 0.05);
      const u = rnd(H * L);
      const y = await gpu.causalConv(K, u, H);
      const ref: number[] = [];
      for (let h = 0; h < H; h++) ref.push(...core.causalConv(row(K, h, L), row(u, h, L)));
      out[`causalConv H=${H} L=${L}`] = maxRel(y, ref);
    }
    // s4dKernels
    for (const [H, M, L, disc] of [
      [3, 4, 777, 'zoh'],
      [2, 32, 16384, 'bilinear'],
    ] as const) {
      const Lre = Float32Array.from(rnd(H * M), (x) => -0.05 - Math.abs(x));
      const Lim = rnd(H * M, 20);
      const B = { re: rnd(H * M), im: rnd(H * M) };
      const C = { re: rnd(H * M), im: rnd(H * M) };
      const dt = Float32Array.from({ length: H }, () => 10 ** (-3 + 2 * r()));
      const y = await gpu.s4dKernels({ H, M, Lambda: { re: Lre, im: Lim }, B, C, dt, L, disc });
      const ref: number[] = [];
      const c = (x: Float32Array, h: number) => row(x, h, M);
      for (let h = 0; h < H; h++) {
        ref.push(
          ...core.s4dKernel(
            { re: c(Lre, h), im: c(Lim, h) },
            { re: c(B.re, h), im: c(B.im, h) },
            { re: c(C.re, h), im: c(C.im, h) },
            dt[h]!,
            L,
            disc,
          ),
        );
      }
      out[`s4dKernels H=${H} M=${M} L=${L} ${disc}`] = maxRel(y, ref);
    }
    // dplrKernels
    for (const [H, N, L] of [
      [2, 8, 1000],
      [2, 64, 4096],
    ] as const) {
      const C = rnd(H * N, 1 / Math.sqrt(N));
      const dt = Float32Array.from({ length: H }, () => 10 ** (-3 + 2 * r()));
      const y = await gpu.dplrKernels({ H, N, C, dt, L });
      const ref: number[] = [];
      for (let h = 0; h < H; h++)
        ref.push(...core.s4Kernel('legs', N, row(C, h, N), dt[h]!, L, 'dplr'));
      out[`dplrKernels H=${H} N=${N} L=${L}`] = maxRel(y, ref);
    }
    // rtfKernels
    for (const [H, n, L, convention] of [
      [3, 5, 999, 'paper'],
      [2, 64, 16384, 'blog'],
    ] as const) {
      const a = rnd(H * n, 0.9 / n);
      const b = rnd(H * n);
      const h0 = rnd(H);
      const y = await gpu.rtfKernels({ H, n, a, b, h0, L, convention });
      const ref: number[] = [];
      for (let h = 0; h < H; h++)
        ref.push(...core.rtfKernel(row(a, h, n), row(b, h, n), h0[h]!, L, { convention }));
      out[`rtfKernels H=${H} n=${n} L=${L} ${convention}`] = maxRel(y, ref);
    }
    // scan vs the causal convolution with the diagonal kernel K_l = 2 Re Σ C B̄ Ā^l
    {
      const H = 2;
      const M = 8;
      const L = 4096;
      const mag = Float32Array.from(rnd(H * M), (x) => 0.95 + 0.04 * Math.abs(x));
      const ang = rnd(H * M, Math.PI);
      const Abar = {
        re: mag.map((m, i) => m * Math.cos(ang[i]!)),
        im: mag.map((m, i) => m * Math.sin(ang[i]!)),
      };
      const Bbar = { re: rnd(H * M), im: rnd(H * M) };
      const C = { re: rnd(H * M), im: rnd(H * M) };
      const u = rnd(H * L);
      const y = await gpu.scan({ H, M, Abar, Bbar, C, u, L });
      const ref: number[] = [];
      for (let h = 0; h < H; h++) {
        const K = new Float64Array(L);
        for (let m = 0; m < M; m++) {
          const i = h * M + m;
          let pr = 1;
          let pi = 0;
          const wr = C.re[i]! * Bbar.re[i]! - C.im[i]! * Bbar.im[i]!;
          const wi = C.re[i]! * Bbar.im[i]! + C.im[i]! * Bbar.re[i]!;
          for (let l = 0; l < L; l++) {
            K[l]! += 2 * (wr * pr - wi * pi);
            const t = pr * Abar.re[i]! - pi * Abar.im[i]!;
            pi = pr * Abar.im[i]! + pi * Abar.re[i]!;
            pr = t;
          }
        }
        ref.push(...core.causalConv(K, row(u, h, L)));
      }
      out[`scan H=${H} M=${M} L=${L}`] = maxRel(y, ref);
    }
    return { backend: lab.backend().name, out };
  });
  expect(report.backend).toBe('webgpu');
  console.log(report.out);
  for (const [name, err] of Object.entries(report.out)) {
    const tol =
      name.startsWith('fft round trip 65536') || name === 'fft 65536'
        ? 1e-5
        : name.startsWith('fft')
          ? 1e-6
          : 1e-4;
    expect(err, name).toBeLessThanOrEqual(tol);
  }
});

test('200 calls of each GPU function leave GPU buffers and tfjs memory at their baseline', async ({
  page,
}) => {
  await openLab(page);
  const res = await page.evaluate(async () => {
    const lab = window.ssmLab;
    const gpu = lab.gpu as import('../src/gpu/types').GpuCore;
    const mem = lab.gpuMemory as () => {
      buffers: number;
      cached: number;
      tf: { numTensors: number; numBytes: number } | null;
    };
    const H = 2;
    const L = 256;
    const f = (n: number) => Float32Array.from({ length: n }, (_, i) => Math.sin(i * 0.37) * 0.1);
    const calls: Record<string, () => Promise<unknown>> = {
      fft: () => gpu.fft(f(H * L), f(H * L), { batch: H }),
      causalConv: () => gpu.causalConv(f(H * L), f(H * L), H),
      s4dKernels: () =>
        gpu.s4dKernels({
          H,
          M: 4,
          Lambda: { re: f(H * 4).map((x) => -0.5 - Math.abs(x)), im: f(H * 4) },
          B: { re: f(H * 4), im: f(H * 4) },
          C: { re: f(H * 4), im: f(H * 4) },
          dt: Float32Array.of(0.01, 0.02),
          L,
          disc: 'zoh',
        }),
      dplrKernels: () =>
        gpu.dplrKernels({ H, N: 8, C: f(H * 8), dt: Float32Array.of(0.01, 0.02), L }),
      rtfKernels: () => gpu.rtfKernels({ H, n: 4, a: f(H * 4), b: f(H * 4), h0: f(H), L }),
      scan: () =>
        gpu.scan({
          H,
          M: 4,
          Abar: { re: f(H * 4).map((x) => 0.9 + x), im: f(H * 4) },
          Bbar: { re: f(H * 4), im: f(H * 4) },
          C: { re: f(H * 4), im: f(H * 4) },
          u: f(H * L),
          L,
        }),
    };
    for (const fn of Object.values(calls)) await fn(); // warm-up: pipelines and cached tables
    const before = mem();
    for (const fn of Object.values(calls)) for (let i = 0; i < 200; i++) await fn();
    const after = mem();
    return { before, after };
  });
  expect(res.after.buffers).toBe(res.before.buffers);
  expect(res.after.cached).toBe(res.before.cached);
  expect(res.after.tf?.numTensors).toBe(res.before.tf?.numTensors);
  expect(res.after.tf?.numBytes).toBe(res.before.tf?.numBytes);
});
