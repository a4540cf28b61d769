/** Cell texts for spreadsheets opened in a Norwegian Excel (`;`-separated, `,` decimal mark). */

const osloParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `28.11.2026 14:03` in Europe/Oslo: Norwegian Excel reads it as a date-time. */
export function osloDateTimeCell(ms: number): string {
  const p: Record<string, string> = {};
  for (const part of osloParts.formatToParts(ms)) p[part.type] = part.value;
  return `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}`;
}

/** Øre → kroner with a decimal comma and no grouping (`123456` → `1234,56`), '' for null: read as a number by Norwegian Excel. */
export function kronerCell(amountOre: number | null): string {
  if (amountOre === null) return '';
  const sign = amountOre < 0 ? '-' : '';
  const abs = Math.abs(amountOre);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}
