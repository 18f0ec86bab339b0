import { useStore } from '@xyflow/react';
import { useEffect, type RefObject } from 'react';
import { teamTitleSize } from './levelOfDetail';

/**
 * Keeps team names readable however far the canvas is zoomed out, by setting
 * their size (in diagram units) as a CSS variable on the canvas. The size is
 * stepped, so this re-renders (itself only) a few times in a whole zoom, never
 * on a pan.
 */
export function TeamTitleScale({ paneRef }: { paneRef: RefObject<HTMLDivElement | null> }) {
  const size = useStore((s) => teamTitleSize(s.transform[2]));
  useEffect(() => {
    paneRef.current?.style.setProperty('--team-title-size', `${size}px`);
  }, [paneRef, size]);
  return null;
}
