/**
 * Frequency response [frequency]: |H(e^{iω})| in dB and the unwrapped phase for ω ∈ [0, π] of
 * the current system — the bilinear (S4) system of the kernel panel — evaluated exactly at each
 * ω (not an FFT of the truncated kernel), live with Δ, N and the measure.
 */
import { pointer, scaleLinear, scaleLog, select, type ScaleContinuousNumeric } from 'd3';
import { axisBottom, axisLeft } from '../axis';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { effectiveN } from '../../state/derived';
import { useT } from '../../state/i18n';
import {
  cachedResponse,
  omegaMin,
  responseCostMs,
  responseJobKey,
  responseOf,
  settle,
  useSettledVersion,
  type OmegaScale,
} from '../../state/derived.kernels';
import { useParam, useParams } from '../../state/store';
import { useWidth } from '../chart';
import { Equation, fmt, Panel, Warning } from '../Panel';
import { usePanelCsv } from '../exportMenu';
import { frequencyTable } from './frequency.export';
import {
  dbDomain,
  decadeText,
  frequencyTex,
  nearestIndex,
  phaseDomain,
  phaseTicks,
  piText,
  readoutsOf,
  responsePath,
  toDb,
} from './frequency.model';
import './frequency.css';

const FM = { top: 10, right: 14, bottom: 34, left: 52 };
/** Work above this many estimated ms waits for the input to settle. */
const LIVE_MS = 4;

function FrequencyBody() {
  const p = useParams((q) => ({
    measure: q.measure,
    N: q.N,
    theta: q.theta,
    normalization: q.normalization,
    dt: q.dt,
    disc: q.disc,
    seed: q.seed,
  }));
  useSettledVersion();
  const [scale, setScale] = useState<OmegaScale>('log');
  const [hoverW, setHoverW] = useState<number | null>(null);
  const t = useT();
  const n = effectiveN(p.measure, p.N);
  const args = [p.measure, p.N, p.theta, p.normalization, p.seed, p.dt, scale] as const;
  const live = responseCostMs(p.measure, p.N) < LIVE_MS;
  let resp = cachedResponse(...args);
  let error: string | undefined;
  if (!resp && live) {
    try {
      resp = responseOf(...args);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
  }
  useEffect(() => {
    if (!resp && !error) settle('frequency', responseJobKey(...args), { job: 'responseOf', args });
  });

  const view = useMemo(() => {
    if (!resp) return null;
    const db = toDb(resp.re, resp.im);
    let bad = 0;
    for (let j = 0; j < db.length; j++)
      if (Number.isNaN(db[j]!) || !Number.isFinite(resp.phase[j]!)) bad++;
    return { db, bad, r: readoutsOf(resp.omega, db, resp.phase, resp.dc) };
  }, [resp]);
  usePanelCsv('frequency', () => (resp && view ? frequencyTable(resp, view.db) : null));

  const boxRef = useRef<HTMLDivElement>(null);
  const magRef = useRef<SVGSVGElement>(null);
  const phRef = useRef<SVGSVGElement>(null);
  const W = useWidth(boxRef);
  const HM = 210;
  const HP = 150;
  const innerW = Math.max(40, W - FM.left - FM.right);

  useLayoutEffect(() => {
    const svgs = [magRef.current, phRef.current];
    if (!svgs[0] || !svgs[1]) return;
    const wLo = scale === 'log' ? omegaMin(p.dt) : 0;
    const x: ScaleContinuousNumeric<number, number> =
      scale === 'log'
        ? scaleLog().domain([wLo, Math.PI]).range([0, innerW])
        : scaleLinear().domain([0, Math.PI]).range([0, innerW]);
    const xTicks =
      scale === 'log'
        ? [...Array.from({ length: 8 }, (_, i) => 10 ** (i - 6)).filter((v) => v >= wLo), Math.PI]
        : [0, Math.PI / 4, Math.PI / 2, (3 * Math.PI) / 4, Math.PI];
    const LIN_LABELS = ['0', 'π/4', 'π/2', '3π/4', 'π'];
    const xFmt = (v: number) =>
      Math.abs(v - Math.PI) < 1e-9
        ? 'π'
        : scale === 'linear'
          ? (LIN_LABELS[Math.round((4 * v) / Math.PI)] ?? fmt(v, 2))
          : decadeText(v);
    const panels = [
      { svg: svgs[0], h: HM, kind: 'mag' as const },
      { svg: svgs[1], h: HP, kind: 'phase' as const },
    ];
    for (const { svg, h, kind } of panels) {
      const innerH = h - FM.top - FM.bottom;
      const yDom = view
        ? kind === 'mag'
          ? dbDomain(view.db)
          : phaseDomain(resp!.phase)
        : kind === 'mag'
          ? ([-60, 0] as [number, number])
          : ([-Math.PI, Math.PI] as [number, number]);
      const y = scaleLinear().domain(yDom).range([innerH, 0]);
      const root = select(svg);
      let g = root.select<SVGGElement>('g.plot-root');
      if (g.empty()) g = root.append('g').attr('class', 'plot-root');
      g.attr('transform', `translate(${FM.left},${FM.top})`);
      const yTicks = kind === 'phase' ? phaseTicks(yDom) : y.ticks(5);
      g.selectAll<SVGGElement, null>('g.grid')
        .data([null])
        .join('g')
        .attr('class', 'grid')
        .selectAll('line')
        .data(yTicks)
        .join('line')
        .attr('x1', 0)
        .attr('x2', innerW)
        .attr('y1', (v) => y(v))
        .attr('y2', (v) => y(v));
      g.selectAll<SVGGElement, null>('g.x-axis')
        .data([null])
        .join('g')
        .attr('class', 'axis x-axis')
        .attr('transform', `translate(0,${innerH})`)
        .call(
          axisBottom(x)
            .tickValues(xTicks)
            .tickFormat((v) => xFmt(+v))
            .tickSizeOuter(0),
        );
      g.selectAll<SVGGElement, null>('g.y-axis')
        .data([null])
        .join('g')
        .attr('class', 'axis y-axis')
        .call(
          axisLeft(y)
            .tickValues(yTicks)
            .tickFormat((v) => (kind === 'phase' ? piText(+v) : String(+v)))
            .tickSizeOuter(0),
        );
      g.selectAll('text.x-label')
        .data([kind === 'mag' ? '' : t(scale === 'log' ? 'freq.axis.omegaLog' : 'freq.axis.omega')])
        .join('text')
        .attr('class', 'x-label')
        .attr('x', innerW)
        .attr('y', innerH + 30)
        .attr('text-anchor', 'end')
        .text((d) => d);
      g.selectAll('text.y-label')
        .data([kind === 'mag' ? '|H(e^iω)|  (dB)' : t('freq.axis.phase')])
        .join('text')
        .attr('class', 'y-label')
        .attr('transform', `translate(${-42},0) rotate(-90)`)
        .attr('text-anchor', 'end')
        .text((d) => d);
      const curve =
        view && resp
          ? kind === 'mag'
            ? responsePath(resp.omega, view.db, (w) => x(w), y, yDom[0])
            : responsePath(resp.omega, resp.phase, (w) => x(w), y)
          : '';
      g.selectAll('path.response')
        .data([curve])
        .join('path')
        .attr('class', `response ${kind}`)
        .attr('fill', 'none')
        .attr('d', (d) => d);
      // The −3 dB level under the DC gain, on the magnitude plot.
      const cut = kind === 'mag' && view && Number.isFinite(view.r.dcDb) ? [view.r.dcDb - 3] : [];
      g.selectAll('line.cut')
        .data(cut)
        .join('line')
        .attr('class', 'cut')
        .attr('x1', 0)
        .attr('x2', innerW)
        .attr('y1', (v) => y(v))
        .attr('y2', (v) => y(v));
      g.selectAll('text.cut-label')
        .data(cut)
        .join('text')
        .attr('class', 'cut-label')
        .attr('x', innerW - 4)
        .attr('text-anchor', 'end')
        .attr('y', 10)
        .text(t('freq.cut'));
      const hv = hoverW !== null && resp ? nearestIndex(resp.omega, hoverW) : -1;
      g.selectAll('line.cursor')
        .data(hv >= 0 ? [resp!.omega[hv]!] : [])
        .join('line')
        .attr('class', 'cursor')
        .attr('x1', (w) => x(w))
        .attr('x2', (w) => x(w))
        .attr('y1', 0)
        .attr('y2', innerH);
      g.selectAll('circle.dot')
        .data(hv >= 0 && view ? [hv] : [])
        .join('circle')
        .attr('class', 'dot')
        .attr('r', 3.5)
        .attr('cx', (j) => x(resp!.omega[j]!))
        .attr('cy', (j) => y(kind === 'mag' ? Math.max(view!.db[j]!, yDom[0]) : resp!.phase[j]!));
      g.selectAll('text.empty')
        .data(view ? [] : [error ? t('freq.none') : t('panel.computing')])
        .join('text')
        .attr('class', 'empty')
        .attr('x', innerW / 2)
        .attr('y', innerH / 2)
        .attr('text-anchor', 'middle')
        .text((d) => d);
      g.selectAll<SVGRectElement, null>('rect.overlay')
        .data([null])
        .join('rect')
        .attr('class', 'overlay')
        .attr('width', innerW)
        .attr('height', innerH)
        .attr('fill', 'transparent')
        .on('pointermove', (ev: PointerEvent) => {
          const [px] = pointer(ev, g.node());
          setHoverW(x.invert(Math.max(0, Math.min(innerW, px))));
        })
        .on('pointerleave', () => setHoverW(null));
    }
  }, [view, resp, scale, innerW, p.dt, hoverW, error, t]);

  const r = view?.r;
  const hv = hoverW !== null && resp ? nearestIndex(resp.omega, hoverW) : -1;
  const dbText = (v: number | undefined) =>
    v === undefined || !Number.isFinite(v) ? '—' : `${fmt(v, 4)} dB`;

  const eqTex = frequencyTex(p.dt, resp ? resp.dc : NaN);
  return (
    <>
      <div className="freq-bar">
        <div className="seg" role="group" aria-label={t('freq.axisGroup')}>
          {(['log', 'linear'] as const).map((s) => (
            <button
              key={s}
              type="button"
              aria-pressed={scale === s}
              data-toggle={`omega-${s}`}
              onClick={() => setScale(s)}
            >
              {t(s === 'log' ? 'freq.log' : 'freq.linear')}
            </button>
          ))}
        </div>
        <span className="freq-hover num" aria-live="polite">
          {hv >= 0 && view && resp
            ? t('freq.hover', {
                w: fmt(resp.omega[hv]!, 4),
                db: fmt(view.db[hv]!, 4),
                ph: fmt(resp.phase[hv]!, 4),
              })
            : t('freq.hoverHint')}
        </span>
      </div>
      {error && <Warning>{t('freq.error', { error })}</Warning>}
      {view && view.bad > 0 && (
        <Warning>{t(view.bad === 1 ? 'freq.bad.one' : 'freq.bad.many', { n: view.bad })}</Warning>
      )}
      <div className="plot" ref={boxRef}>
        <svg
          ref={magRef}
          width={W}
          height={HM}
          viewBox={`0 0 ${W} ${HM}`}
          role="img"
          aria-label={t('freq.aria.mag')}
        />
        <svg
          ref={phRef}
          width={W}
          height={HP}
          viewBox={`0 0 ${W} ${HP}`}
          role="img"
          aria-label={t('freq.aria.phase')}
        />
      </div>
      <div className="readouts" aria-live="polite">
        <span title={t('freq.dc.help')}>
          {t('freq.dc')}{' '}
          <b className="num" data-readout="dc" data-value={resp ? resp.dc : ''}>
            {resp ? `${fmt(resp.dc, 5)} (${dbText(r?.dcDb)})` : '—'}
          </b>
        </span>
        <span title={t('freq.peak.help')}>
          {t('freq.peak')}{' '}
          <b className="num" data-readout="peak" data-value={r ? r.peakDb : ''}>
            {r ? t('freq.peakAt', { db: dbText(r.peakDb), w: fmt(r.peakOmega, 3) }) : '—'}
          </b>
        </span>
        <span title={t('freq.cutoff.help')}>
          {t('freq.cutoff')}{' '}
          <b className="num" data-readout="cutoff" data-value={r ? r.cutoffOmega : ''}>
            {r
              ? Number.isFinite(r.cutoffOmega)
                ? fmt(r.cutoffOmega, 3)
                : t('freq.noneShort')
              : '—'}
          </b>
        </span>
        <span title={t('freq.nyquist.help')}>
          {t('freq.nyquist')}{' '}
          <b className="num" data-readout="nyquist" data-value={r ? r.nyquistDb : ''}>
            {dbText(r?.nyquistDb)}
          </b>
        </span>
        <span>
          N = <b className="num">{n}</b>, {resp ? resp.omega.length : '—'} ω
          {resp && resp.refined > 0 ? t('freq.refined', { n: resp.refined }) : ''}
        </span>
      </div>
      <Equation tex={eqTex} />
    </>
  );
}

/**
 * The panel: title and caption here, everything else inside the panel's error boundary, so that
 * a failure in this panel's drawing leaves the rest of the lab working.
 */
export function FrequencyPanel() {
  const disc = useParam('disc');
  const t = useT();
  const nonBilinear = disc !== 'bilinear';
  return (
    <Panel
      id="frequency"
      title={t('freq.title')}
      caption={t('freq.caption', {
        not: nonBilinear ? t('freq.caption.not', { disc: t(`option.disc.${disc}`) }) : '',
      })}
    >
      <FrequencyBody />
    </Panel>
  );
}
