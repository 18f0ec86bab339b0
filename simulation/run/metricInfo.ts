import type { ScalarMetric } from './variantSummary';

/** How each metric is named and measured, for tables, charts, CSV headers and reports. */
export const METRIC_INFO: Record<ScalarMetric, { label: string; unit: string; lowerIsBetter: boolean | null }> = {
  leadTimeMean: { label: 'Lead time, mean', unit: 'h', lowerIsBetter: true },
  leadTimeP50: { label: 'Lead time p50', unit: 'h', lowerIsBetter: true },
  leadTimeP85: { label: 'Lead time p85', unit: 'h', lowerIsBetter: true },
  leadTimeP95: { label: 'Lead time p95', unit: 'h', lowerIsBetter: true },
  ttrMean: { label: 'Time to restore, mean', unit: 'h', lowerIsBetter: true },
  ttrP50: { label: 'Time to restore p50', unit: 'h', lowerIsBetter: true },
  ttrP95: { label: 'Time to restore p95', unit: 'h', lowerIsBetter: true },
  detectMean: { label: 'Detect, mean', unit: 'h', lowerIsBetter: true },
  waitMean: { label: 'Wait for responder, mean', unit: 'h', lowerIsBetter: true },
  repairMean: { label: 'Repair, mean', unit: 'h', lowerIsBetter: true },
  throughputPerWeek: { label: 'Throughput', unit: 'items/week', lowerIsBetter: false },
  completed: { label: 'Items completed', unit: 'items', lowerIsBetter: false },
  incidents: { label: 'Incidents', unit: 'incidents', lowerIsBetter: null },
  unrestored: { label: 'Incidents not restored by the end', unit: 'incidents', lowerIsBetter: true },
  incidentsWaitedForAbsent: { label: 'Incidents that waited for an absent person', unit: 'incidents', lowerIsBetter: true },
  handoffsPerItem: { label: 'Handoffs per item', unit: 'handoffs', lowerIsBetter: true },
  reworkPerItem: { label: 'Rework per item', unit: 'loops', lowerIsBetter: true },
  peoplePerItem: { label: 'People per item', unit: 'people', lowerIsBetter: null },
  flowEfficiency: { label: 'Flow efficiency', unit: 'share', lowerIsBetter: false },
  wipMean: { label: 'Work in progress, mean', unit: 'items', lowerIsBetter: true },
  wipAtEnd: { label: 'Work in progress at the end', unit: 'items', lowerIsBetter: true },
  littlesLawError: { label: "Little's law |L - λW| / L", unit: 'share', lowerIsBetter: true },
};
