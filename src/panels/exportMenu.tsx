/**
 * The small menu in every panel's header (UI.md "Panel anatomy"): export the plot as PNG or
 * SVG, the panel's data as CSV, and reset the panel. A menu button: Enter, Space or ↓ opens it
 * on the first item, ↑/↓/Home/End move, Escape or Tab closes it and gives focus back to the
 * button. Failures (nothing drawn yet, no data) are said in words under the button.
 */
import { createContext, useContext, useEffect, useId, useRef, useState } from 'react';
import type { ParamName } from '../state/schema';
import { defaultParams } from '../state/schema';
import { setParams } from '../state/store';
import { useT } from '../state/i18n';
import { toCsv, type CsvTable } from './export/csv';
import { download, exportName } from './export/download';
import { panelPng, panelSvg } from './export/image';
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
export function usePanelCsv(id: string, source: CsvSource): void {
  useEffect(() => {
    csvSources.set(id, source);
    return () => {
      if (csvSources.get(id) === source) csvSources.delete(id);
    };
  });
}

type Item = 'png' | 'svg' | 'csv' | 'reset';

export function PanelMenu({ id, title, csv }: { id: string; title: string; csv?: CsvSource }) {
  const t = useT();
  const reset = useContext(ResetContext);
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const items: Item[] = ['png', 'svg', 'csv', 'reset'];

  const focusItem = (i: number) => {
    const els = menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]');
    if (!els?.length) return;
    els[((i % els.length) + els.length) % els.length]!.focus();
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    focusItem(0);
    const away = (e: PointerEvent) => {
      const el = e.target as Node;
      if (!menu.current?.contains(el) && !button.current?.contains(el)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  const act = async (item: Item) => {
    close(true);
    setMessage(null);
    const root = button.current?.closest('[data-panel]');
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
        const table = (csv ?? csvSources.get(id))?.();
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

  const onMenuKey = (e: React.KeyboardEvent) => {
    const els = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const i = els.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close(true);
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      focusItem(i + 1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      focusItem(i - 1);
    } else if (e.key === 'Home') {
      e.preventDefault();
      focusItem(0);
    } else if (e.key === 'End') {
      e.preventDefault();
      focusItem(els.length - 1);
    } else if (e.key === 'Tab') {
      close(false);
    }
  };

  return (
    <div className="panel-menu">
      <button
        ref={button}
        type="button"
        className="panel-menu-button"
        data-testid="panel-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={t('export.panel.menu', { title })}
        title={t('export.panel.menu', { title })}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        ⋯
      </button>
      {open && (
        <div
          ref={menu}
          id={menuId}
          role="menu"
          className="panel-menu-list"
          data-testid="panel-menu"
          aria-label={t('export.panel.menu', { title })}
          onKeyDown={onMenuKey}
        >
          {items.map((item) => (
            <button
              key={item}
              type="button"
              role="menuitem"
              tabIndex={-1}
              data-testid={item === 'reset' ? 'panel-reset' : `export-${item}`}
              onClick={() => void act(item)}
            >
              {t(`export.panel.${item}`)}
            </button>
          ))}
        </div>
      )}
      {message && (
        <span className="panel-menu-message" role="status" data-testid="panel-menu-message">
          {message}
        </span>
      )}
    </div>
  );
}
