import { useCallback, useRef, useState } from 'react';
import { HostError } from '../../../electron/api/contract';
import { useAppServices } from '../app/AppServices';
import { useSessionStore } from '../state/sessionStore';
import { readLegend, serializeChart, svgToPngBase64 } from './chartExport';
import { useDismiss } from '../ui/useDismiss';

/** File-name friendly text. */
const stem = (s: string) => s.trim().replace(/[\\/:*?"<>|\0]+/g, '-').replace(/\s+/g, ' ').slice(0, 100) || 'chart';

/**
 * A chart card's menu: save the chart as SVG or PNG (2x), with its title and
 * the card's legend. `scope` picks the chart in a card that holds several
 * (the closest element matching it around the menu); by default the card's.
 * `chart` selects the chart's SVG inside it.
 */
export function ChartMenu({ title, name, scope, chart = '.chart svg' }: { title: string; name: string; scope?: string; chart?: string }) {
  const { host } = useAppServices();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, ref);

  const save = async (format: 'svg' | 'png') => {
    setOpen(false);
    const card = ref.current?.closest('.chart-card');
    const holder = scope ? ref.current?.closest(scope) : card;
    const svg = holder?.querySelector<SVGSVGElement>(chart);
    const notify = useSessionStore.getState().notify;
    if (!card || !svg) return notify({ kind: 'error', title: 'There is no chart to save yet.' });
    try {
      const chart = serializeChart(svg, title, readLegend(card), getComputedStyle(card).backgroundColor);
      const file =
        format === 'svg'
          ? await host.exportFile({ suggestedName: `${stem(name)}.svg`, content: chart.text, encoding: 'utf8' })
          : await host.exportFile({ suggestedName: `${stem(name)}.png`, content: await svgToPngBase64(chart), encoding: 'base64' });
      if (file) notify({ kind: 'success', title: `Saved ${file.name}`, details: [file.path] });
    } catch (err) {
      notify({ kind: 'error', title: `Could not save the chart as ${format.toUpperCase()}`, details: [err instanceof HostError || err instanceof Error ? err.message : String(err)] });
    }
  };

  return (
    <div className="menu chart-menu" ref={ref}>
      <button type="button" className="btn btn-ghost icon-btn" aria-haspopup="menu" aria-expanded={open} aria-label={`Save ${title}`} title="Save the chart" data-testid={`chart-menu-${name}`} onClick={() => setOpen((o) => !o)}>
        ⋯
      </button>
      {open && (
        <div className="menu-popup menu-popup-right" role="menu">
          <button type="button" role="menuitem" className="menu-item" data-testid={`chart-save-svg-${name}`} onClick={() => void save('svg')}>
            Save as SVG
          </button>
          <button type="button" role="menuitem" className="menu-item" data-testid={`chart-save-png-${name}`} onClick={() => void save('png')}>
            Save as PNG (2x)
          </button>
        </div>
      )}
    </div>
  );
}
