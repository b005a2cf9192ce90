import { useEffect, useRef } from 'react';
import { EMPTY_WEDGE, wedgeKey } from '../../scan/wedge';

/** Keyboard-wedge scanners typing while focus is outside a text field (SPEC [SC6]). */
export function useWedge(onText: (text: string) => void) {
  const state = useRef(EMPTY_WEDGE);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT')) return;
      const r = wedgeKey(state.current, e.key, e.timeStamp);
      state.current = r.state;
      if (r.scanned !== null) onText(r.scanned);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onText]);
}
