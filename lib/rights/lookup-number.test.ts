import { describe, expect, it } from 'vitest';
import { lookupNumberOf } from './lookup-number';

describe('lookupNumberOf', () => {
  it('takes every spelling of the number box', () => {
    expect(lookupNumberOf('412 34 567')).toEqual({ ok: true, e164: '+4741234567' });
    expect(lookupNumberOf('0047 41 23 45 67')).toEqual({ ok: true, e164: '+4741234567' });
  });

  it('takes an E.164 number as stored even when the phone rules turn it down today', () => {
    expect(lookupNumberOf('+4712345678')).toEqual({ ok: true, e164: '+4712345678' });
    expect(lookupNumberOf(' +47 1234 5678 ')).toEqual({ ok: true, e164: '+4712345678' });
    expect(lookupNumberOf('+999123456')).toEqual({ ok: true, e164: '+999123456' });
  });

  it('still turns down what is not a number, with the reason', () => {
    expect(lookupNumberOf('hello')).toEqual({ ok: false, reason: 'not-a-number' });
    expect(lookupNumberOf('')).toEqual({ ok: false, reason: 'empty' });
    expect(lookupNumberOf('12345678')).toMatchObject({ ok: false });
    expect(lookupNumberOf('+0123456789')).toMatchObject({ ok: false });
  });
});
