/**
 * Axes that update in place, with d3-axis's chainable interface and look (g.tick > line + text,
 * path.domain, the same attributes and offsets). Two differences, both for speed:
 * - ticks are matched by value, and every attribute and label is written only when it changes
 *   (d3-axis rewrites every tick's attributes and text on each call: while Δ is dragged or the
 *   cursor plays, that churn was the largest single cost of a frame);
 * - a tick is placed by its line's and text's coordinates, not by a transform on its group: each
 *   SVG transform is a node of Blink's property trees, and a few hundred of them made every frame
 *   pay to layerize the page.
 */
import type { Selection } from 'd3';
import { setIfChanged, setText } from './d3quiet';

type Orient = 'top' | 'right' | 'bottom' | 'left';

/** What an axis needs of a continuous d3 scale (linear, log, symlog…). */
interface AxisScale {
  (v: number): number | undefined;
  range(): number[];
  domain(): unknown[];
  ticks?(count?: number): number[];
  tickFormat?(count?: number): (v: number) => string;
}

export interface Axis {
  (sel: Selection<SVGGElement, any, any, any>): void; // eslint-disable-line @typescript-eslint/no-explicit-any
  ticks(count: number): Axis;
  tickValues(values: readonly number[] | null): Axis;
  tickFormat(format: ((v: number, i: number) => string) | null): Axis;
  tickSize(size: number): Axis;
  tickSizeInner(size: number): Axis;
  tickSizeOuter(size: number): Axis;
  tickPadding(padding: number): Axis;
}

const SVG = 'http://www.w3.org/2000/svg';

const set = (el: Element, name: string, v: string | number) => setIfChanged(el, name, String(v));

/** A tick element remembers the value it shows. */
type Tick = SVGGElement & { __tick?: number };

function axis(orient: Orient, scale: AxisScale): Axis {
  let count: number | undefined;
  let values: readonly number[] | null = null;
  let format: ((v: number, i: number) => string) | null = null;
  let inner = 6;
  let outer = 6;
  let padding = 3;
  const k = orient === 'top' || orient === 'left' ? -1 : 1;
  const vertical = orient === 'left' || orient === 'right';
  // Ticks sit along the axis and point across it.
  const along = vertical ? 'y' : 'x';
  const across = vertical ? 'x' : 'y';

  const draw = ((sel: Selection<SVGGElement, unknown, null, undefined>) => {
    const g = sel.node();
    if (!g) return;
    const offset = window.devicePixelRatio > 1 ? 0 : 0.5;
    const ticks = values ?? scale.ticks?.(count) ?? (scale.domain() as number[]);
    const fmt = format ?? scale.tickFormat?.(count) ?? String;
    const spacing = Math.max(inner, 0) + padding;
    const range = scale.range();
    const r0 = +range[0]! + offset;
    const r1 = +range[range.length - 1]! + offset;

    set(g, 'fill', 'none');
    set(g, 'font-size', 10);
    set(g, 'font-family', 'sans-serif');
    set(g, 'text-anchor', orient === 'right' ? 'start' : orient === 'left' ? 'end' : 'middle');

    let domain = g.querySelector(':scope > path.domain');
    if (!domain) {
      domain = document.createElementNS(SVG, 'path');
      domain.setAttribute('class', 'domain');
      domain.setAttribute('stroke', 'currentColor');
      g.insertBefore(domain, g.firstChild);
    }
    const o = k * outer;
    set(
      domain,
      'd',
      vertical
        ? outer
          ? `M${o},${r0}H${offset}V${r1}H${o}`
          : `M${offset},${r0}V${r1}`
        : outer
          ? `M${r0},${o}V${offset}H${r1}V${o}`
          : `M${r0},${offset}H${r1}`,
    );

    // Ticks whose value stays are kept; the others go first, so that those kept stay in order.
    const keep = new Set(ticks);
    const old = new Map<number, Tick>();
    for (const el of g.querySelectorAll<Tick>(':scope > g.tick')) {
      const v = el.__tick;
      if (v !== undefined && keep.has(v) && !old.has(v)) old.set(v, el);
      else el.remove();
    }
    let prev: Element = domain;
    ticks.forEach((v, i) => {
      const pos = scale(v);
      let tick = old.get(v);
      if (!tick) {
        tick = document.createElementNS(SVG, 'g') as Tick;
        tick.__tick = v;
        tick.setAttribute('class', 'tick');
        const line = tick.appendChild(document.createElementNS(SVG, 'line'));
        line.setAttribute('stroke', 'currentColor');
        const text = tick.appendChild(document.createElementNS(SVG, 'text'));
        text.setAttribute('fill', 'currentColor');
        text.setAttribute(across, String(k * spacing));
        text.setAttribute(
          'dy',
          orient === 'top' ? '0em' : orient === 'bottom' ? '0.71em' : '0.32em',
        );
      }
      if (prev.nextSibling !== tick) g.insertBefore(tick, prev.nextSibling);
      prev = tick;
      const p = (pos ?? NaN) + offset;
      const [line, text] = tick.children as unknown as [SVGLineElement, SVGTextElement];
      set(line, `${along}1`, p);
      set(line, `${along}2`, p);
      set(line, `${across}2`, k * inner);
      set(text, along, p);
      set(text, across, k * spacing);
      const label = fmt(v, i);
      setText(text, label);
    });
  }) as Axis;

  draw.ticks = (c) => ((count = c), draw);
  draw.tickValues = (v) => ((values = v), draw);
  draw.tickFormat = (f) => ((format = f), draw);
  draw.tickSize = (s) => ((inner = outer = s), draw);
  draw.tickSizeInner = (s) => ((inner = s), draw);
  draw.tickSizeOuter = (s) => ((outer = s), draw);
  draw.tickPadding = (p) => ((padding = p), draw);
  return draw;
}

export const axisTop = (s: AxisScale): Axis => axis('top', s);
export const axisRight = (s: AxisScale): Axis => axis('right', s);
export const axisBottom = (s: AxisScale): Axis => axis('bottom', s);
export const axisLeft = (s: AxisScale): Axis => axis('left', s);
