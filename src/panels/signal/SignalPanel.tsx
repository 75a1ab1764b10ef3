/**
 * Signal & memory [signal]: the input, the memory window at the cursor, and the HiPPO
 * reconstruction from the N coefficients. Drag on the plot to move the cursor; in draw mode,
 * drag to redraw the signal (mouse, pen or touch), even while it plays.
 */
import { line, pointer, scaleLinear } from 'd3';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { methodMsg, signalOf, statesOf } from '../../state/derived';
import { useT } from '../../state/i18n';
import { lab, setParams, useParams } from '../../state/store';
import {
  child,
  drawAxes,
  extent,
  M,
  plotGroup,
  polyline,
  scaleKey,
  setIfChanged,
  useWidth,
} from '../chart';
import {
  Equation,
  fmt,
  LastGoodView,
  markFirstPanel,
  Panel,
  Readouts,
  tex,
  useLastGood,
  Warning,
} from '../Panel';
import { signalTable } from './signal.export';
import { memoryView } from './signal.model';

/** What each signal path was drawn from: the input and the scales. */
const drawnFrom = new WeakMap<SVGPathElement, { u: Float64Array; scales: string }>();

const DRAW_POINTS = 512;

export function SignalPanel() {
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
  const [drawMode, setDrawMode] = useState(false);
  const t = useT();
  const u = signalOf(p.signal, p.L, p.seed, p.drawn);
  const st = statesOf(p.measure, p.N, p.theta, p.normalization, p.dt, p.disc, u);
  const k = Math.min(p.L - 1, Math.max(0, Math.round(p.cursor * (p.L - 1))));
  // LegS is step-size free: in units of Δ its window and reconstruction do not depend on Δ, so
  // moving Δ only relabels the time axis (the curves are neither recomputed nor redrawn).
  const viewDt = p.measure === 'legs' ? 1 : p.dt;
  const unit = p.dt / viewDt;
  const view = useMemo(
    () => memoryView(p.measure, p.normalization, p.theta, viewDt, u, st.X, st.N, k),
    [p.measure, p.normalization, p.theta, viewDt, u, st, k],
  );
  // Blown-up states have nothing finite to draw: the plot keeps its last good drawing, dimmed.
  const live = useMemo(
    () => ({ u, st, view, L: p.L, dt: p.dt, viewDt, measure: p.measure }),
    [u, st, view, p.L, p.dt, viewDt, p.measure],
  );
  const { value: shown, stale } = useLastGood(live, !st.warning);
  // What the curves depend on (not Δ itself, for LegS), and the axis.
  const { u: su, st: sst, view: sview, L: sL, dt: sdt, viewDt: sViewDt, measure: sMeasure } = shown;
  // Three stacked layers (composited apart), so that what moves with the cursor is rasterised
  // without the input's few thousand points: behind, the window and the reconstruction; the
  // input and the axes, which stay; in front, the cursor and the pointer overlay.
  const backRef = useRef<SVGSVGElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const frontRef = useRef<SVGSVGElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const W = useWidth(boxRef);
  const H = 260;
  const layer = useMemo(() => ({ width: W, height: H, viewBox: `0 0 ${W} ${H}` }), [W]);

  const yScale = useMemo(
    () =>
      scaleLinear()
        .domain(extent(su, sst.warning ? [] : sview.recon))
        .range([H - M.top - M.bottom, 0])
        .nice(),
    [su, sst, sview],
  );

  useLayoutEffect(() => {
    const [back, svg, front] = [backRef.current, svgRef.current, frontRef.current];
    if (!back || !svg || !front) return;
    const [u, st, view] = [su, sst, sview];
    const innerW = W - M.left - M.right;
    const innerH = H - M.top - M.bottom;
    // x in view units (Δ-free for LegS); the axis, drawn below, in time units.
    const T = sL * sViewDt;
    const x = scaleLinear().domain([0, T]).range([0, innerW]);
    const y = yScale;
    const [gb, g, gf] = [plotGroup(back), plotGroup(svg), plotGroup(front)];
    // Redrawn on every frame of playback: static attributes are set once, when the element is
    // made, and the others only when they change (an attribute written, even unchanged, is
    // parsed and invalidates style and paint again).
    const win = child<SVGRectElement>(gb, 'rect', 'window', { y: 0 });
    setIfChanged(win, 'x', String(x(Math.max(0, view.start))));
    setIfChanged(win, 'width', String(Math.max(0, x(view.end) - x(Math.max(0, view.start)))));
    setIfChanged(win, 'height', String(innerH));
    setIfChanged(win, 'fill', sMeasure === 'lagt' ? 'url(#lagt-fade)' : 'var(--window)');
    // Points of the window before t = 0 (LegT, LMU, FouT early on) are left out.
    const { times, recon: at } = view;
    const rd = st.warning
      ? ''
      : polyline(
          times.length,
          (j) => x(times[j]!),
          (j) => (times[j]! >= 0 ? y(at[j]!) : NaN),
        );
    const recon = child<SVGPathElement>(gb, 'path', 'recon', {
      fill: 'none',
      stroke: 'var(--recon)',
      'stroke-width': 3,
      'stroke-opacity': 0.85,
    });
    setIfChanged(recon, 'd', rd);
    // The input does not move with the cursor: its path is rebuilt when it or a scale changes.
    const signal = child<SVGPathElement>(g, 'path', 'signal', {
      fill: 'none',
      stroke: 'var(--signal)',
      'stroke-width': 1.2,
    });
    const scales = `${scaleKey(x)}|${scaleKey(y)}`;
    const was = drawnFrom.get(signal);
    if (was?.u !== u || was.scales !== scales) {
      const step = Math.max(1, Math.floor(sL / 2000));
      const pts: [number, number][] = [];
      for (let j = 0; j < sL; j += step) pts.push([x(j * sViewDt), y(u[j]!)]);
      signal.setAttribute('d', line().defined((d) => Number.isFinite(d[1]))(pts) ?? '');
      drawnFrom.set(signal, { u, scales });
    }
    const cursor = child<SVGLineElement>(gf, 'line', 'cursor', {
      y1: 0,
      stroke: 'var(--ink)',
      'stroke-dasharray': '3 3',
    });
    setIfChanged(cursor, 'x1', String(x(view.t)));
    setIfChanged(cursor, 'x2', String(x(view.t)));
    setIfChanged(cursor, 'y2', String(innerH));

    const setFromPointer = (ev: PointerEvent) => {
      const [px, py] = pointer(ev, gf.node());
      const tt = Math.min(T, Math.max(0, x.invert(px)));
      if (!drawMode) {
        setParams({ cursor: tt / T });
        return;
      }
      const q = lab.getState().params;
      let drawn =
        q.signal === 'drawn' && q.drawn.length === DRAW_POINTS
          ? [...q.drawn]
          : Array.from(
              { length: DRAW_POINTS },
              (_, i) => u[Math.round((i / (DRAW_POINTS - 1)) * (u.length - 1))]!,
            );
      const i = Math.round((tt / T) * (DRAW_POINTS - 1));
      const v = Math.max(-10, Math.min(10, y.invert(py)));
      for (let j = Math.max(0, i - 2); j <= Math.min(DRAW_POINTS - 1, i + 2); j++)
        drawn[j] = +v.toFixed(3);
      drawn = drawn.map((d) => +d.toFixed(3));
      setParams({ signal: 'drawn', drawn });
    };
    const overlay = gf
      .selectAll<SVGRectElement, null>('rect.overlay')
      .data([null])
      .join('rect')
      .attr('class', 'overlay')
      .attr('width', innerW)
      .attr('height', innerH)
      .attr('fill', 'transparent')
      .style('cursor', drawMode ? 'crosshair' : 'ew-resize')
      .style('touch-action', 'none');
    const node = overlay.node()!;
    const down = (ev: PointerEvent) => {
      node.setPointerCapture(ev.pointerId);
      setFromPointer(ev);
    };
    const move = (ev: PointerEvent) => {
      if (node.hasPointerCapture(ev.pointerId)) setFromPointer(ev);
    };
    markFirstPanel();
    node.addEventListener('pointerdown', down);
    node.addEventListener('pointermove', move);
    return () => {
      node.removeEventListener('pointerdown', down);
      node.removeEventListener('pointermove', move);
    };
  }, [su, sst, sview, yScale, sL, sViewDt, sMeasure, drawMode, W]);

  useLayoutEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const x = scaleLinear()
      .domain([0, sL * sdt])
      .range([0, W - M.left - M.right]);
    drawAxes(
      plotGroup(svg),
      x,
      yScale,
      { x: t('panel.axis.time', { dt: fmt(sdt, 3) }), y: 'u(t)' },
      { w: W, h: H },
    );
  }, [yScale, sL, sdt, W, t]);

  const tNow = view.t * unit;
  const windowTex =
    p.measure === 'legs'
      ? `u(x)\\approx\\sum_{n<${st.N}} c_n\\sqrt{2n+1}\\,P_n\\!\\left(\\tfrac{2x}{t}-1\\right),\\; x\\in[0,\\,${tex(tNow)}]`
      : p.measure === 'lagt'
        ? `u(t-s)\\approx\\sum_{n<${st.N}} c_n L_n(s),\\; t=${tex(tNow)}`
        : `u(t-\\theta+v\\theta)\\approx\\sum_{n<${st.N}} c_n\\,\\phi_n(v),\\; \\theta=${tex(p.theta)},\\ t=${tex(tNow)}`;
  // The parts that do not follow the cursor are kept as elements: a re-render for a new step
  // (playback) then leaves them to React as they are.
  const legend = useMemo(
    () => (
      <div className="legend">
        <span>
          <i style={{ background: 'var(--signal)' }} />
          {t('signal.legend.input')}
        </span>
        <span>
          <i style={{ background: 'var(--recon)' }} />
          {t('signal.legend.recon')}
        </span>
        <span>
          <i style={{ background: 'var(--window)', height: 10 }} />
          {t('signal.legend.window')}
        </span>
        <button
          type="button"
          aria-pressed={drawMode}
          data-param="draw-mode"
          onClick={() => setDrawMode(!drawMode)}
          style={{ marginLeft: 'auto' }}
        >
          ✎ {drawMode ? t('signal.drawing') : t('signal.draw')}
        </button>
      </div>
    ),
    [drawMode, t],
  );
  const plot = useMemo(
    () => (
      <LastGoodView stale={stale} warning={null}>
        <div className="plot" ref={boxRef}>
          <svg ref={backRef} className="layer" {...layer} aria-hidden="true">
            <defs>
              <linearGradient id="lagt-fade" x1="0" x2="1">
                <stop offset="0" stopColor="var(--recon)" stopOpacity="0" />
                <stop offset="1" stopColor="var(--recon)" stopOpacity="0.18" />
              </linearGradient>
            </defs>
          </svg>
          <svg
            ref={svgRef}
            className="layer-base"
            {...layer}
            role="img"
            aria-label={t('signal.aria')}
          />
          <svg ref={frontRef} className="layer" {...layer} aria-hidden="true" />
        </div>
      </LastGoodView>
    ),
    [stale, layer, t],
  );
  return (
    <Panel
      id="signal"
      csv={() => signalTable(u, p.dt, st.warning ? null : view)}
      title={t('signal.title')}
      caption={t('signal.caption', { words: t(`signal.window.${p.measure}`) })}
      className="wide"
    >
      {legend}
      {st.warning && <Warning>{t(st.warning.key, st.warning.vars)}</Warning>}
      {plot}
      <Readouts
        items={[
          { label: 't =', value: fmt(tNow, 4) },
          {
            label: t('signal.readout.window'),
            value: `[${fmt(Math.max(0, view.start * unit), 3)}, ${fmt(view.end * unit, 3)}]`,
          },
          {
            label: 'MSE',
            value: st.warning ? '—' : fmt(view.mse, 3),
            title: t('signal.readout.mseHelp'),
          },
          { label: 'N =', value: String(st.N) },
          { label: t('signal.readout.method'), value: t(methodMsg(st.method).key) },
        ]}
      />
      <Equation tex={windowTex} />
    </Panel>
  );
}
