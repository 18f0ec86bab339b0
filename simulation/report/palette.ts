/**
 * Colours for series, colour-blind safe (Okabe and Ito), in an order that
 * keeps the first two (baseline and first variant) far apart. Each reads on
 * both the light and the dark background.
 */
export const SERIES_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442'] as const;

export const seriesColor = (i: number): string => SERIES_COLORS[i % SERIES_COLORS.length]!;

/** Time to restore is split into these parts, always in this order and these colours. */
export const TTR_PART_COLORS = { detect: '#CC79A7', wait: '#D55E00', repair: '#0072B2' } as const;

/** Where a person's time goes, in these colours on the screen and in reports. */
export const TIME_USE_COLORS: Record<string, string> = { work: '#0072B2', handoff: '#E69F00', rework: '#D55E00', review: '#56B4E9', incident: '#CC79A7', pairing: '#009E73' };
