/**
 * Matrices [matrices]: A and B of the selected HiPPO measure (core hippo, through continuousOf)
 * and Ā, B̄ of the selected discretisation (core discretize, through discreteOf), as diverging
 * heatmaps centred on 0 — SVG cells for N ≤ 32, canvas above. Hovering an entry shows its value,
 * its formula with the live numbers and its source; the row is shared as ui.hoverBasis. Readouts:
 * ρ(Ā) (core eigenvalues, computed between frames), ‖A‖_F, ‖Ā‖_F; a warning in words when
 * ρ(Ā) ≥ 1.
 */
import { interpolateLab, piecewise, pointer, select } from 'd3';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { ContinuousSSM, DiscreteSSM } from '../../core/index';
import { continuousOf, discreteOf, effectiveN, readoutOf, type Disc } from '../../state/derived';
import { msg, useT, type Msg } from '../../state/i18n';
import { deferredVersion, eigDiscreteOf, subscribeDeferred } from '../../state/derived.memory';
import { lab, setUi, useParams, useUi } from '../../state/store';
import { useWidth } from '../chart';
import {
  divergingLut,
  heatmapPixels,
  linearPosition,
  logPosition,
} from '../coefficients/coefficients.model';
import { paintHeatmap } from '../coefficients/CoefficientsPanel';
import { Equation, fmt, Panel, Readouts, tex, Warning } from '../Panel';
import { matricesTable } from './matrices.export';
import {
  allFinite,
  cellAt,
  entryInfo,
  frobenius,
  maxAbs,
  spectralRadiusOf,
  stabilityOf,
  type DiscName,
  type EntryInfo,
  type MatrixName,
} from './matrices.model';
import './matrices.css';

const SVG_MAX_N = 32;
const LOG_DECADES = 6;
const MG = { top: 24, bottom: 30, left: 30, col: 14, pad: 6, gap: 34, right: 4 };
type Scale = 'linear' | 'log';

const DISC_TEX: Record<DiscName, string> = {
  forward: '\\bar A=I+\\Delta A,\\ \\bar B=\\Delta B',
  backward: '\\bar A=(I-\\Delta A)^{-1},\\ \\bar B=\\Delta(I-\\Delta A)^{-1}B',
  bilinear:
    '\\bar A=(I-\\tfrac{\\Delta}{2}A)^{-1}(I+\\tfrac{\\Delta}{2}A),\\ \\bar B=\\Delta(I-\\tfrac{\\Delta}{2}A)^{-1}B',
  zoh: '\\bar A=e^{\\Delta A},\\ \\bar B=A^{-1}(e^{\\Delta A}-I)B',
};

/** Changes when the colour theme does (data-theme on <html> or <body>), to recolour. */
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

/** Ā, B̄ by discreteOf, or the reason in words why there are none (never NaN on screen). */
function safeDiscrete(
  ssm: ContinuousSSM,
  dt: number,
  disc: Disc,
  C: Float64Array,
): { d: DiscreteSSM | null; failure: Msg | null } {
  try {
    const d = discreteOf(ssm, dt, disc, C);
    if (!allFinite(d.Ab) || !allFinite(d.Bb))
      return {
        d: null,
        failure: msg('mat.overflow', { disc: msg(`option.disc.${disc}`), dt }),
      };
    return { d, failure: null };
  } catch (e) {
    return {
      d: null,
      failure: msg('mat.failed', {
        disc: msg(`option.disc.${disc}`),
        dt,
        error: e instanceof Error ? e.message : String(e),
      }),
    };
  }
}

interface Block {
  name: MatrixName;
  label: string;
  values: Float64Array;
  rows: number;
  cols: number;
  x: number;
  y: number;
  w: number;
  h: number;
  vmax: number;
}

export function MatricesPanel() {
  const p = useParams((q) => ({
    measure: q.measure,
    N: q.N,
    theta: q.theta,
    dt: q.dt,
    disc: q.disc,
    normalization: q.normalization,
    seed: q.seed,
  }));
  const hoverN = useUi((s) => s.hoverBasis);
  useSyncExternalStore(subscribeDeferred, deferredVersion, deferredVersion);
  const themeKey = useThemeKey();
  const [scale, setScale] = useState<Scale>('linear');
  const t = useT();
  const [hover, setHover] = useState<{ name: MatrixName; n: number; k: number } | null>(null);

  const N = effectiveN(p.measure, p.N);
  const ssm = continuousOf(p.measure, p.N, p.theta, p.normalization);
  const C = readoutOf(ssm.N, p.seed);
  const { d, failure } = useMemo(() => safeDiscrete(ssm, p.dt, p.disc, C), [ssm, p.dt, p.disc, C]);
  const boxRef = useRef<HTMLDivElement>(null);
  const W = useWidth(boxRef);
  const oneRow = W >= 560;
  const S = Math.max(
    60,
    Math.floor(
      oneRow
        ? (W - MG.left - 2 * (MG.pad + MG.col) - MG.gap - MG.right) / 2
        : W - MG.left - MG.pad - MG.col - MG.right,
    ),
  );
  const rowH = MG.top + S + MG.bottom;
  const H = oneRow ? rowH : 2 * rowH;

  const blocks: Block[] = useMemo(() => {
    const x2 = oneRow ? MG.left + S + MG.pad + MG.col + MG.gap : MG.left;
    const y2 = oneRow ? MG.top : rowH + MG.top;
    const out: Block[] = [
      {
        name: 'A',
        label: 'A',
        values: ssm.A,
        rows: N,
        cols: N,
        x: MG.left,
        y: MG.top,
        w: S,
        h: S,
        vmax: maxAbs(ssm.A),
      },
      {
        name: 'B',
        label: 'B',
        values: ssm.B,
        rows: N,
        cols: 1,
        x: MG.left + S + MG.pad,
        y: MG.top,
        w: MG.col,
        h: S,
        vmax: maxAbs(ssm.B),
      },
    ];
    if (d)
      out.push(
        {
          name: 'Ab',
          label: 'Ā',
          values: d.Ab,
          rows: N,
          cols: N,
          x: x2,
          y: y2,
          w: S,
          h: S,
          vmax: maxAbs(d.Ab),
        },
        {
          name: 'Bb',
          label: 'B̄',
          values: d.Bb,
          rows: N,
          cols: 1,
          x: x2 + S + MG.pad,
          y: y2,
          w: MG.col,
          h: S,
          vmax: maxAbs(d.Bb),
        },
      );
    return out;
  }, [ssm, d, N, S, oneRow, rowH]);

  const eig = d ? eigDiscreteOf(d.Ab, N) : null;
  const rho = eig?.ready && eig.value ? spectralRadiusOf(eig.value) : NaN;
  const stability = eig?.ready ? stabilityOf(rho) : 'unknown';

  const svgRef = useRef<SVGSVGElement>(null);
  const canvasA = useRef<HTMLCanvasElement>(null);
  const canvasAb = useRef<HTMLCanvasElement>(null);
  const useCanvas = N > SVG_MAX_N;

  const colours = useMemo(() => {
    const cs = getComputedStyle(document.documentElement);
    const v = (name: string, fb: string) => cs.getPropertyValue(name).trim() || fb;
    const stops = [v('--neg', '#2166ac'), v('--panel', '#ffffff'), v('--pos', '#b2182b')];
    return {
      lut: divergingLut(stops[0]!, stops[1]!, stops[2]!),
      f: piecewise(interpolateLab, stops),
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [themeKey]);
  const position = useMemo(
    () =>
      scale === 'log'
        ? (v: number, vmax: number) => logPosition(v, vmax, LOG_DECADES)
        : (v: number, vmax: number) => linearPosition(v, vmax),
    [scale],
  );

  // Canvas heatmaps (N > 32).
  useLayoutEffect(() => {
    const dpr = Math.min(3, window.devicePixelRatio || 1);
    for (const [ref, name] of [
      [canvasA, 'A'],
      [canvasAb, 'Ab'],
    ] as const) {
      const c = ref.current;
      if (!c) continue;
      const b = blocks.find((bb) => bb.name === name);
      if (!useCanvas || !b) {
        c.getContext('2d')?.clearRect(0, 0, c.width, c.height);
        continue;
      }
      // One pixel per entry, scaled to S×S (smoothed when N exceeds the device pixels).
      const px = heatmapPixels(b.values, b.rows, b.cols, b.cols, b.rows, colours.lut, (v) =>
        position(v, b.vmax),
      );
      paintHeatmap(c, px, b.cols, b.rows, S, S, dpr);
    }
  }, [blocks, useCanvas, S, colours, position]);

  // SVG: cells (N ≤ 32) or frames, vectors, titles, axes, hover outlines, pointer.
  const shownN = hover?.n ?? (hoverN !== null && hoverN < N ? hoverN : null);
  useLayoutEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const root = select(svg);
    const colourOf = (v: number, vmax: number) => {
      const t = position(v, vmax);
      return Number.isFinite(t) ? colours.f((t + 1) / 2) : 'transparent';
    };
    const g = root
      .selectAll<SVGGElement, Block>('g.block')
      .data(blocks, (b) => b.name)
      .join('g')
      .attr('class', 'block')
      .attr('data-matrix', (b) => b.name)
      .attr('transform', (b) => `translate(${b.x},${b.y})`);
    g.each(function (b) {
      const bg = select(this);
      const cw = b.w / b.cols;
      const ch = b.h / b.rows;
      const cells =
        b.cols === 1 || !useCanvas ? Array.from({ length: b.rows * b.cols }, (_, i) => i) : [];
      bg.selectAll<SVGRectElement, number>('rect.cell')
        .data(cells)
        .join('rect')
        .attr('class', 'cell')
        .attr('pointer-events', 'none')
        .attr('x', (i) => (i % b.cols) * cw)
        .attr('y', (i) => Math.floor(i / b.cols) * ch)
        .attr('width', cw + 0.02)
        .attr('height', ch + 0.02)
        .attr('fill', (i) => colourOf(b.values[i]!, b.vmax));
      bg.selectAll<SVGRectElement, null>('rect.frame')
        .data([null])
        .join('rect')
        .attr('class', 'frame')
        .attr('width', b.w)
        .attr('height', b.h)
        .attr('fill', 'none')
        .style('stroke', 'var(--rule)');
      bg.selectAll<SVGTextElement, null>('text.m-title')
        .data([null])
        .join('text')
        .attr('class', 'm-title')
        .attr('x', b.cols === 1 ? b.w / 2 : 0)
        .attr('y', -8)
        .attr('text-anchor', b.cols === 1 ? 'middle' : 'start')
        .text(b.label);
      bg.selectAll<SVGTextElement, null>('text.m-range')
        .data(b.cols === 1 ? [] : [null])
        .join('text')
        .attr('class', 'm-range num')
        .attr('x', b.w)
        .attr('y', -8)
        .attr('text-anchor', 'end')
        .text(`±${fmt(b.vmax, 3)}`);
      // Index ticks: n down the left of each matrix, k along the bottom.
      const ticks = b.rows <= 8 ? [0, b.rows - 1] : [0, Math.floor((b.rows - 1) / 2), b.rows - 1];
      bg.selectAll<SVGTextElement, number>('text.n-tick')
        .data(b.cols === 1 ? [] : ticks)
        .join('text')
        .attr('class', 'n-tick')
        .attr('x', -4)
        .attr('y', (n) => (n + 0.5) * ch)
        .attr('dy', '0.32em')
        .attr('text-anchor', 'end')
        .text((n) => String(n));
      bg.selectAll<SVGTextElement, number>('text.k-tick')
        .data(b.cols === 1 ? [] : ticks)
        .join('text')
        .attr('class', 'k-tick')
        .attr('x', (k) => (k + 0.5) * cw)
        .attr('y', b.h + 12)
        .attr('text-anchor', 'middle')
        .text((k) => String(k));
      bg.selectAll<SVGTextElement, null>('text.axis-name')
        .data(b.cols === 1 ? [] : [null])
        .join('text')
        .attr('class', 'axis-name')
        .attr('x', b.w)
        .attr('y', b.h + 25)
        .attr('text-anchor', 'end')
        .text(t('mat.axis'));
      const ov = bg
        .selectAll<SVGRectElement, null>('rect.overlay')
        .data([null])
        .join('rect')
        .attr('class', 'overlay')
        .attr('width', b.w)
        .attr('height', b.h)
        .attr('fill', 'transparent')
        .raise();
      const node = ov.node()!;
      node.onpointermove = (ev: PointerEvent) => {
        const [px, py] = pointer(ev, this);
        const c = cellAt(px, py, b.w, b.h, b.rows, b.cols);
        if (!c) return;
        setHover((h) =>
          h && h.name === b.name && h.n === c.n && h.k === c.k ? h : { name: b.name, ...c },
        );
        if (lab.getState().ui.hoverBasis !== c.n) setUi({ hoverBasis: c.n });
      };
      node.onpointerleave = () => {
        setHover(null);
        setUi({ hoverBasis: null });
      };
    });
  }, [blocks, useCanvas, colours, position, t]);

  // Hover outlines: the entry (n, k) in A and Ā, row n in B and B̄ (also for ui.hoverBasis).
  const hoverK = hover?.k ?? -1;
  useLayoutEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    select(svg)
      .selectAll<SVGGElement, Block>('g.block')
      .each(function (b) {
        const cw = b.w / b.cols;
        const ch = b.h / b.rows;
        const hl = shownN === null ? [] : [{ n: shownN, k: b.cols > 1 ? hoverK : -1 }];
        select(this)
          .selectAll<SVGRectElement, { n: number; k: number }>('rect.hl')
          .data(hl)
          .join('rect')
          .attr('class', 'hl')
          .attr('x', (h) => (h.k >= 0 ? h.k * cw : 0) - 1)
          .attr('y', (h) => h.n * ch - 1)
          .attr('width', (h) => (h.k >= 0 ? cw : b.w) + 2)
          .attr('height', ch + 2)
          .attr('fill', 'none')
          .attr('pointer-events', 'none')
          .style('stroke', 'var(--ink)')
          .attr('stroke-width', 1.5);
      });
  }, [blocks, shownN, hoverK]);

  const info: EntryInfo | null =
    hover && d
      ? entryInfo(hover.name, hover.n, hover.k, {
          measure: p.measure,
          normalization: p.normalization,
          theta: p.theta,
          dt: p.dt,
          disc: p.disc,
          N,
          A: ssm.A,
          B: ssm.B,
          Ab: d.Ab,
          Bb: d.Bb,
        })
      : null;
  const entryName = (e: EntryInfo) =>
    e.name === 'A' || e.name === 'Ab'
      ? `${e.name === 'A' ? 'A' : 'Ā'}[n=${e.n}, k=${e.k}]`
      : `${e.name === 'B' ? 'B' : 'B̄'}[n=${e.n}]`;

  const discTex =
    `${DISC_TEX[p.disc]},\\ \\Delta=${tex(p.dt)}` +
    (Number.isFinite(rho) ? `,\\ \\rho(\\bar A)=${tex(rho, 4)}` : '');

  return (
    <Panel
      id="matrices"
      csv={() => matricesTable(ssm, d)}
      title={t('mat.title')}
      caption={t('mat.caption', { words: t(`mat.words.${p.measure}`) })}
    >
      <div className="legend mat-legend">
        <span>
          <i className="mat-ramp" />
          <span style={{ color: 'var(--neg)' }}>−</span> 0{' '}
          <span style={{ color: 'var(--pos)' }}>+</span>{' '}
          {scale === 'log' ? t('mat.legend.log', { decades: LOG_DECADES }) : t('mat.legend.linear')}
        </span>
        <button
          type="button"
          className="mat-scale"
          data-testid="mat-scale"
          aria-pressed={scale === 'log'}
          title={t('mat.scale.help')}
          onClick={() => setScale(scale === 'log' ? 'linear' : 'log')}
        >
          {t(scale === 'log' ? 'coef.scale.log' : 'coef.scale.linear')}
        </button>
      </div>
      {failure && <Warning>{t(failure.key, failure.vars)}</Warning>}
      {stability === 'unstable' && (
        <Warning>
          {t('mat.unstable', { rho: fmt(rho, 4) })}{' '}
          {p.disc === 'forward'
            ? t('mat.unstable.forward', { dt: fmt(p.dt, 3) })
            : t('mat.unstable.other')}
        </Warning>
      )}
      {stability === 'marginal' && <Warning>{t('mat.marginal')}</Warning>}
      <div className="plot mat-plot" ref={boxRef} style={{ height: H }}>
        {useCanvas &&
          blocks
            .filter((b) => b.cols > 1)
            .map((b) => (
              <canvas
                key={b.name}
                ref={b.name === 'A' ? canvasA : canvasAb}
                aria-hidden="true"
                style={{ left: b.x, top: b.y, width: b.w, height: b.h }}
              />
            ))}
        <svg
          ref={svgRef}
          width={W}
          height={H}
          viewBox={`0 0 ${W} ${H}`}
          role="img"
          aria-label={t('mat.aria')}
        />
      </div>
      <p className="mat-note">
        {p.measure === 'legs'
          ? t('mat.note.legs')
          : p.measure === 'lagt'
            ? t('mat.note.lagt')
            : t('mat.note.window', { theta: fmt(p.theta, 3) })}
      </p>
      <div className="mat-inspector" data-testid="matrix-inspector" aria-live="polite">
        {info ? (
          <>
            <div>
              <b className="num" data-testid="matrix-entry" data-value={String(info.value)}>
                {entryName(info)} = {fmt(info.value, 6)}
              </b>
            </div>
            <Equation tex={info.tex} label={t('mat.formula')} />
            <div className="mat-source">{t('mat.source', { source: info.source })}</div>
          </>
        ) : (
          <div className="mat-hint">{failure ? t('mat.hint.failed') : t('mat.hint')}</div>
        )}
      </div>
      <Readouts
        items={[
          {
            label: 'ρ(Ā) =',
            value: !eig ? '—' : eig.ready ? fmt(rho, 6) : t('panel.computing'),
            title: t('mat.readout.rho'),
          },
          { label: '‖A‖_F =', value: fmt(frobenius(ssm.A), 5), title: t('mat.readout.normA') },
          {
            label: '‖Ā‖_F =',
            value: d ? fmt(frobenius(d.Ab), 5) : '—',
            title: t('mat.readout.normAb'),
          },
          { label: 'N =', value: String(N) },
          { label: 'Δ =', value: fmt(p.dt, 4) },
        ]}
      />
      <Equation tex={discTex} />
      <div hidden>
        <data data-readout="rho" value={Number.isFinite(rho) ? String(rho) : ''} />
        <data data-readout="stability" value={stability} />
        <data data-readout="normA" value={String(frobenius(ssm.A))} />
        <data data-readout="normAb" value={d ? String(frobenius(d.Ab)) : ''} />
      </div>
    </Panel>
  );
}
