/**
 * Recurrent ⇄ convolutional [equivalence]: the current input through the recurrence and through
 * the FFT convolution with the kernel of the same discrete system, overlaid, with an always-on
 * equivalence meter (f64 CPU; f32 GPU when the compute service has a device).
 *
 * The dense recurrence and kernel are O(L N²) (≈ 10–30 ms at the defaults), so they run in a
 * worker (equivalence.runner.ts); results are cached per parameter set. The synchronous part of
 * a parameter change is a cache lookup and two envelope paths, timed and shown.
 */
import { scaleLinear, scaleLog, select } from 'd3';
import { axisBottom, axisLeft, axisTop } from '../axis';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { registerCache } from '../../state/caches';
import { gpuCore } from '../../state/compute';
import { signalOf } from '../../state/derived';
import type { DiscreteSSM } from '../../core/index';
import { currentDiscrete } from '../../state/derived.rtf';
import type { Params } from '../../state/schema';
import { useParams, useUi } from '../../state/store';
import { useT } from '../../state/i18n';
import { extent, useWidth } from '../chart';
import { Equation, fmt, Panel, Readouts, tex, Warning } from '../Panel';
import { equivalenceTable } from './equivalence.export';
import './equivalence.css';
import {
  compare,
  digitsWords,
  envelopePath,
  EPS32,
  EPS64,
  equivalenceKey,
  ERR_FLOOR,
  errorEnvelopePath,
  meterX,
  timeScale,
  type Comparison,
  type EquivalenceResult,
} from './equivalence.model';
import { runEquivalence, Superseded } from './equivalence.runner';

interface GpuRow {
  status: 'pending' | 'done' | 'failed';
  cmp?: Comparison;
  y?: Float32Array;
  ms?: number;
  message?: string;
}

interface Entry {
  key: string;
  result: EquivalenceResult & { where: 'worker' | 'main' };
  u: Float64Array;
  gpu?: GpuRow;
}

/** Last few results, most recent last (going back to a setting is instant). */
const cache = new Map<string, Entry>();
const failures = new Map<string, string>();
const CACHE_SIZE = 8;
/** Remembers why a setting failed, for the last few settings only (the map must not grow). */
function remembered(key: string, message: string): void {
  failures.delete(key);
  failures.set(key, message);
  while (failures.size > 4 * CACHE_SIZE) failures.delete(failures.keys().next().value!);
}
/** The most recent result, shown (marked as updating) while the next one is computed. */
let latest: Entry | null = null;
registerCache({
  clear: () => {
    cache.clear();
    failures.clear();
  },
});

function remember(e: Entry): void {
  latest = e;
  cache.delete(e.key);
  cache.set(e.key, e);
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
}

/** Computes (in the worker) and caches one parameter set; resolves when there is news. */
let pendingKey: string | null = null;
function request(key: string, d: DiscreteSSM, u: Float64Array): Promise<boolean> {
  if (pendingKey === key) return Promise.resolve(false);
  pendingKey = key;
  const done = () => {
    if (pendingKey === key) pendingKey = null;
  };
  return runEquivalence(d, u).then(
    (result) => {
      done();
      remember({ key, result, u });
      return true;
    },
    (e: Error) => {
      done();
      if (e instanceof Superseded) return false;
      remembered(key, e.message);
      return true;
    },
  );
}

/** The f32 row: gpu.causalConv on Float32 copies of K and u, against the f64 recurrence. */
function startGpu(entry: Entry, gpu: NonNullable<ReturnType<typeof gpuCore>>): Promise<void> {
  entry.gpu = { status: 'pending' };
  const K32 = Float32Array.from(entry.result.K);
  const u32 = Float32Array.from(entry.u);
  const start = performance.now();
  return gpu.causalConv(K32, u32, 1).then(
    (y) => {
      entry.gpu = {
        status: 'done',
        y,
        cmp: compare(entry.result.yRec, y),
        ms: performance.now() - start,
      };
    },
    (e: unknown) => {
      entry.gpu = { status: 'failed', message: e instanceof Error ? e.message : String(e) };
    },
  );
}

/** Path strings per result and geometry: going back to a cached setting redraws for free. */
const pathCache = new WeakMap<EquivalenceResult, Map<string, string>>();
function cachedPath(r: EquivalenceResult, sig: string, make: () => string): string {
  let m = pathCache.get(r);
  if (!m) pathCache.set(r, (m = new Map()));
  let d = m.get(sig);
  if (d === undefined) {
    d = make();
    if (m.size > 16) m.clear();
    m.set(sig, d);
  }
  return d;
}

type Prepared = { ok: true; d: DiscreteSSM; u: Float64Array } | { ok: false; message: string };

function prepare(
  p: Parameters<typeof currentDiscrete>[0] & {
    signal: Params['signal'];
    L: number;
    drawn: number[];
  },
): Prepared {
  try {
    return { ok: true, u: signalOf(p.signal, p.L, p.seed, p.drawn), d: currentDiscrete(p) };
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
}

export function EquivalencePanel() {
  // Instrumentation only: read in the layout effect to time this panel's synchronous update.
  // eslint-disable-next-line react-hooks/purity
  const t0 = performance.now();
  const p = useParams((q) => ({
    measure: q.measure,
    N: q.N,
    theta: q.theta,
    normalization: q.normalization,
    dt: q.dt,
    disc: q.disc,
    seed: q.seed,
    signal: q.signal,
    L: q.L,
    drawn: q.drawn,
  }));
  const backend = useUi((u) => u.backend.name);
  const t = useT();
  const [, bump] = useState(0);
  const key = equivalenceKey(p);
  const current = cache.get(key) ?? null;
  const shown = current ?? latest;
  const stale = !current;
  // Build the system and ask the worker after this task: the discretisation (O(N³)) and the
  // request stay out of the input's frame, and a burst of changes only sends the last one.
  useEffect(() => {
    if (cache.has(key) || failures.has(key)) return;
    const q = p;
    const id = setTimeout(() => {
      const input = prepare(q);
      if (!input.ok) {
        remembered(key, input.message);
        bump((v) => v + 1);
        return;
      }
      void request(key, input.d, input.u).then((news) => news && bump((v) => v + 1));
    }, 0);
    return () => clearTimeout(id);
    // Every field of p is part of key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  useEffect(() => {
    const gpu = gpuCore();
    if (!gpu || !current || current.gpu || current.result.problem) return;
    void startGpu(current, gpu).then(() => bump((v) => v + 1));
  }, [current, backend]);

  const plotBox = useRef<HTMLDivElement>(null);
  const meterBox = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const meterRef = useRef<SVGSVGElement>(null);
  const msRef = useRef<HTMLElement>(null);
  const W = useWidth(plotBox, 640);
  const MW = useWidth(meterBox, 320);

  const r = shown?.result ?? null;
  const gpuRow = shown?.gpu;
  const gpuOn = backend === 'webgpu' && gpuCore() !== null;

  // This panel's own synchronous work = its render body + its layout effects (which React runs
  // back to back); other panels' work in the same commit is not counted.
  const effectsStart = useRef(0);
  const drew = useRef(false);
  useLayoutEffect(() => {
    effectsStart.current = performance.now();
  });
  useLayoutEffect(() => {
    drew.current = true;
    const svg = svgRef.current;
    if (!svg) return;
    const m = { top: 10, right: 14, bottom: 34, left: 52 };
    const hTop = 200;
    const gap = 12;
    const hErr = 70;
    const H = m.top + hTop + gap + hErr + m.bottom;
    const innerW = Math.max(100, W - m.left - m.right);
    select(svg).attr('width', W).attr('height', H).attr('viewBox', `0 0 ${W} ${H}`);
    let g = select(svg).select<SVGGElement>('g.eq');
    if (g.empty()) g = select(svg).append('g').attr('class', 'eq');
    g.attr('transform', `translate(${m.left},${m.top})`);
    const L = r ? r.yRec.length : p.L;
    const x = timeScale(L, innerW);
    const y = scaleLinear()
      .domain(r && !r.problem ? extent(r.yRec, r.yConv) : [-1, 1])
      .range([hTop, 0])
      .nice();
    g.selectAll<SVGGElement, null>('g.y-axis')
      .data([null])
      .join('g')
      .attr('class', 'axis y-axis')
      .call(axisLeft(y).ticks(4).tickFormat(y.tickFormat(4)));
    g.selectAll('line.zero')
      .data([null])
      .join('line')
      .attr('class', 'zero')
      .attr('x1', 0)
      .attr('x2', innerW)
      .attr('y1', y(0))
      .attr('y2', y(0));
    const lines =
      r && !r.problem
        ? [
            { key: 'rec', v: r.yRec },
            { key: 'conv', v: r.yConv },
          ]
        : [];
    g.selectAll<SVGPathElement, (typeof lines)[number]>('path.yline')
      .data(lines, (d) => d.key)
      .join('path')
      .attr('class', (d) => `yline y-${d.key}`)
      .attr('d', (d) =>
        cachedPath(r!, `${d.key}|${innerW}|${y.domain()}`, () => envelopePath(d.v, x, y)),
      );
    g.selectAll('text.y-label')
      .data([t('eq.axis.y')])
      .join('text')
      .attr('class', 'y-label')
      .attr('transform', 'translate(-42,0) rotate(-90)')
      .attr('text-anchor', 'end')
      .text((d) => d);
    g.selectAll('text.empty')
      .data(r ? [] : [t('eq.computingShort')])
      .join('text')
      .attr('class', 'empty')
      .attr('x', innerW / 2)
      .attr('y', hTop / 2)
      .attr('text-anchor', 'middle')
      .text((d) => d);

    // Error strip: |y_rec − y_conv| (f64) and |y_rec − y_gpu| (f32) per step, log scale.
    let ge = g.select<SVGGElement>('g.err');
    if (ge.empty()) ge = g.append('g').attr('class', 'err');
    ge.attr('transform', `translate(0,${hTop + gap})`);
    const worst = Math.max(
      r?.cmp?.maxAbs ?? 0,
      gpuRow?.cmp && Number.isFinite(gpuRow.cmp.maxAbs) ? gpuRow.cmp.maxAbs : 0,
    );
    const top = 10 ** Math.ceil(Math.log10(Math.max(worst * 10, 1e-13)));
    const ye = scaleLog().domain([ERR_FLOOR, top]).range([hErr, 0]).clamp(true);
    ge.selectAll('rect.err-bg')
      .data([null])
      .join('rect')
      .attr('class', 'err-bg')
      .attr('width', innerW)
      .attr('height', hErr);
    const lo = Math.ceil(Math.log10(ERR_FLOOR));
    const hi = Math.floor(Math.log10(top));
    const every = Math.max(1, Math.ceil((hi - lo) / 3));
    const eticks: number[] = [];
    for (let e = hi; e >= lo; e -= every) eticks.push(10 ** e);
    ge.selectAll<SVGGElement, null>('g.y-axis')
      .data([null])
      .join('g')
      .attr('class', 'axis y-axis')
      .call(
        axisLeft(ye)
          .tickValues(eticks)
          .tickFormat((v) => `1e${Math.round(Math.log10(+v))}`),
      );
    ge.selectAll<SVGGElement, null>('g.x-axis')
      .data([null])
      .join('g')
      .attr('class', 'axis x-axis')
      .attr('transform', `translate(0,${hErr})`)
      .call(axisBottom(x).ticks(6).tickSizeOuter(0));
    const errs =
      r && !r.problem
        ? [
            { key: 'f64', b: r.yConv as ArrayLike<number> },
            ...(gpuRow?.y ? [{ key: 'f32', b: gpuRow.y as ArrayLike<number> }] : []),
          ]
        : [];
    ge.selectAll<SVGPathElement, (typeof errs)[number]>('path.eline')
      .data(errs, (d) => d.key)
      .join('path')
      .attr('class', (d) => `eline e-${d.key}`)
      .attr('d', (d) =>
        cachedPath(r!, `e${d.key}|${innerW}|${ye.domain()}`, () =>
          errorEnvelopePath(r!.yRec, d.b, x, ye),
        ),
      );
    ge.selectAll('text.x-label')
      .data([t('eq.axis.step', { L, dt: fmt(p.dt, 3) })])
      .join('text')
      .attr('class', 'x-label')
      .attr('x', innerW)
      .attr('y', hErr + 30)
      .attr('text-anchor', 'end')
      .text((d) => d);
    ge.selectAll('text.y-label')
      .data(['|y_rec − y|'])
      .join('text')
      .attr('class', 'y-label')
      .attr('transform', 'translate(-42,0) rotate(-90)')
      .attr('text-anchor', 'end')
      .text((d) => d);
  }, [r, gpuRow, gpuRow?.status, W, p.L, p.dt, t]);

  // While the worker computes, the previous curves stay, dimmed (no redraw needed).
  useLayoutEffect(() => {
    drew.current = true;
    if (svgRef.current) select(svgRef.current).select('g.eq').classed('stale', stale);
  }, [stale, key]);

  // The meter: relative error on a log scale against the two machine epsilons.
  useLayoutEffect(() => {
    drew.current = true;
    const svg = meterRef.current;
    if (!svg) return;
    const m = { left: 44, right: 12, top: 26 };
    const w = Math.max(120, MW - m.left - m.right);
    const rowH = 22;
    const H = m.top + 2 * rowH + 8;
    select(svg).attr('width', MW).attr('height', H).attr('viewBox', `0 0 ${MW} ${H}`);
    let g = select(svg).select<SVGGElement>('g.meter');
    if (g.empty()) g = select(svg).append('g').attr('class', 'meter');
    g.attr('transform', `translate(${m.left},${m.top})`);
    const s = scaleLog().domain([ERR_FLOOR, 1]).range([0, w]).clamp(true);
    g.selectAll<SVGGElement, null>('g.axis')
      .data([null])
      .join('g')
      .attr('class', 'axis')
      .call(
        axisTop(s)
          .tickValues([1e-18, 1e-15, 1e-12, 1e-9, 1e-6, 1e-3, 1])
          .tickFormat((v) => `1e${Math.round(Math.log10(+v))}`)
          .tickSizeOuter(0),
      );
    const marks = [
      { key: 'eps64', at: EPS64, label: 'ε₆₄' },
      { key: 'eps32', at: EPS32, label: 'ε₃₂' },
    ];
    g.selectAll<SVGLineElement, (typeof marks)[number]>('line.eps')
      .data(marks, (d) => d.key)
      .join('line')
      .attr('class', 'eps')
      .attr('x1', (d) => s(d.at))
      .attr('x2', (d) => s(d.at))
      .attr('y1', 0)
      .attr('y2', 2 * rowH);
    g.selectAll<SVGTextElement, (typeof marks)[number]>('text.eps-label')
      .data(marks, (d) => d.key)
      .join('text')
      .attr('class', 'eps-label')
      .attr('x', (d) => s(d.at) + 3)
      .attr('y', 2 * rowH + 6)
      .text((d) => d.label);
    const rows = [
      {
        key: 'f64',
        label: 'f64',
        rel: r?.cmp?.rel ?? NaN,
        on: !!r?.cmp,
      },
      {
        key: 'f32',
        label: 'f32',
        rel: gpuRow?.cmp?.rel ?? NaN,
        on: !!gpuRow?.cmp,
      },
    ];
    g.selectAll<SVGTextElement, (typeof rows)[number]>('text.row-label')
      .data(rows, (d) => d.key)
      .join('text')
      .attr('class', 'row-label')
      .attr('x', -8)
      .attr('y', (_, i) => i * rowH + 15)
      .attr('text-anchor', 'end')
      .text((d) => d.label);
    g.selectAll<SVGRectElement, (typeof rows)[number]>('rect.track')
      .data(rows, (d) => d.key)
      .join('rect')
      .attr('class', 'track')
      .attr('x', 0)
      .attr('y', (_, i) => i * rowH + 6)
      .attr('width', w)
      .attr('height', 11)
      .attr('rx', 3);
    g.selectAll<SVGRectElement, (typeof rows)[number]>('rect.bar')
      .data(rows, (d) => d.key)
      .join('rect')
      .attr('class', (d) => `bar bar-${d.key}`)
      .attr('x', 0)
      .attr('y', (_, i) => i * rowH + 6)
      .attr('height', 11)
      .attr('rx', 3)
      .attr('width', (d) => (d.on ? Math.max(3, meterX(d.rel, w)) : 0));
  }, [r, gpuRow, gpuRow?.status, MW]);

  const fail = failures.get(key) ?? null;
  const status = fail
    ? 'error'
    : !r
      ? 'computing'
      : r.problem
        ? 'problem'
        : stale
          ? 'computing'
          : 'ready';
  const c = r?.cmp;
  const gpuText = !gpuOn
    ? t('eq.gpu.none')
    : !gpuRow || gpuRow.status === 'pending'
      ? t('eq.gpu.running')
      : gpuRow.status === 'failed'
        ? t('eq.gpu.failed', { error: gpuRow.message ?? '' })
        : null;

  // eslint-disable-next-line react-hooks/purity
  const tRender = performance.now() - t0;

  // Reported without a re-render. The first (mounting) render is left out: it pays for KaTeX, JIT and fonts once.
  const mounted = useRef(false);
  useLayoutEffect(() => {
    const ms = tRender + (performance.now() - effectsStart.current);
    if (!mounted.current) {
      mounted.current = true;
      return;
    }
    // Renders that draw nothing (e.g. React's deferred pass for the equations) are not updates.
    if (!drew.current) return;
    drew.current = false;
    if (msRef.current) {
      msRef.current.textContent = `${ms.toFixed(1)} ms`;
      msRef.current.dataset.ms = String(ms);
    }
  });
  return (
    <Panel
      id="equivalence"
      csv={() => (r && shown ? equivalenceTable(shown.u, r, gpuRow?.y) : null)}
      title={t('eq.title')}
      caption={t('eq.caption')}
      className="wide"
    >
      <div className="eq-layout">
        <div className="eq-plot">
          <div className="legend">
            <span>
              <i className="sw-rec" /> {t('eq.legend.rec')} x<sub>k</sub> = Āx<sub>k−1</sub> + B̄u
              <sub>k</sub>, y<sub>k</sub> = Cx<sub>k</sub>
            </span>
            <span>
              <i className="sw-conv" /> {t('eq.legend.conv')}
            </span>
            {gpuRow?.y && (
              <span>
                <i className="sw-f32" /> {t('eq.legend.f32')}
              </span>
            )}
            {stale && r && <span className="eq-updating">{t('eq.updating')}</span>}
          </div>
          <div className="plot" ref={plotBox}>
            <svg ref={svgRef} role="img" aria-label={t('eq.aria.plot')} />
          </div>
        </div>
        <div
          className="eq-meter"
          data-testid="equivalence-meter"
          data-status={status}
          data-length={r ? r.yRec.length : ''}
          data-max-abs={c?.maxAbs ?? ''}
          data-rel={c?.rel ?? ''}
          data-gpu-max-abs={gpuRow?.cmp?.maxAbs ?? ''}
          data-gpu-rel={gpuRow?.cmp?.rel ?? ''}
          ref={meterBox}
        >
          <h4>{t('eq.meter')}</h4>
          <svg
            ref={meterRef}
            role="img"
            aria-label={t('eq.aria.meter', {
              f64: c ? fmt(c.rel, 3) : t('eq.pending'),
              f32: gpuRow?.cmp ? fmt(gpuRow.cmp.rel, 3) : t('eq.notAvailable'),
            })}
          />
          <table className="compact eq-table">
            <thead>
              <tr>
                <th scope="col">{t('eq.th.route')}</th>
                <th scope="col">max |Δy|</th>
                <th scope="col">{t('kernel.th.rel')}</th>
              </tr>
            </thead>
            <tbody>
              <tr data-row="f64">
                <td>f64 CPU</td>
                <td className="num" data-testid="eq-max-abs">
                  {c ? fmt(c.maxAbs, 3) : '…'}
                </td>
                <td className="num" data-testid="eq-rel">
                  {c ? fmt(c.rel, 3) : '…'}
                </td>
              </tr>
              <tr data-row="f32">
                {gpuText ? (
                  <td colSpan={3} className="eq-gpu-note" data-testid="eq-gpu">
                    {gpuText}
                  </td>
                ) : (
                  <>
                    <td>f32 GPU</td>
                    <td className="num">{fmt(gpuRow!.cmp!.maxAbs, 3)}</td>
                    <td className="num" data-testid="eq-gpu">
                      {fmt(gpuRow!.cmp!.rel, 3)}
                    </td>
                  </>
                )}
              </tr>
            </tbody>
          </table>
          <p className="eq-words">
            {c
              ? t(gpuRow?.cmp ? 'eq.words.both' : 'eq.words.f64', {
                  f64: digitsWords(c.rel),
                  f32: gpuRow?.cmp ? digitsWords(gpuRow.cmp.rel) : '',
                })
              : fail
                ? ''
                : t('eq.computing')}
          </p>
        </div>
      </div>
      {fail && <Warning>{t('eq.refused', { error: fail })}</Warning>}
      {r?.problem && <Warning>{t(r.problem.key, r.problem.vars)}</Warning>}
      <Readouts
        items={[
          { label: 'N =', value: String(p.N) },
          { label: 'L =', value: String(r ? r.yRec.length : p.L) },
          {
            label: t('eq.readout.rec'),
            value: r ? `${r.ms.recurrence.toFixed(1)} ms` : '…',
            title: t(
              shown?.result.where === 'main' ? 'eq.readout.recMain' : 'eq.readout.recWorker',
            ),
          },
          {
            label: t('eq.readout.kernel'),
            value: r ? `${r.ms.kernel.toFixed(1)} ms` : '…',
            title: 'core.kernel (powering), O(L N²)',
          },
          {
            label: t('eq.readout.fft'),
            value: r && !r.problem ? `${r.ms.conv.toFixed(2)} ms` : '…',
            title: 'core.causalConv, O(L log L)',
          },
          ...(gpuRow?.ms !== undefined
            ? [{ label: t('eq.readout.gpu'), value: `${gpuRow.ms.toFixed(1)} ms` }]
            : []),
        ]}
      />
      <p className="sync-ms">
        {t('eq.sync')} <b className="num" ref={msRef} data-testid="eq-sync-ms" />
      </p>
      <Equation
        tex={`y_k=\\sum_{j=0}^{k}K_j\\,u_{k-j},\\quad K_j=C\\bar A^{j}\\bar B;\\qquad \\max_k\\lvert y^{\\mathrm{rec}}_k-y^{\\mathrm{conv}}_k\\rvert=${c ? tex(c.maxAbs) : '\\dots'}${c && Number.isFinite(c.rel) ? `=${tex(c.rel)}\\cdot\\max_k\\lvert y_k\\rvert` : ''}`}
        label={t('eq.eqLabel')}
      />
    </Panel>
  );
}
