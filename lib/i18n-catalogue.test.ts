import { describe, expect, it } from 'vitest';
import en from '../public/_locales/en/messages.json';
import nb from '../public/_locales/nb/messages.json';

type Catalogue = Record<string, { message: string }>;
const placeholders = (s: string) => [...s.matchAll(/\$\d/g)].map((m) => m[0]).sort();

describe('UI text catalogues', () => {
  it('have the same keys in English and Norwegian Bokmål', () => {
    expect(Object.keys(nb).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en))('%s has text and the same placeholders in both languages', (key) => {
    const a = (en as Catalogue)[key]!.message;
    const b = (nb as Catalogue)[key]!.message;
    expect(a.trim()).not.toBe('');
    expect(b.trim()).not.toBe('');
    expect(placeholders(b)).toEqual(placeholders(a));
  });
});
