/** Locale-aware formatting of dates, times and amounts (nb-NO: `29.11.2026`, `kr 12 345`). */

const DATE: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };

/** Formatters are costly to build and lists format hundreds of rows: one per locale, zone and shape. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, timeZone: string, shape: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${shape}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, { ...options, timeZone })));
  return format;
}

export function formatDate(ms: number, locale: string, timeZone = 'Europe/Oslo'): string {
  return dateFormat(locale, timeZone, 'date', DATE).format(ms);
}

export function formatDateTime(ms: number, locale: string, timeZone = 'Europe/Oslo'): string {
  return dateFormat(locale, timeZone, 'date-time', { ...DATE, ...TIME }).format(ms);
}

/** A moment with its weekday, for "allowed again Monday 30.11.2026 09:00". */
export function formatWeekdayDateTime(ms: number, locale: string, timeZone = 'Europe/Oslo'): string {
  return dateFormat(locale, timeZone, 'weekday-date-time', { weekday: 'long', ...DATE, ...TIME }).format(ms);
}

/** Time of day only (`14:05`). */
export function formatTime(ms: number, locale: string, timeZone = 'Europe/Oslo'): string {
  return dateFormat(locale, timeZone, 'time', TIME).format(ms);
}

/** Norwegian usage puts `kr` first (`kr 12 345`), whatever CLDR says; other locales use their own currency format. */
export function formatAmount(kroner: number, locale: string): string {
  // Whole kroner without decimals (`kr 12 345`); øre, when there are any, always with two (`kr 12 345,50`).
  const digits = Number.isInteger(Math.round(kroner * 100) / 100) ? 0 : 2;
  const fraction = { minimumFractionDigits: digits, maximumFractionDigits: digits };
  if (locale.startsWith('nb') || locale.startsWith('no')) {
    return `kr\u00a0${new Intl.NumberFormat('nb-NO', fraction).format(kroner)}`;
  }
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'NOK', ...fraction }).format(kroner);
}
