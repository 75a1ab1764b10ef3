/**
 * Kernel [kernel]: the S4 convolution kernel K_k = C Ā^k B̄ (k < L) of the current system by
 * five methods overlaid — naive powering, the truncated generating function, DPLR (Cauchy +
 * Woodbury), S4D-LegS (diagonal, different by design) and RTF (transfer function + FFT) — with
 * the per-tap error against naive and a table of max |difference| and ms. The C̃ switch shows the
 * wrap-around the correction removes. Cheap methods run live; the rest once the input settles.
 */
import { pointer, scaleLinear, select, type ScaleLinear, type Selection } from 'd3';
import { axisBottom, axisLeft } from '../axis';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { effectiveN } from '../../state/derived';
import { useT, type Msg, type T } from '../../state/i18n';
import {
  aliasCostMs,
  aliasJobKey,
  aliasOf,
  cachedAlias,
  cachedKernel,
  computeKernel,
  KERNEL_METHODS,
  kernelCostMs,
  kernelJobKey,
  kernelUnavailable,
  settle,
  useSettledVersion,
  type KernelInputs,
  type KernelMethod,
  type KernelResult,
} from '../../state/derived.kernels';
import { setParams, useParam, useParams } from '../../state/store';
import { useWidth } from '../chart';
import { Equation, fmt, Panel, tex, Warning } from '../Panel';
import { usePanelCsv } from '../exportMenu';
import { kernelTable } from './kernel.export';
import {
  columnMax,
  decimate,
  kernelDomain,
  kernelRow,
  logError,
  LOG_FLOOR,
  maxAbs,
  METHOD_SHORT,
  polyline,
  wrapWords,
  type KernelRow,
} from './kernel.model';
import './kernel.css';

const KM = { top: 10, right: 14, bottom: 34, left: 56 };
/** Other methods run in render only when tinier than this (estimated ms); else once settled. */
const LIVE_MS = 1;
/** DPLR stays live up to this budget (it is the method S4 runs every training step). */
const DPLR_LIVE_MS = 8;
/** Order of the settled jobs: cheapest first. */
const JOB_ORDER: KernelMethod[] = ['s4d', 'rtf', 'dplr', 'naive', 'generating'];
/** Drawing order: S4D (different by design) underneath, the agreeing methods over it. */
const DRAW_ORDER: KernelMethod[] = ['s4d', 'naive', 'generating', 'dplr', 'rtf'];
const STROKE: Record<KernelMethod, { width: number; dash?: string; opacity: number }> = {
  naive: { width: 5, opacity: 0.4 },
  generating: { width: 2, dash: '7 4', opacity: 0.95 },
  dplr: { width: 1.3, opacity: 1 },
  s4d: { width: 1.1, opacity: 0.55 },
  rtf: { width: 1.6, dash: '2 3', opacity: 1 },
};
const ZOOMS = [1, 4, 16] as const;

/** ms with sensible digits: 0.26, 2.8, 17, 112. */
function msText(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  return ms < 1 ? ms.toFixed(2) : ms < 10 ? ms.toFixed(1) : ms.toFixed(0);
}

function stateText(r: KernelRow, t: T): string {
  if (r.state === 'computing') return t('panel.computing');
  if (r.state === 'unavailable') return t('kernel.state.na');
  if (r.state === 'failed') return t('kernel.state.failed');
  return r.method === 'naive' ? t('kernel.state.reference') : fmt(r.maxDiff, 3);
}

function KernelBody() {
  const p = useParams((q) => ({
    measure: q.measure,
    N: q.N,
    theta: q.theta,
    normalization: q.normalization,
    dt: q.dt,
    disc: q.disc,
    L: q.L,
    seed: q.seed,
    correction: q.correction,
  }));
  useSettledVersion();
  const [hidden, setHidden] = useState<ReadonlySet<KernelMethod>>(new Set());
  const [hoverK, setHoverK] = useState<number | null>(null);
  const [zoom, setZoom] = useState<(typeof ZOOMS)[number]>(1);
  const t = useT();
  const n = effectiveN(p.measure, p.N);
  const inp: KernelInputs = useMemo(
    () => ({
      measure: p.measure,
      N: p.N,
      theta: p.theta,
      normalization: p.normalization,
      dt: p.dt,
      L: p.L,
      seed: p.seed,
      correction: p.correction,
    }),
    [p.measure, p.N, p.theta, p.normalization, p.dt, p.L, p.seed, p.correction],
  );

  // Each method's kernel: from the cache, computed now when cheap, or pending (undefined).
  const aliasMs = p.correction ? 0 : aliasCostMs(n, p.L);
  const results = {} as Record<KernelMethod, KernelResult | undefined>;
  const unavailable = {} as Record<KernelMethod, Msg | undefined>;
  for (const m of KERNEL_METHODS) {
    unavailable[m] = kernelUnavailable(m, inp);
    if (unavailable[m]) continue;
    const extra = m === 'generating' || m === 'dplr' || m === 'rtf' ? aliasMs : 0;
    const cost = kernelCostMs(m, n, p.L) + (m === 'rtf' ? 0 : extra);
    const live = cost < (m === 'dplr' ? DPLR_LIVE_MS : LIVE_MS);
    results[m] = cachedKernel(m, inp) ?? (live ? computeKernel(m, inp) : undefined);
  }
  const alias = cachedAlias(inp) ?? (aliasCostMs(n, p.L) < LIVE_MS ? aliasOf(inp) : undefined);
  useEffect(() => {
    for (const m of JOB_ORDER) {
      if (unavailable[m] || results[m]) continue;
      settle(`kernel:${m}`, kernelJobKey(m, inp), { job: 'computeKernel', args: [m, inp] });
    }
    if (!alias) settle('kernel:alias', aliasJobKey(inp), { job: 'aliasOf', args: [inp] });
  });

  const naive = results.naive?.K;
  const rows = KERNEL_METHODS.map((m) => kernelRow(m, results[m], naive, unavailable[m]));
  usePanelCsv('kernel', () =>
    kernelTable(p.dt, p.L, Object.fromEntries(KERNEL_METHODS.map((m) => [m, results[m]?.K]))),
  );
  const reference = naive ?? results.dplr?.K;
  const kmax = maxAbs(reference);
  const pending = rows.filter((r) => r.state === 'computing').length;

  const boxRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const errRef = useRef<SVGSVGElement>(null);
  const W = useWidth(boxRef);
  const H = 230;
  const HE = 132;
  /** Taps shown: [0, kEnd). */
  const kEnd = Math.max(2, Math.ceil(p.L / zoom));

  // Curves (decimated to the pixel width) and the per-tap log error against naive.
  const innerW = Math.max(40, W - KM.left - KM.right);
  const view = useMemo(() => {
    const cut = (K: Float64Array | undefined) => K?.subarray(0, kEnd);
    const yDom = kernelDomain(
      cut(naive),
      cut(results.dplr?.K),
      cut(results.generating?.K),
      cut(results.s4d?.K),
    );
    const curves = DRAW_ORDER.filter((m) => results[m]?.K && !hidden.has(m)).map((m) => ({
      method: m,
      pts: decimate(cut(results[m]!.K)!, innerW),
    }));
    const errors = naive
      ? DRAW_ORDER.filter((m) => m !== 'naive' && results[m]?.K && !hidden.has(m)).map((m) => ({
          method: m,
          pts: columnMax(logError(cut(results[m]!.K)!, cut(naive)!), innerW),
        }))
      : [];
    let top = -2;
    for (const e of errors) for (const [, v] of e.pts) top = Math.max(top, Math.ceil(v));
    return { yDom, curves, errors, errTop: Math.min(top, 6) };
    // results' kernels are cached arrays: their identities change only with the inputs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [
    naive,
    results.generating?.K,
    results.dplr?.K,
    results.s4d?.K,
    results.rtf?.K,
    hidden,
    innerW,
    kEnd,
  ]);

  useLayoutEffect(() => {
    const svg = svgRef.current;
    const esvg = errRef.current;
    if (!svg || !esvg) return;
    const x = scaleLinear()
      .domain([0, Math.max(1, kEnd - 1)])
      .range([0, innerW]);
    // Main plot.
    {
      const innerH = H - KM.top - KM.bottom;
      const y = scaleLinear().domain(view.yDom).range([innerH, 0]).nice();
      const g = group(svg);
      clip(g, 'kernel-clip', innerW, innerH);
      g.selectAll<SVGGElement, null>('g.x-axis')
        .data([null])
        .join('g')
        .attr('class', 'axis x-axis')
        .attr('transform', `translate(0,${innerH})`)
        .call(axisBottom(x).ticks(6).tickSizeOuter(0));
      g.selectAll<SVGGElement, null>('g.y-axis')
        .data([null])
        .join('g')
        .attr('class', 'axis y-axis')
        .call(
          axisLeft(y)
            .ticks(5)
            .tickFormat((v) => fmt(+v, 2))
            .tickSizeOuter(0),
        );
      label(g, t('kernel.axis.tap', { dt: fmt(p.dt, 3) }), 'K_k', innerW, innerH);
      g.selectAll('line.zero')
        .data([null])
        .join('line')
        .attr('class', 'zero')
        .attr('x1', 0)
        .attr('x2', innerW)
        .attr('y1', y(0))
        .attr('y2', y(0));
      const body = g
        .selectAll<SVGGElement, null>('g.body')
        .data([null])
        .join('g')
        .attr('class', 'body')
        .attr('clip-path', 'url(#kernel-clip)');
      body
        .selectAll<SVGPathElement, (typeof view.curves)[number]>('path.curve')
        .data(view.curves, (c) => c.method)
        .join('path')
        .attr('class', (c) => `curve m-${c.method}`)
        .attr('data-method', (c) => c.method)
        .attr('fill', 'none')
        .attr('stroke', (c) => `var(--${c.method})`)
        .attr('stroke-width', (c) => STROKE[c.method].width)
        .attr('stroke-opacity', (c) => STROKE[c.method].opacity)
        .attr('stroke-dasharray', (c) => STROKE[c.method].dash ?? null)
        .attr('stroke-linejoin', 'round')
        .attr('d', (c) => polyline(c.pts.map(([i, v]) => [x(i), y(v)])));
      cursor(body, hoverK, x, innerH);
      body
        .selectAll('text.empty')
        .data(view.curves.length ? [] : [pending ? t('panel.computing') : t('kernel.empty.none')])
        .join('text')
        .attr('class', 'empty')
        .attr('x', innerW / 2)
        .attr('y', innerH / 2)
        .attr('text-anchor', 'middle')
        .text((d) => d);
      hover(g, innerW, innerH, x, kEnd, setHoverK);
    }
    // Error strip.
    {
      const innerH = HE - KM.top - KM.bottom;
      const y = scaleLinear().domain([LOG_FLOOR, view.errTop]).range([innerH, 0]);
      const g = group(esvg);
      clip(g, 'kernel-err-clip', innerW, innerH);
      g.selectAll<SVGGElement, null>('g.x-axis')
        .data([null])
        .join('g')
        .attr('class', 'axis x-axis')
        .attr('transform', `translate(0,${innerH})`)
        .call(axisBottom(x).ticks(6).tickSizeOuter(0));
      const step = (view.errTop - LOG_FLOOR) / 3 > innerH / 22 ? 6 : 3;
      const ticks = [-18, -15, -12, -9, -6, -3, 0, 3, 6].filter(
        (t) => t <= view.errTop && (t - LOG_FLOOR) % step === 0,
      );
      g.selectAll<SVGGElement, null>('g.y-axis')
        .data([null])
        .join('g')
        .attr('class', 'axis y-axis')
        .call(
          axisLeft(y)
            .tickValues(ticks)
            .tickFormat((v) => `1e${+v}`)
            .tickSizeOuter(0),
        );
      label(g, t('kernel.axis.tapShort'), '|K − K_naive|', innerW, innerH);
      g.selectAll('line.eps')
        .data([null])
        .join('line')
        .attr('class', 'eps')
        .attr('x1', 0)
        .attr('x2', innerW)
        .attr('y1', y(Math.log10(2.2e-16 * (kmax > 0 ? kmax : 1))))
        .attr('y2', y(Math.log10(2.2e-16 * (kmax > 0 ? kmax : 1))));
      const body = g
        .selectAll<SVGGElement, null>('g.body')
        .data([null])
        .join('g')
        .attr('class', 'body')
        .attr('clip-path', 'url(#kernel-err-clip)');
      body
        .selectAll<SVGPathElement, (typeof view.errors)[number]>('path.err')
        .data(view.errors, (c) => c.method)
        .join('path')
        .attr('class', (c) => `err m-${c.method}`)
        .attr('data-method', (c) => c.method)
        .attr('fill', 'none')
        .attr('stroke', (c) => `var(--${c.method})`)
        .attr('stroke-width', 1.3)
        .attr('d', (c) => polyline(c.pts.map(([i, v]) => [x(i), y(v)])));
      cursor(body, hoverK, x, innerH);
      body
        .selectAll('text.empty')
        .data(
          view.errors.length ? [] : [naive ? t('kernel.empty.compare') : t('kernel.empty.waiting')],
        )
        .join('text')
        .attr('class', 'empty')
        .attr('x', innerW / 2)
        .attr('y', innerH / 2 + 4)
        .attr('text-anchor', 'middle')
        .text((d) => d);
      hover(g, innerW, innerH, x, kEnd, setHoverK);
    }
  }, [view, innerW, kEnd, p.dt, hoverK, pending, naive, kmax, t]);

  const toggle = (m: KernelMethod) =>
    setHidden((s) => {
      const next = new Set(s);
      if (next.has(m)) next.delete(m);
      else next.add(m);
      return next;
    });

  const hoverValues =
    hoverK !== null
      ? KERNEL_METHODS.filter((m) => results[m]?.K).map(
          (m) =>
            `${m === 'generating' ? t('kernel.short.generating') : METHOD_SHORT[m]} ${fmt(results[m]!.K![hoverK]!, 5)}`,
        )
      : [];
  const wrap = alias?.wrap ?? NaN;
  const wrapMsg = wrapWords(p.correction, wrap, kmax, p.L);
  const words = wrapMsg ? t(wrapMsg.key, wrapMsg.vars) : '';
  const Ltex = String(p.L);
  const eq = p.correction
    ? `K_k = C\\bar A^k\\bar B,\\ k<${Ltex};\\quad \\hat K(\\omega_j)=\\tilde C\\,(I-\\bar A\\omega_j)^{-1}\\bar B,\\ \\omega_j=e^{-2\\pi i j/${Ltex}},\\ \\tilde C=C(I-\\bar A^{${Ltex}}),\\ \\|C\\bar A^{${Ltex}}\\|_\\infty=${Number.isFinite(wrap) ? tex(wrap) : '\\dots'}`
    : `\\mathrm{iFFT}_{${Ltex}}\\big[C(I-\\bar A\\omega_j)^{-1}\\bar B\\big]_k=\\sum_{m\\ge0}K_{k+${Ltex}m}\\ \\ne K_k,\\quad \\|C\\bar A^{${Ltex}}\\|_\\infty=${Number.isFinite(wrap) ? tex(wrap) : '\\dots'}`;

  return (
    <>
      <div className="kernel-bar">
        <div className="kernel-chips" role="group" aria-label={t('kernel.methodsShown')}>
          {KERNEL_METHODS.map((m) => (
            <button
              key={m}
              type="button"
              className="chip"
              data-method={m}
              aria-pressed={!hidden.has(m)}
              disabled={!!unavailable[m]}
              title={
                unavailable[m]
                  ? t(unavailable[m].key, unavailable[m].vars)
                  : t('kernel.showHide', { m: t(`kernel.method.${m}`) })
              }
              onClick={() => toggle(m)}
            >
              <i style={{ background: `var(--${m})` }} />
              {m === 'generating' ? t('kernel.short.generating') : METHOD_SHORT[m]}
            </button>
          ))}
        </div>
        <div className="seg" role="group" aria-label={t('kernel.tapsShown')}>
          {ZOOMS.map((z) => (
            <button
              key={z}
              type="button"
              aria-pressed={zoom === z}
              data-toggle={`zoom-${z}`}
              title={z === 1 ? t('kernel.zoom.allHelp') : t('kernel.zoom.help', { z })}
              onClick={() => setZoom(z)}
            >
              {z === 1 ? t('kernel.zoom.all') : `L/${z}`}
            </button>
          ))}
        </div>
        <button
          type="button"
          className={`ct-switch ${p.correction ? 'on' : 'off'}`}
          data-param="ct"
          role="switch"
          aria-checked={p.correction}
          title={t('kernel.ct.help')}
          onClick={() => setParams({ correction: !p.correction })}
        >
          <span className="knob" aria-hidden="true" />
          {t(p.correction ? 'kernel.ct.on' : 'kernel.ct.off')}
        </button>
      </div>
      <div className="plot" ref={boxRef}>
        <svg
          ref={svgRef}
          width={W}
          height={H}
          viewBox={`0 0 ${W} ${H}`}
          role="img"
          aria-label={t('kernel.aria.main')}
        />
        <svg
          ref={errRef}
          width={W}
          height={HE}
          viewBox={`0 0 ${W} ${HE}`}
          role="img"
          aria-label={t('kernel.aria.err')}
        />
      </div>
      <p className="kernel-hover num" aria-live="polite">
        {hoverK !== null ? `k = ${hoverK}: ${hoverValues.join(' · ')}` : t('kernel.hoverHint')}
      </p>
      {!p.correction && <Warning>{words}</Warning>}
      <table className="compact kernel-table" data-testid="kernel-table">
        <thead>
          <tr>
            <th>{t('kernel.th.method')}</th>
            <th title={t('kernel.th.maxHelp')}>max|K − K_naive|</th>
            <th title={t('kernel.th.relHelp')}>{t('kernel.th.rel')}</th>
            <th title={t('kernel.th.msHelp')}>ms</th>
            <th className="note">{t('kernel.th.note')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.method}
              data-method={r.method}
              data-state={r.state}
              data-maxdiff={Number.isFinite(r.maxDiff) ? r.maxDiff : ''}
              className={`row-${r.state}`}
            >
              <td title={t(`kernel.method.${r.method}`)}>
                <i className="swatch" style={{ background: `var(--${r.method})` }} />
                {r.method === 'generating' ? t('kernel.short.generating') : METHOD_SHORT[r.method]}
              </td>
              <td className="num">{stateText(r, t)}</td>
              <td className="num">
                {r.state === 'ok' && r.method !== 'naive' ? fmt(r.relDiff, 2) : ''}
              </td>
              <td className="num">{r.state === 'unavailable' ? '' : msText(r.ms)}</td>
              <td className="note">{r.state === 'computing' ? '' : t(r.note.key, r.note.vars)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="readouts" aria-live="polite">
        <span>
          N = <b className="num">{n}</b>
        </span>
        <span>
          L = <b className="num">{p.L}</b>
        </span>
        <span>
          Δ = <b className="num">{fmt(p.dt, 3)}</b> {t('kernel.bilinear')}
        </span>
        <span title={t('kernel.kmaxHelp')}>
          max|K| ={' '}
          <b className="num" data-readout="kmax" data-value={Number.isFinite(kmax) ? kmax : ''}>
            {Number.isFinite(kmax) ? fmt(kmax, 4) : '—'}
          </b>
        </span>
        <span title={t('kernel.wrapHelp')}>
          ‖CĀ^L‖ ={' '}
          <b className="num" data-readout="wrap" data-value={Number.isFinite(wrap) ? wrap : ''}>
            {Number.isFinite(wrap) ? fmt(wrap, 3) : '…'}
          </b>
        </span>
        {pending > 0 && (
          <span className="pending" title={t('kernel.pendingHelp')}>
            {t('kernel.pending', { n: pending })}
          </span>
        )}
      </div>
      {p.correction && words && <p className="kernel-note">{words}</p>}
      <Equation tex={eq} />
    </>
  );
}

type Sel = ReturnType<typeof group>;

/** The plot group inside an <svg>, created once, offset by the kernel panel's margins. */
function group(svg: SVGSVGElement) {
  const sel = select(svg);
  let g = sel.select<SVGGElement>('g.plot-root');
  if (g.empty()) g = sel.append('g').attr('class', 'plot-root');
  return g.attr('transform', `translate(${KM.left},${KM.top})`);
}

function clip(g: Sel, id: string, w: number, h: number): void {
  g.selectAll('clipPath')
    .data([null])
    .join('clipPath')
    .attr('id', id)
    .selectAll('rect')
    .data([null])
    .join('rect')
    .attr('y', -2)
    .attr('width', w)
    .attr('height', h + 4);
}

function label(g: Sel, xl: string, yl: string, w: number, h: number): void {
  g.selectAll('text.x-label')
    .data([xl])
    .join('text')
    .attr('class', 'x-label')
    .attr('x', w)
    .attr('y', h + 30)
    .attr('text-anchor', 'end')
    .text((d) => d);
  g.selectAll('text.y-label')
    .data([yl])
    .join('text')
    .attr('class', 'y-label')
    .attr('transform', `translate(${-46},0) rotate(-90)`)
    .attr('text-anchor', 'end')
    .text((d) => d);
}

function cursor(
  body: Selection<SVGGElement, null, SVGGElement, unknown>,
  k: number | null,
  x: ScaleLinear<number, number>,
  h: number,
): void {
  body
    .selectAll('line.cursor')
    .data(k === null ? [] : [k])
    .join('line')
    .attr('class', 'cursor')
    .attr('x1', (d) => x(d))
    .attr('x2', (d) => x(d))
    .attr('y1', 0)
    .attr('y2', h);
}

function hover(
  g: Sel,
  w: number,
  h: number,
  x: ScaleLinear<number, number>,
  L: number,
  set: (k: number | null) => void,
): void {
  const overlay = g
    .selectAll<SVGRectElement, null>('rect.overlay')
    .data([null])
    .join('rect')
    .attr('class', 'overlay')
    .attr('width', w)
    .attr('height', h)
    .attr('fill', 'transparent');
  overlay
    .on('pointermove', (ev: PointerEvent) => {
      const [px] = pointer(ev, g.node());
      set(Math.max(0, Math.min(L - 1, Math.round(x.invert(px)))));
    })
    .on('pointerleave', () => set(null));
}

/**
 * The panel: title and caption here, everything else inside the panel's error boundary, so that
 * a failure in this panel's drawing leaves the rest of the lab working.
 */
export function KernelPanel() {
  const disc = useParam('disc');
  const t = useT();
  const nonBilinear = disc !== 'bilinear';
  return (
    <Panel
      id="kernel"
      title={t('kernel.title')}
      caption={t(nonBilinear ? 'kernel.caption.other' : 'kernel.caption', {
        disc: t(`option.disc.${disc}`),
      })}
    >
      <KernelBody />
    </Panel>
  );
}
