import { describe, expect, it } from 'vitest';
import { ERASED_REASON, OPT_OUT_IMPORT_REASON, shownReason } from './fixed-reasons';

const texts = { erased: 'fjernet etter krav om sletting', optOutImport: 'har bedt om ikke å bli ringt (fra fil)' };

describe('shownReason', () => {
  it('shows Kontaktvern’s own fixed reasons in the reader’s language and what an agent wrote as written', () => {
    expect(shownReason(ERASED_REASON, texts)).toBe(texts.erased);
    expect(shownReason(OPT_OUT_IMPORT_REASON, texts)).toBe(texts.optOutImport);
    expect(shownReason('Ba om å ikke bli ringt 29.11', texts)).toBe('Ba om å ikke bli ringt 29.11');
    expect(shownReason(' customer opt-out (import)', texts)).toBe(' customer opt-out (import)');
  });
});
