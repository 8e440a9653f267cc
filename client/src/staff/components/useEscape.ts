import { useEffect, useRef } from 'react';

/**
 * Esc closes what was opened last: a form opened inside a side panel closes before the panel.
 * Each open thing registers while it is open; one key listener calls the newest. Desktop (h5) only.
 */
const open: { current: () => void }[] = [];
let listening = false;

function onKey(e: KeyboardEvent) {
  if (e.key !== 'Escape' || !open.length) return;
  e.preventDefault();
  open[open.length - 1].current();
}

export function useEscape(close: () => void, active = true) {
  const ref = useRef(close);
  ref.current = close;
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || !active) return;
    open.push(ref);
    if (!listening) {
      window.addEventListener('keydown', onKey);
      listening = true;
    }
    return () => {
      const i = open.lastIndexOf(ref);
      if (i >= 0) open.splice(i, 1);
    };
  }, [active]);
}
