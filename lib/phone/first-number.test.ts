import { describe, expect, it } from 'vitest';
import { numberFromSelectionOrLink } from './first-number';

describe('numberFromSelectionOrLink', () => {
  it('reads a selected number in any spelling', () => {
    expect(numberFromSelectionOrLink(' 412 34 567 ', undefined)).toBe('+4741234567');
    expect(numberFromSelectionOrLink('Ring Kari på +47 22 12 34 56 i morgen', undefined)).toBe('+4722123456');
  });
  it('reads the number a dial link calls', () => {
    expect(numberFromSelectionOrLink(undefined, 'tel:+4741234567')).toBe('+4741234567');
    expect(numberFromSelectionOrLink('', 'sip:41234567@pbx.example.no')).toBe('+4741234567');
  });
  it('says null when there is no number', () => {
    expect(numberFromSelectionOrLink('Kundenr. 41234567', undefined)).toBeNull();
    expect(numberFromSelectionOrLink('hello', undefined)).toBeNull();
    expect(numberFromSelectionOrLink(undefined, 'https://example.no')).toBeNull();
    expect(numberFromSelectionOrLink(undefined, undefined)).toBeNull();
  });
});
