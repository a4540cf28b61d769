import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { groupNorwegian } from './norway';

const E164 = /^\+[1-9]\d{3,14}$/;

/** The national part of a +47 number, or null. */
function norwegianPart(e164: string): string | null {
  return e164.startsWith('+47') && (e164.length === 11 || e164.length === 8) ? e164.slice(3) : null;
}

/**
 * `+4741234567` -> `412 34 567`, `+4722123456` -> `22 12 34 56`,
 * `+4702800` -> `02800`; foreign numbers in international format
 * (`+46 70 123 45 67`). Input that is not E.164 is returned unchanged.
 */
export function formatNational(e164: string): string {
  if (!E164.test(e164)) return e164;
  const no = norwegianPart(e164);
  if (no !== null) return groupNorwegian(no);
  return formatInternational(e164);
}

/**
 * `+4741234567` -> `+47 412 34 567`, `+46701234567` -> `+46 70 123 45 67`.
 * Input that is not E.164 is returned unchanged.
 */
export function formatInternational(e164: string): string {
  if (!E164.test(e164)) return e164;
  const no = norwegianPart(e164);
  if (no !== null) return `+47 ${groupNorwegian(no)}`;
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
