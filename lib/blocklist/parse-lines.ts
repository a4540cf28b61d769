import { parsePhoneInput } from '../phone/detect';

export type LineRejection = 'empty' | 'too-short' | 'too-long' | 'not-a-number' | 'invalid' | 'service-number';

export interface ParsedLines {
  /** Unique valid numbers in first-seen order. */
  valid: { line: number; text: string; e164: string }[];
  /** Lines that are not a number, with why (blank lines are skipped silently). */
  invalid: { line: number; text: string; reason: LineRejection }[];
  /** Lines repeating a number seen earlier in the same paste. */
  duplicates: number;
}

/** Parses pasted text: one number per line, any spelling. */
export function parseNumberLines(text: string): ParsedLines {
  const result: ParsedLines = { valid: [], invalid: [], duplicates: 0 };
  const seen = new Set<string>();
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const parsed = parsePhoneInput(line);
    if (!parsed.ok) {
      result.invalid.push({ line: i + 1, text: line, reason: parsed.reason });
      return;
    }
    if (seen.has(parsed.e164)) {
      result.duplicates++;
      return;
    }
    seen.add(parsed.e164);
    result.valid.push({ line: i + 1, text: line, e164: parsed.e164 });
  });
  return result;
}
