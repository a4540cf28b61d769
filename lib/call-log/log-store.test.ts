import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entriesFor, historyFor } from '../blocklist/store';
import type { KontaktvernDb } from '../db';
import { EDIT_WINDOW_MS, callsOfDay, dayTotals, editCall, logCall } from './log-store';
import { MINUTE, NOW, openTestDb, testCampaign } from './test-fixtures';

let db: KontaktvernDb;
const campaign = testCampaign();
const NUMBER = '+4741234567';

beforeEach(async () => {
  db = await openTestDb();
  await db.campaigns.add(campaign);
});
afterEach(async () => {
  await db.delete();
});

function call(overrides: Partial<Parameters<typeof logCall>[1]> = {}) {
  return logCall(db, { e164: NUMBER, campaign, outcomeId: 'o-no', amountOre: null, note: '', agent: 'Kari', ...overrides }, NOW);
}

describe('logCall', () => {
  it('stores the call with the outcome kind and label of the moment, the note trimmed', async () => {
    const { log, blocked } = await call({ outcomeId: 'o-sale', amountOre: 129_900, note: '  Vil ha kort  ', agent: ' Kari ' });
    expect(blocked).toEqual([]);
    expect(log).toMatchObject({
      e164: NUMBER,
      campaignId: 'campaign-1',
      clientId: 'client-1',
      agent: 'Kari',
      outcomeId: 'o-sale',
      outcomeKind: 'sale',
      outcomeLabel: '',
      amountOre: 129_900,
      note: 'Vil ha kort',
      at: NOW,
      createdAt: NOW,
      updatedAt: NOW,
      anonymisedAt: null,
    });
    expect(await db.callLogs.get(log.id)).toEqual(log);
  });

  it.each([
    [{ e164: '41234567' }, 'invalid-number'],
    [{ e164: '+47 412 34 567' }, 'invalid-number'],
    [{ outcomeId: 'nope' }, 'unknown-outcome'],
    [{ outcomeId: 'o-no', amountOre: 100 }, 'amount-not-allowed'],
    [{ outcomeId: 'o-sale', amountOre: -1 }, 'invalid-amount'],
    [{ outcomeId: 'o-sale', amountOre: 10.5 }, 'invalid-amount'],
    [{ outcomeId: 'o-sale', amountOre: 100_000_000_000 }, 'invalid-amount'],
    [{ outcomeId: 'o-sale', amountOre: Number.NaN }, 'invalid-amount'],
    [{ note: 'x'.repeat(501) }, 'note-too-long'],
    [{ agent: '  ' }, 'agent-required'],
  ] as const)('refuses %o with %s and writes nothing', async (overrides, code) => {
    await expect(call(overrides)).rejects.toMatchObject({ name: 'CallLogError', code });
    expect(await db.callLogs.count()).toBe(0);
  });

  it('accepts the limits: 500 characters of note (emoji count once), amount just below 10^11, a sale without amount', async () => {
    await expect(call({ note: `${'😀'.repeat(500)}  ` })).resolves.toBeDefined();
    await expect(call({ outcomeId: 'o-sale', amountOre: 99_999_999_999 })).resolves.toBeDefined();
    await expect(call({ outcomeId: 'o-sale', amountOre: null })).resolves.toBeDefined();
    expect(await db.callLogs.count()).toBe(3);
  });

  it('blocks the number for the campaign client on "do not call", with an audit event, in one go', async () => {
    const { log, blocked } = await call({ outcomeId: 'o-dnc', note: 'Sint kunde, ville ikke snakke', optOutReason: 'Ba om å ikke bli ringt' });
    expect(blocked).toHaveLength(1);
    expect(blocked[0]).toMatchObject({ e164: NUMBER, source: 'opt-out', scope: 'client-1', reason: 'Ba om å ikke bli ringt', addedBy: 'Kari', createdAt: NOW });
    expect(await entriesFor(db, NUMBER)).toEqual(blocked);
    const history = await historyFor(db, NUMBER);
    expect(history.map((h) => [h.action, h.actor, h.entryId])).toEqual([['block', 'Kari', blocked[0]?.id]]);
    // The note is the call's, never the block list's.
    expect(JSON.stringify([await db.blocks.toArray(), await db.audit.toArray()])).not.toContain('Sint');
    expect(log.outcomeKind).toBe('do-not-call');
  });

  it('blocks for every client when the campaign says so, with a default reason', async () => {
    const { blocked } = await logCall(db, { e164: NUMBER, campaign: testCampaign({ optOutScope: 'all' }), outcomeId: 'o-dnc', amountOre: null, note: '', agent: 'Kari' }, NOW);
    expect(blocked[0]).toMatchObject({ scope: null, source: 'opt-out' });
    expect(blocked[0]?.reason.length).toBeGreaterThan(0);
  });

  it('does not duplicate an opt-out the number already has, and still logs the call', async () => {
    await call({ outcomeId: 'o-dnc' });
    const second = await call({ outcomeId: 'o-dnc' });
    expect(second.blocked).toEqual([]);
    expect(await db.blocks.count()).toBe(1);
    expect(await db.callLogs.count()).toBe(2);
  });

  it('stores neither the log nor the block when the block cannot be written', async () => {
    db.blocks.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(call({ outcomeId: 'o-dnc' })).rejects.toThrow('disk full');
    expect(await db.callLogs.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });
});

describe('editCall', () => {
  it('lets the agent correct outcome, amount and note within the window', async () => {
    const { log } = await call({ note: 'first' });
    const { log: edited, blocked } = await editCall(db, log.id, { outcomeId: 'o-sale', amountOre: 5_000, note: ' second ' }, 'Kari', NOW + EDIT_WINDOW_MS);
    expect(blocked).toEqual([]);
    expect(edited).toMatchObject({ outcomeId: 'o-sale', outcomeKind: 'sale', amountOre: 5_000, note: 'second', updatedAt: NOW + EDIT_WINDOW_MS, at: NOW, createdAt: NOW });
    expect(await db.callLogs.get(log.id)).toEqual(edited);
  });

  it('clears the amount when a sale becomes something else, and refuses an amount given for it', async () => {
    const { log } = await call({ outcomeId: 'o-sale', amountOre: 5_000 });
    await expect(editCall(db, log.id, { outcomeId: 'o-no', amountOre: 5_000 }, 'Kari', NOW + MINUTE)).rejects.toMatchObject({ code: 'amount-not-allowed' });
    const { log: edited } = await editCall(db, log.id, { outcomeId: 'o-no' }, 'Kari', NOW + MINUTE);
    expect(edited.amountOre).toBeNull();
    const { log: note } = await editCall(db, log.id, { note: 'kept' }, 'Kari', NOW + MINUTE);
    expect(note).toMatchObject({ outcomeId: 'o-no', amountOre: null, note: 'kept' });
  });

  it('keeps a sale amount when only the note changes', async () => {
    const { log } = await call({ outcomeId: 'o-sale', amountOre: 5_000 });
    const { log: edited } = await editCall(db, log.id, { note: 'hei' }, 'Kari', NOW + MINUTE);
    expect(edited.amountOre).toBe(5_000);
  });

  it('refuses another agent, a closed window, an anonymised log and an unknown id', async () => {
    const { log } = await call();
    await expect(editCall(db, log.id, { note: 'x' }, 'Ola', NOW + MINUTE)).rejects.toMatchObject({ code: 'not-your-call' });
    await expect(editCall(db, log.id, { note: 'x' }, 'Kari', NOW + EDIT_WINDOW_MS + 1)).rejects.toMatchObject({ code: 'edit-window-closed' });
    await expect(editCall(db, 'missing', { note: 'x' }, 'Kari', NOW + MINUTE)).rejects.toMatchObject({ code: 'not-found' });
    await expect(editCall(db, log.id, { note: 'x' }, ' ', NOW + MINUTE)).rejects.toMatchObject({ code: 'agent-required' });
    await db.callLogs.update(log.id, { e164: null, note: '', anonymisedAt: NOW + 1 });
    await expect(editCall(db, log.id, { note: 'x' }, 'Kari', NOW + MINUTE)).rejects.toMatchObject({ code: 'anonymised' });
  });

  it('refuses an unknown outcome, a note too long, and a campaign that is gone', async () => {
    const { log } = await call();
    await expect(editCall(db, log.id, { outcomeId: 'nope' }, 'Kari', NOW + MINUTE)).rejects.toMatchObject({ code: 'unknown-outcome' });
    await expect(editCall(db, log.id, { note: 'y'.repeat(501) }, 'Kari', NOW + MINUTE)).rejects.toMatchObject({ code: 'note-too-long' });
    await db.campaigns.clear();
    await expect(editCall(db, log.id, { outcomeId: 'o-sale' }, 'Kari', NOW + MINUTE)).rejects.toMatchObject({ code: 'campaign-not-found' });
    expect((await db.callLogs.get(log.id))?.note).toBe('');
  });

  it('blocks the number when the outcome becomes "do not call", once', async () => {
    const { log } = await call();
    const { blocked } = await editCall(db, log.id, { outcomeId: 'o-dnc' }, 'Kari', NOW + MINUTE, 'Ringte tilbake og ba om å slippe');
    expect(blocked).toHaveLength(1);
    expect(blocked[0]).toMatchObject({ source: 'opt-out', scope: 'client-1', reason: 'Ringte tilbake og ba om å slippe', createdAt: NOW + MINUTE });
    const again = await editCall(db, log.id, { note: 'ok' }, 'Kari', NOW + 2 * MINUTE);
    expect(again.blocked).toEqual([]);
    // Changing away from "do not call" leaves the block (unblocking needs a reason, on the block-list page).
    await editCall(db, log.id, { outcomeId: 'o-no' }, 'Kari', NOW + 3 * MINUTE);
    expect(await db.blocks.count()).toBe(1);
  });

  it('writes nothing when nothing changes', async () => {
    const { log } = await call({ note: 'same' });
    const { log: after } = await editCall(db, log.id, { note: ' same ', outcomeId: 'o-no' }, 'Kari', NOW + MINUTE);
    expect(after.updatedAt).toBe(NOW);
  });
});

describe('callsOfDay and dayTotals', () => {
  it("returns the agent's calls of the Oslo day, newest first", async () => {
    // Oslo is UTC+1 in November: the Oslo day 2026-11-28 is 27T23:00Z .. 28T23:00Z.
    const at = (iso: string, agent = 'Kari', outcomeId = 'o-no', amountOre: number | null = null) =>
      logCall(db, { e164: NUMBER, campaign, outcomeId, amountOre, note: '', agent }, Date.parse(iso));
    await at('2026-11-27T22:59:59Z'); // 23:59:59 on the 27th in Oslo
    const first = await at('2026-11-27T23:00:00Z'); // 00:00 on the 28th
    const sale = await at('2026-11-28T12:00:00Z', 'Kari', 'o-sale', 49_900);
    await at('2026-11-28T12:30:00Z', 'Ola');
    const last = await at('2026-11-28T22:59:59Z', 'Kari', 'o-sale', 100);
    await at('2026-11-28T23:00:00Z'); // the 29th in Oslo

    const logs = await callsOfDay(db, 'Kari', NOW);
    expect(logs.map((l) => l.id)).toEqual([last.log.id, sale.log.id, first.log.id]);
    const totals = dayTotals(logs);
    expect(totals).toMatchObject({ calls: 3, sales: 2, amountOre: 50_000 });
    expect(totals.byKind).toMatchObject({ sale: 2, 'not-interested': 1, 'do-not-call': 0, other: 0 });
  });

  it('uses the Oslo day also in summer time', async () => {
    const summer = Date.parse('2026-07-01T10:00:00Z');
    await logCall(db, { e164: NUMBER, campaign, outcomeId: 'o-no', amountOre: null, note: '', agent: 'Kari' }, Date.parse('2026-06-30T22:00:00Z'));
    await logCall(db, { e164: NUMBER, campaign, outcomeId: 'o-no', amountOre: null, note: '', agent: 'Kari' }, Date.parse('2026-06-30T21:59:59Z'));
    expect((await callsOfDay(db, 'Kari', summer)).map((l) => l.at)).toEqual([Date.parse('2026-06-30T22:00:00Z')]);
  });
});
