/**
 * Applies a classroom link to the page: hides the chosen controls and panels (a generated
 * stylesheet) and locks the chosen parameters' controls, re-applying the locks as panels mount
 * and re-render (a MutationObserver). See classroom.ts for what a lock does and does not do.
 */
import { useEffect } from 'react';
import { useT } from '../../state/i18n';
import { type ControlKey } from '../../state/schema';
import { useParams } from '../../state/store';
import { applyLocks, hidingCss, lockCss } from './classroom';
import { controlLabel } from './labels';
import { useSheet } from './sheet';

export function ClassroomLayer() {
  const t = useT();
  const { hc, hp, lock } = useParams((p) => ({
    hc: p.hideControls,
    hp: p.hidePanels,
    lock: p.lock,
  }));
  useSheet([hidingCss(hc, hp), lockCss(lock)].filter(Boolean).join('\n'));
  const title = (k: ControlKey) => t('teach.locked', { label: controlLabel(t, k) });
  const lockKey = lock.join(',');
  const titleKey = title('N');

  useEffect(() => {
    const keys = lockKey ? (lockKey.split(',') as ControlKey[]) : [];
    const run = () =>
      applyLocks(document, keys, (k) => t('teach.locked', { label: controlLabel(t, k) }));
    run();
    if (!keys.length) return;
    let queued = false;
    const mo = new MutationObserver(() => {
      if (queued) return;
      queued = true;
      queueMicrotask(() => {
        queued = false;
        run();
      });
    });
    mo.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['disabled'],
    });
    return () => {
      mo.disconnect();
      applyLocks(document, [], () => '');
    };
    // `t` changes identity every render; the language shows in titleKey.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lockKey, titleKey]);

  return null;
}
