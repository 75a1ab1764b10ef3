/** The header's presenter-mode toggle (also the P key; Escape leaves). */
import { useT } from '../../state/i18n';
import { setParams, useParam } from '../../state/store';

export function PresenterButton() {
  const t = useT();
  const on = useParam('presenter');
  return (
    <button
      type="button"
      className="presenter-toggle"
      data-testid="presenter-toggle"
      aria-pressed={on}
      title={on ? t('teach.presenterExit') : t('teach.presenterHint')}
      onClick={() => setParams({ presenter: !on })}
    >
      {on ? `✕ ${t('teach.presenter')}` : `▣ ${t('teach.presenter')}`}
    </button>
  );
}
