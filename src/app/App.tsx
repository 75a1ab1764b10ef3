/**
 * The lab: one scrolling page in the order of the series — Memory → Discretisation → Kernels →
 * Transfer functions → Performance — under a sticky header and control bar.
 */
import { BasisPanel } from '../panels/basis/BasisPanel';
import { CoefficientsPanel } from '../panels/coefficients/CoefficientsPanel';
import { EigenvaluesPanel } from '../panels/eigenvalues/EigenvaluesPanel';
import { EquivalencePanel } from '../panels/equivalence/EquivalencePanel';
import { FrequencyPanel } from '../panels/frequency/FrequencyPanel';
import { KernelPanel } from '../panels/kernel/KernelPanel';
import { MatricesPanel } from '../panels/matrices/MatricesPanel';
import { PerformancePanel } from '../panels/performance/PerformancePanel';
import { RtfPanel } from '../panels/rtf/RtfPanel';
import { PanelSlot } from '../panels/Panel';
import { SignalPanel } from '../panels/signal/SignalPanel';
import { useT } from '../state/i18n';
import { setUi, useUi } from '../state/store';
import { Controls } from './Controls';
import { FileMenu } from './export/FileMenu';
import { TeachLayer, TeachTools } from './presenter/TeachLayer';
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

/** A compute worker crashed and was restarted: said in words until dismissed. */
function WorkerNotice() {
  const message = useUi((u) => u.workerNotice);
  const t = useT();
  if (message === null) return null;
  return (
    <div className="notice" data-testid="worker-notice" role="alert">
      <div>{t('faults.workerCrashed', { message })}</div>
      <button
        type="button"
        aria-label={t('faults.dismiss')}
        onClick={() => setUi({ workerNotice: null })}
      >
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
        <FileMenu />
        <BackendBadge />
        <TeachTools />
      </header>
      <Controls>
        <TimeBar />
      </Controls>
      <main data-testid="lab-root">
        <UrlNotice />
        <WorkerNotice />
        <p className="intro">
          A signal streams in from the left; HiPPO compresses everything it has seen into N numbers,
          updated online. The blue curve is what those N numbers remember. Press ▶ Play, move N, θ
          and Δ, or draw your own signal.
        </p>
        <section className="chapter" id="memory" aria-labelledby="memory-h">
          <h2 id="memory-h">1 · Memory: online function approximation</h2>
          <div className="grid">
            <PanelSlot id="signal">
              <SignalPanel />
            </PanelSlot>
            <PanelSlot id="basis">
              <BasisPanel />
            </PanelSlot>
            <PanelSlot id="coefficients">
              <CoefficientsPanel />
            </PanelSlot>
          </div>
        </section>
        <section className="chapter" id="discretisation" aria-labelledby="discretisation-h">
          <h2 id="discretisation-h">
            2 · Discretisation: from x′ = Ax + Bu to x_k = Āx_(k−1) + B̄u_k
          </h2>
          <div className="grid">
            <PanelSlot id="matrices">
              <MatricesPanel />
            </PanelSlot>
            <PanelSlot id="eigenvalues">
              <EigenvaluesPanel />
            </PanelSlot>
          </div>
        </section>
        <section className="chapter" id="kernels" aria-labelledby="kernels-h">
          <h2 id="kernels-h">3 · Kernels: S4's convolution view</h2>
          <div className="grid">
            <PanelSlot id="kernel">
              <KernelPanel />
            </PanelSlot>
            <PanelSlot id="frequency">
              <FrequencyPanel />
            </PanelSlot>
            <PanelSlot id="equivalence">
              <EquivalencePanel />
            </PanelSlot>
          </div>
        </section>
        <section className="chapter" id="rtf" aria-labelledby="rtf-h">
          <h2 id="rtf-h">4 · Transfer functions: the state-free kernel</h2>
          <div className="grid">
            <PanelSlot id="rtf">
              <RtfPanel />
            </PanelSlot>
          </div>
        </section>
        <section className="chapter" id="performance" aria-labelledby="performance-h">
          <h2 id="performance-h">5 · Performance</h2>
          <div className="grid">
            <PanelSlot id="performance">
              <PerformancePanel />
            </PanelSlot>
          </div>
        </section>
      </main>
      <TeachLayer />
    </>
  );
}
