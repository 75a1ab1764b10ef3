/**
 * A menu button (WAI-ARIA menu pattern): Enter, Space or ↓ opens the menu on its first item,
 * ↑/↓/Home/End move, Escape closes it and gives focus back to the button, Tab closes it and
 * moves on, a click outside closes it. Used by the panel menus and the lab's File menu.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import './menuButton.css';

export interface MenuItem {
  key: string;
  label: string;
  testId: string;
  onSelect: () => void;
}

export function MenuButton(props: {
  label: ReactNode;
  title: string;
  testId: string;
  menuTestId: string;
  items: MenuItem[];
  className?: string;
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const items = () => [
    ...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? []),
  ];
  const focusItem = (i: number) => {
    const els = items();
    if (els.length) els[((i % els.length) + els.length) % els.length]!.focus();
  };

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const away = (e: PointerEvent) => {
      const el = e.target as Node;
      if (!menu.current?.contains(el) && !button.current?.contains(el)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  const onMenuKey = (e: React.KeyboardEvent) => {
    const els = items();
    const i = els.indexOf(document.activeElement as HTMLButtonElement);
    const move: Record<string, number> = {
      ArrowDown: i + 1,
      ArrowUp: i - 1,
      Home: 0,
      End: els.length - 1,
    };
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
      button.current?.focus();
    } else if (e.key in move) {
      e.preventDefault();
      focusItem(move[e.key]!);
    } else if (e.key === 'Tab') {
      setOpen(false);
    }
  };

  return (
    <span className={`menu ${props.className ?? ''}`}>
      <button
        ref={button}
        type="button"
        className="menu-button"
        data-testid={props.testId}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={props.title}
        title={props.title}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {props.label}
      </button>
      {open && (
        <div
          ref={menu}
          id={menuId}
          role="menu"
          className="menu-list"
          data-testid={props.menuTestId}
          aria-label={props.title}
          onKeyDown={onMenuKey}
        >
          {props.items.map((item) => (
            <button
              key={item.key}
              type="button"
              role="menuitem"
              tabIndex={-1}
              data-testid={item.testId}
              onClick={() => {
                setOpen(false);
                button.current?.focus();
                item.onSelect();
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
    </span>
  );
}
