/**
 * The lab: one scrolling page in the order of the series — Memory → Discretisation → Kernels →
 * Transfer functions → Performance — under a sticky header and control bar.
 */
import { useEffect } from 'react';
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
import { LANG_OPTIONS } from '../state/schema';
import { setParams, setUi, useParam, useUi } from '../state/store';
import { Controls } from './Controls';
import { FileMenu } from './export/FileMenu';
import { TeachLayer, TeachTools } from './presenter/TeachLayer';
import { setTheme, THEMES, useTheme, type ThemePref } from './theme';
import { TimeBar } from './TimeBar';

const CHAPTERS = ['memory', 'discretisation', 'kernels', 'rtf', 'performance'] as const;
/** Each language named in itself. */
const LANG_NAMES: Record<(typeof LANG_OPTIONS)[number], string> = { en: 'English', zh: '简体中文' };
const LANG_TAGS: Record<(typeof LANG_OPTIONS)[number], string> = { en: 'en', zh: 'zh-CN' };

function UrlNotice() {
  const notices = useUi((u) => u.urlNotices);
  const t = useT();
  if (!notices.length) return null;
  return (
    <div className="notice" data-testid="url-notice" role="status">
      <div>
        <strong>{t('app.urlNotice.title')}</strong>
        <ul>
          {notices.slice(0, 12).map((n, i) => (
            <li key={i}>{t(n.key, n.vars)}</li>
          ))}
        </ul>
      </div>
      <button type="button" aria-label={t('app.dismiss')} onClick={() => setUi({ urlNotices: [] })}>
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
  const t = useT();
  return (
    <span
      className="badge"
      data-backend={b.name}
      data-testid="backend-badge"
      title={b.note ?? b.adapter ?? ''}
    >
      {b.name === 'webgpu'
        ? t('app.backend.webgpu', { adapter: b.adapter ?? t('app.backend.adapter') })
        : t('app.backend.cpu')}
    </span>
  );
}

/** Language of the page: the `lang` parameter, also set on <html> for fonts and screen readers. */
function LanguageSwitch() {
  const lang = useParam('lang');
  const t = useT();
  useEffect(() => {
    document.documentElement.lang = LANG_TAGS[lang];
  }, [lang]);
  return (
    <label className="control inline" title={t('param.lang.help')}>
      {/* Each language is named in itself, so the select speaks for itself; the label is for
          screen readers. */}
      <span className="visually-hidden">{t('app.language')}</span>
      <select
        data-param="lang"
        value={lang}
        onChange={(e) => setParams({ lang: e.target.value as typeof lang })}
      >
        {LANG_OPTIONS.map((l) => (
          <option key={l} value={l} lang={LANG_TAGS[l]}>
            {LANG_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}

function ThemeSwitch() {
  const theme = useTheme();
  const t = useT();
  return (
    <label className="control inline" title={t('app.theme.help')}>
      <span>{t('app.theme')}</span>
      <select
        data-testid="theme"
        value={theme}
        onChange={(e) => setTheme(e.target.value as ThemePref)}
      >
        {THEMES.map((th) => (
          <option key={th} value={th}>
            {t(`app.theme.${th}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function App() {
  const t = useT();
  return (
    <>
      <header className="topbar">
        <h1>SSM Lab</h1>
        <nav aria-label={t('app.chapters')}>
          {CHAPTERS.map((id) => (
            <a key={id} href={`#${id}`}>
              {t(`app.chapter.${id}`)}
            </a>
          ))}
        </nav>
        <span className="spacer" />
        <TeachTools />
        <FileMenu />
        <LanguageSwitch />
        <ThemeSwitch />
        <BackendBadge />
      </header>
      <Controls>
        <TimeBar />
      </Controls>
      <main data-testid="lab-root">
        <UrlNotice />
        <WorkerNotice />
        <p className="intro">{t('app.intro')}</p>
        <section className="chapter" id="memory" aria-labelledby="memory-h">
          <h2 id="memory-h">{t('app.section.memory')}</h2>
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
          <h2 id="discretisation-h">{t('app.section.discretisation')}</h2>
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
          <h2 id="kernels-h">{t('app.section.kernels')}</h2>
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
          <h2 id="rtf-h">{t('app.section.rtf')}</h2>
          <div className="grid">
            <PanelSlot id="rtf">
              <RtfPanel />
            </PanelSlot>
          </div>
        </section>
        <section className="chapter" id="performance" aria-labelledby="performance-h">
          <h2 id="performance-h">{t('app.section.performance')}</h2>
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
