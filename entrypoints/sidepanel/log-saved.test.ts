import { describe, expect, it, vi } from 'vitest';
import { savedLines, tellOpenPages } from './log-saved';

const base = { number: '412 34 567', outcome: 'Do not call', doNotCall: true, blocked: 1, scope: 'all clients', pagesTold: true };

describe('after a call is saved (OutcomeForm)', () => {
  it('a failed notification of the open pages resolves to false instead of rejecting (no "Could not save")', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(tellOpenPages(() => Promise.reject(new Error('Could not establish connection')))).resolves.toBe(false);
    await expect(tellOpenPages(() => Promise.resolve())).resolves.toBe(true);
  });

  it('says the call was saved and the number blocked, and that open pages stop it at their next check when they could not be told', () => {
    expect(savedLines({ ...base, pagesTold: false })).toEqual([
      { key: 'panelLogSaved', substitutions: ['412 34 567', 'Do not call'] },
      { key: 'panelLogSavedBlockedLater', substitutions: ['412 34 567', 'all clients'] },
    ]);
    expect(savedLines(base)[1]).toEqual({ key: 'panelLogSavedBlocked', substitutions: ['412 34 567', 'all clients'] });
  });

  it('already blocked, and other outcomes', () => {
    expect(savedLines({ ...base, blocked: 0 }).map((l) => l.key)).toEqual(['panelLogSaved', 'panelLogAlreadyBlocked']);
    expect(savedLines({ ...base, doNotCall: false, outcome: 'Sale' })).toEqual([{ key: 'panelLogSaved', substitutions: ['412 34 567', 'Sale'] }]);
  });
});
