/** "Reproduce in NumPy": the script for the current system in a modal dialog, with Copy. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useT } from '../../state/i18n';
import { useParams } from '../../state/store';
import { download, exportName } from '../../panels/export/download';
import { numpySnippet } from './numpy';

export function NumpyDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const p = useParams((q) => ({
    measure: q.measure,
    N: q.N,
    theta: q.theta,
    dt: q.dt,
    disc: q.disc,
    normalization: q.normalization,
    L: q.L,
    seed: q.seed,
  }));
  const code = useMemo(() => numpySnippet(p), [p]);
  const dialog = useRef<HTMLDialogElement>(null);
  const pre = useRef<HTMLPreElement>(null);
  const [copied, setCopied] = useState<string | null>(null);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied(t('export.numpy.copied'));
    } catch {
      // No clipboard permission: select the text so that Ctrl+C copies it.
      const sel = window.getSelection();
      if (pre.current && sel) {
        const range = document.createRange();
        range.selectNodeContents(pre.current);
        sel.removeAllRanges();
        sel.addRange(range);
      }
      setCopied(t('export.numpy.copyFailed'));
    }
  };

  return (
    <dialog
      ref={dialog}
      className="numpy-dialog"
      data-testid="numpy-dialog"
      aria-labelledby="numpy-title"
      onClose={onClose}
    >
      <h2 id="numpy-title">{t('export.numpy.title')}</h2>
      <p>
        {t('export.numpy.intro', {
          measure: p.measure,
          N: p.N,
          theta: p.theta,
          dt: p.dt,
          disc: p.disc,
          norm: p.normalization,
          L: p.L,
          seed: p.seed,
        })}
      </p>
      <pre ref={pre} tabIndex={0} data-testid="numpy-code">
        <code>{code}</code>
      </pre>
      <div className="numpy-actions">
        <span role="status" data-testid="numpy-copied">
          {copied}
        </span>
        <button type="button" data-testid="numpy-copy" onClick={() => void copy()}>
          {t('export.numpy.copy')}
        </button>
        <button
          type="button"
          data-testid="numpy-download"
          onClick={() => download(exportName('kernel', 'py'), code, 'text/x-python')}
        >
          {t('export.numpy.download')}
        </button>
        <button type="button" data-testid="numpy-close" onClick={() => dialog.current?.close()}>
          {t('export.numpy.close')}
        </button>
      </div>
    </dialog>
  );
}
