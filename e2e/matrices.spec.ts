import { expect, test, type Page } from '@playwright/test';

const PANEL = '[data-panel="matrices"]';

/** No NaN/Infinity in any geometry, path or colour attribute of the panel. */
async function expectFinite(page: Page) {
  const bad = await page
    .locator(PANEL)
    .evaluate((root) =>
      [...root.querySelectorAll('[d], [transform], [x], [y], [width], [height], [fill]')]
        .map((el) =>
          ['d', 'transform', 'x', 'y', 'width', 'height', 'fill']
            .map((a) => el.getAttribute(a) ?? '')
            .join(' '),
        )
        .filter((s) => /NaN|Infinity/.test(s)),
    );
  expect(bad).toEqual([]);
}

async function value(page: Page, name: string): Promise<number> {
  const v = await page.locator(`${PANEL} data[data-readout="${name}"]`).getAttribute('value');
  return v === null || v === '' ? NaN : Number(v);
}

/** Hovers entry (n, k) of the named block (A, B, Ab, Bb) of an N×N heatmap. */
async function hover(page: Page, name: string, n: number, k: number, N: number) {
  const ov = page.locator(`${PANEL} g.block[data-matrix="${name}"] rect.overlay`);
  const bb = (await ov.boundingBox())!;
  const cols = name === 'A' || name === 'Ab' ? N : 1;
  await ov.hover({
    position: { x: ((k + 0.5) / cols) * bb.width, y: ((n + 0.5) / N) * bb.height },
  });
}

async function entry(page: Page): Promise<number> {
  const v = await page.locator(`${PANEL} [data-testid="matrix-entry"]`).getAttribute('data-value');
  return Number(v);
}

/** The core's A, B, Ā, B̄ and ρ(Ā) for the current parameters. */
async function coreMatrices(page: Page) {
  return page.evaluate(() => {
    const { core } = window.ssmLab;
    const p = window.ssmLab.getParams();
    const ssm = core.hippo(p.measure, p.N, { theta: p.theta, normalization: p.normalization });
    const d = core.discretize(ssm, p.dt, p.disc);
    const z = core.eigenvalues(d.Ab, p.N);
    let rho = 0;
    for (let i = 0; i < p.N; i++) rho = Math.max(rho, Math.hypot(z.re[i]!, z.im[i]!));
    let fa = 0;
    for (const a of ssm.A) fa += a * a;
    return {
      N: p.N,
      A: Array.from(ssm.A),
      B: Array.from(ssm.B),
      Ab: Array.from(d.Ab),
      Bb: Array.from(d.Bb),
      rho,
      normA: Math.sqrt(fa),
    };
  });
}

test.describe('matrices panel', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
    // In view, the panel follows the store live (out of view it catches up once input is quiet).
    await page.locator('[data-panel="matrices"]').scrollIntoViewIfNeeded();
    await expect(page.locator(`${PANEL} g.block`)).toHaveCount(4);
  });

  test('draws A, B, Ā, B̄ (canvas above N = 32, SVG cells at N ≤ 32), no NaN', async ({ page }) => {
    const panel = page.locator(PANEL);
    await expect(panel.locator('canvas')).toHaveCount(2); // N = 64: A and Ā on canvas
    await expect(panel.locator('rect.cell')).toHaveCount(128); // B and B̄ as cells
    const inked = await panel
      .locator('canvas')
      .first()
      .evaluate((c: HTMLCanvasElement) => {
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i + 2]! - d[i]! > 20) n++; // bluish: negative
        return n;
      });
    expect(inked).toBeGreaterThan(1000); // LegS A is ≤ 0 below the diagonal
    await page.locator('[data-param=N]').fill('16');
    await expect(panel.locator('canvas')).toHaveCount(0);
    await expect(panel.locator('rect.cell')).toHaveCount(16 * 16 * 2 + 32);
    await expectFinite(page);
  });

  test('hovering an entry shows the core value, its formula and its source', async ({ page }) => {
    const ref = await coreMatrices(page);
    const N = ref.N;
    await hover(page, 'A', 5, 2, N);
    const inspector = page.locator(`${PANEL} [data-testid="matrix-inspector"]`);
    await expect(inspector).toContainText('A[n=5, k=2]');
    expect(await entry(page)).toBe(ref.A[5 * N + 2]);
    expect(await entry(page)).toBeCloseTo(-Math.sqrt(11 * 5), 12);
    await expect(inspector.locator('.katex')).toHaveCount(1);
    await expect(inspector).toContainText('S4 eq. (2)');
    await expect(inspector).toContainText('leg-s-hippo');
    // Ā: the bilinear formula and source, the core's value.
    await hover(page, 'Ab', 7, 3, N);
    await expect(inspector).toContainText('Ā[n=7, k=3]');
    expect(await entry(page)).toBe(ref.Ab[7 * N + 3]);
    await expect(inspector).toContainText('S4 eq. (3)');
    // B and B̄.
    await hover(page, 'B', 9, 0, N);
    expect(await entry(page)).toBe(ref.B[9]);
    expect(await entry(page)).toBeCloseTo(Math.sqrt(19), 12);
    await hover(page, 'Bb', 9, 0, N);
    expect(await entry(page)).toBe(ref.Bb[9]);
    // The row is shared: the coefficients panel outlines row 9.
    await expect(page.locator('[data-panel="coefficients"] rect.hover-row').first()).toBeVisible();
    await expectFinite(page);
  });

  test('readouts match the core: ρ(Ā) and ‖A‖_F', async ({ page }) => {
    await expect.poll(() => value(page, 'rho')).not.toBeNaN();
    const ref = await coreMatrices(page);
    expect(await value(page, 'rho')).toBe(ref.rho);
    expect(Math.abs((await value(page, 'normA')) - ref.normA) / ref.normA).toBeLessThan(1e-14);
    await expect(page.locator(`${PANEL} .readouts`)).toContainText(
      `ρ(Ā) = ${ref.rho.toPrecision(6)}`,
    );
  });

  test('forward Euler with a large Δ: ρ(Ā) ≥ 1 and a warning in words', async ({ page }) => {
    const panel = page.locator(PANEL);
    await page.locator('[data-param=d]').selectOption('forward');
    await expect(panel.locator('.warning')).toHaveCount(0);
    // The Δ slider (log scale, 0 … 1000 ↔ 10⁻⁴ … 1): position 675 is Δ ≈ 0.05 > 2/64, where
    // forward Euler sends LegS's fastest modes (λ = −64) out of the unit circle.
    await page.locator('[data-param=dt]').fill('675');
    await expect(panel.locator('.warning', { hasText: 'unstable' })).toBeVisible();
    await expect(panel.locator('.warning')).toContainText('Forward Euler needs |1 + Δλ| < 1');
    const ref = await coreMatrices(page);
    expect(ref.rho).toBeGreaterThan(1);
    await expect.poll(() => value(page, 'rho')).toBe(ref.rho);
    await hover(page, 'Ab', 4, 4, ref.N);
    await expect(page.locator(`${PANEL} [data-testid="matrix-inspector"]`)).toContainText('δ');
    expect(await entry(page)).toBe(ref.Ab[4 * ref.N + 4]);
    await expectFinite(page);
  });

  test('follows the measure, θ and normalisation (LegT blog, FouT)', async ({ page }) => {
    await page.evaluate(() =>
      window.ssmLab.setParams({ measure: 'legt', N: 8, theta: 0.5, normalization: 'blog' }),
    );
    await expect(page.locator(`${PANEL} rect.cell`)).toHaveCount(8 * 8 * 2 + 16);
    const ref = await coreMatrices(page);
    await hover(page, 'A', 1, 4, 8);
    expect(await entry(page)).toBe(ref.A[1 * 8 + 4]);
    await hover(page, 'B', 3, 0, 8);
    expect(await entry(page)).toBe(ref.B[3]);
    expect(await entry(page)).toBeCloseTo((Math.SQRT2 * Math.sqrt(7)) / 0.5, 12);
    await expect(page.locator(`${PANEL} [data-testid="matrix-inspector"]`)).toContainText(
      'leg-t-hippo-1',
    );
    await page.evaluate(() => window.ssmLab.setParams({ measure: 'fout', normalization: 'paper' }));
    await expect.poll(() => value(page, 'rho')).not.toBeNaN();
    await expect(page.locator(`${PANEL} .warning`)).toContainText('ρ(Ā) = 1 to rounding');
    await expectFinite(page);
  });
});
