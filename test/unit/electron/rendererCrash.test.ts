import { describe, expect, it } from 'vitest';
import { CRASH_LOOP_LIMIT, CRASH_LOOP_WINDOW_MS, decideAfterCrash } from '../../../electron/node/rendererCrash';

describe('decideAfterCrash', () => {
  it('ignores a clean exit (the window closing) and records nothing', () => {
    const times: number[] = [];
    expect(decideAfterCrash('clean-exit', 0, times, 1000)).toEqual({ kind: 'ignore' });
    expect(times).toEqual([]);
  });

  it('offers a reload that brings back autosaved work, naming what happened', () => {
    const action = decideAfterCrash('oom', 0, [], 1000);
    expect(action).toMatchObject({ kind: 'offer-reload', message: 'The Handoff window ran out of memory.' });
    expect(action.kind !== 'ignore' && action.detail).toMatch(/autosaved/);
    expect(decideAfterCrash('crashed', 139, [], 1000)).toMatchObject({ message: 'The Handoff window crashed (exit code 139).' });
    expect(decideAfterCrash('something-new', 0, [], 1000)).toMatchObject({ kind: 'offer-reload', message: 'The Handoff window stopped (something-new).' });
  });

  it('gives up instead of reloading into the same failure when it keeps crashing within a minute', () => {
    const times: number[] = [];
    const kinds = [];
    for (let i = 0; i < CRASH_LOOP_LIMIT; i++) kinds.push(decideAfterCrash('crashed', 1, times, i * 1000).kind);
    expect(kinds).toEqual([...Array(CRASH_LOOP_LIMIT - 1).fill('offer-reload'), 'give-up']);
  });

  it('forgets crashes older than the loop window', () => {
    const times: number[] = [];
    for (let i = 0; i < CRASH_LOOP_LIMIT - 1; i++) decideAfterCrash('crashed', 1, times, i);
    expect(decideAfterCrash('crashed', 1, times, CRASH_LOOP_WINDOW_MS + CRASH_LOOP_LIMIT).kind).toBe('offer-reload');
    expect(times).toHaveLength(1);
  });
});
