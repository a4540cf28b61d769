import { parsePhoneInput, type PhoneInputResult } from '../phone/detect';

/** E.164 as stored: `+`, then 7-15 digits, the first not 0. */
const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * The number an access or erasure request is about, from what the agent typed:
 * any spelling the number box takes (`412 34 567`, `0047 …`), or failing that
 * an E.164 number exactly as stored (`+47 1234 5678`). Records merged from
 * other machines, or logged under older numbering data, may hold numbers the
 * phone rules turn down today; the person's rights reach those records too.
 */
export function lookupNumberOf(value: string): PhoneInputResult {
  const parsed = parsePhoneInput(value);
  if (parsed.ok) return parsed;
  const stored = value.replace(/[\s\u00a0\u202f]/g, '');
  return E164.test(stored) ? { ok: true, e164: stored } : parsed;
}
