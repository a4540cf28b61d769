import { describe, expect, it } from 'vitest';
import { draftKey, EMPTY_DRAFT, OutcomeDrafts } from './outcome-drafts';

const A = draftKey('+4741234567', 'c1');
const B = draftKey('+4798765432', 'c1');

describe('OutcomeDrafts', () => {
  it('gives a fresh form for another number and the typed outcome back when the first is selected again', () => {
    const drafts = new OutcomeDrafts();
    const typed = { outcomeId: 'o-sale', amount: '499', note: 'Vil ha tilbud på e-post' };
    expect(drafts.swap(A, typed, B)).toEqual(EMPTY_DRAFT);
    expect(drafts.swap(B, EMPTY_DRAFT, A)).toEqual(typed);
    // Taken out: switching away with an empty form leaves nothing behind.
    expect(drafts.swap(A, EMPTY_DRAFT, B)).toEqual(EMPTY_DRAFT);
    expect(drafts.size).toBe(0);
  });

  it('keeps nothing for an untouched form, and nothing once the call is logged', () => {
    const drafts = new OutcomeDrafts();
    drafts.swap(A, { outcomeId: null, amount: ' ', note: '' }, B);
    expect(drafts.size).toBe(0);
    drafts.swap(B, { outcomeId: 'o-no', amount: '', note: '' }, A);
    drafts.forget(B);
    expect(drafts.swap(A, EMPTY_DRAFT, B)).toEqual(EMPTY_DRAFT);
  });

  it('keeps a draft per number and campaign, and at most 20', () => {
    const drafts = new OutcomeDrafts();
    expect(draftKey('+4741234567', 'c2')).not.toBe(A);
    expect(draftKey(null, 'c1')).toBeNull();
    for (let i = 0; i < 25; i++) drafts.swap(`n${i}`, { outcomeId: 'o', amount: '', note: '' }, `n${i + 1}`);
    expect(drafts.size).toBe(20);
    expect(drafts.swap('x', EMPTY_DRAFT, 'n0')).toEqual(EMPTY_DRAFT);
    expect(drafts.swap('x', EMPTY_DRAFT, 'n24')).toEqual({ outcomeId: 'o', amount: '', note: '' });
  });
});
