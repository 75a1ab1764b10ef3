/**
 * Coefficients over time [coefficients]: the HiPPO states x(t) as heatmaps (rows n, columns t),
 * LegS and LegT side by side for the current N, θ, Δ, discretisation and signal, whatever the
 * selected measure. Canvas pixels (one decimated state row per pixel column), a diverging scale
 * centred on 0 with a robust range (99th percentile of |x|), the time cursor (click or drag to
 * move it), and the shared hovered basis index (ui.hoverBasis) as a highlighted row.
 */
import { line, pointer, scaleLinear, select } from 'd3';
import { axisBottom, axisLeft } from '../axis';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { Normalization } from '../../core/index';
import { signalOf, type Disc, type States } from '../../state/derived';
import { useT } from '../../state/i18n';
import {
  deferredVersion,
  memoryStatesOf,
  subscribeDeferred,
  type Deferred,
} from '../../state/derived.memory';
import { memo } from '../../state/memo';
import { lab, setParams, setUi, useParams, useUi } from '../../state/store';
import { cachedAxis, drawAxes, extent, M, plotGroup, scaleKey, useWidth } from '../chart';
import { Equation, fmt, Panel, Readouts, tex, Warning } from '../Panel';
import { coefficientsTable } from './coefficients.export';
import {
  cursorOfRow,
  decimateStates,
  divergingLut,
  heatmapPixels,
  linearPosition,
  logPosition,
  robustMax,
  rowAtTime,
  rowOfCursor,
  stateAt,
  timeOfRow,
} from './coefficients.model';
import { blowUpWarning, maxAbsFinite } from '../basis/basis.model';
import './coefficients.css';

const HM = { top: 26, right: 8, bottom: 36, left: 40 };
const HEAT_H = 200;
const LINE_H = 150;
/** Decades shown by the log colour scale. */
const LOG_DECADES = 4;
type Scale = 'linear' | 'log';

type Which = 'legs' | 'legt';
/** The blow-up check scans all L·N states: once per result, not per render. */
/**
 * The coefficient trajectories x_n(t) of LegS and LegT and their scales, in row units (t / Δ):
 * they do not move when only Δ does (the axis is relabelled instead).
 */
const trajectoriesOf = memo(
  (
    legsDone: States | undefined,
    legtDone: States | undefined,
    nShow: number,
    W: number,
    L: number,
    N: number,
  ) => {
    const innerW = W - M.left - M.right;
    const innerH = LINE_H - M.top - M.bottom;
    const x = scaleLinear().domain([0, L]).range([0, innerW]);
    // About one point per pixel column.
    const step = Math.max(1, Math.floor(L / innerW));
    const series = (['legs', 'legt'] as const).flatMap((which) => {
      const v = which === 'legs' ? legsDone : legtDone;
      if (!v || v.warning || v.N !== N || v.L !== L || nShow >= v.N) return [];
      const pts: [number, number][] = [];
      for (let kk = 0; kk < L; kk += step) pts.push([kk + 1, v.X[kk * v.N + nShow]!]);
      return [{ which, pts }];
    });
    const y = scaleLinear()
      .domain(extent(...series.map((sr) => sr.pts.map((q) => q[1]))))
      .range([innerH, 0])
      .nice();
    return { innerW, innerH, x, y, series };
  },
);

const legsHugeOf = memo(blowUpWarning);
const legtHugeOf = memo(blowUpWarning);
const LABEL: Record<Which, string> = { legs: 'LegS', legt: 'LegT' };

/** Changes when the colour theme does (data-theme on <html> or <body>), to redraw canvases. */
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

/** Diverging colour table from the theme's --neg, --panel and --pos. */
function themeLut(el: Element | null): Uint8ClampedArray {
  const cs = el ? getComputedStyle(el) : null;
  const v = (name: string, fallback: string) => cs?.getPropertyValue(name).trim() || fallback;
  return divergingLut(v('--neg', '#2166ac'), v('--panel', '#ffffff'), v('--pos', '#b2182b'));
}

let scratch: HTMLCanvasElement | null = null;

/**
 * Paints an RGBA image of one pixel per entry (cols × rows) onto `canvas`, sized cssW × cssH CSS
 * pixels at the device pixel ratio: crisp cells when enlarging, area-smoothed (the browser's
 * high-quality downscale) when there are more entries than device pixels, so that fine
 * structure averages out instead of aliasing into moiré.
 */
export function paintHeatmap(
  canvas: HTMLCanvasElement,
  px: Uint8ClampedArray,
  cols: number,
  rows: number,
  cssW: number,
  cssH: number,
  dpr: number,
): void {
  const pw = Math.max(1, Math.round(cssW * dpr));
  const ph = Math.max(1, Math.round(cssH * dpr));
  if (canvas.width !== pw) canvas.width = pw;
  if (canvas.height !== ph) canvas.height = ph;
  const ctx = canvas.getContext('2d');
  scratch ??= document.createElement('canvas');
  if (scratch.width !== cols) scratch.width = cols;
  if (scratch.height !== rows) scratch.height = rows;
  const sctx = scratch.getContext('2d');
  if (!ctx || !sctx) return;
  const img = sctx.createImageData(cols, rows);
  img.data.set(px);
  sctx.putImageData(img, 0, 0);
  ctx.clearRect(0, 0, pw, ph);
  ctx.imageSmoothingEnabled = cols > pw || rows > ph;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(scratch, 0, 0, pw, ph);
}

interface Hover {
  which: Which;
  n: number;
  k: number;
  value: number;
}

function Heatmap(props: {
  which: Which;
  job: Deferred<States>;
  N: number;
  L: number;
  dt: number;
  theta: number;
  k: number;
  hoverN: number | null;
  width: number;
  scale: Scale;
  themeKey: string;
  onHover: (h: Hover | null) => void;
}) {
  const { which, job, N, L, dt, theta, k, hoverN, width, scale, themeKey, onHover } = props;
  const tr = useT();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const w = Math.max(40, Math.floor(width - HM.left - HM.right));
  const h = HEAT_H;
  const st = job.value;
  // A stale result is shown (dimmed) only if it has the current shape.
  const usable = st && st.N === N && st.L === L && !st.warning ? st : undefined;
  const dpr = typeof window !== 'undefined' ? Math.min(3, window.devicePixelRatio || 1) : 1;

  const image = useMemo(() => {
    if (!usable) return null;
    const dec = decimateStates(usable.X, usable.L, usable.N, w);
    const vmax = robustMax(dec.D);
    const lut = themeLut(document.documentElement);
    const position =
      scale === 'log'
        ? (v: number) => logPosition(v, vmax, LOG_DECADES)
        : (v: number) => linearPosition(v, vmax);
    // One pixel per entry (cols × N); paintHeatmap scales it to the canvas.
    const px = heatmapPixels(dec.D, dec.rows, dec.cols, dec.cols, dec.rows, lut, position);
    return { px, cols: dec.cols, rows: dec.rows, vmax };
    // themeKey: recolour when the theme changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [usable, w, scale, themeKey]);

  useLayoutEffect(() => {
    const c = canvasRef.current;
    if (!c) return;
    const ctx = c.getContext('2d');
    if (!ctx) return;
    if (!image) {
      ctx.clearRect(0, 0, c.width, c.height);
      return;
    }
    paintHeatmap(c, image.px, image.cols, image.rows, w, h, dpr);
  }, [image, w, h, dpr]);

  const T = L * dt;
  useLayoutEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const x = scaleLinear().domain([0, T]).range([0, w]);
    const y = scaleLinear()
      .domain([-0.5, N - 0.5])
      .range([0, h]);
    const root = select(svg);
    const g = root
      .selectAll<SVGGElement, null>('g.hm-root')
      .data([null])
      .join('g')
      .attr('class', 'hm-root')
      .attr('transform', `translate(${HM.left},${HM.top})`);
    cachedAxis(g, 'x-axis', scaleKey(x), `translate(0,${h})`, (a) =>
      a.call(
        axisBottom(x)
          .ticks(Math.max(2, Math.floor(w / 70)))
          .tickSizeOuter(0),
      ),
    );
    cachedAxis(g, 'y-axis', scaleKey(y), null, (a) =>
      a.call(
        axisLeft(y)
          .ticks(Math.min(N, 6))
          .tickFormat((d) => String(d))
          .tickSizeOuter(0),
      ),
    );
    g.selectAll<SVGTextElement, null>('text.x-label')
      .data([null])
      .join('text')
      .attr('class', 'x-label')
      .attr('x', w)
      .attr('y', h + 31)
      .attr('text-anchor', 'end')
      .text(tr('panel.axis.time', { dt: fmt(dt, 3) }));
    g.selectAll<SVGTextElement, null>('text.y-label')
      .data([null])
      .join('text')
      .attr('class', 'y-label')
      .attr('transform', `translate(${-30},${h}) rotate(-90)`)
      .attr('text-anchor', 'start')
      .text(tr('panel.axis.index'));
    // Title and colour range.
    g.selectAll<SVGTextElement, null>('text.hm-title')
      .data([null])
      .join('text')
      .attr('class', 'hm-title')
      .attr('x', 0)
      .attr('y', -12)
      .style('fill', `var(--${which})`)
      .text(which === 'legs' ? tr('coef.hm.legs') : tr('coef.hm.legt', { theta: fmt(theta, 3) }));
    g.selectAll<SVGTextElement, null>('text.hm-range')
      .data([null])
      .join('text')
      .attr('class', 'hm-range num')
      .attr('x', w)
      .attr('y', -12)
      .attr('text-anchor', 'end')
      .text(image ? `r = ${fmt(image.vmax, 3)}` : '');
    const overlay = g
      .selectAll<SVGRectElement, null>('rect.overlay')
      .data([null])
      .join('rect')
      .attr('class', 'overlay')
      .attr('width', w)
      .attr('height', h)
      .attr('fill', 'transparent')
      .style('cursor', 'ew-resize')
      .style('touch-action', 'none');
    const node = overlay.node()!;
    const at = (ev: PointerEvent) => {
      const [px, py] = pointer(ev, g.node());
      const kk = rowAtTime(x.invert(Math.min(w, Math.max(0, px))), dt, L);
      const n = Math.min(N - 1, Math.max(0, Math.floor((py / h) * N)));
      return { kk, n };
    };
    const move = (ev: PointerEvent) => {
      const { kk, n } = at(ev);
      if (node.hasPointerCapture(ev.pointerId)) setParams({ cursor: cursorOfRow(kk, L) });
      const value = usable ? stateAt(usable.X, N, kk, n) : NaN;
      onHover({ which, n, k: kk, value });
      if (lab.getState().ui.hoverBasis !== n) setUi({ hoverBasis: n });
    };
    const down = (ev: PointerEvent) => {
      node.setPointerCapture(ev.pointerId);
      move(ev);
    };
    const leave = () => {
      onHover(null);
      setUi({ hoverBasis: null });
    };
    node.addEventListener('pointerdown', down);
    node.addEventListener('pointermove', move);
    node.addEventListener('pointerleave', leave);
    return () => {
      node.removeEventListener('pointerdown', down);
      node.removeEventListener('pointermove', move);
      node.removeEventListener('pointerleave', leave);
    };
  }, [which, usable, image, N, L, dt, theta, T, w, h, onHover, tr]);

  // What moves with the cursor and the hover: the window bar, the cursor line, the row outline.
  useLayoutEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const x = scaleLinear().domain([0, T]).range([0, w]);
    const g = select(svg).select<SVGGElement>('g.hm-root');
    const marks = g
      .selectAll<SVGGElement, null>('g.hm-marks')
      .data([null])
      .join('g')
      .attr('class', 'hm-marks')
      .attr('pointer-events', 'none');
    // The memory window at the cursor, as a bar just above the heatmap.
    const t = timeOfRow(k, dt);
    const start = which === 'legs' ? 0 : Math.max(0, t - theta);
    marks
      .selectAll<SVGRectElement, null>('rect.hm-window')
      .data([null])
      .join('rect')
      .attr('class', 'hm-window')
      .attr('x', x(start))
      .attr('width', Math.max(1, x(Math.min(T, t)) - x(start)))
      .attr('y', -6)
      .attr('height', 4)
      .attr('rx', 1)
      .attr('fill', `var(--${which})`);
    marks
      .selectAll<SVGLineElement, null>('line.cursor')
      .data([null])
      .join('line')
      .attr('class', 'cursor')
      .attr('x1', x(t))
      .attr('x2', x(t))
      .attr('y1', -6)
      .attr('y2', h)
      .attr('stroke', 'var(--ink)')
      .attr('stroke-dasharray', '3 3');
    // The hovered basis index (shared with the basis and matrices panels).
    const rowH = h / N;
    marks
      .selectAll<SVGRectElement, number>('rect.hover-row')
      .data(hoverN !== null && hoverN < N ? [hoverN] : [])
      .join('rect')
      .attr('class', 'hover-row')
      .attr('x', -0.5)
      .attr('width', w + 1)
      .attr('y', (n) => n * rowH - 1)
      .attr('height', Math.max(1, rowH) + 2)
      .attr('fill', 'none')
      .attr('stroke', 'var(--ink)')
      .attr('stroke-width', 1.5);
  }, [which, k, hoverN, theta, dt, T, N, w, h]);

  const pending = !job.ready;
  return (
    <div
      className="coef-heatmap"
      data-measure={which}
      data-ready={job.ready && !!usable ? 'true' : 'false'}
      data-vmax={image ? String(image.vmax) : ''}
      style={{ width }}
    >
      <canvas
        ref={canvasRef}
        className={pending ? 'stale' : ''}
        style={{ left: HM.left, top: HM.top, width: w, height: h }}
        aria-hidden="true"
      />
      <svg
        ref={svgRef}
        width={width}
        height={HM.top + h + HM.bottom}
        viewBox={`0 0 ${width} ${HM.top + h + HM.bottom}`}
        role="img"
        aria-label={tr('coef.aria.heatmap', { m: LABEL[which] })}
      />
      {(!usable || pending) && (
        <div
          className="coef-status"
          style={{ left: HM.left, top: HM.top, width: w, height: h }}
          role="status"
        >
          {st?.warning && job.ready ? (
            <span className="coef-warn">{tr(st.warning.key, st.warning.vars)}</span>
          ) : job.error ? (
            <span className="coef-warn">
              {tr('coef.failed', { m: LABEL[which], error: job.error })}
            </span>
          ) : (
            <span>
              {tr('coef.computing', { m: LABEL[which], pct: Math.round(job.progress * 100) })}
              <progress max={1} value={job.progress} />
            </span>
          )}
        </div>
      )}
    </div>
  );
}

export function CoefficientsPanel() {
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
  const hoverN = useUi((s) => s.hoverBasis);
  // Re-render when a deferred computation advances.
  useSyncExternalStore(subscribeDeferred, deferredVersion, deferredVersion);
  const themeKey = useThemeKey();
  const [hover, setHover] = useState<Hover | null>(null);
  const [scale, setScale] = useState<Scale>('linear');
  const tr = useT();

  const u = signalOf(p.signal, p.L, p.seed, p.drawn);
  const uMax = useMemo(() => maxAbsFinite(u), [u]);
  const norm = p.normalization as Normalization;
  const disc = p.disc as Disc;
  const legs = memoryStatesOf('legs', p.measure, p.N, p.theta, norm, p.dt, disc, u);
  const legt = memoryStatesOf('legt', p.measure, p.N, p.theta, norm, p.dt, disc, u);
  const k = rowOfCursor(p.cursor, p.L);
  const t = timeOfRow(k, p.dt);

  const boxRef = useRef<HTMLDivElement>(null);
  const W = useWidth(boxRef);
  const side = W >= 520;
  const hw = side ? Math.floor((W - 12) / 2) : W;

  const at = (job: Deferred<States>, n: number) =>
    job.ready && job.value && !job.value.warning && n < job.value.N
      ? stateAt(job.value.X, job.value.N, k, n)
      : NaN;
  const nShow = hover?.n ?? hoverN ?? 0;
  const xs = at(legs, nShow);
  const xt = at(legt, nShow);
  const legsDone = legs.ready ? legs.value : undefined;
  const legtDone = legt.ready ? legt.value : undefined;
  const legsHuge =
    legsDone && !legsDone.warning ? legsHugeOf(legsDone.X, uMax, legsDone.method) : null;
  const legtHuge =
    legtDone && !legtDone.warning ? legtHugeOf(legtDone.X, uMax, legtDone.method) : null;
  const lineRef = useRef<SVGSVGElement>(null);
  const lines = trajectoriesOf(legsDone, legtDone, nShow, W, p.L, p.N);
  useLayoutEffect(() => {
    const svg = lineRef.current;
    if (!svg) return;
    const { innerW, innerH, x, y, series } = lines;
    const g = plotGroup(svg);
    const path = line()
      .digits(2)
      .defined((q) => Number.isFinite(q[0]) && Number.isFinite(q[1]));
    g.selectAll<SVGPathElement, (typeof series)[number]>('path.traj')
      .data(series, (sr) => sr.which)
      .join('path')
      .attr('class', (sr) => `traj ${sr.which}`)
      .attr('fill', 'none')
      .style('stroke', (sr) => `var(--${sr.which})`)
      .attr('stroke-width', 1.5)
      .attr('d', (sr) => path(sr.pts.map(([kk, v]) => [x(kk), y(v)] as [number, number])) ?? '');
    const overlay = g
      .selectAll<SVGRectElement, null>('rect.overlay')
      .data([null])
      .join('rect')
      .attr('class', 'overlay')
      .attr('width', innerW)
      .attr('height', innerH)
      .attr('fill', 'transparent')
      .style('cursor', 'ew-resize')
      .style('touch-action', 'none');
    const node = overlay.node()!;
    const set = (ev: PointerEvent) => {
      const [px] = pointer(ev, g.node());
      const kk = rowAtTime(x.invert(Math.min(innerW, Math.max(0, px))), 1, p.L);
      setParams({ cursor: cursorOfRow(kk, p.L) });
    };
    const down = (ev: PointerEvent) => {
      node.setPointerCapture(ev.pointerId);
      set(ev);
    };
    const move = (ev: PointerEvent) => {
      if (node.hasPointerCapture(ev.pointerId)) set(ev);
    };
    node.addEventListener('pointerdown', down);
    node.addEventListener('pointermove', move);
    return () => {
      node.removeEventListener('pointerdown', down);
      node.removeEventListener('pointermove', move);
    };
  }, [lines, p.L]);
  // The axes, in time units.
  useLayoutEffect(() => {
    const svg = lineRef.current;
    if (!svg) return;
    const xt = lines.x.copy().domain([0, p.L * p.dt]);
    drawAxes(
      plotGroup(svg),
      xt,
      lines.y,
      { x: tr('panel.axis.time', { dt: fmt(p.dt, 3) }), y: `x_${nShow}(t)` },
      { w: W, h: LINE_H },
    );
  }, [lines, p.L, p.dt, nShow, W, tr]);
  useLayoutEffect(() => {
    const svg = lineRef.current;
    if (!svg) return;
    const innerW = W - M.left - M.right;
    const innerH = LINE_H - M.top - M.bottom;
    const x = scaleLinear().domain([0, p.L]).range([0, innerW]);
    select(svg)
      .select<SVGGElement>('g.plot-root')
      .selectAll<SVGLineElement, null>('line.cursor')
      .data([null])
      .join('line')
      .attr('class', 'cursor')
      .attr('pointer-events', 'none')
      .attr('x1', x(k + 1))
      .attr('x2', x(k + 1))
      .attr('y1', 0)
      .attr('y2', innerH)
      .attr('stroke', 'var(--ink)')
      .attr('stroke-dasharray', '3 3');
  }, [k, W, p.L]);

  // Each warning says which memory it is about: "LegS: …".
  const warnings = (
    [
      ['LegS', legs.ready ? legs.value?.warning : undefined],
      ['LegT', legt.ready ? legt.value?.warning : undefined],
      ['LegS', legsHuge],
      ['LegT', legtHuge],
    ] as const
  ).flatMap(([m, w]) => (w ? [`${m}: ${tr(w.key, w.vars)}`] : []));

  const val = (v: number) => (Number.isFinite(v) ? tex(v, 4) : '\\text{…}');
  const eq =
    `\\text{LegS } \\big(x'=\\tfrac{A}{t}x+\\tfrac{B}{t}u\\big):\\ x_{${nShow}}(${tex(t)})=${val(xs)}` +
    `\\qquad\\text{LegT } \\big(x_k=\\bar A x_{k-1}+\\bar B u_k,\\ \\theta=${tex(p.theta)}\\big):\\ x_{${nShow}}(${tex(t)})=${val(xt)}`;

  // The parts that do not follow the cursor are kept as elements: a re-render for a new step
  // (playback) then leaves them to React as they are.
  const legend = useMemo(
    () => (
      <div className="legend coef-legend">
        <span>
          <i className="coef-ramp" />
          x_n(t) <span style={{ color: 'var(--neg)' }}>−</span> 0{' '}
          <span style={{ color: 'var(--pos)' }}>+</span>{' '}
          {scale === 'log'
            ? tr('coef.legend.log', { decades: LOG_DECADES })
            : tr('coef.legend.linear')}
        </span>
        <span>
          <i style={{ background: 'var(--ink)', height: 2 }} />
          {tr('coef.legend.cursor')}
        </span>
        <button
          type="button"
          className="coef-scale"
          data-testid="coef-scale"
          aria-pressed={scale === 'log'}
          title={tr('coef.scale.help')}
          onClick={() => setScale(scale === 'log' ? 'linear' : 'log')}
        >
          {tr(scale === 'log' ? 'coef.scale.log' : 'coef.scale.linear')}
        </button>
      </div>
    ),
    [scale, tr],
  );
  const trajectory = useMemo(
    () => (
      <div className="coef-traj">
        <div className="legend">
          <span>{tr('coef.row', { n: nShow })}</span>
          <span>
            <i style={{ background: 'var(--legs)' }} />
            LegS x_{nShow}(t)
          </span>
          <span>
            <i style={{ background: 'var(--legt)' }} />
            LegT x_{nShow}(t)
          </span>
        </div>
        <svg
          ref={lineRef}
          width={W}
          height={LINE_H}
          viewBox={`0 0 ${W} ${LINE_H}`}
          role="img"
          aria-label={tr('coef.aria.row', { n: nShow })}
          data-testid="coef-trajectory"
        />
      </div>
    ),
    [nShow, W, tr],
  );
  return (
    <Panel
      id="coefficients"
      csv={() => coefficientsTable(p.dt, legs.value, legt.value)}
      title={tr('coef.title')}
      caption={tr('coef.caption')}
    >
      {legend}
      {warnings.map((w) => (
        <Warning key={w}>{w}</Warning>
      ))}
      <div className={`plot coef-pair ${side ? 'side' : 'stacked'}`} ref={boxRef}>
        {(['legs', 'legt'] as const).map((which) => (
          <Heatmap
            key={which}
            which={which}
            job={which === 'legs' ? legs : legt}
            N={p.N}
            L={p.L}
            dt={p.dt}
            theta={p.theta}
            k={k}
            hoverN={hover?.n ?? hoverN}
            width={hw}
            scale={scale}
            themeKey={themeKey}
            onHover={setHover}
          />
        ))}
      </div>
      {trajectory}
      <Readouts
        items={[
          { label: 't =', value: fmt(t, 4) },
          { label: 'n =', value: String(nShow) },
          {
            label: 'LegS x_n =',
            value: fmt(xs, 4),
            title: tr('coef.readout.legsHelp'),
          },
          {
            label: 'LegT x_n =',
            value: fmt(xt, 4),
            title: tr('coef.readout.legtHelp'),
          },
          // Always present (— when nothing is hovered), so that hovering never shifts the layout.
          {
            label: tr('panel.hover'),
            value: hover
              ? `${LABEL[hover.which]} n=${hover.n}, t=${fmt(timeOfRow(hover.k, p.dt), 4)}: ${fmt(hover.value, 4)}`
              : '—',
            title: tr('coef.readout.hoverHelp'),
          },
          {
            label: tr('coef.readout.window'),
            value: tr('panel.samples', { n: fmt(p.theta / p.dt, 4) }),
          },
        ]}
      />
      <Equation tex={eq} />
      <div hidden>
        <data data-readout="k" value={String(k)} />
        <data data-readout="t" value={String(t)} />
        <data data-readout="n" value={String(nShow)} />
        <data data-readout="legs" value={Number.isFinite(xs) ? String(xs) : ''} />
        <data data-readout="legt" value={Number.isFinite(xt) ? String(xt) : ''} />
        <data
          data-readout="hover"
          value={hover ? `${hover.which},${hover.n},${hover.k},${hover.value}` : ''}
        />
      </div>
    </Panel>
  );
}
