import { dialNumberOf } from '../dial-href';
import { findPhoneNumbers, parsePhoneInput } from './detect';

/**
 * The number a person means by a selection or a link: the whole selection if
 * it is one number, else the first number in it; for a link, the number it dials.
 */
export function numberFromSelectionOrLink(selection: string | undefined, linkUrl: string | undefined): string | null {
  if (selection && selection.trim()) {
    const whole = parsePhoneInput(selection);
    if (whole.ok) return whole.e164;
    return findPhoneNumbers(selection)[0]?.e164 ?? null;
  }
  return linkUrl ? numberOfDialHref(linkUrl) : null;
}

/** The number a `tel:`/`callto:`/`sip:` link dials, in E.164, or null. */
export function numberOfDialHref(href: string): string | null {
  const raw = dialNumberOf(href);
  if (!raw) return null;
  const parsed = parsePhoneInput(raw);
  return parsed.ok ? parsed.e164 : null;
}
