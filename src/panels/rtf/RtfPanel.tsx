/**
 * Rational transfer function [rtf] (REFERENCE §4): H(z) = h0 + b(z)/a(z) on the z-plane with
 * draggable poles (×) and zeros (○), the coefficients (a, b, h0) editable as numbers, the
 * state-free FFT kernel against the exact impulse response (aliasing) and the corrected kernel
 * with b̃ = b(I − Aᴸ), the Montel bound Σ|a| < 1, and the round trip S4 → ssToTf → RTF →
 * companion → state space.
 */
import { pointer, scaleLinear, select } from 'd3';
import { axisBottom, axisLeft } from '../axis';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import {
  companionCheckOf,
  currentDiscrete,
  RTF_COEF_LIMIT,
  rtfKernelsOf,
  rtfPolesOf,
  rtfSystemOf,
  rtfZerosOf,
  s4ToRtf,
  type RtfSystem,
  type RtfZeros,
  type S4ToRtf,
} from '../../state/derived.rtf';
import { memo } from '../../state/memo';
import { lab, setParams, useParams } from '../../state/store';
import { msg, useT, type Msg } from '../../state/i18n';
import { extent, useWidth } from '../chart';
import { Equation, fmt, LastGoodView, Panel, Readouts, tex, useLastGood, Warning } from '../Panel';
import { rtfTable } from './rtf.export';
import './rtf.css';
import {
  complexWords,
  errorPath,
  errorScale,
  formatCoeffs,
  handlesOf,
  kernelPath,
  maxAbs,
  maxAbsDiff,
  montelOf,
  montelWords,
  movePole,
  moveZero,
  pairRoots,
  parseCoeffs,
  placeRoot,
  planeRadius,
  planeScales,
  stabilityOf,
  tapPixels,
  tapScale,
  transferTex,
  type Handle,
  type Root,
} from './rtf.model';

/** Companion check runs live while kernel(companion) costs at most this many multiply-adds. */
const LIVE_COMPANION = 1 << 22;
/** Kernel chart geometry: margins, the kernel plot and the error strip below it. */
const KM = { top: 8, right: 14, left: 52, bottom: 32 };
const K_TOP = 190;
const K_GAP = 14;
const K_ERR = 86;
const TAP_TICKS = [0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000];

/** Roots grouped into reals and conjugate pairs, memoised like the selectors they come from. */
const pairedPoles = memo(pairRoots);
const pairedZeros = memo(pairRoots);

interface Drag {
  kind: 'pole' | 'zero';
  index: number;
  roots: Root[];
  R: number;
  sys: RtfSystem;
  zeros: RtfZeros;
}

/** A text field for a coefficient list or number: edits are drafts until Enter or blur. */
function CoefField(props: {
  param: 'a' | 'b' | 'h0';
  label: string;
  value: string;
  help: string;
  disabled?: boolean;
  onCommit: (text: string) => Msg | null;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<Msg | null>(null);
  const t = useT();
  const commit = () => {
    if (draft === null) return;
    const err = props.onCommit(draft);
    setError(err);
    if (!err) setDraft(null);
  };
  return (
    <label className="rtf-field" title={props.help}>
      <span>{props.label}</span>
      <input
        type="text"
        inputMode="decimal"
        spellCheck={false}
        data-param={props.param}
        className="num"
        value={draft ?? props.value}
        disabled={props.disabled}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') {
            setDraft(null);
            setError(null);
          }
        }}
      />
      {error && <em className="rtf-field-error">{t(error.key, error.vars)}</em>}
    </label>
  );
}

export function RtfPanel() {
  // Instrumentation only: read in the layout effect to time this panel's synchronous update.
  // eslint-disable-next-line react-hooks/purity
  const t0 = performance.now();
  const p = useParams((q) => ({
    rtfA: q.rtfA,
    rtfB: q.rtfB,
    rtfH0: q.rtfH0,
    conv: q.rtfConvention,
    L: q.L,
  }));
  const sys = rtfSystemOf(p.rtfA, p.rtfB, p.rtfH0);
  const polesC = rtfPolesOf(sys);
  const zeros = rtfZerosOf(sys, p.conv);
  const t = useT();
  const kLive = rtfKernelsOf(sys, p.L, p.conv);
  // An overflowing exact response has nothing finite to draw: keep the last good kernels.
  const { value: k, stale: kStale } = useLastGood(kLive, kLive.warning === null);
  const montel = montelOf(sys.a);
  const stab = stabilityOf(polesC);
  const liveCompanion = sys.n * sys.n * p.L <= LIVE_COMPANION;
  const [checkCompanion, setCheckCompanion] = useState(false);
  const comp = liveCompanion || checkCompanion ? companionCheckOf(sys, p.L) : null;
  const [conversion, setConversion] = useState<S4ToRtf | null>(null);
  const [redrawTick, redraw] = useState(0);

  const aliasErr = k.fft ? maxAbsDiff(k.fft, k.exact) : NaN;
  // 'paper': tap 0 of the corrected kernel carries the wrap h_L (REFERENCE §4.3).
  const corrFrom = k.convention === 'paper' ? 1 : 0;
  const corrErr = k.corrected ? maxAbsDiff(k.corrected, k.exact, corrFrom) : NaN;
  const wrap = k.convention === 'paper' ? k.h[k.L]! : 0;
  const scale = maxAbs(k.exact);

  const planeRef = useRef<SVGSVGElement>(null);
  const kernelRef = useRef<SVGSVGElement>(null);
  const planeBox = useRef<HTMLDivElement>(null);
  const kernelBox = useRef<HTMLDivElement>(null);
  const msRef = useRef<HTMLElement>(null);
  const drag = useRef<Drag | null>(null);
  const pendingFocus = useRef<{ kind: string; re: number; im: number } | null>(null);
  const planeW = useWidth(planeBox, 340);
  const kernelW = useWidth(kernelBox, 560);

  const poleRoots = pairedPoles(polesC);
  const zeroRoots = pairedZeros(zeros.zeros);
  const kernelWidth = Math.max(260, kernelW);
  const innerKW = kernelWidth - KM.left - KM.right;
  const px = useMemo(() => tapPixels(k.L, innerKW), [k.L, innerKW]);
  const eqTex = transferTex(sys, p.conv);
  const bTex = k.bTilde
    ? `\\tilde b=b\\,(I-\\bar A^{${p.L}})=(${Array.from(k.bTilde.slice(0, 4), (v) => tex(v, 4)).join(',\\ ')}${k.bTilde.length > 4 ? ',\\ \\dots' : ''})`
    : '';

  // This panel's own synchronous work = its render body + its layout effects (which React runs
  // back to back); other panels' work in the same commit is not counted.
  const effectsStart = useRef(0);
  const drew = useRef(false);
  useLayoutEffect(() => {
    effectsStart.current = performance.now();
  });
  // --- z-plane -------------------------------------------------------------------------------
  useLayoutEffect(() => {
    drew.current = true;
    const svg = planeRef.current;
    if (!svg) return;
    const size = Math.max(200, Math.min(planeW, 380));
    const m = { top: 8, right: 8, bottom: 30, left: 36 };
    const inner = size - m.left - m.right;
    const dr = drag.current;
    const pr = dr?.kind === 'pole' ? dr.roots : poleRoots;
    const zr = dr?.kind === 'zero' ? dr.roots : zeroRoots;
    const R = dr ? dr.R : planeRadius([...poleRoots, ...zeroRoots]);
    const { x, y } = planeScales(R, inner);
    const root = select(svg)
      .attr('width', size)
      .attr('height', inner + m.top + m.bottom)
      .attr('viewBox', `0 0 ${size} ${inner + m.top + m.bottom}`);
    let g = root.select<SVGGElement>('g.plane');
    if (g.empty()) g = root.append('g').attr('class', 'plane');
    g.attr('transform', `translate(${m.left},${m.top})`);
    g.selectAll('rect.frame')
      .data([null])
      .join('rect')
      .attr('class', 'frame')
      .attr('width', inner)
      .attr('height', inner);
    g.selectAll<SVGGElement, null>('g.x-axis')
      .data([null])
      .join('g')
      .attr('class', 'axis x-axis')
      .attr('transform', `translate(0,${inner})`)
      .call(axisBottom(x).ticks(5).tickSizeOuter(0));
    g.selectAll<SVGGElement, null>('g.y-axis')
      .data([null])
      .join('g')
      .attr('class', 'axis y-axis')
      .call(axisLeft(y).ticks(5).tickSizeOuter(0));
    g.selectAll('text.x-label')
      .data(['Re z'])
      .join('text')
      .attr('class', 'x-label')
      .attr('x', inner)
      .attr('y', inner + 27)
      .attr('text-anchor', 'end')
      .text((d) => d);
    g.selectAll('text.y-label')
      .data(['Im z'])
      .join('text')
      .attr('class', 'y-label')
      .attr('transform', 'translate(-27,0) rotate(-90)')
      .attr('text-anchor', 'end')
      .text((d) => d);
    g.selectAll('line.re-axis')
      .data([null])
      .join('line')
      .attr('class', 're-axis')
      .attr('x1', 0)
      .attr('x2', inner)
      .attr('y1', y(0))
      .attr('y2', y(0));
    g.selectAll('line.im-axis')
      .data([null])
      .join('line')
      .attr('class', 'im-axis')
      .attr('y1', 0)
      .attr('y2', inner)
      .attr('x1', x(0))
      .attr('x2', x(0));
    g.selectAll('circle.unit')
      .data([null])
      .join('circle')
      .attr('class', 'unit')
      .attr('cx', x(0))
      .attr('cy', y(0))
      .attr('r', x(1) - x(0));
    g.selectAll('text.unit-label')
      .data(['|z| = 1'])
      .join('text')
      .attr('class', 'unit-label')
      .attr('x', x(Math.SQRT1_2) + 4)
      .attr('y', y(Math.SQRT1_2) - 4)
      .text((d) => d);
    // The structural zero at 0 of the no-delay form: drawn, not draggable.
    g.selectAll('circle.fixed-zero')
      .data(zeros.fixedAtOrigin ? [null] : [])
      .join('circle')
      .attr('class', 'fixed-zero')
      .attr('cx', x(0))
      .attr('cy', y(0))
      .attr('r', 6)
      .append('title')
      .text(t('rtf.fixedZero'));

    const handles: Handle[] = [...handlesOf('zero', zr), ...handlesOf('pole', pr)].filter(
      (h) => Math.abs(h.re) <= R && Math.abs(h.im) <= R,
    );
    const label = (h: Handle) => {
      const mod = Math.hypot(h.re, h.im);
      return t(`rtf.handle.${h.kind}`, {
        at: complexWords(h.re, h.im),
        mod: mod.toFixed(3),
        what: t(h.pair ? 'rtf.handle.pair' : 'rtf.handle.real'),
        warn: h.kind === 'pole' && mod >= 1 - 1e-12 ? t('rtf.handle.unstable') : '',
      });
    };
    const sel = g
      .selectAll<SVGGElement, Handle>('g.handle')
      .data(handles, (h, i) => `${h.kind}-${i}`)
      .join((enter) => {
        const e = enter.append('g').attr('class', 'handle');
        e.append('path').attr('class', 'glyph');
        e.append('circle').attr('class', 'hit').attr('tabindex', 0).attr('role', 'button');
        return e;
      });
    sel
      .attr('data-kind', (h) => h.kind)
      .classed('unstable', (h) => h.kind === 'pole' && Math.hypot(h.re, h.im) >= 1 - 1e-12)
      .attr('transform', (h) => `translate(${x(h.re).toFixed(2)},${y(h.im).toFixed(2)})`);
    sel
      .select('path.glyph')
      .attr('d', (h) =>
        h.kind === 'pole' ? 'M-5,-5L5,5M-5,5L5,-5' : 'M5,0A5,5 0 1 1 -5,0A5,5 0 1 1 5,0',
      );
    sel
      .select<SVGCircleElement>('circle.hit')
      .attr('r', 10)
      .attr('class', (h) => `hit ${h.kind}-handle`)
      .attr('data-re', (h) => h.re)
      .attr('data-im', (h) => h.im)
      .attr('aria-roledescription', (h) => t(`rtf.handle.role.${h.kind}`))
      .attr('aria-label', label)
      .each(function (h) {
        select(this)
          .selectAll<SVGTitleElement, string>('title')
          .data([label(h)])
          .join('title')
          .text((d) => d);
      });

    // Keyboard focus follows the root that moved (the roots re-sort after each change).
    const want = pendingFocus.current;
    if (want) {
      pendingFocus.current = null;
      const circles = sel.select<SVGCircleElement>('circle.hit').nodes();
      let best = -1;
      let bestD = Infinity;
      handles.forEach((h, i) => {
        const d = Math.hypot(h.re - want.re, h.im - want.im);
        if (h.kind === want.kind && d < bestD) {
          bestD = d;
          best = i;
        }
      });
      circles[best]?.focus();
    }

    const startDrag = (h: Handle): Drag => ({
      kind: h.kind,
      index: h.index,
      roots: (h.kind === 'pole' ? pr : zr).map((q) => ({ ...q })),
      R,
      sys,
      zeros,
    });
    const apply = (d: Drag, px: number, py: number) => {
      const to = placeRoot(d.roots[d.index]!, px, py);
      try {
        const next =
          d.kind === 'pole'
            ? movePole(d.sys, d.zeros, d.roots, d.index, to, p.conv)
            : moveZero(d.sys, d.zeros, d.roots, d.index, to, p.conv);
        d.roots[d.index] = to;
        setParams(next);
      } catch {
        // The root set lost its degree (numerically merged roots): ignore this move.
      }
    };
    const nodes = sel.select<SVGCircleElement>('circle.hit');
    nodes
      .on('pointerdown', function (ev: PointerEvent, h) {
        ev.preventDefault();
        this.setPointerCapture(ev.pointerId);
        this.focus();
        drag.current = startDrag(h);
      })
      .on('pointermove', function (ev: PointerEvent) {
        const d = drag.current;
        if (!d || !this.hasPointerCapture(ev.pointerId)) return;
        const [mx, my] = pointer(ev, g.node());
        const cx = Math.max(-d.R, Math.min(d.R, x.invert(mx)));
        const cy = Math.max(-d.R, Math.min(d.R, y.invert(my)));
        apply(d, cx, cy);
      })
      .on('pointerup pointercancel lostpointercapture', () => {
        if (!drag.current) return;
        drag.current = null;
        // Redraw from the coefficients (roots re-sorted, view radius free again).
        redraw((v) => v + 1);
      })
      .on('keydown', (ev: KeyboardEvent, h) => {
        const step = ev.shiftKey ? 0.1 : 0.01;
        const dx = ev.key === 'ArrowRight' ? step : ev.key === 'ArrowLeft' ? -step : 0;
        let dy = ev.key === 'ArrowUp' ? step : ev.key === 'ArrowDown' ? -step : 0;
        if (dx === 0 && dy === 0) return;
        ev.preventDefault();
        if (!h.pair) dy = 0;
        if (dx === 0 && dy === 0) return;
        const d = startDrag(h);
        const sign = h.im < 0 ? -1 : 1;
        const nx = h.re + dx;
        const ny = (Math.abs(h.im) + dy * sign) * sign;
        pendingFocus.current = { kind: h.kind, re: nx, im: h.pair ? ny : 0 };
        apply(d, nx, ny);
      });
  }, [poleRoots, zeroRoots, zeros, sys, planeW, p.conv, redrawTick, t]);

  // --- kernel and aliasing error --------------------------------------------------------------
  useLayoutEffect(() => {
    drew.current = true;
    const svg = kernelRef.current;
    if (!svg) return;
    const W = kernelWidth;
    const m = KM;
    const hTop = K_TOP;
    const gap = K_GAP;
    const hErr = K_ERR;
    const H = m.top + hTop + gap + hErr + m.bottom;
    const innerW = innerKW;
    select(svg).attr('width', W).attr('height', H).attr('viewBox', `0 0 ${W} ${H}`);
    const x = tapScale(k.L, innerW);
    const ys = [k.exact, ...(k.fft ? [k.fft] : []), ...(k.corrected ? [k.corrected] : [])];
    const yS = scaleLinear()
      .domain(extent(...ys))
      .range([hTop, 0])
      .nice();
    const yTop = (v: number) => yS(v);
    const [ylo, yhi] = yS.domain() as [number, number];
    let g = select(svg).select<SVGGElement>('g.kern');
    if (g.empty()) g = select(svg).append('g').attr('class', 'kern');
    g.attr('transform', `translate(${m.left},${m.top})`);
    const ticks = TAP_TICKS.filter((t) => t <= k.L - 1);
    const yAxis = axisLeft(yS)
      .ticks(4)
      .tickFormat((v) => fmt(+v, 3));
    g.selectAll<SVGGElement, null>('g.y-axis')
      .data([null])
      .join('g')
      .attr('class', 'axis y-axis')
      .call(yAxis);
    g.selectAll('line.zero')
      .data([null])
      .join('line')
      .attr('class', 'zero')
      .attr('x1', 0)
      .attr('x2', innerW)
      .attr('y1', yTop(0))
      .attr('y2', yTop(0))
      .attr('visibility', ylo < 0 && yhi > 0 ? 'visible' : 'hidden');
    const series = [
      { key: 'exact', v: k.exact },
      { key: 'fft', v: k.fft },
      { key: 'corrected', v: k.corrected },
    ];
    g.selectAll<SVGPathElement, (typeof series)[number]>('path.kline')
      .data(series, (d) => d.key)
      .join('path')
      .attr('class', (d) => `kline k-${d.key}`)
      .attr('d', (d) => (d.v ? kernelPath(d.v, px, yTop, hTop) : ''));
    g.selectAll('text.y-label')
      .data([k.convention === 'paper' ? 'h_k, K_k' : 'K_k = h_(k+1)'])
      .join('text')
      .attr('class', 'y-label')
      .attr('transform', 'translate(-42,0) rotate(-90)')
      .attr('text-anchor', 'end')
      .text((d) => d);

    // Error strip: |K − h| per tap on a log scale.
    const e0 = hTop + gap;
    const maxErr = Math.max(
      Number.isFinite(aliasErr) ? aliasErr : 0,
      Number.isFinite(corrErr) ? corrErr : 0,
      Math.abs(wrap),
    );
    const ye = errorScale(hErr, maxErr);
    let ge = g.select<SVGGElement>('g.err');
    if (ge.empty()) ge = g.append('g').attr('class', 'err');
    ge.attr('transform', `translate(0,${e0})`);
    ge.selectAll('rect.err-bg')
      .data([null])
      .join('rect')
      .attr('class', 'err-bg')
      .attr('width', innerW)
      .attr('height', hErr);
    ge.selectAll<SVGGElement, null>('g.y-axis')
      .data([null])
      .join('g')
      .attr('class', 'axis y-axis')
      .call(
        axisLeft(ye)
          .tickValues(logTicks(ye.domain() as [number, number]))
          .tickFormat((v) => `1e${Math.round(Math.log10(+v))}`),
      );
    ge.selectAll<SVGGElement, null>('g.x-axis')
      .data([null])
      .join('g')
      .attr('class', 'axis x-axis')
      .attr('transform', `translate(0,${hErr})`)
      .call(
        axisBottom(x)
          .tickValues(ticks)
          .tickFormat((v) => String(v))
          .tickSizeOuter(0),
      );
    const errs = [
      { key: 'fft', v: k.fft, from: 0 },
      { key: 'corrected', v: k.corrected, from: 0 },
    ];
    ge.selectAll<SVGPathElement, (typeof errs)[number]>('path.eline')
      .data(errs, (d) => d.key)
      .join('path')
      .attr('class', (d) => `eline e-${d.key}`)
      .attr('d', (d) => (d.v ? errorPath(d.v, k.exact, px, ye) : ''));
    ge.selectAll('text.x-label')
      .data([t('rtf.axis.tap', { L: k.L })])
      .join('text')
      .attr('class', 'x-label')
      .attr('x', innerW)
      .attr('y', hErr + 28)
      .attr('text-anchor', 'end')
      .text((d) => d);
    ge.selectAll('text.y-label')
      .data(['|K − h|'])
      .join('text')
      .attr('class', 'y-label')
      .attr('transform', 'translate(-42,0) rotate(-90)')
      .attr('text-anchor', 'end')
      .text((d) => d);
  }, [k, px, k.L, k.convention, kernelWidth, innerKW, aliasErr, corrErr, wrap, t]);

  const commitList = (name: 'rtfA' | 'rtfB') => (text: string) => {
    const xs = parseCoeffs(text, { min: -RTF_COEF_LIMIT, max: RTF_COEF_LIMIT });
    if (!Array.isArray(xs)) return xs;
    setParams({ [name]: xs });
    return null;
  };
  const commitH0 = (text: string) => {
    const xs = parseCoeffs(text, { min: -RTF_COEF_LIMIT, max: RTF_COEF_LIMIT, maxLength: 1 });
    if (!Array.isArray(xs)) return xs;
    setParams({ rtfH0: xs[0] });
    return null;
  };
  const convert = () => {
    const q = lab.getState().params;
    try {
      const r = s4ToRtf(currentDiscrete(q), q.L);
      setConversion(r);
      if (r.ok) setParams({ rtfA: r.a, rtfB: r.b, rtfH0: r.h0 });
    } catch (e) {
      setConversion({
        ok: false,
        message: msg('rtf.convertFailed', { error: (e as Error).message }),
      });
    }
  };

  const farZeros = zeroRoots.filter((r) => Math.hypot(r.re, r.im) > 4).length;
  const unstableWords = stab.stable
    ? null
    : t(stab.unstable.length > 1 ? 'rtf.unstable.many' : 'rtf.unstable.one', {
        n: stab.unstable.length,
        mods: stab.unstable.map((u) => u.mod.toFixed(3)).join(', '),
      });
  const gaugeMax = Math.max(2, montel.sum * 1.1);

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
      id="rtf"
      csv={() => rtfTable(k)}
      title={t('rtf.title')}
      caption={t('rtf.caption')}
      className="wide"
    >
      <div
        className="rtf-body"
        data-alias-err={aliasErr}
        data-corr-err={corrErr}
        data-wrap={wrap}
        data-montel={montel.sum}
        data-radius={stab.radius}
        data-n={sys.n}
        data-convention={p.conv}
      >
        <div className="rtf-plane">
          <div className="legend">
            <span>
              <b className="glyph-pole">×</b> {t('rtf.legend.pole')}
            </span>
            <span>
              <b className="glyph-zero">○</b> {t('rtf.legend.zero')}
            </span>
            <span>
              <i style={{ background: 'var(--ink)' }} /> {t('rtf.legend.unit')}
            </span>
          </div>
          <div className="plot" ref={planeBox}>
            <svg ref={planeRef} role="group" aria-label={t('rtf.aria.plane')} />
          </div>
          <div
            className={`montel ${montel.guaranteed ? 'ok' : 'no'}`}
            data-testid="montel"
            role="meter"
            aria-valuemin={0}
            aria-valuemax={gaugeMax}
            aria-valuenow={montel.sum}
            aria-label={t('rtf.aria.montel', { sum: montel.sum.toFixed(3) })}
          >
            <div className="montel-head">
              <span>{t('rtf.montel')}</span>
              <b className="num">Σ|aᵢ| = {fmt(montel.sum, 4)}</b>
              <span className="muted">{montel.guaranteed ? '< 1' : '≥ 1'}</span>
            </div>
            <div className="montel-bar">
              <span
                className="fill"
                style={{ width: `${(Math.min(montel.sum, gaugeMax) / gaugeMax) * 100}%` }}
              />
              <span className="one" style={{ left: `${(1 / gaugeMax) * 100}%` }}>
                <span>1</span>
              </span>
            </div>
            <p className="montel-words">
              {t(montelWords(montel, stab).key)} <em>{t('rtf.montel.sufficient')}</em>
            </p>
          </div>
        </div>
        <div className="rtf-kernel">
          <div className="legend">
            <span>
              <i className="sw-exact" /> {t('rtf.legend.exact')}
            </span>
            <span>
              <i className="sw-fft" /> {t('rtf.legend.fft')}
            </span>
            <span>
              <i className="sw-corr" /> {t('rtf.legend.corr')}
            </span>
          </div>
          <LastGoodView stale={kStale} warning={kLive.warning}>
            <div className="plot" ref={kernelBox}>
              <svg ref={kernelRef} role="img" aria-label={t('rtf.aria.kernel')} />
            </div>
          </LastGoodView>
          {unstableWords && <Warning>{unstableWords}</Warning>}
          {k.error && <Warning>{t(k.error.key, k.error.vars)}</Warning>}
          {sys.padded && (
            <p className="rtf-note">
              {t(sys.padded === 'a' ? 'rtf.padded.a' : 'rtf.padded.b', { n: sys.n })}
            </p>
          )}
          {farZeros > 0 && (
            <p className="rtf-note">
              {t(farZeros > 1 ? 'rtf.farZeros.many' : 'rtf.farZeros.one', { n: farZeros })}
            </p>
          )}
          <div className="rtf-coeffs">
            <CoefField
              param="a"
              label="a"
              value={formatCoeffs(p.rtfA)}
              help={t('rtf.help.a')}
              onCommit={commitList('rtfA')}
            />
            <CoefField
              param="b"
              label="b"
              value={formatCoeffs(p.rtfB)}
              help={t('rtf.help.b')}
              onCommit={commitList('rtfB')}
            />
            <CoefField
              param="h0"
              label="h0"
              value={formatCoeffs([p.rtfH0])}
              help={p.conv === 'blog' ? t('rtf.help.h0Blog') : t('rtf.help.h0')}
              disabled={p.conv === 'blog'}
              onCommit={commitH0}
            />
            <span className="rtf-conv" title={t('rtf.conv.help')}>
              {t('rtf.conv')} <b>{t(p.conv === 'paper' ? 'rtf.conv.paper' : 'rtf.conv.blog')}</b>
            </span>
          </div>
          <div className="rtf-convert">
            <button type="button" data-testid="s4-to-rtf" onClick={convert}>
              {t('rtf.convert')}
            </button>
            {conversion && (
              <span
                className={conversion.ok ? 'rtf-ok' : 'rtf-refused'}
                data-testid="conversion"
                role="status"
              >
                {t(conversion.message.key, conversion.message.vars)}
                {conversion.ok && conversion.kernelMatch !== undefined && (
                  <>
                    {' '}
                    {t('rtf.convert.match')} max |h<sub>k+1</sub> − K<sub>k</sub>| ={' '}
                    <b className="num">{fmt(conversion.kernelMatch, 3)}</b>.
                  </>
                )}
              </span>
            )}
            <span className="rtf-companion" data-testid="companion">
              {t('rtf.companion')}{' '}
              {comp ? (
                <>
                  max |C Ā<sup>k</sup> B̄ − h<sub>k+1</sub>| ={' '}
                  <b className="num" data-value={comp.maxAbs}>
                    {fmt(comp.maxAbs, 3)}
                  </b>{' '}
                  {t('rtf.companion.over', { L: p.L })}
                  {comp.warning && <> — {t(comp.warning.key, comp.warning.vars)}</>}
                </>
              ) : (
                <button type="button" onClick={() => setCheckCompanion(true)}>
                  {t('rtf.companion.check', { steps: fmt(sys.n * sys.n * p.L, 3) })}
                </button>
              )}
            </span>
          </div>
        </div>
      </div>
      <Readouts
        items={[
          { label: 'n =', value: String(sys.n) },
          {
            label: 'max |p| =',
            value: fmt(stab.radius, 4),
            title: t('rtf.readout.radius'),
          },
          {
            label: t('rtf.readout.alias'),
            value: k.fft && !kStale ? fmt(aliasErr, 3) : '—',
            title: t('rtf.readout.aliasHelp'),
          },
          {
            label: t(p.conv === 'paper' ? 'rtf.readout.correctedK1' : 'rtf.readout.corrected'),
            value: k.corrected && !kStale ? fmt(corrErr, 3) : '—',
            title: t('rtf.readout.correctedHelp'),
          },
          ...(p.conv === 'paper'
            ? [
                {
                  label: t('rtf.readout.wrap'),
                  value: kStale ? '—' : fmt(wrap, 3),
                  title: t('rtf.readout.wrapHelp'),
                },
              ]
            : []),
          { label: 'max|h| =', value: kStale ? '∞' : fmt(scale, 4) },
        ]}
      />
      <p className="sync-ms">
        {t('rtf.sync')} <b className="num" ref={msRef} data-testid="rtf-sync-ms" />
      </p>
      <Equation tex={eqTex} label={t('rtf.eq.tf')} />
      {bTex && <Equation tex={bTex} label={t('rtf.eq.b')} />}
    </Panel>
  );
}

function logTicks([lo, hi]: [number, number]): number[] {
  const a = Math.ceil(Math.log10(lo));
  const b = Math.floor(Math.log10(hi));
  const step = Math.max(1, Math.ceil((b - a) / 3));
  const out: number[] = [];
  for (let e = b; e >= a; e -= step) out.push(10 ** e);
  return out;
}
