/**
 * The small menu in every panel's header (UI.md "Panel anatomy"): export the plot as PNG or
 * SVG, the panel's data as CSV, and reset the panel (its view, and the parameters that belong
 * to it alone). Failures (nothing drawn yet, no data) are said in words beside the button.
 */
import { createContext, memo, useContext, useEffect, useRef, useState } from 'react';
import { useT } from '../state/i18n';
import { defaultParams, type ParamName } from '../state/schema';
import { setParams } from '../state/store';
import { toCsv, type CsvTable } from './export/csv';
import { download, exportName } from './export/download';
import { panelPng, panelSvg } from './export/image';
import { MenuButton } from './menuButton';
import './exportMenu.css';

/** Provided by PanelSlot: remounts the panel (its zoom, toggles, hover state start afresh). */
export const ResetContext = createContext<(() => void) | null>(null);

/** Parameters that belong to one panel alone; its reset puts them back to their defaults. */
const PANEL_PARAMS: Partial<Record<string, ParamName[]>> = {
  rtf: ['rtfA', 'rtfB', 'rtfH0'],
  kernel: ['correction'],
};

export type CsvSource = () => CsvTable | null;

/** CSV builders registered from inside panels (usePanelCsv), by panel id. */
const csvSources = new Map<string, CsvSource>();

/**
 * Registers panel `id`'s CSV from any component inside it, e.g.
 * `usePanelCsv('kernel', () => kernelTable(…))`. The builder runs only when the CSV is asked for.
 */
export function usePanelCsv(id: string, source: CsvSource | undefined): void {
  useEffect(() => {
    if (!source) return;
    csvSources.set(id, source);
    return () => {
      if (csvSources.get(id) === source) csvSources.delete(id);
    };
  });
}

type Item = 'png' | 'svg' | 'csv' | 'reset';
const ITEMS: Item[] = ['png', 'svg', 'csv', 'reset'];

/** Memoised: a panel re-renders on every step of playback, its menu only when its props change. */
export const PanelMenu = memo(function PanelMenu({ id, title }: { id: string; title: string }) {
  const t = useT();
  const reset = useContext(ResetContext);
  const [message, setMessage] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);

  const act = async (item: Item) => {
    setMessage(null);
    const root = box.current?.closest('[data-panel]');
    if (!root) return;
    try {
      if (item === 'reset') {
        const names = PANEL_PARAMS[id];
        if (names) {
          const d = defaultParams();
          setParams(Object.fromEntries(names.map((n) => [n, d[n]])));
        }
        reset?.();
        return;
      }
      if (item === 'csv') {
        const table = csvSources.get(id)?.();
        if (!table || !table.rows.length) return setMessage(t('export.panel.noData'));
        return download(exportName(id, 'csv'), toCsv(table), 'text/csv');
      }
      if (item === 'svg') {
        const svg = panelSvg(root, title);
        if (!svg) return setMessage(t('export.panel.noPlot'));
        return download(exportName(id, 'svg'), svg, 'image/svg+xml');
      }
      const png = await panelPng(root);
      if (!png) return setMessage(t('export.panel.noPlot'));
      download(exportName(id, 'png'), png);
    } catch (e) {
      setMessage(t('export.panel.failed', { why: (e as Error).message }));
    }
  };

  return (
    <div className="panel-menu" ref={box}>
      <MenuButton
        label="⋯"
        title={t('export.panel.menu', { title })}
        testId="panel-menu-button"
        menuTestId="panel-menu"
        items={ITEMS.map((item) => ({
          key: item,
          label: t(`export.panel.${item}`),
          testId: item === 'reset' ? 'panel-reset' : `export-${item}`,
          onSelect: () => void act(item),
        }))}
      />
      {message && (
        <span className="panel-menu-message" role="status" data-testid="panel-menu-message">
          {message}
        </span>
      )}
    </div>
  );
});
