/**
 * Colour theme: auto (follows prefers-color-scheme), light or dark, applied as data-theme on
 * <html> (styles.css holds every colour as a CSS variable per theme; panels read them).
 *
 * The choice lives in localStorage, not in the URL: it is the reader's display preference, like
 * their system setting, not part of the view a link reproduces — a shared link should open in
 * the recipient's theme, and a projector-room choice should stick across links.
 */
import { useSyncExternalStore } from 'react';

export const THEMES = ['auto', 'light', 'dark'] as const;
export type ThemePref = (typeof THEMES)[number];
const KEY = 'ssm-lab.theme';

const listeners = new Set<() => void>();
let pref: ThemePref = read();

function read(): ThemePref {
  try {
    const v = localStorage.getItem(KEY);
    return (THEMES as readonly string[]).includes(v ?? '') ? (v as ThemePref) : 'auto';
  } catch {
    return 'auto'; // storage blocked (private mode, sandbox): auto, not an error
  }
}

const dark = () =>
  typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;

/** Writes the resolved theme onto <html>; call once at start and on every change. */
export function applyTheme(): void {
  const resolved = pref === 'auto' ? (dark() ? 'dark' : 'light') : pref;
  if (document.documentElement.dataset.theme !== resolved)
    document.documentElement.dataset.theme = resolved;
}

export function setTheme(next: ThemePref): void {
  pref = next;
  try {
    localStorage.setItem(KEY, next);
  } catch {
    // not persisted; still applied for this page
  }
  applyTheme();
  for (const l of listeners) l();
}

/** Applies the stored theme and follows the system setting while on auto. */
export function startTheme(): void {
  applyTheme();
  if (typeof matchMedia === 'function')
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', applyTheme);
}

export function useTheme(): ThemePref {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => pref,
  );
}
