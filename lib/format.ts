/** Locale-aware formatting of dates, times and amounts (nb-NO: `29.11.2026`, `kr 12 345`). */
export function formatDate(ms: number, locale: string, timeZone = 'Europe/Oslo'): string {
  return new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone }).format(ms);
}

export function formatDateTime(ms: number, locale: string, timeZone = 'Europe/Oslo'): string {
  return new Intl.DateTimeFormat(locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(ms);
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

/** A moment with its weekday, for "allowed again Monday 30.11.2026 09:00". */
export function formatWeekdayDateTime(ms: number, locale: string, timeZone = 'Europe/Oslo'): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(ms);
}

/** Time of day only (`14:05`). */
export function formatTime(ms: number, locale: string, timeZone = 'Europe/Oslo'): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone }).format(ms);
}
