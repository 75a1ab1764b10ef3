// @vitest-environment happy-dom
import { select } from 'd3';
import { describe, expect, it } from 'vitest';
import './d3quiet';

/** Mutation records of `body` while `act` runs (delivered after a macrotask). */
async function writes(act: () => void): Promise<string[]> {
  const seen: string[] = [];
  const mo = new MutationObserver((ms) =>
    ms.forEach((m) => seen.push(`${m.type}:${m.attributeName ?? ''}`)),
  );
  mo.observe(document.body, {
    subtree: true,
    attributes: true,
    childList: true,
    characterData: true,
  });
  act();
  await new Promise((r) => setTimeout(r, 0));
  mo.disconnect();
  return seen;
}

describe('d3 selections write only what changed', () => {
  const draw = (data: number[], label: string) =>
    select(document.body)
      .selectAll('svg')
      .data([null])
      .join('svg')
      .selectAll('text')
      .data(data)
      .join('text')
      .attr('class', 'label')
      .attr('x', (d) => d * 10)
      .attr('y', 5)
      .attr('xlink:href', '#a')
      .text((d) => `${label} ${d}`);

  it('sets attributes and text as d3 does', () => {
    draw([1, 2], 'n');
    const texts = [...document.querySelectorAll('text')];
    expect(texts.map((t) => [t.getAttribute('x'), t.getAttribute('y'), t.textContent])).toEqual([
      ['10', '5', 'n 1'],
      ['20', '5', 'n 2'],
    ]);
    expect(texts[0]!.getAttributeNS('http://www.w3.org/1999/xlink', 'href')).toBe('#a');
    expect(select(texts[0]!).attr('class')).toBe('label');
    expect(select(texts[1]!).text()).toBe('n 2');
  });

  it('writes nothing when nothing changed, and only what changed otherwise', async () => {
    draw([1, 2], 'n');
    // The namespaced attribute goes through d3 unchanged (a write each time).
    expect(await writes(() => draw([1, 2], 'n'))).toEqual(['attributes:href', 'attributes:href']);
    const changed = await writes(() => draw([1, 3], 'n'));
    // The second text's x and the data of its text node (kept, not replaced); nothing of the
    // first, no y or class.
    expect(new Set(changed.filter((w) => !w.endsWith('href')))).toEqual(
      new Set(['attributes:x', 'characterData:']),
    );
    expect(changed.filter((w) => w === 'attributes:x')).toHaveLength(1);
  });

  it('removes an attribute set to null', () => {
    const s = select(document.body).append('div').attr('title', 'a');
    s.attr('title', null);
    expect(s.node()!.hasAttribute('title')).toBe(false);
    s.text(null);
    expect(s.node()!.textContent).toBe('');
  });
});
