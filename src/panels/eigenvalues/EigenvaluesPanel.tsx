/**
 * Eigenvalues [eigenvalues]: A in the s-plane and Ā in the z-plane, side by side with equal
 * aspect ratios, following Δ and the discretisation live; LegS's NPLR normal part Λ = −½ + iω
 * and the S4D initialisations as further marks; the eigenvector condition number that is why
 * LegS is never diagonalised; unstable eigenvalues flagged in words and in the warning colour.
 * Hover a mark for its value (the same mode lights up in the other plane).
 */
import {
  scaleLinear,
  select,
  symbol,
  symbolCircle,
  symbolCross,
  symbolDiamond,
  symbolSquare,
  symbolStar,
  symbolTriangle,
  type ScaleLinear,
  type SymbolType,
} from 'd3';
import { axisBottom, axisLeft } from '../axis';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { effectiveN } from '../../state/derived';
import { useT } from '../../state/i18n';
import {
  cachedCond,
  cachedSpectrum,
  condCostMs,
  condOf,
  cachedNplrLambda,
  nplrCostMs,
  nplrLambdaOf,
  s4dInitOf,
  settle,
  spectrumCostMs,
  spectrumOf,
  useSettledVersion,
} from '../../state/derived.kernels';
import { useParams } from '../../state/store';
import { useWidth } from '../chart';
import { Equation, Panel, Warning } from '../Panel';
import { usePanelCsv } from '../exportMenu';
import { eigenvaluesTable } from './eigenvalues.export';
import {
  complexText,
  condText,
  equalAspectDomain,
  mapTex,
  marksOf,
  nearestMark,
  numText,
  SET_LABEL,
  stabilityWords,
  summarise,
  superscript,
  symlog,
  symlogInv,
  symlogTicks,
  type Domain,
  type Mark,
  type MarkSet,
  type ZPoint,
} from './eigenvalues.model';
import './eigenvalues.css';

const PM = { top: 10, right: 12, bottom: 34, left: 46 };
/** Sync work above this many estimated ms waits for the input to settle. */
const LIVE_MS = 3;

const SHAPE: Record<MarkSet, SymbolType> = {
  A: symbolCircle,
  nplr: symbolDiamond,
  lin: symbolTriangle,
  inv: symbolSquare,
  legs: symbolCross,
  real: symbolStar,
};
const SIZE: Record<MarkSet, number> = {
  A: 42,
  nplr: 40,
  lin: 36,
  inv: 30,
  legs: 34,
  real: 40,
};
const MEASURE_NAME: Record<string, string> = {
  legs: 'LegS',
  legt: 'LegT',
  lmu: 'LMU',
  lagt: 'LagT',
  fout: 'FouT',
};
const S4D_SETS = ['lin', 'inv', 'legs', 'real'] as const;
/** Path data of each set's symbol, made once. */
const SYMBOL_D = Object.fromEntries(
  (Object.keys(SHAPE) as MarkSet[]).map((k) => [k, symbol(SHAPE[k], SIZE[k])() ?? '']),
) as Record<MarkSet, string>;

type Toggles = Record<'nplr' | 'lin' | 'inv' | 'legs' | 'real', boolean>;

function fillOf(m: Mark, plane: 's' | 'z', measure: string): string {
  const state = plane === 's' ? m.sState : m.zState;
  if (state !== 'stable') return 'var(--warn)';
  if (m.set === 'A') return `var(--${measure})`;
  return 'none';
}
function strokeOf(m: Mark, plane: 's' | 'z', measure: string): string {
  const state = plane === 's' ? m.sState : m.zState;
  if (state !== 'stable') return 'var(--warn)';
  if (m.set === 'A') return `var(--${measure})`;
  if (m.set === 'nplr') return 'var(--dplr)';
  return 'var(--s4d)';
}

interface PlaneProps {
  plane: 's' | 'z';
  marks: Mark[];
  measure: string;
  log: boolean;
  /** The hovered mark, "set:i", and the plane the pointer is in. */
  hover: { key: string; plane: 's' | 'z' } | null;
  onHover: (h: { key: string; plane: 's' | 'z' } | null) => void;
  label: string;
  /** Small text in the plot's top-left corner. */
  note?: string;
}

const markKey = (m: Mark) => `${m.set}:${m.i}`;

/** One complex plane, drawn with idempotent d3 joins into an SVG sized 1:1 to its box. */
function Plane({ plane, marks, measure, log, hover, onHover, label, note }: PlaneProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const W = useWidth(boxRef, 300);
  const t = useT();
  const H = Math.max(220, Math.min(340, Math.round(W * 0.9)));
  const innerW = Math.max(40, W - PM.left - PM.right);
  const innerH = H - PM.top - PM.bottom;
  const useLog = plane === 's' && log;
  const T = useMemo(
    () =>
      useLog ? (p: ZPoint): ZPoint => ({ re: symlog(p.re), im: symlog(p.im) }) : (p: ZPoint) => p,
    [useLog],
  );
  const domain: Domain = useMemo(() => {
    const pts = marks.map((m) => T(plane === 's' ? m.s : m.z));
    const include: Domain =
      plane === 'z' ? { x: [-1.15, 1.15], y: [-1.15, 1.15] } : { x: [0, 0], y: [0, 0] };
    return equalAspectDomain(pts, innerW, innerH, include);
  }, [marks, T, plane, innerW, innerH]);

  useLayoutEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const x = scaleLinear().domain(domain.x).range([0, innerW]);
    const y = scaleLinear().domain(domain.y).range([innerH, 0]);
    const root = select(svg);
    let g = root.select<SVGGElement>('g.plot-root');
    if (g.empty()) g = root.append('g').attr('class', 'plot-root');
    g.attr('transform', `translate(${PM.left},${PM.top})`);
    g.selectAll('clipPath')
      .data([null])
      .join('clipPath')
      .attr('id', `eig-clip-${plane}`)
      .selectAll('rect')
      .data([null])
      .join('rect')
      .attr('width', innerW)
      .attr('height', innerH);
    g.selectAll('rect.frame')
      .data([null])
      .join('rect')
      .attr('class', 'frame')
      .attr('width', innerW)
      .attr('height', innerH);
    // The region where modes grow: Re s > 0, or outside the unit disc (the disc is tinted).
    const body = g
      .selectAll<SVGGElement, null>('g.body')
      .data([null])
      .join('g')
      .attr('class', 'body')
      .attr('clip-path', `url(#eig-clip-${plane})`);
    const x0 = x(0);
    body
      .selectAll('rect.rhp')
      .data(plane === 's' ? [null] : [])
      .join('rect')
      .attr('class', 'rhp')
      .attr('x', Math.max(0, x0))
      .attr('width', Math.max(0, innerW - Math.max(0, x0)))
      .attr('height', innerH);
    body
      .selectAll('circle.disc')
      .data(plane === 'z' ? [null] : [])
      .join('circle')
      .attr('class', 'disc')
      .attr('cx', x(0))
      .attr('cy', y(0))
      .attr('r', Math.max(0, x(1) - x(0)));
    body
      .selectAll('line.re-axis')
      .data([null])
      .join('line')
      .attr('class', 're-axis')
      .attr('x1', 0)
      .attr('x2', innerW)
      .attr('y1', y(0))
      .attr('y2', y(0));
    body
      .selectAll('line.im-axis')
      .data([null])
      .join('line')
      .attr('class', plane === 's' ? 'im-axis boundary' : 'im-axis')
      .attr('x1', x0)
      .attr('x2', x0)
      .attr('y1', 0)
      .attr('y2', innerH);
    body
      .selectAll('circle.unit')
      .data(plane === 'z' ? [null] : [])
      .join('circle')
      .attr('class', 'unit boundary')
      .attr('cx', x(0))
      .attr('cy', y(0))
      .attr('r', Math.max(0, x(1) - x(0)));
    // Marks: S4D first (underneath), then NPLR, A on top.
    const order: MarkSet[] = ['real', 'legs', 'inv', 'lin', 'nplr', 'A'];
    const sorted = [...marks].sort((a, b) => order.indexOf(a.set) - order.indexOf(b.set));
    const px = (m: Mark): [number, number] => {
      const p = T(plane === 's' ? m.s : m.z);
      return [x(p.re), y(p.im)];
    };
    body
      .selectAll<SVGPathElement, Mark>('path.mark')
      .data(sorted, (m) => markKey(m))
      .join('path')
      .attr('class', (m) => `mark set-${m.set}`)
      .attr('data-set', (m) => m.set)
      .attr('d', (m) => SYMBOL_D[m.set])
      .attr('transform', (m) => {
        const [a, b] = px(m);
        return `translate(${a.toFixed(2)},${b.toFixed(2)})`;
      })
      .attr('fill', (m) => fillOf(m, plane, measure))
      .attr('fill-opacity', (m) => (m.set === 'A' ? 0.9 : 1))
      .attr('stroke', (m) => strokeOf(m, plane, measure))
      .attr('stroke-width', (m) => (m.set === 'A' ? 0.6 : 1.3));
    const hv = hover ? marks.find((m) => markKey(m) === hover.key) : undefined;
    body
      .selectAll('circle.hover-ring')
      .data(hv ? [hv] : [])
      .join('circle')
      .attr('class', 'hover-ring')
      .attr('r', 8)
      .attr('cx', (m) => px(m)[0])
      .attr('cy', (m) => px(m)[1]);
    // Axes on the frame.
    const tickFmt = (v: number) => numText(useLog ? symlogInv(v) : v, 3);
    const ax = (s: ScaleLinear<number, number>, dir: 'x' | 'y') => {
      const a = dir === 'x' ? axisBottom(s) : axisLeft(s);
      if (useLog) {
        const [u0, u1] = s.domain() as [number, number];
        a.tickValues(
          symlogTicks(u0, u1, Math.abs(s.range()[1]! - s.range()[0]!), dir === 'x' ? 46 : 24).map(
            symlog,
          ),
        );
      } else a.ticks(5);
      return a.tickFormat((v) => tickFmt(+v)).tickSizeOuter(0);
    };
    g.selectAll<SVGGElement, null>('g.x-axis')
      .data([null])
      .join('g')
      .attr('class', 'axis x-axis')
      .attr('transform', `translate(0,${innerH})`)
      .call(ax(x, 'x'));
    g.selectAll<SVGGElement, null>('g.y-axis')
      .data([null])
      .join('g')
      .attr('class', 'axis y-axis')
      .call(ax(y, 'y'));
    const names = plane === 's' ? ['Re s', 'Im s'] : ['Re z', 'Im z'];
    g.selectAll('text.x-label')
      .data([names[0]! + (useLog ? t('eig.symlogSuffix') : '')])
      .join('text')
      .attr('class', 'x-label')
      .attr('x', innerW)
      .attr('y', innerH + 30)
      .attr('text-anchor', 'end')
      .text((d) => d);
    g.selectAll('text.y-label')
      .data([names[1]!])
      .join('text')
      .attr('class', 'y-label')
      .attr('transform', `translate(${-36},0) rotate(-90)`)
      .attr('text-anchor', 'end')
      .text((d) => d);
    g.selectAll('text.corner')
      .data(note ? [note] : [])
      .join('text')
      .attr('class', 'corner')
      .attr('x', 4)
      .attr('y', 12)
      .text((d) => d);
    g.selectAll('text.region')
      .data([t(plane === 's' ? 'eig.region.s' : 'eig.region.z')])
      .join('text')
      .attr('class', 'region')
      .attr('x', innerW - 4)
      .attr('y', 12)
      .attr('text-anchor', 'end')
      .attr('visibility', plane === 's' && x0 > innerW - 60 ? 'hidden' : 'visible')
      .text((d) => d);

    const overlay = g
      .selectAll<SVGRectElement, null>('rect.overlay')
      .data([null])
      .join('rect')
      .attr('class', 'overlay')
      .attr('width', innerW)
      .attr('height', innerH)
      .attr('fill', 'transparent');
    const node = overlay.node()!;
    const move = (ev: PointerEvent) => {
      const r = node.getBoundingClientRect();
      const k = nearestMark(
        marks,
        plane,
        (p) => {
          const q = T(p);
          return [x(q.re), y(q.im)];
        },
        ev.clientX - r.left,
        ev.clientY - r.top,
        12,
      );
      const key = k >= 0 ? markKey(marks[k]!) : null;
      if (key !== (hover?.plane === plane ? hover.key : null)) onHover(key ? { key, plane } : null);
    };
    const leave = () => onHover(null);
    node.addEventListener('pointermove', move);
    node.addEventListener('pointerleave', leave);
    return () => {
      node.removeEventListener('pointermove', move);
      node.removeEventListener('pointerleave', leave);
    };
  }, [marks, domain, innerW, innerH, plane, measure, hover, onHover, T, useLog, note, t]);

  const hv =
    hover && hover.plane === plane ? marks.find((m) => markKey(m) === hover.key) : undefined;
  let tip: { left: number; top: number } | null = null;
  if (hv) {
    const x = scaleLinear().domain(domain.x).range([0, innerW]);
    const y = scaleLinear().domain(domain.y).range([innerH, 0]);
    const p = T(plane === 's' ? hv.s : hv.z);
    tip = { left: PM.left + x(p.re), top: PM.top + y(p.im) };
  }
  return (
    <figure className="eig-plane" data-plane={plane}>
      <figcaption>{label}</figcaption>
      <div className="plot" ref={boxRef}>
        <svg
          ref={svgRef}
          width={W}
          height={H}
          viewBox={`0 0 ${W} ${H}`}
          role="img"
          aria-label={t(plane === 's' ? 'eig.aria.s' : 'eig.aria.z')}
        />
        {hv && tip && (
          <div
            className="eig-tip"
            role="tooltip"
            style={{
              left: Math.min(tip.left + 10, W - 190),
              top: Math.max(0, tip.top - 54),
            }}
          >
            <b>{t(`eig.set.${hv.set}`)}</b>
            <span className="num">λ = {complexText(hv.s)}</span>
            <span className="num">
              z = {complexText(hv.z)} (|z| = {numText(Math.hypot(hv.z.re, hv.z.im))})
            </span>
          </div>
        )}
      </div>
    </figure>
  );
}

function EigenvaluesBody() {
  const t = useT();
  const p = useParams((q) => ({
    measure: q.measure,
    N: q.N,
    theta: q.theta,
    dt: q.dt,
    disc: q.disc,
  }));
  useSettledVersion();
  const [show, setShow] = useState<Toggles>({
    nplr: true,
    lin: false,
    inv: false,
    legs: false,
    real: false,
  });
  const [log, setLog] = useState(true);
  const [hover, setHover] = useState<{ key: string; plane: 's' | 'z' } | null>(null);
  const n = effectiveN(p.measure, p.N);

  // A's eigenvalues: now when cheap or known, else once the input settles.
  const specKey = `${p.measure}|${n}|${p.theta}`;
  const spectrum =
    cachedSpectrum(p.measure, p.N, p.theta) ??
    (spectrumCostMs(p.measure, p.N) < LIVE_MS ? spectrumOf(p.measure, p.N, p.theta) : undefined);
  const condKey = `${p.measure}|${n}`;
  const cond =
    cachedCond(p.measure, p.N) ??
    (condCostMs(p.measure, p.N) < LIVE_MS ? condOf(p.measure, p.N) : undefined);
  const nplrL = show.nplr
    ? (cachedNplrLambda(n) ?? (nplrCostMs(n) < LIVE_MS ? nplrLambdaOf(n) : undefined))
    : undefined;
  useEffect(() => {
    if (show.nplr && !nplrL) settle('eig:nplr', String(n), { job: 'nplrLambdaOf', args: [n] });
    if (!spectrum)
      settle('eig:spectrum', specKey, { job: 'spectrumBaseOf', args: [p.measure, p.N] });
    if (!cond) settle('eig:cond', condKey, { job: 'condOf', args: [p.measure, p.N] });
  });

  const { marks, aMarks, dropped } = useMemo(() => {
    const out: Mark[] = [];
    let lost = 0;
    const add = (r: { marks: Mark[]; dropped: number }) => {
      out.push(...r.marks);
      lost += r.dropped;
      return r.marks;
    };
    const a = spectrum ? add(marksOf('A', spectrum.re, spectrum.im, p.dt, p.disc)) : [];
    if (nplrL) add(marksOf('nplr', nplrL.re, nplrL.im, p.dt, p.disc));
    for (const k of S4D_SETS) {
      if (!show[k]) continue;
      const init = s4dInitOf(k, n);
      add(marksOf(k, init.re, init.im, p.dt, p.disc, true));
    }
    return { marks: out, aMarks: a, dropped: lost };
  }, [spectrum, nplrL, p.dt, p.disc, show, n]);
  usePanelCsv('eigenvalues', () => eigenvaluesTable(marks));

  const summary = summarise(aMarks);
  const condWords = cond ? superscript(t(cond.words.key, cond.words.vars)) : '';
  const warnings = stabilityWords(summary, p.disc, p.dt);
  const memorySteps =
    summary.rho > 0 && summary.rho < 1 ? -1 / Math.log(summary.rho) : Number.POSITIVE_INFINITY;
  const onHover = useMemo(() => (h: { key: string; plane: 's' | 'z' } | null) => setHover(h), []);
  const measureName = MEASURE_NAME[p.measure] ?? p.measure;

  const eqTex = mapTex(p.disc, p.dt, summary.slowest);
  const toggle = (k: keyof Toggles) => setShow((s) => ({ ...s, [k]: !s[k] }));
  const sourceWords = !spectrum
    ? t('panel.computing')
    : spectrum.source === 'diagonal'
      ? t('eig.source.diagonal')
      : t('eig.source.qr');

  return (
    <>
      <div className="eig-toggles" role="group" aria-label={t('eig.marks')}>
        <span className="legend-item">
          <svg width="12" height="12" aria-hidden="true">
            <circle cx="6" cy="6" r="4" fill={`var(--${p.measure})`} />
          </svg>
          {t('eig.legend.A', { m: measureName, n: String(n) })}
        </span>
        <label title={t('eig.nplr.help')}>
          <input
            type="checkbox"
            checked={show.nplr}
            data-toggle="nplr"
            onChange={() => toggle('nplr')}
          />
          <svg width="12" height="12" aria-hidden="true">
            <path d="M6 1 L11 6 L6 11 L1 6 Z" fill="none" stroke="var(--dplr)" strokeWidth="1.3" />
          </svg>
          {t('eig.nplr')}
        </label>
        <span className="eig-group" title={t('eig.s4d.help')}>
          {t('eig.s4d')}
          {S4D_SETS.map((k) => (
            <label key={k}>
              <input
                type="checkbox"
                checked={show[k]}
                data-toggle={`s4d-${k}`}
                onChange={() => toggle(k)}
              />
              {SET_LABEL[k].replace('S4D-', '')}
            </label>
          ))}
        </span>
        <label title={t('eig.symlog.help')}>
          <input type="checkbox" checked={log} data-toggle="symlog" onChange={() => setLog(!log)} />
          {t('eig.symlog')}
        </label>
      </div>
      <div className="eig-planes">
        <Plane
          plane="s"
          marks={marks}
          measure={p.measure}
          log={log}
          hover={hover}
          onHover={onHover}
          label={t('eig.plane.s')}
        />
        <Plane
          plane="z"
          marks={marks}
          measure={p.measure}
          log={false}
          hover={hover}
          onHover={onHover}
          label={t('eig.plane.z')}
          note={`${t(`option.disc.${p.disc}`)}, Δ = ${p.dt}`}
        />
      </div>
      {!spectrum && <p className="eig-note">{t('eig.computing', { n: String(n) })}</p>}
      {dropped > 0 && (
        <Warning>
          {t(dropped === 1 ? 'eig.dropped.one' : 'eig.dropped.many', { n: dropped })}
        </Warning>
      )}
      {warnings.map((w) => (
        <Warning key={w.key}>{t(w.key, w.vars)}</Warning>
      ))}
      <div className="readouts" aria-live="polite">
        <span title={t('eig.readout.rhoHelp')}>
          ρ(Ā) = max|z|{' '}
          <b className="num" data-readout="rho" data-value={summary.rho}>
            {spectrum ? numText(summary.rho, 5) : '—'}
          </b>
        </span>
        <span title={t('eig.readout.memoryHelp')}>
          {t('eig.readout.memory')}{' '}
          <b className="num" data-readout="memory" data-value={memorySteps}>
            {!spectrum
              ? '—'
              : Number.isFinite(memorySteps)
                ? t('eig.readout.steps', { n: numText(memorySteps, 3) })
                : summary.rho > 1 + 1e-9
                  ? t('eig.readout.grows')
                  : t('eig.readout.never')}
          </b>
        </span>
        <span title={t('eig.readout.sourceHelp')}>
          λ(A): <b>{sourceWords}</b>
        </span>
        <span title={cond ? t('eig.readout.condHelp', { words: condWords }) : t('panel.computing')}>
          log₁₀ cond(V){' '}
          <b className="num" data-readout="cond" data-value={cond?.log10 ?? ''}>
            {cond ? condText(cond) : t('panel.computing')}
          </b>
        </span>
      </div>
      <p className="eig-note" data-readout="cond-words">
        {!cond
          ? t('eig.cond.measuring')
          : cond.kind === 'measured' && cond.log10 !== null && cond.log10 < 4
            ? t('eig.cond.benign', { m: measureName, words: condWords, n: String(n) })
            : t(
                cond.kind === 'measured' || cond.kind === 'limit'
                  ? 'eig.cond.whyNotAtN'
                  : 'eig.cond.whyNot',
                { m: measureName, words: condWords, n: String(n) },
              )}
      </p>
      <Equation tex={eqTex} />
    </>
  );
}

/**
 * The panel: title and caption here, everything else inside the panel's error boundary, so that
 * a failure in this panel's drawing leaves the rest of the lab working.
 */
export function EigenvaluesPanel() {
  const t = useT();
  return (
    <Panel id="eigenvalues" title={t('eig.title')} caption={t('eig.caption')}>
      <EigenvaluesBody />
    </Panel>
  );
}
