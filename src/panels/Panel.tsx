/**
 * Panel anatomy shared by all ten panels (UI.md): title, one-line caption, the plot, live
 * readouts, the KaTeX equation with live numbers, warnings in words. Each panel sits in an
 * error boundary so that a failure in one leaves the others working.
 */
import katex from 'katex';
import 'katex/dist/katex.min.css';
import { Component, useEffect, useMemo, useRef, type ErrorInfo, type ReactNode } from 'react';
import { translate } from '../state/i18n';
import { createGate, GateContext, lab } from '../state/store';

export interface Readout {
  label: string;
  value: string;
  title?: string;
}

export function Equation({ tex, label }: { tex: string; label?: string }) {
  const html = useMemo(() => {
    try {
      // MathML alongside the HTML: screen readers read the formula itself.
      return katex.renderToString(tex, {
        throwOnError: false,
        displayMode: false,
        output: 'htmlAndMathml',
      });
    } catch {
      return '';
    }
  }, [tex]);
  // KaTeX output built from our own TeX strings and formatted numbers, never from user text.
  return (
    <div
      className="equation"
      role="group"
      aria-label={label ?? translate(lab.getState().params.lang, 'app.equation')}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

export function Readouts({ items }: { items: Readout[] }) {
  return (
    <div className="readouts" aria-live="polite">
      {items.map((r) => (
        <span key={r.label} title={r.title}>
          {r.label} <b className="num">{r.value}</b>
        </span>
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

interface BoundaryState {
  error: Error | null;
}

class PanelBoundary extends Component<{ id: string; children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { error: null };
  static getDerivedStateFromError(error: Error): BoundaryState {
    return { error };
  }
  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn(`panel ${this.props.id} failed:`, error, info.componentStack);
  }
  override render() {
    if (this.state.error) {
      // A class component cannot use the hook; the language is read when the error shows.
      const lang = lab.getState().params.lang;
      return (
        <div className="warning" role="alert">
          {translate(lang, 'app.panelError', { message: this.state.error.message })}{' '}
          <button type="button" onClick={() => this.setState({ error: null })}>
            {translate(lang, 'app.panelReset')}
          </button>
        </div>
      );
    }
    return this.props.children;
  }
}

export function Panel(props: {
  id: string;
  title: string;
  caption: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <article
      className={`panel ${props.className ?? ''}`}
      data-panel={props.id}
      aria-labelledby={`${props.id}-title`}
    >
      <header>
        <h3 id={`${props.id}-title`}>{props.title}</h3>
      </header>
      <p className="caption">{props.caption}</p>
      <PanelBoundary id={props.id}>{props.children}</PanelBoundary>
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
        <PanelBoundary id={id}>{children}</PanelBoundary>
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
