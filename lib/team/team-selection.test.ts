import { describe, expect, it } from 'vitest';
import { exportFileName, hasNarrowingFilter, rangeDays, selectionFilter, type TeamSelection } from './team-selection';

/** Saturday 2026-11-28 14:00 in Oslo (CET). */
const NOW = Date.parse('2026-11-28T13:00:00Z');
const all: TeamSelection = { period: 'today', custom: { from: '', to: '' }, campaignId: '', clientId: '', agent: '' };

describe('selectionFilter', () => {
  it('today: the Oslo day, no narrowing fields', () => {
    const r = selectionFilter(all, NOW);
    expect(r).toEqual({
      ok: true,
      filter: { from: Date.parse('2026-11-27T23:00:00Z'), to: Date.parse('2026-11-28T23:00:00Z') },
      range: { from: Date.parse('2026-11-27T23:00:00Z'), to: Date.parse('2026-11-28T23:00:00Z') },
    });
  });

  it('week and month follow Oslo calendar terms', () => {
    const week = selectionFilter({ ...all, period: 'week' }, NOW);
    expect(week.ok && rangeDays(week.range)).toEqual({ first: '2026-11-23', last: '2026-11-29' });
    const month = selectionFilter({ ...all, period: 'month' }, NOW);
    expect(month.ok && rangeDays(month.range)).toEqual({ first: '2026-11-01', last: '2026-11-30' });
  });

  it('adds only the filters chosen', () => {
    const r = selectionFilter({ ...all, campaignId: 'c1', agent: 'Kari Nordmann' }, NOW);
    expect(r.ok && r.filter).toMatchObject({ campaignId: 'c1', agent: 'Kari Nordmann' });
    expect(r.ok && 'clientId' in r.filter).toBe(false);
  });

  it('custom: both days inclusive; ignores custom dates for other periods', () => {
    const r = selectionFilter({ ...all, period: 'custom', custom: { from: '2026-10-01', to: '2026-10-31' } }, NOW);
    expect(r.ok && rangeDays(r.range)).toEqual({ first: '2026-10-01', last: '2026-10-31' });
    expect(selectionFilter({ ...all, custom: { from: 'nonsense', to: '' } }, NOW).ok).toBe(true);
  });

  it('reports an empty or invalid custom date and from after to', () => {
    expect(selectionFilter({ ...all, period: 'custom', custom: { from: '', to: '2026-10-31' } }, NOW)).toEqual({ ok: false, problem: 'invalid-date' });
    expect(selectionFilter({ ...all, period: 'custom', custom: { from: '2026-02-30', to: '2026-03-01' } }, NOW)).toEqual({ ok: false, problem: 'invalid-date' });
    expect(selectionFilter({ ...all, period: 'custom', custom: { from: '2026-11-02', to: '2026-11-01' } }, NOW)).toEqual({ ok: false, problem: 'from-after-to' });
  });
});

describe('hasNarrowingFilter', () => {
  it('is true when any of campaign, client or agent is chosen', () => {
    expect(hasNarrowingFilter(all)).toBe(false);
    expect(hasNarrowingFilter({ ...all, clientId: 'x' })).toBe(true);
  });
});

describe('exportFileName', () => {
  it('uses the Oslo date of the export', () => {
    expect(exportFileName('csv', NOW)).toBe('kontaktvern-samtaler-2026-11-28.csv');
    // 23:30 UTC on the 28th is already the 29th in Oslo.
    expect(exportFileName('json', Date.parse('2026-11-28T23:30:00Z'))).toBe('kontaktvern-samtaler-2026-11-29.json');
  });
});
