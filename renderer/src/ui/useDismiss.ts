import { useEffect, type RefObject } from 'react';

/**
 * While `open`, closes a popup (a menu) when the pointer goes down outside
 * `ref` or Escape is pressed.
 */
export function useDismiss(open: boolean, close: () => void, ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (!open) return;
    const onEvent = (event: Event) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !ref.current?.contains(event.target as Node)) close();
    };
    window.addEventListener('pointerdown', onEvent);
    window.addEventListener('keydown', onEvent);
    return () => {
      window.removeEventListener('pointerdown', onEvent);
      window.removeEventListener('keydown', onEvent);
    };
  }, [open, close, ref]);
}
