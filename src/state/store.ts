/**
 * The lab's store (DESIGN §6): `params` are the inputs that live in the URL; `ui` is transient
 * (playback, hover, notices). Derived values are memoised selectors in derived.ts, never stored.
 * Actions are plain exported functions (zustand's "no store actions" pattern).
 */
import type { Msg } from './i18n/msg';
import { createContext, useContext, useRef } from 'react';
import { useStore, type StoreApi } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { shallow } from 'zustand/vanilla/shallow';
import { defaultParams, PARAM_NAMES, schema, type ParamName, type Params } from './schema';

export interface Backend {
  name: 'webgpu' | 'cpu';
  adapter?: string;
  note?: string;
}

export interface UiState {
  playing: boolean;
  /** Index of the hovered basis function / coefficient, shared across panels. */
  hoverBasis: number | null;
  /** Plain-words notices about the URL (what was fixed when it was read). */
  urlNotices: Msg[];
  backend: Backend;
  /** What a crashed compute worker said (shown as faults.workerCrashed until dismissed). */
  workerNotice: string | null;
}

export interface LabState {
  params: Params;
  ui: UiState;
}

export const initialUi = (): UiState => ({
  playing: false,
  hoverBasis: null,
  urlNotices: [],
  backend: { name: 'cpu', note: 'starting' },
  workerNotice: null,
});

export const lab = createStore<LabState>(() => ({ params: defaultParams(), ui: initialUi() }));

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** Coerces one value to its field's type and range; returns undefined if it cannot. */
export function coerce<K extends ParamName>(name: K, value: unknown): Params[K] | undefined {
  const f = schema[name];
  switch (f.kind) {
    case 'enum':
      return (f.options as readonly unknown[]).includes(value) ? (value as Params[K]) : undefined;
    case 'bool':
      return typeof value === 'boolean' ? (value as Params[K]) : undefined;
    case 'int':
    case 'float': {
      const x = Number(value);
      if (typeof value === 'boolean' || value === null || value === '' || !Number.isFinite(x))
        return undefined;
      return clamp(f.kind === 'int' ? Math.round(x) : x, f.min, f.max) as Params[K];
    }
    case 'array': {
      if (!Array.isArray(value) || value.length < f.minLength || value.length > f.maxLength)
        return undefined;
      const xs = value.map(Number);
      return xs.every(Number.isFinite)
        ? (xs.map((x) => clamp(x, f.min, f.max)) as Params[K])
        : undefined;
    }
    case 'set': {
      // Any order, repeats allowed; an id outside the options rejects the value.
      const options = f.options as readonly unknown[];
      if (!Array.isArray(value) || !value.every((v) => options.includes(v))) return undefined;
      return options.filter((o) => value.includes(o)) as Params[K];
    }
    case 'samples': {
      if (!Array.isArray(value) || value.length > f.maxLength) return undefined;
      const xs = value.map(Number);
      return xs.every(Number.isFinite)
        ? (xs.map((x) => clamp(x, -10, 10)) as Params[K])
        : undefined;
    }
  }
}

/**
 * Sets some parameters. Each value is coerced to its field (clamped, rounded); values that
 * cannot be coerced are skipped and named in the returned list.
 */
export function setParams(partial: Partial<Record<ParamName, unknown>>): string[] {
  const rejected: string[] = [];
  const next: Partial<Params> = {};
  for (const [k, v] of Object.entries(partial)) {
    if (!PARAM_NAMES.includes(k as ParamName)) {
      rejected.push(k);
      continue;
    }
    const c = coerce(k as ParamName, v);
    if (c === undefined) rejected.push(k);
    else (next as Record<string, unknown>)[k] = c;
  }
  if (Object.keys(next).length) lab.setState((s) => ({ params: { ...s.params, ...next } }));
  return rejected;
}

export function setUi(partial: Partial<UiState>): void {
  lab.setState((s) => ({ ui: { ...s.ui, ...partial } }));
}

export function resetParams(): void {
  lab.setState({ params: defaultParams() });
}

/**
 * A view of the store for one panel that follows it live while the panel is on screen and
 * catches up when the main thread is idle while it is not (or at once when it scrolls back
 * into view). Dragging a slider then pays only for the panels in view.
 */
export interface Gate extends StoreApi<LabState> {
  setVisible(visible: boolean): void;
  /** Starts following the store; returns the function that stops it. */
  connect(): () => void;
}

const QUIET_MS = 250;

export function createGate(): Gate {
  let snapshot = lab.getState();
  let visible = true;
  let idle = 0;
  const listeners = new Set<(s: LabState, prev: LabState) => void>();
  const emit = (): void => {
    const prev = snapshot;
    snapshot = lab.getState();
    if (snapshot !== prev) for (const l of listeners) l(snapshot, prev);
  };
  // Catch up once the store has been quiet for QUIET_MS (so not between the steps of a drag),
  // then in an idle period. A change re-arms nothing: the timer, when it fires, waits out what
  // is left of the quiet period since the last change (playback changes the store every frame).
  let quiet = 0;
  let lastChange = 0;
  const cancelIdle = (): void => {
    clearTimeout(quiet);
    quiet = 0;
    if (!idle) return;
    if (typeof cancelIdleCallback === 'function') cancelIdleCallback(idle);
    else clearTimeout(idle);
    idle = 0;
  };
  const whenQuiet = (): void => {
    const left = lastChange + QUIET_MS - performance.now();
    if (left > 0) {
      quiet = setTimeout(whenQuiet, left) as unknown as number;
      return;
    }
    quiet = 0;
    if (idle) return;
    const run = (): void => {
      idle = 0;
      emit();
    };
    idle =
      typeof requestIdleCallback === 'function'
        ? requestIdleCallback(run, { timeout: 1000 })
        : (setTimeout(run, 0) as unknown as number);
  };
  const scheduleIdle = (): void => {
    lastChange = performance.now();
    if (!quiet) quiet = setTimeout(whenQuiet, QUIET_MS) as unknown as number;
  };
  return {
    getState: () => snapshot,
    getInitialState: () => snapshot,
    setState: lab.setState,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setVisible(v) {
      visible = v;
      if (v) {
        cancelIdle();
        emit();
      }
    },
    connect() {
      emit();
      const unsubscribe = lab.subscribe(() => (visible ? emit() : scheduleIdle()));
      return () => {
        cancelIdle();
        unsubscribe();
      };
    },
  };
}

/** The gate of the enclosing panel, if any (see Panel.tsx); hooks fall back to the store. */
export const GateContext = createContext<Gate | null>(null);

/** Whether a and b are equal or plain objects / arrays with the same entries (Object.is). */
export function shallowEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Array.isArray(a)) {
    const y = b as unknown[];
    if (a.length !== y.length) return false;
    for (let i = 0; i < a.length; i++) if (!Object.is(a[i], y[i])) return false;
    return true;
  }
  if (Object.getPrototypeOf(a) !== Object.prototype) return shallow(a, b); // Map, Set, …
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let n = 0;
  for (const k in x) {
    if (!Object.hasOwn(y, k) || !Object.is(x[k], y[k])) return false;
    n++;
  }
  for (const k in y) if (Object.hasOwn(y, k)) n--;
  return n === 0;
}

/**
 * A selector whose result is kept while it stays shallow-equal (zustand's useShallow, without
 * its allocations: every subscribed component runs its selector on every change of the store,
 * which in playback is every frame).
 */
function useStable<S, T>(selector: (s: S) => T): (s: S) => T {
  const prev = useRef<{ value: T } | null>(null);
  return (s) => {
    const next = selector(s);
    if (prev.current && shallowEqual(prev.current.value, next)) return prev.current.value;
    prev.current = { value: next };
    return next;
  };
}

function useLab<T>(selector: (s: LabState) => T): T {
  const gate = useContext(GateContext);
  return useStore(gate ?? lab, useStable(selector));
}

/** React hook: a slice of params (shallow-compared). */
export function useParams<T>(selector: (p: Params) => T): T {
  return useLab((s) => selector(s.params));
}

export function useUi<T>(selector: (u: UiState) => T): T {
  return useLab((s) => selector(s.ui));
}

export function useParam<K extends ParamName>(name: K): Params[K] {
  return useLab((s) => s.params[name]);
}
