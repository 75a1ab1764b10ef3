/**
 * Basis & projection [basis]: at the cursor, the N basis functions of the current measure scaled
 * by the current coefficients, x_n φ_n(s), over the memory window, and their sum — the signal
 * panel's reconstruction. All N terms are drawn on a canvas (faint, the strongest few
 * emphasised and labelled), the sum, the input and the hovered term in SVG. Below: the coefficients x_n as bars, and the error of the truncated
 * sums (first m terms) against m on a log axis. Hovering a term or a bar sets ui.hoverBasis.
 */
import { pointer, scaleLinear, scaleLog, select } from 'd3';
import { axisBottom, axisLeft } from '../axis';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { signalOf, statesOf } from '../../state/derived';
import { useT } from '../../state/i18n';
import { lab, setUi, useParams, useUi } from '../../state/store';
import {
  cachedAxis,
  child,
  extent,
  M,
  plotGroup,
  polyline,
  scaleKey,
  setIfChanged,
  useWidth,
  type G,
} from '../chart';
import { Equation, fmt, Panel, Readouts, tex, Warning } from '../Panel';
import { basisTable } from './basis.export';
import { TermsPainter } from './termsCanvas';
import {
  blowUpWarning,
  basisGrid,
  maxAbsFinite,
  basisTerms,
  gridSize,
  nearestTerm,
  spreadLabels,
  strongest,
  termRange,
  truncationIsExact,
  windowGrid,
  windowStart,
  windowView,
} from './basis.model';
import './basis.css';
import { superscriptDigits } from '../superscript';

const MAIN_H = 250;
const SMALL_H = 150;
const SM = { top: 8, right: 10, bottom: 34, left: 48 };
const STRONG = 4;

const PHI_TEX: Record<string, string> = {
  legs: '\\phi_n(s)=\\sqrt{2n+1}\\,P_n(2s-1)',
  legsblog: '\\phi_n(s)=\\sqrt{\\tfrac{2n+1}{2}}\\,P_n(2s-1)',
  legt: '\\phi_n(s)=\\sqrt{2n+1}\\,P_n(2s-1)',
  legtblog: '\\phi_n(s)=\\sqrt{\\tfrac{2n+1}{2}}\\,P_n(2s-1)',
  lmu: '\\phi_n(s)=P_n(1-2s)',
  lagt: '\\phi_n(a)=L_n(a),\\ a=t-\\tau',
  fout: '\\phi=(1,\\,0,\\,\\sqrt2\\cos 2\\pi s,\\,-\\sqrt2\\sin 2\\pi s,\\,\\dots)',
};

/** Changes when the colour theme does (data-theme on <html> or <body>). */
function useThemeKey(): string {
  const read = () =>
    `${document.documentElement.dataset.theme ?? ''}|${document.body?.dataset.theme ?? ''}`;
  const [key, setKey] = useState(read);
  useEffect(() => {
    const mo = new MutationObserver(() => setKey(read()));
    mo.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    if (document.body)
      mo.observe(document.body, { attributes: true, attributeFilter: ['data-theme'] });
    return () => mo.disconnect();
  }, []);
  return key;
}

/** 10^e as "10⁻⁵" (tick labels of the log axis). */
function pow10(v: number): string {
  const e = Math.round(Math.log10(v));
  return `10${superscriptDigits(String(e))}`;
}

/** Sets the shared hovered basis index, only when it changes. */
function hoverBasis(n: number | null): void {
  if (lab.getState().ui.hoverBasis !== n) setUi({ hoverBasis: n });
}

function smallGroup(svg: SVGSVGElement): G {
  const root = select(svg);
  let g = root.select<SVGGElement>('g.plot-root');
  if (g.empty()) g = root.append('g').attr('class', 'plot-root');
  return (g as unknown as G).attr('transform', `translate(${SM.left},${SM.top})`);
}

export function BasisPanel() {
  const p = useParams((q) => ({
    measure: q.measure,
    N: q.N,
    theta: q.theta,
    dt: q.dt,
    disc: q.disc,
    L: q.L,
    signal: q.signal,
    seed: q.seed,
    drawn: q.drawn,
    normalization: q.normalization,
    cursor: q.cursor,
  }));
  const hover = useUi((s) => s.hoverBasis);
  const t = useT();
  const u = signalOf(p.signal, p.L, p.seed, p.drawn);
  const st = statesOf(p.measure, p.N, p.theta, p.normalization, p.dt, p.disc, u);
  const N = st.N;
  const k = Math.min(p.L - 1, Math.max(0, Math.round(p.cursor * (p.L - 1))));
  // The basis on the signal panel's grid is cached: it moves with the cursor only for LagT.
  const tCur = (k + 1) * p.dt;
  const wStart = windowStart(p.measure, tCur, p.theta);
  const lagt = p.measure === 'lagt';
  const gStart = lagt ? wStart : 0;
  const gEnd = lagt ? tCur : 1;
  const wgrid = useMemo(
    () => windowGrid(p.measure, N, p.normalization, gStart, gEnd),
    [p.measure, N, p.normalization, gStart, gEnd],
  );
  // LegS is step-size free: in units of Δ its window, states and terms do not depend on Δ, so
  // moving Δ only relabels the time axis (nothing else is recomputed or redrawn).
  const viewDt = p.measure === 'legs' ? 1 : p.dt;
  const unit = p.dt / viewDt;
  const view = useMemo(
    () => windowView(p.measure, p.theta, viewDt, u, st.X, N, k, wgrid),
    [p.measure, p.theta, viewDt, u, st, N, k, wgrid],
  );
  const span = p.measure === 'lagt' ? view.end - view.start : 0;
  const G0 = gridSize(N);
  const grid = useMemo(
    () => basisGrid(p.measure, N, p.normalization, G0, span),
    [p.measure, N, p.normalization, G0, span],
  );
  const terms = useMemo(() => basisTerms(grid, view.coeffs), [grid, view]);
  const errs = view.errs;
  const top = useMemo(() => strongest(terms.rms, Math.min(STRONG, N)), [terms, N]);
  const empty = !!st.warning;
  const uMax = useMemo(() => maxAbsFinite(u), [u]);
  const huge = useMemo(
    () => (empty ? null : blowUpWarning(view.coeffs, uMax, st.method)),
    [empty, view, uMax, st.method],
  );
  const hn = hover !== null && hover < N ? hover : null;

  const boxRef = useRef<HTMLDivElement>(null);
  const W = useWidth(boxRef);
  const svgRef = useRef<SVGSVGElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  // The canvas of all terms and what paints it; if its worker fails, a new canvas is drawn here.
  const painter = useRef<TermsPainter | null>(null);
  const [canvasKey, setCanvasKey] = useState(0);
  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const p = TermsPainter.of(canvas, canvasKey === 0, () => setCanvasKey((k) => k + 1));
    painter.current = p;
    canvas.dataset.painter = p.offMainThread ? 'worker' : 'page';
    return () => {
      painter.current = null;
      p.release();
    };
  }, [canvasKey]);
  const barsRef = useRef<SVGSVGElement>(null);
  const errRef = useRef<SVGSVGElement>(null);
  const side = W >= 520;
  const sw = side ? Math.floor((W - 14) / 2) : W;

  // The measure's colour for the canvas, read once per measure (and theme), not per frame:
  // getComputedStyle forces a style recalculation.
  const themeKey = useThemeKey();
  const termColour = useMemo(
    () =>
      getComputedStyle(document.documentElement).getPropertyValue(`--${p.measure}`).trim() ||
      '#e69f00',
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [p.measure, themeKey],
  );

  const plotBox = useMemo(
    () => ({ innerW: W - M.left - M.right, innerH: MAIN_H - M.top - M.bottom }),
    [W],
  );
  // Scales, shared by the drawing and the hover effects.
  const main = useMemo(() => {
    const { innerW, innerH } = plotBox;
    const { G } = grid;
    const x = scaleLinear().domain([view.start, view.end]).range([0, innerW]);
    const topRanges = top.map((n) => termRange(grid, view.coeffs, n));
    const y = scaleLinear()
      .domain(empty ? [-1, 1] : extent(terms.sum, view.truth, ...topRanges))
      .range([innerH, 0])
      .nice();
    const tau = (j: number) => view.start + grid.s[j]! * (view.end - view.start);
    const termPath = (n: number) =>
      polyline(
        G,
        (j) => x(tau(j)),
        (j) => y(view.coeffs[n]! * grid.phi[n * G + j]!),
      );
    return { innerW, innerH, x, y, tau, termPath };
  }, [plotBox, grid, view, terms, top, empty]);

  // The main plot's fixed parts (label, clip, layers, pointer overlay), once per size and state.
  useLayoutEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const { innerW, innerH } = plotBox;
    const g = plotGroup(svg);
    g.selectAll<SVGTextElement, null>('text.y-label')
      .data([null])
      .join('text')
      .attr('class', 'y-label')
      .attr('transform', 'translate(-38,0) rotate(-90)')
      .attr('text-anchor', 'end')
      .text('x_n φ_n');
    g.selectAll<SVGClipPathElement, null>('clipPath')
      .data([null])
      .join('clipPath')
      .attr('id', 'basis-clip')
      .selectAll('rect')
      .data([null])
      .join('rect')
      .attr('width', innerW)
      .attr('height', innerH);
    g.selectAll<SVGTextElement, null>('text.empty')
      .data(empty ? [null] : [])
      .join('text')
      .attr('class', 'empty')
      .attr('x', innerW / 2)
      .attr('y', innerH / 2)
      .attr('text-anchor', 'middle')
      .text(t('basis.empty'));
    g.selectAll<SVGGElement, null>('g.hover-layer')
      .data([null])
      .join('g')
      .attr('class', 'hover-layer')
      .attr('pointer-events', 'none');
    g.selectAll<SVGRectElement, null>('rect.overlay')
      .data([null])
      .join('rect')
      .attr('class', 'overlay')
      .attr('width', innerW)
      .attr('height', innerH)
      .attr('fill', 'transparent')
      .style('cursor', 'crosshair')
      .raise();
  }, [plotBox, empty, t]);

  // Main plot, every step: all terms (canvas), the strongest labelled, input, sum.
  const drawn = useRef({ main, grid, view, empty });
  useLayoutEffect(() => {
    drawn.current = { main, grid, view, empty };
    const svg = svgRef.current;
    if (!svg) return;
    const { innerW, innerH, x, y, tau } = main;
    const { G } = grid;
    const g = plotGroup(svg);
    cachedAxis(g, 'y-axis', scaleKey(y), null, (a) =>
      a.call(axisLeft(y).ticks(5).tickSizeOuter(0)),
    );

    // All N terms on the canvas (1:1 device pixels): faint, the strongest few emphasised. The
    // canvas is drawn by a worker where the browser can (termsCanvas.ts), from the grid it was
    // sent once and this step's coefficients.
    painter.current?.paint(G, grid.phi, {
      width: innerW,
      height: innerH,
      dpr: Math.min(3, window.devicePixelRatio || 1),
      colour: termColour,
      alpha: N > 96 ? 0.18 : 0.3,
      coeffs: empty ? new Float64Array(0) : view.coeffs,
      ya: y(1) - y(0),
      yb: y(0),
      strong: top,
    });

    const strongData = empty ? [] : top;
    const labelY = spreadLabels(
      strongData.map((n) => y(view.coeffs[n]! * grid.phi[n * G + G - 1]!)),
      11,
      0,
      innerH,
    );
    g.selectAll<SVGTextElement, number>('text.term-label')
      .data(strongData, (n) => String(n))
      .join('text')
      .attr('class', 'term-label')
      .attr('x', innerW + 3)
      .attr('y', (_, i) => labelY[i]!)
      .attr('dy', '0.32em')
      .style('fill', `var(--${p.measure})`)
      .text((n) => `${n}`);
    // Static attributes once, the rest only when changed.
    if (empty) g.selectAll('path.truth, path.sum').remove();
    else {
      const truth = child<SVGPathElement>(g, 'path', 'truth', {
        fill: 'none',
        style: 'stroke: var(--signal)',
        'stroke-width': 1.1,
        'stroke-dasharray': '4 3',
      });
      const { times, truth: uAt } = view;
      setIfChanged(
        truth,
        'd',
        polyline(
          uAt.length,
          (j) => x(times[j]!),
          (j) => y(uAt[j]!),
        ),
      );
      const sum = child<SVGPathElement>(g, 'path', 'sum', {
        'clip-path': 'url(#basis-clip)',
        fill: 'none',
        style: 'stroke: var(--recon)',
        'stroke-width': 2.6,
        'stroke-opacity': 0.9,
      });
      const total = terms.sum;
      setIfChanged(
        sum,
        'd',
        polyline(
          total.length,
          (j) => x(tau(j)),
          (j) => y(total[j]!),
        ),
      );
    }
    // Keep the hover layer and the pointer overlay above the curves.
    const hoverLayer = g.select<SVGGElement>('g.hover-layer').node();
    const overlay = g.select<SVGRectElement>('rect.overlay').node();
    const plot = g.node()!;
    if (hoverLayer && overlay && plot.lastChild !== overlay) {
      plot.append(hoverLayer);
      plot.append(overlay);
    }
  }, [main, grid, terms, top, view, empty, N, p.measure, termColour, canvasKey]);

  // Hovering the main plot picks the nearest term (of the step drawn last).
  useEffect(() => {
    const node = svgRef.current?.querySelector<SVGRectElement>('rect.overlay');
    if (!node) return;
    const move = (ev: PointerEvent) => {
      const { main, grid, view, empty } = drawn.current;
      if (empty) return;
      const [px, py] = pointer(ev, node.parentNode);
      const j = Math.round((px / main.innerW) * (grid.G - 1));
      hoverBasis(nearestTerm(grid, view.coeffs, j, main.y.invert(py)));
    };
    const leave = () => hoverBasis(null);
    node.addEventListener('pointermove', move);
    node.addEventListener('pointerleave', leave);
    return () => {
      node.removeEventListener('pointermove', move);
      node.removeEventListener('pointerleave', leave);
    };
  }, [plotBox]);

  // The time axis, in time units (view units × unit).
  useLayoutEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const { innerW, innerH, x } = main;
    const g = plotGroup(svg);
    const [t0, t1] = [view.start * unit, view.end * unit];
    const xt = x.copy().domain([t0, t1]);
    const xLabel =
      p.measure === 'lagt'
        ? t('basis.axis.lagt')
        : t('basis.axis.window', { a: fmt(Math.max(0, t0), 3), b: fmt(t1, 3) });
    cachedAxis(g, 'x-axis', scaleKey(xt), `translate(0,${innerH})`, (a) =>
      a.call(axisBottom(xt).ticks(6).tickSizeOuter(0)),
    );
    g.selectAll<SVGTextElement, string>('text.x-label')
      .data([xLabel])
      .join('text')
      .attr('class', 'x-label')
      .attr('x', innerW)
      .attr('y', innerH + 30)
      .attr('text-anchor', 'end')
      .text((d) => d);
  }, [main, view, unit, p.measure, t]);

  // The hovered term, in ink, with its coefficient.
  useLayoutEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const layer = select(svg).select<SVGGElement>('g.hover-layer');
    const data = empty || hn === null ? [] : [hn];
    layer
      .selectAll<SVGPathElement, number>('path.hovered')
      .data(data)
      .join('path')
      .attr('class', 'hovered')
      .attr('clip-path', 'url(#basis-clip)')
      .attr('fill', 'none')
      .style('stroke', 'var(--ink)')
      .attr('stroke-width', 2.2)
      .attr('d', main.termPath);
    layer
      .selectAll<SVGTextElement, number>('text.hovered-label')
      .data(data)
      .join('text')
      .attr('class', 'hovered-label')
      .attr('x', 6)
      .attr('y', 12)
      .style('fill', 'var(--ink)')
      .text((n) => `x_${n} φ_${n}(s),  x_${n} = ${fmt(view.coeffs[n]!, 4)}`);
  }, [main, view, hn, empty]);

  // Coefficient bars x_n.
  // The bar chart of x_n: what follows N and the width, and what follows every step.
  const bars = useMemo(() => {
    const innerW = sw - SM.left - SM.right;
    const innerH = SMALL_H - SM.top - SM.bottom;
    const x = scaleLinear().domain([0, N]).range([0, innerW]);
    const bw = Math.max(0.5, innerW / N - (N <= 64 ? 1 : 0));
    return { innerW, innerH, x, bw };
  }, [sw, N]);
  const barsY = useMemo(() => {
    let m = 0;
    for (let n = 0; n < N; n++) m = Math.max(m, Math.abs(view.coeffs[n]!) || 0);
    if (!(m > 0)) m = 1;
    return scaleLinear().domain([-m, m]).range([bars.innerH, 0]).nice();
  }, [bars, N, view]);
  useLayoutEffect(() => {
    const svg = barsRef.current;
    if (!svg) return;
    const { innerW, innerH, x } = bars;
    const g = smallGroup(svg);
    cachedAxis(g, 'x-axis', scaleKey(x), `translate(0,${innerH})`, (a) =>
      a.call(
        axisBottom(x)
          .ticks(Math.min(N, 6))
          .tickFormat((d) => String(d))
          .tickSizeOuter(0),
      ),
    );
    g.selectAll<SVGTextElement, null>('text.x-label')
      .data([null])
      .join('text')
      .attr('class', 'x-label')
      .attr('x', innerW)
      .attr('y', innerH + 30)
      .attr('text-anchor', 'end')
      .text(t('panel.axis.index'));
    g.selectAll<SVGTextElement, null>('text.y-label')
      .data([null])
      .join('text')
      .attr('class', 'y-label')
      .attr('transform', `translate(${-38},0) rotate(-90)`)
      .attr('text-anchor', 'end')
      .text('x_n');
    // Drawn every step (below), placed here under the overlay that takes the pointer.
    child(g as unknown as G, 'g', 'y-axis', { class: 'axis y-axis' });
    child(g as unknown as G, 'line', 'zero');
    child(g as unknown as G, 'g', 'bars');
    const overlay = g
      .selectAll<SVGRectElement, null>('rect.overlay')
      .data([null])
      .join('rect')
      .attr('class', 'overlay')
      .attr('width', innerW)
      .attr('height', innerH)
      .attr('fill', 'transparent')
      .raise();
    const node = overlay.node()!;
    const move = (ev: PointerEvent) => {
      if (empty) return;
      const [px] = pointer(ev, g.node());
      hoverBasis(Math.min(N - 1, Math.max(0, Math.floor(x.invert(px)))));
    };
    const leave = () => hoverBasis(null);
    node.addEventListener('pointermove', move);
    node.addEventListener('pointerleave', leave);
    return () => {
      node.removeEventListener('pointermove', move);
      node.removeEventListener('pointerleave', leave);
    };
  }, [bars, N, empty, t]);
  // Every step of playback: only what changed is written (an attribute written, even unchanged,
  // re-resolves the bar's style).
  useLayoutEffect(() => {
    const svg = barsRef.current;
    if (!svg) return;
    const { innerW, x, bw } = bars;
    const y = barsY;
    const g = select(svg).select<SVGGElement>('g.plot-root');
    cachedAxis(g, 'y-axis', scaleKey(y), null, (a) =>
      a.call(axisLeft(y).ticks(4).tickSizeOuter(0)),
    );
    g.selectAll<SVGLineElement, null>('line.zero')
      .data([null])
      .join('line')
      .attr('class', 'zero')
      .attr('x1', 0)
      .attr('x2', innerW)
      .attr('y1', y(0))
      .attr('y2', y(0))
      .style('stroke', 'var(--rule)');
    // The bars as two paths, x_n ≥ 0 and x_n < 0 (N rects re-laid-out and repainted every step
    // cost more than the rest of the chart); the hovered bar on top, at full strength.
    const gb = select(svg).select<SVGGElement>('g.bars');
    const shape: Record<'pos' | 'neg', string[]> = { pos: [], neg: [] };
    const y0 = y(0);
    const bar = (n: number) => {
      const yv = y(view.coeffs[n]!);
      return `M${x(n).toFixed(2)},${Math.min(y0, yv).toFixed(2)}h${bw.toFixed(2)}v${Math.abs(yv - y0).toFixed(2)}h${(-bw).toFixed(2)}Z`;
    };
    if (!empty)
      for (let n = 0; n < N; n++) shape[view.coeffs[n]! >= 0 ? 'pos' : 'neg'].push(bar(n));
    for (const sign of ['pos', 'neg'] as const) {
      const el = child<SVGPathElement>(gb as unknown as G, 'path', `bars-${sign}`, {
        style: `fill: var(--${sign})`,
      });
      setIfChanged(el, 'd', shape[sign].join(''));
      setIfChanged(el, 'opacity', hn === null ? '1' : '0.45');
    }
    gb.attr('data-count', empty ? 0 : N);
    gb.selectAll<SVGPathElement, number>('path.bar-on')
      .data(empty || hn === null ? [] : [hn])
      .join('path')
      .attr('class', 'bar-on')
      .attr('d', bar)
      .style('fill', (n) => (view.coeffs[n]! >= 0 ? 'var(--pos)' : 'var(--neg)'));
  }, [bars, barsY, view, N, hn, empty]);
  useLayoutEffect(() => {
    const svg = barsRef.current;
    if (!svg) return;
    const { x, innerH, bw } = bars;
    select(svg)
      .select<SVGGElement>('g.plot-root')
      .selectAll<SVGRectElement, number>('rect.bar-hover')
      .data(empty || hn === null ? [] : [hn])
      .join('rect')
      .attr('class', 'bar-hover')
      .attr('pointer-events', 'none')
      .attr('x', (n) => x(n) - 1.5)
      .attr('width', bw + 3)
      .attr('y', 0)
      .attr('height', innerH)
      .attr('fill', 'none')
      .style('stroke', 'var(--ink)');
  }, [bars, hn, empty]);

  // Error of the truncated sums against the number of terms m, log y.
  const err = useMemo(() => {
    let lo = Infinity;
    let hi = 0;
    for (let i = 0; i < errs.length; i++) {
      const e = errs[i]!;
      if (Number.isFinite(e) && e > 0) {
        lo = Math.min(lo, e);
        hi = Math.max(hi, e);
      }
    }
    const ok = !empty && hi > 0;
    const innerW = sw - SM.left - SM.right;
    const innerH = SMALL_H - SM.top - SM.bottom;
    const x = scaleLinear()
      .domain([1, Math.max(2, N)])
      .range([0, innerW]);
    const y = scaleLog()
      .domain(ok ? (lo === hi ? [lo / 10, hi * 10] : [lo, hi]) : [1e-6, 1])
      .range([innerH, 0])
      .nice()
      .clamp(true);
    return { ok, innerW, innerH, x, y };
  }, [errs, empty, sw, N]);
  const errOk = err.ok;
  useLayoutEffect(() => {
    const svg = errRef.current;
    if (!svg) return;
    const { ok, innerW, innerH, x, y } = err;
    const g = smallGroup(svg);
    cachedAxis(g, 'x-axis', scaleKey(x), `translate(0,${innerH})`, (a) =>
      a.call(
        axisBottom(x)
          .ticks(Math.min(N, 6))
          .tickFormat((d) => String(d))
          .tickSizeOuter(0),
      ),
    );
    const [d0, d1] = y.domain() as [number, number];
    const decades: number[] = [];
    for (let e = Math.ceil(Math.log10(d0) - 1e-9); e <= Math.floor(Math.log10(d1) + 1e-9); e++)
      decades.push(10 ** e);
    const every = Math.max(1, Math.ceil(decades.length / 5));
    cachedAxis(g, 'y-axis', scaleKey(y), null, (a) =>
      a.call(
        axisLeft(y)
          .tickValues(decades.filter((_, i) => i % every === 0))
          .tickFormat((v) => pow10(Number(v)))
          .tickSizeOuter(0),
      ),
    );
    g.selectAll<SVGTextElement, null>('text.x-label')
      .data([null])
      .join('text')
      .attr('class', 'x-label')
      .attr('x', innerW)
      .attr('y', innerH + 30)
      .attr('text-anchor', 'end')
      .text(t('basis.axis.terms'));
    g.selectAll<SVGTextElement, null>('text.y-label')
      .data([null])
      .join('text')
      .attr('class', 'y-label')
      .attr('transform', `translate(${-40},0) rotate(-90)`)
      .attr('text-anchor', 'end')
      .text(t('basis.axis.mse'));
    // The curve through the terms with a positive error (redrawn every step: polyline).
    const shown: number[] = [];
    if (ok)
      for (let i = 0; i < errs.length; i++) {
        const e = errs[i]!;
        if (Number.isFinite(e) && e > 0) shown.push(i);
      }
    g.selectAll<SVGPathElement, null>('path.err')
      .data(ok ? [null] : [])
      .join('path')
      .attr('class', 'err')
      .attr('fill', 'none')
      .style('stroke', 'var(--recon)')
      .attr('stroke-width', 1.8)
      .attr(
        'd',
        polyline(
          shown.length,
          (j) => x(shown[j]! + 1),
          (j) => y(errs[shown[j]!]!),
        ),
      );
    g.selectAll<SVGTextElement, null>('text.empty')
      .data(ok ? [] : [null])
      .join('text')
      .attr('class', 'empty')
      .attr('x', innerW / 2)
      .attr('y', innerH / 2)
      .attr('text-anchor', 'middle')
      .text(empty ? t('basis.noCoefficients') : t('basis.errorUndefined'));
    g.selectAll<SVGGElement, null>('g.marks')
      .data([null])
      .join('g')
      .attr('class', 'marks')
      .attr('pointer-events', 'none');
    const overlay = g
      .selectAll<SVGRectElement, null>('rect.overlay')
      .data([null])
      .join('rect')
      .attr('class', 'overlay')
      .attr('width', innerW)
      .attr('height', innerH)
      .attr('fill', 'transparent')
      .raise();
    const node = overlay.node()!;
    const move = (ev: PointerEvent) => {
      if (!ok) return;
      const [px] = pointer(ev, g.node());
      const m = Math.min(N, Math.max(1, Math.round(x.invert(px))));
      hoverBasis(m - 1);
    };
    const leave = () => hoverBasis(null);
    node.addEventListener('pointermove', move);
    node.addEventListener('pointerleave', leave);
    return () => {
      node.removeEventListener('pointermove', move);
      node.removeEventListener('pointerleave', leave);
    };
  }, [err, errs, empty, N, t]);
  useLayoutEffect(() => {
    const svg = errRef.current;
    if (!svg) return;
    const { ok, x, y } = err;
    const marks: { m: number; cls: string }[] = [];
    if (ok) marks.push({ m: N, cls: 'all' });
    if (ok && hn !== null && Number.isFinite(errs[hn]!) && errs[hn]! > 0)
      marks.push({ m: hn + 1, cls: 'hover' });
    select(svg)
      .select<SVGGElement>('g.marks')
      .selectAll<SVGCircleElement, { m: number; cls: string }>('circle.mark')
      .data(marks, (d) => d.cls)
      .join('circle')
      .attr('class', (d) => `mark ${d.cls}`)
      .attr('cx', (d) => x(d.m))
      .attr('cy', (d) => y(errs[d.m - 1]!))
      .attr('r', (d) => (d.cls === 'hover' ? 4.5 : 3.5))
      .style('fill', (d) => (d.cls === 'hover' ? 'var(--ink)' : 'var(--recon)'));
  }, [err, errs, hn, N]);

  const exact = truncationIsExact(p.measure);
  const sumNow = terms.sum[terms.sum.length - 1]!;
  const phiTex =
    PHI_TEX[p.normalization === 'blog' ? `${p.measure}blog` : p.measure] ?? PHI_TEX[p.measure]!;
  const nEq = hn ?? top[0] ?? 0;
  const eqTex =
    `\\hat u(s)=\\sum_{n=0}^{${N - 1}} x_n\\,\\phi_n(s),\\quad ${phiTex};\\quad ` +
    (empty
      ? ''
      : `x_{${nEq}}=${tex(view.coeffs[nEq]!, 4)},\\ \\hat u(\\text{now})=${tex(sumNow, 4)},\\ ` +
        `\\mathrm{MSE}_{${N}}=${tex(errs[N - 1]!, 3)}`);
  const ready = !empty && errOk;

  // The parts that do not follow the cursor are kept as elements: a re-render for a new step
  // (playback) then leaves them to React as they are.
  const legend = useMemo(
    () => (
      <div className="legend">
        <span>
          <i style={{ background: `var(--${p.measure})` }} />
          {t('basis.legend.terms', { N, strong: Math.min(STRONG, N) })}
        </span>
        <span>
          <i style={{ background: 'var(--recon)' }} />
          {t('basis.legend.sum')}
        </span>
        <span>
          <i className="basis-dash" />
          {t('signal.legend.input')}
        </span>
      </div>
    ),
    [p.measure, N, t],
  );
  const plot = useMemo(
    () => (
      <div className="plot basis-main" ref={boxRef}>
        <canvas
          key={canvasKey}
          ref={canvasRef}
          aria-hidden="true"
          style={{
            left: M.left,
            top: M.top,
            width: W - M.left - M.right,
            height: MAIN_H - M.top - M.bottom,
          }}
        />
        <svg
          ref={svgRef}
          width={W}
          height={MAIN_H}
          viewBox={`0 0 ${W} ${MAIN_H}`}
          role="img"
          aria-label={t('basis.aria.main')}
        />
      </div>
    ),
    [canvasKey, W, t],
  );
  const small = useMemo(
    () => (
      <div className={`basis-small ${side ? 'side' : 'stacked'}`}>
        <figure style={{ width: sw }}>
          <figcaption>{t('basis.fig.bars')}</figcaption>
          <svg
            ref={barsRef}
            width={sw}
            height={SMALL_H}
            viewBox={`0 0 ${sw} ${SMALL_H}`}
            role="img"
            aria-label={t('basis.aria.bars')}
            data-testid="basis-bars"
          />
        </figure>
        <figure style={{ width: sw }}>
          <figcaption>{t('basis.fig.error')}</figcaption>
          <svg
            ref={errRef}
            width={sw}
            height={SMALL_H}
            viewBox={`0 0 ${sw} ${SMALL_H}`}
            role="img"
            aria-label={t('basis.aria.error')}
            data-testid="basis-error"
          />
        </figure>
      </div>
    ),
    [side, sw, t],
  );
  const note = useMemo(
    () => (
      <p className="basis-note">
        {t('basis.note')}{' '}
        {exact
          ? t('basis.note.exact', { m: p.measure === 'legs' ? 'LegS' : 'LagT' })
          : t('basis.note.approx', {
              m: p.measure === 'legt' ? 'LegT' : p.measure === 'lmu' ? 'LMU' : 'FouT',
            })}
      </p>
    ),
    [exact, p.measure, t],
  );
  return (
    <Panel
      id="basis"
      csv={() => (empty ? null : basisTable(view.coeffs, terms.rms, errs, view.t * unit))}
      title={t('basis.title')}
      caption={t('basis.caption')}
    >
      {legend}
      {st.warning && <Warning>{t(st.warning.key, st.warning.vars)}</Warning>}
      {huge && <Warning>{t(huge.key, huge.vars)}</Warning>}
      {plot}
      {small}
      {note}
      <Readouts
        items={[
          { label: 't =', value: fmt(view.t * unit, 4) },
          { label: 'N =', value: String(N) },
          {
            label: t('basis.readout.sum'),
            value: empty ? '—' : fmt(sumNow, 4),
            title: t('basis.readout.sumHelp'),
          },
          {
            label: t('basis.readout.mse'),
            value: ready ? fmt(errs[N - 1]!, 3) : '—',
            title: t('basis.readout.mseHelp'),
          },
          // Always present (— when nothing is hovered), so that hovering never shifts the layout.
          {
            label: t('panel.hovered'),
            value: hn !== null && !empty ? `x_${hn} = ${fmt(view.coeffs[hn]!, 4)}` : '—',
            title: t('basis.readout.hoverHelp'),
          },
          {
            label: t('basis.readout.mseFirst'),
            value: hn !== null && !empty ? fmt(errs[hn]!, 3) : '—',
            title: t('basis.readout.mseFirstHelp'),
          },
        ]}
      />
      <Equation tex={eqTex} />
      <div hidden>
        <data data-readout="t" value={String(view.t * unit)} />
        <data data-readout="N" value={String(N)} />
        <data data-readout="sum-now" value={empty ? '' : String(sumNow)} />
        <data data-readout="mse" value={ready ? String(errs[N - 1]) : ''} />
        <data data-readout="hover" value={hn === null ? '' : String(hn)} />
        <data data-readout="x-hover" value={hn === null || empty ? '' : String(view.coeffs[hn])} />
        <data data-readout="mse-hover" value={hn === null || empty ? '' : String(errs[hn])} />
      </div>
    </Panel>
  );
}
