import { describe, expect, it } from 'vitest';
import { dialNumberOf, isDialHref } from './dial-href';

describe('dialNumberOf', () => {
  it.each([
    ['tel:+4741234567', '+4741234567'],
    ['tel:41234567', '41234567'],
    ['TEL:+47%20412%2034%20567', '+47 412 34 567'],
    ['tel:+47-412-34-567;ext=12', '+47-412-34-567'],
    ['tel:004741234567?call', '004741234567'],
    ['callto:+4741234567', '+4741234567'],
    ['callto://+4741234567', '+4741234567'],
    ['sip:+4741234567@pbx.example.no;user=phone', '+4741234567'],
    ['sips:22123456@pbx.example.no', '22123456'],
    ['tel:(+47)%2041234567', '(+47) 41234567'],
    // Pauses, waits, extensions and DTMF after the number: the call still goes to the number.
    ['tel:+4741234567,123', '+4741234567'],
    ['tel:+4741234567%2C%2C9', '+4741234567'],
    ['tel:41234567p1234', '41234567'],
    ['tel:41234567W1', '41234567'],
    ['tel:+47%20412%2034%20567x12', '+47 412 34 567'],
    ['tel:41234567%20ext%2012', '41234567'],
    ['callto:+4741234567,,2', '+4741234567'],
  ])('%s → %s', (href, expected) => {
    expect(dialNumberOf(href)).toBe(expected);
  });

  it.each(['https://example.no/tel:41234567', 'mailto:a@b.no', 'sip:ola.nordmann@example.no', 'tel:', 'tel:abc', 'tel:%E0%A4%A'])(
    'rejects %s',
    (href) => {
      expect(dialNumberOf(href)).toBeNull();
    },
  );
});

describe('isDialHref', () => {
  it('knows the dial schemes, case-insensitively', () => {
    expect(isDialHref('tel:1')).toBe(true);
    expect(isDialHref(' Callto:1')).toBe(true);
    expect(isDialHref('SIP:x')).toBe(true);
    expect(isDialHref('http://x')).toBe(false);
    expect(isDialHref('telnet://x')).toBe(false);
  });
});
