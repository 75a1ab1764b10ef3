import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { PANELS } from './panels';

type PanelId = (typeof PANELS)[number];

const N = 8;
const L = 512;
const SEED = 7;

/** Parses our CSV: quoted cells may hold commas and doubled quotes. */
function parseCsv(text: string): { header: string[]; rows: string[][] } {
  const cells = (l: string) =>
    [...l.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)]
      .slice(0, -1)
      .map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"'));
  const lines = text.trimEnd().split('\n');
  return { header: cells(lines[0]!), rows: lines.slice(1).map(cells) };
}

function col(csv: { header: string[]; rows: string[][] }, name: string | RegExp): number[] {
  const j = csv.header.findIndex((h) => (typeof name === 'string' ? h === name : name.test(h)));
  expect(j, `column ${String(name)} in ${csv.header.join(' | ')}`).toBeGreaterThanOrEqual(0);
  return csv.rows
    .map((r) => r[j]!)
    .filter((c) => c !== '')
    .map(Number);
}

const maxAbsDiff = (a: number[], b: ArrayLike<number>) =>
  Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));

function panel(page: Page, id: PanelId): Locator {
  return page.locator(`[data-panel="${id}"]`);
}

async function exportFile(page: Page, id: PanelId, kind: 'png' | 'svg' | 'csv') {
  const root = panel(page, id);
  await root.scrollIntoViewIfNeeded();
  await root.getByTestId('panel-menu-button').click();
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    root.getByTestId(`export-${kind}`).click(),
  ]);
  expect(dl.suggestedFilename()).toMatch(new RegExp(`^ssm-lab-${id}-[0-9a-f]{8}\\.${kind}$`));
  return readFile((await dl.path())!);
}

/** Decodes a PNG in the page: its size and how many distinct colours it has. */
async function decodePng(page: Page, bytes: Buffer) {
  return page.evaluate(async (b64) => {
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bmp = await createImageBitmap(new Blob([data], { type: 'image/png' }));
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const ctx = c.getContext('2d')!;
    ctx.drawImage(bmp, 0, 0);
    const px = ctx.getImageData(0, 0, bmp.width, bmp.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < px.length && colours.size < 64; i += 4 * 7)
      colours.add((px[i]! << 16) | (px[i + 1]! << 8) | px[i + 2]!);
    return { width: bmp.width, height: bmp.height, colours: colours.size };
  }, bytes.toString('base64'));
}

/** Parses an SVG in the page, counts its marks, and renders it standalone as an image. */
async function checkSvg(page: Page, text: string) {
  return page.evaluate(async (svg) => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const error = doc.querySelector('parsererror')?.textContent ?? null;
    const marks = doc.querySelectorAll('path, line, circle, rect, polyline, text, image').length;
    const img = new Image();
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    await img.decode();
    const inlined = doc.querySelectorAll('[style*="stroke"]').length;
    return { error, marks, width: img.naturalWidth, height: img.naturalHeight, inlined };
  }, text);
}

/** Brings a panel into view and waits until it has drawn its data. */
async function ready(page: Page, id: PanelId) {
  const root = panel(page, id);
  await root.scrollIntoViewIfNeeded();
  if (id === 'performance') {
    await expect(root.locator('svg').first()).toBeVisible();
  } else {
    // Drawn: curves, marks, cells or a canvas layer (axes alone are a few short paths).
    await expect
      .poll(
        () =>
          root.evaluate(
            (el) =>
              [...el.querySelectorAll('svg path')].filter(
                (p) => (p.getAttribute('d') ?? '').length > 30,
              ).length + el.querySelectorAll('svg rect, svg circle, canvas').length,
          ),
        { timeout: 30_000, message: `${id} draws` },
      )
      .toBeGreaterThan(2);
  }
  if (id === 'kernel')
    await expect(root.locator('tr[data-state="computing"]')).toHaveCount(0, { timeout: 30_000 });
  if (id === 'equivalence')
    await expect(root.getByTestId('equivalence-meter')).toHaveAttribute('data-status', 'ready', {
      timeout: 30_000,
    });
  if (id === 'frequency')
    await expect(root.locator('[data-readout="peak"]')).not.toHaveAttribute('data-value', '');
}

test.describe('export and import', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(`/?v=1&N=${N}&L=${L}&seed=${SEED}`);
    await expect(page.getByTestId('lab-root')).toBeVisible();
  });

  test('every panel exports a PNG and a standalone SVG of its plots', async ({ page }) => {
    test.setTimeout(300_000);
    for (const id of PANELS) {
      await ready(page, id);
      const png = await exportFile(page, id, 'png');
      expect(png.subarray(1, 4).toString(), `${id} PNG signature`).toBe('PNG');
      const box = await panel(page, id).boundingBox();
      const img = await decodePng(page, png);
      expect(img.width, id).toBeGreaterThan(100);
      expect(img.height, id).toBeGreaterThan(50);
      // devicePixelRatio 2: twice the CSS width of plots that span the panel (at most)
      expect(img.width, id).toBeLessThanOrEqual(2 * Math.ceil(box!.width));
      expect(img.colours, `${id} PNG has drawing in it`).toBeGreaterThan(3);

      const svg = (await exportFile(page, id, 'svg')).toString('utf8');
      const s = await checkSvg(page, svg);
      expect(s.error, id).toBeNull();
      expect(s.marks, `${id} SVG marks`).toBeGreaterThan(5);
      expect(s.inlined, `${id} SVG styles inlined`).toBeGreaterThan(0);
      expect(s.width, id).toBeGreaterThan(100);
      expect(svg).not.toContain('var(--');
    }
  });

  test('every panel’s CSV holds the numbers the panel shows', async ({ page }) => {
    test.setTimeout(300_000);
    const csvOf = async (id: PanelId) => {
      await ready(page, id);
      const csv = parseCsv((await exportFile(page, id, 'csv')).toString('utf8'));
      expect(csv.rows.length, id).toBeGreaterThan(0);
      for (const h of csv.header) expect(h, `${id}: column named with a unit`).toMatch(/\(.+\)$/);
      return csv;
    };
    const ref = await page.evaluate(
      ({ N, L, SEED }) => {
        const core = window.ssmLab.core;
        const u = core.signalPreset('sines', L, SEED);
        const X = core.legsRun(N, u, 'bilinear');
        const g = core.gaussian(core.rng(SEED ^ 0x5eed));
        const C = Float64Array.from({ length: N }, () => g() / Math.sqrt(N));
        const ssm = core.hippo('legs', N);
        const K = core.kernel(core.discretize({ ...ssm, C }, 0.01, 'bilinear'), L);
        const k = Math.round(0.6 * (L - 1));
        return {
          u: [...u],
          x0: [...X].filter((_, i) => i % N === 0),
          xk: [...X.slice(k * N, (k + 1) * N)],
          A: [...ssm.A],
          K: [...K],
        };
      },
      { N, L, SEED },
    );
    const readout = (id: PanelId, name: string) =>
      panel(page, id)
        .locator(`[data-readout="${name}"]`)
        .evaluate((el) => Number(el.getAttribute('data-value') ?? el.getAttribute('value')));

    const signal = await csvOf('signal');
    expect(col(signal, 'u (input)')).toEqual(ref.u);

    const basis = await csvOf('basis');
    expect(maxAbsDiff(col(basis, /^x_n at t = .* \(coefficient\)$/), ref.xk)).toBeLessThan(1e-12);
    const mse = col(basis, 'MSE of the first n+1 terms (input units²)');
    expect(mse).toHaveLength(N);
    expect(mse[N - 1]).toBe(await readout('basis', 'mse'));

    const coefficients = await csvOf('coefficients');
    expect(maxAbsDiff(col(coefficients, 'LegS x_0 (coefficient)'), ref.x0)).toBeLessThan(1e-12);

    const matrices = await csvOf('matrices');
    const A = matrices.rows.filter((r) => r[0] === 'A').map((r) => Number(r[3]));
    expect(A).toEqual(ref.A);

    const eig = await csvOf('eigenvalues');
    const lambdas = eig.rows.filter((r) => r[0] === 'eigenvalue of A').map((r) => Number(r[2]));
    expect(lambdas.sort((a, b) => b - a)).toEqual(Array.from({ length: N }, (_, i) => -(i + 1)));

    const kernel = await csvOf('kernel');
    expect(maxAbsDiff(col(kernel, 'K_k naive (kernel)'), ref.K)).toBeLessThan(1e-15);
    expect(kernel.header).toContain('K_k DPLR (kernel)');

    const freq = await csvOf('frequency');
    const db = col(freq, '|H| (dB)');
    expect(Math.max(...db)).toBeCloseTo(await readout('frequency', 'peak'), 9);
    expect(db[db.length - 1]).toBeCloseTo(await readout('frequency', 'nyquist'), 9);

    const eq = await csvOf('equivalence');
    const meter = panel(page, 'equivalence').getByTestId('equivalence-meter');
    const yRec = col(eq, 'y_k recurrence (f64)');
    expect(yRec).toHaveLength(L);
    expect(maxAbsDiff(yRec, col(eq, 'y_k FFT convolution (f64)'))).toBe(
      Number(await meter.getAttribute('data-max-abs')),
    );
    expect(maxAbsDiff(col(eq, 'K_k (kernel)'), ref.K)).toBeLessThan(1e-15);

    const rtf = await csvOf('rtf');
    const aliasErr = Number(
      await panel(page, 'rtf').locator('[data-alias-err]').getAttribute('data-alias-err'),
    );
    expect(
      maxAbsDiff(col(rtf, 'K_k FFT (aliased)'), col(rtf, 'K_k exact (impulse response)')),
    ).toBe(aliasErr);

    // Performance: no rows before a run (said in words), then the rows of a run.
    const perf = panel(page, 'performance');
    await perf.scrollIntoViewIfNeeded();
    await perf.getByTestId('panel-menu-button').click();
    await perf.getByTestId('export-csv').click();
    await expect(perf.getByTestId('panel-menu-message')).toBeVisible();
    await perf.getByTestId('bench-range').selectOption('quick');
    await perf.getByTestId('bench-run').click();
    await expect(perf.locator('[data-testid="bench-rows"] tr[data-ms]').first()).toBeAttached({
      timeout: 110_000,
    });
    await perf
      .getByTestId('bench-cancel')
      .click()
      .catch(() => undefined);
    await expect(perf.getByTestId('bench-status')).not.toHaveAttribute('data-status', 'running');
    const shown = await perf
      .locator('[data-testid="bench-rows"] tr[data-ms]')
      .evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-ms'))));
    const bench = await csvOf('performance');
    expect(col(bench, 'median (ms)').sort()).toEqual(shown.sort());
  });

  test('the panel menu works from the keyboard, and reset restores the panel', async ({ page }) => {
    const root = panel(page, 'rtf');
    await ready(page, 'rtf');
    const button = root.getByTestId('panel-menu-button');
    await button.focus();
    const outline = await button.evaluate((b) => getComputedStyle(b).outlineStyle);
    await page.keyboard.press('Enter');
    const menu = root.getByTestId('panel-menu');
    await expect(menu).toBeVisible();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await expect(root.getByTestId('export-png')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(root.getByTestId('export-svg')).toBeFocused();
    await page.keyboard.press('End');
    await expect(root.getByTestId('panel-reset')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);
    await expect(button).toBeFocused();
    // keyboard focus is visible
    expect(await button.evaluate((b) => getComputedStyle(b).outlineStyle)).not.toBe('none');
    expect(outline).toBeDefined();

    // Reset puts the panel's own parameters back.
    await page.evaluate(() => window.ssmLab.setParams({ rtfA: [-0.5], rtfB: [1], rtfH0: 0 }));
    await page.keyboard.press('ArrowDown');
    await expect(root.getByTestId('export-png')).toBeFocused();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await expect(menu).toHaveCount(0);
    const p = await page.evaluate(() => window.ssmLab.getParams());
    expect([p.rtfA, p.rtfB, p.rtfH0]).toEqual([[-1.1, 0.03, 0.135], [0.5, -0.2, 0.1], 0.3]);
  });

  test('state JSON: save, change, open restores; bad files change nothing', async ({ page }) => {
    await page.evaluate(() =>
      window.ssmLab.setParams({ measure: 'legt', theta: 0.3, disc: 'zoh', rtfA: [-0.4, 0.1] }),
    );
    const saved = await page.evaluate(() => window.ssmLab.getParams());
    await page.getByTestId('file-menu-button').click();
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-state').click(),
    ]);
    expect(dl.suggestedFilename()).toMatch(/^ssm-lab-state-[0-9a-f]{8}\.json$/);
    const json = await readFile((await dl.path())!);
    expect(JSON.parse(json.toString()).params).toEqual(saved);

    await page.evaluate(() => window.ssmLab.setParams({ measure: 'lagt', N: 20, dt: 0.2 }));
    expect((await page.evaluate(() => window.ssmLab.getParams())).measure).toBe('lagt');
    // Through the menu and the file chooser.
    await page.getByTestId('file-menu-button').click();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByTestId('import-state').click(),
    ]);
    await chooser.setFiles({ name: 'state.json', mimeType: 'application/json', buffer: json });
    await expect(page.getByTestId('file-message')).toHaveAttribute('data-ok', 'true');
    expect(await page.evaluate(() => window.ssmLab.getParams())).toEqual(saved);

    const input = page.getByTestId('import-state-input');
    const bad: [string, string, RegExp][] = [
      ['broken.json', '{"app": "ssm-lab", "params": {', /not JSON/],
      ['other.json', '{"hello": "world"}', /not an SSM Lab state/],
      ['signal.csv', 't,u\n0,1\n1,2\n', /not JSON/],
    ];
    for (const [name, text, why] of bad) {
      await input.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
      const msg = page.getByTestId('file-message');
      await expect(msg).toHaveAttribute('data-ok', 'false');
      await expect(msg).toContainText(name);
      await expect(msg).toContainText(why);
      await expect(msg).toContainText('Nothing was changed');
      expect(await page.evaluate(() => window.ssmLab.getParams())).toEqual(saved);
    }

    // A valid file with unknown keys and wrong values: applied, every fix reported in words.
    await input.setInputFiles({
      name: 'odd.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({ app: 'ssm-lab', v: 1, params: { N: 999, measure: 'xyz', foo: 1 } }),
      ),
    });
    const msg = page.getByTestId('file-message');
    await expect(msg).toHaveAttribute('data-ok', 'true');
    await expect(msg).toContainText('N: 999 adjusted to 256');
    await expect(msg).toContainText('Measure: "xyz" is not valid');
    await expect(msg).toContainText('Unknown setting “foo” ignored');
    const p = await page.evaluate(() => window.ssmLab.getParams());
    expect([p.N, p.measure]).toEqual([256, 'legs']);
  });

  test('CSV signal import sets a drawn signal; bad CSV changes nothing', async ({ page }) => {
    const before = await page.evaluate(() => window.ssmLab.getParams());
    const input = page.getByTestId('import-signal-input');
    for (const [name, text] of [
      ['letters.csv', 'u\n1\nabc\n'],
      ['state.json', '{"app":"ssm-lab"}'],
      ['one.csv', '0.5\n'],
    ] as const) {
      await input.setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
      const msg = page.getByTestId('file-message');
      await expect(msg).toHaveAttribute('data-ok', 'false');
      await expect(msg).toContainText('Nothing was changed');
      expect(await page.evaluate(() => window.ssmLab.getParams())).toEqual(before);
    }
    await expect(page.getByTestId('file-message')).toContainText('at least two samples');

    const samples = Array.from({ length: 200 }, (_, i) => +Math.sin(i / 9).toFixed(3));
    const csv = `t,u\n${samples.map((v, i) => `${i * 0.01},${v}`).join('\n')}\n`;
    await input.setInputFiles({ name: 'sine.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect(page.getByTestId('file-message')).toHaveAttribute('data-ok', 'true');
    await expect(page.getByTestId('file-message')).toContainText('200 samples');
    const p = await page.evaluate(() => window.ssmLab.getParams());
    expect(p.signal).toBe('drawn');
    expect(p.drawn).toEqual(samples);
    // The signal panel now shows it: its CSV's u is the drawn signal resampled to L.
    await ready(page, 'signal');
    const u = col(parseCsv((await exportFile(page, 'signal', 'csv')).toString()), 'u (input)');
    const want = await page.evaluate(({ s, L }) => [...window.ssmLab.core.resample(s, L)], {
      s: samples,
      L,
    });
    expect(u).toEqual(want);
  });

  test('Reproduce in NumPy: a dialog with the script, copy, and Escape', async ({ page }) => {
    await page.getByTestId('file-menu-button').click();
    await page.getByTestId('numpy-open').click();
    const dialog = page.getByTestId('numpy-dialog');
    await expect(dialog).toBeVisible();
    const code = await dialog.getByTestId('numpy-code').innerText();
    expect(code).toContain('import numpy as np');
    expect(code).toContain(`measure, N, theta, dt = "legs", ${N}, 1.0, 0.01`);
    const C = await page.evaluate((seed) => {
      const core = window.ssmLab.core;
      const g = core.gaussian(core.rng(seed ^ 0x5eed));
      return g() / Math.sqrt(8);
    }, SEED);
    expect(code).toContain(String(C).slice(0, 14));
    await dialog.getByTestId('numpy-copy').click();
    await expect(dialog.getByTestId('numpy-copied')).not.toBeEmpty();
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  });
});
