// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setUi } from '../state/store';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
// The app's page is in standards mode (happy-dom has no compatMode; KaTeX reads it on load).
Object.defineProperty(document, 'compatMode', { value: 'CSS1Compat' });
const { Equation } = await import('./Panel');

/** Renders `tex` into a fresh root; returns a re-render function and the slot's text. */
function mount(tex: string) {
  const box = document.createElement('div');
  document.body.append(box);
  const root = createRoot(box);
  act(() => root.render(createElement(Equation, { tex })));
  return {
    render: (t: string) => act(() => root.render(createElement(Equation, { tex: t }))),
    slot: () => box.querySelector('.katex-html .eqn-0')?.textContent,
    unmount: () => act(() => root.unmount()),
  };
}

describe('Equation numbers written in place', () => {
  afterEach(() => {
    vi.useRealTimers();
    setUi({ playing: false });
  });

  it('at once while paused (a drag, a step)', () => {
    const eq = mount('x = 0.5');
    expect(eq.slot()).toBe('0.5');
    eq.render('x = 0.625');
    expect(eq.slot()).toBe('0.625');
    eq.render('x = -0.75');
    expect(eq.slot()).toBe('−0.75');
    eq.unmount();
  });

  it('during playback at most every 250 ms, always ending on the last value', () => {
    vi.useFakeTimers();
    const eq = mount('x = 0.5');
    setUi({ playing: true });
    eq.render('x = 0.625');
    // Steps within the same 250 ms wait; the last one is written when its turn comes.
    for (const v of ['0.75', '0.875', '0.9375']) {
      vi.advanceTimersByTime(16);
      eq.render(`x = ${v}`);
    }
    const before = eq.slot();
    act(() => vi.advanceTimersByTime(250));
    expect(eq.slot()).toBe('0.9375');
    expect(before).not.toBe('0.9375');
    eq.unmount();
  });
});
