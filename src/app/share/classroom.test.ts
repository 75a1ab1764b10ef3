/** The classroom link's generated CSS and the QR matrix, as plain functions. */
import { describe, expect, it } from 'vitest';
import { hidingCss, lockCss, presenterCss } from './classroom';
import { qrMatrix } from './QrCode';

describe('classroom CSS', () => {
  it('hides a control with its label, a panel with its grid cell, and an emptied chapter', () => {
    const css = hidingCss(['N', 't'], ['rtf']);
    expect(css).toContain('[data-param="N"]');
    expect(css).toContain('label:has([data-param="N"])');
    expect(css).toContain('[data-param="play"]'); // the time cursor takes play with it
    expect(css).toContain('.slot:has(> [data-panel="rtf"])');
    expect(css).toContain('section.chapter#rtf'); // its only panel is hidden
    expect(css).not.toContain('section.chapter#memory');
    expect(css).toMatch(/\{ display: none !important; \}$/);
    expect(hidingCss([], [])).toBe('');
  });
  it('presenter mode keeps only the step’s panel, its controls and the language switch', () => {
    const css = presenterCss('kernel', ['N', 'dt']);
    expect(css).not.toContain('[data-panel="kernel"]');
    expect(css).toContain('[data-panel="signal"]');
    expect(css).not.toContain('[data-param="N"]');
    expect(css).not.toContain('[data-param="lang"]');
    expect(css).toContain('[data-param="m"]');
    expect(presenterCss(null, [])).toBe('');
  });
  it('locking a and b stops dragging poles and zeros; other locks add no CSS', () => {
    expect(lockCss(['a'])).toContain('.pole-handle');
    expect(lockCss(['a'])).not.toContain('.zero-handle');
    expect(lockCss(['m', 'N'])).toBe('');
  });
});

describe('QR matrix', () => {
  it('grows with the text in steps of 4 modules, and refuses a text too long for any version', () => {
    const small = qrMatrix('http://127.0.0.1:4173/?v=1&N=12')!;
    const big = qrMatrix(`http://127.0.0.1:4173/?v=1&draw=${'A'.repeat(900)}`)!;
    expect(small.size).toBeGreaterThanOrEqual(21);
    expect((small.size - 21) % 4).toBe(0);
    expect(big.size).toBeGreaterThan(small.size);
    // The three finder patterns: the top-left module of each corner is dark.
    expect(small.path.startsWith('M0 0h1v1h-1z')).toBe(true);
    expect(small.path).toContain(`M${small.size - 1} 0h1v1h-1z`);
    expect(small.path).toContain(`M0 ${small.size - 1}h1v1h-1z`);
    expect(qrMatrix('x'.repeat(4000))).toBeNull();
  });
});
