import { useEffect, useRef } from 'react';

/** What a d3 chart controller offers: React calls `update` with new data and `destroy` on unmount. */
export interface ChartController<T> {
  update(data: T): void;
  resize(width: number, height: number): void;
  destroy(): void;
}

/**
 * Mounts a d3 controller in a div that React renders empty and never
 * touches again; new data goes to `update`, size changes to `resize`.
 */
export function useChart<T>(create: (container: HTMLDivElement) => ChartController<T>, data: T) {
  const ref = useRef<HTMLDivElement>(null);
  const controller = useRef<ChartController<T> | null>(null);
  useEffect(() => {
    const el = ref.current!;
    const c = create(el);
    controller.current = c;
    const observer = new ResizeObserver(() => {
      c.resize(el.clientWidth, el.clientHeight);
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      c.destroy();
      controller.current = null;
    };
  }, [create]);
  useEffect(() => {
    // Each chart draws in a task of its own, so a results page full of charts never blocks the page for long.
    const id = window.setTimeout(() => controller.current?.update(data), 0);
    return () => window.clearTimeout(id);
  }, [data]);
  return ref;
}
