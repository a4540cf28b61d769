/**
 * Matching a catalogue entry's label ("Tlf.", "Bankinnskudd") with a label a CRM page
 * shows next to a value. Deliberately strict and predictable: two labels match only
 * when they are the same words after normalisation. There is no fuzzy matching, no
 * prefix matching and no synonyms, so "Tlf." never matches "Tlf. arbeid" (a different
 * field that needs its own catalogue entry) and "E-post" never matches "E-mail".
 *
 * Tolerated differences (everything else must be equal):
 * - case, surrounding and repeated whitespace (incl. no-break spaces), Unicode form (NFC);
 * - trailing ":" and "*" (form decoration: "E-post *:");
 * - one trailing "." ("Tlf" = "Tlf.", "Kontonr" = "Kontonr.");
 * - a trailing form annotation in parentheses: "(valgfri)", "(valgfritt)", "(frivillig)",
 *   "(påkrevd)", "(obligatorisk)", "(optional)", "(required)";
 * - whitespace around "/" ("Postnr. / sted" = "Postnr./sted").
 * Norwegian letters are kept as they are: "Født" does not match "Fodt".
 */

/** Form annotations that say whether a field must be filled in, not what it is. */
const ANNOTATION = /\s*\((?:valgfri|valgfritt|valgfrie|frivillig|ikke påkrevd|påkrevd|obligatorisk|optional|required|not required)\)$/u;

/**
 * Normalised display-independent form of a label: NFC, whitespace collapsed and trimmed,
 * trailing ":" / "*" removed, lower-cased (Norwegian letters kept: "FØDSELSDATO" →
 * "fødselsdato").
 */
export function normaliseLabel(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/[\s:*]+$/u, '')
    .toLowerCase();
}

/**
 * The key two labels are compared by: `normaliseLabel` plus the tolerated differences
 * listed above. Equal keys ⇔ `labelMatches`. Empty for a label with no text.
 */
export function labelKey(text: string): string {
  let key = normaliseLabel(text);
  key = key.replace(ANNOTATION, '').replace(/[\s:*]+$/u, '');
  key = key.replace(/\.$/u, '');
  key = key.replace(/\s*\/\s*/gu, '/');
  return key.trim();
}

/** True when a page label is the catalogue label (see the rules at the top of this file). */
export function labelMatches(catalogLabel: string, pageLabel: string): boolean {
  const a = labelKey(catalogLabel);
  return a !== '' && a === labelKey(pageLabel);
}

/** A label as the page shows it, tidied for display: whitespace collapsed, trailing ":" / "*" removed, case kept. */
export function displayLabel(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/[\s:*]+$/u, '');
}
