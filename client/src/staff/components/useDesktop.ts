import { useEffect, useState } from 'react';

/** The console layout's breakpoint: a PC or a landscape tablet; phones and weapp never reach it. */
export const DESKTOP_QUERY = '(min-width: 1024px)';

const matches = () =>
  process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' && window.matchMedia(DESKTOP_QUERY).matches;

/** Whether the staff pages draw the desktop console (menu, header, tables) rather than the phone layout. */
export function useDesktop(): boolean {
  const [on, setOn] = useState(matches);
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return;
    const mql = window.matchMedia(DESKTOP_QUERY);
    const change = () => setOn(mql.matches);
    mql.addEventListener('change', change);
    return () => mql.removeEventListener('change', change);
  }, []);
  return on;
}
