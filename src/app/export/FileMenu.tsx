/**
 * The lab's File menu (header): save the whole state as JSON, open a state file, import a
 * signal from CSV, and "Reproduce in NumPy". A file that cannot be used changes nothing and
 * says why; a file that can is applied, with every adjustment listed.
 */
import { useRef, useState } from 'react';
import { useT } from '../../state/i18n';
import { lab, setParams } from '../../state/store';
import { download, exportName } from '../../panels/export/download';
import { MenuButton } from '../../panels/menuButton';
import { NumpyDialog } from './NumpyDialog';
import { parseSignalCsv } from './signalCsv';
import { parseState, stateToJson, type Msg } from './stateFile';
import './export.css';

interface Report {
  ok: boolean;
  head: Msg;
  notices: Msg[];
}

export function FileMenu() {
  const t = useT();
  const stateInput = useRef<HTMLInputElement>(null);
  const signalInput = useRef<HTMLInputElement>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [numpyOpen, setNumpyOpen] = useState(false);

  const read = async (input: HTMLInputElement, apply: (name: string, text: string) => Report) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch {
      setReport({
        ok: false,
        head: {
          key: 'export.file.rejected',
          vars: { name: file.name, why: t('export.file.readError') },
        },
        notices: [],
      });
      return;
    }
    setReport(apply(file.name, text));
  };

  const applyState = (name: string, text: string): Report => {
    const r = parseState(text);
    if (!r.ok)
      return {
        ok: false,
        head: { key: 'export.file.rejected', vars: { name, why: t(r.error.key, r.error.vars) } },
        notices: [],
      };
    lab.setState({ params: r.params });
    return {
      ok: true,
      head: {
        key: r.notices.length ? 'export.file.loadedWith' : 'export.file.loaded',
        vars: { name },
      },
      notices: r.notices,
    };
  };

  const applySignal = (name: string, text: string): Report => {
    const r = parseSignalCsv(text);
    if (!r.ok)
      return {
        ok: false,
        head: { key: 'export.file.rejected', vars: { name, why: t(r.error.key, r.error.vars) } },
        notices: [],
      };
    setParams({ signal: 'drawn', drawn: r.samples });
    return {
      ok: true,
      head: { key: 'export.file.signalLoaded', vars: { name, n: r.samples.length } },
      notices: r.notices,
    };
  };

  return (
    <>
      <MenuButton
        className="file-menu"
        label={t('export.file.menu')}
        title={t('export.file.menu')}
        testId="file-menu-button"
        menuTestId="file-menu"
        items={[
          {
            key: 'save',
            label: t('export.file.saveState'),
            testId: 'export-state',
            onSelect: () =>
              download(
                exportName('state', 'json'),
                stateToJson(lab.getState().params),
                'application/json',
              ),
          },
          {
            key: 'open',
            label: t('export.file.loadState'),
            testId: 'import-state',
            onSelect: () => stateInput.current?.click(),
          },
          {
            key: 'signal',
            label: t('export.file.loadSignal'),
            testId: 'import-signal',
            onSelect: () => signalInput.current?.click(),
          },
          {
            key: 'numpy',
            label: t('export.file.numpy'),
            testId: 'numpy-open',
            onSelect: () => setNumpyOpen(true),
          },
        ]}
      />
      <input
        ref={stateInput}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="import-state-input"
        onChange={(e) => void read(e.currentTarget, applyState)}
      />
      <input
        ref={signalInput}
        type="file"
        accept=".csv,.txt,text/csv,text/plain"
        hidden
        data-testid="import-signal-input"
        onChange={(e) => void read(e.currentTarget, applySignal)}
      />
      {report && (
        <div
          className={`file-report ${report.ok ? '' : 'bad'}`}
          role={report.ok ? 'status' : 'alert'}
          data-testid="file-message"
          data-ok={report.ok}
        >
          <div>
            <strong>{t(report.head.key, report.head.vars)}</strong>
            {report.notices.length > 0 && (
              <ul>
                {report.notices.slice(0, 12).map((n, i) => (
                  <li key={i}>{t(n.key, n.vars)}</li>
                ))}
              </ul>
            )}
          </div>
          <button
            type="button"
            aria-label={t('export.file.dismiss')}
            title={t('export.file.dismiss')}
            onClick={() => setReport(null)}
          >
            ×
          </button>
        </div>
      )}
      {numpyOpen && <NumpyDialog onClose={() => setNumpyOpen(false)} />}
    </>
  );
}
