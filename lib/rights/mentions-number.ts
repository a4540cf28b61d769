import { findPhoneNumbers } from '../phone/detect';

/** Digits joined by single spaces, no-break spaces, dots or dashes: how a number is written inside text. */
const DIGIT_RUN = /\d+(?:[ \u00a0\u202f.\-\u2010-\u2013]\d+)*/g;
const HAS_DIGIT = /\d/;

/**
 * Does free text (a call note, a rejected import line, a reason) mention the
 * phone number `e164`? Either a run of digits spells exactly the number
 * (`41234567`, `412 34 567`, `47 41 23 45 67`, `0047 41234567`, `41234567x`), or
 * the detector reads it there (`Kona: 412 34 567`, also in a list such as
 * `41234567 98765432`). Never when the digits are part of a longer figure
 * (`Kundenr. 2041234567`) or pieced together from separate ones
 * (`412 kr, ring kl 3, 4567 er postnr`).
 */
export function mentionsNumber(text: string, e164: string): boolean {
  if (!HAS_DIGIT.test(text)) return false;
  const all = e164.slice(1);
  const national = e164.startsWith('+47') && e164.length === 11 ? e164.slice(3) : null;
  for (const m of text.matchAll(DIGIT_RUN)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits === all || digits === national || digits === `00${all}`) return true;
  }
  return findPhoneNumbers(text).some((m) => m.e164 === e164);
}
