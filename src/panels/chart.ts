/**
 * Small d3 helpers shared by the panels: a fixed-size viewBox (scaled by CSS), margins, axes
 * with labels, and a guard that keeps non-finite values out of paths.
 */
import { select, type BaseType, type ScaleLinear, type Selection } from 'd3';
import { axisBottom, axisLeft } from './axis';
import { setIfChanged } from './d3quiet';
import { useLayoutEffect, useState, type RefObject } from 'react';

export const W = 640;
export const H = 240;
export const M = { top: 10, right: 14, bottom: 34, left: 48 };

export type G = Selection<SVGGElement, unknown, null, undefined>;

/**
 * An axis group `g.<cls>` under g, redrawn only when `key` changes (e.g. scaleKey of its scale):
 * a d3 axis costs a fraction of a ms, and most axes do not move with a drag.
 */
export function cachedAxis<D, P extends BaseType, PD>(
  g: Selection<SVGGElement, D, P, PD>,
  cls: string,
  key: string,
  transform: string | null,
  draw: (sel: Selection<SVGGElement, null, SVGGElement, unknown>) => void,
): void {
  const node = child<SVGGElement>(g as unknown as G, 'g', cls, { class: `axis ${cls}` });
  if (transform) setIfChanged(node, 'transform', transform);
  if (node.dataset.key === key) return;
  node.dataset.key = key;
  const sel = select(node);
  draw(sel as unknown as Selection<SVGGElement, null, SVGGElement, unknown>);
}

/** The domain and range of a scale, as a cache key. */
export const scaleKey = (s: { domain(): unknown[]; range(): unknown[] }): string =>
  `${s.domain().join(',')}|${s.range().join(',')}`;

/** The one `tag.cls` child of `g`, made with its static attributes the first time it is asked for. */
export function child<E extends SVGElement>(
  g: G,
  tag: string,
  cls: string,
  init: Record<string, string | number> = {},
): E {
  const found = g.select<E>(`${tag}.${cls}`).node();
  if (found) return found;
  const made = g.append(tag).attr('class', cls);
  for (const [k, v] of Object.entries(init)) made.attr(k, v);
  return made.node() as unknown as E;
}

export { setIfChanged };

/** Draws (idempotently) x and y axes with labels into `g`; an axis whose scale is unchanged is kept. */
export function drawAxes(
  g: G,
  x: ScaleLinear<number, number>,
  y: ScaleLinear<number, number>,
  labels: { x: string; y: string },
  size: { w: number; h: number } = { w: W, h: H },
): void {
  const innerH = size.h - M.top - M.bottom;
  cachedAxis(g, 'x-axis', scaleKey(x), `translate(0,${innerH})`, (a) =>
    a.call(axisBottom(x).ticks(6).tickSizeOuter(0)),
  );
  cachedAxis(g, 'y-axis', scaleKey(y), null, (a) => a.call(axisLeft(y).ticks(5).tickSizeOuter(0)));
  g.selectAll<SVGTextElement, string>('text.x-label')
    .data([labels.x])
    .join('text')
    .attr('class', 'x-label')
    .attr('x', x.range()[1] ?? 0)
    .attr('y', innerH + 30)
    .attr('text-anchor', 'end')
    .text((d) => d);
  g.selectAll<SVGTextElement, string>('text.y-label')
    .data([labels.y])
    .join('text')
    .attr('class', 'y-label')
    .attr('transform', `translate(${-38},${0}) rotate(-90)`)
    .attr('text-anchor', 'end')
    .text((d) => d);
}

/** [min, max] of the finite values (with a floor on the span so flat signals still show). */
export function extent(...arrays: ArrayLike<number>[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const a of arrays) {
    for (let i = 0; i < a.length; i++) {
      const v = a[i]!;
      if (Number.isFinite(v)) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
  }
  if (!Number.isFinite(lo)) return [-1, 1];
  if (hi - lo < 1e-12) return [lo - 0.5, hi + 0.5];
  const pad = 0.06 * (hi - lo);
  return [lo - pad, hi + pad];
}

/**
 * The SVG path through the points (px(j), py(j)), j < n, to 0.01 px (plots are drawn at 1:1
 * pixels), broken where a coordinate is not finite: what d3's line().digits(2) draws, for the
 * paths redrawn on every frame of playback. The numbers are written with toFixed, which makes a
 * new string each time: d3-path's String(number) goes through V8's number-to-string cache, which
 * keeps each new string alive through the next minor collections. Promoted that way, a frame's
 * coordinates grew the old generation by ~0.8 MB every third of a second, and the major
 * collections this forced (5–17 ms each) were among the frames that playback dropped.
 */
export function polyline(n: number, px: (j: number) => number, py: (j: number) => number): string {
  let d = '';
  let pen = false;
  for (let j = 0; j < n; j++) {
    const x = px(j);
    const y = py(j);
    if (Number.isFinite(x) && Number.isFinite(y)) {
      d += (pen ? 'L' : 'M') + x.toFixed(2) + ',' + y.toFixed(2);
      pen = true;
    } else pen = false;
  }
  return d;
}

/** The plot group inside an <svg>, created once. */
export function plotGroup(svg: SVGSVGElement): G {
  const root = select(svg);
  let g = root.select<SVGGElement>('g.plot-root');
  if (g.empty()) g = root.append('g').attr('class', 'plot-root');
  return (g as unknown as G).attr('transform', `translate(${M.left},${M.top})`);
}

/**
 * Width in CSS pixels of the element (its plot container), kept current with a ResizeObserver,
 * so that charts draw at 1:1 and text stays at its type size.
 */
export function useWidth(ref: RefObject<HTMLElement | null>, fallback = W): number {
  const [w, setW] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => {
      const next = Math.round(el.getBoundingClientRect().width);
      if (next > 0) setW((prev) => (Math.abs(prev - next) > 1 ? next : prev));
    };
    update();
    const ro = new ResizeObserver(update);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return w;
}
