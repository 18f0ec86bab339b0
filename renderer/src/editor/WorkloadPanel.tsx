export function WorkloadPanel() {
  return <div data-testid="workload-panel" />;
}
