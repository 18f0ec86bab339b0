import { describe, expect, it } from 'vitest';
import { DESKTOP_NODE, desktopNodeProblem } from '../../../scripts/desktopNode';

describe('desktopNodeProblem', () => {
  it('accepts Node 22.12 and newer', () => {
    expect(DESKTOP_NODE).toBe('22.12.0');
    for (const v of ['v22.12.0', 'v22.20.1', 'v24.0.0', '23.1.0']) expect(desktopNodeProblem(v)).toBeNull();
  });

  it('names the Node needed and the one found when it is older', () => {
    expect(desktopNodeProblem('v20.20.2')).toBe(
      'The desktop build needs Node >= 22.12.0 (Electron 45 and @electron/fuses require it); this is Node 20.20.2. Install Node 22.12 or newer (the web host and the tests also run on Node 20.19+).',
    );
    expect(desktopNodeProblem('v22.11.9')).toMatch(/this is Node 22\.11\.9/);
  });
});
