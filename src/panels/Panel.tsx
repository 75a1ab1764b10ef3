/**
 * Panel anatomy shared by all ten panels (UI.md): title, one-line caption, the plot, live
 * readouts, the KaTeX equation with live numbers, warnings in words. Each panel sits in an
 * error boundary so that a failure in one leaves the others working.
 */
import katex from 'katex';
import 'katex/dist/katex.min.css';
import {
  Component,
  memo,
  startTransition,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ErrorInfo,
  type ReactNode,
} from 'react';
import { translate, useT } from '../state/i18n';
import { createGate, GateContext, lab, useParam } from '../state/store';
import type { LabWarning } from '../state/warnings';
import { PanelMenu, ResetContext, usePanelCsv, type CsvSource } from './exportMenu';
import { setText } from './d3quiet';
import { superscriptDigits } from './superscript';

export interface Readout {
  label: string;
  value: string;
  title?: string;
}

/** KaTeX may add a class to the numbers the Equation updates in place, and nothing else. */
const SLOT_CLASS = /^eqn-\d+$/;

/**
 * KaTeX HTML for one of our own TeX strings. Trust is limited to `\htmlClass{eqn-<i>}`, the
 * class Equation puts on its numbers: \href, \url, \includegraphics and the other \html…
 * commands stay inert, and KaTeX escapes text, so the output can carry no markup of its own.
 */
export function texToHtml(tex: string): string {
  try {
    return katex.renderToString(tex, {
      throwOnError: false,
      displayMode: false,
      output: 'htmlAndMathml', // MathML beside the HTML: screen readers read the formula
      trust: (c) => c.command === '\\htmlClass' && SLOT_CLASS.test(c.class),
      strict: (code: string) => (code === 'htmlExtension' ? 'ignore' : 'warn'),
    });
  } catch {
    return '';
  }
}

/**
 * The numbers of a TeX string: each decimal that is not part of a command (\sqrt2) or a bare
 * script (x_1), with its sign (after `=`, `(`, a space…) and, if scientific as `tex` writes it, its
 * `\cdot 10^{e}`, becomes a slot. `marked` wraps slot i in \htmlClass{eqn-i}; `shape` is the TeX
 * with every slot blanked, so two strings of one shape differ only in their numbers: a value
 * changing sign or turning scientific keeps the shape.
 */
export function equationSlots(tex: string): { shape: string; marked: string; values: string[] } {
  // text, (char before, number, text)*
  const parts = tex.split(/(^|[^A-Za-z\\_^.\d-])(-?\d+(?:\.\d+)?(?:\\cdot ?10\^\{-?\d+\})?)/);
  let marked = parts[0]!;
  let shape = parts[0]!;
  const values: string[] = [];
  for (let i = 1; i < parts.length; i += 3) {
    const [before, v, after] = [parts[i]!, parts[i + 1]!, parts[i + 2]!];
    marked += `${before}{\\htmlClass{eqn-${values.length}}{${v}}}${after}`;
    shape += `${before}{#}${after}`;
    values.push(v);
  }
  return { shape, marked, values };
}

/** A slot's number as plain text, as it is written in place: −0.25, 8.5·10⁻⁴. */
export function slotText(value: string): string {
  const m = /^(-?)([\d.]+)(?:\\cdot ?10\^\{(-?\d+)\})?$/.exec(value);
  if (!m) return value;
  const exp = m[3] === undefined ? '' : `·10${superscriptDigits(m[3])}`;
  return `${m[1] ? '−' : ''}${m[2]}${exp}`;
}

/**
 * While playback runs, an equation's numbers are written in place at most every PLAYING_MS (the
 * plots and readouts follow every step): re-laying-out and repainting typeset HTML costs more
 * than a plot (≈ 0.5 ms of layout and paint per equation in playback traces here), and digits
 * changing sixty times a second cannot be read; four times a second they can. Equations take
 * turns, each on its own phase; a drag or a step still writes at once.
 */
const PLAYING_MS = 250;
let equations = 0;

/** Longest an equation waits to be typeset anew while its shape keeps changing. */
const EQUATION_MS = 120;
/** Quiet time after which an equation whose numbers were updated in place is typeset anew
 * (its MathML, which screen readers read, then carries the new numbers too). */
const EQUATION_QUIET_MS = 400;

/**
 * The TeX to typeset (with its shape): `value`, but while it keeps changing, at most one new
 * value per EQUATION_MS (and always the last one), set in a transition; when only its numbers
 * change (same shape), once it has been quiet for EQUATION_QUIET_MS.
 */
function useTypesetTex(value: string, shape: string): { tex: string; shape: string } {
  const [shown, setShown] = useState({ tex: value, shape });
  const last = useRef(0);
  useEffect(() => {
    if (value === shown.tex) return;
    const wait =
      shape === shown.shape
        ? EQUATION_QUIET_MS
        : Math.max(0, last.current + EQUATION_MS - performance.now());
    const timer = setTimeout(() => {
      last.current = performance.now();
      startTransition(() => setShown({ tex: value, shape }));
    }, wait);
    return () => clearTimeout(timer);
  }, [value, shape, shown]);
  return shown;
}

/**
 * A KaTeX equation whose numbers follow the live state. Typesetting costs more than drawing a
 * plot, so while only the numbers change (a drag, playback) they are written into the typeset
 * HTML's text in place, every frame, and the whole is typeset anew once input is quiet. A change
 * of shape (a new term, a number turning scientific) is typeset at most every 120 ms.
 */
export function Equation({ tex, label }: { tex: string; label?: string }) {
  const slots = useMemo(() => equationSlots(tex), [tex]);
  const shown = useTypesetTex(tex, slots.shape);
  const typeset = useMemo(() => equationSlots(shown.tex), [shown]);
  const html = useMemo(() => texToHtml(typeset.marked), [typeset]);
  const box = useRef<HTMLDivElement>(null);
  // The numbers the HTML shows now: the typeset ones, then those written in place.
  const showing = useRef<{ html: string; values: string[] }>({ html: '', values: [] });
  const [phase] = useState(() => (equations++ % 4) * (PLAYING_MS / 4));
  const lastWrite = useRef(-Infinity);
  useLayoutEffect(() => {
    const el = box.current;
    if (showing.current.html !== html) showing.current = { html, values: [...typeset.values] };
    if (!el || shown.shape !== slots.shape) return;
    const write = () => {
      lastWrite.current = performance.now();
      const now = showing.current.values;
      slots.values.forEach((v, i) => {
        if (now[i] === v) return;
        const slot = el.querySelector(`.katex-html .eqn-${i}`);
        if (!slot) return;
        // One run of glyphs keeps KaTeX's span (its font); a sign or an exponent becomes text.
        const glyphs = slot.childElementCount === 1 ? slot.firstElementChild : null;
        const text = slotText(v);
        if (glyphs && glyphs.childElementCount === 0 && /^[\d.]+$/.test(text))
          setText(glyphs, text);
        else setText(slot, text);
        now[i] = v;
      });
    };
    if (lab.getState().ui.playing) {
      // The next write on this equation's own grid of times (phase + multiples of PLAYING_MS).
      const due = Math.floor((lastWrite.current - phase) / PLAYING_MS + 1) * PLAYING_MS + phase;
      const wait = due - performance.now();
      if (wait > 0) {
        const timer = setTimeout(write, wait);
        return () => clearTimeout(timer);
      }
    }
    write();
  }, [slots, shown, typeset, html, phase]);
  const lang = useParam('lang');
  // KaTeX output built from our own TeX strings and formatted numbers, never from user text.
  // The only HTML insertion in src/ (test/security/no-html-injection.test.ts keeps it so).
  // The element is kept while its HTML is: React then leaves it alone when the panel re-renders
  // for a new step (its numbers are written above, in place).
  return useMemo(
    () => (
      <div
        ref={box}
        className="equation"
        role="group"
        aria-label={label ?? translate(lang, 'app.equation')}
        dangerouslySetInnerHTML={{ __html: html }}
      />
    ),
    [html, label, lang],
  );
}

/** One readout; unchanged ones are skipped when their panel re-renders for a new step. */
const ReadoutItem = memo(function ReadoutItem({ label, value, title }: Readout) {
  return (
    <span title={title}>
      {label} <b className="num">{value}</b>
    </span>
  );
});

export function Readouts({ items }: { items: Readout[] }) {
  return (
    <div className="readouts" aria-live="polite">
      {items.map((r) => (
        <ReadoutItem key={r.label} {...r} />
      ))}
    </div>
  );
}

export function Warning({ children }: { children: ReactNode }) {
  return (
    <div className="warning" role="status">
      ⚠ {children}
    </div>
  );
}

/** A typed warning of the derived values (src/state/warnings.ts), in the lab's language. */
export function LabWarningView({ warning }: { warning: LabWarning }) {
  const t = useT();
  return <Warning>{t(warning.key, warning.vars)}</Warning>;
}

/**
 * The last good view (issue [E] 1): while `good` is false the panel keeps drawing the last value
 * for which it was true, and `stale` says so (draw it dimmed, beside the warning). Before any
 * good value there is nothing to keep: `value` is the current one and `stale` is false.
 * `value` must be referentially stable while its inputs are (a memoised selector or useMemo).
 */
export function useLastGood<T>(value: T, good: boolean): { value: T; stale: boolean } {
  const [last, setLast] = useState<{ v: T } | null>(good ? { v: value } : null);
  if (good && last?.v !== value) setLast({ v: value });
  if (good || !last) return { value, stale: false };
  return { value: last.v, stale: true };
}

/** Wraps a plot: dimmed, with the reason on top, while it shows the last good view. */
export function LastGoodView({
  stale,
  warning,
  children,
}: {
  stale: boolean;
  warning: LabWarning | null;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <>
      {warning && <LabWarningView warning={warning} />}
      <div
        className={stale ? 'last-good stale' : 'last-good'}
        data-stale={stale || undefined}
        title={stale ? t('faults.lastGood') : undefined}
      >
        {children}
      </div>
    </>
  );
}

// ------------------------------------------------------------------------------------------------
// Error boundaries

/**
 * Test hook (e2e/faults.spec.ts): `window.ssmLab.__failPanel(id)` makes one panel throw on its
 * next render. Installed by the console API only when the page was started with
 * `window.__ssmLabTestHooks = true` (a Playwright init script), never from a link.
 */
const failing = new Set<string>();
const failListeners = new Set<() => void>();
export function failPanel(id: string): void {
  failing.add(id);
  for (const l of failListeners) l();
}
function subscribeFail(l: () => void): () => void {
  failListeners.add(l);
  return () => failListeners.delete(l);
}
function FailSwitch({ id }: { id: string }) {
  // Keeps throwing (React retries a failed render once) until "Reset panel" clears it.
  if (useSyncExternalStore(subscribeFail, () => failing.has(id)))
    throw new Error(`test fault injected into panel "${id}"`);
  return null;
}

interface BoundaryState {
  error: Error | null;
}

const boundaryText = (key: string, vars?: Record<string, string>): string =>
  translate(lab.getState().params.lang, key, vars);

class PanelBoundary extends Component<
  { id: string; faults?: boolean; children: ReactNode },
  BoundaryState
> {
  override state: BoundaryState = { error: null };
  static getDerivedStateFromError(error: Error): BoundaryState {
    return { error };
  }
  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn(`panel ${this.props.id} failed:`, error, info.componentStack);
  }
  override render() {
    if (this.state.error) {
      // A class component cannot use the hook: boundaryText reads the language when the error shows.
      return (
        <div className="warning" role="alert" data-panel-error={this.props.id}>
          {boundaryText('faults.panelError', { message: this.state.error.message })}{' '}
          <button
            type="button"
            onClick={() => {
              failing.delete(this.props.id);
              this.setState({ error: null });
            }}
          >
            {boundaryText('faults.resetPanel')}
          </button>
        </div>
      );
    }
    return (
      <>
        {this.props.faults && <FailSwitch id={this.props.id} />}
        {this.props.children}
      </>
    );
  }
}

export function Panel(props: {
  id: string;
  title: string;
  caption: ReactNode;
  className?: string;
  /** The panel's data for "Export CSV" (or usePanelCsv from inside the panel). */
  csv?: CsvSource;
  children: ReactNode;
}) {
  // Registered, not passed: the menu is not re-rendered with every step.
  usePanelCsv(props.id, props.csv);
  // The title and caption are kept as elements while they are the same: a panel re-renders for
  // every step of playback, and React then skips them.
  const { id, title, caption } = props;
  const head = useMemo(
    () => (
      <header>
        <h3 id={`${id}-title`}>{title}</h3>
        <PanelMenu id={id} title={title} />
      </header>
    ),
    [id, title],
  );
  const captionEl = useMemo(() => <p className="caption">{caption}</p>, [caption]);
  return (
    <article
      className={`panel ${props.className ?? ''}`}
      data-panel={id}
      aria-labelledby={`${id}-title`}
    >
      {head}
      {captionEl}
      <PanelBoundary id={id}>{props.children}</PanelBoundary>
    </article>
  );
}

/**
 * Hosts one panel in the page grid: an error boundary around all of it, and a store gate so
 * that while the panel is scrolled out of view it follows parameter changes only when the main
 * thread is idle (it catches up at once when it comes back into view).
 */
export function PanelSlot({ id, children }: { id: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const gate = useMemo(() => createGate(), []);
  const [generation, setGeneration] = useState(0);
  const reset = useMemo(() => () => setGeneration((g) => g + 1), []);
  useEffect(() => gate.connect(), [gate]);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => {
      for (const e of entries) gate.setVisible(e.isIntersecting);
    });
    io.observe(el);
    return () => io.disconnect();
  }, [gate]);
  return (
    <div className="slot" ref={ref}>
      <GateContext.Provider value={gate}>
        <ResetContext.Provider value={reset}>
          <PanelBoundary key={generation} id={id} faults>
            {children}
          </PanelBoundary>
        </ResetContext.Provider>
      </GateContext.Provider>
    </div>
  );
}

/** Number formatting for readouts: 4 significant digits, exponent outside [1e-3, 1e5). */
export function fmt(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return x > 0 ? '∞' : x < 0 ? '−∞' : '—';
  if (x === 0) return '0';
  const a = Math.abs(x);
  const s = a >= 1e-3 && a < 1e5 ? x.toPrecision(digits) : x.toExponential(digits - 2);
  return s.replace('-', '−');
}

/** A number for TeX: plain digits, scientific as a·10^{b}. */
export function tex(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return '\\infty';
  const a = Math.abs(x);
  if (x === 0) return '0';
  if (a >= 1e-3 && a < 1e5) return String(+x.toPrecision(digits));
  const [m, e] = x.toExponential(digits - 1).split('e');
  return `${m}\\cdot 10^{${Number(e)}}`;
}

let firstPanelMarked = false;
/** Records when the first panel finished drawing (read by the load benchmark). */
export function markFirstPanel(): void {
  if (firstPanelMarked || typeof performance === 'undefined') return;
  firstPanelMarked = true;
  performance.mark('ssm:first-panel');
}
