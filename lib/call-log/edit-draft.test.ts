import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KontaktvernDb } from '../db';
import { editOutcomeKind, editOutcomes, editPatch, initialAmountText } from './edit-draft';
import { editCall, logCall } from './log-store';
import { MINUTE, NOW, openTestDb, testCampaign, testLog } from './test-fixtures';

const sale = testLog({ amountOre: 50_000, note: '' });
const replaced = testCampaign({ outcomes: [{ id: 'o-sale-2', kind: 'sale', label: '' }, { id: 'o-no', kind: 'not-interested', label: '' }] });

describe('editPatch (TodaysLog "Fix")', () => {
  it('a note-only fix of a sale leaves the amount out (kept), whatever the campaign says', () => {
    const draft = { outcomeId: 'o-sale', amount: initialAmountText(sale), note: ' ring igjen ' };
    for (const campaign of [testCampaign(), replaced, undefined]) {
      expect(editPatch(sale, campaign, draft)).toEqual({ ok: true, patch: { outcomeId: 'o-sale', note: 'ring igjen' } });
    }
  });

  it('the log\'s own outcome decides that it is a sale, also when the campaign dropped it or is gone', () => {
    expect(editOutcomeKind(sale, replaced, 'o-sale')).toBe('sale');
    expect(editOutcomeKind(sale, undefined, 'o-sale')).toBe('sale');
    expect(editOutcomeKind(sale, replaced, 'o-no')).toBe('not-interested');
    expect(editOutcomeKind(sale, undefined, 'o-no')).toBeNull();
  });

  it('offers the log\'s own outcome when the campaign no longer has it (the select shows what was logged)', () => {
    expect(editOutcomes(sale, replaced).map((o) => o.id)).toEqual(['o-sale', 'o-sale-2', 'o-no']);
    expect(editOutcomes(sale, undefined)).toEqual([{ id: 'o-sale', kind: 'sale', label: '' }]);
    expect(editOutcomes(sale, testCampaign()).map((o) => o.id)).toEqual(testCampaign().outcomes.map((o) => o.id));
  });

  it('sends a changed amount, null for a cleared one, and refuses a bad one', () => {
    expect(editPatch(sale, replaced, { outcomeId: 'o-sale', amount: '600', note: '' })).toEqual({ ok: true, patch: { outcomeId: 'o-sale', note: '', amountOre: 60_000 } });
    expect(editPatch(sale, replaced, { outcomeId: 'o-sale', amount: ' ', note: '' })).toEqual({ ok: true, patch: { outcomeId: 'o-sale', note: '', amountOre: null } });
    expect(editPatch(sale, replaced, { outcomeId: 'o-sale', amount: 'tolv', note: '' })).toEqual({ ok: false, amount: { ok: false, reason: 'not-a-number' } });
  });

  it('clears the amount only when the outcome changes to one that is not a sale', () => {
    expect(editPatch(sale, replaced, { outcomeId: 'o-no', amount: '500', note: '' })).toEqual({ ok: true, patch: { outcomeId: 'o-no', note: '', amountOre: null } });
    expect(editPatch(sale, replaced, { outcomeId: 'o-sale-2', amount: '500', note: '' })).toEqual({ ok: true, patch: { outcomeId: 'o-sale-2', note: '', amountOre: 50_000 } });
    const noAnswer = testLog({ outcomeId: 'o-no', outcomeKind: 'not-interested', amountOre: null });
    expect(editPatch(noAnswer, testCampaign(), { outcomeId: 'o-no', amount: '', note: 'x' })).toEqual({ ok: true, patch: { outcomeId: 'o-no', note: 'x' } });
  });
});

describe('editPatch with editCall: the amount survives a note-only fix', () => {
  let db: KontaktvernDb;
  beforeEach(async () => {
    db = await openTestDb();
    await db.campaigns.add(testCampaign());
  });
  afterEach(async () => {
    await db.delete();
  });

  it('after the lead replaced the sale outcome', async () => {
    const { log } = await logCall(db, { e164: '+4741234567', campaign: testCampaign(), outcomeId: 'o-sale', amountOre: 50_000, note: '', agent: 'Kari' }, NOW);
    await db.campaigns.put(replaced);
    const draft = editPatch(log, replaced, { outcomeId: log.outcomeId, amount: initialAmountText(log), note: 'ring igjen' });
    if (!draft.ok) throw new Error('refused');
    const r = await editCall(db, log.id, draft.patch, 'Kari', NOW + MINUTE);
    expect(r.log).toMatchObject({ amountOre: 50_000, note: 'ring igjen', outcomeKind: 'sale' });
  });

  it('after the campaign was deleted', async () => {
    const { log } = await logCall(db, { e164: '+4741234567', campaign: testCampaign(), outcomeId: 'o-sale', amountOre: 12_345, note: '', agent: 'Kari' }, NOW);
    await db.campaigns.delete('campaign-1');
    const draft = editPatch(log, undefined, { outcomeId: log.outcomeId, amount: initialAmountText(log), note: 'ny' });
    if (!draft.ok) throw new Error('refused');
    expect((await editCall(db, log.id, draft.patch, 'Kari', NOW + MINUTE)).log).toMatchObject({ amountOre: 12_345, note: 'ny' });
  });
});
