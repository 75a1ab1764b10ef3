// @vitest-environment happy-dom
import * as d3 from 'd3';
import { describe, expect, it } from 'vitest';
import * as ours from './axis';

type Make = 'axisTop' | 'axisRight' | 'axisBottom' | 'axisLeft';

/**
 * What an axis shows, read from its markup: the group's attributes, the domain path, and per tick
 * (in document order) where it sits, its label and the offsets of its line and text. d3-axis
 * places a tick with a transform on its group; ours with the coordinates of its line and text.
 */
function shown(g: SVGGElement, vertical: boolean) {
  const attrs = ['fill', 'font-size', 'font-family', 'text-anchor']
    .map((a) => `${a}=${g.getAttribute(a)}`)
    .join(' ');
  const domain = g.querySelector('path.domain')?.outerHTML ?? '';
  const [along, across] = vertical ? ['y', 'x'] : ['x', 'y'];
  const ticks = [...g.querySelectorAll('g.tick')].map((t) => {
    const line = t.querySelector('line')!;
    const text = t.querySelector('text')!;
    const moved = /translate\(([^,]+),([^)]+)\)/.exec(t.getAttribute('transform') ?? '');
    const shift = Number(moved?.[vertical ? 2 : 1] ?? 0);
    const at = (el: Element, name: string) => shift + Number(el.getAttribute(name) ?? 0);
    return {
      line: [at(line, `${along}1`), at(line, `${along}2`)],
      text: at(text, along),
      label: text.textContent,
      looks: [
        line.getAttribute('stroke'),
        line.getAttribute(`${across}2`),
        text.getAttribute('fill'),
        text.getAttribute(across),
        text.getAttribute('dy'),
      ],
    };
  });
  return { attrs, domain, ticks };
}

function svgGroup(): d3.Selection<SVGGElement, unknown, null, undefined> {
  return d3.select(document.body).append('svg').append('g') as never;
}

const cases: {
  name: string;
  make: Make;
  scale: () => d3.ScaleContinuousNumeric<number, number>;
  /** Configures either axis: d3's has the same chainable methods. */
  set: (a: ours.Axis) => void;
}[] = [
  {
    name: 'bottom, linear, 6 ticks, no outer ticks',
    make: 'axisBottom',
    scale: () => d3.scaleLinear().domain([0, 20.48]).range([0, 560]),
    set: (a) => void a.ticks(6).tickSizeOuter(0),
  },
  {
    name: 'left, linear, default ticks',
    make: 'axisLeft',
    scale: () => d3.scaleLinear().domain([-1.2, 1.3]).range([200, 0]),
    set: () => undefined,
  },
  {
    name: 'top, log, tick values and format',
    make: 'axisTop',
    scale: () => d3.scaleLog().domain([1e-18, 1]).range([0, 300]),
    set: (a) => void a.tickValues([1e-18, 1e-9, 1]).tickFormat((v) => `1e${Math.log10(+v)}`),
  },
  {
    name: 'right, linear, inner size and padding',
    make: 'axisRight',
    scale: () => d3.scaleLinear().domain([3, 7]).range([0, 90]),
    set: (a) => void a.ticks(3).tickSizeInner(-40).tickPadding(5),
  },
];

describe('axis (d3-axis markup, updated in place)', () => {
  for (const c of cases) {
    it(`draws what d3-axis draws: ${c.name}`, () => {
      const a = ours[c.make](c.scale());
      c.set(a);
      const mine = svgGroup();
      mine.call(a);
      const ref = d3[c.make](c.scale());
      c.set(ref as unknown as ours.Axis);
      const theirs = svgGroup();
      theirs.call(ref);
      const vertical = c.make === 'axisLeft' || c.make === 'axisRight';
      expect(shown(mine.node()!, vertical)).toEqual(shown(theirs.node()!, vertical));
      expect(mine.selectAll('g.tick').size()).toBeGreaterThan(1);
    });
  }

  it('keeps the tick of a value that stays, and changes only what moved', () => {
    const x = d3.scaleLinear().domain([0, 20]).range([0, 500]);
    const g = svgGroup();
    g.call(ours.axisBottom(x).ticks(5));
    const five = [...g.node()!.querySelectorAll('g.tick')].find((t) => t.textContent === '5');
    const label = five?.querySelector('text')?.firstChild;
    expect(label).toBeTruthy();

    x.domain([0, 25]);
    g.call(ours.axisBottom(x).ticks(5));
    const after = [...g.node()!.querySelectorAll('g.tick')];
    expect(after.map((t) => t.textContent)).toEqual(x.ticks(5).map(String));
    expect(after).toContain(five);
    expect(five!.querySelector('text')!.firstChild).toBe(label);
    expect(five!.querySelector('line')!.getAttribute('x1')).toBe(String(x(5) + 0.5));
    expect(five!.querySelector('text')!.getAttribute('x')).toBe(String(x(5) + 0.5));

    // A tick new at the front goes before those kept.
    x.domain([-10, 25]);
    g.call(ours.axisBottom(x).ticks(5));
    const labels = [...g.node()!.querySelectorAll('g.tick')].map((t) => t.textContent);
    expect(labels).toEqual(x.ticks(5).map(x.tickFormat(5)));
    expect(labels[0]).toBe('−10');

    // Drawn again unchanged, nothing is written.
    const writes: string[] = [];
    new MutationObserver((ms) => ms.forEach((m) => writes.push(m.type))).observe(g.node()!, {
      subtree: true,
      attributes: true,
      childList: true,
      characterData: true,
    });
    g.call(ours.axisBottom(x).ticks(5));
    return new Promise<void>((done) =>
      setTimeout(() => {
        expect(writes).toEqual([]);
        done();
      }, 0),
    );
  });
});
