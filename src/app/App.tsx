/**
 * The lab: one scrolling page in the order of the series — Memory → Discretisation → Kernels →
 * Transfer functions → Performance — under a sticky header and control bar.
 */
import { SignalPanel } from '../panels/signal/SignalPanel';
import { setUi, useUi } from '../state/store';
import { Controls } from './Controls';
import { TimeBar } from './TimeBar';

const CHAPTERS = [
  ['memory', 'Memory'],
  ['discretisation', 'Discretisation'],
  ['kernels', 'Kernels'],
  ['rtf', 'Transfer functions'],
  ['performance', 'Performance'],
] as const;

function UrlNotice() {
  const notices = useUi((u) => u.urlNotices);
  if (!notices.length) return null;
  return (
    <div className="notice" data-testid="url-notice" role="status">
      <div>
        <strong>Some settings in the link were adjusted:</strong>
        <ul>
          {notices.slice(0, 12).map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      </div>
      <button type="button" aria-label="Dismiss" onClick={() => setUi({ urlNotices: [] })}>
        ×
      </button>
    </div>
  );
}

function BackendBadge() {
  const b = useUi((u) => u.backend);
  return (
    <span
      className="badge"
      data-backend={b.name}
      data-testid="backend-badge"
      title={b.note ?? b.adapter ?? ''}
    >
      {b.name === 'webgpu' ? `WebGPU · ${b.adapter ?? 'adapter'}` : 'CPU (float64)'}
    </span>
  );
}

export function App() {
  return (
    <>
      <header className="topbar">
        <h1>SSM Lab</h1>
        <nav aria-label="Chapters">
          {CHAPTERS.map(([id, label]) => (
            <a key={id} href={`#${id}`}>
              {label}
            </a>
          ))}
        </nav>
        <span className="spacer" />
        <BackendBadge />
      </header>
      <Controls>
        <TimeBar />
      </Controls>
      <main data-testid="lab-root">
        <UrlNotice />
        <p className="intro">
          A signal streams in from the left; HiPPO compresses everything it has seen into N numbers,
          updated online. The blue curve is what those N numbers remember. Press ▶ Play, move N, θ
          and Δ, or draw your own signal.
        </p>
        <section className="chapter" id="memory" aria-labelledby="memory-h">
          <h2 id="memory-h">1 · Memory: online function approximation</h2>
          <div className="grid">
            <SignalPanel />
          </div>
        </section>
      </main>
    </>
  );
}
