import { useEffect, useRef, type ReactNode } from 'react';
import { useEscape } from './useEscape';
import './SidePanel.scss';

/**
 * A panel beside the list (or over the page when `modal`), closed by its button or by Esc.
 * Focus moves into it on open so the keyboard follows what the clerk opened. Desktop console only.
 */
export function SidePanel(p: { title: string; onClose: () => void; modal?: boolean; children?: ReactNode }) {
  const ref = useRef<HTMLElement>(null);
  useEscape(p.onClose);
  useEffect(() => {
    ref.current?.focus();
  }, [p.title]);
  const panel = (
    <aside
      ref={ref}
      className={`side ${p.modal ? 'side--modal' : ''}`}
      aria-label={p.title}
      role={p.modal ? 'dialog' : 'complementary'}
      aria-modal={p.modal || undefined}
      tabIndex={-1}
    >
      <div className="side__head">
        <span className="side__title">{p.title}</span>
        <span className="side__hint">Esc 关闭</span>
        <button type="button" className="side__close" aria-label="关闭" onClick={p.onClose}>
          ×
        </button>
      </div>
      <div className="side__body">{p.children}</div>
    </aside>
  );
  if (!p.modal) return panel;
  return (
    <div className="side-mask" onClick={(e) => e.target === e.currentTarget && p.onClose()}>
      {panel}
    </div>
  );
}
