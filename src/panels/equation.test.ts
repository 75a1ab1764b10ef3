import { describe, expect, it } from 'vitest';
import { equationSlots, slotText, texToHtml } from './Panel';

describe('equation slots (numbers updated in place)', () => {
  it('finds the free numbers, not those of commands or bare scripts', () => {
    const s = equationSlots(
      '\\Delta = 0.0123,\\ \\sqrt2\\, x_1 = 1.5\\cdot 10^{-3} \\ge0 \\mathbb{R}^{64}',
    );
    expect(s.values).toEqual(['0.0123', '1.5\\cdot 10^{-3}', '64']);
    expect(s.shape).toBe('\\Delta = {#},\\ \\sqrt2\\, x_1 = {#} \\ge0 \\mathbb{R}^{{#}}');
    expect(
      equationSlots('\\Delta = 0.5,\\ \\sqrt2\\, x_1 = 7\\cdot 10^{-12} \\ge0 \\mathbb{R}^{8}')
        .shape,
    ).toBe(s.shape);
    expect(equationSlots('12').values).toEqual(['12']);
    // A sign or a turn to scientific keeps the shape; a minus between terms stays TeX.
    const a = equationSlots('x_0(13.5)=0.001616,\\ P(2s-1)');
    expect(a.values).toEqual(['13.5', '0.001616', '2']);
    for (const v of ['-0.5125', '8.503\\cdot 10^{-4}', '-1.2\\cdot 10^{12}'])
      expect(equationSlots(`x_0(13.5)=${v},\\ P(2s-1)`).shape).toBe(a.shape);
    expect(equationSlots('x').values).toEqual([]);
  });

  it('typesets each slot as one run of glyphs in an eqn-i span, in text and script too', () => {
    const s = equationSlots('y = 0.0123\\, x^{2} + \\text{N = 64}');
    const html = texToHtml(s.marked);
    // The slot span holds exactly one glyph span with the number (no DOM in these tests: regex).
    s.values.forEach((v, i) =>
      expect(html).toMatch(
        new RegExp(`<span class="enclosing eqn-${i}[^"]*"><span class="[^"]*">${v}</span></span>`),
      ),
    );
    expect(html).not.toMatch(/katex-error|#cc0000/);
  });

  it('writes a slot in place as plain text', () => {
    expect(slotText('0.25')).toBe('0.25');
    expect(slotText('-0.25')).toBe('−0.25');
    expect(slotText('8.503\\cdot 10^{-4}')).toBe('8.503·10⁻⁴');
    expect(slotText('-1.2\\cdot 10^{12}')).toBe('−1.2·10¹²');
    // Every slot equationSlots finds has a text form (no TeX left in it).
    const s = equationSlots('a = -3.5\\cdot 10^{-7},\\ b = 42');
    expect(s.values.map(slotText)).toEqual(['−3.5·10⁻⁷', '42']);
  });

  it('trusts \\htmlClass only with a slot class', () => {
    expect(texToHtml('\\htmlClass{eqn-3}{1}')).toMatch(/class="enclosing eqn-3"/);
    for (const bad of ['\\htmlClass{evil}{1}', '\\htmlClass{eqn-3 x}{1}', '\\htmlId{eqn-3}{1}'])
      expect(texToHtml(bad), bad).not.toMatch(/class="enclosing|id="/);
  });
});
