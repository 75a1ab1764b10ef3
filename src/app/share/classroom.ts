/**
 * What a classroom link does to the page (schema: hideControls `hc`, hidePanels `hp`, lock
 * `lock`): hidden controls and panels get a generated stylesheet; locked parameters have every
 * element carrying their `data-param` disabled, marked `data-locked` and titled "locked by the
 * teacher".
 *
 * Pointer drags of RTF poles and zeros are switched off with `a` and `b` (drawing a signal needs
 * the draw-mode button, which `draw` locks); the keyboard on a focused pole handle is not.
 *
 * A lock is a classroom convenience, not a security boundary: it disables the controls, while
 * lesson steps and `window.ssmLab.setParams` still set any parameter (the teacher chose the
 * lesson; scripts and tests keep full access).
 */
import { CONTROL_KEYS, PANEL_IDS, type ControlKey, type PanelId } from '../../state/schema';

/** Elements that stand for a control key besides `[data-param="<key>"]` itself. */
const ALIASES: Partial<Record<ControlKey, string[]>> = {
  t: ['[data-param="play"]', '.timebar > button', '.timebar > output'],
  draw: ['[data-param="draw-mode"]'],
};

/** Selectors of the elements that carry a control key. */
export function controlSelectors(key: ControlKey): string[] {
  return [`[data-param="${key}"]`, ...(ALIASES[key] ?? [])];
}

/** The page's chapters and their panels (App.tsx), so a chapter with all panels hidden goes too. */
const CHAPTER_PANELS: Record<string, PanelId[]> = {
  memory: ['signal', 'basis', 'coefficients'],
  discretisation: ['matrices', 'eigenvalues'],
  kernels: ['kernel', 'frequency', 'equivalence'],
  rtf: ['rtf'],
  performance: ['performance'],
};

/** CSS that hides the given controls (with their labels) and panels (with their grid cells). */
export function hidingCss(controls: readonly ControlKey[], panels: readonly PanelId[]): string {
  const rules: string[] = [];
  for (const k of controls) {
    for (const sel of controlSelectors(k)) rules.push(sel, `label:has(${sel})`);
  }
  for (const p of panels) rules.push(`.slot:has(> [data-panel="${p}"])`);
  for (const [id, ps] of Object.entries(CHAPTER_PANELS)) {
    if (ps.every((p) => panels.includes(p)))
      rules.push(`section.chapter#${id}`, `.topbar nav a[href="#${id}"]`);
  }
  return rules.length ? `${rules.join(',\n')} { display: none !important; }` : '';
}

/**
 * CSS for presenter mode during a lesson step: only the step's panel and the controls it needs
 * stay; the rest folds away.
 */
export function presenterCss(panel: PanelId | null, controls: readonly ControlKey[]): string {
  if (!panel) return '';
  // The language switch stays: a presenter may change language mid-lesson.
  const hideControls = CONTROL_KEYS.filter((k) => !controls.includes(k) && k !== 'lang');
  const hidePanels = PANEL_IDS.filter((p) => p !== panel);
  return hidingCss(hideControls, hidePanels);
}

/** Direct manipulation in panels that sets a locked parameter: pointer input is switched off. */
const DRAGS: Partial<Record<ControlKey, string>> = {
  a: '[data-panel="rtf"] .pole-handle',
  b: '[data-panel="rtf"] .zero-handle',
};

/** CSS that stops pointer drags of locked parameters (drawing needs the draw-mode button, locked with `draw`). */
export function lockCss(keys: readonly ControlKey[]): string {
  const sels = keys.flatMap((k) => DRAGS[k] ?? []);
  return sels.length ? `${sels.join(',\n')} { pointer-events: none !important; }` : '';
}

const FORM = new Set(['INPUT', 'SELECT', 'BUTTON', 'TEXTAREA']);

/** Locks (or, with an empty list, unlocks) the controls of `keys` inside `root`. */
export function applyLocks(
  root: ParentNode,
  keys: readonly ControlKey[],
  title: (k: ControlKey) => string,
): void {
  const want = new Map<Element, ControlKey>();
  for (const k of keys)
    for (const sel of controlSelectors(k))
      for (const el of root.querySelectorAll(sel)) want.set(el, k);
  // Unlock what is no longer locked.
  for (const el of root.querySelectorAll('[data-locked]')) {
    if (want.has(el)) continue;
    el.removeAttribute('data-locked');
    if (FORM.has(el.tagName))
      (el as HTMLInputElement).disabled = el.hasAttribute('data-was-disabled');
    el.removeAttribute('data-was-disabled');
    el.removeAttribute('aria-disabled');
    const label = el.closest('label');
    for (const t of label ? [el, label] : [el]) {
      const old = t.getAttribute('data-unlocked-title');
      if (old !== null) {
        if (old) t.setAttribute('title', old);
        else t.removeAttribute('title');
        t.removeAttribute('data-unlocked-title');
      }
    }
    label?.classList.remove('locked');
  }
  for (const [el, k] of want) {
    const text = title(k);
    if (!el.hasAttribute('data-locked')) {
      el.setAttribute('data-locked', k);
      if (FORM.has(el.tagName) && (el as HTMLInputElement).disabled)
        el.setAttribute('data-was-disabled', '');
    }
    if (FORM.has(el.tagName) && !(el as HTMLInputElement).disabled)
      (el as HTMLInputElement).disabled = true;
    el.setAttribute('aria-disabled', 'true');
    const label = el.closest('label');
    for (const t of label ? [el, label] : [el]) {
      if (!t.hasAttribute('data-unlocked-title'))
        t.setAttribute('data-unlocked-title', t.getAttribute('title') ?? '');
      if (t.getAttribute('title') !== text) t.setAttribute('title', text);
    }
    label?.classList.add('locked');
  }
}
